mod content_support;
mod roster_support;

use content_support::words;
use roster_support::{cert, d, COURSE};
use trygg_core::certificate::{compute_code, CompletionRecord, VerifyError};
use trygg_core::content::Role;
use trygg_core::roster::{
    sort_rows, sorted_order, summarise, Filter, ImportOutcome, Roster, RowNote, SortKey, Status,
};

fn bytes(r: &CompletionRecord) -> Vec<u8> {
    serde_json::to_vec_pretty(r).unwrap()
}

const TODAY: &str = "2025-06-15";

fn add(roster: &mut Roster, name: &str, r: &CompletionRecord) -> ImportOutcome {
    roster.add_file(name, &bytes(r), Some(COURSE), d(TODAY))
}

#[test]
fn status_boundaries_follow_the_renewal_window() {
    let today = d("2025-06-15");
    assert_eq!(Status::of(d("2025-06-14"), today), Status::Expired);
    assert_eq!(Status::of(d("2025-06-15"), today), Status::RenewalDue);
    // Exactly 30 days left is due, as on the learner's side and in the calendar reminder.
    assert_eq!(Status::of(d("2025-07-15"), today), Status::RenewalDue);
    assert_eq!(Status::of(d("2025-07-16"), today), Status::Valid);
    assert_eq!(Status::of(d("2026-01-01"), today), Status::Valid);
    // Across a leap day: 2024-02-29 + 30 days window.
    assert_eq!(Status::of(d("2024-03-31"), d("2024-02-29")), Status::Valid);
    assert_eq!(
        Status::of(d("2024-03-30"), d("2024-02-29")),
        Status::RenewalDue
    );
    let (sv, en) = (words("sv"), words("en"));
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
        // Each status has its own name in each language, as the table and the CSV show it.
        let key = format!("manager.status.{}", s.key());
        assert!(sv.contains(&key) && en.contains(&key), "{key}");
        assert_ne!(sv.t(&key), en.t(&key));
    }
}

#[test]
fn duplicates_merge_and_renewals_become_current() {
    let mut roster = Roster::new();
    let old = cert(
        "Anna Berg",
        "1001",
        "IT",
        Role::Employee,
        "2024-03-01",
        "2025.1",
    );
    let new = cert(
        "Anna Berg",
        "1001",
        "IT",
        Role::Manager,
        "2025-03-01",
        "2025.1",
    );
    assert_eq!(
        add(&mut roster, "a.json", &old),
        ImportOutcome::Accepted(old.clone())
    );
    assert_eq!(
        add(&mut roster, "copy/a.json", &old),
        ImportOutcome::Duplicate {
            file_name: "copy/a.json".into(),
            certificate_id: old.certificate_id.clone()
        }
    );
    assert_eq!(
        add(&mut roster, "b.json", &new),
        ImportOutcome::Accepted(new.clone())
    );
    assert_eq!(roster.len(), 2);
    let rows = roster.rows(d(TODAY));
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.certificate_id, new.certificate_id);
    assert_eq!(row.role, Role::Manager);
    assert_eq!(row.completed_on, d("2025-03-01"));
    assert_eq!(row.valid_until, d("2026-03-01"));
    assert_eq!(row.status, Status::Valid);
    assert_eq!(row.certificates, 2);
    assert!(row.notes.is_empty());
    // Import order does not matter.
    let mut reversed = Roster::new();
    add(&mut reversed, "b.json", &new);
    add(&mut reversed, "a.json", &old);
    assert_eq!(reversed.rows(d(TODAY)), rows);
}

#[test]
fn people_are_grouped_by_employee_number_else_name_and_unit() {
    let mut roster = Roster::new();
    let records = [
        cert("Anna Berg", "1001", "IT", Role::Employee, "2024-07-01", "v"),
        cert(
            "Anna  BERG",
            " 1001 ",
            "HR",
            Role::Employee,
            "2024-08-01",
            "v",
        ),
        cert("Anna Berg", "", "IT", Role::Employee, "2024-07-02", "v"),
        cert("anna berg ", "", " it", Role::Employee, "2024-07-03", "v"),
        cert("Anna Berg", "", "HR", Role::Employee, "2024-07-04", "v"),
    ];
    for (i, r) in records.iter().enumerate() {
        assert!(matches!(
            add(&mut roster, &format!("{i}.json"), r),
            ImportOutcome::Accepted(_)
        ));
    }
    let rows = roster.rows(d(TODAY));
    assert_eq!(rows.len(), 3, "{rows:#?}");
    let by_number = rows
        .iter()
        .find(|r| r.employee_number.trim() == "1001")
        .unwrap();
    assert_eq!(by_number.certificates, 2);
    assert_eq!(by_number.unit, "HR", "newest completion is current");
    let by_name: Vec<_> = rows
        .iter()
        .filter(|r| r.employee_number.is_empty())
        .collect();
    assert_eq!(by_name.len(), 2);
    assert!(by_name
        .iter()
        .any(|r| r.certificates == 2 && r.completed_on == d("2024-07-03")));
}

