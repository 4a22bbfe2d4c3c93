//! The look shared by both documents: colours, the double border, the seal, and text that
//! shrinks before it wraps and wraps before it is cut.

use super::canvas::{Canvas, Face, Line, Rgb};

pub(crate) const ACCENT: Rgb = [0.09, 0.27, 0.40];
pub(crate) const INK: Rgb = [0.10, 0.11, 0.13];
pub(crate) const MUTED: Rgb = [0.36, 0.39, 0.44];
pub(crate) const TINT: Rgb = [0.91, 0.94, 0.97];
pub(crate) const HAIRLINE: Rgb = [0.76, 0.80, 0.85];

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

/// A round seal with a tick, centred on `(x, y)`: marks the certificate as complete
/// without pretending to be a signature or stamp of any authority.
pub(crate) fn seal(c: &mut Canvas, x: f32, y: f32, r: f32) {
    c.circle(x, y, r, 1.8, ACCENT);
    c.circle(x, y, r * 0.86, 0.5, ACCENT);
    let s = r / 30.0;
    c.polyline(
        &[
            (x - 11.0 * s, y + 1.0 * s),
            (x - 3.0 * s, y - 8.0 * s),
            (x + 12.0 * s, y + 10.0 * s),
        ],
        3.2 * s,
        ACCENT,
    );
}

/// Lines centred between `left` and `right`, first baseline at `y`; returns the baseline
/// after the last line.
pub(crate) fn centred(
    c: &mut Canvas,
    lines: &[Line],
    (left, right): (f32, f32),
    (size, lead): (f32, f32),
    color: Rgb,
    mut y: f32,
) -> f32 {
    for line in lines {
        c.line(
            line,
            size,
            color,
            left + ((right - left) - line.width) / 2.0,
            y,
        );
        y -= lead;
    }
    y
}

/// Text shrunk from `start` towards `min` to fit one line; if even `min` is too wide,
/// wrapped into at most `max` lines, shrinking on down to 60 % of `min` before anything is
/// cut (so a name is only cut short when it cannot fit even then).
pub(crate) fn fitted(
    c: &Canvas,
    face: Face,
    text: &str,
    (start, min): (f32, f32),
    width: f32,
    max: usize,
) -> (f32, Vec<Line>) {
    let mut size = c.fit(face, text, width, start, min);
    let mut lines = c.wrap(&[(face, text)], size, width);
    while lines.len() > max && size > min * 0.6 {
        size -= 0.5;
        lines = c.wrap(&[(face, text)], size, width);
    }
    (size, c.clamp(lines, size, width, max))
}

/// Wraps `text` at `size` into at most `max` lines of `width` (the last cut with "…").
pub(crate) fn clamped(
    c: &Canvas,
    spans: &[(Face, &str)],
    size: f32,
    width: f32,
    max: usize,
) -> Vec<Line> {
    c.clamp(c.wrap(spans, size, width), size, width, max)
}

/// Groups "label: value" pieces into centred lines, never breaking inside a piece when
/// it fits on a line of its own, with a middle dot between pieces on the same line.
pub(crate) fn pieces(c: &Canvas, items: &[(&str, &str)], size: f32, width: f32) -> Vec<Line> {
    const SEP: &str = "   ·   ";
    let mut lines: Vec<Vec<(Face, String)>> = Vec::new();
    let mut current: Vec<(Face, String)> = Vec::new();
    let mut used = 0.0;
    for (label, value) in items {
        let label = format!("{label}: ");
        let w = c.measure(Face::Regular, size, &label) + c.measure(Face::Bold, size, value);
        let sep = c.measure(Face::Regular, size, SEP);
        if !current.is_empty() && used + sep + w <= width {
            current.push((Face::Regular, SEP.to_owned()));
            used += sep;
        } else if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
        current.push((Face::Regular, label));
        current.push((Face::Bold, (*value).to_owned()));
        used += w;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .iter()
        .flat_map(|spans| {
            let borrowed: Vec<(Face, &str)> = spans.iter().map(|(f, s)| (*f, s.as_str())).collect();
            clamped(c, &borrowed, size, width, 2)
        })
        .collect()
}
