//! The roster table: filters, search, sortable columns, pages of 50 rows, and the CSV export.
//! Sorting and filtering use the core (`sort_rows`, `Filter`), so the table orders and
//! narrows exactly as `trygg roster` would.

mod export;
mod filters;
mod header;
mod pager;
mod row;

use std::rc::Rc;

use trygg_core::roster::{sorted_order, Filter, Row, SortKey};
use yew::prelude::*;

use super::remove::Removing;
use super::Shared;
use crate::shared::hooks::Downloads;
use crate::shared::i18n::counted_html;
use crate::shared::i18n::WordsHtml;
use crate::shared::state::use_app;

/// Rows per page: enough to scan, few enough that a page of a 100,000-person roster renders
/// at once.
pub const PAGE_SIZE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct RosterTableProps {
    /// Every person, as `Roster::rows` gives them.
    pub rows: Shared<Vec<Row>>,
    /// The units to offer in the filter, in order.
    pub units: Shared<Vec<String>>,
    /// Start of the export files' names, e.g. `trygg-exempelregionen-lista-2025-05-01`.
    pub file_stem: AttrValue,
    pub on_export_json: Callback<()>,
    /// The manager view's downloads, so a refused CSV or JSON export is told beside them.
    pub downloads: Downloads,
    /// A row's remove button was pressed.
    pub on_remove: Callback<Removing>,
}

#[derive(Clone, Copy, PartialEq)]
struct Sort {
    key: SortKey,
    descending: bool,
}

/// Holds the table's state; the pieces it renders change it through the handles they get.
#[component]
pub fn RosterTable(props: &RosterTableProps) -> Html {
    let words = use_app().words();
    let filter = use_state(Filter::default);
    let sort = use_state(|| Sort {
        key: SortKey::Name,
        descending: false,
    });
    let page = use_state(|| 0usize);
    let separator = use_state(|| ';');
    let only_filtered = use_state(|| false);

    // Indices into the rows, in sort order, and those the filter keeps: the rows themselves
    // are never copied on a click.
    let rows = &props.rows.0;
    let order: Rc<Vec<usize>> = use_memo((props.rows.clone(), *sort), |(rows, sort)| {
        sorted_order(&rows.0, sort.key, sort.descending)
    });
    let visible: Rc<Vec<usize>> = use_memo(
        (props.rows.clone(), order.clone(), (*filter).clone()),
        |(rows, order, f)| {
            order
                .iter()
                .copied()
                .filter(|&i| f.matches(&rows.0[i]))
                .collect()
        },
    );

    let pages = visible.len().div_ceil(PAGE_SIZE).max(1);
    let current_page = (*page).min(pages - 1);
    let shown = visible
        .iter()
        .skip(current_page * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|&i| &rows[i]);

    html! {
        <>
            { filters::filters(&filter, &page, &props.units.0, &words) }
            <p class="roster-count" role="status">
                { counted_html(&words, "manager.table.showing", rows.len(), &[("shown", &visible.len().to_string()), ("total", &rows.len().to_string())]) }
            </p>
            if visible.is_empty() {
                <p>{ words.html("manager.table.no_match") }</p>
            } else {
                <div class="table-scroll">
                    <table class="roster-table" id={pager::TABLE_ID} tabindex="-1">
                        <caption class="visually-hidden">
                            if pages > 1 {
                                { pager::with_page(&words, "manager.table.caption_paged", current_page, pages) }
                            } else {
                                { words.html("manager.table.caption") }
                            }
                        </caption>
                        <thead>{ header::header_row(&sort, &page, &words) }</thead>
                        <tbody>
                            { for shown.map(|row| row::render_row(row, &props.on_remove, &words)) }
                        </tbody>
                    </table>
                </div>
                // One page needs no paging: two disabled buttons would only be in the way.
                if pages > 1 {
                    { pager::pager(current_page, pages, &page, &words) }
                }
            }
            { export::export(props, &order, &visible, &separator, &only_filtered, &words) }
        </>
    }
}
