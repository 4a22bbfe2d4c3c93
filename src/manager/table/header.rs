//! The column headings, each a button that sorts by its column: a second click on the same
//! column reverses the order.

use trygg_core::roster::SortKey;
use yew::prelude::*;

use super::Sort;
use crate::shared::i18n::{Words, WordsHtml};

/// The columns in the order the rows show them.
const COLUMNS: [(SortKey, &str); 7] = [
    (SortKey::Name, "manager.col.name"),
    (SortKey::Status, "manager.col.status"),
    (SortKey::EmployeeNumber, "manager.col.employee_number"),
    (SortKey::Unit, "manager.col.unit"),
    (SortKey::Role, "manager.col.role"),
    (SortKey::CompletedOn, "manager.col.completed"),
    (SortKey::ValidUntil, "manager.col.valid_until"),
];

pub fn header_row(
    sort: &UseStateHandle<Sort>,
    page: &UseStateHandle<usize>,
    words: &Words,
) -> Html {
    html! {
        <tr>
            { for COLUMNS.iter().map(|&(key, label)| header(key, label, sort, page, words)) }
        </tr>
    }
}

/// `aria-sort` only on the sorted column: screen readers announce it there and nowhere else.
fn header(
    key: SortKey,
    label: &'static str,
    sort: &UseStateHandle<Sort>,
    page: &UseStateHandle<usize>,
    words: &Words,
) -> Html {
    let active = sort.key == key;
    let aria = active.then_some(if sort.descending {
        "descending"
    } else {
        "ascending"
    });
    let arrow = match (active, sort.descending) {
        (false, _) => "↕",
        (true, false) => "▲",
        (true, true) => "▼",
    };
    let onclick = {
        let sort = sort.clone();
        let page = page.clone();
        Callback::from(move |_| {
            let descending = sort.key == key && !sort.descending;
            sort.set(Sort { key, descending });
            page.set(0);
        })
    };
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" class="sort-button" {onclick}>
                { words.html(label) }
                <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}
