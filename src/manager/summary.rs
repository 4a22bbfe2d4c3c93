//! The roster in five figures, and how many files they come from.

use trygg_core::content::Lang;
use trygg_core::roster::Summary;
use yew::prelude::*;

use crate::shared::i18n::{fill, t};

pub fn figures(summary: &Summary, certificates: usize, refused: usize, lang: Lang) -> Html {
    let total = &summary.total;
    let figure = |key: &'static str, value: usize, class: &'static str| {
        html! {
            <li class={classes!("figure", class)}>
                <span class="figure-value">{ value }</span>
                <span class="figure-label">{ t(lang, key) }</span>
            </li>
        }
    };
    html! {
        <>
            <ul class="summary-figures" id="manager-summary">
                { figure("manager.summary.people", total.people, "people") }
                { figure("manager.summary.valid", total.valid, "valid") }
                { figure("manager.summary.renewal_due", total.renewal_due, "renewal_due") }
                { figure("manager.summary.expired", total.expired, "expired") }
                { figure("manager.summary.flagged", total.flagged, "flagged") }
            </ul>
            <p class="hint">
                { fill(t(lang, "manager.summary.files"), &[("certificates", &certificates.to_string()), ("refused", &refused.to_string())]) }
            </p>
        </>
    }
}
