//! The certificate and the pocket card as PDF/UA-1 (tagged for screen readers) and
//! PDF/A-3b (archival), read back by tools Trygg did not write: pikepdf walks the
//! structure tree and decodes the text each element marks through the fonts' Unicode
//! maps, the `pdfua` package runs its PDF/UA-1 checks, `pdftotext` gives the reading
//! order, and `qpdf --check` the file's syntax. Every variant the app can make is checked:
//! both languages, names in Latin, Greek and Cyrillic, a long name with many modules over
//! two pages, and the pocket card's front and back.

mod pdf_support;

use std::path::Path;

use pdf_support::{
    assert_inside, assert_qpdf_clean, certificate_labels as labels, flat_text, inspect, lang,
    list_items, many_modules, pocket_content, pocket_labels, record, shipped_languages,
    six_modules, tool, write, Fonts, LONG_NAME,
};
use serde_json::Value;
use trygg_core::certificate::pdf::{certificate_pdf, pocket_card_pdf, PocketCardContent};
use trygg_core::certificate::{verify, CompletionRecord, VerifyError, DEFAULT_MAX_BYTES};
use trygg_core::content::Lang;

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

fn role(v: &Value) -> &str {
    v["role"].as_str().unwrap_or("")
}

fn kids(v: &Value) -> &[Value] {
    v["kids"].as_array().map_or(&[], Vec::as_slice)
}

/// All text an element marks, itself and below, in tree order, lines joined by spaces.
fn text(v: &Value) -> String {
    let mut out = Vec::new();
    collect(v, &mut out);
    out.join(" ")
}

fn collect(v: &Value, out: &mut Vec<String>) {
    for t in v["text"].as_array().into_iter().flatten() {
        out.push(t.as_str().unwrap_or("<missing text>").to_owned());
    }
    for k in kids(v) {
        collect(k, out);
    }
}

fn roles(v: &Value) -> Vec<&str> {
    kids(v).iter().map(role).collect()
}

/// What every PDF Trygg makes must have, whatever it shows: PDF/UA-1 and PDF/A-3b's
/// identification and the entries their checkers look at, all text in the tree or marked
/// as decoration, and the reading order of the tree being the order the text comes out.
fn assert_standards(path: &Path, lang: Lang, title: &str) -> Option<Value> {
    assert_qpdf_clean(path);
    let info = tool("pdfinfo", &[path.to_str().expect("path")]).unwrap_or_default();
    if !info.is_empty() {
        assert!(info.contains("Tagged:          yes"), "{info}");
    }
    let pdf = inspect(path)?;
    let name = path.display();
    assert_eq!(pdf["marked"], true, "{name}: MarkInfo /Marked");
    assert_eq!(pdf["lang"], lang.code(), "{name}: /Lang");
    assert_eq!(pdf["display_doc_title"], true, "{name}: DisplayDocTitle");
    assert_eq!(pdf["encrypted"], false, "{name}");
    let ids = pdf["id"].as_array().expect("an /ID");
    assert_eq!(ids.len(), 2, "{name}: /ID");
    assert!(ids
        .iter()
        .all(|i| i.as_str().is_some_and(|s| s.len() == 32)));

    let xmp = &pdf["xmp"];
    assert_eq!(xmp["title"], title, "{name}: dc:title");
    assert_eq!(pdf["info"]["Title"], title, "{name}: Info Title");
    assert_eq!(xmp["pdfa_part"], "3", "{name}: pdfaid:part");
    assert_eq!(xmp["pdfa_conformance"], "B", "{name}: pdfaid:conformance");
    assert_eq!(xmp["pdfua_part"], "1", "{name}: pdfuaid:part");
    assert_eq!(xmp["producer"], pdf["info"]["Producer"], "{name}");
    assert_eq!(xmp["creator_tool"], pdf["info"]["Creator"], "{name}");

    let intents = pdf["output_intents"].as_array().expect("output intents");
    assert_eq!(intents.len(), 1, "{name}: one output intent");
    let oi = &intents[0];
    assert_eq!(oi["subtype"], "/GTS_PDFA1", "{name}");
    assert_eq!(oi["n"], 3, "{name}: an RGB profile");
    assert_eq!(oi["profile_space"], "RGB ", "{name}");
    assert_eq!(oi["profile_class"], "mntr", "{name}");
    assert_eq!(oi["profile_signature"], "acsp", "{name}: an ICC profile");

    assert_eq!(pdf["untagged_text"], serde_json::json!([]), "{name}");
    assert_eq!(
        pdf["untagged_paths"], 0,
        "{name}: lines and boxes are artifacts"
    );
    assert_eq!(pdf["parent_tree_ok"], true, "{name}: ParentTree");
    let tree = &pdf["tree"];
    assert_eq!(role(tree), "Document", "{name}");
    assert_headings_have_text(tree);

    match pdf["pdfua"].as_object() {
        Some(ua) => {
            assert_eq!(ua["findings"], serde_json::json!([]), "{name}: pdfua");
            assert_eq!(ua["skipped"], serde_json::json!([]), "{name}: pdfua");
        }
        None => pdf_support::missing("pdfua"),
    }
    assert_reading_order(path, &pdf);
    Some(pdf)
}

