//! The export: the rows as CSV (all of them or the filtered ones, in the table's order, with
//! the separator the manager's spreadsheet expects) or the whole roster as JSON.

use std::rc::Rc;

use trygg_core::roster::{to_csv_in, CsvWords, Row};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::RosterTableProps;
use crate::shared::components::download_failed::DownloadFailed;
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{counted, Words};

/// `order` is every row in the table's order, `visible` those the filter keeps.
pub fn export(
    props: &RosterTableProps,
    order: &Rc<Vec<usize>>,
    visible: &Rc<Vec<usize>>,
    separator: &UseStateHandle<char>,
    only_filtered: &UseStateHandle<bool>,
    words: &Words,
) -> Html {
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
        let rows = props.rows.0.clone();
        let picked = if **only_filtered { visible } else { order }.clone();
        let sep = **separator;
        // Only the filter's rows: the name says so, so it is not taken for the whole list.
        let stem = match **only_filtered {
            true => format!("{}-{}", props.file_stem, words.t("file.roster_filtered")),
            false => props.file_stem.to_string(),
        };
        let downloads = props.downloads.clone();
        let csv_words = CsvWords::from_words(words);
        Callback::from(move |_| {
            let export: Vec<Row> = picked.iter().map(|&i| rows[i].clone()).collect();
            let csv = to_csv_in(&export, sep, &csv_words);
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
    let total = props.rows.0.len();

    html! {
        <>
            <h2>{ words.html("manager.export.title") }</h2>
            <p>{ if **only_filtered {
                counted(words, "manager.export.filtered_note", visible.len(), &[("count", &visible.len().to_string())])
            } else {
                counted(words, "manager.export.all_note", total, &[("count", &total.to_string())])
            } }</p>
            <div class="export-options">
                <p class="filter-field">
                    <label for="export-separator">{ words.html("manager.export.separator") }</label>
                    <select id="export-separator" onchange={on_separator}>
                        <option value=";" selected={**separator == ';'}>{ words.t("manager.export.semicolon") }</option>
                        <option value="," selected={**separator == ','}>{ words.t("manager.export.comma") }</option>
                    </select>
                </p>
                <p class="check-field">
                    <input type="checkbox" id="export-only-filtered" checked={**only_filtered} onchange={on_only_filtered} />
                    <label for="export-only-filtered">{ words.html("manager.export.only_filtered") }</label>
                </p>
            </div>
            <p class="button-row export-buttons">
                <button type="button" class="button" onclick={on_csv}>{ words.html("manager.export.csv") }</button>
                <button type="button" class="button secondary" onclick={on_json}>{ words.html("manager.export.json") }</button>
            </p>
            <DownloadFailed file={props.downloads.refused()} />
            <p class="hint">{ words.html("manager.export.csv_hint") }</p>
            <p class="hint">{ words.html("manager.export.json_hint") }</p>
        </>
    }
}
