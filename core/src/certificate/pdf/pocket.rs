//! The pocket card: an A6 card with the numbers to call and what to do before, during and
//! after a violent situation, to print and keep by the desk or in a wallet. The steps are
//! the violence module's own list items, so the card never says anything the course does
//! not, and it follows the content when the content changes. When they do not all fit in
//! full on one side in readable type, the card gets a back: the numbers and the first
//! section on the front, the rest behind, never a step cut short.

use pdf_writer::types::StructRole;

use super::canvas::{Canvas, Face};
use super::document::{finish, Meta};
use super::steps::{draw_steps, fit_in_full, Area, Step, StepSection};
use super::style::{border, centred, clamped, fitted, ACCENT, INK, MUTED, TINT};
use super::{PdfError, PdfFonts, PocketCardLabels, MM};
use crate::content::{parse_inline, Block, Inline, Lang, Module, Organisation, ServiceDesk};

const W: f32 = 105.0 * MM;
const H: f32 = 148.0 * MM;
const LEFT: f32 = 28.0;
const RIGHT: f32 = W - 28.0;
const SPAN: (f32, f32) = (LEFT, RIGHT);
const ALARM_RED: [f32; 3] = [0.70, 0.08, 0.10];
/// The smallest step type (points) a one-sided card may use before it gets a back.
const READABLE: f32 = 7.5;
/// The sections the card is made of, in order.
const SECTIONS: [&str; 3] = ["before", "during", "after"];

/// Makes the pocket card for `module` (the violence module, whose sections "before",
/// "during" and "after" hold the steps) in `lang`. A missing section is left out, so a
/// trimmed-down module still gives a card with the numbers.
pub fn pocket_card_pdf(
    org: &Organisation,
    module: &Module,
    lang: Lang,
    labels: &PocketCardLabels,
    fonts: &PdfFonts,
) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = fonts.parse()?;
    let mut c = Canvas::new(regular, bold, W, H);
    border(&mut c);
    let width = RIGHT - LEFT;

    let org_name = org.name.get(lang);
    let (size, lines) = fitted(&c, Face::Bold, org_name, (9.0, 7.0), width, 2);
    c.open(StructRole::P);
    let mut y = centred(&mut c, &lines, SPAN, (size, size * 1.25), ACCENT, H - 44.0);
    c.close();
    let title = plain(module.title.get(lang));
    let (size, lines) = fitted(&c, Face::Bold, &title, (15.0, 10.0), width, 2);
    c.open(StructRole::H1);
    y = centred(&mut c, &lines, SPAN, (size, size * 1.2), INK, y - size);
    c.close();

    y = numbers(&mut c, org, lang, labels, y - 8.0);
    let sections: Vec<StepSection> = SECTIONS
        .iter()
        .filter_map(|id| module.sections.iter().find(|s| s.id == *id))
        .map(|s| StepSection {
            title: plain(s.title.get(lang)),
            steps: steps(&s.blocks, lang),
        })
        .collect();
    let area = Area {
        left: LEFT,
        right: RIGHT,
        bottom: 30.0,
    };
    if sections.len() > 1 && !fit_in_full(&c, &sections, &area, y, READABLE) {
        let (front, back) = sections.split_at(1);
        draw_steps(&mut c, front, &area, y);
        c.new_page();
        border(&mut c);
        let (size, lines) = fitted(&c, Face::Bold, &title, (11.0, 8.0), width, 2);
        // The back repeats the title for the eye; the structure has it once.
        let mut top = 0.0;
        c.decoration(|c| top = centred(c, &lines, SPAN, (size, size * 1.2), ACCENT, H - 40.0));
        draw_steps(&mut c, back, &area, top - 4.0);
    } else {
        draw_steps(&mut c, &sections, &area, y);
    }

    let meta = Meta {
        title: format!("{} – {}", labels.title, title),
        subject: org_name.to_owned(),
        lang,
        date: None,
        attachment: None,
    };
    finish(c, meta)
}