fn assert_headings_have_text(v: &Value) {
    if role(v).starts_with('H') {
        assert!(!text(v).trim().is_empty(), "empty heading {v}");
    }
    for k in kids(v) {
        assert_headings_have_text(k);
    }
}

/// The tree's text, in tree order, is the order `pdftotext -raw` gives (the order the
/// page draws it), with nothing else but the text marked as decoration in between.
fn assert_reading_order(path: &Path, pdf: &Value) {
    let p = path.to_str().expect("path");
    let Some(raw) = tool("pdftotext", &["-raw", "-enc", "UTF-8", p, "-"]) else {
        return;
    };
    let tree = words(&text(&pdf["tree"]));
    let mut decoration: Vec<String> = pdf["artifact_text"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| words(t.as_str().unwrap_or("")))
        .collect();
    let mut next = 0;
    for word in words(&raw) {
        if tree.get(next) == Some(&word) {
            next += 1;
        } else if let Some(i) = decoration.iter().position(|d| *d == word) {
            decoration.swap_remove(i);
        } else {
            panic!(
                "{p}: {word:?} comes out of pdftotext where the tree has {:?}",
                tree.get(next)
            );
        }
    }
    assert_eq!(
        next,
        tree.len(),
        "{p}: the tree has text pdftotext does not give"
    );
}

fn make_certificate(rec: &CompletionRecord, fonts: &Fonts, file: &str) -> (Vec<u8>, Value) {
    let l = labels(rec.lang);
    let pdf = certificate_pdf(rec, &l, &fonts.get()).expect("certificate pdf");
    let path = write(file, &pdf);
    let title = format!("{} – {}", l.title, rec.learner.full_name);
    let tree = assert_standards(&path, rec.lang, &title).map_or(Value::Null, |mut v| {
        assert_attachment(&v, rec, &l.file);
        v["tree"].take()
    });
    (pdf, tree)
}

/// The completion record rides as a PDF/A-3 associated file that archival tools and
/// `trygg verify` both find.
fn assert_attachment(pdf: &Value, rec: &CompletionRecord, stem: &str) {
    let name = format!("{stem}-{}.json", rec.certificate_id);
    let files = pdf["associated_files"].as_array().expect("/AF");
    assert_eq!(files.len(), 1, "one associated file");
    let f = &files[0];
    assert_eq!(f["f"], name.as_str());
    assert_eq!(f["uf"], name.as_str());
    assert_eq!(f["relationship"], "/Data");
    assert_eq!(f["subtype"], "/application/json");
    let d = rec.completed_on;
    let stamp = format!("D:{:04}{:02}{:02}000000Z", d.year, d.month, d.day);
    assert_eq!(f["mod_date"], stamp.as_str(), "ModDate");
    assert_eq!(f["size"], f["length"], "/Size");
    assert_eq!(f["filter"], "", "uncompressed, for extract_from_pdf");
    assert_eq!(pdf["embedded_names"], serde_json::json!([name]));
    assert_eq!(pdf["info"]["CreationDate"], stamp.as_str());
    let xmp_date = format!("{d}T00:00:00Z");
    assert_eq!(pdf["xmp"]["create_date"], xmp_date.as_str());
}

