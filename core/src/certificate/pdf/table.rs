//! The table of passed modules. A course with many modules runs onto further pages; each
//! continuation page names the learner and the certificate again, and the footer always
//! shares its page with at least the last row.

use pdf_writer::types::StructRole;

use super::canvas::{Canvas, Face, Line};
use super::style::{border, clamped, ACCENT, HAIRLINE, INK, MUTED, TINT};
use super::CertificateLabels;
use crate::certificate::CompletionRecord;
use crate::language::fill;

/// The page's text edges and the vertical limits the table must respect.
pub(crate) struct Frame {
    pub left: f32,
    pub right: f32,
    /// First baseline area on a new page.
    pub top: f32,
    /// Rows on the footer's page end above this.
    pub footer_top: f32,
    /// Rows on other pages end above this.
    pub bottom: f32,
}

const SIZE: f32 = 10.0;
const LEAD: f32 = 13.0;
const SCORE_W: f32 = 70.0;
/// The date column's least width (an ISO date with room); a longer written date (English's
/// "30 September 2026") widens it and the titles' column gives way.
const DATE_W: f32 = 82.0;
/// The date column's greatest width, so a title always keeps most of the row.
const DATE_W_MAX: f32 = 130.0;
const HEAD_H: f32 = 20.0;

/// The widths the rows and the heading share.
struct Columns {
    date: f32,
}

struct Row {
    lines: Vec<Line>,
    percent: String,
    date: String,
    height: f32,
}

/// Draws the table from `top` down; returns the y below the last row.
pub(crate) fn modules(
    c: &mut Canvas,
    r: &CompletionRecord,
    l: &CertificateLabels,
    f: &Frame,
    top: f32,
) -> f32 {
    let dates: Vec<String> = r.modules.iter().map(|m| l.date(m.passed_on)).collect();
    let widest = dates
        .iter()
        .map(|d| c.measure(Face::Regular, SIZE, d) + 12.0)
        .fold(DATE_W, f32::max);
    let cols = Columns {
        date: widest.min(DATE_W_MAX),
    };
    let title_w = f.right - f.left - SCORE_W - cols.date - 16.0;
    let rows: Vec<Row> = r
        .modules
        .iter()
        .zip(dates)
        .map(|(m, date)| {
            let lines = clamped(c, &[(Face::Regular, &m.title)], SIZE, title_w, 2);
            let height = LEAD * lines.len().max(1) as f32 + 9.0;
            let percent = fill(&l.percent, &[("percent", &m.percent.to_string())]);
            Row {
                lines,
                percent,
                date,
                height,
            }
        })
        .collect();

    c.open(StructRole::Table);
    let mut y = head(c, l, f, &cols, top, false);
    for (i, row) in rows.iter().enumerate() {
        let rest: f32 = rows[i..].iter().map(|r| r.height).sum();
        let last = i + 1 == rows.len();
        let fits = if rest <= y - f.footer_top {
            true
        } else {
            !last && y - row.height >= f.bottom
        };
        if !fits {
            c.new_page();
            border(c);
            // The running header and the repeated heading row are for the eye; the
            // structure already has both.
            c.decoration(|c| {
                let id_w = c.measure(Face::Regular, 8.5, &r.certificate_id);
                c.text(
                    Face::Regular,
                    8.5,
                    MUTED,
                    f.right - id_w,
                    f.top,
                    &r.certificate_id,
                );
                let room = f.right - f.left - id_w - 12.0;
                let name = clamped(c, &[(Face::Regular, &r.learner.full_name)], 8.5, room, 1);
                if let Some(line) = name.first() {
                    c.line(line, 8.5, MUTED, f.left, f.top);
                }
                y = head(c, l, f, &cols, f.top - 14.0, true);
            });
        }
        let base = y - 6.0 - SIZE * 0.8;
        c.open(StructRole::TR);
        c.open(StructRole::TD);
        for (j, line) in row.lines.iter().enumerate() {
            c.line(line, SIZE, INK, f.left + 6.0, base - LEAD * j as f32);
        }
        c.close();
        let x = f.right - cols.date - 6.0 - c.measure(Face::Bold, SIZE, &row.percent);
        c.open(StructRole::TD);
        c.text(Face::Bold, SIZE, INK, x, base, &row.percent);
        c.close();
        // A date wider than its column (past DATE_W_MAX) is cut, never drawn over the score.
        let date = clamped(c, &[(Face::Regular, &row.date)], SIZE, cols.date - 6.0, 1);
        c.open(StructRole::TD);
        if let Some(line) = date.first() {
            c.line(line, SIZE, INK, f.right - 6.0 - line.width, base);
        }
        c.close();
        c.close();
        y -= row.height;
        c.rule((f.left, y), (f.right, y), 0.4, HAIRLINE);
    }
    c.close();
    y
}

/// The tinted heading row, one column header cell per heading; returns the y below it.
fn head(
    c: &mut Canvas,
    l: &CertificateLabels,
    f: &Frame,
    cols: &Columns,
    top: f32,
    continued: bool,
) -> f32 {
    const HEAD: f32 = 8.5;
    c.fill([f.left, top - HEAD_H, f.right - f.left, HEAD_H], TINT);
    let base = top - 13.5;
    let title = if continued {
        format!("{} {}", l.module, l.continued)
    } else {
        l.module.clone()
    };
    let room = f.right - f.left - SCORE_W - cols.date - 16.0;
    c.open(StructRole::TR);
    c.open(StructRole::TH);
    if let Some(line) = clamped(c, &[(Face::Bold, &title)], HEAD, room, 1).first() {
        c.line(line, HEAD, ACCENT, f.left + 6.0, base);
    }
    c.close();
    for (text, right) in [
        (&l.score, f.right - cols.date - 6.0),
        (&l.passed_on, f.right - 6.0),
    ] {
        let size = c.fit(Face::Bold, text, SCORE_W - 4.0, HEAD, 6.0);
        c.open(StructRole::TH);
        if let Some(line) = clamped(c, &[(Face::Bold, text)], size, SCORE_W - 4.0, 1).first() {
            c.line(line, size, ACCENT, right - line.width, base);
        }
        c.close();
    }
    c.close();
    c.rule((f.left, top - HEAD_H), (f.right, top - HEAD_H), 0.8, ACCENT);
    top - HEAD_H
}
