//! The completion certificate: an A4 page a manager can file or pin up, with everything
//! needed to check it printed on it and the completion record attached inside.

use super::canvas::{Canvas, Face, Line, Rgb};
use super::document::{finish, Attachment, Meta};
use super::{CertificateLabels, PdfError, PdfFonts, MM};
use crate::certificate::CompletionRecord;
use crate::content::Lang;

pub(crate) const ACCENT: Rgb = [0.09, 0.27, 0.40];
pub(crate) const INK: Rgb = [0.10, 0.11, 0.13];
pub(crate) const MUTED: Rgb = [0.36, 0.39, 0.44];
pub(crate) const TINT: Rgb = [0.91, 0.94, 0.97];
pub(crate) const HAIRLINE: Rgb = [0.76, 0.80, 0.85];

const W: f32 = 210.0 * MM;
const H: f32 = 297.0 * MM;
/// Left and right edge of the text, inside the double border.
const LEFT: f32 = 62.0;
const RIGHT: f32 = W - 62.0;
/// Everything below this on a page belongs to the footer block.
const FOOTER_TOP: f32 = 232.0;

/// Makes the certificate PDF for `record`, with the record attached as
/// `trygg-intyg-<certificate id>.json` so the PDF alone can be verified and imported.
pub fn certificate_pdf(
    record: &CompletionRecord,
    labels: &CertificateLabels,
    fonts: &PdfFonts,
) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = fonts.parse()?;
    let mut c = Canvas::new(regular, bold, W, H);
    border(&mut c);
    let mut y = header(&mut c, record, labels);
    y = modules(&mut c, record, labels, y - 10.0);
    let _ = y;
    footer(&mut c, record, labels);

    let json = attachment_json(record)?;
    let meta = Meta {
        title: format!("{} – {}", labels.title, record.learner.full_name),
        subject: record.organisation.clone(),
        lang: record.lang,
        date: Some(record.completed_on),
        attachment: Some(Attachment {
            name: format!("trygg-intyg-{}.json", record.certificate_id),
            description: labels.attachment.clone(),
            mime: b"application/json",
            bytes: &json,
        }),
    };
    finish(c, meta)
}

/// The record as pretty JSON. The word `endstream` is written with a JSON escape (same
/// value) so a name containing it cannot end the PDF stream early for a byte scanner.
fn attachment_json(record: &CompletionRecord) -> Result<Vec<u8>, PdfError> {
    let json = serde_json::to_vec_pretty(record).map_err(|e| PdfError::Json(e.to_string()))?;
    let text = String::from_utf8(json).map_err(|e| PdfError::Json(e.to_string()))?;
    Ok(text.replace("endstream", "\\u0065ndstream").into_bytes())
}

/// A double rule around the page, like a printed diploma.
pub(crate) fn border(c: &mut Canvas) {
    let (w, h) = (c.width, c.height);
    let outer = (w * 0.045).min(26.0);
    c.frame(
        [outer, outer, w - 2.0 * outer, h - 2.0 * outer],
        2.2,
        ACCENT,
    );
    let inner = outer + 5.0;
    c.frame(
        [inner, inner, w - 2.0 * inner, h - 2.0 * inner],
        0.6,
        ACCENT,
    );
}

/// Draws lines centred between `LEFT` and `RIGHT`, first baseline at `y`; returns the
/// baseline after the last line.
fn centred(c: &mut Canvas, lines: &[Line], size: f32, lead: f32, color: Rgb, mut y: f32) -> f32 {
    for line in lines {
        let x = LEFT + ((RIGHT - LEFT) - line.width) / 2.0;
        c.line(line, size, color, x, y);
        y -= lead;
    }
    y
}

/// Text shrunk from `start` towards `min` to fit one line, wrapped (at most `max_lines`)
/// if even `min` is too wide.
fn fitted(
    c: &Canvas,
    face: Face,
    text: &str,
    start: f32,
    min: f32,
    max: usize,
) -> (f32, Vec<Line>) {
    let width = RIGHT - LEFT;
    let size = c.fit(face, text, width, start, min);
    let lines = c.wrap(&[(face, text)], size, width);
    (size, c.clamp(lines, size, width, max))
}

