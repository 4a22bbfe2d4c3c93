//! CSV for spreadsheets. Names come from learners, so a cell may be anything: every field is
//! quoted, and a cell a spreadsheet would run as a formula gets a leading apostrophe
//! (OWASP's advice against CSV injection). The BOM makes Excel read UTF-8, so å, ä and ö
//! survive a double-click.

use std::fmt::Write as _;
use std::io;

use super::table::Row;
use super::Status;
use crate::content::Role;
use crate::date::Date;
use crate::language::Words;

/// The words a CSV is written with: its column headings, role names and statuses, from the
/// language's `ui.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvWords {
    header: [String; 11],
    roles: [String; 3],
    statuses: [String; 4],
}

/// The `ui.json` keys of the CSV's column headings, in column order.
const HEADER_KEYS: [&str; 11] = [
    "csv.name",
    "csv.employee_number",
    "csv.unit",
    "csv.email",
    "csv.role",
    "csv.completed_on",
    "csv.valid_until",
    "csv.status",
    "csv.certificate_id",
    "csv.content_version",
    "csv.flagged_files",
];

impl CsvWords {
    pub fn from_words(words: &Words) -> CsvWords {
        let t = |key: &str| words.t(key).to_owned();
        CsvWords {
            header: HEADER_KEYS.map(t),
            roles: Role::ALL.map(|r| t(&format!("manager.role.{}", r.key()))),
            statuses: Status::ALL.map(|s| t(&format!("manager.status.{}", s.key()))),
        }
    }

    fn role(&self, role: Role) -> &str {
        let i = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        &self.roles[i]
    }

    fn status(&self, status: Status) -> &str {
        let i = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        &self.statuses[i]
    }
}

/// The table as CSV with headers, status and role in `words`' language: UTF-8 with BOM,
/// every field quoted, CRLF after every row, ISO dates. Use `;` where the spreadsheet's
/// locale uses a decimal comma (Swedish Excel), `,` elsewhere. A separator that would break
/// the quoting (a quote, apostrophe or line break) is replaced by `,`.
pub fn to_csv_in(rows: &[Row], separator: char, words: &CsvWords) -> String {
    let mut out = String::with_capacity(64 + rows.len() * 160);
    let mut lines = Lines::new(separator, words.clone());
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
    words: &CsvWords,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let mut csv = CsvWriter::new(out, separator, words.clone())?;
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
    pub fn new(mut out: W, separator: char, words: CsvWords) -> io::Result<CsvWriter<W>> {
        let mut lines = Lines::new(separator, words);
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
    words: CsvWords,
    line: String,
    completed: String,
    valid: String,
    flagged: String,
}

impl Lines {
    fn new(separator: char, words: CsvWords) -> Lines {
        let separator = match separator {
            '"' | '\'' | '\r' | '\n' => ',',
            c => c,
        };
        Lines {
            separator,
            words,
            line: String::with_capacity(512),
            completed: String::new(),
            valid: String::new(),
            flagged: String::new(),
        }
    }

    fn header(&mut self) -> &str {
        let header = self.words.header.each_ref().map(String::as_str);
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
                self.words.role(row.role),
                &self.completed,
                &self.valid,
                self.words.status(row.status),
                &row.certificate_id,
                &row.content_version,
                &self.flagged,
            ],
        );
        &self.line
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
