//! One person's row. What is odd about the person's files (another content version, a date
//! in the future, a name another row has too, flagged files, several certificates) is written under the name, so the
//! status never stands unexplained. Dates are written as the manager's language writes
//! them; the CSV keeps ISO 8601, which spreadsheets read as dates.

use trygg_core::roster::{Row, RowNote, Status};
use yew::prelude::*;

use crate::manager::chart::unit_name;
use crate::manager::remove::{self, Removing};
use crate::manager::{role_label, status_label};
use crate::shared::i18n::{counted, short_date, Words};

/// One person's row; its "remove" button asks through `on_remove` (during an import too: the
/// question's "yes" waits for it).
pub fn render_row(row: &Row, on_remove: &Callback<Removing>, words: &Words) -> Html {
    // The person as the remove question names them: with their employee number (else their
    // unit), so two people of one name are told apart there and by a screen reader.
    let detail = [&row.employee_number, &row.unit]
        .into_iter()
        .find(|d| !d.trim().is_empty());
    let who = match detail {
        Some(detail) => words.fill(
            "manager.remove.who",
            &[("name", &row.full_name), ("detail", detail)],
        ),
        None => row.full_name.clone(),
    };
    let removing = Removing {
        person_key: row.person_key.clone().into(),
        name: who.into(),
    };
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
                words.fill("manager.note.other_version", &[("version", found)])
            }
            RowNote::CompletedInFuture => words.t("manager.note.future").to_owned(),
            RowNote::SameNameAsAnother => words.t("manager.note.same_name").to_owned(),
            RowNote::OtherNamesOnFiles(names) => {
                words.fill("manager.note.other_names", &[("names", &names.join(", "))])
            }
        })
        .collect();
    if !row.flagged_files.is_empty() {
        notes.push(words.fill(
            "manager.note.flagged_files",
            &[("files", &row.flagged_files.join(", "))],
        ));
    }
    if row.certificates > 1 {
        notes.push(counted(
            words,
            "manager.note.certificates",
            row.certificates,
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
                <div>{ remove::button(removing, on_remove, words) }</div>
            </th>
            <td><span class={classes!("badge", badge)}>{ status_label(row.status, words) }</span></td>
            <td class="cell-number">{ &row.employee_number }</td>
            <td>{ unit_name(&row.unit, words) }</td>
            <td>{ role_label(row.role, words) }</td>
            <td class="cell-date">{ short_date(words.lang(), row.completed_on) }</td>
            <td class="cell-date">{ short_date(words.lang(), row.valid_until) }</td>
        </tr>
    }
}