fn header(c: &mut Canvas, r: &CompletionRecord, l: &CertificateLabels) -> f32 {
    let (size, org) = fitted(c, Face::Bold, &r.organisation, 13.0, 9.0, 2);
    let mut y = centred(c, &org, size, size * 1.25, ACCENT, H - 84.0);
    let mid = W / 2.0;
    c.rule((mid - 60.0, y + 2.0), (mid + 60.0, y + 2.0), 0.8, ACCENT);

    let (size, title) = fitted(c, Face::Bold, &l.title, 38.0, 22.0, 2);
    y = centred(c, &title, size, size * 1.15, ACCENT, y - size - 6.0);
    let (size, lines) = fitted(c, Face::Regular, &l.certifies, 12.0, 9.0, 2);
    y = centred(c, &lines, size, size * 1.3, MUTED, y + 4.0);

    let (size, name) = fitted(c, Face::Bold, &r.learner.full_name, 28.0, 16.0, 3);
    y = centred(c, &name, size, size * 1.2, INK, y - size - 4.0);
    c.rule(
        (mid - 150.0, y + size * 0.55),
        (mid + 150.0, y + size * 0.55),
        0.5,
        HAIRLINE,
    );

    let learner = &r.learner;
    let mut spans: Vec<(Face, String)> = Vec::new();
    let details = [
        (&l.employee_number, learner.employee_number.as_str()),
        (&l.unit, learner.unit.as_str()),
        (&l.email, learner.email.as_str()),
        (&l.role, l.role_name(r.role)),
    ];
    for (label, value) in details.into_iter().filter(|(_, v)| !v.trim().is_empty()) {
        if !spans.is_empty() {
            spans.push((Face::Regular, "   ·   ".into()));
        }
        spans.push((Face::Regular, format!("{label}: ")));
        spans.push((Face::Bold, value.trim().to_owned()));
    }
    let borrowed: Vec<(Face, &str)> = spans.iter().map(|(f, s)| (*f, s.as_str())).collect();
    let lines = c.wrap(&borrowed, 10.0, RIGHT - LEFT);
    let lines = c.clamp(lines, 10.0, RIGHT - LEFT, 4);
    y = centred(c, &lines, 10.0, 14.0, INK, y - 8.0);

    let lines = c.wrap(&[(Face::Regular, &l.completed)], 11.0, RIGHT - LEFT);
    let lines = c.clamp(lines, 11.0, RIGHT - LEFT, 3);
    centred(c, &lines, 11.0, 14.5, MUTED, y - 12.0)
}

/// The module table; moves to a new page when the rows reach the footer area.
fn modules(c: &mut Canvas, r: &CompletionRecord, l: &CertificateLabels, top: f32) -> f32 {
    const SIZE: f32 = 10.0;
    const LEAD: f32 = 13.0;
    let score_w = 70.0;
    let date_w = 82.0;
    let title_w = RIGHT - LEFT - score_w - date_w - 16.0;
    let mut y = table_head(c, l, top, false);
    for m in &r.modules {
        let lines = c.wrap(&[(Face::Regular, &m.title)], SIZE, title_w);
        let lines = c.clamp(lines, SIZE, title_w, 2);
        let height = LEAD * lines.len().max(1) as f32 + 9.0;
        if y - height < FOOTER_TOP {
            c.new_page();
            border(c);
            y = table_head(c, l, H - 84.0, true);
        }
        let base = y - 6.0 - SIZE * 0.8;
        for (i, line) in lines.iter().enumerate() {
            c.line(line, SIZE, INK, LEFT + 6.0, base - LEAD * i as f32);
        }
        let pct = match r.lang {
            Lang::Sv => format!("{} %", m.percent),
            Lang::En => format!("{}%", m.percent),
        };
        let x = RIGHT - date_w - 6.0 - c.measure(Face::Bold, SIZE, &pct);
        c.text(Face::Bold, SIZE, INK, x, base, &pct);
        let date = m.passed_on.to_string();
        let x = RIGHT - 6.0 - c.measure(Face::Regular, SIZE, &date);
        c.text(Face::Regular, SIZE, INK, x, base, &date);
        y -= height;
        c.rule((LEFT, y), (RIGHT, y), 0.4, HAIRLINE);
    }
    y
}

