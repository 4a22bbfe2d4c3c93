//! The UI words of a language (`languages/<tag>/ui.json`): how the file is read, and that
//! every word the core asks for (the certificate's and pocket card's labels, the calendar
//! reminder, the roster's CSV and the form's field errors) is in every shipped language.
//!
//! The keys are found by asking with words that have none: [`Words::t`] then gives the key
//! itself, so each label, heading and message comes out as the key it was looked up by.

mod content_support;

use content_support::{lang, shipped_languages, shipped_words};
use trygg_core::certificate::pdf::{CertificateLabels, PocketCardLabels};
use trygg_core::certificate::{issue, renewal_ics, FieldError, IssueInput, Learner};
use trygg_core::content::{Lang, Role};
use trygg_core::date::Date;
use trygg_core::language::{parse_words, Entry, PluralCategory, Words};
use trygg_core::roster::{to_csv_in, CsvWords, Row, Status};

/// Words without a single entry: every lookup answers with its key.
fn keys_only() -> Words {
    Words::new(lang("sv"), Vec::new())
}

/// Asserts that every shipped language has each key, naming the ones it lacks.
fn assert_shipped(what: &str, keys: &[String]) {
    assert!(!keys.is_empty(), "{what}: no keys found");
    for tag in shipped_languages() {
        let words = shipped_words(tag);
        let missing: Vec<&String> = keys.iter().filter(|k| !words.contains(k)).collect();
        assert!(
            missing.is_empty(),
            "languages/{tag}/ui.json lacks the {what} keys {missing:?}"
        );
    }
}

#[test]
fn every_certificate_label_is_in_every_shipped_language() {
    // Named one by one (no `..`): a new label does not compile until it is named here.
    let CertificateLabels {
        title,
        certifies,
        completed,
        employee_number,
        unit,
        email,
        role,
        role_employee,
        role_manager,
        role_elected,
        module,
        score,
        percent,
        passed_on,
        completed_on,
        valid_until,
        certificate_id,
        verification_code,
        content_version,
        how_to_verify,
        continued,
        attachment,
        file,
        dates,
    } = CertificateLabels::from_words(&keys_only());
    // Dates are written by the app from the record, not read from `ui.json`.
    assert!(dates.is_empty());
    let keys = vec![
        title,
        certifies,
        completed,
        employee_number,
        unit,
        email,
        role,
        role_employee,
        role_manager,
        role_elected,
        module,
        score,
        percent,
        passed_on,
        completed_on,
        valid_until,
        certificate_id,
        verification_code,
        content_version,
        how_to_verify,
        continued,
        attachment,
        file,
    ];
    assert!(keys.contains(&"certificate.title".to_owned()), "{keys:?}");
    assert_shipped("certificate", &keys);
    // And each language's labels are its own words, not keys.
    for tag in shipped_languages() {
        let labels = CertificateLabels::from_words(&shipped_words(tag));
        assert_ne!(labels.title, "certificate.title");
        assert!(
            labels.percent.contains("{percent}"),
            "{tag}: {}",
            labels.percent
        );
    }
}

#[test]
fn every_pocket_card_label_is_in_every_shipped_language() {
    let PocketCardLabels {
        title,
        emergency,
        internal_alarm,
    } = PocketCardLabels::from_words(&keys_only());
    assert_shipped("pocket card", &[title, emergency, internal_alarm]);
}

fn record() -> trygg_core::certificate::CompletionRecord {
    issue(
        IssueInput {
            course_id: "c".into(),
            content_version: "1".into(),
            organisation: "O".into(),
            learner: Learner {
                full_name: "Anna Berg".into(),
                ..Learner::default()
            },
            role: Role::Employee,
            lang: lang("sv"),
            modules: Vec::new(),
            validity_months: 12,
        },
        1_738_300_000_000,
    )
}

/// The texts of an `.ics` file's SUMMARY and DESCRIPTION lines, unfolded.
fn calendar_texts(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|line| line.starts_with("SUMMARY") || line.starts_with("DESCRIPTION"))
        .filter_map(|line| line.split_once(':').map(|(_, value)| value.to_owned()))
        .collect()
}

