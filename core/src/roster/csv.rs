//! CSV for spreadsheets. Names come from learners, so a cell may be anything: every field is
//! quoted, and a cell a spreadsheet would run as a formula gets a leading apostrophe
//! (OWASP's advice against CSV injection). The BOM makes Excel read UTF-8, so å, ä and ö
//! survive a double-click.

use std::convert::Infallible;
use std::io;

use super::table::Row;
use crate::content::{Lang, Role};

/// The table as CSV with English headers; see [`to_csv_in`].
pub fn to_csv(rows: &[Row], separator: char) -> String {
    to_csv_in(rows, separator, Lang::En)
}

/// The table as CSV with headers, status and role in `lang`: UTF-8 with BOM, every field
/// quoted, CRLF after every row, ISO dates. Use `;` where the spreadsheet's locale uses a
/// decimal comma (Swedish Excel), `,` elsewhere. A separator that would break the quoting
/// (a quote, apostrophe or line break) is replaced by `,`.
pub fn to_csv_in(rows: &[Row], separator: char, lang: Lang) -> String {
    let mut out = String::with_capacity(64 + rows.len() * 160);
    let written: Result<(), Infallible> = each_line(rows, separator, lang, |line| {
        out.push_str(line);
        Ok(())
    });
    match written {
        Ok(()) => out,
        Err(never) => match never {},
    }
}

/// [`to_csv_in`] written to `out` a row at a time, byte for byte the same, so a table of
/// 100,000 people is never held twice (rows and text) in memory.
pub fn write_csv_in(
    rows: &[Row],
    separator: char,
    lang: Lang,
    out: &mut impl io::Write,
) -> io::Result<()> {
    each_line(rows, separator, lang, |line| out.write_all(line.as_bytes()))
}

/// Hands the CSV to `emit` line by line (the BOM with the header), in one reused buffer.
fn each_line<E>(
    rows: &[Row],
    separator: char,
    lang: Lang,
    mut emit: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let sep = match separator {
        '"' | '\'' | '\r' | '\n' => ',',
        c => c,
    };
    let header: [&str; 11] = match lang {
        Lang::Sv => [
            "Namn",
            "Anställningsnummer",
            "Enhet",
            "E-post",
            "Roll",
            "Genomförd",
            "Giltigt till och med",
            "Status",
            "Intygsnummer",
            "Innehållsversion",
            "Flaggade filer",
        ],
        Lang::En => [
            "Name",
            "Employee number",
            "Unit",
            "Email",
            "Role",
            "Completed on",
            "Valid until",
            "Status",
            "Certificate number",
            "Content version",
            "Flagged files",
        ],
    };
    let mut out = String::with_capacity(512);
    out.push('\u{FEFF}');
    write_row(&mut out, sep, header.iter().copied());
    emit(&out)?;
    for row in rows {
        out.clear();
        let completed = row.completed_on.to_string();
        let valid = row.valid_until.to_string();
        let flagged = row.flagged_files.join(" | ");
        write_row(
            &mut out,
            sep,
            [
                row.full_name.as_str(),
                &row.employee_number,
                &row.unit,
                &row.email,
                role_label(row.role, lang),
                &completed,
                &valid,
                row.status.label(lang),
                &row.certificate_id,
                &row.content_version,
                &flagged,
            ],
        );
        emit(&out)?;
    }
    Ok(())
}

fn role_label(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Employee, Lang::Sv) => "Medarbetare",
        (Role::Employee, Lang::En) => "Employee",
        (Role::Manager, Lang::Sv) => "Chef",
        (Role::Manager, Lang::En) => "Manager",
        (Role::Elected, Lang::Sv) => "Förtroendevald",
        (Role::Elected, Lang::En) => "Elected representative",
    }
}

fn write_row<'a>(out: &mut String, sep: char, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push('"');
        if starts_formula(cell) {
            out.push('\'');
        }
        // Quotes are doubled; everything between them is copied as it is.
        let mut rest = cell;
        while let Some(at) = rest.find('"') {
            out.push_str(rest.get(..=at).unwrap_or(""));
            out.push('"');
            rest = rest.get(at + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out.push('"');
    }
    out.push_str("\r\n");
}

/// Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (or,
/// for tab and line breaks, hide what follows), including the full-width forms some
/// locales accept.
fn starts_formula(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '＝' | '＋' | '－' | '＠')
    )
}
