//! The files that were refused, each with its reason in words.

use trygg_core::roster::import::Refused;
use yew::prelude::*;

use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;

/// Refused files listed before "show all": the list stays readable when a whole folder of
/// the wrong files was dropped.
const REFUSED_SHOWN: usize = 100;

pub fn list(refused: &[Refused], show_all: &UseStateHandle<bool>, words: &Words) -> Html {
    let count = refused.len();
    let shown = if **show_all {
        count
    } else {
        count.min(REFUSED_SHOWN)
    };
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_| show_all.set(!*show_all))
    };
    html! {
        <>
            <h2 id="refused-title" tabindex="-1">
                { words.fill_html("manager.refused.title", &[("count", &count.to_string())]) }
            </h2>
            <p>{ words.html("manager.refused.intro") }</p>
            <ul class="refused-list">
                { for refused.iter().take(shown).map(|r| html! {
                    <li>
                        <span class="refused-name">{ &r.file_name }</span>
                        <span class="refused-reason">{ r.reason.in_words(words) }</span>
                    </li>
                }) }
            </ul>
            if count > REFUSED_SHOWN {
                <p>
                    <button type="button" class="button secondary small" onclick={toggle}>
                        { if **show_all {
                            words.t("manager.refused.show_fewer").to_owned()
                        } else {
                            words.fill("manager.refused.show_all", &[("count", &count.to_string())])
                        } }
                    </button>
                </p>
            }
        </>
    }
}
