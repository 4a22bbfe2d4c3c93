//! `trygg font subset IN.ttf OUT.ttf`: cuts DejaVu Sans down to the scripts a certificate
//! may need (Latin, Greek, Cyrillic, punctuation), so the app fetches a few hundred
//! kilobytes instead of a font covering half of Unicode. Runs at build time
//! (`scripts/font.sh`), never in the browser.
//!
//! The `subsetter` crate keeps outlines, metrics and hinting but drops `cmap` and `OS/2`
//! (it only serves PDF writers). The core needs a `cmap` to find glyphs, so this adds a
//! fresh format 4 `cmap` for the kept characters and the original `OS/2` (cap height,
//! weight), making the output an ordinary standalone TrueType file.

use std::fs;
use std::path::{Path, PathBuf};

use subsetter::{subset, GlyphRemapper};
use trygg_core::certificate::pdf::assemble_font;
use trygg_core::certificate::pdf::font::Font;

use crate::args::{self, Args};

const USAGE: &str = "usage: trygg font subset IN.ttf OUT.ttf

Writes OUT.ttf with only the glyphs for Basic Latin, Latin-1, Latin Extended-A/B and
Additional, combining diacritics, Greek, Cyrillic and general punctuation.";

/// The Unicode blocks kept. Combining diacritics are there for names typed in
/// decomposed form (e + U+0302 + U+0303 for ễ).
pub const KEPT_RANGES: [(u32, u32); 9] = [
    (0x0020, 0x007E), // Basic Latin
    (0x00A0, 0x00FF), // Latin-1 Supplement
    (0x0100, 0x017F), // Latin Extended-A
    (0x0180, 0x024F), // Latin Extended-B
    (0x0300, 0x036F), // Combining Diacritical Marks
    (0x0370, 0x03FF), // Greek and Coptic
    (0x0400, 0x04FF), // Cyrillic
    (0x1E00, 0x1EFF), // Latin Extended Additional
    (0x2000, 0x206F), // General Punctuation
];

/// The font `trygg font subset` reads and the one it writes.
struct Options {
    input: PathBuf,
    output: PathBuf,
}

fn parse_args(args: Args) -> Result<Option<Options>, String> {
    let Some(operands) = args::operands_only(args)? else {
        return Ok(None);
    };
    let mut operands = operands.into_iter();
    match operands.next() {
        Some(command) if command == "subset" => {}
        Some(command) => {
            return Err(format!(
                "unknown font command \"{}\"",
                args::shown(&command)
            ))
        }
        None => return Err("missing font command".into()),
    }
    match (operands.next(), operands.next(), operands.next()) {
        (Some(input), Some(output), None) => Ok(Some(Options {
            input: input.into(),
            output: output.into(),
        })),
        _ => Err("subset takes an input and an output font file".into()),
    }
}

/// Runs `trygg font ARGS`; returns the exit code: 0 when the subset was written, 2 for bad
/// arguments or a font that cannot be read, cut or written.
pub fn run(args: Args) -> i32 {
    let o = match args::parsed_or_exit("font", USAGE, parse_args(args)) {
        Ok(o) => o,
        Err(code) => return code,
    };
    match subset_file(&o.input, &o.output) {
        Ok(summary) => {
            say!("{summary}");
            0
        }
        Err(msg) => {
            complain!("trygg font subset: {msg}");
            2
        }
    }
}

fn subset_file(input: &Path, output: &Path) -> Result<String, String> {
    let (shown_in, shown_out) = (input.display(), output.display());
    let data = fs::read(input).map_err(|e| format!("cannot read {shown_in}: {e}"))?;
    let out = subset_font(&data)?;
    fs::write(output, &out).map_err(|e| format!("cannot write {shown_out}: {e}"))?;
    Ok(format!(
        "{shown_out}: {} bytes (from {} bytes)",
        out.len(),
        data.len()
    ))
}

/// The subset font file for `data` (a TrueType font with a Unicode `cmap`).
pub fn subset_font(data: &[u8]) -> Result<Vec<u8>, String> {
    let font = Font::parse(data).map_err(|e| e.to_string())?;
    let kept: Vec<(char, u16)> = KEPT_RANGES
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter_map(char::from_u32)
        .filter_map(|c| font.glyph(c).map(|g| (c, g)))
        .collect();
    let mut remapper = GlyphRemapper::new();
    for &(_, gid) in &kept {
        remapper.remap(gid);
    }
    let cut = subset(data, 0, &remapper).map_err(|e| format!("subsetting failed: {e}"))?;
    let mut map = Vec::with_capacity(kept.len());
    for &(c, old) in &kept {
        let new = remapper.get(old).ok_or("a kept glyph lost its id")?;
        map.push((u32::from(c), new));
    }

    let mut tables = read_tables(&cut)?;
    tables.retain(|(tag, _)| tag != b"cmap" && tag != b"OS/2");
    tables.push((*b"cmap", cmap_table(&map)));
    if let Some(os2) = font.table(b"OS/2") {
        tables.push((*b"OS/2", os2_table(os2, &map)));
    }
    let out = assemble_font(tables);
    check(&font, &out, &kept)?;
    Ok(out)
}

