mod content_support;

use content_support::{lang, shipped_languages, shipped_words, words};
use std::collections::BTreeMap;

use trygg_core::certificate::{
    issue, renewal_ics, renewal_ics_dated, CompletionRecord, IssueInput, Learner, ModuleResult,
};
use trygg_core::content::Role;
use trygg_core::date::Date;

fn record(passed_on: &str, months: u8) -> CompletionRecord {
    issue(
        IssueInput {
            course_id: "trygg-exempelregionen".into(),
            content_version: "2025.1".into(),
            organisation: "Region Exempel".into(),
            learner: Learner {
                full_name: "Nguyễn Thị Ngọc".into(),
                employee_number: "7".into(),
                unit: "".into(),
                email: "".into(),
            },
            role: Role::Elected,
            lang: lang("sv"),
            modules: vec![ModuleResult {
                id: "m".into(),
                title: "M".into(),
                percent: 100,
                passed_on: Date::parse_iso(passed_on).unwrap(),
            }],
            validity_months: months,
        },
        1_709_251_199_000, // 2024-02-29T23:59:59Z
    )
}

/// A content line after unfolding: name, parameters, raw value.
#[derive(Debug)]
struct Prop {
    name: String,
    params: BTreeMap<String, String>,
    value: String,
}

/// A component: its properties and sub-components.
#[derive(Debug, Default)]
struct Component {
    name: String,
    props: Vec<Prop>,
    children: Vec<Component>,
}

impl Component {
    fn prop(&self, name: &str) -> &Prop {
        self.props
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{} has no {name}", self.name))
    }
    fn count(&self, name: &str) -> usize {
        self.props.iter().filter(|p| p.name == name).count()
    }
}

/// A small RFC 5545 reader: checks CRLF endings and the 75-octet limit, unfolds, splits
/// name;params:value (respecting quoted parameter values) and nests BEGIN/END.
fn parse(ics: &str) -> Component {
    assert!(ics.ends_with("\r\n"));
    let body = &ics[..ics.len() - 2];
    for physical in body.split("\r\n") {
        assert!(
            !physical.contains('\n') && !physical.contains('\r'),
            "bare line break"
        );
        assert!(
            physical.len() <= 75,
            "{} octets: {physical}",
            physical.len()
        );
        assert!(!physical.is_empty(), "empty line");
    }
    let unfolded = body.replace("\r\n ", "").replace("\r\n\t", "");
    let mut stack: Vec<Component> = vec![Component::default()];
    for line in unfolded.split("\r\n") {
        let mut in_quotes = false;
        let colon = line
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    in_quotes = !in_quotes;
                }
                c == ':' && !in_quotes
            })
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("no colon: {line}"));
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let mut parts = head.split(';');
        let name = parts.next().unwrap().to_ascii_uppercase();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "bad name {name}"
        );
        let params = parts
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or_else(|| panic!("bad param {p}"));
                (k.to_ascii_uppercase(), v.to_owned())
            })
            .collect();
        match name.as_str() {
            "BEGIN" => stack.push(Component {
                name: value.to_owned(),
                ..Default::default()
            }),
            "END" => {
                let done = stack.pop().unwrap();
                assert_eq!(done.name, value, "END does not match BEGIN");
                stack
                    .last_mut()
                    .expect("END without BEGIN")
                    .children
                    .push(done);
            }
            _ => stack.last_mut().unwrap().props.push(Prop {
                name,
                params,
                value: value.to_owned(),
            }),
        }
    }
    assert_eq!(stack.len(), 1, "unclosed component");
    let mut root = stack.pop().unwrap();
    assert!(root.props.is_empty());
    assert_eq!(root.children.len(), 1);
    root.children.pop().unwrap()
}

/// RFC 5545 TEXT unescaping; panics on escapes the RFC does not allow.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => out.push(c),
                other => panic!("bad escape \\{other:?} in {text}"),
            },
            ';' | ',' => panic!("unescaped {c} in {text}"),
            c => out.push(c),
        }
    }
    out
}