#[test]
fn every_calendar_word_is_in_every_shipped_language() {
    let r = record();
    let today = Date::parse_iso("2025-01-31").expect("date");
    let mut keys = calendar_texts(&renewal_ics(&r, &keys_only(), "Region", today));
    keys.extend(calendar_texts(&renewal_ics(&r, &keys_only(), "", today)));
    keys.sort();
    keys.dedup();
    assert_eq!(
        keys,
        [
            "ics.alarm",
            "ics.description",
            "ics.summary",
            "ics.summary_org"
        ]
    );
    assert_shipped("calendar", &keys);
    // Filled in, no placeholder is left in any language.
    for tag in shipped_languages() {
        let words = shipped_words(tag);
        for text in calendar_texts(&renewal_ics(&r, &words, "Region", today)) {
            assert!(!text.contains('{'), "{tag}: {text}");
        }
    }
}

fn row(role: Role, status: Status) -> Row {
    let day = Date::parse_iso("2025-01-31").expect("date");
    Row {
        person_key: "name:anna".into(),
        full_name: "Anna".into(),
        employee_number: String::new(),
        unit: String::new(),
        email: String::new(),
        role,
        completed_on: day,
        valid_until: day,
        status,
        certificate_id: "TRG-1".into(),
        content_version: "1".into(),
        certificates: 1,
        flagged_files: Vec::new(),
        notes: Vec::new(),
    }
}

/// The CSV's cells, split without quotes (no cell here holds a quote or a `;`).
fn cells(csv: &str) -> Vec<Vec<String>> {
    csv.trim_start_matches('\u{FEFF}')
        .split_terminator("\r\n")
        .map(|line| {
            line.split(';')
                .map(|c| c.trim_matches('"').to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn every_csv_heading_role_and_status_is_in_every_shipped_language() {
    let rows: Vec<Row> = Role::ALL
        .into_iter()
        .flat_map(|role| Status::ALL.map(|status| row(role, status)))
        .collect();
    let table = cells(&to_csv_in(&rows, ';', &CsvWords::from_words(&keys_only())));
    let mut keys = table[0].clone();
    assert_eq!(keys.len(), 11);
    let (role_col, status_col) = (4, 7);
    for line in &table[1..] {
        keys.push(line[role_col].clone());
        keys.push(line[status_col].clone());
    }
    keys.sort();
    keys.dedup();
    assert_eq!(
        keys.len(),
        11 + Role::ALL.len() + Status::ALL.len(),
        "{keys:?}"
    );
    assert_shipped("CSV", &keys);
}

/// Every kind of field error; a new kind does not compile until it is listed here.
fn every_field_error() -> Vec<FieldError> {
    let all = vec![
        FieldError::Required,
        FieldError::TooShort { min: 2 },
        FieldError::TooLong { max: 100 },
        FieldError::ControlCharacter,
        FieldError::InvalidEmail,
    ];
    for e in &all {
        match e {
            FieldError::Required
            | FieldError::TooShort { .. }
            | FieldError::TooLong { .. }
            | FieldError::ControlCharacter
            | FieldError::InvalidEmail => {}
        }
    }
    all
}

#[test]
fn every_field_error_is_in_every_shipped_language() {
    let errors = every_field_error();
    let keys: Vec<String> = errors.iter().map(|e| e.message(&keys_only())).collect();
    assert_eq!(
        keys,
        errors
            .iter()
            .map(|e| e.key().to_owned())
            .collect::<Vec<_>>()
    );
    assert_shipped("field error", &keys);
}

#[test]
fn every_shipped_language_has_the_source_languages_keys() {
    let languages = shipped_languages();
    let source = shipped_words(languages[0]);
    for tag in &languages[1..] {
        let words = shipped_words(*tag);
        let missing: Vec<&str> = source
            .entries
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !words.contains(k))
            .collect();
        assert!(
            missing.is_empty(),
            "languages/{tag}/ui.json lacks {missing:?}"
        );
    }
}

// ---- reading ui.json ----

fn parse(json: &str) -> Result<Words, Vec<trygg_core::content::ContentIssue>> {
    parse_words("languages/sv/ui.json", lang("sv"), json.as_bytes())
}

#[test]
fn texts_and_counted_texts_are_read_in_file_order() {
    let words = parse(
        r#"{"$schema": "../../schema/ui.schema.json", "b": "B",
            "people": {"other": "{n} personer", "one": "{n} person"}, "a": "A"}"#,
    )
    .expect("reads");
    let keys: Vec<&str> = words.entries.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["b", "people", "a"]);
    assert!(!words.contains("$schema"));
    assert_eq!(words.lang(), lang("sv"));
    assert_eq!(
        words.entry("people").map(|(e, l)| (e.clone(), l)),
        Some((
            Entry::Counted(vec![
                (PluralCategory::Other, "{n} personer".into()),
                (PluralCategory::One, "{n} person".into()),
            ]),
            lang("sv")
        ))
    );
    assert_eq!(words.counted("people", PluralCategory::One), "{n} person");
    assert_eq!(
        words.counted("people", PluralCategory::Many),
        "{n} personer"
    );
    assert_eq!(words.fill("people", &[("n", "3")]), "3 personer");
    assert_eq!(words.counted("nothing", PluralCategory::One), "nothing");
}

/// The one issue reading `json` gives: its path and the start of its message.
fn refused(json: &str) -> (String, String) {
    let issues = parse(json).expect_err("refused");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].file, "languages/sv/ui.json");
    (issues[0].path.clone(), issues[0].message.clone())
}

