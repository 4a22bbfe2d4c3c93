//! The roster's import split in two (check anywhere, merge in order), its table-only form,
//! its consuming rows and its streamed CSV: each gives what the one-step API gives.

mod content_support;

use content_support::{lang, words};
use trygg_core::certificate::{
    issue, read_record, CompletionRecord, IssueInput, Learner, ModuleResult, DEFAULT_MAX_BYTES,
};
use trygg_core::content::Role;
use trygg_core::date::Date;
use trygg_core::roster::{
    sort_rows, summarise, to_csv_in, write_csv_in, Checked, CsvWords, CsvWriter, ImportOutcome,
    Merged, Roster, SortKey, Summary,
};

const COURSE: &str = "trygg-exempelregionen";

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn cert(i: u32) -> CompletionRecord {
    let passed_on = d("2024-01-01").add_days(i64::from(i * 37 % 700));
    issue(
        IssueInput {
            course_id: COURSE.into(),
            content_version: format!("2024.{}", i % 3),
            organisation: "Region".into(),
            learner: Learner {
                full_name: ["Åsa Ek", "Örjan Ek", "anna berg", "Anna Berg", "Émile"]
                    [(i % 5) as usize]
                    .into(),
                employee_number: if i % 4 == 0 {
                    String::new()
                } else {
                    format!("{}", i % 9)
                },
                unit: ["IT", "Akuten", ""][(i % 3) as usize].into(),
                email: String::new(),
            },
            role: [Role::Employee, Role::Manager][(i % 2) as usize],
            lang: lang("en"),
            modules: vec![ModuleResult {
                percent: 70 + (i % 30) as u8,
                passed_on,
                id: "basics".into(),
                title: "Basics".into(),
            }],
            validity_months: 24,
        },
        passed_on.to_unix_ms() + u64::from(i),
    )
}

/// Files of every kind the import meets: good, duplicate, edited, not JSON, JSON of the
/// wrong shape, a byte-order mark, an array that serde could read as the record.
fn files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for i in 0..40 {
        let r = cert(i);
        files.push((format!("{i}.json"), serde_json::to_vec_pretty(&r).unwrap()));
        if i % 7 == 0 {
            files.push((format!("{i}-copy.json"), serde_json::to_vec(&r).unwrap()));
        }
        if i % 11 == 0 {
            let mut edited = r.clone();
            edited.valid_until = d("2099-01-01");
            files.push((
                format!("{i}-edited.json"),
                serde_json::to_vec(&edited).unwrap(),
            ));
        }
    }
    let r = cert(100);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(serde_json::to_vec(&r).unwrap());
    files.push(("bom.json".into(), bom));
    let as_array = serde_json::json!([
        r.format,
        r.schema_version,
        r.certificate_id,
        r.course_id,
        r.content_version,
        r.organisation,
        r.learner,
        r.role,
        r.lang,
        r.modules,
        r.completed_on,
        r.valid_until,
        r.issued_at_ms,
        r.verification_code
    ]);
    files.push(("array.json".into(), serde_json::to_vec(&as_array).unwrap()));
    let mut other_format = serde_json::to_value(&r).unwrap();
    other_format["format"] = "something-else".into();
    files.push((
        "format.json".into(),
        serde_json::to_vec(&other_format).unwrap(),
    ));
    let mut newer = serde_json::to_value(&r).unwrap();
    newer["schema_version"] = 2.into();
    files.push(("newer.json".into(), serde_json::to_vec(&newer).unwrap()));
    files.push(("junk.json".into(), b"{ not json".to_vec()));
    files.push(("empty.json".into(), b"  \n".to_vec()));
    files
}

#[test]
fn checking_apart_then_merging_is_adding_the_file() {
    let today = d("2025-06-15");
    for course in [Some(COURSE), Some("another"), None] {
        let (mut one_step, mut two_steps) = (Roster::new(), Roster::new());
        for (name, bytes) in files() {
            let expected = one_step.add_file(&name, &bytes, course, today);
            let checked = Checked::file(&bytes, DEFAULT_MAX_BYTES, course);
            assert_eq!(
                two_steps.add_checked(&name, checked, today),
                expected,
                "{name}"
            );
        }
        assert_eq!(two_steps.rows(today), one_step.rows(today));
        assert_eq!(two_steps.to_json(), one_step.to_json());
        assert_eq!(two_steps.rejected(), one_step.rejected());
    }
}

