//! The certificate's validity rule (core/CERTIFICATES.md): valid until the earliest
//! required module's pass expires, and never issued while a required module is expired.

mod content_support;
mod quiz_support;

use quiz_support::answer_all_right;

use content_support::{fixture_files, lang, words};

use trygg_core::certificate::{renewal_ics, CertificateError};
use trygg_core::content::{load_course, Course, Role};
use trygg_core::date::{Date, LocalClock};
use trygg_core::progress::{ModuleStatus, PassRecord, Progress};
use trygg_core::roster::Status;

/// The fixture course: managers must pass `alpha` and `beta`, valid 12 months.
fn course() -> Course {
    load_course(&fixture_files()).expect("fixture course is valid")
}

fn ms(text: &str) -> u64 {
    Date::parse_iso(text).expect("test date").to_unix_ms() + 10 * 3_600_000
}

fn d(text: &str) -> Date {
    Date::parse_iso(text).expect("test date")
}

/// A manager's progress with a pass of each `(module, day)`.
fn passed(passes: &[(&str, &str)]) -> Progress {
    let mut p = Progress::new("trygg-test");
    p.learner.full_name = "Alva Berg".into();
    for (module, day) in passes {
        let m = p.modules.entry((*module).to_string()).or_default();
        m.last_pass = Some(PassRecord {
            percent: 90,
            passed_ms: ms(day),
        });
        m.best_percent = Some(90);
    }
    p
}

#[test]
fn mixed_pass_dates_give_the_earliest_expiry() {
    let course = course();
    let p = passed(&[("alpha", "2026-01-10"), ("beta", "2026-11-20")]);
    let r = p
        .certificate(&course, Role::Manager, lang("sv"), ms("2026-12-01"))
        .expect("both passes valid");
    assert_eq!(r.completed_on, d("2026-11-20"));
    assert_eq!(r.valid_until, d("2027-01-10"), "alpha's pass ends it");
    let first = r.first_to_expire().expect("has modules");
    assert_eq!(first.id, "alpha");
    assert_eq!(first.valid_until, r.valid_until);
    // "My training" says the same day for alpha.
    match p.status_in(&course, "alpha", ms("2026-12-20")) {
        ModuleStatus::RenewalDue { valid_until, .. } => assert_eq!(valid_until, r.valid_until),
        other => panic!("alpha should be due for renewal, was {other:?}"),
    }
    // And the roster agrees on the same day.
    assert_eq!(
        Status::of(r.valid_until, d("2026-12-20")),
        Status::RenewalDue
    );
    assert_eq!(Status::of(r.valid_until, d("2026-12-01")), Status::Valid);
}