/// Organisation, H1 title, "certifies", the name, details, the lead-in, the module table
/// with a header row and one row per module, then the dates, identifiers and how to check.
fn assert_certificate_tree(tree: &Value, rec: &CompletionRecord) {
    if tree.is_null() {
        return;
    }
    let l = labels(rec.lang);
    let expected = [
        "P", "H1", "P", "P", "P", "P", "Table", "P", "P", "P", "P", "P", "P",
    ];
    assert_eq!(roles(tree), expected, "{tree}");
    let k = kids(tree);
    assert_eq!(text(&k[0]), rec.organisation);
    assert_eq!(text(&k[1]), l.title);
    assert_eq!(text(&k[2]), l.certifies);
    assert_eq!(
        text(&k[3]),
        rec.learner.full_name,
        "the name, read out whole"
    );
    assert!(text(&k[4]).contains(&rec.learner.employee_number));
    assert_eq!(text(&k[5]), l.completed);

    let rows = kids(&k[6]);
    assert!(rows.iter().all(|r| role(r) == "TR"));
    assert_eq!(
        rows.len(),
        rec.modules.len() + 1,
        "a header row and a row per module"
    );
    let head = kids(&rows[0]);
    assert_eq!(roles(&rows[0]), ["TH", "TH", "TH"]);
    assert!(head.iter().all(|h| h["scope"] == "Column"), "{head:?}");
    let heads: Vec<String> = head.iter().map(text).collect();
    assert_eq!(heads, [l.module.as_str(), &l.score, &l.passed_on]);
    for (row, m) in rows[1..].iter().zip(&rec.modules) {
        assert_eq!(roles(row), ["TD", "TD", "TD"]);
        let cells: Vec<String> = kids(row).iter().map(text).collect();
        assert_eq!(cells[0], m.title);
        assert_eq!(cells[1].replace(' ', ""), format!("{}%", m.percent));
        assert_eq!(cells[2], m.passed_on.to_string());
    }

    let footer: Vec<String> = k[7..].iter().map(text).collect();
    assert_eq!(
        footer[..5],
        [
            format!("{} {}", l.completed_on, rec.completed_on),
            format!("{} {}", l.valid_until, rec.valid_until),
            format!("{} {}", l.certificate_id, rec.certificate_id),
            format!("{} {}", l.verification_code, rec.verification_code),
            format!("{} {}", l.content_version, rec.content_version),
        ]
    );
    assert_eq!(words(&footer[5]), words(&l.how_to_verify));
}

#[test]
fn certificates_in_both_languages_and_three_scripts_are_tagged_and_archival() {
    let fonts = Fonts::load();
    let cases = [
        ("Łukasz Şahin-Nguyễn", lang("sv")),
        ("Αικατερίνη Παπαδοπούλου", lang("sv")),
        ("Олена Ковальчук", lang("en")),
        ("Zoë O'Brien-Åkesson", lang("en")),
    ];
    for (i, (name, lang)) in cases.into_iter().enumerate() {
        let rec = record(name, lang, six_modules());
        let (pdf, tree) = make_certificate(&rec, &fonts, &format!("standards-cert-{i}.pdf"));
        assert_certificate_tree(&tree, &rec);
        assert_eq!(
            verify(&pdf, None, DEFAULT_MAX_BYTES).expect("verifies"),
            rec
        );
    }
}

#[test]
fn a_long_name_and_many_modules_keep_one_table_across_two_pages_inside_the_border() {
    let fonts = Fonts::load();
    let rec = record(LONG_NAME, lang("sv"), many_modules(24));
    let (pdf, tree) = make_certificate(&rec, &fonts, "standards-cert-long.pdf");
    assert_certificate_tree(&tree, &rec);
    let path = write("standards-cert-long.pdf", &pdf);
    assert_inside(&path, 31.0);
    if let Some(info) = tool("pdfinfo", &[path.to_str().expect("path")]) {
        assert!(info.contains("Pages:           2"), "{info}");
    }
    if let Some(text) = flat_text(&path) {
        assert!(text.contains(LONG_NAME), "{text}");
        assert!(text.contains("del 23"), "last module on a later page");
    }
    // The continuation page's running header and repeated heading row are decoration.
    if let Some(v) = inspect(&path) {
        let deco = v["artifact_text"].to_string();
        assert!(deco.contains("(forts.)"), "continued heading: {deco}");
        assert!(deco.contains(&rec.certificate_id), "{deco}");
    }
}