#[test]
fn rejected_files_are_reported_with_reasons() {
    let mut roster = Roster::new();
    let today = d(TODAY);
    let outcome = roster.add_file("notes.txt", b"hello", Some(COURSE), today);
    assert!(
        matches!(outcome, ImportOutcome::Rejected { ref file_name, reason: VerifyError::NotJson { .. } } if file_name == "notes.txt")
    );
    let outcome = roster.add_file("empty.json", b"", Some(COURSE), today);
    assert!(matches!(
        outcome,
        ImportOutcome::Rejected {
            reason: VerifyError::Empty,
            ..
        }
    ));

    let mut other = cert("Eva", "", "", Role::Employee, "2025-01-01", "v");
    other.course_id = "other".into();
    other.verification_code = compute_code(&other);
    let outcome = roster.add_file("other.json", &bytes(&other), Some(COURSE), today);
    assert!(matches!(
        outcome,
        ImportOutcome::Rejected {
            reason: VerifyError::WrongCourse { .. },
            ..
        }
    ));
    // Without a course filter the same file is welcome.
    let outcome = roster.add_file("other.json", &bytes(&other), None, today);
    assert!(matches!(outcome, ImportOutcome::Accepted(_)));

    let big = Roster::new()
        .with_max_bytes(10)
        .add_file("big.json", &bytes(&other), None, today);
    assert!(matches!(
        big,
        ImportOutcome::Rejected {
            reason: VerifyError::TooLarge { .. },
            ..
        }
    ));

    assert_eq!(roster.rejected().len(), 3);
    assert_eq!(roster.rejected()[0].0, "notes.txt");
    let summary = roster.summary(today);
    assert_eq!(summary.rejected_files, 3);
    assert_eq!(summary.certificates, 1);
}

#[test]
fn edited_files_flag_the_person() {
    let mut roster = Roster::new();
    let genuine = cert(
        "Olle Ödman",
        "42",
        "Akuten",
        Role::Employee,
        "2024-01-10",
        "v",
    );
    let mut edited = genuine.clone();
    edited.valid_until = d("2030-01-10");
    let outcome = add(&mut roster, "edited.json", &edited);
    assert!(matches!(
        outcome,
        ImportOutcome::Rejected {
            reason: VerifyError::CodeMismatch { .. },
            ..
        }
    ));
    // The edited file alone shows as a flagged row, not as a valid certificate.
    assert_eq!(roster.len(), 0);
    let rows = roster.rows(d(TODAY));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, Status::Flagged);
    assert_eq!(rows[0].flagged_files, vec!["edited.json".to_owned()]);
    assert_eq!(rows[0].certificates, 0);
    // The genuine file arriving later becomes the record, but the flag stays.
    assert!(matches!(
        add(&mut roster, "genuine.json", &genuine),
        ImportOutcome::Accepted(_)
    ));
    assert_eq!(roster.len(), 1);
    let rows = roster.rows(d(TODAY));
    assert_eq!(rows[0].valid_until, d("2025-01-10"));
    assert_eq!(rows[0].status, Status::Flagged);
    assert_eq!(rows[0].certificates, 1);
    let summary = roster.summary(d(TODAY));
    assert_eq!(summary.total.flagged, 1);
    assert_eq!(summary.total.people, 1);
    // A flagged copy never appears in the JSON export.
    let exported: Vec<CompletionRecord> = serde_json::from_str(&roster.to_json()).unwrap();
    assert_eq!(exported, vec![genuine]);
}

