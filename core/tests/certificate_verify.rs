mod content_support;

use content_support::lang;
use serde_json::{json, Value};
use trygg_core::certificate::{
    check_record, extract_from_pdf, issue, read_record, verify, CompletionRecord, IssueInput,
    Learner, ModuleResult, VerifyError, DEFAULT_MAX_BYTES,
};
use trygg_core::content::Role;
use trygg_core::date::Date;

const COURSE: &str = "trygg-exempelregionen";

fn record() -> CompletionRecord {
    issue(
        IssueInput {
            course_id: COURSE.into(),
            content_version: "2025.1".into(),
            organisation: "Region Exempel".into(),
            learner: Learner {
                full_name: "Łukasz Ćwikła".into(),
                employee_number: "".into(),
                unit: "Akuten".into(),
                email: "".into(),
            },
            role: Role::Employee,
            lang: lang("en"),
            modules: vec![ModuleResult {
                id: "grunder".into(),
                title: "Basics".into(),
                percent: 85,
                passed_on: Date::parse_iso("2024-02-29").unwrap(),
            }],
            validity_months: 12,
        },
        1_709_251_199_000,
    )
}

fn bytes_of(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).unwrap()
}

fn value() -> Value {
    serde_json::to_value(record()).unwrap()
}

fn check(bytes: &[u8]) -> Result<CompletionRecord, VerifyError> {
    verify(bytes, Some(COURSE), DEFAULT_MAX_BYTES)
}

#[test]
fn a_genuine_file_verifies() {
    let r = record();
    assert_eq!(r.valid_until, Date::parse_iso("2025-02-28").unwrap());
    assert_eq!(check(&bytes_of(&value())).unwrap(), r);
    assert_eq!(verify(&bytes_of(&value()), None, 10_000).unwrap(), r);
}

