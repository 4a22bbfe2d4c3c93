//! The inline markup parser and the content version hash, on their own.

use trygg_core::content::{
    content_version, course_files, markup_shown, markup_shown_as_typed, parse_inline, plain_words,
    Inline,
};

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn plain_text_is_one_run() {
    assert_eq!(
        parse_inline("Ring 112 (dygnet runt)."),
        Ok(vec![text("Ring 112 (dygnet runt).")])
    );
    assert_eq!(parse_inline(""), Ok(vec![]));
}

#[test]
fn strong_and_links() {
    assert_eq!(
        parse_inline("Det är **allas** ansvar, se [policyn](https://x.example/p) eller [mejla](mailto:a@x.example)."),
        Ok(vec![
            text("Det är "),
            Inline::Strong("allas".into()),
            text(" ansvar, se "),
            Inline::Link { label: "policyn".into(), href: "https://x.example/p".into() },
            text(" eller "),
            Inline::Link { label: "mejla".into(), href: "mailto:a@x.example".into() },
            text("."),
        ])
    );
    assert_eq!(
        parse_inline("**Ring [112](tel:112)**").map_err(|e| e.contains("links cannot be inside")),
        Err(true)
    );
    assert_eq!(
        parse_inline("[**112**](tel:112)"),
        Ok(vec![Inline::Link {
            label: "**112**".into(),
            href: "tel:112".into()
        }])
    );
}

#[test]
fn words_in_another_language_carry_its_tag() {
    assert_eq!(
        parse_inline("alueen ilmoituskanava ([visselblåsarkanal]{lang=sv}), laki [lagen om skydd]{lang=sv-SE}."),
        Ok(vec![
            text("alueen ilmoituskanava ("),
            Inline::Foreign { text: "visselblåsarkanal".into(), lang: "sv".into() },
            text("), laki "),
            Inline::Foreign { text: "lagen om skydd".into(), lang: "sv-SE".into() },
            text("."),
        ])
    );
    for bad in [
        "[ord]{lang=}",
        "[ord]{lang=svenska}",
        "[ord]{lang=SV}",
        "[ord]{lang=sv",
        "[ord]{lang=sv_SE}",
        "[ord]{lang=sv-}",
        "[ ]{lang=sv}",
        "[ord]{sv}",
    ] {
        assert!(parse_inline(bad).is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn single_stars_and_brackets_are_text() {
    assert_eq!(
        parse_inline("a * b ] c ( d )"),
        Ok(vec![text("a * b ] c ( d )")])
    );
}

#[test]
fn malformed_markup_is_an_error() {
    for bad in [
        "**open",
        "****",
        "[label",
        "[label]",
        "[label] (https://x.example)",
        "[](https://x.example)",
        "[label](https://x.example",
        "[label]()",
        "[label](https://x.example/a b)",
        "label](https://x.example)",
        "[label](https://)",
        "[label](http://x.example)",
        "[label](javascript:alert)",
        "[label](//x.example)",
    ] {
        assert!(parse_inline(bad).is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn plain_words_keep_what_the_reader_sees() {
    assert_eq!(
        plain_words("Salainen ([hemlig]{lang=sv}), **heti**, [soita](tel:112)."),
        "Salainen (hemlig), heti, soita."
    );
    assert_eq!(
        plain_words("Ring 112 (dygnet runt)."),
        "Ring 112 (dygnet runt)."
    );
    // Broken markup never reaches a learner (validation refuses it); if it did, its text stays.
    assert_eq!(plain_words("[hemlig]{lang=SV}"), "[hemlig]{lang=SV}");
}

#[test]
fn markup_where_text_is_shown_as_typed_is_named_with_the_text() {
    for marked in [
        "Kohotettu valmius ([höjd beredskap]{lang=sv})",
        "Ilmoita **heti**",
        "Katso [ohje](https://x.example/o)",
        // Broken markup shows its characters just the same.
        "Valmius [höjd beredskap]{lang=SV}",
        "Ilmoita **heti",
    ] {
        let problem = markup_shown_as_typed(marked).unwrap_or_default();
        assert!(problem.contains(marked), "{marked:?}: {problem}");
    }
    for plain in [
        "Kohotettu valmius (höjd beredskap)",
        "Paina [Enter]",
        "2 * 3",
        "",
    ] {
        assert_eq!(markup_shown_as_typed(plain), None, "{plain:?}");
    }
}

#[test]
fn markup_shows_in_lessons_and_questions_but_not_in_headings_or_course_texts() {
    for shown in [
        "sections.alarms.p1",
        "sections.alarms.l2.a",
        "sections.alarms.c3.text",
        "questions.classes.prompt",
        "questions.classes.explanation",
        "questions.classes.a",
        "questions.walk.s1.text",
        "questions.walk.s1.a.text",
        "questions.walk.s1.a.feedback",
    ] {
        assert!(markup_shown(shown), "{shown}");
    }
    for as_typed in [
        "sections.alarms.title",
        "sections.alarms.c3.title",
        "modules.preparedness.title",
        "modules.preparedness.summary",
        "organisation.name",
        "organisation.reporting.how",
    ] {
        assert!(!markup_shown(as_typed), "{as_typed}");
    }
}

#[test]
fn version_is_twelve_hex_digits_and_stable() {
    let files: [(&str, &[u8]); 2] = [("organisation.json", b"{}"), ("sources.json", b"[]")];
    let v = content_version(&files);
    assert_eq!(v.len(), 12);
    assert!(v
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    assert_eq!(v, content_version(&files));
}

#[test]
fn version_covers_paths_lengths_and_order() {
    let base = content_version(&[("a.json", b"xy"), ("b.json", b"z")]);
    // Moving a byte from one file to the next changes the version: lengths are hashed.
    assert_ne!(
        base,
        content_version(&[("a.json", b"x"), ("b.json", b"yz")])
    );
    // So does a rename, and so does the order.
    assert_ne!(
        base,
        content_version(&[("a2.json", b"xy"), ("b.json", b"z")])
    );
    assert_ne!(
        base,
        content_version(&[("b.json", b"z"), ("a.json", b"xy")])
    );
}

#[test]
fn version_matches_the_documented_recipe() {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"organisation.json\0");
    h.update(2u64.to_le_bytes());
    h.update(b"{}");
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(content_version(&[("organisation.json", b"{}")]), hex[..12]);
}

#[test]
fn course_files_follow_the_organisation() {
    let org: trygg_core::content::Organisation = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/content/organisation.json"),
        )
        .expect("fixture"),
    )
    .expect("parses");
    assert_eq!(
        course_files(&org),
        [
            "organisation.json",
            "modules/alpha.json",
            "modules/beta.json"
        ]
    );
}