#[test]
fn other_content_versions_and_future_dates_are_noted_not_flagged() {
    let mut roster = Roster::new().with_content_version("2025.2");
    add(
        &mut roster,
        "a",
        &cert("A Person", "1", "U", Role::Employee, "2025-05-01", "2025.1"),
    );
    add(
        &mut roster,
        "b",
        &cert("B Person", "2", "U", Role::Employee, "2025-05-02", "2025.2"),
    );
    add(
        &mut roster,
        "c",
        &cert("C Person", "3", "U", Role::Employee, "2025-07-01", "2025.2"),
    );
    let rows = roster.rows(d(TODAY));
    assert_eq!(
        rows[0].notes,
        vec![RowNote::OtherContentVersion {
            found: "2025.1".into(),
            current: "2025.2".into()
        }]
    );
    assert_eq!(rows[0].status, Status::Valid);
    assert!(rows[1].notes.is_empty());
    assert_eq!(rows[2].notes, vec![RowNote::CompletedInFuture]);
    // A learner east of the manager is a day ahead of them at night: tomorrow is not noted,
    // the day after is.
    let mut roster = Roster::new();
    let tomorrow = cert("D Person", "4", "U", Role::Employee, "2025-06-16", "2025.2");
    let later = cert("E Person", "5", "U", Role::Employee, "2025-06-17", "2025.2");
    add(&mut roster, "d", &tomorrow);
    add(&mut roster, "e", &later);
    let rows = roster.rows(d(TODAY));
    assert!(rows[0].notes.is_empty(), "{:?}", rows[0].notes);
    assert_eq!(rows[1].notes, vec![RowNote::CompletedInFuture]);
    // Without a set version, the most recently issued certificate's counts as current.
    let mut roster = Roster::new();
    add(
        &mut roster,
        "a",
        &cert("A Person", "1", "U", Role::Employee, "2025-05-01", "2025.1"),
    );
    add(
        &mut roster,
        "b",
        &cert("B Person", "2", "U", Role::Employee, "2025-05-02", "2025.2"),
    );
    assert_eq!(roster.current_content_version(), Some("2025.2"));
    assert_eq!(roster.rows(d(TODAY))[0].notes.len(), 1);
}

fn team() -> Roster {
    let mut roster = Roster::new();
    let people = [
        ("Örjan Ek", "5", "Akuten", Role::Employee, "2024-05-01"), // expired
        ("Åsa Ek", "3", "Akuten", Role::Manager, "2024-07-01"),    // due (until 2025-07-01)
        ("Ängel Ek", "10", "IT", Role::Employee, "2025-01-01"),    // valid
        ("Zed Ek", "900", "IT", Role::Elected, "2025-02-01"),      // valid
        ("anders Ek", "", "", Role::Employee, "2024-06-10"),       // expired
    ];
    for (i, (name, emp, unit, role, date)) in people.into_iter().enumerate() {
        add(
            &mut roster,
            &format!("{i}.json"),
            &cert(name, emp, unit, role, date, "v"),
        );
    }
    roster
}

#[test]
fn rows_sort_with_swedish_letters_last() {
    let rows = team().rows(d(TODAY));
    let names: Vec<&str> = rows.iter().map(|r| r.full_name.as_str()).collect();
    assert_eq!(
        names,
        ["anders Ek", "Zed Ek", "Åsa Ek", "Ängel Ek", "Örjan Ek"]
    );
    let mut rows = rows;
    sort_rows(&mut rows, SortKey::EmployeeNumber, false);
    let nums: Vec<&str> = rows.iter().map(|r| r.employee_number.as_str()).collect();
    assert_eq!(nums, ["3", "5", "10", "900", ""]);
    sort_rows(&mut rows, SortKey::ValidUntil, true);
    assert_eq!(rows[0].full_name, "Zed Ek");
    sort_rows(&mut rows, SortKey::Status, false);
    let statuses: Vec<Status> = rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Valid,
            Status::Valid,
            Status::RenewalDue,
            Status::Expired,
            Status::Expired
        ]
    );
    assert_eq!(rows[3].full_name, "anders Ek", "ties fall back to name");
    sort_rows(&mut rows, SortKey::Unit, false);
    assert_eq!(rows[0].unit, "");
    sort_rows(&mut rows, SortKey::Role, false);
    assert_eq!(rows[4].role, Role::Elected);
    sort_rows(&mut rows, SortKey::CompletedOn, false);
    assert_eq!(rows[0].full_name, "Örjan Ek");
}

