//! The completion record: the file a learner downloads when the course is done and hands to
//! their manager, who imports it into the roster. There is no server, so the file itself must
//! carry everything needed to check it.
//!
//! Every record carries a verification code: the first 80 bits of SHA-256 over the record's
//! canonical JSON (every field except the code, keys sorted, no whitespace), written as 16
//! Crockford base32 characters. Change any field and the code no longer matches, so a
//! hand-edited file (a later `valid_until`, another name) is flagged.
//!
//! The code is a checksum, not a signature: the algorithm is public and anyone who can run
//! it can forge a matching code. It catches edits in a text editor and copy mistakes; it
//! does not prove who issued the file. Reproduce it with
//! `printf '%s' "$CANONICAL" | sha256sum` and the first 20 hex digits.

mod eligibility;
mod ics;
mod learner;
pub mod pdf;
mod validity;
mod verify;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::content::{Lang, Role};
use crate::date::Date;

pub use eligibility::{CertificateError, ExpiringModule};
pub use ics::{renewal_ics, renewal_ics_dated};
pub use learner::{validate_learner, validate_learner_field, FieldError, LearnerField};
pub use validity::{certificate_valid_until, pass_valid_until, Validity, RENEWAL_WINDOW_DAYS};
pub use verify::{check_record, extract_from_pdf, read_record, verify, VerifyError};

/// The value of `format`: lets the verifier tell a completion file from any other JSON a
/// manager drops on the roster by mistake.
pub const FORMAT: &str = "trygg-completion";

/// The only schema version this build reads. A file with a higher number was written by a
/// newer Trygg and is reported as such instead of being misread.
pub const SCHEMA_VERSION: u32 = 1;

/// A size no genuine completion file (or certificate PDF with one embedded) comes near;
/// callers pass it to [`verify`] so a stray video dropped on the roster is refused quickly.
pub const DEFAULT_MAX_BYTES: usize = 4 * 1024 * 1024;

/// One learner's completed course, as written to `<certificate id>.json` and embedded in the
/// certificate PDF. The JSON shape is versioned by `schema_version` and described by
/// `schemas/completion.schema.json`; unknown fields are refused so that nothing outside the
/// verification code can ride along.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompletionRecord {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`SCHEMA_VERSION`] for records this build issues.
    pub schema_version: u32,
    /// `TRG-` and 12 Crockford base32 characters; identifies the certificate across copies,
    /// so the roster merges the same file imported twice.
    pub certificate_id: String,
    /// The organisation's `course_id`, so one course's roster rejects another's files.
    pub course_id: String,
    /// Which edition of the content was taken; the roster notes learners on an older one.
    pub content_version: String,
    /// The organisation's name in the learner's language, as printed on the certificate.
    pub organisation: String,
    pub learner: Learner,
    pub role: Role,
    /// The language the learner took the course in.
    pub lang: Lang,
    /// The required modules passed, in course order.
    pub modules: Vec<ModuleResult>,
    /// The day the last required module was passed.
    pub completed_on: Date,
    /// The last day the certificate is valid (inclusive): the earliest day any of its
    /// modules' passes expires (see [`certificate_valid_until`]).
    pub valid_until: Date,
    /// When the file was created (unix ms, from the learner's clock).
    pub issued_at_ms: u64,
    /// `XXXX-XXXX-XXXX-XXXX`; see [`compute_code`].
    pub verification_code: String,
}

/// Who completed the course, as they typed it: kept in the learner's progress and copied
/// into the completion record. Free text, checked only by [`validate_learner`] before a
/// certificate is made. Only `full_name` is required; the others are empty strings when not
/// given, never missing, so every file has the same keys.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learner {
    pub full_name: String,
    pub employee_number: String,
    pub unit: String,
    pub email: String,
}

/// One passed module. The title is stored (in the learner's language) so the certificate
/// still reads correctly after the content is renamed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleResult {
    pub id: String,
    pub title: String,
    /// The best quiz score, 0–100.
    pub percent: u8,
    pub passed_on: Date,
}

/// What the app knows when the learner asks for a certificate; [`issue`] adds the dates,
/// the id and the code. Validate the learner with [`validate_learner`] first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueInput {
    pub course_id: String,
    pub content_version: String,
    pub organisation: String,
    pub learner: Learner,
    pub role: Role,
    pub lang: Lang,
    pub modules: Vec<ModuleResult>,
    /// The organisation's `validity_months`.
    pub validity_months: u8,
}