fn table_head(c: &mut Canvas, l: &CertificateLabels, top: f32, continued: bool) -> f32 {
    const SIZE: f32 = 8.5;
    let h = 20.0;
    c.fill([LEFT, top - h, RIGHT - LEFT, h], TINT);
    let base = top - 13.5;
    let date_w = 82.0;
    let title = if continued {
        format!("{} {}", l.module, l.continued)
    } else {
        l.module.clone()
    };
    let room = RIGHT - LEFT - 70.0 - date_w - 16.0;
    let lines = c.clamp(c.wrap(&[(Face::Bold, &title)], SIZE, room), SIZE, room, 1);
    if let Some(line) = lines.first() {
        c.line(line, SIZE, ACCENT, LEFT + 6.0, base);
    }
    for (text, right) in [
        (&l.score, RIGHT - date_w - 6.0),
        (&l.passed_on, RIGHT - 6.0),
    ] {
        let size = c.fit(Face::Bold, text, 66.0, SIZE, 6.0);
        let x = right - c.measure(Face::Bold, size, text).min(66.0);
        let lines = c.clamp(c.wrap(&[(Face::Bold, text)], size, 66.0), size, 66.0, 1);
        if let Some(line) = lines.first() {
            c.line(line, size, ACCENT, x, base);
        }
    }
    c.rule((LEFT, top - h), (RIGHT, top - h), 0.8, ACCENT);
    top - h
}

/// Dates, identifiers and how to check: fixed at the foot of the last page.
fn footer(c: &mut Canvas, r: &CompletionRecord, l: &CertificateLabels) {
    let half = (RIGHT - LEFT) / 2.0;
    let dates = [
        (&l.completed_on, r.completed_on.to_string()),
        (&l.valid_until, r.valid_until.to_string()),
    ];
    for (i, (label, value)) in dates.iter().enumerate() {
        let x0 = LEFT + half * i as f32;
        box_value(c, x0, half - 8.0, 200.0, label, value, 15.0, ACCENT);
    }
    c.rule((LEFT, 172.0), (RIGHT, 172.0), 0.5, HAIRLINE);
    let third = (RIGHT - LEFT) / 3.0;
    let ids = [
        (&l.certificate_id, &r.certificate_id),
        (&l.verification_code, &r.verification_code),
        (&l.content_version, &r.content_version),
    ];
    for (i, (label, value)) in ids.into_iter().enumerate() {
        let x0 = LEFT + third * i as f32;
        box_value(c, x0, third - 8.0, 150.0, label, value, 10.5, INK);
    }
    let width = RIGHT - LEFT;
    let lines = c.wrap(&[(Face::Regular, &l.how_to_verify)], 8.0, width);
    let lines = c.clamp(lines, 8.0, width, 3);
    centred(c, &lines, 8.0, 10.5, MUTED, 110.0);
}

/// A small caption above a value, both kept within `width`.
#[allow(clippy::too_many_arguments)]
fn box_value(
    c: &mut Canvas,
    x: f32,
    width: f32,
    top: f32,
    label: &str,
    value: &str,
    size: f32,
    color: Rgb,
) {
    let caption = c.clamp(c.wrap(&[(Face::Regular, label)], 8.0, width), 8.0, width, 1);
    if let Some(line) = caption.first() {
        c.line(line, 8.0, MUTED, x, top);
    }
    let size = c.fit(Face::Bold, value, width, size, 7.0);
    let lines = c.clamp(c.wrap(&[(Face::Bold, value)], size, width), size, width, 2);
    for (i, line) in lines.iter().enumerate() {
        c.line(
            line,
            size,
            color,
            x,
            top - 6.0 - size - (size + 2.0) * i as f32,
        );
    }
}