#[test]
fn a_counted_text_needs_other_and_known_categories_once() {
    let (path, message) = refused(r#"{"a": "A", "people": {"one": "{n} person"}}"#);
    assert_eq!(path, "people");
    assert!(
        message.starts_with("a counted text needs an \"other\" form"),
        "{message}"
    );
    let (path, message) = refused(r#"{"people": {"one": "x", "several": "y", "other": "z"}}"#);
    assert_eq!(path, "people.several");
    assert!(
        message.starts_with(
            "\"several\" is not a plural category; use zero, one, two, few, many or other"
        ),
        "{message}"
    );
    let (path, message) = refused(r#"{"people": {"One": "x", "other": "z"}}"#);
    assert_eq!(path, "people.One");
    assert!(
        message.starts_with("\"One\" is not a plural category"),
        "{message}"
    );
    let (_, message) = refused(r#"{"people": {"one": "x", "one": "y", "other": "z"}}"#);
    assert!(message.starts_with("\"one\" appears twice"), "{message}");
    for category in PluralCategory::ALL {
        assert_eq!(PluralCategory::from_name(category.name()), Some(category));
        if category == PluralCategory::Other {
            continue;
        }
        let json = format!(r#"{{"n": {{"{}": "x", "other": "y"}}}}"#, category.name());
        let words = parse(&json).unwrap_or_else(|e| panic!("{category}: {e:?}"));
        assert_eq!(words.counted("n", category), "x");
        assert_eq!(words.counted("n", PluralCategory::Other), "y");
    }
}

#[test]
fn a_key_twice_or_a_value_that_is_no_text_is_refused() {
    let (_, message) = refused(r#"{"a": "A", "a": "B"}"#);
    assert!(message.starts_with("key \"a\" appears twice"), "{message}");
    let (path, message) = refused(r#"{"a": 3}"#);
    assert_eq!(path, "a");
    assert!(
        message.starts_with("invalid type: integer `3`"),
        "{message}"
    );
    let (path, _) = refused(r#"{"a": {"other": ["x"]}}"#);
    assert_eq!(path, "a.other");
    let (_, message) = refused(r#"["a"]"#);
    assert!(message.starts_with("invalid type: sequence"), "{message}");
}

#[test]
fn a_language_missing_a_key_takes_it_from_its_fallback_and_says_so() {
    let fi = parse_words(
        "languages/fi/ui.json",
        lang("fi"),
        br#"{"quiz.check": "Tarkista"}"#,
    )
    .expect("reads");
    let words = fi.with_fallback(shipped_words(lang("sv")));
    assert_eq!(words.t("quiz.check"), "Tarkista");
    assert_eq!(words.foreign("quiz.check"), None);
    assert_eq!(
        words.t("certificate.title"),
        shipped_words(lang("sv")).t("certificate.title")
    );
    assert_eq!(words.foreign("certificate.title"), Some(lang("sv")));
    assert!(
        !words.contains("certificate.title"),
        "contains asks the language itself"
    );
    assert_eq!(words.foreign("no.such.key"), None);
    let _: Lang = words.lang();
}

#[test]
fn a_key_no_language_has_is_noted_until_taken() {
    let fi = parse_words(
        "languages/fi/ui.json",
        lang("fi"),
        br#"{"quiz.check": "Tarkista"}"#,
    )
    .expect("reads");
    assert!(!fi.has_fallback());
    assert!(!fi.take_missed());
    assert_eq!(fi.t("certificate.title"), "certificate.title");
    assert!(fi.take_missed(), "a gap is noted");
    assert!(!fi.take_missed(), "and taken once");
    assert_eq!(fi.t("quiz.check"), "Tarkista");
    assert!(!fi.take_missed());
    let words = fi.with_fallback(shipped_words(lang("sv")));
    assert!(words.has_fallback());
    words.t("certificate.title");
    assert!(!words.take_missed(), "the fallback had it");
    words.counted("no.such.key", PluralCategory::One);
    assert!(words.take_missed());
}
