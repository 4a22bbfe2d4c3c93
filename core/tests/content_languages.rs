//! Languages as data in the fixture course: the languages `organisation.json` lists, how one
//! language's texts fill the structure (and its fallback's fill the gaps), and what stays
//! out of the content version.

mod content_support;

use content_support::edit::*;
use content_support::lang;
use serde_json::json;
use trygg_core::content::{
    load_course_in, load_structure, Block, Course, Direction, FillError, LanguageFile, Text,
};
use trygg_core::language::{parse_texts, Texts};

// ---- the organisation's languages ----

#[test]
fn a_course_lists_at_least_one_language() {
    expect_only(
        set(ORG, "/languages", json!([])),
        issue(ORG, "languages", "the course lists no languages"),
    );
    assert_eq!(
        issues_after(|f| remove(f, ORG, "", "languages"))
            .first()
            .map(|i| i.message.starts_with("missing field `languages`")),
        Some(true)
    );
}

#[test]
fn each_language_is_listed_once_and_names_itself() {
    expect_only(
        set(
            ORG,
            "/languages",
            json!([
                {"tag": "sv", "name": "Svenska"},
                {"tag": "en", "name": "English"},
                {"tag": "sv", "name": "Svenska igen"}
            ]),
        ),
        issue(ORG, "languages[2].tag", "language \"sv\" is listed twice"),
    );
    expect_only(
        set(ORG, "/languages/1/name", json!(" ")),
        issue(ORG, "languages[1].name", "must not be empty"),
    );
}

#[test]
fn a_fallback_is_another_listed_language() {
    expect_only(
        set(
            ORG,
            "/languages/1",
            json!({"tag": "en", "name": "English", "fallback": "fi"}),
        ),
        issue(
            ORG,
            "languages[1].fallback",
            "fallback \"fi\" is not among the languages",
        ),
    );
    expect_only(
        set(
            ORG,
            "/languages/1",
            json!({"tag": "en", "name": "English", "fallback": "en"}),
        ),
        issue(
            ORG,
            "languages[1].fallback",
            "a language cannot be its own fallback",
        ),
    );
    // Naming the source language outright is what leaving it out means.
    assert!(issues_after(set(
        ORG,
        "/languages/1",
        json!({"tag": "en", "name": "English", "fallback": "sv"})
    ))
    .is_empty());
}

#[test]
fn a_tag_must_be_well_formed_and_a_direction_known() {
    let issues = issues_after(set(ORG, "/languages/1/tag", json!("en_GB")));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].path, "languages[1].tag");
    assert!(
        issues[0]
            .message
            .starts_with("\"en_GB\" is not a language tag such as \"sv\", \"fi\" or \"se-FI\""),
        "{}",
        issues[0].message
    );
    let issues = issues_after(set(ORG, "/languages/1/dir", json!("up")));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].path, "languages[1].dir");
    assert!(issues[0].message.starts_with("unknown variant `up`"));
    let issues = issues_after(set(ORG, "/languages/1/script", json!("Latn")));
    assert_eq!(issues[0].path, "languages[1].script");
}

#[test]
fn the_first_language_is_the_source_and_the_default_fallback() {
    let mut files = fixture_json();
    put(
        &mut files,
        ORG,
        "/languages",
        json!([
            {"tag": "sv", "name": "Svenska"},
            {"tag": "en", "name": "English"},
            {"tag": "se-FI", "name": "Davvisámegiella", "fallback": "fi"},
            {"tag": "fi", "name": "Suomi"},
            {"tag": "ar", "name": "العربية", "dir": "rtl", "fallback": "en"}
        ]),
    );
    let course = load_structure(&as_list(to_bytes(&files))).expect("structure loads");
    let org = &course.organisation;
    let (sv, en, se, fi, ar) = (
        lang("sv"),
        lang("en"),
        lang("se-FI"),
        lang("fi"),
        lang("ar"),
    );
    assert_eq!(org.source_language(), Some(sv));
    assert_eq!(org.fallback_of(sv), None);
    assert_eq!(org.fallback_of(en), Some(sv));
    assert_eq!(org.fallback_of(fi), Some(sv));
    assert_eq!(org.fallback_of(se), Some(fi));
    assert_eq!(org.fallback_of(ar), Some(en));
    assert_eq!(org.language(ar).map(|l| l.dir), Some(Direction::Rtl));
    assert_eq!(org.language(fi).map(|l| l.dir), Some(Direction::Ltr));
    assert_eq!(Direction::Rtl.key(), "rtl");
    assert_eq!(org.choose_language(Some(fi)), Some(fi));
    assert_eq!(org.choose_language(Some(lang("de"))), Some(sv));
    assert_eq!(org.choose_language(None), Some(sv));
}

