//! A small reader for TrueType fonts: just enough to turn characters into glyph ids (`cmap`
//! formats 4 and 12), measure them (`hmtx`) and describe the font to a PDF viewer (`head`,
//! `hhea`, `OS/2`). Written here instead of pulling in a font crate so the wasm stays
//! small; every read is bounds-checked, since the bytes come over the network.

use std::fmt;

/// Why font bytes could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontError(pub String);

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unusable font: {}", self.0)
    }
}

impl std::error::Error for FontError {}

fn bad(what: &str) -> FontError {
    FontError(what.to_owned())
}

pub(crate) fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    let b = d.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

fn i16_at(d: &[u8], at: usize) -> Option<i16> {
    u16_at(d, at).map(|v| v as i16)
}

pub(crate) fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    let b = d.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// A parsed TrueType (`glyf`-outline) font. Metrics are in font units; divide by
/// [`Font::units_per_em`] to get a size in ems.
#[derive(Debug, Clone)]
pub struct Font<'a> {
    data: &'a [u8],
    tables: Vec<([u8; 4], &'a [u8])>,
    cmap: &'a [u8],
    hmtx: &'a [u8],
    h_metrics: u16,
    glyphs: u16,
    pub units_per_em: u16,
    /// xMin, yMin, xMax, yMax over all glyphs.
    pub bbox: [i16; 4],
    pub ascender: i16,
    /// Negative: below the baseline.
    pub descender: i16,
    /// Height of capital letters; from `OS/2` when present, else 70 % of the em.
    pub cap_height: i16,
    /// `usWeightClass` (400 regular, 700 bold).
    pub weight: u16,
}

impl<'a> Font<'a> {
    /// Reads the table directory and the tables the PDF writer needs. Fails on anything
    /// that is not a single TrueType font with a Unicode `cmap`.
    pub fn parse(data: &'a [u8]) -> Result<Font<'a>, FontError> {
        match u32_at(data, 0) {
            Some(0x0001_0000) | Some(0x7472_7565) => {}
            _ => return Err(bad("not a TrueType font file")),
        }
        let count = u16_at(data, 4).ok_or_else(|| bad("truncated header"))?;
        let mut tables = Vec::with_capacity(usize::from(count));
        for i in 0..usize::from(count) {
            let rec = 12 + 16 * i;
            let tag = data
                .get(rec..rec + 4)
                .ok_or_else(|| bad("truncated directory"))?;
            let (off, len) = (u32_at(data, rec + 8), u32_at(data, rec + 12));
            let (Some(off), Some(len)) = (off, len) else {
                return Err(bad("truncated directory"));
            };
            let body = data
                .get(off as usize..(off as usize).saturating_add(len as usize))
                .ok_or_else(|| bad("a table lies outside the file"))?;
            tables.push(([tag[0], tag[1], tag[2], tag[3]], body));
        }
        let find = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, b)| *b);
        let need = |tag: &[u8; 4]| {
            let name: String = tag.iter().map(|&b| char::from(b)).collect();
            find(tag).ok_or_else(|| bad(&format!("no {name} table")))
        };
        let (head, hhea, maxp) = (need(b"head")?, need(b"hhea")?, need(b"maxp")?);
        need(b"glyf")?;
        let units_per_em = u16_at(head, 18)
            .filter(|&u| u >= 16)
            .ok_or_else(|| bad("head"))?;
        let mut bbox = [0i16; 4];
        for (i, v) in bbox.iter_mut().enumerate() {
            *v = i16_at(head, 36 + 2 * i).ok_or_else(|| bad("head"))?;
        }
        let os2 = find(b"OS/2");
        let font = Font {
            data,
            cmap: unicode_subtable(need(b"cmap")?).ok_or_else(|| bad("no Unicode cmap"))?,
            hmtx: need(b"hmtx")?,
            h_metrics: u16_at(hhea, 34)
                .filter(|&n| n > 0)
                .ok_or_else(|| bad("hhea"))?,
            glyphs: u16_at(maxp, 4).ok_or_else(|| bad("maxp"))?,
            units_per_em,
            bbox,
            ascender: i16_at(hhea, 4).ok_or_else(|| bad("hhea"))?,
            descender: i16_at(hhea, 6).ok_or_else(|| bad("hhea"))?,
            cap_height: os2
                .and_then(|t| (u16_at(t, 0)? >= 2).then(|| i16_at(t, 88)).flatten())
                .unwrap_or((i32::from(units_per_em) * 7 / 10) as i16),
            weight: os2.and_then(|t| u16_at(t, 4)).unwrap_or(400),
            tables,
        };
        if font.hmtx.len() < 4 * usize::from(font.h_metrics) {
            return Err(bad("hmtx is shorter than hhea says"));
        }
        Ok(font)
    }

    /// The whole file, as given.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// A table's bytes by tag (`b"glyf"`), if the font has it.
    pub fn table(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        self.tables.iter().find(|(t, _)| t == tag).map(|(_, b)| *b)
    }

    /// How many glyphs the font has (`maxp`).
    pub fn glyph_count(&self) -> u16 {
        self.glyphs
    }

    /// The glyph for a character, or `None` when the font lacks it (glyph 0 is the
    /// "missing" box, never returned).
    pub fn glyph(&self, c: char) -> Option<u16> {
        let t = self.cmap;
        let gid = match u16_at(t, 0)? {
            4 => format4(t, u32::from(c))?,
            12 => format12(t, u32::from(c))?,
            _ => return None,
        };
        (gid != 0 && gid < self.glyphs).then_some(gid)
    }

    /// The advance width of a glyph in font units (fonts repeat the last width for the
    /// glyphs after `numberOfHMetrics`).
    pub fn advance(&self, gid: u16) -> u16 {
        let i = gid.min(self.h_metrics - 1);
        u16_at(self.hmtx, 4 * usize::from(i)).unwrap_or(0)
    }
}

