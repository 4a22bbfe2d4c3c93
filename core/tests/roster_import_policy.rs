//! The manager view's import policy (`roster::import`): what a file handed in becomes, what
//! is counted and stored for it, what a restore brings back, and how batches are sized.

mod content_support;
mod roster_support;

use content_support::{shipped_languages, shipped_words};
use roster_support::{d, COURSE};
use trygg_core::certificate::{CompletionRecord, VerifyError, DEFAULT_MAX_BYTES};
use trygg_core::content::Role;
use trygg_core::date::Date;
use trygg_core::roster::import::{
    batch_value, next_batch_size, stored_files, stored_without, too_large, Import, Progress,
    Received, Refusal, Report, StoredFile, BATCH_BYTES, BATCH_FILES,
};
use trygg_core::roster::Status;

const VERSION: &str = "2025.1";

fn today() -> Date {
    d("2025-06-15")
}

fn cert(name: &str, completed: &str) -> CompletionRecord {
    roster_support::cert(name, "", "IT", Role::Employee, completed, VERSION)
}

fn read(name: &str, bytes: Vec<u8>) -> Received {
    Received::Read {
        name: name.into(),
        bytes,
    }
}

fn json(record: &CompletionRecord) -> Vec<u8> {
    serde_json::to_vec(record).unwrap()
}

/// One refusal of every kind: the list the storage and the wording tests both go through.
fn every_refusal() -> Vec<Refusal> {
    vec![
        Refusal::Unreadable,
        Refusal::Verify(VerifyError::TooLarge {
            size: 5_000_000,
            max: DEFAULT_MAX_BYTES,
        }),
        Refusal::Verify(VerifyError::Empty),
        Refusal::Verify(VerifyError::NotJson { line: 3, column: 7 }),
        Refusal::Verify(VerifyError::NotCompletionFile),
        Refusal::Verify(VerifyError::UnknownVersion(2)),
        Refusal::Verify(VerifyError::Malformed("modules[0].percent: bad".into())),
        Refusal::Verify(VerifyError::WrongCourse {
            found: "annan".into(),
            expected: "trygg".into(),
        }),
        Refusal::Verify(VerifyError::CodeMismatch {
            expected: "AAAA".into(),
            found: "BBBB".into(),
        }),
    ]
}

/// Which of [`every_refusal`]'s entries `refusal` is. Exhaustive, so a new kind of refusal
/// does not compile until it is added here, and then fails until it is in the list.
fn kind(refusal: &Refusal) -> usize {
    match refusal {
        Refusal::Unreadable => 0,
        Refusal::Verify(e) => match e {
            VerifyError::TooLarge { .. } => 1,
            VerifyError::Empty => 2,
            VerifyError::NotJson { .. } => 3,
            VerifyError::NotCompletionFile => 4,
            VerifyError::UnknownVersion(_) => 5,
            VerifyError::Malformed(_) => 6,
            VerifyError::WrongCourse { .. } => 7,
            VerifyError::CodeMismatch { .. } => 8,
        },
    }
}

/// What a later visit restores from `stored`, through the stored value.
fn restore(stored: &[StoredFile]) -> Import {
    let values: Vec<String> = batch_value(stored).into_iter().collect();
    let files = stored_files(&values);
    let mut import = Import::new(COURSE, VERSION);
    import.restoring(files.len());
    let batch = files.into_iter().map(Received::Stored).collect();
    assert!(
        import.check(batch, today()).is_empty(),
        "restored files are stored already"
    );
    assert!(!import.finish(), "a restore reports nothing");
    import
}

#[test]
fn the_refusal_list_has_every_kind_once() {
    let kinds: Vec<usize> = every_refusal().iter().map(kind).collect();
    assert_eq!(kinds, (0..=8).collect::<Vec<_>>());
}