/// The subset must find every kept character, with its original width.
fn check(original: &Font, out: &[u8], kept: &[(char, u16)]) -> Result<(), String> {
    let font = Font::parse(out).map_err(|e| format!("the subset is unreadable: {e}"))?;
    for &(c, old) in kept {
        let gid = font
            .glyph(c)
            .ok_or(format!("U+{:04X} is missing", u32::from(c)))?;
        if font.advance(gid) != original.advance(old) {
            return Err(format!("U+{:04X} changed width", u32::from(c)));
        }
    }
    Ok(())
}

fn be16(d: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes(
        d.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn be32(d: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// A font's tables as (tag, bytes), the form `assemble_font` takes.
type Tables = Vec<([u8; 4], Vec<u8>)>;

/// Every table of an sfnt file.
fn read_tables(data: &[u8]) -> Result<Tables, String> {
    let bad = || "subsetter wrote a damaged font".to_string();
    let count = be16(data, 4).ok_or_else(bad)?;
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = data
            .get(rec..rec + 4)
            .and_then(|t| t.try_into().ok())
            .ok_or_else(bad)?;
        let (off, len) = (
            be32(data, rec + 8).ok_or_else(bad)?,
            be32(data, rec + 12).ok_or_else(bad)?,
        );
        out.push((tag, data.get(off..off + len).ok_or_else(bad)?.to_vec()));
    }
    Ok(out)
}

/// A `cmap` with one format 4 subtable (BMP), listed for Unicode (0/3) and Windows (3/1).
/// Runs of characters whose glyph ids rise with them share a segment.
fn cmap_table(map: &[(u32, u16)]) -> Vec<u8> {
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // start, end, delta
    for &(c, gid) in map {
        let Ok(c) = u16::try_from(c) else { continue };
        let delta = gid.wrapping_sub(c);
        match segments.last_mut() {
            Some((_, end, d)) if *end + 1 == c && *d == delta => *end = c,
            _ => segments.push((c, c, delta)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 1));
    let seg_count = segments.len() as u16;
    let mut pow = 1u16;
    while pow * 2 <= seg_count {
        pow *= 2;
    }
    let mut sub: Vec<u16> = vec![4, 0, 0, seg_count * 2, pow * 2, pow.trailing_zeros() as u16];
    sub.push(seg_count * 2 - pow * 2);
    sub.extend(segments.iter().map(|s| s.1));
    sub.push(0);
    sub.extend(segments.iter().map(|s| s.0));
    sub.extend(segments.iter().map(|s| s.2));
    sub.extend(segments.iter().map(|_| 0));
    sub[1] = (sub.len() * 2) as u16;
    let mut out: Vec<u8> = Vec::new();
    for v in [0u16, 2, 0, 3] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out.extend_from_slice(&20u32.to_be_bytes());
    for v in [3u16, 1] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out.extend_from_slice(&20u32.to_be_bytes());
    for v in sub {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out
}

/// The original `OS/2`, with the first and last character updated to the subset's.
fn os2_table(os2: &[u8], map: &[(u32, u16)]) -> Vec<u8> {
    let mut out = os2.to_vec();
    let first = map.iter().map(|m| m.0).min().unwrap_or(0x20).min(0xFFFF) as u16;
    let last = map.iter().map(|m| m.0).max().unwrap_or(0x20).min(0xFFFF) as u16;
    if out.len() >= 68 {
        out[64..66].copy_from_slice(&first.to_be_bytes());
        out[66..68].copy_from_slice(&last.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dejavu(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../node_modules/dejavu-fonts-ttf/ttf")
            .join(name);
        fs::read(&path)
            .unwrap_or_else(|_| panic!("{} is missing: run `make setup` (npm ci)", path.display()))
    }

    #[test]
    fn subset_is_a_standalone_font_with_every_kept_character() {
        for name in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
            let data = dejavu(name);
            let out = subset_font(&data).expect("subset");
            assert!(out.len() < data.len() / 4, "{name}: {} bytes", out.len());
            let font = Font::parse(&out).expect("parses");
            for c in "Łukasz Şahin-Nguyễn Олена Ćosić Ωμέγα – — ‘’ “” • …".chars()
            {
                assert!(font.glyph(c).is_some() || c == ' ', "{name}: {c}");
            }
            assert_eq!(font.glyph('中'), None);
            assert!(font.table(b"OS/2").is_some() && font.table(b"cmap").is_some());
        }
    }

    #[test]
    fn cmap_segments_share_runs() {
        let map = [(0x41, 5), (0x42, 6), (0x43, 7), (0x61, 9)];
        let table = cmap_table(&map);
        // Three segments: A–C, a, and the closing 0xFFFF.
        assert_eq!(u16::from_be_bytes([table[26], table[27]]), 6);
    }

    #[test]
    fn usage_errors_exit_2() {
        assert_eq!(run(Vec::new()), 2);
        assert_eq!(
            run(vec![
                "subset".into(),
                "/nonexistent.ttf".into(),
                "/tmp/x.ttf".into()
            ]),
            2
        );
    }
}