/// What [`ImportOutcome`] becomes without the record and names.
fn merged(outcome: ImportOutcome) -> Merged {
    match outcome {
        ImportOutcome::Accepted(_) => Merged::Accepted,
        ImportOutcome::Duplicate { .. } => Merged::Duplicate,
        ImportOutcome::Rejected { reason, .. } => Merged::Rejected(reason),
    }
}

#[test]
fn files_readied_apart_merge_as_added_files_do() {
    let today = d("2025-06-15");
    for course in [Some(COURSE), Some("another"), None] {
        for table_only in [false, true] {
            let fresh = || {
                let roster = Roster::new();
                if table_only {
                    roster.for_table_only()
                } else {
                    roster
                }
            };
            let (mut one_step, mut prepared) = (fresh(), fresh());
            let intake = prepared.intake(today);
            for (name, bytes) in files() {
                let expected = merged(one_step.add_file(&name, &bytes, course, today));
                let ready = intake.file(&bytes, course);
                assert_eq!(prepared.add_prepared(|| name.clone(), ready), expected);
            }
            assert_eq!(prepared.rows(today), one_step.rows(today));
            assert_eq!(prepared.to_json(), one_step.to_json());
            assert_eq!(prepared.rejected(), one_step.rejected());
            assert_eq!(prepared.len(), one_step.len());
        }
    }
}

/// People whose rows order on every tie the sort has: the same name for different people,
/// names alike in their first sixteen bytes, a name ending in NUL next to the same name
/// without it, case and accents, employee numbers alike in their first sixteen bytes, and
/// person keys that differ only by a trailing NUL.
fn tied_people() -> Vec<CompletionRecord> {
    let people: [(&str, &str, &str); 22] = [
        ("Anna Berg", "1", "IT"),
        ("Anna Berg", "2", "IT"),
        ("anna berg", "", "IT"),
        ("Anna Berg", "", "it "),
        ("Anna Bergström-Lindqvist", "3", ""),
        ("Anna Bergström-Lindgren", "4", ""),
        ("Anna Berg\u{0}", "5", ""),
        ("Anna Berg\u{0}\u{0}", "6", ""),
        ("Änna Berg", "7", ""),
        ("Ånna Berg", "8", ""),
        ("Émile", "90000000000000000001", ""),
        ("Émile", "90000000000000000002", ""),
        ("Emile", "9000000000000000000", ""),
        ("A", "10", ""),
        ("Cecilia", "11\u{0}", ""),
        ("Cecilia", "11", ""),
        ("Doris", "12", ""),
        ("Doris", "12\u{0}", ""),
        ("Erik", "13\u{0}", ""),
        ("Erik", "13", ""),
        ("Fia", "14", ""),
        ("Fia", "14\u{0}", ""),
    ];
    people
        .iter()
        .enumerate()
        .map(|(i, (name, emp, unit))| {
            let mut r = cert(u32::try_from(i).unwrap());
            r.learner.full_name = (*name).into();
            r.learner.employee_number = (*emp).into();
            r.learner.unit = (*unit).into();
            r.certificate_id = format!("TRG-{i:012}");
            r.verification_code = trygg_core::certificate::compute_code(&r);
            r
        })
        .collect()
}

#[test]
fn rows_come_in_name_order_whatever_ties_the_names_have() {
    let today = d("2025-06-15");
    let people = tied_people();
    for table_only in [false, true] {
        let mut roster = Roster::new();
        if table_only {
            roster = roster.for_table_only();
        }
        // In reverse, so the order of the files cannot be the order of the rows.
        for (i, r) in people.iter().enumerate().rev() {
            let outcome = roster.add_file(
                &format!("{i}.json"),
                &serde_json::to_vec(r).unwrap(),
                None,
                today,
            );
            assert!(
                matches!(outcome, ImportOutcome::Accepted(_)),
                "{i}: {outcome:?}"
            );
        }
        let rows = roster.rows(today);
        // "Anna Berg" with no number in IT and in "it " are one person, by name and unit.
        assert_eq!(rows.len(), people.len() - 1);
        let mut sorted = rows.clone();
        sorted.reverse();
        sort_rows(&mut sorted, SortKey::Name, false);
        assert_eq!(rows, sorted, "table only: {table_only}");
        assert_eq!(roster.clone().into_rows(today), rows);
        let mut one_by_one = Vec::new();
        roster.each_row(today, |row| one_by_one.push(row));
        assert_eq!(one_by_one, rows);
    }
}

