//! What the LMS is told about the course as a whole, for learners on the real course: fresh,
//! in progress, failed, passed and retaken, in SCORM 1.2 and 2004 terms; and the learner's
//! name as the certificate prints it.

mod lms_support;

use lms_support::*;
use trygg_core::content::Role;
use trygg_core::lms::{certificate_name, exit_value, lms_report, LmsReport, ScormVersion};

fn values(report: &LmsReport, version: ScormVersion) -> Vec<(String, String)> {
    report
        .values(version)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

#[test]
fn a_fresh_learner_is_incomplete_without_a_score() {
    let course = real_course();
    let r = lms_report(&fresh(&course, Role::Employee), &course, Role::Employee);
    let required = course.required_modules(Role::Employee).len();
    assert_eq!(
        r,
        LmsReport {
            completed: false,
            passed: false,
            score: None,
            location: "/training".into(),
            passed_modules: 0,
            required_modules: required,
            progress_halves: 0,
        }
    );
    assert_eq!(
        values(&r, ScormVersion::Scorm12),
        pairs(&[
            ("cmi.core.lesson_status", "incomplete"),
            ("cmi.core.lesson_location", "/training"),
            ("cmi.core.exit", "suspend"),
        ])
    );
    // No success status until it is known, and no score: nothing reads like a zero result.
    // No progress measure either: 0 would read as "not attempted" beside "incomplete".
    assert_eq!(
        values(&r, ScormVersion::Scorm2004),
        pairs(&[
            ("cmi.completion_status", "incomplete"),
            ("cmi.location", "/training"),
            ("cmi.exit", "suspend"),
        ])
    );
}

#[test]
fn in_progress_points_at_the_next_thing_to_do() {
    let course = real_course();
    let role = Role::Manager;
    let p = mid_course(&course, role, 4);
    let r = lms_report(&p, &course, role);
    let last = course.required_modules(role).last().map(|m| m.id.clone());
    assert!(!r.completed && !r.passed);
    assert_eq!(r.score, None, "no half-way grade");
    assert_eq!(
        r.location,
        format!("/module/{}/quiz", last.unwrap_or_default())
    );
    assert_eq!(r.lesson_status(), "incomplete");
    let required = course.required_modules(role).len();
    assert_eq!(
        (r.passed_modules, r.required_modules),
        (required - 1, required)
    );
    let measure = values(&r, ScormVersion::Scorm2004)
        .into_iter()
        .find(|(k, _)| k == "cmi.progress_measure")
        .map(|(_, v)| v);
    // Every module but the last finished (two halves each), the last begun (one half).
    assert_eq!(r.progress_halves, 2 * (required - 1) + 1);
    let expected = ((2 * required - 1) * 10_000 / (2 * required)) as f64 / 10_000.0;
    assert_eq!(measure.map(|m| m.parse::<f64>().ok()), Some(Some(expected)));
    assert!(
        !values(&r, ScormVersion::Scorm2004)
            .iter()
            .any(|(k, _)| k == "cmi.success_status"),
        "not known yet"
    );

    // Reading the first module's lessons: the bookmark is the section, counted among the
    // role's sections from 1.
    let mut p = fresh(&course, role);
    let first = &course.required_modules(role)[0];
    let role_sections: Vec<usize> = (0..first.sections.len())
        .filter(|&i| first.sections[i].is_for(role))
        .collect();
    p.record_lesson_step(&first.id, role_sections[1], START_MS);
    assert_eq!(
        lms_report(&p, &course, role).location,
        format!("/module/{}/lesson/2", first.id)
    );
}

/// Every required module finished: all right except `wrong_module`, answered all wrong
/// (an impossible order and the first wrong option), which fails.
fn all_finished(
    role: Role,
    wrong_module: Option<usize>,
) -> (trygg_core::progress::Progress, trygg_core::content::Course) {
    let course = real_course();
    let mut p = fresh(&course, role);
    for (i, module) in course.required_modules(role).into_iter().enumerate() {
        let now = START_MS + i as u64 * DAY_MS;
        if Some(i) == wrong_module {
            let passed = take_quiz(&mut p, &course, module, role, 9, now, |_, _| {
                trygg_core::quiz::Answer::Ordering { steps: vec![] }
            });
            assert!(!passed);
        } else {
            assert!(take_quiz(
                &mut p,
                &course,
                module,
                role,
                9,
                now,
                right_answer
            ));
        }
    }
    (p, course)
}

#[test]
fn a_failed_quiz_at_the_end_reports_failed_with_the_score_so_far() {
    let role = Role::Employee;
    let (p, course) = all_finished(role, Some(2));
    let r = lms_report(&p, &course, role);
    assert!(r.completed && !r.passed);
    // Every other module at 100 %, one at 0 %: the lowest, so the score stays under the pass
    // mark as the status says failed (the mean, 85, would pass an LMS's own mark of 80).
    assert_eq!(r.score, Some(0));
    assert_eq!(
        r.location,
        format!("/module/{}/quiz", course.required_modules(role)[2].id)
    );
    assert_eq!(
        values(&r, ScormVersion::Scorm12)[..4],
        pairs(&[
            ("cmi.core.lesson_status", "failed"),
            ("cmi.core.score.raw", "0"),
            ("cmi.core.score.min", "0"),
            ("cmi.core.score.max", "100"),
        ])[..]
    );
    assert_eq!(
        values(&r, ScormVersion::Scorm12).last(),
        Some(&("cmi.core.exit".to_string(), "suspend".to_string())),
        "a retake is still to come"
    );
    let v = values(&r, ScormVersion::Scorm2004);
    // Completed, so all the way through: the measure agrees with the completion status even
    // though one module failed (success status says that).
    assert_eq!(
        v[..5],
        pairs(&[
            ("cmi.completion_status", "completed"),
            ("cmi.success_status", "failed"),
            ("cmi.progress_measure", "1"),
            ("cmi.score.scaled", "0.00"),
            ("cmi.score.raw", "0"),
        ])[..]
    );
    assert_eq!(
        v.last(),
        Some(&("cmi.exit".to_string(), "suspend".to_string()))
    );
}

#[test]
fn passing_everything_reports_passed_and_ends_the_suspension() {
    let role = Role::Manager;
    let (p, course) = all_finished(role, None);
    let r = lms_report(&p, &course, role);
    let required = course.required_modules(role).len();
    // A learner who relaunches after passing lands on my training: status and certificate.
    assert_eq!(
        r,
        LmsReport {
            completed: true,
            passed: true,
            score: Some(100),
            location: "/training".into(),
            passed_modules: required,
            required_modules: required,
            progress_halves: 2 * required,
        }
    );
    assert_eq!(
        values(&r, ScormVersion::Scorm12),
        pairs(&[
            ("cmi.core.lesson_status", "passed"),
            ("cmi.core.score.raw", "100"),
            ("cmi.core.score.min", "0"),
            ("cmi.core.score.max", "100"),
            ("cmi.core.lesson_location", "/training"),
            ("cmi.core.exit", ""),
        ])
    );
    assert_eq!(
        values(&r, ScormVersion::Scorm2004),
        pairs(&[
            ("cmi.completion_status", "completed"),
            ("cmi.success_status", "passed"),
            ("cmi.progress_measure", "1"),
            ("cmi.score.scaled", "1.00"),
            ("cmi.score.raw", "100"),
            ("cmi.score.min", "0"),
            ("cmi.score.max", "100"),
            ("cmi.location", "/training"),
            ("cmi.exit", "normal"),
        ])
    );
}

#[test]
fn the_exit_mode_ends_a_finished_attempt_as_each_version_expects() {
    use ScormVersion::{Scorm12, Scorm2004};
    assert_eq!(exit_value(Scorm12, false), "suspend");
    assert_eq!(exit_value(Scorm2004, false), "suspend");
    assert_eq!(exit_value(Scorm12, true), "");
    assert_eq!(exit_value(Scorm2004, true), "normal");
}

#[test]
fn a_retake_turns_failed_into_passed_and_never_lowers_the_score() {
    let role = Role::Employee;
    let (mut p, course) = all_finished(role, Some(0));
    assert_eq!(lms_report(&p, &course, role).lesson_status(), "failed");
    let first = course.required_modules(role)[0];
    // While the retake runs the course stays failed and the LMS keeps the score it has.
    let mut rng = trygg_core::quiz::QuizRng::new(5);
    half_quiz(&mut p, first, role, 12, 3, START_MS + 29 * DAY_MS, &mut rng);
    let running = lms_report(&p, &course, role);
    assert_eq!((running.lesson_status(), running.score), ("failed", None));
    assert_eq!(running.location, format!("/module/{}/quiz", first.id));
    assert!(take_quiz(
        &mut p,
        &course,
        first,
        role,
        10,
        START_MS + 30 * DAY_MS,
        right_answer
    ));
    let r = lms_report(&p, &course, role);
    assert_eq!((r.lesson_status(), r.score), ("passed", Some(100)));

    // Retaking a passed module and failing it leaves the pass and the best score alone.
    let second = course.required_modules(role)[1];
    let passed = take_quiz(
        &mut p,
        &course,
        second,
        role,
        11,
        START_MS + 40 * DAY_MS,
        |_, _| trygg_core::quiz::Answer::Ordering { steps: vec![] },
    );
    assert!(!passed);
    assert_eq!(lms_report(&p, &course, role), r);
}

#[test]
fn only_the_roles_required_modules_count() {
    let course = real_course();
    let role = Role::Elected;
    let mut p = fresh(&course, role);
    for module in course.required_modules(role) {
        assert!(take_quiz(
            &mut p,
            &course,
            module,
            role,
            3,
            START_MS,
            right_answer
        ));
    }
    assert!(!course.optional_modules(role).is_empty());
    assert!(
        lms_report(&p, &course, role).passed,
        "optional modules untaken"
    );
    assert!(
        !lms_report(&p, &course, Role::Employee).passed,
        "the employee path is longer"
    );
}

#[test]
fn lms_names_become_certificate_names() {
    let cases = [
        // "Family, Given", as 1.2 defines it and Moodle sends in 2004 too.
        ("Ćosić-Nguyễn, Олена Thị", Some("Олена Thị Ćosić-Nguyễn")),
        ("Lindqvist, Åsa", Some("Åsa Lindqvist")),
        ("  Ek,Per  Olof ", Some("Per Olof Ek")),
        ("Ek,", Some("Ek")),
        (", Åsa", Some("Åsa")),
        // Any other form is taken as it is.
        ("Åsa Lindqvist", Some("Åsa Lindqvist")),
        ("Af Ugglas, Anna, Jr", Some("Af Ugglas, Anna, Jr")),
        ("Åsa\tLindqvist\n", Some("Åsa Lindqvist")),
        ("", None),
        (" , ", None),
        // The certificate needs two characters, and no direction overrides.
        ("X", None),
        ("Ev\u{202E}il", None),
    ];
    for (lms, want) in cases {
        assert_eq!(certificate_name(lms).as_deref(), want, "{lms:?}");
    }
    let long = "Å".repeat(150);
    assert_eq!(
        certificate_name(&long).map(|n| n.chars().count()),
        Some(100)
    );
}

#[test]
fn each_version_is_found_and_called_by_its_own_names() {
    use trygg_core::lms::ScormCall;
    assert_eq!(
        ScormVersion::SEARCH_ORDER.map(ScormVersion::api_object),
        ["API_1484_11", "API"],
        "2004's API is looked for first"
    );
    let calls = [
        ScormCall::Initialize,
        ScormCall::GetValue,
        ScormCall::SetValue,
        ScormCall::Commit,
        ScormCall::Terminate,
        ScormCall::GetLastError,
    ];
    assert_eq!(
        calls.map(|c| ScormVersion::Scorm12.function(c)),
        [
            "LMSInitialize",
            "LMSGetValue",
            "LMSSetValue",
            "LMSCommit",
            "LMSFinish",
            "LMSGetLastError"
        ]
    );
    assert_eq!(
        calls.map(|c| ScormVersion::Scorm2004.function(c)),
        [
            "Initialize",
            "GetValue",
            "SetValue",
            "Commit",
            "Terminate",
            "GetLastError"
        ]
    );
}

/// The score an LMS records reaches the course's pass mark exactly when the course says
/// passed, whatever the mix of results: an LMS's own pass mark (Moodle's "grade to pass") or
/// SCORM 1.2's mastery score set to the course's then agrees with it.
#[test]
fn the_score_reaches_the_pass_mark_exactly_when_the_course_is_passed() {
    let course = real_course();
    let pass_mark = course.organisation.pass_mark;
    let role = Role::Employee;
    let (mut passed, mut failed) = (0, 0);
    for seed in 0..60u64 {
        let mut rng = trygg_core::quiz::QuizRng::new(seed);
        let mut p = fresh(&course, role);
        for (i, module) in course.required_modules(role).into_iter().enumerate() {
            let now = START_MS + i as u64 * DAY_MS;
            take_quiz(&mut p, &course, module, role, seed, now, |m, id| {
                // Mostly right, so results fall on both sides of the mark.
                if rng.below(100) < 90 {
                    right_answer(m, id)
                } else {
                    some_answer(m, id, &mut rng)
                }
            });
        }
        let r = lms_report(&p, &course, role);
        assert!(r.completed, "seed {seed}");
        let score = r.score.expect("a score once completed");
        assert_eq!(
            score >= pass_mark,
            r.passed,
            "seed {seed}: {score} against {pass_mark}"
        );
        if r.passed {
            passed += 1;
        } else {
            failed += 1;
        }
    }
    assert!(
        passed > 0 && failed > 0,
        "both outcomes tried: {passed} passed, {failed} failed"
    );
}