#[test]
fn the_code_may_be_typed_loosely() {
    let mut v = value();
    let code = v["verification_code"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .replace('-', " ");
    v["verification_code"] = Value::String(code);
    assert!(check(&bytes_of(&v)).is_ok());
}

#[test]
fn size_and_emptiness_are_checked_first() {
    let bytes = bytes_of(&value());
    assert_eq!(
        verify(&bytes, None, 10),
        Err(VerifyError::TooLarge {
            size: bytes.len(),
            max: 10
        })
    );
    assert_eq!(check(b""), Err(VerifyError::Empty));
    assert_eq!(check(b" \r\n\t "), Err(VerifyError::Empty));
    assert_eq!(check(b"\xEF\xBB\xBF\n"), Err(VerifyError::Empty));
}

#[test]
fn not_json_reports_where() {
    assert_eq!(
        check(b"{\n  \"format\": \"trygg-completion\",\n  oops\n}"),
        Err(VerifyError::NotJson { line: 3, column: 3 })
    );
    assert!(matches!(
        check(b"\xff\xfe{}"),
        Err(VerifyError::NotJson { .. })
    ));
    assert!(matches!(
        check(b"PK\x03\x04 zip"),
        Err(VerifyError::NotJson { .. })
    ));
}

#[test]
fn other_json_is_not_a_completion_file() {
    for other in [
        json!([1, 2]),
        json!("trygg-completion"),
        json!({"name": "Anna"}),
        json!({"format": "trygg-progress", "schema_version": 1}),
        json!({"format": 1}),
    ] {
        assert_eq!(
            check(&bytes_of(&other)),
            Err(VerifyError::NotCompletionFile),
            "{other}"
        );
    }
}

#[test]
fn newer_versions_are_named() {
    let mut v = value();
    v["schema_version"] = json!(2);
    assert_eq!(check(&bytes_of(&v)), Err(VerifyError::UnknownVersion(2)));
    v["schema_version"] = json!("1");
    assert!(
        matches!(check(&bytes_of(&v)), Err(VerifyError::Malformed(m)) if m.contains("schema_version"))
    );
    v.as_object_mut().unwrap().remove("schema_version");
    assert!(
        matches!(check(&bytes_of(&v)), Err(VerifyError::Malformed(m)) if m.contains("schema_version"))
    );
}

fn malformed(v: &Value) -> String {
    match check(&bytes_of(v)) {
        Err(VerifyError::Malformed(m)) => m,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn malformed_files_name_the_field() {
    let mut v = value();
    v["modules"][0]["passed_on"] = json!("2023-02-29");
    let m = malformed(&v);
    assert!(m.starts_with("modules[0].passed_on:"), "{m}");
    assert!(m.contains("2023-02-29"), "{m}");

    let mut v = value();
    v["learner"]["unit"] = json!(7);
    assert!(malformed(&v).starts_with("learner.unit:"));

    let mut v = value();
    v["learner"].as_object_mut().unwrap().remove("email");
    let m = malformed(&v);
    assert!(m.contains("learner") && m.contains("email"), "{m}");

    let mut v = value();
    v.as_object_mut().unwrap().remove("valid_until");
    assert!(malformed(&v).contains("valid_until"));

    let mut v = value();
    v["role"] = json!("admin");
    assert!(malformed(&v).starts_with("role:"));

    let mut v = value();
    v["modules"][0]["percent"] = json!(300);
    assert!(malformed(&v).starts_with("modules[0].percent:"));

    let mut v = value();
    v["extra"] = json!(true);
    assert!(malformed(&v).contains("extra"));

    let mut v = value();
    v["issued_at_ms"] = json!(-5);
    assert!(malformed(&v).starts_with("issued_at_ms:"));
}

#[test]
fn implausible_values_are_refused_even_with_a_matching_code() {
    let resign = |edit: fn(&mut CompletionRecord)| {
        let mut r = record();
        edit(&mut r);
        r.verification_code = trygg_core::certificate::compute_code(&r);
        check(&serde_json::to_vec(&r).unwrap())
    };
    assert!(
        matches!(resign(|r| r.modules[0].percent = 101), Err(VerifyError::Malformed(m)) if m.contains("percent"))
    );
    assert!(
        matches!(resign(|r| r.learner.full_name = " ".into()), Err(VerifyError::Malformed(m)) if m.contains("full_name"))
    );
    assert!(
        matches!(resign(|r| r.valid_until = r.completed_on.add_days(-1)), Err(VerifyError::Malformed(m)) if m.contains("valid_until"))
    );
    assert!(resign(|r| r.learner.full_name = "Анна Петрова".into()).is_ok());
}

#[test]
fn edited_files_are_flagged() {
    let mut v = value();
    v["valid_until"] = json!("2030-02-28");
    let err = check(&bytes_of(&v)).unwrap_err();
    assert!(err.is_tampered());
    let VerifyError::CodeMismatch { expected, found } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(found, &record().verification_code);
    assert_ne!(expected, found);
    // read_record still yields the record, so the roster can show whose file it is.
    let r = read_record(&bytes_of(&v), DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(r.learner.full_name, "Łukasz Ćwikła");
    assert_eq!(check_record(&r, None), Err(err));

    let mut v = value();
    v["verification_code"] = json!("not a code");
    assert!(check(&bytes_of(&v)).unwrap_err().is_tampered());
}

#[test]
fn other_courses_are_refused_by_name() {
    let mut r = record();
    r.course_id = "another-course".into();
    r.verification_code = trygg_core::certificate::compute_code(&r);
    let bytes = serde_json::to_vec(&r).unwrap();
    assert_eq!(
        check(&bytes),
        Err(VerifyError::WrongCourse {
            found: "another-course".into(),
            expected: COURSE.into()
        })
    );
    assert!(verify(&bytes, None, DEFAULT_MAX_BYTES).is_ok());
}

#[test]
fn messages_are_plain_and_name_the_problem() {
    let cases = [
        (
            VerifyError::TooLarge {
                size: 9_000_000,
                max: 4_194_304,
            },
            "too large",
        ),
        (VerifyError::Empty, "empty"),
        (
            VerifyError::NotJson { line: 3, column: 7 },
            "line 3, column 7",
        ),
        (
            VerifyError::NotCompletionFile,
            "not a Trygg completion file",
        ),
        (VerifyError::UnknownVersion(4), "version 4"),
        (
            VerifyError::Malformed("learner.unit: bad".into()),
            "learner.unit",
        ),
        (
            VerifyError::WrongCourse {
                found: "a".into(),
                expected: "b".into(),
            },
            "course \"a\", not \"b\"",
        ),
        (
            VerifyError::CodeMismatch {
                expected: "X".into(),
                found: "Y".into(),
            },
            "changed after it was issued",
        ),
    ];
    for (err, needle) in cases {
        let text = err.to_string();
        assert!(text.contains(needle), "{text}");
        assert!(text.ends_with('.'), "{text}");
    }
}

fn pdf_with(json: &[u8], eol: &str) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 5 >>\nstream\nBT ET\nendstream\nendobj\n"
        .to_vec();
    pdf.extend_from_slice(
        b"2 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson >>\nstream",
    );
    pdf.extend_from_slice(eol.as_bytes());
    pdf.extend_from_slice(json);
    pdf.extend_from_slice(eol.as_bytes());
    pdf.extend_from_slice(b"endstream\nendobj\ntrailer\n<< >>\n%%EOF\n");
    pdf
}

#[test]
fn pdfs_are_verified_through_the_embedded_record() {
    let json = bytes_of(&value());
    for eol in ["\n", "\r\n"] {
        let pdf = pdf_with(&json, eol);
        assert_eq!(extract_from_pdf(&pdf).as_deref(), Some(json.as_slice()));
        assert_eq!(check(&pdf).unwrap(), record());
    }
    // An edited embedded record is caught like an edited file.
    let mut v = value();
    v["learner"]["full_name"] = json!("Someone Else");
    assert!(check(&pdf_with(&bytes_of(&v), "\n"))
        .unwrap_err()
        .is_tampered());
    // A PDF without one is not a completion file.
    let plain = pdf_with(b"{\"hello\": 1}", "\n");
    assert_eq!(extract_from_pdf(&plain), None);
    assert_eq!(check(&plain), Err(VerifyError::NotCompletionFile));
    assert_eq!(
        check(b"%PDF-1.4\n%%EOF"),
        Err(VerifyError::NotCompletionFile)
    );
}
