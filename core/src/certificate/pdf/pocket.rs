//! The pocket card: an A6 page with the numbers to call and what to do before, during and
//! after a violent situation, to print, fold and keep by the desk. The steps are the
//! violence module's own list items, so the card never says anything the course does not.

use super::canvas::{Canvas, Face, Line};
use super::style::{border, ACCENT, INK, MUTED, TINT};
use super::document::{finish, Meta};
use super::{PdfError, PdfFonts, PocketCardLabels, MM};
use crate::content::{parse_inline, Block, Inline, Lang, Module, Organisation};

const W: f32 = 105.0 * MM;
const H: f32 = 148.0 * MM;
const LEFT: f32 = 28.0;
const RIGHT: f32 = W - 28.0;
const BOTTOM: f32 = 30.0;
const ALARM_RED: [f32; 3] = [0.70, 0.08, 0.10];
/// The sections the card is made of, in order.
const STEPS: [&str; 3] = ["before", "during", "after"];
/// (font size, most lines per step) from roomiest to tightest; the first that fits wins.
const DENSITIES: [(f32, usize); 7] = [
    (8.0, 3),
    (8.0, 2),
    (7.5, 2),
    (7.0, 2),
    (7.5, 1),
    (7.0, 1),
    (6.5, 1),
];

/// Makes the pocket card for `module` (the violence module, whose sections "before",
/// "during" and "after" hold the steps) in `lang`. Missing sections are left out.
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
    let size = c.fit(Face::Bold, org_name, width, 9.0, 7.0);
    let lines = c.clamp(
        c.wrap(&[(Face::Bold, org_name)], size, width),
        size,
        width,
        2,
    );
    let mut y = centred(&mut c, &lines, size, ACCENT, H - 44.0);
    let title = plain(module.title.get(lang));
    let size = c.fit(Face::Bold, &title, width, 15.0, 10.0);
    let lines = c.clamp(c.wrap(&[(Face::Bold, &title)], size, width), size, width, 2);
    y = centred(&mut c, &lines, size, INK, y - size);

    y = numbers(&mut c, org, lang, labels, y - 10.0);
    let sections: Vec<(String, Vec<Vec<(Face, String)>>)> = STEPS
        .iter()
        .filter_map(|id| module.sections.iter().find(|s| s.id == *id))
        .map(|s| (plain(s.title.get(lang)), steps(&s.blocks, lang)))
        .collect();
    let (size, max_lines) = DENSITIES
        .iter()
        .copied()
        .find(|&(size, max)| steps_height(&c, &sections, size, max) <= y - BOTTOM)
        .unwrap_or((6.5, 1));
    draw_steps(&mut c, &sections, size, max_lines, y);

    let meta = Meta {
        title: format!("{} – {}", labels.title, title),
        subject: org_name.to_owned(),
        lang,
        date: None,
        attachment: None,
    };
    finish(c, meta)
}

fn centred(c: &mut Canvas, lines: &[Line], size: f32, color: [f32; 3], mut y: f32) -> f32 {
    for line in lines {
        c.line(
            line,
            size,
            color,
            LEFT + (RIGHT - LEFT - line.width) / 2.0,
            y,
        );
        y -= size * 1.25;
    }
    y
}

/// The two numbers in boxes side by side: the public one in red, the internal one beside it.
fn numbers(c: &mut Canvas, org: &Organisation, lang: Lang, l: &PocketCardLabels, top: f32) -> f32 {
    let gap = 8.0;
    let half = (RIGHT - LEFT - gap) / 2.0;
    let h = 44.0;
    let boxes = [
        (&l.emergency, org.emergency.public.as_str(), ALARM_RED),
        (
            &l.internal_alarm,
            org.emergency.internal_alarm.as_str(),
            ACCENT,
        ),
    ];
    for (i, (label, number, color)) in boxes.into_iter().enumerate() {
        let x = LEFT + (half + gap) * i as f32;
        c.fill([x, top - h, half, h], TINT);
        c.rule((x, top - h), (x, top), 2.5, color);
        let inner = half - 12.0;
        let lines = c.clamp(c.wrap(&[(Face::Regular, label)], 7.0, inner), 7.0, inner, 1);
        if let Some(line) = lines.first() {
            c.line(line, 7.0, MUTED, x + 8.0, top - 11.0);
        }
        let size = c.fit(Face::Bold, number, inner, 22.0, 8.0);
        let lines = c.clamp(c.wrap(&[(Face::Bold, number)], size, inner), size, inner, 1);
        if let Some(line) = lines.first() {
            c.line(line, size, color, x + 8.0, top - h + 9.0);
        }
    }
    let note = plain(org.emergency.internal_alarm_note.get(lang));
    let width = RIGHT - LEFT;
    let lines = c.clamp(c.wrap(&[(Face::Regular, &note)], 6.5, width), 6.5, width, 2);
    let mut y = top - h - 10.0;
    for line in &lines {
        c.line(line, 6.5, MUTED, LEFT, y);
        y -= 8.0;
    }
    y - 4.0
}

/// A section's steps: its first list's items, or its paragraphs when it has no list.
fn steps(blocks: &[Block], lang: Lang) -> Vec<Vec<(Face, String)>> {
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
fn styled(text: &str) -> Vec<(Face, String)> {
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

const BULLET_INDENT: f32 = 8.0;

fn step_lines(c: &Canvas, step: &[(Face, String)], size: f32, max: usize) -> Vec<Line> {
    let width = RIGHT - LEFT - BULLET_INDENT;
    let spans: Vec<(Face, &str)> = step.iter().map(|(f, s)| (*f, s.as_str())).collect();
    c.clamp(c.wrap(&spans, size, width), size, width, max)
}

type Sections = [(String, Vec<Vec<(Face, String)>>)];

fn steps_height(c: &Canvas, sections: &Sections, size: f32, max: usize) -> f32 {
    let lead = size * 1.22;
    sections
        .iter()
        .map(|(_, items)| {
            let body: usize = items
                .iter()
                .map(|s| step_lines(c, s, size, max).len())
                .sum();
            (size + 1.0) * 1.6 + lead * body as f32 + 2.0 * items.len() as f32 + 5.0
        })
        .sum()
}

fn draw_steps(c: &mut Canvas, sections: &Sections, size: f32, max: usize, mut y: f32) {
    let lead = size * 1.22;
    let width = RIGHT - LEFT;
    for (title, items) in sections {
        let head = size + 1.0;
        if y - head < BOTTOM {
            return;
        }
        y -= head;
        let lines = c.clamp(c.wrap(&[(Face::Bold, title)], head, width), head, width, 1);
        if let Some(line) = lines.first() {
            c.line(line, head, ACCENT, LEFT, y);
        }
        y -= head * 0.6;
        for step in items {
            let lines = step_lines(c, step, size, max);
            if y - lead * (lines.len() as f32) < BOTTOM {
                return;
            }
            for (i, line) in lines.iter().enumerate() {
                y -= lead;
                if i == 0 {
                    c.text(Face::Bold, size, ACCENT, LEFT + 1.0, y, "•");
                }
                c.line(line, size, INK, LEFT + BULLET_INDENT, y);
            }
            y -= 2.0;
        }
        y -= 5.0;
    }
}
