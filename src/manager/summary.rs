//! The roster in five figures, and how many files they come from.

use trygg_core::roster::Summary;
use yew::prelude::*;

use trygg_core::certificate::RENEWAL_WINDOW_DAYS;

use crate::shared::i18n::{counted, counted_html, number, Words};

pub fn figures(summary: &Summary, certificates: usize, refused: usize, words: &Words) -> Html {
    let total = &summary.total;
    let figure = |key: &'static str, value: usize, class: &'static str| {
        html! {
            <li class={classes!("figure", class)}>
                <span class="figure-value">{ number(words.lang(), value) }</span>
                <span class="figure-label">{ counted_html(words, key, value, &[("days", &RENEWAL_WINDOW_DAYS.to_string())]) }</span>
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
                { files_text(certificates, refused, words) }
            </p>
        </>
    }
}

/// "Counted per person …. 12 certificates accepted, 1 file refused."
fn files_text(certificates: usize, refused: usize, words: &Words) -> String {
    let lang = words.lang();
    let accepted = counted(
        words,
        "manager.summary.accepted",
        certificates,
        &[("count", &number(lang, certificates))],
    );
    let refused = counted(
        words,
        "manager.summary.refused",
        refused,
        &[("count", &number(lang, refused))],
    );
    words.fill(
        "manager.summary.files",
        &[("certificates", &accepted), ("refused", &refused)],
    )
}
