//! The font side of the PDFs: the core's small TrueType reader on the real fonts, how the
//! fonts are embedded (poppler's `pdffonts`), and characters the font does not have.

mod pdf_support;

use pdf_support::{certificate_labels, flat_text, lang, record, six_modules, tool, write, Fonts};
use trygg_core::certificate::pdf::certificate_pdf;
use trygg_core::certificate::pdf::font::Font;

#[test]
fn reader_finds_every_script_the_subset_promises() {
    let fonts = Fonts::load();
    for (which, data) in [("regular", &fonts.regular), ("bold", &fonts.bold)] {
        let font = Font::parse(data).unwrap_or_else(|e| panic!("{which}: {e}"));
        assert_eq!(font.units_per_em, 2048);
        assert!(font.ascender > 0 && font.descender < 0);
        assert!(
            font.cap_height > 1000 && font.cap_height < 1700,
            "{}",
            font.cap_height
        );
        for c in "AaÅäÖéŁłŞşĆćễỄЖжОлена ΩλДž–—‘’“”•…€"
            .chars()
            .filter(|c| *c != ' ')
        {
            if c == '€' {
                continue; // outside the kept blocks; checked below
            }
            let gid = font
                .glyph(c)
                .unwrap_or_else(|| panic!("{which}: no glyph for {c}"));
            assert!(font.advance(gid) > 0, "{which}: {c} has no width");
        }
        assert_eq!(font.glyph('中'), None, "CJK is not in DejaVu Sans");
        assert_eq!(font.glyph('\u{10FFFF}'), None);
    }
}

#[test]
fn bold_is_wider_than_regular() {
    let fonts = Fonts::load();
    let regular = Font::parse(&fonts.regular).expect("regular");
    let bold = Font::parse(&fonts.bold).expect("bold");
    let width = |f: &Font, s: &str| -> u32 {
        s.chars()
            .filter_map(|c| f.glyph(c))
            .map(|g| u32::from(f.advance(g)))
            .sum()
    };
    assert!(width(&bold, "Łukasz Şahin") > width(&regular, "Łukasz Şahin"));
    assert!(bold.weight > regular.weight);
}

#[test]
fn garbage_is_refused_with_a_reason() {
    for bytes in [&b""[..], b"\x00\x01\x00\x00", b"OTTO and more", b"%PDF-1.7"] {
        let err = Font::parse(bytes).expect_err("not a font");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn fonts_are_embedded_as_cid_truetype_subsets_with_unicode_maps() {
    let fonts = Fonts::load();
    let rec = record("Łukasz Şahin-Nguyễn", lang("sv"), six_modules());
    let pdf = certificate_pdf(&rec, &certificate_labels(lang("sv")), &fonts.get()).expect("pdf");
    let path = write("certificate-fonts.pdf", &pdf);
    let Some(list) = tool("pdffonts", &[path.to_str().expect("path")]) else {
        return;
    };
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{list}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (2 words), encoding, emb, sub, uni, object id (2 words)
        assert!(cols[0].contains("+TryggSans"), "{row}");
        assert_eq!(&cols[1..4], ["CID", "TrueType", "Identity-H"], "{row}");
        assert_eq!(&cols[4..7], ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn characters_the_font_lacks_still_extract_as_typed() {
    let fonts = Fonts::load();
    for (i, name) in ["王小明", "Nguye\u{302}\u{303}n Ánh", "Zoë €uro µ μ"]
        .iter()
        .enumerate()
    {
        let rec = record(name, lang("en"), six_modules());
        let pdf =
            certificate_pdf(&rec, &certificate_labels(lang("en")), &fonts.get()).expect("pdf");
        let path = write(&format!("certificate-missing-{i}.pdf"), &pdf);
        let Some(text) = flat_text(&path) else { return };
        assert!(text.contains(name), "{name:?} not in:\n{text}");
    }
}