#[test]
fn pdfs_of_a_right_to_left_language_are_printed_in_its_fallback() {
    let mut files = fixture_json();
    put(
        &mut files,
        ORG,
        "/languages",
        json!([
            {"tag": "sv", "name": "Svenska"},
            {"tag": "en", "name": "English"},
            {"tag": "ar", "name": "العربية", "dir": "rtl", "fallback": "en"},
            {"tag": "fa", "name": "فارسی", "dir": "rtl"},
            {"tag": "fi", "name": "Suomi"}
        ]),
    );
    let course = load_structure(&as_list(to_bytes(&files))).expect("structure loads");
    let org = &course.organisation;
    for (reading, printed) in [
        ("sv", "sv"),
        ("en", "en"),
        ("fi", "fi"),
        ("ar", "en"),
        ("fa", "sv"),
    ] {
        assert_eq!(
            org.print_language(lang(reading)),
            lang(printed),
            "{reading}"
        );
    }
    // A course written right to left has nothing else to print in.
    put(
        &mut files,
        ORG,
        "/languages",
        json!([{"tag": "ar", "name": "العربية", "dir": "rtl"}]),
    );
    let course = load_structure(&as_list(to_bytes(&files))).expect("structure loads");
    assert_eq!(course.organisation.print_language(lang("ar")), lang("ar"));
}

// ---- the content version ----

#[test]
fn a_text_edit_leaves_the_version_alone_while_a_structure_edit_changes_it() {
    // The structure alone gives the version every language's course carries.
    let base = load_structure(&as_list(fixture_bytes()))
        .expect("loads")
        .version;
    let courses = check_bytes(fixture_bytes()).expect("loads");
    assert!(courses.iter().all(|c| c.version == base));
    let version_after = |edit: &dyn Fn(&mut Files)| {
        let mut files = fixture_json();
        edit(&mut files);
        let bytes = to_bytes(&files);
        let courses = check_bytes(bytes).expect("still valid");
        assert!(courses.iter().all(|c| c.version == courses[0].version));
        courses[0].version.clone()
    };
    // The fixture written out again as JSON is the same course in other bytes: the edits
    // below are measured against it.
    let rewritten = version_after(&|_| {});
    for (file, pointer, value) in [
        (
            SV_ALPHA,
            "/questions/small-things/prompt",
            "Småsaker behöver inte rapporteras.",
        ),
        (
            EN_ALPHA,
            "/sections/everyone/title",
            "Security is everyone's",
        ),
        (SV_COURSE, "/organisation/name", "Region Test"),
        (EN_UI, "/quiz.check", "Check"),
        (SRC, "/documents/0/title", "Testpolicy A, andra upplagan"),
    ] {
        assert_eq!(
            version_after(&|f| put(f, file, pointer, json!(value))),
            rewritten,
            "{file}{pointer}"
        );
    }
    assert_eq!(
        version_after(&|f| remove(f, EN_BETA, "/questions/radio", "b")),
        rewritten,
        "a gap in a translation"
    );
    for (file, pointer, value) in [
        (ALPHA, "/questions/2/answer", json!(true)),
        (BETA, "/minutes", json!(6)),
        (ORG, "/pass_mark", json!(70)),
        (ORG, "/languages/1/name", json!("Engelska")),
    ] {
        assert_ne!(
            version_after(&|f| put(f, file, pointer, value.clone())),
            rewritten,
            "{file}{pointer}"
        );
    }
}

