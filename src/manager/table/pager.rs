//! Previous and next page. Focus goes to the page number after a move, so keyboard and
//! screen-reader users hear where they are instead of staying on a button that may now be
//! disabled.

use yew::prelude::*;

use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;

/// `current` is already clamped to the pages there are (`pages` is at least 1).
pub fn pager(current: usize, pages: usize, page: &UseStateHandle<usize>, words: &Words) -> Html {
    let go_to = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| {
            page.set(to);
            crate::shared::browser::document::focus_soon("roster-page-status");
        })
    };
    html! {
        <nav class="roster-pager" aria-label={words.t("manager.pager.label").to_owned()}>
            <button type="button" class="button secondary small" disabled={current == 0}
                onclick={go_to(current.saturating_sub(1))}>{ words.html("manager.pager.previous") }</button>
            <span id="roster-page-status" tabindex="-1">
                { words.fill_html("manager.pager.page", &[("page", &(current + 1).to_string()), ("pages", &pages.to_string())]) }
            </span>
            <button type="button" class="button secondary small" disabled={current + 1 >= pages}
                onclick={go_to(current + 1)}>{ words.html("manager.pager.next") }</button>
        </nav>
    }
}