#[test]
fn the_fast_read_refuses_what_read_record_refuses() {
    for (name, bytes) in files() {
        let checked = Checked::file(&bytes, DEFAULT_MAX_BYTES, None);
        match read_record(&bytes, DEFAULT_MAX_BYTES) {
            Err(reason) => assert_eq!(checked, Checked::Refused(reason), "{name}"),
            Ok(record) => match checked {
                Checked::Verified(r) | Checked::Tampered(r, _) => assert_eq!(r, record, "{name}"),
                Checked::Refused(reason) => panic!("{name} refused: {reason}"),
            },
        }
    }
}

#[test]
fn a_table_only_roster_has_the_same_rows_and_gives_no_records() {
    let today = d("2025-06-15");
    let mut whole = Roster::new();
    let mut table = Roster::new().for_table_only();
    for (name, bytes) in files() {
        let a = whole.add_file(&name, &bytes, Some(COURSE), today);
        let b = table.add_file(&name, &bytes, Some(COURSE), today);
        assert_eq!(a, b, "{name}");
    }
    assert_eq!(table.rows(today), whole.rows(today));
    assert_eq!(table.summary(today), whole.summary(today));
    assert_eq!(table.len(), whole.len());
    assert_eq!(
        table.current_content_version(),
        whole.current_content_version()
    );
    assert_eq!(table.records().count(), 0);
    assert_eq!(table.to_json(), "[]");
    assert!(whole.records().count() > 30);
    assert_eq!(table.clone().into_rows(today), whole.rows(today));
    for roster in [&whole, &table, &Roster::new()] {
        let mut streamed = Vec::new();
        roster.write_json(&mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), roster.to_json());
    }
    assert_eq!(whole.clone().into_rows(today), whole.rows(today));
}

#[test]
fn streamed_csv_is_the_csv_and_sorting_moves_whole_rows() {
    let today = d("2025-06-15");
    let mut roster = Roster::new();
    for (name, bytes) in files() {
        if let ImportOutcome::Rejected { .. } = roster.add_file(&name, &bytes, None, today) {}
    }
    let rows = roster.rows(today);
    for (sep, code) in [(';', "sv"), (',', "en"), ('"', "en")] {
        let csv_words = CsvWords::from_words(&words(code));
        let mut streamed = Vec::new();
        write_csv_in(&rows, sep, &csv_words, &mut streamed).unwrap();
        let csv = to_csv_in(&rows, sep, &csv_words);
        assert_eq!(String::from_utf8(streamed).unwrap(), csv);
        // Row by row as the roster makes them, counted as they go, keeping none.
        let mut writer = CsvWriter::new(Vec::new(), sep, csv_words).unwrap();
        let mut counts = Summary::default();
        roster.clone().into_each_row(today, |row| {
            writer.row(&row).unwrap();
            counts.count(&row);
        });
        assert_eq!(String::from_utf8(writer.into_inner()).unwrap(), csv);
        assert_eq!(counts, summarise(&rows));
    }
    // Sorting permutes rows in place: the same rows, each whole, in the key's order.
    for key in [SortKey::CompletedOn, SortKey::Unit, SortKey::EmployeeNumber] {
        let mut sorted = rows.clone();
        sort_rows(&mut sorted, key, true);
        let mut by_key: Vec<_> = sorted.iter().map(|r| r.person_key.clone()).collect();
        by_key.sort();
        let mut all: Vec<_> = rows.iter().map(|r| r.person_key.clone()).collect();
        all.sort();
        assert_eq!(by_key, all);
        for row in &sorted {
            assert!(rows.contains(row));
        }
        if key == SortKey::CompletedOn {
            assert!(sorted
                .windows(2)
                .all(|w| w[0].completed_on >= w[1].completed_on));
        }
    }
}
