mod content_support;

use content_support::{lang, words};
use serde_json::Value;
use trygg_core::certificate::{
    canonical_json, compute_code, issue, normalize_code, validate_learner, validate_learner_field,
    verify, CompletionRecord, FieldError, IssueInput, Learner, LearnerField, ModuleResult,
    DEFAULT_MAX_BYTES, FORMAT, SCHEMA_VERSION,
};
use trygg_core::content::Role;
use trygg_core::date::Date;

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn input() -> IssueInput {
    IssueInput {
        course_id: "trygg-exempelregionen".into(),
        content_version: "2025.1".into(),
        organisation: "Exempelregionen".into(),
        learner: Learner {
            full_name: "Åsa Öberg-Łukasz".into(),
            employee_number: "10042".into(),
            unit: "Regionservice, IT".into(),
            email: "asa.oberg@example.se".into(),
        },
        role: Role::Manager,
        lang: lang("sv"),
        modules: vec![
            ModuleResult {
                id: "grunder".into(),
                title: "Grunderna".into(),
                percent: 90,
                passed_on: d("2024-01-30"),
            },
            ModuleResult {
                id: "incidenter".into(),
                title: "Rapportera \"incidenter\"".into(),
                percent: 100,
                passed_on: d("2024-01-31"),
            },
        ],
        validity_months: 12,
    }
}

const NOW: u64 = 1_706_745_600_000; // 2024-02-01T00:00:00Z

fn record() -> CompletionRecord {
    issue(input(), NOW)
}

