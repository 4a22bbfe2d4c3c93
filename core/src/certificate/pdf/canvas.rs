//! Drawing pages: text measured with the font's own widths, wrapped, shrunk or cut with "…"
//! so that nothing a learner types can run off the page, plus lines and boxes. Every
//! character shown gets a CID of its own (see [`Glyphs`]), which is what lets `pdftotext`
//! and copy-paste give back exactly what was typed.

use std::collections::BTreeMap;

use pdf_writer::{Content, Name, Str};

use super::font::Font;

/// Which of the two embedded fonts a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    /// The resource name pages use for the font.
    pub(crate) fn resource(self) -> Name<'static> {
        match self {
            Face::Regular => Name(b"R"),
            Face::Bold => Name(b"B"),
        }
    }
}

/// An RGB colour, components 0–1.
pub(crate) type Rgb = [f32; 3];

/// One line of laid-out text: runs in their faces, and its width in points.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    pub runs: Vec<(Face, String)>,
    pub width: f32,
}

/// The characters one font has shown, in CID order (CID n is `chars[n - 1]`; CID 0 is the
/// missing-glyph box). A CID per character, not per glyph: a character the font lacks
/// still maps back to itself in the ToUnicode CMap, and two characters sharing a glyph
/// (µ and μ) stay distinct when the text is copied.
#[derive(Debug, Clone)]
pub(crate) struct Glyphs<'a> {
    pub font: Font<'a>,
    pub chars: Vec<(char, u16)>,
    cids: BTreeMap<char, u16>,
}

impl<'a> Glyphs<'a> {
    pub(crate) fn new(font: Font<'a>) -> Self {
        Glyphs {
            font,
            chars: Vec::new(),
            cids: BTreeMap::new(),
        }
    }

    /// Width of one character in thousandths of an em (PDF glyph space).
    pub(crate) fn width(&self, c: char) -> f32 {
        let gid = self.font.glyph(c).unwrap_or(0);
        f32::from(self.font.advance(gid)) * 1000.0 / f32::from(self.font.units_per_em)
    }

    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let next = u16::try_from(self.chars.len() + 1).unwrap_or(0);
            let cid = *self.cids.entry(c).or_insert(next);
            if cid == next && next != 0 {
                self.chars.push((c, self.font.glyph(c).unwrap_or(0)));
            }
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }
}

/// Pages being drawn, in PDF points (1/72 inch), origin at the bottom left.
pub(crate) struct Canvas<'a> {
    pub regular: Glyphs<'a>,
    pub bold: Glyphs<'a>,
    pub pages: Vec<Content>,
    pub width: f32,
    pub height: f32,
}

impl<'a> Canvas<'a> {
    pub(crate) fn new(regular: Font<'a>, bold: Font<'a>, width: f32, height: f32) -> Self {
        Canvas {
            regular: Glyphs::new(regular),
            bold: Glyphs::new(bold),
            pages: vec![Content::new()],
            width,
            height,
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Content::new());
    }

    /// The page being drawn.
    pub(crate) fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn glyphs(&self, face: Face) -> &Glyphs<'a> {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// Width of `text` in points at `size`.
    pub(crate) fn measure(&self, face: Face, size: f32, text: &str) -> f32 {
        let g = self.glyphs(face);
        text.chars().map(|c| g.width(c)).sum::<f32>() * size / 1000.0
    }

    /// The largest size from `start` down to `min` (in half points) at which `text` fits
    /// on one line of `max_width`; `min` if it never does (the caller then wraps).
    pub(crate) fn fit(&self, face: Face, text: &str, max_width: f32, start: f32, min: f32) -> f32 {
        let mut size = start;
        while size > min && self.measure(face, size, text) > max_width {
            size -= 0.5;
        }
        size.max(min)
    }

    /// Draws one line with its left end at `x` and its baseline at `y`.
    pub(crate) fn line(&mut self, line: &Line, size: f32, color: Rgb, x: f32, y: f32) {
        let mut encoded = Vec::with_capacity(line.runs.len());
        for (face, text) in &line.runs {
            let bytes = match face {
                Face::Regular => self.regular.encode(text),
                Face::Bold => self.bold.encode(text),
            };
            encoded.push((*face, bytes));
        }
        let page = self.page();
        page.begin_text();
        page.set_fill_rgb(color[0], color[1], color[2]);
        page.next_line(x, y);
        for (face, bytes) in &encoded {
            page.set_font(face.resource(), size);
            page.show(Str(bytes));
        }
        page.end_text();
    }

    /// Draws `text` on one line, left-aligned at `x`; the caller has made sure it fits.
    pub(crate) fn text(&mut self, face: Face, size: f32, color: Rgb, x: f32, y: f32, text: &str) {
        let line = Line {
            runs: vec![(face, text.to_owned())],
            width: self.measure(face, size, text),
        };
        self.line(&line, size, color, x, y);
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

    /// At most `max_lines` lines; if text was cut, the last line ends in "…".
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
        while last.width + dots_w > max_width || ends_in_space(last) {
            let Some((f, text)) = last.runs.last_mut() else {
                break;
            };
            let Some(c) = text.pop() else {
                last.runs.pop();
                continue;
            };
            last.width -= self.measure(*f, size, c.encode_utf8(&mut [0; 4]));
        }
        push_run(last, face, dots, dots_w);
        lines
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
