//! What `trygg content check` reports per language of the fixture course: texts missing,
//! texts for ids that are gone, translations older than their source text, placeholders
//! that differ, and coverage.

mod content_support;

use content_support::edit::*;
use serde_json::json;
use trygg_core::content::{
    language_reports, load_structure, text_hash, ContentIssue, LanguageReport, PlaceholderMismatch,
    TextPlace,
};

/// UI strings (a counted one among them, counted once), course texts, alpha's and beta's.
const TEXTS: usize = 3 + 11 + 39 + 10;

fn reports_of(files: &Files) -> Result<Vec<LanguageReport>, Vec<ContentIssue>> {
    let bytes = as_list(to_bytes(files));
    let course = load_structure(&bytes).expect("the structure loads");
    language_reports(&bytes, &course)
}

/// The fixture's reports after `edit`: Swedish's, then English's.
fn reports_after(edit: impl FnOnce(&mut Files)) -> (LanguageReport, LanguageReport) {
    let mut files = fixture_json();
    edit(&mut files);
    let mut reports = reports_of(&files).expect("every language file reads");
    assert_eq!(reports.len(), 2);
    let en = reports.remove(1);
    (reports.remove(0), en)
}

fn place(file: &str, key: &str) -> TextPlace {
    TextPlace {
        file: file.into(),
        key: key.into(),
    }
}

fn complete(lang: &str, source: bool) -> LanguageReport {
    LanguageReport {
        lang: lang.into(),
        source,
        texts: TEXTS,
        present: TEXTS,
        coverage: 100,
        missing: Vec::new(),
        orphans: Vec::new(),
        stale: Vec::new(),
        placeholders: Vec::new(),
    }
}

#[test]
fn the_fixture_is_complete_in_both_languages() {
    let (sv, en) = reports_after(|_| {});
    assert_eq!(sv, complete("sv", true));
    assert_eq!(en, complete("en", false));
    assert!(en.warnings().is_empty());
}

#[test]
fn missing_texts_are_listed_by_file_and_key_and_lower_the_coverage() {
    let (sv, en) = reports_after(|f| {
        remove(f, EN_ALPHA, "/questions/report-order", "b");
        remove(f, EN_UI, "", "quiz.check");
        remove(f, EN_COURSE, "/modules/beta", "title");
    });
    assert_eq!(sv, complete("sv", true));
    assert_eq!(
        en.missing,
        [
            place("ui.json", "quiz.check"),
            place("course.json", "modules.beta.title"),
            place("modules/alpha.json", "questions.report-order.b"),
        ]
    );
    assert_eq!((en.texts, en.present), (TEXTS, TEXTS - 3));
    // 60 of 63 is 95.2 %: rounded down.
    assert_eq!(en.coverage, 95);
    // One text short is never 100 %.
    let (_, en) = reports_after(|f| remove(f, EN_BETA, "/questions/water", "prompt"));
    assert_eq!(en.coverage, 98);
    assert_eq!(
        en.missing,
        [place("modules/beta.json", "questions.water.prompt")]
    );
}

#[test]
fn a_missing_file_misses_each_of_its_texts() {
    let (_, en) = reports_after(|f| {
        f.remove(EN_BETA);
    });
    assert_eq!(en.missing.len(), 10);
    assert!(en.missing.iter().all(|p| p.file == "modules/beta.json"));
    assert_eq!(en.present, TEXTS - 10);
    assert_eq!(en.coverage, 84);
}

#[test]
fn the_source_language_is_measured_against_the_structure() {
    let (sv, en) = reports_after(|f| remove(f, SV_BETA, "/questions/radio", "b"));
    assert_eq!(
        sv.missing,
        [place("modules/beta.json", "questions.radio.b")]
    );
    assert_eq!(sv.coverage, 98);
    assert!(sv.source);
    // The translation still has its own text, made from a source text now gone.
    assert!(en.missing.is_empty());
    assert!(en.stale.is_empty());
}

#[test]
fn texts_for_ids_that_are_gone_are_orphans() {
    let (sv, en) = reports_after(|f| {
        put(
            f,
            EN_ALPHA,
            "/questions/gone",
            json!({"prompt": "An old question"}),
        );
        put(f, EN_UI, "/quiz.gone", json!("Gone"));
        put(
            f,
            SV_BETA,
            "/sections/prepare/l9",
            json!({"a": "Ficklampa"}),
        );
        // A note the structure no longer declares.
        remove(f, ORG, "/it_service_desk", "note");
    });
    assert_eq!(
        en.orphans,
        [
            place("ui.json", "quiz.gone"),
            place("course.json", "organisation.it_service_desk.note"),
            place("modules/alpha.json", "questions.gone.prompt"),
        ]
    );
    assert_eq!(
        sv.orphans,
        [
            place("course.json", "organisation.it_service_desk.note"),
            place("modules/beta.json", "sections.prepare.l9.a"),
        ]
    );
    // Orphans are not texts the language should have: the counts are the structure's.
    assert_eq!(en.texts, TEXTS - 1);
    assert_eq!(en.coverage, 100);
}

