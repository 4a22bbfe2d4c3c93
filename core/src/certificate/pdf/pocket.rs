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
use crate::content::{parse_inline, plain_words, Block, Inline, Lang, Module, Organisation};

/// What the pocket card prints, taken from the course in the learner's language: the
/// organisation's numbers and the violence module's before/during/after steps. Made by the
/// course pages ([`PocketCardContent::of`]) and handed to the PDF maker as JSON, so the PDF
/// maker reads no content files of its own.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PocketCardContent {
    pub lang: Lang,
    pub organisation: String,
    /// The module's title.
    pub title: String,
    pub emergency: String,
    pub internal_alarm: String,
    pub internal_alarm_note: String,
    /// The IT service desk's name and number, when the organisation has one.
    #[serde(default)]
    pub service_desk: Option<(String, String)>,
    pub sections: Vec<PocketSection>,
}

/// One of the card's sections: a heading and its steps, in content markup.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PocketSection {
    pub title: String,
    pub steps: Vec<String>,
}

impl PocketCardContent {
    /// The card's content from `org` and `module` (the violence module, whose sections
    /// "before", "during" and "after" hold the steps), both filled in `lang`. A missing
    /// section is left out, so a trimmed-down module still gives a card with the numbers.
    pub fn of(org: &Organisation, module: &Module, lang: Lang) -> PocketCardContent {
        let sections = SECTIONS
            .iter()
            .filter_map(|id| module.sections.iter().find(|s| s.id == *id))
            .map(|s| PocketSection {
                title: s.title.value.clone(),
                steps: step_texts(&s.blocks),
            })
            .collect();
        PocketCardContent {
            lang,
            organisation: org.name.value.clone(),
            title: module.title.value.clone(),
            emergency: org.emergency.public.clone(),
            internal_alarm: org.emergency.internal_alarm.clone(),
            internal_alarm_note: org.emergency.internal_alarm_note.value.clone(),
            service_desk: org
                .it_service_desk
                .as_ref()
                .map(|d| (d.name.value.clone(), d.phone.clone())),
            sections,
        }
    }
}

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

/// Makes the pocket card from its content ([`PocketCardContent::of`]).
pub fn pocket_card_pdf(
    card: &PocketCardContent,
    labels: &PocketCardLabels,
    fonts: &PdfFonts,
) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = fonts.parse()?;
    let mut c = Canvas::new(regular, bold, W, H);
    border(&mut c);
    let width = RIGHT - LEFT;

    let org_name = plain_words(&card.organisation);
    let (size, lines) = fitted(&c, Face::Bold, &org_name, (9.0, 7.0), width, 2);
    c.open(StructRole::P);
    let mut y = centred(&mut c, &lines, SPAN, (size, size * 1.25), ACCENT, H - 44.0);
    c.close();
    let title = plain_words(&card.title);
    let (size, lines) = fitted(&c, Face::Bold, &title, (15.0, 10.0), width, 2);
    c.open(StructRole::H1);
    y = centred(&mut c, &lines, SPAN, (size, size * 1.2), INK, y - size);
    c.close();

    y = numbers(&mut c, card, labels, y - 8.0);
    let sections: Vec<StepSection> = card
        .sections
        .iter()
        .map(|s| StepSection {
            title: plain_words(&s.title),
            steps: s.steps.iter().map(|t| styled(t)).collect(),
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
        subject: org_name,
        lang: card.lang,
        date: None,
        attachment: None,
    };
    finish(c, meta)
}

/// The two numbers in boxes side by side, the public one in red, and the note on the
/// internal alarm below; returns the y below them.
fn numbers(c: &mut Canvas, card: &PocketCardContent, l: &PocketCardLabels, top: f32) -> f32 {
    let gap = 8.0;
    let half = (RIGHT - LEFT - gap) / 2.0;
    let h = 44.0;
    let boxes = [
        (&l.emergency, card.emergency.as_str(), ALARM_RED),
        (&l.internal_alarm, card.internal_alarm.as_str(), ACCENT),
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
    let note = plain_words(&card.internal_alarm_note);
    let lines = clamped(c, &[(Face::Regular, &note)], 6.5, RIGHT - LEFT, 2);
    let mut y = top - h - 10.0;
    c.open(StructRole::P);
    for line in &lines {
        c.line(line, 6.5, MUTED, LEFT, y);
        y -= 8.0;
    }
    c.close();
    if let Some((name, phone)) = &card.service_desk {
        y = service_desk(c, name, phone, y - 2.0);
    }
    y - 2.0
}

/// The IT service desk on one line under the alarms, by its own name, for a clicked link
/// or a lost phone: the other number the course tells learners to call at once.
fn service_desk(c: &mut Canvas, name: &str, phone: &str, top: f32) -> f32 {
    let name = format!("{}: ", plain_words(name));
    let parts = [(Face::Regular, name.as_str()), (Face::Bold, phone)];
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
fn step_texts(blocks: &[Block]) -> Vec<String> {
    let list = blocks.iter().find_map(|b| match b {
        Block::List { items, .. } => Some(items.iter().map(|i| i.text.value.clone()).collect()),
        _ => None,
    });
    list.unwrap_or_else(|| {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.value.clone()),
                _ => None,
            })
            .collect()
    })
}

/// Content markup as runs: `**strong**` in bold, link labels and words in another language
/// as plain text.
fn styled(text: &str) -> Step {
    match parse_inline(text) {
        Ok(parts) => parts
            .into_iter()
            .map(|p| match p {
                Inline::Strong(t) => (Face::Bold, t),
                other => (Face::Regular, other.into_words()),
            })
            .collect(),
        Err(_) => vec![(Face::Regular, text.to_owned())],
    }
}
