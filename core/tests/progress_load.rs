//! Loading, migrating and saving progress documents, and every way loading can fail.

use trygg_core::content::Role;
use trygg_core::date::Date;
use trygg_core::progress::{
    load_progress, to_json, PassRecord, Progress, ProgressError, PROGRESS_VERSION,
};
use trygg_core::quiz::{Answer, ScenarioPick};

const COURSE: &str = "trygg-exempelregionen";
const MAX: usize = 1 << 20;
const V1: &str = include_str!("fixtures/progress/v1.json");
const V2: &str = include_str!("fixtures/progress/v2.json");

fn day_ms(y: i32, m: u8, d: u8) -> u64 {
    Date::new(y, m, d).unwrap().to_unix_ms()
}

fn load(raw: &str) -> Result<Progress, ProgressError> {
    load_progress(raw, COURSE, MAX)
}

// ---------- version 2 ----------

#[test]
fn v2_fixture_loads() {
    let p = load(V2).unwrap();
    assert_eq!(p.version, PROGRESS_VERSION);
    assert_eq!(p.course_id, COURSE);
    assert_eq!(p.role, Some(Role::Employee));
    assert!(p.shared_computer);
    assert_eq!(p.learner.full_name, "Alva Lind");
    assert_eq!(p.learner.employee_number, "E-1042");
    assert_eq!(p.learner.unit, "Ward 12, Skåne University Hospital");
    assert_eq!(p.learner.email, "alva.lind@exempelregionen.example");
    assert_eq!(p.updated_ms, 1_767_398_460_000);
    assert_eq!(p.revision, 17);
    assert_eq!(p.modules.len(), 3);

    let phishing = p.module("phishing").unwrap();
    assert_eq!(phishing.lesson_step, 4);
    assert!(phishing.lessons_done);
    assert_eq!(phishing.best_percent, Some(100));
    assert_eq!(
        phishing.last_pass,
        Some(PassRecord {
            percent: 100,
            passed_ms: day_ms(2026, 1, 2) + 300_000
        })
    );
    assert_eq!(phishing.attempts, 2);
    assert!(phishing.attempt.as_ref().unwrap().finished);

    let reporting = p.attempt("reporting").unwrap();
    assert!(!reporting.finished);
    assert_eq!(reporting.current, 1);
    assert_eq!(reporting.plan.items.len(), 3);
    assert_eq!(
        reporting.plan.items[1].choice_orders,
        vec![vec![1, 0], vec![0, 1], vec![0, 1]]
    );
    assert_eq!(reporting.answered_count(), 2);
    assert_eq!(
        reporting.answers[1],
        Some(Answer::Scenario {
            choices: vec![ScenarioPick {
                step: "a".into(),
                choice: 1
            }]
        })
    );
    assert_eq!(reporting.answers[2], None);

    let physical = p.module("physical-security").unwrap();
    assert_eq!(physical.lesson_step, 1);
    assert!(physical.attempt.is_none() && physical.last_pass.is_none());
    assert_eq!(physical.attempts, 0);
}

#[test]
fn v2_round_trips_through_to_json() {
    let p = load(V2).unwrap();
    let json = to_json(&p);
    assert!(
        json.contains('\n'),
        "pretty printed for people reading their backup"
    );
    assert_eq!(load(&json).unwrap(), p);
    assert_eq!(to_json(&load(&json).unwrap()), json);
}

#[test]
fn new_document_round_trips() {
    let p = Progress::new(COURSE);
    assert_eq!(p.version, PROGRESS_VERSION);
    assert_eq!((p.revision, p.updated_ms), (0, 0));
    assert_eq!(load(&to_json(&p)).unwrap(), p);
}