#[test]
fn a_translation_made_from_an_older_source_text_is_stale() {
    let (sv, en) = reports_after(|f| {
        put(
            f,
            SV_ALPHA,
            "/questions/small-things/prompt",
            json!("Småsaker behöver inte rapporteras."),
        );
        put(f, SV_UI, "/quiz.check", json!("Kontrollera"));
        put(
            f,
            SV_COURSE,
            "/organisation/reporting/how",
            json!("Rapportera direkt."),
        );
        // No record of what this one was made from: not known to be stale.
        remove(f, EN_FROM, "/modules~1beta.json", "questions.water.prompt");
        put(
            f,
            SV_BETA,
            "/questions/water/prompt",
            json!("Vatten behövs."),
        );
    });
    assert_eq!(
        en.stale,
        [
            place("ui.json", "quiz.check"),
            place("course.json", "organisation.reporting.how"),
            place("modules/alpha.json", "questions.small-things.prompt"),
        ]
    );
    assert!(sv.stale.is_empty(), "the source is never stale");
    assert_eq!(en.coverage, 100, "a stale text is still there");
}

#[test]
fn a_hash_is_the_start_of_the_source_texts_sha256() {
    // The fixture's records were written by another program from the same recipe.
    assert_eq!(text_hash("Kontrollera svaret"), "fc3372e4");
    assert_eq!(text_hash(""), "e3b0c442");
    assert_eq!(text_hash("å").len(), 8);
}

#[test]
fn placeholders_must_match_the_source_texts() {
    let (_, en) = reports_after(|f| {
        put(f, EN_UI, "/quiz.counter", json!("Question {n} of {count}"));
        put(
            f,
            EN_ALPHA,
            "/sections/report/c1/text",
            json!("Report to {unit}, even small things."),
        );
    });
    assert_eq!(
        en.placeholders,
        [
            PlaceholderMismatch {
                file: "ui.json".into(),
                key: "quiz.counter".into(),
                source: vec!["n".into(), "total".into()],
                found: vec!["count".into(), "n".into()],
            },
            PlaceholderMismatch {
                file: "modules/alpha.json".into(),
                key: "sections.report.c1.text".into(),
                source: vec![],
                found: vec!["unit".into()],
            },
        ]
    );
    assert!(en.stale.is_empty());
}

#[test]
fn a_counted_text_may_leave_a_placeholder_out_of_a_form_but_not_bring_one() {
    let (_, en) = reports_after(|f| {
        put(
            f,
            EN_UI,
            "/manager.summary.accepted",
            json!({"one": "one accepted certificate", "other": "{count} accepted certificates"}),
        );
    });
    assert_eq!(en, complete("en", false));
    let (_, en) = reports_after(|f| {
        put(
            f,
            EN_UI,
            "/manager.summary.accepted",
            json!({"one": "{count} certificate from {unit}", "other": "{count} accepted certificates"}),
        );
    });
    assert_eq!(
        en.placeholders,
        [PlaceholderMismatch {
            file: "ui.json".into(),
            key: "manager.summary.accepted".into(),
            source: vec!["count".into()],
            found: vec!["unit".into()],
        }]
    );
    // Every form's strays in one line; the `other` form's in its own, as for a plain text.
    let (_, en) = reports_after(|f| {
        put(
            f,
            EN_UI,
            "/manager.summary.accepted",
            json!({"one": "{count} from {unit}", "few": "{x}", "other": "{count} from {unit}"}),
        );
    });
    assert_eq!(
        en.placeholders,
        [
            PlaceholderMismatch {
                file: "ui.json".into(),
                key: "manager.summary.accepted".into(),
                source: vec!["count".into()],
                found: vec!["count".into(), "unit".into()],
            },
            PlaceholderMismatch {
                file: "ui.json".into(),
                key: "manager.summary.accepted".into(),
                source: vec!["count".into()],
                found: vec!["unit".into(), "x".into()],
            },
        ]
    );
    // Its `other` form is what placeholders and staleness are judged by.
    let (_, en) = reports_after(|f| {
        put(
            f,
            EN_UI,
            "/manager.summary.accepted",
            json!({"one": "{count} accepted certificate", "other": "accepted certificates"}),
        );
    });
    assert_eq!(en.placeholders.len(), 1);
    assert_eq!(en.placeholders[0].found, Vec::<String>::new());
    // A language with more plural forms than the source counts its text once.
    let (_, en) = reports_after(|f| {
        put(
            f,
            EN_UI,
            "/manager.summary.accepted",
            json!({"one": "{count} a", "few": "{count} b", "many": "{count} c", "other": "{count} d"}),
        );
    });
    assert_eq!(en, complete("en", false));
}

