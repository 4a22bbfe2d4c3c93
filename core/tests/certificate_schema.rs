//! `schemas/completion.schema.json` must accept exactly what the Rust reader accepts. Core
//! keeps no JSON Schema validator (it goes into the wasm), so this test carries a small one
//! for the keywords the schema uses and refuses any keyword it does not understand.

mod content_support;

use content_support::lang;
use serde_json::{json, Value};
use trygg_core::certificate::{
    issue, read_record, CompletionRecord, IssueInput, Learner, ModuleResult,
};
use trygg_core::content::Role;
use trygg_core::date::Date;

const SCHEMA: &str = include_str!("../../schemas/completion.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("schema is JSON")
}

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "title",
    "description",
    "examples",
    "$defs",
];

fn resolve<'a>(root: &'a Value, reference: &str) -> &'a Value {
    let path = reference.strip_prefix("#/").expect("local $ref");
    path.split('/').fold(root, |v, part| {
        v.get(part)
            .unwrap_or_else(|| panic!("dangling $ref {reference}"))
    })
}

fn is_iso_date(text: &str) -> bool {
    // Stands in for the schema's `pattern` (no regex engine here); Date::parse_iso is
    // stricter (it knows month lengths), which the pattern cannot be.
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(
            &text[5..7],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
        && ("01"..="31").contains(&&text[8..10])
}

/// Stands in for the language tag's `pattern`: subtags of 1–8 letters or digits joined by
/// `-`, the first 2–8 letters.
fn is_language_tag(text: &str) -> bool {
    let mut subtags = text.split('-');
    let first = subtags.next().unwrap_or_default();
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Errors as `path: problem`; empty when `value` is valid.
fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Value::Object(s) = schema else {
        panic!("schema at {path} is not an object")
    };
    for (keyword, arg) in s {
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => validate(
                root,
                resolve(root, arg.as_str().unwrap()),
                value,
                path,
                errors,
            ),
            "type" => {
                let ok = match arg.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "boolean" => value.is_boolean(),
                    t => panic!("type {t} not handled"),
                };
                if !ok {
                    errors.push(format!("{path}: not {arg}"));
                }
            }
            "const" => {
                if value != arg {
                    errors.push(format!("{path}: not {arg}"));
                }
            }
            "enum" => {
                if !arg.as_array().unwrap().contains(value) {
                    errors.push(format!("{path}: not one of {arg}"));
                }
            }
            "minimum" => {
                if let Some(n) = value.as_i64() {
                    if n < arg.as_i64().unwrap() {
                        errors.push(format!("{path}: below {arg}"));
                    }
                }
            }
            "maximum" => {
                if let Some(n) = value.as_u64() {
                    if n > arg.as_u64().unwrap() {
                        errors.push(format!("{path}: above {arg}"));
                    }
                }
            }
            "format" => assert_eq!(arg, "date"),
            "pattern" => {
                let (stand_in, what): (fn(&str) -> bool, &str) = match arg.as_str().unwrap() {
                    p if p.starts_with("^[0-9]{4}-") => (is_iso_date, "a date"),
                    "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$" => (is_language_tag, "a language tag"),
                    _ => panic!("unknown pattern {arg}"),
                };
                if let Some(text) = value.as_str() {
                    if !stand_in(text) {
                        errors.push(format!("{path}: not {what}"));
                    }
                }
            }
            "maxLength" => {
                if let Some(text) = value.as_str() {
                    if text.chars().count() as u64 > arg.as_u64().unwrap() {
                        errors.push(format!("{path}: longer than {arg}"));
                    }
                }
            }
            "required" => {
                if let Some(obj) = value.as_object() {
                    for key in arg.as_array().unwrap() {
                        if !obj.contains_key(key.as_str().unwrap()) {
                            errors.push(format!("{path}: missing {key}"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(obj) = value.as_object() {
                    for (key, sub) in arg.as_object().unwrap() {
                        if let Some(v) = obj.get(key) {
                            validate(root, sub, v, &format!("{path}.{key}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(arg, &json!(false));
                let known = s["properties"].as_object().unwrap();
                if let Some(obj) = value.as_object() {
                    for key in obj.keys().filter(|k| !known.contains_key(*k)) {
                        errors.push(format!("{path}: unknown {key}"));
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, item) in items.iter().enumerate() {
                        validate(root, arg, item, &format!("{path}[{i}]"), errors);
                    }
                }
            }
            other => panic!("keyword {other} not understood by this test"),
        }
    }
}

fn errors_for(value: &Value) -> Vec<String> {
    let root = schema();
    let mut errors = Vec::new();
    validate(&root, &root, value, "", &mut errors);
    errors
}

fn record() -> CompletionRecord {
    issue(
        IssueInput {
            course_id: "c".into(),
            content_version: "1".into(),
            organisation: "Org".into(),
            learner: Learner {
                full_name: "Анна Петрова".into(),
                employee_number: "".into(),
                unit: "Enhet å".into(),
                email: "anna@example.se".into(),
            },
            role: Role::Manager,
            lang: lang("sv"),
            modules: vec![
                ModuleResult {
                    id: "a".into(),
                    title: "A".into(),
                    percent: 80,
                    passed_on: Date::parse_iso("2024-12-31").unwrap(),
                },
                ModuleResult {
                    id: "b".into(),
                    title: "B".into(),
                    percent: 100,
                    passed_on: Date::parse_iso("2025-01-01").unwrap(),
                },
            ],
            validity_months: 24,
        },
        1_735_700_000_000,
    )
}

/// Whether the Rust reader takes the file as a well-formed record (the code is not
/// the schema's business).
fn rust_reads(value: &Value) -> bool {
    read_record(&serde_json::to_vec(value).unwrap(), 1 << 20).is_ok()
}

#[test]
fn a_generated_record_is_valid() {
    let value = serde_json::to_value(record()).unwrap();
    assert_eq!(errors_for(&value), Vec::<String>::new());
}

#[test]
fn the_schema_lists_exactly_the_serialized_keys_as_required() {
    let s = schema();
    let value = serde_json::to_value(record()).unwrap();
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let names = |v: &Value| {
        let mut k: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_owned())
            .collect();
        k.sort();
        k
    };
    assert_eq!(names(&s["required"]), keys(&value));
    assert_eq!(keys(&s["properties"]), keys(&value));
    let learner = &s["$defs"]["learner"];
    assert_eq!(names(&learner["required"]), keys(&value["learner"]));
    let module = &s["$defs"]["module"];
    assert_eq!(names(&module["required"]), keys(&value["modules"][0]));
}

#[test]
fn schema_and_reader_agree_on_mutations() {
    let base = serde_json::to_value(record()).unwrap();
    let mut cases: Vec<(String, Value)> = Vec::new();
    // Every key removed, at every level.
    for key in base.as_object().unwrap().keys() {
        let mut v = base.clone();
        v.as_object_mut().unwrap().remove(key);
        cases.push((format!("without {key}"), v));
    }
    for key in base["learner"].as_object().unwrap().keys() {
        let mut v = base.clone();
        v["learner"].as_object_mut().unwrap().remove(key);
        cases.push((format!("without learner.{key}"), v));
    }
    for key in base["modules"][0].as_object().unwrap().keys() {
        let mut v = base.clone();
        v["modules"][0].as_object_mut().unwrap().remove(key);
        cases.push((format!("without modules[0].{key}"), v));
    }
    // Unknown keys.
    for pointer in ["", "/learner", "/modules/1"] {
        let mut v = base.clone();
        v.pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("note".into(), json!("x"));
        cases.push((format!("extra key at {pointer}"), v));
    }
    // Wrong types and values, and the accepted edge values.
    let edits: &[(&str, Value, bool)] = &[
        ("/format", json!("trygg-completion"), true),
        ("/schema_version", json!(1), true),
        ("/certificate_id", json!(5), false),
        ("/course_id", json!(null), false),
        ("/organisation", json!(""), true),
        ("/role", json!("employee"), true),
        ("/role", json!("elected"), true),
        ("/role", json!("Employee"), false),
        ("/lang", json!("en"), true),
        ("/lang", json!("fi"), true),
        ("/lang", json!("se-FI"), true),
        ("/lang", json!("sv-x-lattlast"), true),
        ("/lang", json!("sv_SE"), false),
        ("/lang", json!(""), false),
        ("/lang", json!("1a"), false),
        ("/lang", json!("sv-"), false),
        ("/lang", json!("abcdefgh-12345678-abcde"), true),
        ("/lang", json!("abcdefgh-12345678-abcdef"), false),
        ("/lang", json!(5), false),
        ("/modules", json!([]), true),
        ("/modules", json!({}), false),
        ("/modules/0/percent", json!(255), true),
        ("/modules/0/percent", json!(256), false),
        ("/modules/0/percent", json!(-1), false),
        ("/modules/0/percent", json!(1.5), false),
        ("/modules/0/passed_on", json!("2024-1-01"), false),
        ("/modules/0/passed_on", json!("2024-13-01"), false),
        ("/completed_on", json!(20240101), false),
        ("/valid_until", json!("2024-12-31T00:00:00Z"), false),
        ("/issued_at_ms", json!(0), true),
        ("/issued_at_ms", json!(u64::MAX), true),
        ("/issued_at_ms", json!(-1), false),
        ("/issued_at_ms", json!("1735700000000"), false),
        ("/learner", json!("Anna"), false),
        ("/learner/email", json!(""), true),
        ("/learner/unit", json!(["a"]), false),
        ("/verification_code", json!(""), true),
        ("/verification_code", json!(false), false),
    ];
    for (pointer, new, _) in edits {
        let mut v = base.clone();
        *v.pointer_mut(pointer).unwrap() = new.clone();
        cases.push((format!("{pointer} = {new}"), v));
    }
    for (name, v) in &cases {
        let schema_ok = errors_for(v).is_empty();
        assert_eq!(
            schema_ok,
            rust_reads(v),
            "{name}: schema says {schema_ok}, {:?}",
            errors_for(v)
        );
    }
    for (pointer, new, valid) in edits {
        let mut v = base.clone();
        *v.pointer_mut(pointer).unwrap() = new.clone();
        assert_eq!(errors_for(&v).is_empty(), *valid, "{pointer} = {new}");
    }
}