impl Font<'_> {
    /// The left side bearing of a glyph in font units, for rebuilding `hmtx`.
    pub(crate) fn side_bearing(&self, gid: u16) -> i16 {
        let at = if gid < self.h_metrics {
            4 * usize::from(gid) + 2
        } else {
            4 * usize::from(self.h_metrics) + 2 * usize::from(gid - self.h_metrics)
        };
        i16_at(self.hmtx, at).unwrap_or(0)
    }
}

/// The best Unicode subtable: full repertoire (format 12) first, then the BMP (format 4).
fn unicode_subtable(cmap: &[u8]) -> Option<&[u8]> {
    let count = usize::from(u16_at(cmap, 2)?);
    let mut best: Option<(u8, &[u8])> = None;
    for i in 0..count {
        let rec = 4 + 8 * i;
        let (platform, encoding) = (u16_at(cmap, rec)?, u16_at(cmap, rec + 2)?);
        let sub = cmap.get(u32_at(cmap, rec + 4)? as usize..)?;
        let unicode = platform == 0 || (platform == 3 && matches!(encoding, 1 | 10));
        let rank = match u16_at(sub, 0) {
            Some(12) if unicode => 2,
            Some(4) if unicode => 1,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, sub));
        }
    }
    best.map(|(_, sub)| sub)
}

fn format4(t: &[u8], c: u32) -> Option<u16> {
    let c = u16::try_from(c).ok()?;
    let seg2 = usize::from(u16_at(t, 6)?);
    let (ends, starts, deltas, ranges) = (14, 16 + seg2, 16 + 2 * seg2, 16 + 3 * seg2);
    let (mut lo, mut hi) = (0, seg2 / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if u16_at(t, ends + 2 * mid)? < c {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == seg2 / 2 {
        return None;
    }
    let start = u16_at(t, starts + 2 * lo)?;
    if start > c {
        return None;
    }
    let delta = u16_at(t, deltas + 2 * lo)?;
    let range = usize::from(u16_at(t, ranges + 2 * lo)?);
    if range == 0 {
        return Some(c.wrapping_add(delta));
    }
    let at = ranges + 2 * lo + range + 2 * usize::from(c - start);
    let g = u16_at(t, at)?;
    (g != 0).then(|| g.wrapping_add(delta))
}

fn format12(t: &[u8], c: u32) -> Option<u16> {
    let groups = u32_at(t, 12)? as usize;
    let (mut lo, mut hi) = (0, groups);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let g = 16 + 12 * mid;
        let (start, end) = (u32_at(t, g)?, u32_at(t, g + 4)?);
        if c < start {
            hi = mid;
        } else if c > end {
            lo = mid + 1;
        } else {
            return u16::try_from(u32_at(t, g + 8)?.checked_add(c - start)?).ok();
        }
    }
    None
}
