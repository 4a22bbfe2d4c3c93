//! Per-document font subsetting: keeps the glyphs a document uses (and the parts composite
//! glyphs are built from), numbered 0, 1, 2, … in the order of their old ids. The font the
//! app fetches covers Latin, Greek and Cyrillic (about 140 kB); a certificate uses about a
//! hundred glyphs, so this keeps each PDF small.

use std::collections::BTreeSet;

use super::font::{u16_at, u32_at, Font, FontError};

/// Tables a PDF viewer needs from an embedded TrueType font (PDF 32000-1, 9.9.1); `cmap`,
/// `name` and `post` are left out, as Ghostscript and Typst do, since the PDF maps and
/// names the glyphs itself.
const KEEP: [&[u8; 4]; 9] = [
    b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
];

/// Component flags in a composite glyph (OpenType `glyf`).
const ARGS_ARE_WORDS: u16 = 0x0001;
const HAS_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const HAS_XY_SCALE: u16 = 0x0040;
const HAS_2X2: u16 = 0x0080;

/// A font cut down to some glyphs. New glyph id `n` is old id `kept[n]`.
pub(crate) struct Stripped {
    pub data: Vec<u8>,
    pub kept: Vec<u16>,
}

impl Stripped {
    /// The new id of an old glyph (0, the missing-glyph box, when it was not kept).
    pub(crate) fn new_id(&self, old: u16) -> u16 {
        self.kept
            .binary_search(&old)
            .map_or(0, |i| u16::try_from(i).unwrap_or(0))
    }
}

/// The font with only `used` glyphs (plus glyph 0 and composite parts).
pub(crate) fn strip(font: &Font, used: impl Iterator<Item = u16>) -> Result<Stripped, FontError> {
    let head = font.table(b"head").ok_or_else(|| err("head"))?;
    let loca = font.table(b"loca").ok_or_else(|| err("loca"))?;
    let glyf = font.table(b"glyf").ok_or_else(|| err("glyf"))?;
    let long = u16_at(head, 50).ok_or_else(|| err("head"))? == 1;
    let count = font.glyph_count();
    let outline = |gid: u16| -> Result<&[u8], FontError> {
        let (a, b) = if long {
            let i = 4 * usize::from(gid);
            (
                u32_at(loca, i).map(|v| v as usize),
                u32_at(loca, i + 4).map(|v| v as usize),
            )
        } else {
            let i = 2 * usize::from(gid);
            (
                u16_at(loca, i).map(|v| 2 * usize::from(v)),
                u16_at(loca, i + 2).map(|v| 2 * usize::from(v)),
            )
        };
        match (a, b) {
            (Some(a), Some(b)) if a <= b => glyf.get(a..b).ok_or_else(|| err("loca")),
            _ => Err(err("loca")),
        }
    };

    // Close over composite glyphs: a glyph made of others needs those too.
    let mut keep = BTreeSet::new();
    keep.insert(0);
    for gid in used.filter(|&g| g < count) {
        keep.insert(gid);
    }
    let mut todo: Vec<u16> = keep.iter().copied().collect();
    while let Some(gid) = todo.pop() {
        for (_, part) in components(outline(gid)?) {
            if part < count && keep.insert(part) {
                todo.push(part);
            }
        }
    }
    let kept: Vec<u16> = keep.into_iter().collect();
    let stripped = Stripped {
        data: Vec::new(),
        kept,
    };

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (stripped.kept.len() + 1));
    let mut new_hmtx = Vec::with_capacity(4 * stripped.kept.len());
    for &old in &stripped.kept {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let start = new_glyf.len();
        new_glyf.extend_from_slice(outline(old)?);
        for (at, part) in components(outline(old)?) {
            let id = stripped.new_id(part).to_be_bytes();
            new_glyf[start + at..start + at + 2].copy_from_slice(&id);
        }
        new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        new_hmtx.extend_from_slice(&font.advance(old).to_be_bytes());
        new_hmtx.extend_from_slice(&font.side_bearing(old).to_be_bytes());
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let glyphs = u16::try_from(stripped.kept.len()).map_err(|_| err("maxp"))?;
    let patch = |tag: &[u8; 4], at: usize, value: u16| -> Result<Vec<u8>, FontError> {
        let mut t = font.table(tag).ok_or_else(|| err("a required"))?.to_vec();
        t.get_mut(at..at + 2)
            .ok_or_else(|| err("a required"))?
            .copy_from_slice(&value.to_be_bytes());
        Ok(t)
    };
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for tag in KEEP {
        let body = match tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"hmtx" => std::mem::take(&mut new_hmtx),
            b"head" => patch(tag, 50, 1)?, // long loca offsets
            b"hhea" => patch(tag, 34, glyphs)?,
            b"maxp" => patch(tag, 4, glyphs)?,
            _ => match font.table(tag) {
                Some(t) => t.to_vec(),
                None => continue,
            },
        };
        tables.push((*tag, body));
    }
    Ok(Stripped {
        data: assemble(tables),
        ..stripped
    })
}

/// The components of a composite glyph: where each one's glyph id sits in the glyph's
/// bytes, and the id. Empty for a simple (or empty) glyph.
fn components(glyph: &[u8]) -> Vec<(usize, u16)> {
    let mut out = Vec::new();
    if glyph.len() < 10 || (glyph[0] & 0x80) == 0 {
        return out; // numberOfContours >= 0
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) = (u16_at(glyph, at), u16_at(glyph, at + 2)) {
        out.push((at + 2, gid));
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAS_SCALE != 0 {
            2
        } else if flags & HAS_XY_SCALE != 0 {
            4
        } else if flags & HAS_2X2 != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    out
}

fn err(table: &str) -> FontError {
    FontError(format!("damaged {table} table"))
}

/// Writes an sfnt file from tables given in tag order: directory, checksums, 4-byte
/// alignment and the `head` checksum adjustment. Shared with the CLI's build-time
/// subsetter, which adds a `cmap` to what the `subsetter` crate leaves.
pub fn assemble(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    // Insertion sort: a dozen tables, and no sort routine linked into the wasm for it.
    for i in 1..tables.len() {
        let mut j = i;
        while j > 0 && tables[j - 1].0 > tables[j].0 {
            tables.swap(j - 1, j);
            j -= 1;
        }
    }
    let count = tables.len() as u16;
    let mut pow = 1u16;
    let mut selector = 0u16;
    while pow * 2 <= count {
        pow *= 2;
        selector += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [count, pow * 16, selector, count * 16 - pow * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, body) in &mut tables {
        if tag == b"head" && body.len() >= 12 {
            body[8..12].fill(0);
            head_at = Some(offset + 8);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        offset += body.len().next_multiple_of(4);
    }
    for (_, body) in &tables {
        out.extend_from_slice(body);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(b))
    })
}