// ---- filling texts ----

/// A language file of the fixture after `edit`.
fn texts(file: &str, edit: impl FnOnce(&mut Files)) -> Texts {
    let mut files = fixture_json();
    edit(&mut files);
    let bytes = serde_json::to_vec(&files[file]).expect("serialize");
    parse_texts(file, &bytes).expect("texts parse")
}

fn file<'a>(code: &str, name: &'a str, texts: &'a Texts) -> LanguageFile<'a> {
    LanguageFile {
        lang: lang(code),
        file: name,
        texts,
    }
}

fn structure() -> Course {
    load_structure(&as_list(fixture_bytes())).expect("structure loads")
}

fn paragraph(course: &Course, module: usize, section: usize, block: usize) -> Text {
    match &course.modules[module].sections[section].blocks[block] {
        Block::Paragraph { text, .. } => text.clone(),
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn filling_with_a_fallback_marks_what_came_from_it() {
    let en = texts(EN_ALPHA, |f| {
        remove(f, EN_ALPHA, "/sections/everyone", "p1");
        remove(f, EN_ALPHA, "/questions/who-responsible", "c");
    });
    let sv = texts(SV_ALPHA, |_| {});
    let mut course = structure();
    course
        .fill_module_texts(
            "alpha",
            &file("en", EN_ALPHA, &en),
            Some(&file("sv", SV_ALPHA, &sv)),
        )
        .expect("fills");
    let alpha = &course.modules[0];
    assert_eq!(alpha.texts, Some(lang("en")));
    let p1 = paragraph(&course, 0, 0, 0);
    assert_eq!(p1.from, Some(lang("sv")));
    assert_eq!(Some(p1.value.as_str()), sv.get("sections.everyone.p1"));
    assert_eq!(
        alpha.sections[0].title,
        Text::new("Everyone is responsible")
    );
    let trygg_core::content::QuestionKind::Single { options } = &alpha.questions[0].kind else {
        panic!("who-responsible is a single-choice question");
    };
    let from: Vec<Option<&str>> = options
        .iter()
        .map(|o| o.text.from.as_ref().map(|l| l.code()))
        .collect();
    assert_eq!(from, [None, None, Some("sv")]);
    // Everything else is English and unmarked.
    let marked = trygg_core::content::module_slots(&mut course.modules[0].clone())
        .into_iter()
        .filter(|(_, t)| t.from.is_some())
        .map(|(k, _)| k)
        .collect::<Vec<_>>();
    assert_eq!(
        marked,
        ["sections.everyone.p1", "questions.who-responsible.c"]
    );
}

#[test]
fn without_its_fallback_a_gap_asks_for_it_and_changes_nothing() {
    let en = texts(EN_ALPHA, |f| {
        remove(f, EN_ALPHA, "/questions/report-order", "b")
    });
    let mut course = structure();
    let before = course.clone();
    assert_eq!(
        course.fill_module_texts("alpha", &file("en", EN_ALPHA, &en), None),
        Err(FillError::NeedsFallback(lang("sv")))
    );
    assert_eq!(course, before);
    assert!(!course.has_texts("alpha"));
    let en_course = texts(EN_COURSE, |f| {
        remove(f, EN_COURSE, "/modules/beta", "summary")
    });
    assert_eq!(
        course.fill_course_texts(&file("en", EN_COURSE, &en_course), None),
        Err(FillError::NeedsFallback(lang("sv")))
    );
    assert_eq!(course, before);
    // A complete translation needs no fallback.
    let complete = texts(EN_ALPHA, |_| {});
    course
        .fill_module_texts("alpha", &file("en", EN_ALPHA, &complete), None)
        .expect("nothing missing");
    assert_eq!(course.modules[0].texts, Some(lang("en")));
}

#[test]
fn a_failed_fill_changes_nothing() {
    let sv_course = texts(SV_COURSE, |_| {});
    let mut course = structure();
    course
        .fill_course_texts(&file("sv", SV_COURSE, &sv_course), None)
        .expect("fills");
    let before = course.clone();
    let broken = texts(EN_COURSE, |f| {
        put(
            f,
            EN_COURSE,
            "/modules/beta/summary",
            json!("<b>Be</b> prepared"),
        );
    });
    let sv = file("sv", SV_COURSE, &sv_course);
    assert_eq!(
        course.fill_course_texts(&file("en", EN_COURSE, &broken), Some(&sv)),
        Err(FillError::Invalid(vec![issue(
            EN_COURSE,
            "modules.beta.summary",
            // A summary shows as typed: no advice to use markup it would refuse.
            "HTML is not allowed, and this place shows its text as typed: write the words only"
        )]))
    );
    assert_eq!(course, before, "no English name slipped in");
    assert_eq!(course.organisation.name, Text::new("Testregionen"));
}

#[test]
fn the_source_language_has_no_fallback_to_ask_for() {
    let sv = texts(SV_BETA, |f| {
        remove(f, SV_BETA, "/questions/water", "explanation")
    });
    let mut course = structure();
    assert_eq!(
        course.fill_module_texts("beta", &file("sv", SV_BETA, &sv), None),
        Err(FillError::Invalid(vec![issue(
            SV_BETA,
            "questions.water.explanation",
            "text is missing"
        )]))
    );
    assert!(!course.has_texts("beta"));
}

#[test]
fn switching_language_forgets_the_module_texts_of_the_one_before() {
    let (sv_course, sv_alpha) = (texts(SV_COURSE, |_| {}), texts(SV_ALPHA, |_| {}));
    let en_course = texts(EN_COURSE, |_| {});
    let mut course = structure();
    assert_eq!(course.lang, None);
    course
        .fill_course_texts(&file("sv", SV_COURSE, &sv_course), None)
        .expect("fills");
    course
        .fill_module_texts("alpha", &file("sv", SV_ALPHA, &sv_alpha), None)
        .expect("fills");
    assert!(course.has_texts("alpha"));
    assert!(!course.has_texts("beta"));
    // The same language again keeps what was read.
    course
        .fill_course_texts(&file("sv", SV_COURSE, &sv_course), None)
        .expect("fills");
    assert!(course.has_texts("alpha"));
    course
        .fill_course_texts(&file("en", EN_COURSE, &en_course), None)
        .expect("fills");
    assert_eq!(course.lang, Some(lang("en")));
    assert_eq!(
        course.modules[0].title,
        Text::new("Responsibility and reporting")
    );
    assert!(!course.has_texts("alpha"));
    assert_eq!(course.modules[0].texts, None);
}

#[test]
fn a_module_not_in_the_course_cannot_be_filled() {
    let sv = texts(SV_BETA, |_| {});
    let mut course = structure();
    let before = course.clone();
    assert_eq!(
        course.fill_module_texts("gamma", &file("sv", SV_BETA, &sv), None),
        Err(FillError::Invalid(vec![issue(
            SV_BETA,
            "",
            "module \"gamma\" is not in the course"
        )]))
    );
    assert_eq!(course, before);
}

#[test]
fn a_whole_course_in_a_translation_with_gaps_from_its_fallback() {
    let mut files = fixture_json();
    remove(&mut files, EN_COURSE, "/organisation", "name");
    remove(&mut files, EN_BETA, "/sections/prepare/l1", "a");
    let bytes = as_list(to_bytes(&files));
    let course = load_course_in(&bytes, Some(lang("en"))).expect("loads");
    assert_eq!(course.lang, Some(lang("en")));
    assert_eq!(
        course.organisation.name,
        Text {
            value: "Testregionen".into(),
            from: Some(lang("sv"))
        }
    );
    assert_eq!(course.organisation.security_unit.name.from, None);
    assert!(course.modules.iter().all(|m| course.has_texts(&m.id)));
    let Block::List { items, .. } = &course.modules[1].sections[0].blocks[0] else {
        panic!("beta starts with a list");
    };
    assert_eq!(items[0].text.value, "Vatten");
    assert_eq!(items[0].text.from, Some(lang("sv")));
    assert_eq!(items[1].text.from, None);
    // A language the course does not list is shown in its first language.
    let course = load_course_in(&bytes, Some(lang("fi"))).expect("loads");
    assert_eq!(course.lang, Some(lang("sv")));
}

#[test]
fn a_language_file_that_is_not_texts_is_named_with_its_key() {
    let issues = issues_after(set(EN_BETA, "/questions/radio/a", json!(["Den fungerar"])));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].file, EN_BETA);
    assert_eq!(issues[0].path, "questions.radio.a");
    assert!(
        issues[0]
            .message
            .starts_with("invalid type: sequence, expected a text or an object of texts"),
        "{}",
        issues[0].message
    );
    let mut bytes = fixture_bytes();
    bytes.insert(
        SV_COURSE.into(),
        b"{\"organisation\": {\"name\" \"X\"}}".to_vec(),
    );
    assert_eq!(
        check_bytes(bytes).err(),
        Some(vec![issue(
            SV_COURSE,
            "",
            "invalid JSON at line 1, column 26: expected `:`"
        )])
    );
}