#[test]
fn a_module_expiring_tomorrow_still_issues_a_certificate_until_tomorrow() {
    let course = course();
    let p = passed(&[("alpha", "2025-12-02"), ("beta", "2026-06-01")]);
    let r = p
        .certificate(&course, Role::Manager, lang("en"), ms("2026-12-01"))
        .expect("alpha is valid through 2026-12-02");
    assert_eq!(r.valid_until, d("2026-12-02"));
    // The calendar reminder is dated from the certificate's own valid-until: its window
    // opened on 2026-11-02, already past, so it falls on the next day, the last valid one.
    let ics = renewal_ics(&r, &words("en"), "Test Region", d("2026-12-01"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20261202"), "{ics}");
}

/// Stockholm's offset, near enough for these dates: summer time (UTC+2) from 29 March to
/// 24 October, winter time (UTC+1) otherwise.
fn stockholm(ms: u64) -> i32 {
    let day = Date::from_unix_ms(ms);
    if (day.month, day.day) >= (3, 29) && (day.month, day.day) < (10, 25) {
        120
    } else {
        60
    }
}

#[test]
fn a_pass_after_local_midnight_is_dated_the_learners_day() {
    let course = course();
    // 22:30 UTC on 10 June and 23:30 UTC on 1 December are 00:30 the next day in Stockholm.
    let mut p = passed(&[("alpha", "2026-06-10"), ("beta", "2026-12-01")]);
    let late = |day: &str| d(day).to_unix_ms() + 22 * 3_600_000 + 1_800_000;
    for (module, at) in [
        ("alpha", late("2026-06-10")),
        ("beta", late("2026-12-01") + 3_600_000),
    ] {
        if let Some(pass) = p.modules.get_mut(module).and_then(|m| m.last_pass.as_mut()) {
            pass.passed_ms = at;
        }
    }
    let clock = LocalClock {
        now_ms: ms("2026-12-05"),
        minutes_ahead: stockholm,
    };
    let r = p
        .certificate(&course, Role::Manager, lang("sv"), clock)
        .expect("both passes valid");
    let on = |id: &str| r.modules.iter().find(|m| m.id == id).map(|m| m.passed_on);
    assert_eq!(
        on("alpha"),
        Some(d("2026-06-11")),
        "summer pass keeps its summer day"
    );
    assert_eq!(on("beta"), Some(d("2026-12-02")));
    assert_eq!(r.completed_on, d("2026-12-02"));
    assert_eq!(r.valid_until, d("2027-06-11"));
    match p.status_in(&course, "alpha", clock) {
        ModuleStatus::Passed { .. } => {}
        other => panic!("alpha should be passed, was {other:?}"),
    }
    // The learner's last valid day is 11 June 2027 until their midnight, which is 22:00 UTC.
    let at = |ms: u64| LocalClock {
        now_ms: ms,
        minutes_ahead: stockholm,
    };
    let evening = late("2027-06-11") - 3_600_000;
    assert!(p.certificate_ready(&course, Role::Manager, lang("sv"), at(evening)));
    assert!(!p.certificate_ready(&course, Role::Manager, lang("sv"), at(late("2027-06-11"))));
    // Counted in UTC the pass was on 10 June, so that evening it would already have expired.
    assert!(!p.certificate_ready(&course, Role::Manager, lang("sv"), evening));
    // Read in UTC the same passes fall a day earlier: the difference this test is about.
    let utc = p
        .certificate(&course, Role::Manager, lang("sv"), ms("2026-12-05"))
        .expect("valid in UTC too");
    assert_eq!(utc.completed_on, d("2026-12-01"));
    assert_eq!(utc.valid_until, d("2027-06-10"));
}

#[test]
fn the_last_valid_day_issues_and_the_day_after_refuses() {
    let course = course();
    let p = passed(&[("alpha", "2025-12-01"), ("beta", "2026-06-01")]);
    let last_day = p.certificate(&course, Role::Manager, lang("sv"), ms("2026-12-01"));
    assert_eq!(last_day.map(|r| r.valid_until), Ok(d("2026-12-01")));
    assert_eq!(
        p.certificate(&course, Role::Manager, lang("sv"), ms("2026-12-02")),
        Err(CertificateError {
            not_passed: vec![],
            expired: vec!["alpha".into()],
        })
    );
    assert_eq!(
        p.required_done(&course, Role::Manager, ms("2026-12-02")),
        (1, 2)
    );
}

#[test]
fn an_expired_module_and_a_missing_one_are_both_named() {
    let course = course();
    let p = passed(&[("alpha", "2024-01-01")]);
    let err = p
        .certificate(&course, Role::Manager, lang("sv"), ms("2026-12-01"))
        .expect_err("nothing valid");
    assert_eq!(err.expired, vec!["alpha".to_string()]);
    assert_eq!(err.not_passed, vec!["beta".to_string()]);
    // A role that needs only beta is not held back by alpha.
    assert!(passed(&[("beta", "2026-11-01")])
        .certificate(&course, Role::Elected, lang("sv"), ms("2026-12-01"))
        .is_ok());
}

#[test]
fn a_retaken_module_moves_the_expiry_and_the_id() {
    let course = course();
    let now = ms("2026-12-01");
    let before = passed(&[("alpha", "2026-01-10"), ("beta", "2026-11-20")])
        .certificate(&course, Role::Manager, lang("sv"), now)
        .expect("valid");
    let after = passed(&[("alpha", "2026-11-30"), ("beta", "2026-11-20")])
        .certificate(&course, Role::Manager, lang("sv"), now)
        .expect("valid");
    assert_eq!(after.valid_until, d("2027-11-20"), "beta now ends it");
    assert_eq!(after.first_to_expire().map(|m| m.id), Some("beta".into()));
    assert_eq!(after.completed_on, d("2026-11-30"));
    assert_ne!(after.certificate_id, before.certificate_id);
}

#[test]
fn no_module_is_named_first_to_expire_when_the_earliest_passes_share_a_day() {
    let course = course();
    let now = ms("2026-12-01");
    let same_day = passed(&[("alpha", "2026-11-20"), ("beta", "2026-11-20")])
        .certificate(&course, Role::Manager, lang("sv"), now)
        .expect("valid");
    assert_eq!(same_day.valid_until, d("2027-11-20"));
    assert_eq!(
        same_day.first_to_expire(),
        None,
        "retaking one module would not extend the certificate"
    );
    // Hours apart on the same day are still the same day.
    let mut p = passed(&[("alpha", "2026-11-20"), ("beta", "2026-11-20")]);
    if let Some(pass) = p.modules.get_mut("beta").and_then(|m| m.last_pass.as_mut()) {
        pass.passed_ms += 5 * 3_600_000;
    }
    let hours_apart = p
        .certificate(&course, Role::Manager, lang("sv"), now)
        .expect("valid");
    assert_eq!(hours_apart.first_to_expire(), None);
    // A role with a single required module: retaking it extends the certificate.
    let single = passed(&[("beta", "2026-11-20")])
        .certificate(&course, Role::Elected, lang("sv"), now)
        .expect("valid");
    assert_eq!(single.first_to_expire().map(|m| m.id), Some("beta".into()));
}

#[test]
fn the_same_passes_give_the_same_certificate_on_any_later_day() {
    let course = course();
    let p = passed(&[("alpha", "2026-01-10"), ("beta", "2026-11-20")]);
    let a = p.certificate(&course, Role::Manager, lang("sv"), ms("2026-11-21"));
    let b = p.certificate(&course, Role::Manager, lang("sv"), ms("2026-12-24"));
    assert_eq!(a, b);
}

#[test]
fn the_certificate_is_offered_exactly_when_it_can_be_issued() {
    let course = course();
    let cases = [
        (passed(&[]), "nothing passed"),
        (passed(&[("alpha", "2026-06-01")]), "beta missing"),
        (
            passed(&[("alpha", "2025-11-30"), ("beta", "2026-06-01")]),
            "alpha expired",
        ),
        (
            passed(&[("alpha", "2025-12-02"), ("beta", "2026-06-01")]),
            "alpha on its last days",
        ),
        (
            passed(&[("alpha", "2026-06-01"), ("beta", "2026-06-01")]),
            "both valid",
        ),
    ];
    let now = ms("2026-12-01");
    let mut offered = 0;
    for (progress, case) in cases {
        let ready = progress.certificate_ready(&course, Role::Manager, lang("en"), now);
        let issued = progress
            .certificate(&course, Role::Manager, lang("sv"), now)
            .is_ok();
        assert_eq!(ready, issued, "{case}");
        offered += usize::from(ready);
    }
    assert_eq!(offered, 2, "the last two cases");
}

#[test]
fn renewal_says_until_when_the_certificate_holds_or_held() {
    use trygg_core::progress::Renewal;
    let course = course();
    let p = passed(&[("alpha", "2026-01-10"), ("beta", "2026-11-20")]);
    assert_eq!(
        p.renewal(&course, Role::Manager, ms("2026-12-01")),
        None,
        "nothing due yet"
    );
    assert_eq!(
        p.renewal(&course, Role::Manager, ms("2026-12-20")),
        Some(Renewal::Due {
            valid_until: d("2027-01-10")
        }),
        "alpha is due: the certificate holds until its pass ends"
    );
    assert_eq!(
        p.renewal(&course, Role::Manager, ms("2027-01-11")),
        Some(Renewal::Expired {
            valid_until: d("2027-01-10")
        }),
        "alpha ran out: the certificate held until then, though beta is still valid"
    );
    assert_eq!(
        p.renewal(&course, Role::Manager, ms("2028-06-01")),
        Some(Renewal::Expired {
            valid_until: d("2027-01-10")
        }),
        "both ran out: the first end is the certificate's"
    );
    let unfinished = passed(&[("alpha", "2025-01-10")]);
    assert_eq!(
        unfinished.renewal(&course, Role::Manager, ms("2026-12-01")),
        None,
        "a learner who never passed beta is not renewing: they are not done"
    );
}

#[test]
fn my_training_offers_no_question_of_a_quiz_the_questions_no_longer_fit() {
    let mut course = course();
    let mut p = Progress::new("trygg-test");
    let alpha = course.module("alpha").expect("fixture module").clone();
    p.start_quiz(&alpha, Role::Manager, 3, ms("2026-12-01"));
    p.advance("alpha", ms("2026-12-01")).expect("running");
    let running =
        |p: &Progress, course: &Course| match p.status_in(course, "alpha", ms("2026-12-01")) {
            ModuleStatus::InProgress { question, .. } => question,
            other => panic!("alpha should be in progress, was {other:?}"),
        };
    assert_eq!(running(&p, &course), Some(1), "question 2 to go on with");
    let first = p.attempt("alpha").expect("running").plan.items[0]
        .question_id
        .clone();
    course.modules[0].questions.retain(|q| q.id != first);
    assert_eq!(running(&p, &course), None, "the quiz starts over");
}

#[test]
fn the_certificate_names_the_content_its_last_pass_was_made_under() {
    let mut course = course();
    let mut p = passed(&[("alpha", "2026-11-01")]);
    p.modules
        .get_mut("alpha")
        .expect("passed")
        .pass_content_version = Some("0a0a0a0a0a0a".into());
    // Beta is passed through the quiz, under the course as it is now.
    let beta = course.module("beta").expect("fixture module").clone();
    p.start_quiz(&beta, Role::Manager, 5, ms("2026-11-20"));
    answer_all_right(&mut p, &beta, ms("2026-11-20"));
    p.finish_quiz_in(&course, &beta, ms("2026-11-20"))
        .expect("scored");
    let then = course.version.clone();
    assert_eq!(
        p.module("beta").unwrap().pass_content_version.as_deref(),
        Some(then.as_str())
    );
    let before = p
        .certificate(&course, Role::Manager, lang("sv"), ms("2026-12-01"))
        .expect("both passed");
    assert_eq!(before.content_version, then, "beta's pass completed it");

    // The security officer publishes an edit: the certificate still names what was tested.
    course.version = "ffffffffffff".into();
    let after = p
        .certificate(&course, Role::Manager, lang("sv"), ms("2026-12-01"))
        .expect("both passed");
    assert_eq!(after.content_version, then);
    assert_eq!(
        after.certificate_id, before.certificate_id,
        "the same certificate"
    );

    // A pass recorded without a version (before versions were kept) is dated by the course.
    p.modules.get_mut("beta").unwrap().pass_content_version = None;
    let unknown = p
        .certificate(&course, Role::Manager, lang("sv"), ms("2026-12-01"))
        .expect("both passed");
    assert_eq!(unknown.content_version, "ffffffffffff");
}
