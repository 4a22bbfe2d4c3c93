//! The certificate PDF, read back the way a manager's viewer and Trygg's verifier read it:
//! the exact name in any script, the key lines, the title, nothing outside the border, and
//! the attached record verifying on its own.

mod pdf_support;

use pdf_support::{
    assert_inside, certificate_labels, flat_text, lang, record, six_modules, tool, word_boxes,
    write, Fonts,
};
use trygg_core::certificate::pdf::{certificate_pdf, PdfError, PdfFonts};
use trygg_core::certificate::{extract_from_pdf, verify, CompletionRecord, DEFAULT_MAX_BYTES};

const NAMES: [&str; 4] = [
    "Łukasz Şahin-Nguyễn",
    "Олена Ćosić",
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://x\")",
];

/// A `Key: value` line of `pdfinfo` output.
fn field<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .map_or("", str::trim)
}

fn make(record: &CompletionRecord, fonts: &Fonts) -> Vec<u8> {
    let labels = certificate_labels(record.lang);
    certificate_pdf(record, &labels, &fonts.get()).expect("certificate pdf")
}

#[test]
fn names_in_any_script_come_back_exactly() {
    let fonts = Fonts::load();
    for (i, name) in NAMES.iter().enumerate() {
        let rec = record(name, lang("sv"), six_modules());
        let path = write(&format!("certificate-name-{i}.pdf"), &make(&rec, &fonts));
        let Some(text) = pdf_support::pdftotext(&path) else {
            return;
        };
        assert!(
            text.lines().any(|l| l.trim() == *name),
            "{name:?} not on a line of its own in:\n{text}"
        );
        assert_inside(&path, 31.0);
    }
}

#[test]
fn key_lines_title_and_language_are_swedish() {
    let fonts = Fonts::load();
    let rec = record(NAMES[0], lang("sv"), six_modules());
    let pdf = make(&rec, &fonts);
    assert!(
        pdf.windows(10).any(|w| w == b"/Lang (sv)"),
        "document language"
    );
    let path = write("certificate-sv.pdf", &pdf);
    if let Some(info) = tool("pdfinfo", &[path.to_str().expect("path")]) {
        assert_eq!(field(&info, "Title"), "Intyg – Łukasz Şahin-Nguyễn");
    }
    let Some(text) = flat_text(&path) else { return };
    let expected = [
        "Exempelregionen",
        "Intyg",
        "Härmed intygas att",
        "Anställningsnummer: E-10427",
        "Enhet: Akutmottagningen, Skånes universitetssjukhus",
        "E-post: lukasz.sahin@exempelregionen.example",
        "Roll: Chef",
        "Beredskap för kris och krig 80 % 2025-11-12",
        "Hot och våld 100 % 2025-11-10",
        "Genomförd",
        "2025-11-14",
        "Giltigt till och med",
        "Intygsnummer",
        "Kontrollkod",
        "2026-11-03",
        &rec.certificate_id,
        &rec.verification_code,
        "2025-11-a1b2c3d4",
        "Chefsvy",
    ];
    for line in expected {
        assert!(text.contains(line), "{line:?} missing from:\n{text}");
    }
    assert_inside(&path, 31.0);
}

#[test]
fn english_labels_and_metadata() {
    let fonts = Fonts::load();
    let rec = record(NAMES[1], lang("en"), six_modules());
    let pdf = make(&rec, &fonts);
    assert!(
        pdf.windows(10).any(|w| w == b"/Lang (en)"),
        "document language"
    );
    let path = write("certificate-en.pdf", &pdf);
    if let Some(text) = flat_text(&path) {
        for line in [
            "Certificate of completion",
            "Role: Manager",
            "Valid until",
            "90%",
        ] {
            assert!(text.contains(line), "{line:?} missing from:\n{text}");
        }
    }
    if let Some(info) = tool("pdfinfo", &[path.to_str().expect("path")]) {
        assert_eq!(
            field(&info, "Title"),
            "Certificate of completion – Олена Ćosić"
        );
        assert_eq!(field(&info, "Pages"), "1");
        assert!(info.contains("(A4)"), "{info}");
    }
}

#[test]
fn attached_record_verifies() {
    let fonts = Fonts::load();
    // A name with the PDF keyword `endstream` in it must not cut the attachment short.
    let cases = NAMES.iter().map(|name| (*name, lang("sv"))).chain([
        ("Anna endstream Öberg", lang("sv")),
        ("Anna endstream Öberg", lang("en")),
    ]);
    for (name, lang) in cases {
        let rec = record(name, lang, six_modules());
        let pdf = make(&rec, &fonts);
        let found = verify(&pdf, Some("trygg-exempelregionen"), DEFAULT_MAX_BYTES)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(found, rec);
        let json = extract_from_pdf(&pdf).expect("embedded json");
        assert_eq!(
            serde_json::from_slice::<CompletionRecord>(&json).expect("json"),
            rec
        );
    }
}

#[test]
fn attachment_is_listed_by_pdf_readers() {
    let fonts = Fonts::load();
    // Named in the certificate's language, as the page names the downloaded file.
    for (tag, stem) in [("sv", "trygg-intyg"), ("en", "trygg-certificate")] {
        let rec = record(NAMES[0], lang(tag), six_modules());
        let path = write(
            &format!("certificate-attachment-{tag}.pdf"),
            &make(&rec, &fonts),
        );
        let p = path.to_str().expect("path");
        let Some(list) = tool("pdfdetach", &["-list", p]) else {
            return;
        };
        let file = format!("{stem}-{}.json", rec.certificate_id);
        assert!(list.contains(&file), "{tag}: {list}");
        let saved = pdf_support::out_dir().join(&file);
        let saved_str = saved.to_str().expect("path");
        tool("pdfdetach", &["-save", "1", "-o", saved_str, p]);
        let bytes = std::fs::read(&saved).expect("detached file");
        assert_eq!(
            verify(&bytes, None, DEFAULT_MAX_BYTES).expect("verifies"),
            rec
        );
    }
}