#[test]
fn every_refusal_survives_storage() {
    for refusal in every_refusal() {
        let mut import = Import::new(COURSE, VERSION);
        import.queued(1);
        let stored = import.check(
            vec![Received::Refused {
                name: "x.json".into(),
                reason: refusal.clone(),
            }],
            today(),
        );
        let restored = restore(&stored);
        assert_eq!(restored.refused().len(), 1);
        assert_eq!(restored.refused()[0].file_name, "x.json");
        assert_eq!(restored.refused()[0].reason, refusal);
    }
}

#[test]
fn every_refusal_is_worded_in_every_shipped_language() {
    let languages = shipped_languages();
    assert!(languages.len() >= 2, "the shipped languages are found");
    let all = every_refusal();
    for lang in languages {
        let words = shipped_words(lang);
        for refusal in &all {
            let text = refusal.in_words(&words);
            // An untranslated key comes back as the key itself.
            assert!(
                !text.contains("reason."),
                "{lang:?}: {refusal:?} untranslated"
            );
            assert!(
                !text.contains('{'),
                "{lang:?}: {text} has an unfilled placeholder"
            );
        }
        // Sizes in kilobytes rounded up (5,000,000 bytes is 4882.8 kB), and the other course
        // by its id.
        assert!(all[1].in_words(&words).contains("4883"), "{lang:?}");
        assert!(all[7].in_words(&words).contains("annan"), "{lang:?}");
    }
}

#[test]
fn an_import_counts_each_file_and_stores_a_record_or_a_reason() {
    let anna = cert("Anna Berg", "2025-03-01");
    let mut edited = cert("Bo Ek", "2025-03-01");
    edited.valid_until = d("2030-01-01");
    let mut import = Import::new(COURSE, VERSION);
    import.queued(5);
    assert_eq!(
        import.progress(),
        Some(Progress {
            done: 0,
            total: 5,
            restoring: false
        })
    );
    let stored = import.check(
        vec![
            read("anna.json", json(&anna)),
            read("kopia.json", json(&anna)),
            read("bo.json", json(&edited)),
            read("tom.json", Vec::new()),
            Received::Refused {
                name: "borta.json".into(),
                reason: Refusal::Unreadable,
            },
        ],
        today(),
    );
    assert_eq!(import.progress().map(|p| p.done), Some(5));
    // The duplicate is merged and not stored again; the others are, in order.
    let names: Vec<&str> = stored.iter().map(StoredFile::name).collect();
    assert_eq!(names, ["anna.json", "bo.json", "tom.json", "borta.json"]);
    assert_eq!(import.report(), None, "no report before the run ends");
    assert!(import.finish(), "an import reports");
    assert_eq!(import.progress(), None);
    assert_eq!(
        import.report(),
        Some(Report {
            files: 5,
            accepted: 1,
            duplicates: 1,
            refused: 3,
            edited: 1,
        })
    );
    let refused: Vec<&str> = import
        .refused()
        .iter()
        .map(|r| r.file_name.as_str())
        .collect();
    assert_eq!(refused, ["bo.json", "tom.json", "borta.json"]);

    // A later visit sees the same roster: the edited file is stored as its record, so its
    // person is flagged again rather than only listed as refused.
    let restored = restore(&stored);
    assert_eq!(
        restored.roster().rows(today()),
        import.roster().rows(today())
    );
    let statuses: Vec<Status> = restored
        .roster()
        .rows(today())
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [Status::Valid, Status::Flagged]);
    assert_eq!(restored.refused(), import.refused());
    assert_eq!(restored.report(), None);
}

#[test]
fn another_courses_file_is_refused_with_its_course() {
    let anna = cert("Anna Berg", "2025-03-01");
    let mut import = Import::new("annan-kurs", VERSION);
    import.queued(1);
    import.check(vec![read("a.json", json(&anna))], today());
    assert!(matches!(
        &import.refused()[0].reason,
        Refusal::Verify(VerifyError::WrongCourse { found, .. }) if found == COURSE
    ));
    assert!(import.roster().is_empty());
}