#[test]
fn issue_fills_in_dates_id_and_code() {
    let r = record();
    assert_eq!(r.format, FORMAT);
    assert_eq!(r.schema_version, SCHEMA_VERSION);
    assert_eq!(r.completed_on, d("2024-01-31"));
    // The earlier module's pass dates the whole certificate.
    assert_eq!(r.valid_until, d("2025-01-30"));
    assert_eq!(r.issued_at_ms, NOW);
    assert!(r.certificate_id.starts_with("TRG-"), "{}", r.certificate_id);
    assert_eq!(r.certificate_id.len(), 16);
    assert!(r.certificate_id[4..]
        .chars()
        .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
    let code = &r.verification_code;
    assert_eq!(code.len(), 19);
    assert_eq!(code.matches('-').count(), 3);
    assert_eq!(normalize_code(code).as_deref(), Some(code.as_str()));
    assert_eq!(&compute_code(&r), code);
}

#[test]
fn issue_is_deterministic_and_the_id_depends_on_time_and_person() {
    assert_eq!(record(), record());
    let later = issue(input(), NOW + 1);
    assert_ne!(later.certificate_id, record().certificate_id);
    let mut other = input();
    other.learner.full_name = "Anna Berg".into();
    assert_ne!(issue(other, NOW).certificate_id, record().certificate_id);
}

#[test]
fn one_completion_has_one_id_in_either_language() {
    let sv = issue(input(), 1_706_700_000_000);
    let mut english = input();
    english.lang = lang("en");
    english.organisation = "Example Region".into();
    english.modules[0].title = "The basics".into();
    english.modules[1].title = "Reporting \"incidents\"".into();
    let en = issue(english, 1_706_700_000_000);
    assert_eq!(sv.certificate_id, en.certificate_id, "the same completion");
    assert_ne!(
        sv.verification_code, en.verification_code,
        "each text is still sealed"
    );
    let mut other = input();
    other.modules[0].percent = 91;
    assert_ne!(
        issue(other, 1_706_700_000_000).certificate_id,
        sv.certificate_id
    );
}

#[test]
fn validity_clamps_at_month_end_and_leap_day() {
    let with = |last: &str, months: u8| {
        let mut i = input();
        i.modules[0].passed_on = d(last);
        i.modules[1].passed_on = d(last);
        i.validity_months = months;
        issue(i, NOW)
    };
    assert_eq!(with("2024-01-31", 1).valid_until, d("2024-02-29"));
    assert_eq!(with("2023-01-31", 1).valid_until, d("2023-02-28"));
    assert_eq!(with("2024-02-29", 12).valid_until, d("2025-02-28"));
    assert_eq!(with("2024-02-29", 24).valid_until, d("2026-02-28"));
    assert_eq!(with("2024-02-29", 48).valid_until, d("2028-02-29"));
    assert_eq!(with("2024-08-31", 6).valid_until, d("2025-02-28"));
    assert_eq!(with("2024-12-31", 12).valid_until, d("2025-12-31"));
    // No modules: completed today.
    let mut none = input();
    none.modules.clear();
    let r = issue(none, NOW);
    assert_eq!(r.completed_on, d("2024-02-01"));
    assert_eq!(r.valid_until, d("2025-02-01"));
}

#[test]
fn canonical_json_is_the_serde_form_without_the_code() {
    let r = record();
    let canonical: Value = serde_json::from_str(&canonical_json(&r)).unwrap();
    let mut serde_form = serde_json::to_value(&r).unwrap();
    serde_form
        .as_object_mut()
        .unwrap()
        .remove("verification_code");
    assert_eq!(canonical, serde_form);
    let text = canonical_json(&r);
    assert!(!text.contains("verification_code"));
    assert!(!text.contains(": ") && !text.contains('\n'));
    assert!(text.starts_with("{\"certificate_id\":"), "{text}");
    assert!(
        text.contains("\"Åsa Öberg-Łukasz\""),
        "non-ASCII stays UTF-8"
    );
    assert!(text.contains(r#""Rapportera \"incidenter\"""#));
}

#[test]
fn canonical_keys_are_sorted_at_every_level() {
    fn check(v: &Value) {
        match v {
            Value::Object(map) => {
                map.values().for_each(check);
            }
            Value::Array(items) => items.iter().for_each(check),
            _ => {}
        }
    }
    let text = canonical_json(&record());
    // Keys appear in sorted order in the text itself (independent of Map's ordering).
    let top: Vec<&str> = [
        "certificate_id",
        "completed_on",
        "content_version",
        "course_id",
        "format",
        "issued_at_ms",
        "lang",
        "learner",
        "modules",
        "organisation",
        "role",
        "schema_version",
        "valid_until",
    ]
    .to_vec();
    let mut last = 0;
    for key in top {
        let at = text.find(&format!("\"{key}\":")).unwrap();
        assert!(at >= last, "{key} out of order");
        last = at;
    }
    let learner = text.find("\"learner\":{").unwrap();
    let order = ["email", "employee_number", "full_name", "unit"];
    let mut last = learner;
    for key in order {
        let at = learner + text[learner..].find(&format!("\"{key}\":")).unwrap();
        assert!(at > last, "learner.{key} out of order");
        last = at;
    }
    let module = text.find("\"modules\":[{").unwrap();
    let order = ["id", "passed_on", "percent", "title"];
    let mut last = module;
    for key in order {
        let at = module + text[module..].find(&format!("\"{key}\":")).unwrap();
        assert!(at > last, "modules.{key} out of order");
        last = at;
    }
    check(&serde_json::from_str(&text).unwrap());
}

/// Rewrites a JSON value with keys in reverse order and lots of whitespace.
fn scramble(v: &Value, depth: usize, out: &mut String) {
    let pad = " \t\n".repeat(depth + 1);
    match v {
        Value::Object(map) => {
            out.push_str(&format!("{{{pad}"));
            let mut keys: Vec<_> = map.keys().collect();
            keys.reverse();
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push_str(&format!("{pad},{pad}"));
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push_str(&format!("{pad}:{pad}"));
                scramble(&map[*k], depth + 1, out);
            }
            out.push_str(&format!("{pad}}}"));
        }
        Value::Array(items) => {
            out.push_str("[ ");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(" ,\r\n");
                }
                scramble(item, depth + 1, out);
            }
            out.push_str(" ]");
        }
        other => out.push_str(&serde_json::to_string(other).unwrap()),
    }
}

