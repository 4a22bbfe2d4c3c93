//! The roster table: filters, search, sortable columns, pages of 50 rows, and the CSV export.
//! Sorting and filtering use the core (`sort_rows`, `Filter`), so the table orders and
//! narrows exactly as `trygg roster` would.

use std::rc::Rc;

use trygg_core::content::{Lang, Role};
use trygg_core::roster::{sorted_order, to_csv_in, Filter, Row, RowNote, SortKey, Status};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::chart::unit_name;
use super::{role_label, status_label, Shared};
use crate::shared::components::download_failed::DownloadFailed;
use crate::shared::hooks::Downloads;
use crate::shared::i18n::{fill, t};
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
    /// Start of the export files' names, e.g. `trygg-exempelregionen-roster-2025-05-01`.
    pub file_stem: AttrValue,
    pub on_export_json: Callback<()>,
    /// The manager view's downloads, so a refused CSV or JSON export is told beside them.
    pub downloads: Downloads,
}

#[derive(Clone, Copy, PartialEq)]
struct Sort {
    key: SortKey,
    descending: bool,
}

#[component]
pub fn RosterTable(props: &RosterTableProps) -> Html {
    let lang = use_app().lang;
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
    let rows = props.rows.0.clone();
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

    let set_filter = {
        let filter = filter.clone();
        let page = page.clone();
        move |change: Box<dyn Fn(&mut Filter)>| {
            let mut next = (*filter).clone();
            change(&mut next);
            filter.set(next);
            page.set(0);
        }
    };
    let on_unit = {
        let set_filter = set_filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            set_filter(Box::new(move |f| {
                f.unit = value.strip_prefix("u:").map(str::to_owned);
            }));
        })
    };
    let on_role = {
        let set_filter = set_filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            set_filter(Box::new(move |f| f.role = Role::from_key(&value)));
        })
    };
    let on_status = {
        let set_filter = set_filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            set_filter(Box::new(move |f| f.status = Status::from_key(&value)));
        })
    };
    let on_search = {
        let set_filter = set_filter.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            set_filter(Box::new(move |f| f.search = value.clone()));
        })
    };
    let sort_by = |key: SortKey| {
        let sort = sort.clone();
        let page = page.clone();
        Callback::from(move |_| {
            let descending = sort.key == key && !sort.descending;
            sort.set(Sort { key, descending });
            page.set(0);
        })
    };
    let go_to = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| {
            page.set(to);
            crate::shared::browser::document::focus_soon("roster-page-status");
        })
    };
    let on_separator = {
        let separator = separator.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            separator.set(if value == "," { ',' } else { ';' });
        })
    };
    let on_only_filtered = {
        let only_filtered = only_filtered.clone();
        Callback::from(move |e: Event| {
            only_filtered.set(e.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    let on_csv = {
        let rows = rows.clone();
        let order = order.clone();
        let visible = visible.clone();
        let only = *only_filtered;
        let sep = *separator;
        let stem = props.file_stem.clone();
        let downloads = props.downloads.clone();
        Callback::from(move |_| {
            let picked = if only { &visible } else { &order };
            let export: Vec<Row> = picked.iter().map(|&i| rows[i].clone()).collect();
            let csv = to_csv_in(&export, sep, lang);
            downloads.offer(
                &format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                csv.as_bytes(),
            );
        })
    };
    let on_json = {
        let cb = props.on_export_json.clone();
        Callback::from(move |_| cb.emit(()))
    };

    let f = &*filter;
    let header = |key: SortKey, label: &'static str| {
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
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort-button" onclick={sort_by(key)}>
                    { t(lang, label) }
                    <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let first = current_page * PAGE_SIZE;
    let shown = visible
        .iter()
        .skip(first)
        .take(PAGE_SIZE)
        .map(|&i| &rows[i]);

    html! {
        <>
            <div class="roster-filters">
                <p class="filter-field">
                    <label for="filter-unit">{ t(lang, "manager.filter.unit") }</label>
                    <select id="filter-unit" onchange={on_unit}>
                        <option value="" selected={f.unit.is_none()}>{ t(lang, "manager.filter.all_units") }</option>
                        { for props.units.0.iter().map(|u| html! {
                            <option value={format!("u:{u}")} selected={f.unit.as_deref() == Some(u.as_str())}>{ unit_name(u, lang) }</option>
                        }) }
                    </select>
                </p>
                <p class="filter-field">
                    <label for="filter-role">{ t(lang, "manager.filter.role") }</label>
                    <select id="filter-role" onchange={on_role}>
                        <option value="" selected={f.role.is_none()}>{ t(lang, "manager.filter.all_roles") }</option>
                        { for Role::ALL.iter().map(|&r| html! {
                            <option value={r.key()} selected={f.role == Some(r)}>{ role_label(r, lang) }</option>
                        }) }
                    </select>
                </p>
                <p class="filter-field">
                    <label for="filter-status">{ t(lang, "manager.filter.status") }</label>
                    <select id="filter-status" onchange={on_status}>
                        <option value="" selected={f.status.is_none()}>{ t(lang, "manager.filter.all_statuses") }</option>
                        { for Status::ALL.iter().map(|&s| html! {
                            <option value={s.key()} selected={f.status == Some(s)}>{ status_label(s, lang) }</option>
                        }) }
                    </select>
                </p>
                <p class="filter-field filter-search">
                    <label for="filter-search">{ t(lang, "manager.filter.search") }</label>
                    <input id="filter-search" type="search" value={f.search.clone()} oninput={on_search}
                        aria-describedby="filter-search-hint" autocomplete="off" />
                    <span id="filter-search-hint" class="hint">{ t(lang, "manager.filter.search_hint") }</span>
                </p>
            </div>
            <p class="roster-count" role="status">
                { fill(t(lang, "manager.table.showing"), &[("shown", &visible.len().to_string()), ("total", &rows.len().to_string())]) }
            </p>
            if visible.is_empty() {
                <p>{ t(lang, "manager.table.no_match") }</p>
            } else {
                <div class="table-scroll">
                    <table class="roster-table">
                        <caption class="visually-hidden">{ t(lang, "manager.table.caption") }</caption>
                        <thead>
                            <tr>
                                { header(SortKey::Name, "manager.col.name") }
                                { header(SortKey::Status, "manager.col.status") }
                                { header(SortKey::EmployeeNumber, "manager.col.employee_number") }
                                { header(SortKey::Unit, "manager.col.unit") }
                                { header(SortKey::Role, "manager.col.role") }
                                { header(SortKey::CompletedOn, "manager.col.completed") }
                                { header(SortKey::ValidUntil, "manager.col.valid_until") }
                            </tr>
                        </thead>
                        <tbody>
                            { for shown.map(|row| render_row(row, lang)) }
                        </tbody>
                    </table>
                </div>
                <nav class="roster-pager" aria-label={t(lang, "manager.pager.label")}>
                    <button type="button" class="button secondary small" disabled={current_page == 0}
                        onclick={go_to(current_page.saturating_sub(1))}>{ t(lang, "manager.pager.previous") }</button>
                    <span id="roster-page-status" tabindex="-1">
                        { fill(t(lang, "manager.pager.page"), &[("page", &(current_page + 1).to_string()), ("pages", &pages.to_string())]) }
                    </span>
                    <button type="button" class="button secondary small" disabled={current_page + 1 >= pages}
                        onclick={go_to(current_page + 1)}>{ t(lang, "manager.pager.next") }</button>
                </nav>
            }
            <h2>{ t(lang, "manager.export.title") }</h2>
            <p>{ if *only_filtered {
                fill(t(lang, "manager.export.filtered_note"), &[("count", &visible.len().to_string())])
            } else {
                fill(t(lang, "manager.export.all_note"), &[("count", &rows.len().to_string())])
            } }</p>
            <div class="export-options">
                <p class="filter-field">
                    <label for="export-separator">{ t(lang, "manager.export.separator") }</label>
                    <select id="export-separator" onchange={on_separator}>
                        <option value=";" selected={*separator == ';'}>{ t(lang, "manager.export.semicolon") }</option>
                        <option value="," selected={*separator == ','}>{ t(lang, "manager.export.comma") }</option>
                    </select>
                </p>
                <p class="check-field">
                    <input type="checkbox" id="export-only-filtered" checked={*only_filtered} onchange={on_only_filtered} />
                    <label for="export-only-filtered">{ t(lang, "manager.export.only_filtered") }</label>
                </p>
            </div>
            <p class="button-row export-buttons">
                <button type="button" class="button" onclick={on_csv}>{ t(lang, "manager.export.csv") }</button>
                <button type="button" class="button secondary" onclick={on_json}>{ t(lang, "manager.export.json") }</button>
            </p>
            <DownloadFailed file={props.downloads.refused()} />
            <p class="hint">{ t(lang, "manager.export.json_hint") }</p>
        </>
    }
}

fn render_row(row: &Row, lang: Lang) -> Html {
    let badge = match row.status {
        Status::Valid => "ok",
        Status::RenewalDue => "warn",
        Status::Expired => "bad",
        Status::Flagged => "flag",
    };
    let mut notes: Vec<String> = row
        .notes
        .iter()
        .map(|note| match note {
            RowNote::OtherContentVersion { found, .. } => {
                fill(t(lang, "manager.note.other_version"), &[("version", found)])
            }
            RowNote::CompletedInFuture => t(lang, "manager.note.future").to_owned(),
        })
        .collect();
    if !row.flagged_files.is_empty() {
        notes.push(fill(
            t(lang, "manager.note.flagged_files"),
            &[("files", &row.flagged_files.join(", "))],
        ));
    }
    if row.certificates > 1 {
        notes.push(fill(
            t(lang, "manager.note.certificates"),
            &[("count", &row.certificates.to_string())],
        ));
    }
    html! {
        <tr key={row.person_key.clone()}>
            <th scope="row" class="cell-name">
                { &row.full_name }
                if !notes.is_empty() {
                    <ul class="row-notes">
                        { for notes.into_iter().map(|n| html! { <li>{ n }</li> }) }
                    </ul>
                }
            </th>
            <td><span class={classes!("badge", badge)}>{ status_label(row.status, lang) }</span></td>
            <td class="cell-number">{ &row.employee_number }</td>
            <td>{ unit_name(&row.unit, lang) }</td>
            <td>{ role_label(row.role, lang) }</td>
            <td class="cell-date">{ row.completed_on.to_string() }</td>
            <td class="cell-date">{ row.valid_until.to_string() }</td>
        </tr>
    }
}