#[test]
fn files_handed_in_during_a_restore_make_the_run_an_import() {
    let mut import = Import::new(COURSE, VERSION);
    import.restoring(3);
    assert_eq!(import.progress().map(|p| p.restoring), Some(true));
    import.queued(2);
    assert_eq!(
        import.progress(),
        Some(Progress {
            done: 0,
            total: 5,
            restoring: false
        })
    );
    assert!(import.finish());
    assert_eq!(import.report(), Some(Report::default()));
    // Nothing stored means no restore, and no progress.
    import.restoring(0);
    assert_eq!(import.progress(), None);
}

#[test]
fn a_new_run_counts_from_zero_and_more_files_join_a_running_one() {
    let anna = cert("Anna Berg", "2025-03-01");
    let mut import = Import::new(COURSE, VERSION);
    import.queued(1);
    import.check(vec![read("a.json", json(&anna))], today());
    import.queued(1);
    assert_eq!(import.progress().map(|p| (p.done, p.total)), Some((1, 2)));
    import.check(vec![read("b.json", Vec::new())], today());
    import.finish();
    assert_eq!(import.report().map(|r| (r.files, r.accepted)), Some((2, 1)));
    import.queued(1);
    import.check(vec![read("c.json", Vec::new())], today());
    import.finish();
    assert_eq!(import.report().map(|r| (r.files, r.accepted)), Some((1, 0)));
}

#[test]
fn clearing_forgets_the_roster_the_refused_files_and_the_report() {
    let mut import = Import::new(COURSE, VERSION);
    import.queued(2);
    let anna = cert("Anna Berg", "2025-03-01");
    import.check(
        vec![read("a.json", json(&anna)), read("b.json", Vec::new())],
        today(),
    );
    import.finish();
    import.clear();
    assert!(import.roster().is_empty());
    assert!(import.refused().is_empty());
    assert_eq!(import.report(), None);
    // Still the same course afterwards.
    assert_eq!(import.course_id(), COURSE);
    import.queued(1);
    import.check(vec![read("a.json", json(&anna))], today());
    assert_eq!(import.roster().len(), 1);
}

#[test]
fn stored_values_that_no_longer_parse_are_skipped() {
    let anna = cert("Anna Berg", "2025-03-01");
    let mut import = Import::new(COURSE, VERSION);
    import.queued(1);
    let stored = import.check(vec![read("a.json", json(&anna))], today());
    let good = batch_value(&stored).expect("a value to store");
    let files = stored_files(&["{damaged".to_owned(), good, "[]".to_owned()]);
    assert_eq!(files, stored);
    assert_eq!(batch_value(&[]), None, "an empty batch stores nothing");
}

#[test]
fn batches_shrink_after_large_files_and_never_grow_past_the_limit() {
    assert_eq!(next_batch_size(0), BATCH_FILES);
    assert_eq!(next_batch_size(BATCH_BYTES), BATCH_FILES);
    assert_eq!(next_batch_size(BATCH_BYTES * 2), BATCH_FILES / 2);
    assert_eq!(next_batch_size(BATCH_BYTES * 10), BATCH_FILES / 10);
    assert_eq!(
        next_batch_size(usize::MAX),
        4,
        "always a few files per batch"
    );
    for bytes in [1, BATCH_BYTES + 1, BATCH_BYTES * 3, BATCH_BYTES * 1000] {
        let size = next_batch_size(bytes);
        assert!((4..=BATCH_FILES).contains(&size), "{bytes}: {size}");
    }
}

#[test]
fn a_file_over_the_limit_is_refused_unread() {
    assert_eq!(too_large(DEFAULT_MAX_BYTES), None);
    assert_eq!(
        too_large(DEFAULT_MAX_BYTES + 1),
        Some(Refusal::Verify(VerifyError::TooLarge {
            size: DEFAULT_MAX_BYTES + 1,
            max: DEFAULT_MAX_BYTES,
        }))
    );
}