#[test]
fn minimal_v2_gets_defaults() {
    let p = load(r#"{"version":2,"course_id":"trygg-exempelregionen"}"#).unwrap();
    assert_eq!(p, Progress::new(COURSE));
}

#[test]
fn unknown_fields_are_tolerated() {
    let p = load(r#"{"version":2,"course_id":"trygg-exempelregionen","future":1}"#).unwrap();
    assert_eq!(p.course_id, COURSE);
}

#[test]
fn byte_order_mark_is_ignored() {
    let with_bom = format!("\u{feff}{V2}");
    assert_eq!(load(&with_bom).unwrap(), load(V2).unwrap());
}

#[test]
fn damaged_attempts_are_made_to_fit_their_plan() {
    let mut v: serde_json::Value = serde_json::from_str(V2).unwrap();
    let attempt = &mut v["modules"]["reporting"]["attempt"];
    attempt["answers"] = serde_json::json!([{ "type": "true_false", "value": true }]);
    attempt["current"] = serde_json::json!(99);
    let p = load(&v.to_string()).unwrap();
    let a = p.attempt("reporting").unwrap();
    assert_eq!(a.answers.len(), 3);
    assert_eq!(a.answers[1], None);
    assert_eq!(a.current, 3);

    v["modules"]["reporting"]["attempt"]["answers"] =
        serde_json::json!([null, null, null, null, null]);
    let p = load(&v.to_string()).unwrap();
    assert_eq!(p.attempt("reporting").unwrap().answers.len(), 3);
}

#[test]
fn v2_migrates_to_v3_by_dropping_only_the_language() {
    let p = load(V2).unwrap();
    assert_eq!(PROGRESS_VERSION, 3);
    let saved: serde_json::Value = serde_json::from_str(&to_json(&p)).unwrap();
    assert_eq!(saved["version"], 3);
    assert!(saved.get("lang").is_none(), "{saved}");
    // Everything else is as version 2 had it: the same document written as version 3 by
    // hand reads the same.
    let mut v3: serde_json::Value = serde_json::from_str(V2).unwrap();
    v3.as_object_mut().unwrap().remove("lang");
    v3["version"] = 3.into();
    assert_eq!(load(&v3.to_string()).unwrap(), p);
}

#[test]
fn v2_without_a_language_loads_and_v3_round_trips() {
    let mut doc: serde_json::Value = serde_json::from_str(V2).unwrap();
    doc.as_object_mut().unwrap().remove("lang");
    let p = load(&doc.to_string()).unwrap();
    assert_eq!(p.version, 3);
    assert_eq!(load(&to_json(&p)).unwrap(), p);
}

#[test]
fn a_v2_language_this_app_never_knew_is_still_refused() {
    let raw = V2.replace(r#""lang": "en""#, r#""lang": "de""#);
    assert_ne!(raw, V2);
    assert!(matches!(load(&raw), Err(ProgressError::NotProgress(_))));
}

// ---------- version 1 ----------

#[test]
fn v1_fixture_migrates() {
    let p = load(V1).unwrap();
    assert_eq!(p.version, PROGRESS_VERSION);
    assert_eq!(p.course_id, COURSE);
    assert_eq!(p.role, Some(Role::Manager));
    assert!(!p.shared_computer);
    assert_eq!(p.learner, Default::default());
    assert_eq!(p.modules.len(), 3);

    let phishing = p.module("phishing").unwrap();
    assert_eq!(phishing.lesson_step, 3);
    assert!(phishing.lessons_done);
    assert!(phishing.attempt.is_none());
    assert_eq!(phishing.best_percent, Some(90));
    assert_eq!(
        phishing.last_pass,
        Some(PassRecord {
            percent: 90,
            passed_ms: day_ms(2026, 1, 2)
        })
    );
    assert_eq!(phishing.attempts, 1);

    let physical = p.module("physical-security").unwrap();
    assert_eq!(physical.lesson_step, 1);
    assert!(!physical.lessons_done);
    assert_eq!(
        physical.best_percent, None,
        "a failed score is no best pass"
    );
    assert_eq!(physical.last_pass, None);
    assert_eq!(physical.attempts, 1);

    let reporting = p.module("reporting").unwrap();
    assert_eq!((reporting.lesson_step, reporting.attempts), (2, 0));
}

#[test]
fn v1_migration_is_saved_as_the_current_version() {
    let p = load(V1).unwrap();
    let json = to_json(&p);
    assert!(json.contains("\"version\": 3"));
    assert!(!json.contains("\"lang\""));
    assert!(json.contains("\"course_id\""));
    assert_eq!(load(&json).unwrap(), p);
}

#[test]
fn v1_pass_without_a_usable_date_is_kept_but_expired() {
    for date in [r#""#, r#","date":"2026-02-30""#, r#","date":"2.1.2026""#] {
        let raw = format!(
            r#"{{"version":1,"course":"{COURSE}","modules":{{"m":{{"step":1,"passed":true,"score":85{date}}}}}}}"#
        );
        let p = load(&raw).unwrap();
        assert_eq!(
            p.module("m").unwrap().last_pass,
            Some(PassRecord {
                percent: 85,
                passed_ms: 0
            })
        );
    }
}

#[test]
fn v1_unknown_language_and_role_become_unchosen() {
    let raw =
        format!(r#"{{"version":1,"course":"{COURSE}","lang":"de","role":"admin","modules":{{}}}}"#);
    let p = load(&raw).unwrap();
    assert_eq!(p.role, None);
}

#[test]
fn v1_of_another_course_is_foreign() {
    let raw = V1.replace(COURSE, "other-course");
    assert_eq!(
        load(&raw).unwrap_err(),
        ProgressError::ForeignCourse {
            found: "other-course".into(),
            expected: COURSE.into()
        }
    );
}

#[test]
fn v1_with_the_wrong_shape_is_not_progress() {
    let raw = r#"{"version":1,"course_id":"trygg-exempelregionen"}"#;
    assert!(
        matches!(load(raw).unwrap_err(), ProgressError::NotProgress(m) if m.contains("version 1"))
    );
}

// ---------- failures ----------

#[test]
fn too_large_is_refused_before_parsing() {
    let raw = "x".repeat(101);
    assert_eq!(
        load_progress(&raw, COURSE, 100).unwrap_err(),
        ProgressError::TooLarge {
            bytes: 101,
            max: 100
        }
    );
    assert!(
        load_progress(V2, COURSE, V2.len()).is_ok(),
        "exactly the limit is fine"
    );
    assert!(matches!(
        load_progress(V2, COURSE, V2.len() - 1),
        Err(ProgressError::TooLarge { .. })
    ));
}

#[test]
fn broken_json_reports_where() {
    let raw = "{\n  \"version\": 2,\n  \"course_id\": \"x\"\n  \"modules\": {}\n}";
    match load(raw).unwrap_err() {
        ProgressError::NotJson {
            line,
            column,
            message,
        } => {
            assert_eq!((line, column), (4, 3));
            assert!(!message.contains("line"), "{message}");
            assert!(!message.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(load(""), Err(ProgressError::NotJson { .. })));
    assert!(matches!(
        load("{\"version\": 2,"),
        Err(ProgressError::NotJson { .. })
    ));
}

#[test]
fn json_that_is_not_progress() {
    for raw in [
        "[]",
        "42",
        "null",
        r#"{}"#,
        r#"{"version":0,"course_id":"trygg-exempelregionen"}"#,
        r#"{"version":-1,"course_id":"trygg-exempelregionen"}"#,
        r#"{"version":"2","course_id":"trygg-exempelregionen"}"#,
        r#"{"version":1.5,"course_id":"trygg-exempelregionen"}"#,
        r#"{"version":2}"#,
        r#"{"version":2,"course_id":"trygg-exempelregionen","lang":"de"}"#,
        r#"{"version":2,"course_id":"trygg-exempelregionen","modules":[]}"#,
        r#"{"version":2,"course_id":"trygg-exempelregionen","modules":{"m":{"attempt":{"answers":[]}}}}"#,
    ] {
        assert!(
            matches!(load(raw), Err(ProgressError::NotProgress(_))),
            "{raw}"
        );
    }
}

#[test]
fn another_course_is_foreign() {
    let raw = V2.replace(COURSE, "trygg-annan-region");
    assert_eq!(
        load(&raw).unwrap_err(),
        ProgressError::ForeignCourse {
            found: "trygg-annan-region".into(),
            expected: COURSE.into()
        }
    );
}

#[test]
fn newer_versions_are_never_migrated() {
    let raw = r#"{"version":4,"course_id":"trygg-exempelregionen","whatever":{"new":"shape"}}"#;
    assert_eq!(
        load(raw).unwrap_err(),
        ProgressError::NewerVersion {
            found: 4,
            supported: PROGRESS_VERSION
        }
    );
    let huge = r#"{"version":18446744073709551615}"#;
    assert_eq!(
        load(huge).unwrap_err(),
        ProgressError::NewerVersion {
            found: u64::MAX,
            supported: PROGRESS_VERSION
        }
    );
}

#[test]
fn errors_read_as_plain_english() {
    let cases = [
        (ProgressError::TooLarge { bytes: 5, max: 4 }, "too large"),
        (
            ProgressError::NotJson {
                line: 2,
                column: 3,
                message: "expected value".into(),
            },
            "line 2, column 3",
        ),
        (
            ProgressError::NotProgress("no version".into()),
            "not a Trygg progress file",
        ),
        (
            ProgressError::ForeignCourse {
                found: "a".into(),
                expected: "b".into(),
            },
            "belongs to the course \"a\"",
        ),
        (
            ProgressError::NewerVersion {
                found: 3,
                supported: 2,
            },
            "newer version",
        ),
    ];
    for (error, phrase) in cases {
        let text = error.to_string();
        assert!(text.contains(phrase), "{text}");
        assert!(!text.contains("Error"), "{text}");
    }
}

#[test]
fn a_v2_language_is_checked_only_in_version_2() {
    let with = |version: u32, lang: &str| {
        format!(r#"{{"version":{version},"course_id":"{COURSE}","lang":{lang}}}"#)
    };
    for ok in ["null", r#""sv""#, r#""en""#] {
        assert_eq!(
            load(&with(2, ok)).unwrap().version,
            PROGRESS_VERSION,
            "{ok}"
        );
    }
    for refused in [r#""de""#, "1", "true", "[]", "{}"] {
        assert!(
            matches!(load(&with(2, refused)), Err(ProgressError::NotProgress(_))),
            "{refused}"
        );
    }
    // Version 3 has no language: an unknown field is ignored like any other.
    assert!(load(&with(3, r#""de""#)).is_ok());
}