/// Makes the record from passes the caller has already judged: it checks nothing. The app
/// and the CLI go through [`crate::progress::Progress::certificate`], which refuses expired
/// or missing passes; samples and tests call this directly. `completed_on` is the day the
/// last module was passed (the day of `now_ms` when there are none), so fetching the
/// certificate weeks later does not extend its validity, and `valid_until` is the earliest
/// module's expiry, so it never claims more than its passes.
pub fn issue(input: IssueInput, now_ms: u64) -> CompletionRecord {
    let completed_on = input
        .modules
        .iter()
        .map(|m| m.passed_on)
        .max()
        .unwrap_or_else(|| Date::from_unix_ms(now_ms));
    let valid_until = certificate_valid_until(&input.modules, input.validity_months)
        .unwrap_or_else(|| completed_on.add_months(u32::from(input.validity_months)));
    let mut record = CompletionRecord {
        format: FORMAT.to_owned(),
        schema_version: SCHEMA_VERSION,
        certificate_id: String::new(),
        course_id: input.course_id,
        content_version: input.content_version,
        organisation: input.organisation,
        learner: input.learner,
        role: input.role,
        lang: input.lang,
        modules: input.modules,
        completed_on,
        valid_until,
        issued_at_ms: now_ms,
        verification_code: String::new(),
    };
    record.certificate_id = certificate_id_for(&record);
    record.verification_code = compute_code(&record);
    record
}

/// The id derives from the record's facts (with an empty id) including the issue time, so
/// two learners, or one learner fetching twice, never share an id, yet the same inputs
/// always give the same id (tests and samples are reproducible). What only depends on the
/// language it is printed in (`lang`, the organisation's name, module titles) is left out:
/// one completion has one id, whichever language its certificate is downloaded in.
fn certificate_id_for(record: &CompletionRecord) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"trygg-certificate-id\n");
    let mut without_id = canonical_value(record);
    without_id.insert("certificate_id".to_owned(), Value::String(String::new()));
    without_id.remove("lang");
    without_id.remove("organisation");
    if let Some(Value::Array(modules)) = without_id.get_mut("modules") {
        for module in modules.iter_mut() {
            if let Value::Object(m) = module {
                m.remove("title");
            }
        }
    }
    let mut text = String::new();
    write_canonical(&Value::Object(without_id), &mut text);
    hasher.update(text.as_bytes());
    let digest = hasher.finalize();
    format!("TRG-{}", crockford(&digest, 12))
}

/// The exact bytes the verification code is computed over: every field except
/// `verification_code`, object keys sorted by code point, no whitespace, strings escaped as
/// JSON requires and nothing more (non-ASCII stays UTF-8). Built field by field rather than
/// through serde_json's map so a `preserve_order` feature switched on elsewhere in a build
/// can never change a code.
pub fn canonical_json(record: &CompletionRecord) -> String {
    let mut out = String::with_capacity(512);
    write_canonical_record(record, &mut out);
    out
}

/// The bytes of [`canonical_value`] through [`write_canonical`], written straight from the
/// record with the keys already in order: every import checks a code, and building and
/// sorting a JSON tree per file was most of the time a roster of 100,000 files took. A test
/// holds the two to the same bytes.
fn write_canonical_record(r: &CompletionRecord, out: &mut String) {
    let key = |out: &mut String, first: bool, name: &str| {
        out.push_str(if first { "{\"" } else { ",\"" });
        out.push_str(name);
        out.push_str("\":");
    };
    let string = |out: &mut String, first: bool, name: &str, value: &str| {
        key(out, first, name);
        write_json_string(value, out);
    };
    let date = |out: &mut String, name: &str, value: Date| {
        key(out, false, name);
        out.push('"');
        push_date(value, out);
        out.push('"');
    };
    string(out, true, "certificate_id", &r.certificate_id);
    date(out, "completed_on", r.completed_on);
    string(out, false, "content_version", &r.content_version);
    string(out, false, "course_id", &r.course_id);
    string(out, false, "format", &r.format);
    key(out, false, "issued_at_ms");
    // Formatting into a String cannot fail.
    let _ = write!(out, "{}", r.issued_at_ms);
    string(out, false, "lang", r.lang.code());
    key(out, false, "learner");
    string(out, true, "email", &r.learner.email);
    string(out, false, "employee_number", &r.learner.employee_number);
    string(out, false, "full_name", &r.learner.full_name);
    string(out, false, "unit", &r.learner.unit);
    out.push_str("},\"modules\":[");
    for (i, m) in r.modules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, true, "id", &m.id);
        date(out, "passed_on", m.passed_on);
        key(out, false, "percent");
        let _ = write!(out, "{}", m.percent);
        string(out, false, "title", &m.title);
        out.push('}');
    }
    out.push(']');
    string(out, false, "organisation", &r.organisation);
    string(out, false, "role", r.role.key());
    key(out, false, "schema_version");
    let _ = write!(out, "{}", r.schema_version);
    date(out, "valid_until", r.valid_until);
    out.push('}');
}