#[test]
fn an_export_imported_again_gives_back_each_record_stored_as_a_file_of_its_own() {
    let (anna, bo) = (cert("Anna Berg", "2025-03-01"), cert("Bo Ek", "2025-04-01"));
    let mut first = Import::new(COURSE, VERSION);
    first.check(
        vec![read("anna.json", json(&anna)), read("bo.json", json(&bo))],
        today(),
    );
    let export = first.roster().to_json();

    let mut again = Import::new(COURSE, VERSION);
    again.queued(1);
    let stored = again.check(vec![read("roster.json", export.into_bytes())], today());
    assert!(again.finish());
    assert_eq!(
        again.report(),
        Some(Report {
            files: 1,
            accepted: 2,
            ..Report::default()
        })
    );
    assert_eq!(again.roster().len(), 2);
    let names: Vec<&str> = stored.iter().map(StoredFile::name).collect();
    assert_eq!(names, ["roster.json #1", "roster.json #2"]);
    // A reload restores them as it does any stored file.
    let mut reloaded = Import::new(COURSE, VERSION);
    reloaded.check(stored.into_iter().map(Received::Stored).collect(), today());
    assert_eq!(reloaded.roster().len(), 2);
    assert!(reloaded.refused().is_empty());
}

#[test]
fn only_an_array_of_records_is_an_export() {
    use trygg_core::roster::export_members;
    assert_eq!(
        export_members(b"  [ {\"a\": 1}, {} ]\n").map(|m| m.len()),
        Some(2)
    );
    assert_eq!(export_members(b"[]").map(|m| m.len()), Some(0));
    for not_an_export in [&b"{}"[..], b"[1, 2]", b"[{}", b"%PDF-1.7", b""] {
        assert_eq!(export_members(not_an_export), None);
    }
    // Anything else is read as one file and refused as usual.
    let mut import = Import::new(COURSE, VERSION);
    import.check(vec![read("tal.json", b"[1, 2]".to_vec())], today());
    assert_eq!(import.refused().len(), 1);
}

#[test]
fn the_same_refused_file_handed_in_again_is_listed_and_stored_once() {
    let mut edited = cert("Bo Ek", "2025-03-01");
    edited.valid_until = d("2030-01-01");
    let batch = || {
        vec![
            read("tom.json", Vec::new()),
            read("bo.json", json(&edited)),
            Received::Refused {
                name: "borta.json".into(),
                reason: Refusal::Unreadable,
            },
        ]
    };
    let mut import = Import::new(COURSE, VERSION);
    let first = import.check(batch(), today());
    assert_eq!(first.len(), 3);
    import.queued(4);
    let again = import.check(batch(), today());
    assert!(again.is_empty(), "nothing stored twice");
    // Another file of the same name with another fault is another refusal.
    let other = import.check(vec![read("tom.json", b"{".to_vec())], today());
    assert_eq!(other.len(), 1);
    assert!(import.finish());
    let names: Vec<&str> = import
        .refused()
        .iter()
        .map(|r| r.file_name.as_str())
        .collect();
    assert_eq!(names, ["tom.json", "bo.json", "borta.json", "tom.json"]);
    // This run's own count still says what became of each file it was given.
    assert_eq!(import.report().map(|r| (r.files, r.refused)), Some((4, 4)));
    let rows = import.roster().rows(today());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, Status::Flagged);
    assert_eq!(
        rows[0].flagged_files,
        ["bo.json"],
        "one edit, handed in twice"
    );
    // Stored copies of one refusal (from before this rule) come back as one.
    let mut reloaded = Import::new(COURSE, VERSION);
    let twice: Vec<StoredFile> = first.iter().chain(first.iter()).cloned().collect();
    reloaded.check(twice.into_iter().map(Received::Stored).collect(), today());
    assert_eq!(reloaded.refused().len(), 3);
}

