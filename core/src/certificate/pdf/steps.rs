//! The pocket card's steps: section headings with bulleted steps below, set as large as
//! the space allows with every step in full. Only when even the smallest size cannot hold
//! them all does each step get as many lines as fit, shared out evenly, and a step that
//! still does not fit ends in "…".

use pdf_writer::types::StructRole;

use super::canvas::{Canvas, Face, Line};
use super::style::{clamped, ACCENT, INK};

/// One step as styled runs (bold where the content has `**…**`).
pub(crate) type Step = Vec<(Face, String)>;

/// A heading from the content and the steps under it.
pub(crate) struct StepSection {
    pub title: String,
    pub steps: Vec<Step>,
}

/// Where the steps may go: text edges and the lowest baseline area.
pub(crate) struct Area {
    pub left: f32,
    pub right: f32,
    pub bottom: f32,
}

const BULLET_INDENT: f32 = 8.0;
/// (font size, lines per step at first) from roomiest to tightest.
const DENSITIES: [(f32, usize); 8] = [
    (8.5, 4),
    (8.0, 4),
    (8.0, 3),
    (7.5, 3),
    (7.5, 2),
    (7.0, 2),
    (7.0, 1),
    (6.5, 1),
];

/// Font sizes tried for the steps in full, from roomiest to tightest.
const FULL_SIZES: [f32; 5] = [8.5, 8.0, 7.5, 7.0, 6.5];

/// Whether every step of `sections` fits in full from `top` down at `min_size` or larger.
pub(crate) fn fit_in_full(
    c: &Canvas,
    sections: &[StepSection],
    area: &Area,
    top: f32,
    min_size: f32,
) -> bool {
    let width = area.right - area.left - BULLET_INDENT;
    FULL_SIZES
        .iter()
        .filter(|&&s| s >= min_size)
        .any(|&size| height(&line_counts(c, sections, size, width), size) <= top - area.bottom)
}

/// How many lines each step takes in full at `size`, per section.
fn line_counts(c: &Canvas, sections: &[StepSection], size: f32, width: f32) -> Vec<Vec<usize>> {
    sections
        .iter()
        .map(|s| {
            s.steps
                .iter()
                .map(|st| wrap(c, st, size, width).len())
                .collect()
        })
        .collect()
}

/// Draws the sections from `top` down, as large as fits above `area.bottom`.
pub(crate) fn draw_steps(c: &mut Canvas, sections: &[StepSection], area: &Area, top: f32) {
    let avail = top - area.bottom;
    let width = area.right - area.left - BULLET_INDENT;
    let lines_at = |size: f32| line_counts(c, sections, size, width);
    // Safety advice cut mid-sentence is worse than smaller type: every step in full first.
    let mut chosen = FULL_SIZES.iter().find_map(|&size| {
        let full = lines_at(size);
        (height(&full, size) <= avail).then_some((size, full))
    });
    for &(size, cap) in DENSITIES.iter().filter(|_| chosen.is_none()) {
        let full = lines_at(size);
        let mut caps: Vec<Vec<usize>> = full
            .iter()
            .map(|s| s.iter().map(|&n| n.min(cap)).collect())
            .collect();
        if height(&caps, size) > avail {
            continue;
        }
        // Hand out spare lines one step at a time, in reading order, while they fit.
        let mut grew = true;
        while grew {
            grew = false;
            for (i, sec) in full.iter().enumerate() {
                for (j, &n) in sec.iter().enumerate() {
                    if caps[i][j] < n {
                        caps[i][j] += 1;
                        if height(&caps, size) <= avail {
                            grew = true;
                        } else {
                            caps[i][j] -= 1;
                        }
                    }
                }
            }
        }
        chosen = Some((size, caps));
        break;
    }
    // Too many steps even at one line each: keep the first few of every section, so all
    // three headings stay on the card.
    let (size, caps) = chosen.unwrap_or_else(|| {
        let caps_for = |k: usize| -> Vec<Vec<usize>> {
            sections
                .iter()
                .map(|s| vec![1; s.steps.len().min(k)])
                .collect()
        };
        let mut k = sections.iter().map(|s| s.steps.len()).max().unwrap_or(0);
        while k > 1 && height(&caps_for(k), 6.5) > avail {
            k -= 1;
        }
        (6.5, caps_for(k))
    });
    draw(c, sections, area, top, size, &caps);
}

fn wrap(c: &Canvas, step: &[(Face, String)], size: f32, width: f32) -> Vec<Line> {
    let spans: Vec<(Face, &str)> = step.iter().map(|(f, s)| (*f, s.as_str())).collect();
    c.wrap(&spans, size, width)
}

fn lead(size: f32) -> f32 {
    size * 1.22
}

fn head_size(size: f32) -> f32 {
    size + 1.5
}

/// Height of all sections with `caps[i][j]` lines for step j of section i.
fn height(caps: &[Vec<usize>], size: f32) -> f32 {
    caps.iter()
        .map(|steps| {
            let lines: usize = steps.iter().sum();
            head_size(size) * 1.7 + lead(size) * lines as f32 + 2.0 * steps.len() as f32 + 8.0
        })
        .sum()
}

fn draw(
    c: &mut Canvas,
    sections: &[StepSection],
    area: &Area,
    mut y: f32,
    size: f32,
    caps: &[Vec<usize>],
) {
    let width = area.right - area.left;
    let depth = c.depth();
    'sections: for (section, caps) in sections.iter().zip(caps) {
        let head = head_size(size);
        if y - head < area.bottom {
            break;
        }
        y -= head;
        c.open(StructRole::H2);
        if let Some(line) = clamped(c, &[(Face::Bold, &section.title)], head, width, 1).first() {
            c.line(line, head, ACCENT, area.left, y);
        }
        c.close();
        y -= head * 0.7;
        c.open(StructRole::L);
        for (step, &cap) in section.steps.iter().zip(caps) {
            let room = width - BULLET_INDENT;
            let lines = c.clamp(wrap(c, step, size, room), size, room, cap);
            if y - lead(size) * (lines.len() as f32) < area.bottom {
                break 'sections;
            }
            c.open(StructRole::LI);
            for (i, line) in lines.iter().enumerate() {
                y -= lead(size);
                if i == 0 {
                    c.open(StructRole::Lbl);
                    c.text(Face::Bold, size, ACCENT, area.left + 1.0, y, "•");
                    c.close();
                    c.open(StructRole::LBody);
                }
                c.line(line, size, INK, area.left + BULLET_INDENT, y);
            }
            c.close_to(depth + 1);
            y -= 2.0;
        }
        c.close_to(depth);
        y -= 8.0;
    }
    c.close_to(depth);
}