/// The record as a JSON object without `verification_code`. Must mirror the serde form
/// exactly; `tests/certificate_record.rs` checks that it does.
fn canonical_value(r: &CompletionRecord) -> Map<String, Value> {
    let s = |v: &str| Value::String(v.to_owned());
    let mut learner = Map::new();
    learner.insert("full_name".into(), s(&r.learner.full_name));
    learner.insert("employee_number".into(), s(&r.learner.employee_number));
    learner.insert("unit".into(), s(&r.learner.unit));
    learner.insert("email".into(), s(&r.learner.email));
    let modules = r
        .modules
        .iter()
        .map(|m| {
            let mut o = Map::new();
            o.insert("id".into(), s(&m.id));
            o.insert("title".into(), s(&m.title));
            o.insert("percent".into(), Value::from(m.percent));
            o.insert("passed_on".into(), Value::String(m.passed_on.to_string()));
            Value::Object(o)
        })
        .collect();
    let mut o = Map::new();
    o.insert("format".into(), s(&r.format));
    o.insert("schema_version".into(), Value::from(r.schema_version));
    o.insert("certificate_id".into(), s(&r.certificate_id));
    o.insert("course_id".into(), s(&r.course_id));
    o.insert("content_version".into(), s(&r.content_version));
    o.insert("organisation".into(), s(&r.organisation));
    o.insert("learner".into(), Value::Object(learner));
    o.insert("role".into(), s(r.role.key()));
    o.insert("lang".into(), s(r.lang.code()));
    o.insert("modules".into(), Value::Array(modules));
    o.insert(
        "completed_on".into(),
        Value::String(r.completed_on.to_string()),
    );
    o.insert(
        "valid_until".into(),
        Value::String(r.valid_until.to_string()),
    );
    o.insert("issued_at_ms".into(), Value::from(r.issued_at_ms));
    o
}

/// The date as its `Display` writes it, without the formatting machinery for the four-digit
/// years every certificate has.
fn push_date(date: Date, out: &mut String) {
    let Ok(year) = u16::try_from(date.year) else {
        let _ = write!(out, "{date}");
        return;
    };
    if year > 9999 {
        let _ = write!(out, "{date}");
        return;
    }
    let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
    let (month, day) = (u16::from(date.month), u16::from(date.day));
    for c in [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        '-',
        digit(month / 10),
        digit(month),
        '-',
        digit(day / 10),
        digit(day),
    ] {
        out.push(c);
    }
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_json_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(key, out);
                out.push(':');
                if let Some(v) = map.get(key) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
    }
}

fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    // Runs that need no escape are copied whole; only ASCII is ever escaped, so every cut
    // falls between characters.
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or(""));
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or(""));
    out.push('"');
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The first `chars * 5` bits of `bytes` in Crockford base32: no I, L, O or U, so a code read
/// aloud or retyped from paper survives.
fn crockford(bytes: &[u8], chars: usize) -> String {
    let mut out = String::with_capacity(chars);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut input = bytes.iter();
    while out.len() < chars {
        if bits < 5 {
            acc = (acc << 8) | u32::from(input.next().copied().unwrap_or(0));
            bits += 8;
        }
        bits -= 5;
        out.push(char::from(CROCKFORD[((acc >> bits) & 31) as usize]));
    }
    out
}