#[test]
fn a_missing_language_file_is_one_problem_or_none() {
    let without = |names: &[&str]| {
        let mut bytes = fixture_bytes();
        for name in names {
            bytes.remove(*name);
        }
        as_list(bytes)
    };
    // The source language has nothing to fall back on: one issue per file, in course order.
    assert_eq!(
        check_bytes(without(&[SV_ALPHA, SV_COURSE]).into_iter().collect()).err(),
        Some(vec![
            issue(SV_COURSE, "", "file is missing"),
            issue(SV_ALPHA, "", "file is missing"),
        ])
    );
    // A translation's missing file is shown in its fallback language.
    let course = load_course_in(&without(&[EN_BETA]), Some(lang("en"))).expect("loads");
    let beta = course.module("beta").expect("beta");
    assert_eq!(beta.texts, Some(lang("en")));
    assert_eq!(beta.sections[0].title.value, "Förbered dig");
    assert_eq!(beta.sections[0].title.from, Some(lang("sv")));
    assert_eq!(course.modules[0].sections[0].title.from, None);
    // Without either file, nothing can be shown.
    assert_eq!(
        load_course_in(&without(&[EN_BETA, SV_BETA]), Some(lang("en"))).err(),
        Some(vec![issue(
            EN_BETA,
            "",
            "file is missing, and so is languages/sv/modules/beta.json"
        )])
    );
}

#[test]
fn the_organisation_alone_is_filled_for_the_pages_that_need_no_module() {
    let (sv, en) = (
        texts(SV_COURSE, |_| {}),
        texts(EN_COURSE, |f| {
            remove(f, EN_COURSE, "/organisation/reporting", "how");
        }),
    );
    let mut course = structure();
    let modules = course.modules.clone();
    let org = &mut course.organisation;
    assert_eq!(
        org.fill_texts(&file("en", EN_COURSE, &en), None),
        Err(FillError::NeedsFallback(lang("sv")))
    );
    assert_eq!(org.name, Text::default());
    org.fill_texts(
        &file("en", EN_COURSE, &en),
        Some(&file("sv", SV_COURSE, &sv)),
    )
    .expect("fills");
    assert_eq!(org.name, Text::new("Test Region"));
    assert_eq!(org.reporting.how.from, Some(lang("sv")));
    assert_eq!(org.reporting.how.value, "Rapportera samma dag.");
    // The modules' titles wait for the course's own fill.
    assert_eq!(course.modules, modules);
    assert_eq!(course.lang, None);
}