#[test]
fn canonical_form_is_stable_across_field_order_and_whitespace() {
    let r = record();
    let mut scrambled = String::new();
    scramble(&serde_json::to_value(&r).unwrap(), 0, &mut scrambled);
    assert!(scrambled.starts_with("{ \t\n\"verification_code\""));
    let back = verify(scrambled.as_bytes(), None, DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(back, r);
    assert_eq!(canonical_json(&back), canonical_json(&r));
    let pretty = serde_json::to_string_pretty(&r).unwrap();
    assert_eq!(
        verify(pretty.as_bytes(), None, DEFAULT_MAX_BYTES).unwrap(),
        r
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(pretty.as_bytes());
    assert_eq!(verify(&bom, None, DEFAULT_MAX_BYTES).unwrap(), r);
}

type Edit = fn(&mut CompletionRecord);

/// Every way of changing one field of the record, with the field's name.
fn one_field_edits() -> Vec<(&'static str, Edit)> {
    vec![
        ("format", |r| r.format.push('x')),
        ("schema_version", |r| r.schema_version += 1),
        ("certificate_id", |r| {
            r.certificate_id = "TRG-000000000000".into()
        }),
        ("course_id", |r| r.course_id.push('x')),
        ("content_version", |r| r.content_version = "2025.2".into()),
        ("organisation", |r| r.organisation.push(' ')),
        ("learner.full_name", |r| {
            r.learner.full_name = "Åsa Oberg-Łukasz".into()
        }),
        ("learner.employee_number", |r| {
            r.learner.employee_number = "10043".into()
        }),
        ("learner.unit", |r| r.learner.unit.clear()),
        ("learner.email", |r| {
            r.learner.email = "ASA.OBERG@example.se".into()
        }),
        ("role", |r| r.role = Role::Employee),
        ("lang", |r| r.lang = lang("en")),
        ("modules (removed)", |r| {
            r.modules.pop();
        }),
        ("modules (reordered)", |r| r.modules.reverse()),
        ("modules[0].id", |r| r.modules[0].id.push('2')),
        ("modules[0].title", |r| {
            r.modules[0].title = "grunderna".into()
        }),
        ("modules[0].percent", |r| r.modules[0].percent -= 1),
        ("modules[0].passed_on", |r| {
            r.modules[0].passed_on = r.modules[0].passed_on.add_days(1)
        }),
        ("completed_on", |r| {
            r.completed_on = r.completed_on.add_days(-1)
        }),
        ("valid_until", |r| {
            r.valid_until = r.valid_until.add_months(1)
        }),
        ("issued_at_ms", |r| r.issued_at_ms += 1),
    ]
}

#[test]
fn any_change_of_any_field_changes_the_code_and_is_flagged() {
    let original = record();
    let code = compute_code(&original);
    let edits = one_field_edits();
    // Every serialized key (and learner/module sub-key) is covered by some edit.
    let json = serde_json::to_value(&original).unwrap();
    for key in json.as_object().unwrap().keys() {
        if key == "verification_code" {
            continue;
        }
        assert!(
            edits
                .iter()
                .any(|(name, _)| name.split(['.', ' ', '[']).next() == Some(key)),
            "no edit covers {key}"
        );
    }
    for sub in ["full_name", "employee_number", "unit", "email"] {
        assert!(edits.iter().any(|(n, _)| *n == format!("learner.{sub}")));
    }
    for sub in ["id", "title", "percent", "passed_on"] {
        assert!(edits.iter().any(|(n, _)| *n == format!("modules[0].{sub}")));
    }

    let mut seen = std::collections::HashSet::new();
    for (name, edit) in edits {
        let mut r = original.clone();
        edit(&mut r);
        assert_ne!(r, original, "{name} edit did nothing");
        let new_code = compute_code(&r);
        assert_ne!(new_code, code, "{name} did not change the code");
        assert!(seen.insert(new_code), "{name} collides with another edit");
        // Written to a file with the old code, the edit is caught (or the file is refused
        // for its format, which is just as much a refusal).
        let bytes = serde_json::to_vec(&r).unwrap();
        let err = verify(&bytes, None, DEFAULT_MAX_BYTES).unwrap_err();
        if !name.starts_with("format") && !name.starts_with("schema_version") {
            assert!(err.is_tampered(), "{name}: {err}");
        }
    }
}

#[test]
fn the_code_ignores_only_itself() {
    let mut r = record();
    let code = compute_code(&r);
    r.verification_code = "whatever".into();
    assert_eq!(compute_code(&r), code);
}

#[test]
fn learner_fields_are_trimmed_and_limited() {
    use LearnerField::*;
    assert_eq!(
        validate_learner_field(FullName, "  Åsa Öberg  ").unwrap(),
        "Åsa Öberg"
    );
    assert_eq!(
        validate_learner_field(FullName, "   "),
        Err(FieldError::Required)
    );
    assert_eq!(
        validate_learner_field(FullName, "Å"),
        Err(FieldError::TooShort { min: 2 })
    );
    assert!(validate_learner_field(FullName, "Ng").is_ok());
    let hundred: String = "ł".repeat(100);
    assert_eq!(validate_learner_field(FullName, &hundred).unwrap(), hundred);
    assert_eq!(
        validate_learner_field(FullName, &format!("{hundred}x")),
        Err(FieldError::TooLong { max: 100 })
    );
    assert_eq!(
        validate_learner_field(Unit, &"u".repeat(101)),
        Err(FieldError::TooLong { max: 100 })
    );
    for optional in [EmployeeNumber, Unit, Email] {
        assert_eq!(validate_learner_field(optional, "  ").unwrap(), "");
    }
    for bad in [
        "Anna\nBerg",
        "Anna\tBerg",
        "Anna\u{0}",
        "Anna\u{202E}greB",
        "A\u{85}B",
        "A\u{2028}B",
    ] {
        assert_eq!(
            validate_learner_field(FullName, bad),
            Err(FieldError::ControlCharacter),
            "{bad:?}"
        );
    }
}

#[test]
fn markup_and_formulas_are_plain_text_names() {
    for name in [
        "<img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://x\")",
        "+46 Svensson",
        "@admin",
        "Robert'); DROP TABLE students;--",
        "Nguyễn Thị Ngọc",
        "Ćwikła Şahin",
        "Анна Петрова",
    ] {
        assert_eq!(
            validate_learner_field(LearnerField::FullName, name).unwrap(),
            name
        );
    }
}

#[test]
fn email_shape_is_checked_lightly() {
    for good in [
        "a@b.se",
        "anna.berg+trygg@region.example.se",
        "åsa@exempel.se",
    ] {
        assert!(
            validate_learner_field(LearnerField::Email, good).is_ok(),
            "{good}"
        );
    }
    for bad in [
        "anna",
        "anna@",
        "@x.se",
        "anna@localhost",
        "a b@x.se",
        "a@@x.se",
        "a@x..se",
        "a@x.se.",
    ] {
        assert_eq!(
            validate_learner_field(LearnerField::Email, bad),
            Err(FieldError::InvalidEmail),
            "{bad}"
        );
    }
}

#[test]
fn validate_learner_reports_the_first_bad_field() {
    let learner = Learner {
        full_name: " Anna Berg ".into(),
        employee_number: "".into(),
        unit: " HR ".into(),
        email: "nope".into(),
    };
    assert_eq!(
        validate_learner(&learner),
        Err((LearnerField::Email, FieldError::InvalidEmail))
    );
    let ok = validate_learner(&Learner {
        email: String::new(),
        ..learner
    })
    .unwrap();
    assert_eq!(ok.full_name, "Anna Berg");
    assert_eq!(ok.unit, "HR");
}

#[test]
fn field_errors_have_messages_in_every_shipped_language() {
    let errors = [
        FieldError::Required,
        FieldError::TooShort { min: 2 },
        FieldError::TooLong { max: 100 },
        FieldError::ControlCharacter,
        FieldError::InvalidEmail,
    ];
    let (sv, en) = (words("sv"), words("en"));
    for e in &errors {
        let (in_sv, in_en) = (e.message(&sv), e.message(&en));
        assert!(sv.contains(e.key()) && en.contains(e.key()), "{}", e.key());
        assert!(!in_sv.is_empty() && !in_en.is_empty());
        assert_ne!(in_sv, in_en);
        assert!(
            !in_sv.contains('{') && !in_en.contains('{'),
            "{in_sv} / {in_en}"
        );
        for (_, value) in e.values() {
            assert!(in_sv.contains(&value) && in_en.contains(&value), "{in_en}");
        }
    }
    // The plain form, for logs and the CLI, is the key with its values.
    assert_eq!(errors[1].to_string(), "field.too_short (min 2)");
    assert_eq!(errors[0].to_string(), "field.required");
}