#[test]
fn the_calendar_parses_and_holds_one_all_day_event_with_an_alarm() {
    let r = record("2024-02-29", 12);
    let ics = renewal_ics(
        &r,
        &words("sv"),
        "Region Exempel; Skåne, Sverige",
        r.completed_on,
    );
    let cal = parse(&ics);
    assert_eq!(cal.name, "VCALENDAR");
    assert_eq!(cal.prop("VERSION").value, "2.0");
    assert!(cal.prop("PRODID").value.contains("Trygg"));
    assert_eq!(cal.children.len(), 1);
    let event = &cal.children[0];
    assert_eq!(event.name, "VEVENT");
    for required in [
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
    ] {
        assert_eq!(event.count(required), 1, "{required}");
    }
    assert_eq!(
        event.prop("UID").value,
        format!("{}-renewal@trygg", r.certificate_id)
    );
    assert_eq!(event.prop("DTSTAMP").value, "20240229T235959Z");
    // Valid until 2025-02-28; reminder 30 days before.
    assert_eq!(r.valid_until, Date::parse_iso("2025-02-28").unwrap());
    let start = event.prop("DTSTART");
    assert_eq!(start.params.get("VALUE").map(String::as_str), Some("DATE"));
    assert_eq!(start.value, "20250129");
    assert_eq!(event.prop("DTEND").value, "20250130");
    let summary = unescape(&event.prop("SUMMARY").value);
    assert_eq!(
        summary,
        "Förnya säkerhetsutbildningen – Region Exempel; Skåne, Sverige"
    );
    let description = unescape(&event.prop("DESCRIPTION").value);
    assert!(description.contains("2025-02-28"), "{description}");
    assert!(description.contains(&r.certificate_id));
    assert!(description.contains(&r.verification_code));
    assert!(description.contains('\n'));

    assert_eq!(event.children.len(), 1);
    let alarm = &event.children[0];
    assert_eq!(alarm.name, "VALARM");
    assert_eq!(alarm.prop("ACTION").value, "DISPLAY");
    assert!(!alarm.prop("DESCRIPTION").value.is_empty());
    assert!(
        alarm.prop("TRIGGER").value.starts_with("PT")
            || alarm.prop("TRIGGER").value.starts_with("-P")
    );
}

#[test]
fn long_names_fold_and_unfold_back() {
    let r = record("2024-01-31", 12);
    let org = "Sjukhusförvaltningen för ÅÄÖ-länets samverkande vårdcentraler, \\ avdelning ễ ł ş ć и Київ ".repeat(3);
    let ics = renewal_ics(&r, &words("en"), &org, r.completed_on);
    let cal = parse(&ics);
    let summary = unescape(&cal.children[0].prop("SUMMARY").value);
    assert_eq!(
        summary,
        format!("Renew your security training – {}", org.trim())
    );
    assert!(ics.contains("\r\n "), "expected folded lines");
}

#[test]
fn a_short_validity_reminds_on_the_last_day() {
    let r = record("2024-01-31", 1);
    assert_eq!(r.valid_until, Date::parse_iso("2024-02-29").unwrap());
    let cal = parse(&renewal_ics(&r, &words("en"), "", r.completed_on));
    let event = &cal.children[0];
    assert_eq!(event.prop("DTSTART").value, "20240229");
    assert_eq!(event.prop("DTEND").value, "20240301");
    assert_eq!(
        unescape(&event.prop("SUMMARY").value),
        "Renew your security training"
    );
}

#[test]
fn the_same_certificate_gives_the_same_calendar() {
    let r = record("2024-05-05", 12);
    assert_eq!(
        renewal_ics(&r, &words("sv"), "X", r.completed_on),
        renewal_ics(&r, &words("sv"), "X", r.completed_on)
    );
}

#[test]
fn a_reminder_never_falls_in_the_past() {
    let day = |iso: &str| Date::parse_iso(iso).unwrap();
    let start = |r: &CompletionRecord, today: &str| {
        let cal = parse(&renewal_ics(r, &words("sv"), "", day(today)));
        cal.children[0].prop("DTSTART").value.clone()
    };
    // Passed 2024-01-31 for 12 months: valid until 2025-01-31, window opens 2025-01-01.
    let r = record("2024-01-31", 12);
    assert_eq!(r.valid_until, day("2025-01-31"));
    for (made, reminder, when) in [
        ("2024-01-31", "20250101", "made at once"),
        ("2024-12-31", "20250101", "made the day before the window"),
        ("2025-01-01", "20250102", "made on the window's first day"),
        ("2025-01-20", "20250121", "made late in the window"),
        ("2025-01-30", "20250131", "made the day before the last"),
        ("2025-01-31", "20250131", "made on the last valid day"),
    ] {
        assert_eq!(start(&r, made), reminder, "{when}");
    }
}

