//! Fitting text into a width: shrinking, wrapping at spaces (inside a word only when the
//! word alone is too wide), and cutting with "…" at a word boundary when lines run out.

use super::canvas::{Canvas, Face, Line};

impl Canvas<'_> {
    /// The largest size from `start` down to `min` (in half points) at which `text` fits
    /// on one line of `max_width`; `min` if it never does (the caller then wraps).
    pub(crate) fn fit(&self, face: Face, text: &str, max_width: f32, start: f32, min: f32) -> f32 {
        let mut size = start;
        while size > min && self.measure(face, size, text) > max_width {
            size -= 0.5;
        }
        size.max(min)
    }

    /// Breaks styled text into lines no wider than `max_width`, at spaces where it can and
    /// inside a word only when the word alone is too wide.
    pub(crate) fn wrap(&self, spans: &[(Face, &str)], size: f32, max_width: f32) -> Vec<Line> {
        let mut lines = vec![Line::default()];
        let mut space_before = false;
        for &(face, text) in spans {
            let space = self.measure(face, size, " ");
            for (i, word) in text.split(' ').enumerate() {
                if i > 0 {
                    space_before = true;
                }
                if word.is_empty() {
                    continue;
                }
                let w = self.measure(face, size, word);
                let cur = lines.len() - 1;
                let lead = if space_before && !lines[cur].runs.is_empty() {
                    space
                } else {
                    0.0
                };
                if lines[cur].width + lead + w <= max_width {
                    push_run(
                        &mut lines[cur],
                        face,
                        if lead > 0.0 { " " } else { "" },
                        lead,
                    );
                    push_run(&mut lines[cur], face, word, w);
                } else {
                    if !lines[cur].runs.is_empty() {
                        lines.push(Line::default());
                    }
                    self.place_long_word(&mut lines, face, size, word, max_width);
                }
                space_before = false;
            }
        }
        lines.retain(|l| !l.runs.is_empty());
        lines
    }

    /// Puts a word on the (empty) last line, breaking it between characters if needed.
    fn place_long_word(
        &self,
        lines: &mut Vec<Line>,
        face: Face,
        size: f32,
        word: &str,
        max_width: f32,
    ) {
        for c in word.chars() {
            let w = self.measure(face, size, c.encode_utf8(&mut [0; 4]));
            let cur = lines.len() - 1;
            if lines[cur].width + w > max_width && !lines[cur].runs.is_empty() {
                lines.push(Line::default());
            }
            let last = lines.len() - 1;
            push_run(&mut lines[last], face, c.encode_utf8(&mut [0; 4]), w);
        }
    }

    /// At most `max_lines` lines; if text was cut, the last line ends in "…", after a
    /// whole word unless that would leave the line less than half full.
    pub(crate) fn clamp(
        &self,
        mut lines: Vec<Line>,
        size: f32,
        max_width: f32,
        max_lines: usize,
    ) -> Vec<Line> {
        if lines.len() <= max_lines {
            return lines;
        }
        lines.truncate(max_lines.max(1));
        let Some(last) = lines.last_mut() else {
            return lines;
        };
        let face = last.runs.last().map_or(Face::Regular, |r| r.0);
        let dots = if self.glyphs(face).font.glyph('…').is_some() {
            "…"
        } else {
            "..."
        };
        let dots_w = self.measure(face, size, dots);
        let mut cut_in_word = false;
        while last.width + dots_w > max_width {
            match self.pop_char(last, size) {
                Some(c) => cut_in_word = !c.is_whitespace(),
                None => break,
            }
        }
        if cut_in_word {
            let mut shorter = last.clone();
            while let Some(c) = self.pop_char(&mut shorter, size) {
                if c.is_whitespace() {
                    break;
                }
            }
            if shorter.width >= max_width / 2.0 {
                *last = shorter;
            }
        }
        while ends_in_space(last) {
            self.pop_char(last, size);
        }
        push_run(last, face, dots, dots_w);
        lines
    }

    /// Removes the last character of a line, keeping its width right.
    fn pop_char(&self, line: &mut Line, size: f32) -> Option<char> {
        loop {
            let (face, text) = line.runs.last_mut()?;
            if let Some(c) = text.pop() {
                line.width -= self.measure(*face, size, c.encode_utf8(&mut [0; 4]));
                return Some(c);
            }
            line.runs.pop();
        }
    }
}

fn ends_in_space(line: &Line) -> bool {
    line.runs
        .iter()
        .rev()
        .find(|(_, t)| !t.is_empty())
        .is_some_and(|(_, t)| t.ends_with(' '))
}

/// Appends text to a line, merging with the last run when the face is the same.
fn push_run(line: &mut Line, face: Face, text: &str, width: f32) {
    if text.is_empty() {
        return;
    }
    line.width += width;
    match line.runs.last_mut() {
        Some((f, t)) if *f == face => t.push_str(text),
        _ => line.runs.push((face, text.to_owned())),
    }
}