#[test]
fn the_pocket_card_front_and_back_reads_as_headings_and_lists() {
    let fonts = Fonts::load();
    for lang in shipped_languages() {
        let (org, module) = pocket_content(lang);
        let l = pocket_labels(lang);
        let card = PocketCardContent::of(&org, &module, lang);
        let pdf = pocket_card_pdf(&card, &l, &fonts.get()).expect("pdf");
        let path = write(&format!("standards-pocket-{}.pdf", lang.code()), &pdf);
        let module_title = module.title.as_str();
        let title = format!("{} – {}", l.title, module_title);
        let Some(v) = assert_standards(&path, lang, &title) else {
            continue;
        };
        assert_eq!(v["associated_files"], serde_json::json!([]));
        let tree = &v["tree"];
        assert_eq!(
            roles(tree),
            ["P", "H1", "P", "P", "P", "P", "H2", "L", "H2", "L", "H2", "L"],
            "{tree}"
        );
        let k = kids(tree);
        assert_eq!(text(&k[0]), org.name.as_str());
        assert_eq!(text(&k[1]), module_title);
        let emergency = &org.emergency;
        assert_eq!(text(&k[2]), format!("{} {}", l.emergency, emergency.public));
        assert_eq!(
            text(&k[3]),
            format!("{} {}", l.internal_alarm, emergency.internal_alarm)
        );
        // After the alarm note, the IT service desk by its own name, as one paragraph.
        let desk = org
            .it_service_desk
            .as_ref()
            .expect("the shipped course has one");
        assert_eq!(
            words(&text(&k[5])),
            words(&format!("{}: {}", desk.name, desk.phone))
        );
        for (i, id) in ["before", "during", "after"].into_iter().enumerate() {
            let section = module
                .sections
                .iter()
                .find(|s| s.id == id)
                .expect("section");
            assert_eq!(text(&k[6 + 2 * i]), section.title.as_str());
            let list = &k[7 + 2 * i];
            let expected = list_items(&module, id);
            assert_eq!(kids(list).len(), expected.len(), "{id}: one item per step");
            for (item, step) in kids(list).iter().zip(&expected) {
                assert_eq!(role(item), "LI");
                assert_eq!(roles(item), ["Lbl", "LBody"]);
                assert_eq!(text(&kids(item)[0]), "•");
                assert_eq!(words(&text(&kids(item)[1])), words(step), "{id}");
            }
        }
        // The back repeats the card's title for the eye only.
        let deco = v["artifact_text"].to_string();
        assert!(
            deco.contains(module_title.split(' ').next().unwrap_or("")),
            "{deco}"
        );
    }
}

#[test]
fn a_pocket_card_without_a_service_desk_has_no_line_for_it() {
    let fonts = Fonts::load();
    let sv = lang("sv");
    let (mut org, module) = pocket_content(sv);
    org.it_service_desk = None;
    let l = pocket_labels(sv);
    let card = PocketCardContent::of(&org, &module, sv);
    let pdf = pocket_card_pdf(&card, &l, &fonts.get()).expect("pdf");
    let path = write("standards-pocket-no-desk.pdf", &pdf);
    let title = format!("{} – {}", l.title, module.title);
    let Some(v) = assert_standards(&path, sv, &title) else {
        return;
    };
    assert_eq!(
        roles(&v["tree"]),
        ["P", "H1", "P", "P", "P", "H2", "L", "H2", "L", "H2", "L"],
        "{}",
        v["tree"]
    );
}

#[test]
fn a_name_the_font_cannot_show_drops_the_conformance_claims() {
    // Both standards forbid the missing-glyph box, so a file that needs it must not
    // claim either; it stays tagged and the name still extracts as typed.
    let fonts = Fonts::load();
    let rec = record("王小明", lang("en"), six_modules());
    let pdf = certificate_pdf(&rec, &labels(lang("en")), &fonts.get()).expect("pdf");
    let path = write("unclaimed-cert-missing-glyphs.pdf", &pdf);
    assert_qpdf_clean(&path);
    let Some(v) = inspect(&path) else { return };
    assert_eq!(v["xmp"]["pdfa_part"], Value::Null, "{}", v["xmp"]);
    assert_eq!(v["xmp"]["pdfua_part"], Value::Null, "{}", v["xmp"]);
    assert_eq!(v["marked"], true);
    assert_eq!(text(&kids(&v["tree"])[3]), "王小明");
}

#[test]
fn an_edited_archival_certificate_is_flagged() {
    // The tagged, archival file still hands its attachment to `trygg verify`, which
    // still notices a score changed inside it.
    let fonts = Fonts::load();
    let rec = record("Zoë O'Brien-Åkesson", lang("sv"), six_modules());
    let pdf = certificate_pdf(&rec, &labels(lang("sv")), &fonts.get()).expect("pdf");
    assert_eq!(
        verify(&pdf, None, DEFAULT_MAX_BYTES).expect("verifies"),
        rec
    );
    let at = pdf
        .windows(13)
        .position(|w| w == b"\"percent\": 90")
        .expect("a score in the attachment");
    let mut edited = pdf.clone();
    edited[at + 12] = b'9';
    let err = verify(&edited, None, DEFAULT_MAX_BYTES).expect_err("flagged");
    assert!(matches!(err, VerifyError::CodeMismatch { .. }), "{err}");
}
