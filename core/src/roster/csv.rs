//! CSV for spreadsheets. Names come from learners, so a cell may be anything: every field is
//! quoted, and a cell a spreadsheet would run as a formula gets a leading apostrophe
//! (OWASP's advice against CSV injection). The BOM makes Excel read UTF-8, so å, ä and ö
//! survive a double-click.

use std::fmt::Write as _;
use std::io;

use super::table::Row;
use crate::content::{Lang, Role};
use crate::date::Date;

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
    let mut lines = Lines::new(separator, lang);
    out.push_str(lines.header());
    for row in rows {
        out.push_str(lines.row(row));
    }
    out
}

/// [`to_csv_in`] written to `out` a row at a time, byte for byte the same, so a table of
/// 100,000 people is never held twice (rows and text) in memory.
pub fn write_csv_in(
    rows: &[Row],
    separator: char,
    lang: Lang,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let mut csv = CsvWriter::new(out, separator, lang)?;
    for row in rows {
        csv.row(row)?;
    }
    Ok(())
}

/// [`to_csv_in`] for rows that come one at a time ([`super::Roster::each_row`]), so that at
/// region scale the table is never held at all: the header is written when it is made,
/// then a line per row.
pub struct CsvWriter<W: io::Write> {
    out: W,
    lines: Lines,
}

impl<W: io::Write> CsvWriter<W> {
    pub fn new(mut out: W, separator: char, lang: Lang) -> io::Result<CsvWriter<W>> {
        let mut lines = Lines::new(separator, lang);
        out.write_all(lines.header().as_bytes())?;
        Ok(CsvWriter { out, lines })
    }

    pub fn row(&mut self, row: &Row) -> io::Result<()> {
        self.out.write_all(self.lines.row(row).as_bytes())
    }

    /// The writer, to flush it and see whether the last bytes made it.
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Makes the CSV's lines one at a time (the BOM with the header), in buffers reused from
/// line to line.
struct Lines {
    separator: char,
    lang: Lang,
    line: String,
    completed: String,
    valid: String,
    flagged: String,
}

impl Lines {
    fn new(separator: char, lang: Lang) -> Lines {
        let separator = match separator {
            '"' | '\'' | '\r' | '\n' => ',',
            c => c,
        };
        Lines {
            separator,
            lang,
            line: String::with_capacity(512),
            completed: String::new(),
            valid: String::new(),
            flagged: String::new(),
        }
    }

    fn header(&mut self) -> &str {
        let header: [&str; 11] = match self.lang {
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
        self.line.clear();
        self.line.push('\u{FEFF}');
        write_row(&mut self.line, self.separator, header);
        &self.line
    }

    fn row(&mut self, row: &Row) -> &str {
        // Writing into a String cannot fail.
        let reset = |buffer: &mut String, date: Date| {
            buffer.clear();
            let _ = write!(buffer, "{date}");
        };
        reset(&mut self.completed, row.completed_on);
        reset(&mut self.valid, row.valid_until);
        self.flagged.clear();
        for (i, file) in row.flagged_files.iter().enumerate() {
            if i > 0 {
                self.flagged.push_str(" | ");
            }
            self.flagged.push_str(file);
        }
        self.line.clear();
        write_row(
            &mut self.line,
            self.separator,
            [
                row.full_name.as_str(),
                &row.employee_number,
                &row.unit,
                &row.email,
                role_label(row.role, self.lang),
                &self.completed,
                &self.valid,
                row.status.label(self.lang),
                &row.certificate_id,
                &row.content_version,
                &self.flagged,
            ],
        );
        &self.line
    }
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
