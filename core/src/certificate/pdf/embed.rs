//! Embeds a font the way PDF handles any script: a Type 0 font over a CIDFontType2
//! (TrueType outlines), `Identity-H` encoding, a CIDToGIDMap from our per-character CIDs
//! to glyphs, widths for layout-exact rendering, and a ToUnicode CMap so text extraction
//! and search return the characters that were typed.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Finish, Name, Pdf, Rect, Ref, Str};

use super::canvas::Glyphs;
use super::strip::strip;
use super::PdfError;

const IDENTITY: SystemInfo<'static> = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// Writes the font objects for `glyphs` starting at `first` (six consecutive ids) and
/// returns the id of the Type 0 font to name in page resources.
pub(crate) fn write_font(
    pdf: &mut Pdf,
    first: Ref,
    glyphs: &Glyphs,
    family: &str,
    which: &'static str,
) -> Result<Ref, PdfError> {
    let [type0, cid, descriptor, file, to_unicode, cid_map] =
        [0, 1, 2, 3, 4, 5].map(|i| Ref::new(first.get() + i));
    let font = &glyphs.font;
    let base = format!("{}+{family}", subset_tag(&glyphs.chars));
    let base = Name(base.as_bytes());

    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(to_unicode);

    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(IDENTITY)
        .font_descriptor(descriptor)
        .default_width(glyphs.width('\u{0}'))
        .cid_to_gid_map_stream(cid_map);
    cid_font
        .widths()
        .consecutive(1, glyphs.chars.iter().map(|&(c, _)| glyphs.width(c)));
    cid_font.finish();

    let em = |v: i16| f32::from(v) * 1000.0 / f32::from(font.units_per_em);
    let [x0, y0, x1, y1] = font.bbox;
    let stem = 10.0 + 0.244 * (f32::from(font.weight) - 50.0);
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(em(x0), em(y0), em(x1), em(y1)))
        .italic_angle(0.0)
        .ascent(em(font.ascender))
        .descent(em(font.descender))
        .cap_height(em(font.cap_height))
        .stem_v(stem.max(10.0))
        .font_file2(file);

    let used = glyphs.chars.iter().map(|&(_, g)| g);
    let cut = strip(font, used).map_err(|reason| PdfError::Font { which, reason })?;
    pdf.stream(file, &cut.data).pair(
        Name(b"Length1"),
        i32::try_from(cut.data.len()).unwrap_or(i32::MAX),
    );

    let mut cmap = UnicodeCmap::new(Name(b"Trygg-UTF16"), IDENTITY);
    for (i, &(c, _)) in glyphs.chars.iter().enumerate() {
        cmap.pair(u16::try_from(i + 1).unwrap_or(0), c);
    }
    pdf.stream(to_unicode, &cmap.finish());

    let mut map = vec![0u8, 0];
    for &(_, gid) in &glyphs.chars {
        map.extend_from_slice(&cut.new_id(gid).to_be_bytes());
    }
    pdf.stream(cid_map, &map);
    Ok(type0)
}

/// The six capital letters PDF puts before a subset font's name; derived from the
/// characters used, so identical documents stay byte-identical.
fn subset_tag(chars: &[(char, u16)]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for &(c, _) in chars {
        hash = (hash ^ u32::from(c)).wrapping_mul(0x0100_0193);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}
