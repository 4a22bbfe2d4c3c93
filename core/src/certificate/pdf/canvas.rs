//! Drawing pages: text measured with the font's own widths, wrapped, shrunk or cut with "…"
//! so that nothing a learner types can run off the page, plus lines and boxes. Every
//! character shown gets a CID of its own (see [`Glyphs`]), which is what lets `pdftotext`
//! and copy-paste give back exactly what was typed.

use std::collections::BTreeMap;

use pdf_writer::{Content, Name, Str};

use super::font::Font;
use super::tags::Tags;

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

    /// Whether the font has a glyph for every character shown: PDF/A and PDF/UA forbid
    /// showing the missing-glyph box (glyph 0).
    pub(crate) fn complete(&self) -> bool {
        self.chars.iter().all(|&(_, gid)| gid != 0)
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
    /// The logical structure of what has been drawn (see [`super::tags`]).
    pub tags: Tags,
}

impl<'a> Canvas<'a> {
    pub(crate) fn new(regular: Font<'a>, bold: Font<'a>, width: f32, height: f32) -> Self {
        Canvas {
            regular: Glyphs::new(regular),
            bold: Glyphs::new(bold),
            pages: vec![Content::new()],
            width,
            height,
            tags: Tags::new(),
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

    pub(crate) fn glyphs(&self, face: Face) -> &Glyphs<'a> {
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
        self.begin_mark(true);
        let page = self.page();
        page.begin_text();
        page.set_fill_rgb(color[0], color[1], color[2]);
        page.next_line(x, y);
        for (face, bytes) in &encoded {
            page.set_font(face.resource(), size);
            page.show(Str(bytes));
        }
        page.end_text();
        self.end_mark();
    }

    /// Draws `text` on one line, left-aligned at `x`; the caller has made sure it fits.
    pub(crate) fn text(&mut self, face: Face, size: f32, color: Rgb, x: f32, y: f32, text: &str) {
        let line = Line {
            runs: vec![(face, text.to_owned())],
            width: self.measure(face, size, text),
        };
        self.line(&line, size, color, x, y);
    }
}
