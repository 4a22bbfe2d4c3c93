//! Previous and next page. Focus goes to the top of the table after a move, whose name says
//! which page it is, so keyboard and screen-reader users start reading the new page at its
//! first row, instead of at the buttons under its last (or on a button that may now be
//! disabled).

use yew::prelude::*;

use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;

/// The table a page move focuses.
pub const TABLE_ID: &str = "roster-table";

/// `key`'s words with the `{page}` and `{pages}` of "page 2 of 4": the pager's, and the
/// table's caption.
pub fn with_page(words: &Words, key: &str, current: usize, pages: usize) -> Html {
    let (page, pages) = ((current + 1).to_string(), pages.to_string());
    words.fill_html(key, &[("page", &page), ("pages", &pages)])
}

/// `current` is already clamped to the pages there are (`pages` is at least 1).
pub fn pager(current: usize, pages: usize, page: &UseStateHandle<usize>, words: &Words) -> Html {
    let go_to = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| {
            page.set(to);
            crate::shared::browser::document::focus_at_top_soon(TABLE_ID);
        })
    };
    html! {
        <nav class="roster-pager" aria-label={words.t("manager.pager.label").to_owned()}>
            <button type="button" class="button secondary small" disabled={current == 0}
                onclick={go_to(current.saturating_sub(1))}>{ words.html("manager.pager.previous") }</button>
            <span>{ with_page(words, "manager.pager.page", current, pages) }</span>
            <button type="button" class="button secondary small" disabled={current + 1 >= pages}
                onclick={go_to(current + 1)}>{ words.html("manager.pager.next") }</button>
        </nav>
    }
}