#[test]
fn the_calendar_speaks_the_language_of_its_words() {
    let r = record("2024-02-29", 12);
    for tag in shipped_languages() {
        let words = shipped_words(tag);
        let code = tag.code();
        let cal = parse(&renewal_ics(&r, &words, "Region Exempel", r.completed_on));
        assert!(
            cal.prop("PRODID")
                .value
                .ends_with(&format!("//{}", code.to_uppercase())),
            "{}",
            cal.prop("PRODID").value
        );
        let event = &cal.children[0];
        for name in ["SUMMARY", "DESCRIPTION"] {
            let prop = event.prop(name);
            assert_eq!(prop.params.get("LANGUAGE").map(String::as_str), Some(code));
            let text = unescape(&prop.value);
            assert!(
                !text.contains('{') && !text.contains("ics."),
                "{code}: {text}"
            );
        }
        assert_eq!(
            unescape(&event.prop("SUMMARY").value),
            words.fill("ics.summary_org", &[("organisation", "Region Exempel")])
        );
        assert_eq!(
            unescape(&event.children[0].prop("DESCRIPTION").value),
            words.t("ics.alarm")
        );
    }
}

/// The text says when the certificate stops being valid as the language writes dates (the app
/// passes the browser's `Intl` writing: "7.12.2027" in a Finnish text, not "2027-12-07"); the
/// event's own dates stay RFC 5545's.
#[test]
fn the_description_carries_the_date_as_written_and_the_event_keeps_its_own() {
    let r = record("2026-12-07", 12);
    let written = renewal_ics_dated(&r, &words("sv"), "", r.completed_on, "7 december 2027");
    let cal = parse(&written);
    let event = &cal.children[0];
    let description = &event.prop("DESCRIPTION").value;
    assert!(description.contains("7 december 2027"), "{description}");
    assert!(
        !description.contains(&r.valid_until.to_string()),
        "{description}"
    );
    let plain = parse(&renewal_ics(&r, &words("sv"), "", r.completed_on));
    assert_eq!(
        plain.children[0].prop("DTSTART").value,
        event.prop("DTSTART").value
    );
    assert!(plain.children[0]
        .prop("DESCRIPTION")
        .value
        .contains(&r.valid_until.to_string()));
}

#[test]
fn a_reminder_made_again_later_is_the_same_event_revised() {
    let day = |iso: &str| Date::parse_iso(iso).unwrap();
    // Passed 2024-01-31 for 12 months: the window opens 2025-01-01.
    let r = record("2024-01-31", 12);
    let event = |today: &str| {
        let cal = parse(&renewal_ics(&r, &words("sv"), "", day(today)));
        let event = &cal.children[0];
        let prop = |name: &str| event.prop(name).value.clone();
        (
            prop("UID"),
            prop("SEQUENCE"),
            prop("DTSTAMP"),
            prop("DTSTART"),
        )
    };
    let first = event("2024-01-31");
    assert_eq!(first.1, "0", "made at once: the first version");
    assert_eq!(
        first.2, "20240229T235959Z",
        "stamped when the certificate was issued"
    );
    assert_eq!(
        event("2024-12-31"),
        first,
        "made before the window: the same file"
    );
    let later = event("2025-01-20");
    let last = event("2025-01-25");
    assert_eq!((&later.0, &last.0), (&first.0, &first.0), "one event");
    assert_eq!(
        (later.1.as_str(), last.1.as_str()),
        ("20", "25"),
        "revised, each later more"
    );
    assert_eq!(
        (later.2.as_str(), last.2.as_str()),
        ("20250120T000000Z", "20250125T000000Z")
    );
    assert_eq!(later.3, "20250121");
}