#[test]
fn sorted_order_is_the_order_sort_rows_gives_and_moves_nothing() {
    let rows = team().rows(d(TODAY));
    let keys = [
        SortKey::Name,
        SortKey::EmployeeNumber,
        SortKey::Unit,
        SortKey::Role,
        SortKey::CompletedOn,
        SortKey::ValidUntil,
        SortKey::Status,
    ];
    for key in keys {
        for descending in [false, true] {
            let before = rows.clone();
            let order = sorted_order(&rows, key, descending);
            assert_eq!(rows, before, "the rows stay where they are");
            let mut sorted = rows.clone();
            sort_rows(&mut sorted, key, descending);
            let by_index: Vec<_> = order.iter().map(|&i| rows[i].clone()).collect();
            assert_eq!(by_index, sorted, "{key:?} descending={descending}");
        }
    }
}

#[test]
fn filters_combine_and_search_ignores_case_and_marks() {
    let rows = team().rows(d(TODAY));
    let names = |f: &Filter| -> Vec<String> {
        f.apply(&rows).iter().map(|r| r.full_name.clone()).collect()
    };
    assert_eq!(names(&Filter::default()).len(), 5);
    let it = Filter {
        unit: Some(" it ".into()),
        ..Filter::default()
    };
    assert_eq!(names(&it), ["Zed Ek", "Ängel Ek"]);
    let expired = Filter {
        status: Some(Status::Expired),
        ..Filter::default()
    };
    assert_eq!(names(&expired), ["anders Ek", "Örjan Ek"]);
    let managers = Filter {
        role: Some(Role::Manager),
        ..Filter::default()
    };
    assert_eq!(names(&managers), ["Åsa Ek"]);
    let search = Filter {
        search: "  ÅSA   ek ".into(),
        ..Filter::default()
    };
    assert_eq!(names(&search), ["Åsa Ek"]);
    let by_cert = Filter {
        search: rows[0].certificate_id.to_lowercase(),
        ..Filter::default()
    };
    assert_eq!(names(&by_cert), ["anders Ek"]);
    // Typed without the marks a keyboard may lack, a name is still found; a mark typed is
    // kept ("zéd" is not "Zed").
    let typed = |search: &str| {
        names(&Filter {
            search: search.into(),
            ..Filter::default()
        })
    };
    assert_eq!(typed("orjan"), ["Örjan Ek"]);
    assert_eq!(typed("angel EK"), ["Ängel Ek"]);
    assert_eq!(typed("örjan"), ["Örjan Ek"]);
    assert!(typed("zéd").is_empty());
    let none = Filter {
        unit: Some("IT".into()),
        status: Some(Status::Expired),
        ..Filter::default()
    };
    assert!(names(&none).is_empty());
}

#[test]
fn summary_counts_per_status_and_unit() {
    let roster = team();
    let summary = roster.summary(d(TODAY));
    assert_eq!(summary.total.people, 5);
    assert_eq!(summary.total.valid, 2);
    assert_eq!(summary.total.renewal_due, 1);
    assert_eq!(summary.total.expired, 2);
    assert_eq!(summary.total.flagged, 0);
    assert_eq!(summary.certificates, 5);
    let akuten = summary.per_unit["Akuten"];
    assert_eq!(
        (akuten.people, akuten.expired, akuten.renewal_due),
        (2, 1, 1)
    );
    assert_eq!(summary.per_unit["IT"].get(Status::Valid), 2);
    assert_eq!(summary.per_unit[""].get(Status::Expired), 1);
    // Summaries of a filtered view.
    let rows = roster.rows(d(TODAY));
    let filtered = Filter {
        unit: Some("IT".into()),
        ..Filter::default()
    }
    .apply(&rows);
    assert_eq!(summarise(filtered).total.people, 2);
}

#[test]
fn json_export_round_trips_and_verifies() {
    let roster = team();
    let json = roster.to_json();
    let values: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(values.len(), 5);
    let mut again = Roster::new();
    for v in &values {
        let outcome = again.add_file("x", &serde_json::to_vec(v).unwrap(), Some(COURSE), d(TODAY));
        assert!(matches!(outcome, ImportOutcome::Accepted(_)));
    }
    assert_eq!(again.rows(d(TODAY)), roster.rows(d(TODAY)));
}