#[test]
fn a_damaged_field_is_named_by_its_path_without_the_cores_english() {
    let malformed = |detail: &str| Refusal::Verify(VerifyError::Malformed(detail.into()));
    for lang in shipped_languages() {
        let words = shipped_words(lang);
        let empty_name = malformed("learner.full_name: empty").in_words(&words);
        assert!(empty_name.contains("learner.full_name"), "{empty_name}");
        assert!(!empty_name.contains("empty"), "{lang:?}: {empty_name}");
        let missing = malformed("missing field `schema_version`").in_words(&words);
        assert!(
            missing.contains("schema_version") && !missing.contains("missing"),
            "{missing}"
        );
        let nowhere = malformed("expected value").in_words(&words);
        assert!(
            !nowhere.contains("expected") && !nowhere.contains('{'),
            "{nowhere}"
        );
    }
}

#[test]
fn a_person_taken_out_leaves_the_roster_the_refused_list_and_the_stored_values() {
    let anna = cert("Anna Berg", "2024-03-01");
    let renewed = cert("Anna Berg", "2025-03-01");
    let mut edited = cert("Anna Berg", "2024-03-01");
    edited.valid_until = d("2030-01-01");
    let bo = cert("Bo Ek", "2025-03-01");
    let mut import = Import::new(COURSE, VERSION);
    import.queued(6);
    let stored = import.check(
        vec![
            read("anna.json", json(&anna)),
            read("anna-2025.json", json(&renewed)),
            read("anna-ändrad.json", json(&edited)),
            read("bo.json", json(&bo)),
            // Refused for another reason, under a name an edited file of hers also had: it
            // stays.
            read("tom.json", Vec::new()),
            read("anna-ändrad.json", Vec::new()),
        ],
        today(),
    );
    import.finish();
    let values: Vec<String> = stored.chunks(2).filter_map(batch_value).collect();
    let rows = import.roster().rows(today());
    let anna_row = rows.iter().find(|r| r.full_name == "Anna Berg").unwrap();
    assert_eq!(anna_row.status, Status::Flagged);
    assert!(import.report().is_some());
    // Taking out someone who is not there keeps the import's report.
    assert_eq!(import.remove_person("no one").certificates.len(), 0);
    assert!(import.report().is_some());

    let removed = import.remove_person(&anna_row.person_key);
    assert_eq!(
        import.report(),
        None,
        "the import's counts no longer describe the list"
    );
    assert_eq!(removed.certificates.len(), 2, "{removed:?}");
    assert_eq!(removed.edited_files, ["anna-ändrad.json"]);
    let names = |import: &Import| -> Vec<String> {
        let rows = import.roster().rows(today());
        rows.iter().map(|r| r.full_name.clone()).collect()
    };
    assert_eq!(names(&import), ["Bo Ek"]);
    let refused = |import: &Import| -> Vec<(String, bool)> {
        let listed = import.refused().iter();
        listed
            .map(|r| {
                let edited = matches!(&r.reason, Refusal::Verify(e) if e.is_tampered());
                (r.file_name.clone(), edited)
            })
            .collect()
    };
    let left = [
        ("tom.json".to_string(), false),
        ("anna-ändrad.json".to_string(), false),
    ];
    assert_eq!(refused(&import), left);
    // Taking out someone who is not there changes nothing.
    assert_eq!(import.remove_person("no one").certificates.len(), 0);
    assert_eq!(names(&import), ["Bo Ek"]);

    // What is stored without her restores to the same list.
    let kept = stored_without(&values, &removed);
    let files = stored_files(&kept);
    let kept_names: Vec<&str> = files.iter().map(StoredFile::name).collect();
    assert_eq!(kept_names, ["bo.json", "tom.json", "anna-ändrad.json"]);
    let restored = restore(&files);
    assert_eq!(names(&restored), ["Bo Ek"]);
    assert_eq!(refused(&restored), left);
}