#[test]
fn an_unbreakable_name_is_wrapped_not_cut_off() {
    let fonts = Fonts::load();
    let name = "Ж".repeat(100);
    let rec = record(&name, lang("en"), six_modules());
    let path = write("certificate-unbreakable.pdf", &make(&rec, &fonts));
    assert_inside(&path, 31.0);
    if let Some(words) = word_boxes(&path) {
        let joined: String = words
            .iter()
            .filter(|w| w.text.starts_with('Ж'))
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(joined, name);
    }
}

#[test]
fn same_record_gives_the_same_bytes_another_record_another_id_and_a_small_file() {
    let fonts = Fonts::load();
    let rec = record(NAMES[0], lang("sv"), six_modules());
    let a = make(&rec, &fonts);
    assert_eq!(a, make(&rec, &fonts));
    assert!(a.len() < 120_000, "certificate is {} bytes", a.len());
    // The document /ID comes from the record: one letter without its diacritic changes it.
    let id = |pdf: &[u8]| {
        let at = pdf.windows(4).rposition(|w| w == b"/ID ").expect("/ID");
        pdf[at..at + 80].to_vec()
    };
    let other = record("Łukasz Şahin-Nguyen", lang("sv"), six_modules());
    assert_ne!(id(&a), id(&make(&other, &fonts)));
}

#[test]
fn damaged_fonts_are_an_error_not_a_panic() {
    let fonts = Fonts::load();
    let rec = record(NAMES[0], lang("sv"), six_modules());
    let labels = certificate_labels(lang("sv"));
    let bad = PdfFonts {
        regular: &fonts.regular,
        bold: b"not a font",
    };
    match certificate_pdf(&rec, &labels, &bad) {
        Err(PdfError::Font { which, .. }) => assert_eq!(which, "bold"),
        other => panic!("expected a font error, got {:?}", other.map(|b| b.len())),
    }
    // Every truncation and a sweep of corrupted bytes either works or errs cleanly.
    let step = (fonts.regular.len() / 97).max(1);
    for cut in (0..fonts.regular.len()).step_by(step) {
        let broken = PdfFonts {
            regular: &fonts.regular[..cut],
            bold: &fonts.bold,
        };
        let _ = certificate_pdf(&rec, &labels, &broken);
    }
    let mut seed: u32 = 7;
    for _ in 0..60 {
        let mut copy = fonts.regular.clone();
        for _ in 0..40 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (seed as usize >> 4) % copy.len().min(4096);
            copy[at] = (seed >> 24) as u8;
        }
        let broken = PdfFonts {
            regular: &copy,
            bold: &fonts.bold,
        };
        let _ = certificate_pdf(&rec, &labels, &broken);
    }
}

/// English's longest written date for every module's day, and for the footer's two.
fn written_in_english(day: trygg_core::date::Date) -> String {
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, d) = (day.year, day.month, day.day);
    format!("{d} {} {y}", months[usize::from(m) - 1])
}

#[test]
fn dates_print_as_the_language_writes_them_and_a_long_one_widens_its_column() {
    let fonts = Fonts::load();
    let mut modules = six_modules();
    modules[1].passed_on = pdf_support::date("2025-09-30");
    let rec = record(NAMES[0], lang("en"), modules);
    let labels = certificate_labels(rec.lang).with_dates(&rec, written_in_english);
    let pdf = certificate_pdf(&rec, &labels, &fonts.get()).expect("certificate pdf");
    let path = write("certificate-written-dates.pdf", &pdf);
    assert_inside(&path, 31.0);
    let Some(text) = flat_text(&path) else {
        return;
    };
    for written in [
        "30 September 2025",
        "14 November 2025",
        &written_in_english(rec.completed_on),
        &written_in_english(rec.valid_until),
    ] {
        assert!(text.contains(written), "{written:?} not in:\n{text}");
    }
    assert!(!text.contains("2025-09-30"), "no ISO date left:\n{text}");
    // No two words overlap: the widened date column pushed the score and title aside.
    let Some(words) = word_boxes(&path) else {
        return;
    };
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            let [ax0, ay0, ax1, ay1] = a.rect;
            let [bx0, by0, bx1, by1] = b.rect;
            let apart =
                ax1 <= bx0 + 0.5 || bx1 <= ax0 + 0.5 || ay1 <= by0 + 0.5 || by1 <= ay0 + 0.5;
            assert!(apart, "{:?} overlaps {:?}", a.text, b.text);
        }
    }
}

#[test]
fn a_date_without_a_written_form_prints_as_iso() {
    let rec = record(NAMES[0], lang("sv"), six_modules());
    let labels = certificate_labels(rec.lang).with_dates(&rec, |_| String::from("  "));
    assert!(labels.dates.is_empty(), "a blank written date is not kept");
    assert_eq!(labels.date(rec.completed_on), rec.completed_on.to_string());
    let labels = labels.with_dates(&rec, written_in_english);
    assert_eq!(labels.date(rec.modules[0].passed_on), "3 November 2025");
}