/// The two numbers in boxes side by side, the public one in red, and the note on the
/// internal alarm below; returns the y below them.
fn numbers(c: &mut Canvas, org: &Organisation, lang: Lang, l: &PocketCardLabels, top: f32) -> f32 {
    let gap = 8.0;
    let half = (RIGHT - LEFT - gap) / 2.0;
    let h = 44.0;
    let emergency = &org.emergency;
    let boxes = [
        (&l.emergency, emergency.public.as_str(), ALARM_RED),
        (&l.internal_alarm, emergency.internal_alarm.as_str(), ACCENT),
    ];
    for (i, (label, number, color)) in boxes.into_iter().enumerate() {
        let x = LEFT + (half + gap) * i as f32;
        c.fill([x, top - h, half, h], TINT);
        c.rule((x, top - h), (x, top), 2.5, color);
        let inner = half - 12.0;
        c.open(StructRole::P);
        if let Some(line) = clamped(c, &[(Face::Regular, label)], 7.0, inner, 1).first() {
            c.line(line, 7.0, MUTED, x + 8.0, top - 11.0);
        }
        let size = c.fit(Face::Bold, number, inner, 22.0, 8.0);
        if let Some(line) = clamped(c, &[(Face::Bold, number)], size, inner, 1).first() {
            c.line(line, size, color, x + 8.0, top - h + 9.0);
        }
        c.close();
    }
    let note = plain(emergency.internal_alarm_note.get(lang));
    let lines = clamped(c, &[(Face::Regular, &note)], 6.5, RIGHT - LEFT, 2);
    let mut y = top - h - 10.0;
    c.open(StructRole::P);
    for line in &lines {
        c.line(line, 6.5, MUTED, LEFT, y);
        y -= 8.0;
    }
    c.close();
    if let Some(desk) = &org.it_service_desk {
        y = service_desk(c, desk, lang, y - 2.0);
    }
    y - 2.0
}

/// The IT service desk on one line under the alarms, by its own name, for a clicked link
/// or a lost phone: the other number the course tells learners to call at once.
fn service_desk(c: &mut Canvas, desk: &ServiceDesk, lang: Lang, top: f32) -> f32 {
    let name = format!("{}: ", plain(desk.name.get(lang)));
    let parts = [
        (Face::Regular, name.as_str()),
        (Face::Bold, desk.phone.as_str()),
    ];
    let lines = clamped(c, &parts, 8.0, RIGHT - LEFT, 2);
    let mut y = top - 8.0;
    c.open(StructRole::P);
    for line in &lines {
        c.line(line, 8.0, INK, LEFT, y);
        y -= 10.0;
    }
    c.close();
    y + 10.0 - 4.0
}

/// A section's steps: its first list's items, or its paragraphs when it has no list.
fn steps(blocks: &[Block], lang: Lang) -> Vec<Step> {
    let list = blocks.iter().find_map(|b| match b {
        Block::List { items, .. } => Some(items.iter().map(|t| t.get(lang)).collect()),
        _ => None,
    });
    let texts: Vec<&str> = list.unwrap_or_else(|| {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text } => Some(text.get(lang)),
                _ => None,
            })
            .collect()
    });
    texts.into_iter().map(styled).collect()
}

/// Content markup as runs: `**strong**` in bold, link labels as plain text.
fn styled(text: &str) -> Step {
    match parse_inline(text) {
        Ok(parts) => parts
            .into_iter()
            .map(|p| match p {
                Inline::Text(t) => (Face::Regular, t),
                Inline::Strong(t) => (Face::Bold, t),
                Inline::Link { label, .. } => (Face::Regular, label),
            })
            .collect(),
        Err(_) => vec![(Face::Regular, text.to_owned())],
    }
}

fn plain(text: &str) -> String {
    styled(text).into_iter().map(|(_, t)| t).collect()
}