#[test]
fn many_files_import_quickly() {
    let mut roster = Roster::new();
    let base = cert("Person", "", "Unit", Role::Employee, "2025-01-01", "v");
    let start = std::time::Instant::now();
    for i in 0..20_000u32 {
        let mut r = base.clone();
        r.learner.full_name = format!("Person {i}");
        r.learner.employee_number = (i % 15_000).to_string();
        r.certificate_id = format!("TRG-{i:012}");
        r.verification_code = compute_code(&r);
        let bytes = serde_json::to_vec(&r).unwrap();
        roster.add_file("f", &bytes, Some(COURSE), d(TODAY));
    }
    let rows = roster.rows(d(TODAY));
    assert_eq!(rows.len(), 15_000);
    assert_eq!(roster.len(), 20_000);
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

/// A roster of one employee's certificate per (name, employee number, completion date), all
/// in unit IT on content version "v", in files named by their place.
fn roster_of(files: &[(&str, &str, &str)]) -> Roster {
    let mut roster = Roster::new();
    for (i, &(name, emp, date)) in files.iter().enumerate() {
        let record = cert(name, emp, "IT", Role::Employee, date, "v");
        add(&mut roster, &format!("{i}.json"), &record);
    }
    roster
}

#[test]
fn rows_of_one_name_under_two_numbers_are_noted_and_kept_apart() {
    let roster = roster_of(&[
        ("Elin Sjöö", "00011", "2024-05-01"),
        // The renewal typed the number without its zeros: a second row, not a merge.
        ("elin  sjöö", "11", "2025-05-01"),
        ("Elina Sjöö", "12", "2025-05-01"),
        ("Ida Ek", "", "2025-05-01"),
        ("Ida Ek", "", "2025-05-02"),
        ("Zed Ek", "900", "2025-02-01"),
    ]);
    let noted = |rows: &[trygg_core::roster::Row]| -> Vec<(String, bool)> {
        rows.iter()
            .map(|r| {
                let same = r.notes.contains(&RowNote::SameNameAsAnother);
                (format!("{} {}", r.full_name, r.employee_number), same)
            })
            .collect()
    };
    let rows = roster.rows(d(TODAY));
    assert_eq!(
        noted(&rows),
        [
            ("elin  sjöö 11".to_string(), true),
            ("Elin Sjöö 00011".to_string(), true),
            ("Elina Sjöö 12".to_string(), false),
            // One name, no number, one unit: one person with a renewal, as before.
            ("Ida Ek ".to_string(), false),
            ("Zed Ek 900".to_string(), false),
        ]
    );
    // The streaming rows of `trygg roster` say the same.
    let mut streamed = Vec::new();
    roster.into_each_row(d(TODAY), |row| streamed.push(row));
    assert_eq!(noted(&streamed), noted(&rows));
}

#[test]
fn files_of_one_number_under_other_names_are_one_row_that_names_them() {
    let roster = roster_of(&[
        ("Anna Berg", "77", "2024-05-01"),
        // The renewal misspelt her name, and a third file spells it as the first did, in
        // other case and spacing: one other name, not two.
        ("Ana Berg", "77", "2025-05-01"),
        ("ANNA  BERG", "77", "2025-06-01"),
        ("Bo Ek", "78", "2024-05-01"),
        ("Bo Ek", "78", "2025-05-01"),
    ]);
    let notes = |rows: &[trygg_core::roster::Row]| -> Vec<(String, Vec<RowNote>)> {
        rows.iter()
            .map(|r| (r.full_name.clone(), r.notes.clone()))
            .collect()
    };
    let rows = roster.rows(d(TODAY));
    let expected = [
        (
            "ANNA  BERG".to_string(),
            vec![RowNote::OtherNamesOnFiles(vec!["Ana Berg".to_string()])],
        ),
        ("Bo Ek".to_string(), vec![]),
    ];
    assert_eq!(notes(&rows), expected);
    let mut streamed = Vec::new();
    roster.into_each_row(d(TODAY), |row| streamed.push(row));
    assert_eq!(notes(&streamed), expected);
}

#[test]
fn search_without_marks_reaches_vietnamese_and_romanian_names() {
    let mut roster = Roster::new();
    for (i, name) in ["Nguyễn Văn An", "Ștefan Țurcanu", "Anna Berg"]
        .iter()
        .enumerate()
    {
        let record = cert(
            name,
            &format!("{i}"),
            "IT",
            Role::Employee,
            "2025-01-01",
            "v",
        );
        add(&mut roster, &format!("{i}.json"), &record);
    }
    let rows = roster.rows(d(TODAY));
    let found = |search: &str| -> Vec<String> {
        let filter = Filter {
            search: search.into(),
            ..Filter::default()
        };
        filter
            .apply(&rows)
            .iter()
            .map(|r| r.full_name.clone())
            .collect()
    };
    assert_eq!(found("nguyen van"), ["Nguyễn Văn An"]);
    assert_eq!(found("stefan turcanu"), ["Ștefan Țurcanu"]);
}