#[test]
fn warnings_name_each_kind_of_gap_with_its_count() {
    let (_, en) = reports_after(|f| {
        for key in ["a", "b", "c"] {
            remove(f, EN_ALPHA, "/questions/report-order", key);
        }
        for key in ["prompt", "explanation"] {
            remove(f, EN_ALPHA, "/questions/what-report", key);
        }
        remove(f, EN_BETA, "/questions/water", "prompt");
        put(f, EN_BETA, "/questions/gone", json!("Old"));
        put(f, SV_UI, "/quiz.check", json!("Kontrollera"));
        put(f, EN_UI, "/quiz.counter", json!("Question {n}"));
    });
    assert_eq!(
        en.warnings(),
        [
            "6 texts are missing and show in the fallback language: modules/alpha.json: \
             questions.what-report.prompt, modules/alpha.json: questions.what-report.explanation, \
             modules/alpha.json: questions.report-order.a, modules/alpha.json: \
             questions.report-order.b, modules/alpha.json: questions.report-order.c and 1 more",
            "1 text belongs to ids that no longer exist: modules/beta.json: questions.gone",
            "1 text was translated from a source text that has changed since: ui.json: quiz.check",
            "ui.json: quiz.counter: uses {n} where the source uses {n}, {total}",
        ]
    );
}

#[test]
fn a_language_without_its_ui_file_is_an_issue_though_its_course_texts_may_fall_back() {
    let mut files = fixture_json();
    files.remove(EN_UI);
    let issues = reports_of(&files).expect_err("the app cannot show English without its words");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].file, EN_UI);
    assert!(
        issues[0].message.starts_with("missing"),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_broken_ui_file_or_record_is_an_issue_named_by_file() {
    let mut files = fixture_json();
    put(
        &mut files,
        EN_UI,
        "/manager.summary.accepted",
        json!({"one": "{count} certificate"}),
    );
    let issues = reports_of(&files).expect_err("a counted text without other");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].file.as_str(), issues[0].path.as_str()),
        (EN_UI, "manager.summary.accepted")
    );
    assert!(
        issues[0]
            .message
            .starts_with("a counted text needs an \"other\" form"),
        "{}",
        issues[0].message
    );

    let mut files = fixture_json();
    put(
        &mut files,
        SV_UI,
        "/quiz.counter",
        json!({"several": "{n}", "other": "{n} av {total}"}),
    );
    let issues = reports_of(&files).expect_err("an unknown plural category");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].file.as_str(), issues[0].path.as_str()),
        (SV_UI, "quiz.counter.several")
    );
    assert!(
        issues[0].message.starts_with(
            "\"several\" is not a plural category; use zero, one, two, few, many or other"
        ),
        "{}",
        issues[0].message
    );

    let mut files = fixture_json();
    put(&mut files, EN_UI, "/quiz.check", json!(3));
    let issues = reports_of(&files).expect_err("a number");
    assert_eq!(issues[0].path, "quiz.check");

    let mut files = fixture_json();
    put(&mut files, EN_FROM, "/ui.json", json!(["fc3372e4"]));
    let issues = reports_of(&files).expect_err("a list where a record belongs");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].file.as_str(), issues[0].path.as_str()),
        (EN_FROM, "")
    );
    assert!(
        issues[0]
            .message
            .starts_with("not a record of translations: "),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_ui_key_given_twice_is_refused() {
    let mut bytes = fixture_bytes();
    bytes.insert(
        SV_UI.into(),
        b"{\"quiz.check\": \"A\", \"quiz.counter\": \"{n} {total}\", \"quiz.check\": \"B\"}"
            .to_vec(),
    );
    let files = as_list(bytes);
    let course = load_structure(&files).expect("structure loads");
    let issues = language_reports(&files, &course).expect_err("a repeated key");
    assert_eq!(issues[0].file, SV_UI);
    assert!(
        issues[0]
            .message
            .starts_with("key \"quiz.check\" appears twice"),
        "{}",
        issues[0].message
    );
}