/// The verification code the record should carry: SHA-256 over [`canonical_json`], first
/// 80 bits, Crockford base32, grouped `XXXX-XXXX-XXXX-XXXX` for reading off a printout.
pub fn compute_code(record: &CompletionRecord) -> String {
    let digest = Sha256::digest(canonical_json(record).as_bytes());
    group(&crockford(&digest, 16))
}

fn group(code: &str) -> String {
    let mut out = String::with_capacity(19);
    for (i, c) in code.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// A code as someone typed it (any case, with or without dashes or spaces, O for 0, I or L
/// for 1) in the grouped form [`compute_code`] gives; `None` if it cannot be a code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let mut plain = String::with_capacity(16);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && CROCKFORD.contains(&(c as u8)) => c,
            _ => return None,
        };
        plain.push(c);
    }
    (plain.len() == 16).then(|| group(&plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crockford_encodes_known_bits() {
        assert_eq!(crockford(&[0; 10], 16), "0000000000000000");
        assert_eq!(crockford(&[0xff; 10], 16), "ZZZZZZZZZZZZZZZZ");
        // 0b00001_00010_00011_00100_00101_00110_00111_01000 = 0x08 0x86 0x42 0x98 0xe8
        assert_eq!(crockford(&[0x08, 0x86, 0x42, 0x98, 0xe8], 8), "12345678");
    }

    #[test]
    fn normalize_code_forgives_typing() {
        assert_eq!(
            normalize_code("abcd efgh-jkmn-pq01").as_deref(),
            Some("ABCD-EFGH-JKMN-PQ01")
        );
        assert_eq!(
            normalize_code("O0IL-0000-0000-0000").as_deref(),
            Some("0011-0000-0000-0000")
        );
        assert_eq!(normalize_code("ABCD-EFGH-JKMN-PQ0"), None);
        assert_eq!(normalize_code("ABCD-EFGH-JKMN-PQ0U"), None);
        assert_eq!(normalize_code("ÅBCD-EFGH-JKMN-PQ01"), None);
    }

    #[test]
    fn canonical_json_is_the_sorted_tree_written_out() {
        let mut r = issue(
            IssueInput {
                course_id: "c\"\\".into(),
                content_version: "2025.1\u{1}".into(),
                organisation: "Region Östra\n".into(),
                learner: Learner {
                    full_name: "Nguyễn \"Anh\"\t".into(),
                    employee_number: "\u{7f}1\u{c}".into(),
                    unit: "IT/drift\r".into(),
                    email: "a@b.se\u{8}".into(),
                },
                role: Role::Elected,
                lang: Lang::parse("en").unwrap(),
                modules: vec![
                    ModuleResult {
                        id: "m1".into(),
                        title: "Ett \u{1f}".into(),
                        percent: 100,
                        passed_on: Date::parse_iso("2025-01-02").unwrap(),
                    },
                    ModuleResult {
                        id: "m2".into(),
                        title: String::new(),
                        percent: 0,
                        passed_on: Date::parse_iso("2025-02-03").unwrap(),
                    },
                ],
                validity_months: 12,
            },
            1_738_300_000_000,
        );
        let tree = |r: &CompletionRecord| {
            let mut out = String::new();
            write_canonical(&Value::Object(canonical_value(r)), &mut out);
            out
        };
        assert_eq!(canonical_json(&r), tree(&r));
        for text in ["0001-01-01", "0999-12-31", "2025-10-09", "9999-12-31"] {
            let date = Date::parse_iso(text).unwrap();
            let mut out = String::new();
            push_date(date, &mut out);
            assert_eq!(out, date.to_string());
        }
        for year in [-1, 10_000] {
            let date = Date {
                year,
                month: 1,
                day: 2,
            };
            let mut out = String::new();
            push_date(date, &mut out);
            assert_eq!(out, date.to_string());
        }
        r.modules.clear();
        r.learner = Learner::default();
        assert_eq!(canonical_json(&r), tree(&r));
    }

    #[test]
    fn json_strings_escape_only_what_json_requires() {
        let mut out = String::new();
        write_json_string("a\"b\\c\nd\u{1}é/", &mut out);
        assert_eq!(out, r#""a\"b\\c\nd\u0001é/""#);
        let parsed: String = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed, "a\"b\\c\nd\u{1}é/");
    }
}
