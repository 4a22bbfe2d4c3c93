//! Each module as an objective: not attempted, incomplete, failed with its score, passed with
//! its best score, in SCORM 1.2 and 2004 terms; the role's required modules first, then any
//! other module the learner started.

mod lms_support;

use lms_support::*;
use trygg_core::content::Role;
use trygg_core::lms::{module_objectives, ScormVersion, Standing};
use trygg_core::quiz::Answer;

#[test]
fn a_module_goes_from_not_attempted_to_passed() {
    let course = real_course();
    let role = Role::Employee;
    let required = course.required_modules(role);
    let first = required[0];
    let mut p = fresh(&course, role);

    let objectives = module_objectives(&p, &course, role);
    let ids: Vec<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
    let want: Vec<&str> = required.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, want, "one per required module, in course order");
    assert!(objectives
        .iter()
        .all(|o| o.standing == Standing::NotAttempted && o.score.is_none()));
    assert_eq!(
        objectives[0].values(ScormVersion::Scorm12, 0),
        pairs(&[
            ("cmi.objectives.0.id", &first.id),
            ("cmi.objectives.0.status", "not attempted"),
        ])
    );
    assert_eq!(
        objectives[0].values(ScormVersion::Scorm2004, 0),
        pairs(&[
            ("cmi.objectives.0.id", &first.id),
            ("cmi.objectives.0.completion_status", "not attempted"),
        ])
    );

    p.record_lesson_step(&first.id, 1, START_MS);
    let o = &module_objectives(&p, &course, role)[0];
    assert_eq!((o.standing, o.score), (Standing::Incomplete, None));
    assert_eq!(
        o.values(ScormVersion::Scorm12, 4)[1],
        ("cmi.objectives.4.status".into(), "incomplete".into())
    );

    let passed = take_quiz(&mut p, &course, first, role, 2, START_MS, |_, _| {
        Answer::Ordering { steps: vec![] }
    });
    assert!(!passed);
    let o = &module_objectives(&p, &course, role)[0];
    assert_eq!((o.standing, o.score), (Standing::Failed, Some(0)));
    assert_eq!(
        o.values(ScormVersion::Scorm2004, 0),
        pairs(&[
            ("cmi.objectives.0.id", &first.id),
            ("cmi.objectives.0.completion_status", "completed"),
            ("cmi.objectives.0.success_status", "failed"),
            ("cmi.objectives.0.score.scaled", "0.00"),
            ("cmi.objectives.0.score.raw", "0"),
            ("cmi.objectives.0.score.min", "0"),
            ("cmi.objectives.0.score.max", "100"),
        ])
    );

    assert!(take_quiz(
        &mut p,
        &course,
        first,
        role,
        3,
        START_MS + DAY_MS,
        right_answer
    ));
    let o = &module_objectives(&p, &course, role)[0];
    assert_eq!((o.standing, o.score), (Standing::Passed, Some(100)));
    assert_eq!(
        o.values(ScormVersion::Scorm12, 0),
        pairs(&[
            ("cmi.objectives.0.id", &first.id),
            ("cmi.objectives.0.status", "passed"),
            ("cmi.objectives.0.score.raw", "100"),
            ("cmi.objectives.0.score.min", "0"),
            ("cmi.objectives.0.score.max", "100"),
        ])
    );
}

#[test]
fn a_started_optional_module_comes_after_the_required_ones() {
    let course = real_course();
    let role = Role::Elected;
    let optional = course.optional_modules(role);
    let extra = optional
        .first()
        .expect("the elected have an optional module");
    let mut p = fresh(&course, role);
    let untouched = module_objectives(&p, &course, role).len();
    assert_eq!(untouched, course.required_modules(role).len());
    p.record_lesson_step(&extra.id, 1, START_MS);
    let objectives = module_objectives(&p, &course, role);
    assert_eq!(objectives.len(), untouched + 1);
    assert_eq!(
        objectives.last().map(|o| o.id.as_str()),
        Some(extra.id.as_str())
    );
    assert_eq!(
        objectives.last().map(|o| o.standing),
        Some(Standing::Incomplete)
    );

    // A module the course no longer has is not reported.
    p.record_lesson_step("gone", 1, START_MS);
    assert_eq!(module_objectives(&p, &course, role).len(), untouched + 1);
}
