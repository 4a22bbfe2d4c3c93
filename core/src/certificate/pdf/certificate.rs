//! The completion certificate: an A4 page a manager can file or pin up, with everything
//! needed to check it printed on it and the completion record attached inside.

use pdf_writer::types::StructRole;

use super::canvas::{Canvas, Face};
use super::document::{finish, Attachment, Meta};
use super::style::{border, centred, clamped, fitted, pieces, seal, ACCENT, HAIRLINE, INK, MUTED};
use super::table::{modules, Frame};
use super::{CertificateLabels, PdfError, PdfFonts, MM};
use crate::certificate::CompletionRecord;

const W: f32 = 210.0 * MM;
const H: f32 = 297.0 * MM;
/// Left and right edge of the text, inside the double border.
const LEFT: f32 = 62.0;
const RIGHT: f32 = W - 62.0;
const SPAN: (f32, f32) = (LEFT, RIGHT);
const FRAME: Frame = Frame {
    left: LEFT,
    right: RIGHT,
    top: H - 70.0,
    footer_top: 212.0,
    bottom: 70.0,
};

/// Makes the certificate PDF for `record`, with the record attached (as
/// `trygg-intyg-<certificate id>.json` in Swedish) so the PDF alone can be verified and
/// imported.
pub fn certificate_pdf(
    record: &CompletionRecord,
    labels: &CertificateLabels,
    fonts: &PdfFonts,
) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = fonts.parse()?;
    // Lay out once to measure: a short certificate moves down a little so the page
    // looks balanced instead of top-heavy.
    let mut dry = Canvas::new(regular.clone(), bold.clone(), W, H);
    let end = draw_body(&mut dry, record, labels, 0.0);
    let spare = if dry.pages.len() == 1 {
        end - FRAME.footer_top
    } else {
        0.0
    };
    let shift = (spare * 0.3).clamp(0.0, 48.0);

    let mut c = Canvas::new(regular, bold, W, H);
    let end = draw_body(&mut c, record, labels, shift);
    let gap = end - FRAME.footer_top;
    if c.pages.len() == 1 && gap >= 70.0 {
        let r = ((gap - 24.0) / 2.0).min(30.0);
        seal(&mut c, W / 2.0, (end + FRAME.footer_top) / 2.0 + 6.0, r);
    }
    footer(&mut c, record, labels);

    let json = attachment_json(record)?;
    let meta = Meta {
        title: format!("{} – {}", labels.title, record.learner.full_name),
        subject: record.organisation.clone(),
        lang: record.lang,
        date: Some(record.completed_on),
        attachment: Some(Attachment {
            name: format!("{}-{}.json", labels.file, record.certificate_id),
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
    let mut out = Vec::with_capacity(json.len() + 16);
    let mut rest = json.as_slice();
    while let Some((&first, tail)) = rest.split_first() {
        if rest.starts_with(b"endstream") {
            out.extend_from_slice(b"\\u0065ndstream");
            rest = &rest[b"endstream".len()..];
        } else {
            out.push(first);
            rest = tail;
        }
    }
    Ok(out)
}

/// Border, heading, name, details and the module table; returns the y below the table.
fn draw_body(c: &mut Canvas, r: &CompletionRecord, l: &CertificateLabels, shift: f32) -> f32 {
    border(c);
    let width = RIGHT - LEFT;
    let (size, org) = fitted(c, Face::Bold, &r.organisation, (13.0, 9.0), width, 2);
    c.open(StructRole::P);
    let mut y = centred(c, &org, SPAN, (size, size * 1.25), ACCENT, H - 84.0);
    c.close();
    let mid = W / 2.0;
    c.rule((mid - 60.0, y + 2.0), (mid + 60.0, y + 2.0), 0.8, ACCENT);
    y -= shift;

    let (size, title) = fitted(c, Face::Bold, &l.title, (38.0, 22.0), width, 2);
    c.open(StructRole::H1);
    y = centred(c, &title, SPAN, (size, size * 1.15), ACCENT, y - size - 8.0);
    c.close();
    let (size, lines) = fitted(c, Face::Regular, &l.certifies, (12.0, 9.0), width, 2);
    c.open(StructRole::P);
    y = centred(c, &lines, SPAN, (size, size * 1.3), MUTED, y + 2.0);
    c.close();

    let (size, name) = fitted(c, Face::Bold, &r.learner.full_name, (28.0, 16.0), width, 3);
    c.open(StructRole::P);
    y = centred(c, &name, SPAN, (size, size * 1.2), INK, y - size - 6.0);
    c.close();
    let rule_y = y + size * 0.55;
    c.rule((mid - 150.0, rule_y), (mid + 150.0, rule_y), 0.5, HAIRLINE);

    let learner = &r.learner;
    let details: Vec<(&str, &str)> = [
        (l.employee_number.as_str(), learner.employee_number.trim()),
        (l.unit.as_str(), learner.unit.trim()),
        (l.email.as_str(), learner.email.trim()),
        (l.role.as_str(), l.role_name(r.role)),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    let lines = pieces(c, &details, 10.0, width);
    c.open(StructRole::P);
    y = centred(c, &lines, SPAN, (10.0, 14.5), INK, y - 10.0);
    c.close();

    let lines = clamped(c, &[(Face::Regular, &l.completed)], 11.0, width, 3);
    c.open(StructRole::P);
    y = centred(c, &lines, SPAN, (11.0, 14.5), MUTED, y - 12.0);
    c.close();
    modules(c, r, l, &FRAME, y - 6.0)
}

/// Dates, identifiers and how to check: fixed at the foot of the last page.
fn footer(c: &mut Canvas, r: &CompletionRecord, l: &CertificateLabels) {
    let half = (RIGHT - LEFT) / 2.0;
    let dates = [
        (&l.completed_on, l.date(r.completed_on)),
        (&l.valid_until, l.date(r.valid_until)),
    ];
    for (i, (label, value)) in dates.iter().enumerate() {
        let x = LEFT + half * i as f32;
        captioned(c, (x, 180.0), half - 8.0, label, value, (15.0, ACCENT));
    }
    c.rule((LEFT, 150.0), (RIGHT, 150.0), 0.5, HAIRLINE);
    let third = (RIGHT - LEFT) / 3.0;
    let ids = [
        (&l.certificate_id, &r.certificate_id),
        (&l.verification_code, &r.verification_code),
        (&l.content_version, &r.content_version),
    ];
    for (i, (label, value)) in ids.into_iter().enumerate() {
        let x = LEFT + third * i as f32;
        captioned(c, (x, 130.0), third - 8.0, label, value, (10.5, INK));
    }
    let lines = clamped(
        c,
        &[(Face::Regular, &l.how_to_verify)],
        8.0,
        RIGHT - LEFT,
        3,
    );
    c.open(StructRole::P);
    centred(c, &lines, SPAN, (8.0, 10.5), MUTED, 90.0);
    c.close();
}

/// A small caption above a value, both kept within `width`: one paragraph, read as
/// "Kontrollkod ABCD-…".
fn captioned(
    c: &mut Canvas,
    (x, top): (f32, f32),
    width: f32,
    label: &str,
    value: &str,
    (size, color): (f32, [f32; 3]),
) {
    c.open(StructRole::P);
    if let Some(line) = clamped(c, &[(Face::Regular, label)], 8.0, width, 1).first() {
        c.line(line, 8.0, MUTED, x, top);
    }
    let size = c.fit(Face::Bold, value, width, size, 7.0);
    let lines = clamped(c, &[(Face::Bold, value)], size, width, 2);
    for (i, line) in lines.iter().enumerate() {
        let y = top - 7.0 - size - (size + 2.0) * i as f32;
        c.line(line, size, color, x, y);
    }
    c.close();
}
