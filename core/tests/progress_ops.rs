//! Changing progress (lessons, attempts, answers), the "my training" status and fitting
//! progress to changed content.

mod quiz_support;

use quiz_support::*;
use trygg_core::content::Role;
use trygg_core::date::Date;

/// The last valid day of a pass made at `passed_ms`.
fn pass_valid_until_ms(passed_ms: u64, months: u8) -> Date {
    trygg_core::certificate::pass_valid_until(Date::from_unix_ms(passed_ms), months)
}
use trygg_core::progress::{
    Learner, ModuleStatus, PassRecord, Progress, QuizPhase, ReconcileNotice, UpdateError,
};
use trygg_core::quiz::{draw_quiz, score_attempt, Answer, AttemptScore};

const COURSE: &str = "course";
const T: u64 = 1_767_312_000_000; // 2026-01-02T00:00:00Z

fn day_ms(y: i32, m: u8, d: u8) -> u64 {
    Date::new(y, m, d).unwrap().to_unix_ms()
}

fn score(percent: u8, passed: bool) -> AttemptScore {
    AttemptScore {
        percent,
        passed,
        per_question: vec![],
        correct_count: 0,
        total: 0,
    }
}

/// A progress with a running attempt on the mixed module "m".
fn running() -> (Progress, trygg_core::content::Module) {
    let m = mixed_module("m", 5);
    let mut p = Progress::new(COURSE);
    p.start_attempt("m", draw_quiz(&m, Role::Employee, 1), T);
    (p, m)
}

// ---------- operations ----------

#[test]
fn every_change_bumps_revision_and_time() {
    let mut p = Progress::new(COURSE);
    let mut expect = 0;
    let mut check = |p: &Progress, now: u64| {
        expect += 1;
        assert_eq!(p.revision, expect);
        assert_eq!(p.updated_ms, now);
    };
    p.set_role(Role::Manager, T + 1);
    check(&p, T + 1);
    p.set_role(Role::Elected, T + 2);
    check(&p, T + 2);
    p.set_shared_computer(true, T + 3);
    check(&p, T + 3);
    let learner = Learner {
        full_name: "Alva".into(),
        ..Default::default()
    };
    p.set_learner(learner.clone(), T + 4);
    check(&p, T + 4);
    p.record_lesson_step("m", 1, T + 5);
    check(&p, T + 5);
    p.finish_lessons("m", T + 6);
    check(&p, T + 6);
    p.start_attempt(
        "m",
        draw_quiz(&mixed_module("m", 2), Role::Employee, 3),
        T + 7,
    );
    check(&p, T + 7);
    p.record_answer("m", 0, Answer::TrueFalse { value: true }, T + 8)
        .unwrap();
    check(&p, T + 8);
    p.advance("m", T + 9).unwrap();
    check(&p, T + 9);
    p.finish_attempt("m", &score(50, false), T + 10).unwrap();
    check(&p, T + 10);

    assert_eq!((p.role, p.shared_computer), (Some(Role::Elected), true));
    assert_eq!(p.learner, learner);
}

#[test]
fn updated_ms_never_goes_backwards() {
    let mut p = Progress::new(COURSE);
    p.set_role(Role::Manager, T);
    p.set_role(Role::Elected, T - 50_000);
    assert_eq!(p.updated_ms, T);
    assert_eq!(p.revision, 2);
}

#[test]
fn lesson_step_only_moves_forward() {
    let mut p = Progress::new(COURSE);
    p.record_lesson_step("m", 3, T);
    p.record_lesson_step("m", 1, T + 1);
    assert_eq!(p.module("m").unwrap().lesson_step, 3);
    p.record_lesson_step("m", 4, T + 2);
    assert_eq!(p.module("m").unwrap().lesson_step, 4);
}

#[test]
fn an_attempt_from_start_to_finish() {
    let (mut p, m) = running();
    let plan = p.attempt("m").unwrap().plan.clone();
    assert_eq!(p.attempt("m").unwrap().answers, vec![None; 5]);
    for (i, item) in plan.items.iter().enumerate() {
        let q = m
            .questions
            .iter()
            .find(|q| q.id == item.question_id)
            .unwrap();
        p.record_answer("m", i, perfect_answer(q), T + 10 * i as u64)
            .unwrap();
        assert_eq!(p.advance("m", T + 10 * i as u64 + 5).unwrap(), i + 1);
    }
    assert_eq!(p.advance("m", T + 100).unwrap(), 5, "stays at the end");
    assert_eq!(
        p.module_status("m", T + 100, 12),
        ModuleStatus::InProgress {
            lesson_step: 0,
            question: Some(5)
        }
    );
    let a = p.attempt("m").unwrap();
    assert_eq!(a.answered_count(), 5);
    assert_eq!((a.started_ms, a.updated_ms), (T, T + 100));

    let result = score_attempt(&m, &plan, &a.answers, 80).unwrap();
    assert_eq!(result.percent, 100);
    p.finish_attempt("m", &result, T + 200).unwrap();
    let mp = p.module("m").unwrap();
    assert_eq!(mp.attempts, 1);
    assert_eq!(mp.best_percent, Some(100));
    assert_eq!(
        mp.last_pass,
        Some(PassRecord {
            percent: 100,
            passed_ms: T + 200
        })
    );
    let a = mp.attempt.as_ref().unwrap();
    assert!(a.finished);
    assert_eq!(a.current, 5);
    assert_eq!(a.updated_ms, T + 200);
}

#[test]
fn answers_can_be_changed_until_finished() {
    let (mut p, _) = running();
    p.record_answer("m", 2, Answer::TrueFalse { value: true }, T + 1)
        .unwrap();
    p.record_answer("m", 2, Answer::TrueFalse { value: false }, T + 2)
        .unwrap();
    assert_eq!(
        p.attempt("m").unwrap().answers[2],
        Some(Answer::TrueFalse { value: false })
    );
    p.finish_attempt("m", &score(20, false), T + 3).unwrap();
    let before = p.clone();
    assert_eq!(
        p.record_answer("m", 2, Answer::TrueFalse { value: true }, T + 4),
        Err(UpdateError::AttemptFinished {
            module_id: "m".into()
        })
    );
    assert_eq!(
        p.advance("m", T + 4),
        Err(UpdateError::AttemptFinished {
            module_id: "m".into()
        })
    );
    assert_eq!(
        p.finish_attempt("m", &score(20, false), T + 4),
        Err(UpdateError::AttemptFinished {
            module_id: "m".into()
        }),
        "an attempt is counted once"
    );
    assert_eq!(p, before, "refused changes change nothing");
}

#[test]
fn refused_changes_change_nothing() {
    let (mut p, _) = running();
    let before = p.clone();
    assert_eq!(
        p.record_answer("m", 5, Answer::TrueFalse { value: true }, T + 1),
        Err(UpdateError::QuestionOutOfRange { index: 5, len: 5 })
    );
    assert_eq!(
        p.record_answer("other", 0, Answer::TrueFalse { value: true }, T + 1),
        Err(UpdateError::NoAttempt {
            module_id: "other".into()
        })
    );
    assert_eq!(
        p.advance("other", T + 1),
        Err(UpdateError::NoAttempt {
            module_id: "other".into()
        })
    );
    assert_eq!(
        p.finish_attempt("other", &score(100, true), T + 1),
        Err(UpdateError::NoAttempt {
            module_id: "other".into()
        })
    );
    assert_eq!(p, before);
    for e in [
        UpdateError::NoAttempt {
            module_id: "x".into(),
        },
        UpdateError::AttemptFinished {
            module_id: "x".into(),
        },
        UpdateError::QuestionOutOfRange { index: 5, len: 5 },
    ] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn starting_again_replaces_the_attempt() {
    let (mut p, m) = running();
    p.record_answer("m", 0, Answer::Single { option: 0 }, T + 1)
        .unwrap();
    let plan = draw_quiz(&m, Role::Employee, 2);
    p.start_attempt("m", plan.clone(), T + 2);
    let a = p.attempt("m").unwrap();
    assert_eq!(a.plan, plan);
    assert_eq!(a.answered_count(), 0);
    assert_eq!((a.current, a.started_ms, a.finished), (0, T + 2, false));
    assert_eq!(
        p.module("m").unwrap().attempts,
        0,
        "abandoned attempts are not counted"
    );
}

#[test]
fn passes_and_failures_are_recorded() {
    let (mut p, m) = running();
    p.finish_attempt("m", &score(60, false), T + 1).unwrap();
    let mp = p.module("m").unwrap();
    assert_eq!(
        (mp.attempts, mp.best_percent, mp.last_pass),
        (1, None, None)
    );

    p.start_attempt("m", draw_quiz(&m, Role::Employee, 2), T + 2);
    p.finish_attempt("m", &score(95, true), T + 3).unwrap();
    p.start_attempt("m", draw_quiz(&m, Role::Employee, 3), T + 4);
    p.finish_attempt("m", &score(85, true), T + 5).unwrap();
    p.start_attempt("m", draw_quiz(&m, Role::Employee, 4), T + 6);
    p.finish_attempt("m", &score(40, false), T + 7).unwrap();

    let mp = p.module("m").unwrap();
    assert_eq!(mp.attempts, 4);
    assert_eq!(mp.best_percent, Some(95));
    assert_eq!(
        mp.last_pass,
        Some(PassRecord {
            percent: 85,
            passed_ms: T + 5
        }),
        "the latest pass renews, even with a lower score; a later failure does not undo it"
    );
}

// ---------- status ----------

fn passed_on(y: i32, m: u8, d: u8) -> Progress {
    let mut p = Progress::new(COURSE);
    p.modules.entry("m".into()).or_default().last_pass = Some(PassRecord {
        percent: 90,
        passed_ms: day_ms(y, m, d) + 13 * 3_600_000,
    });
    p
}

#[test]
fn status_of_untouched_and_started_modules() {
    let mut p = Progress::new(COURSE);
    assert_eq!(p.module_status("m", T, 12), ModuleStatus::NotStarted);
    p.record_lesson_step("m", 0, T);
    assert_eq!(
        p.module_status("m", T, 12),
        ModuleStatus::NotStarted,
        "opened only"
    );
    p.record_lesson_step("m", 2, T);
    assert_eq!(
        p.module_status("m", T, 12),
        ModuleStatus::InProgress {
            lesson_step: 2,
            question: None
        }
    );
    p.start_attempt("m", draw_quiz(&mixed_module("m", 3), Role::Employee, 1), T);
    p.advance("m", T).unwrap();
    assert_eq!(
        p.module_status("m", T, 12),
        ModuleStatus::InProgress {
            lesson_step: 2,
            question: Some(1)
        }
    );
    p.finish_attempt("m", &score(10, false), T).unwrap();
    assert_eq!(
        p.module_status("m", T, 12),
        ModuleStatus::NotPassed {
            lesson_step: 2,
            attempts: 1
        },
        "failed: said so, not \"in progress\""
    );

    let mut lessons_only = Progress::new(COURSE);
    lessons_only.finish_lessons("x", T);
    assert!(matches!(
        lessons_only.module_status("x", T, 12),
        ModuleStatus::InProgress { .. }
    ));
}

#[test]
fn status_through_a_pass_lifetime() {
    // Passed 2026-01-15 13:00 UTC, valid 12 months: through 2027-01-15, renewal 30 days before.
    let p = passed_on(2026, 1, 15);
    let passed_ms = day_ms(2026, 1, 15) + 13 * 3_600_000;
    let valid_until = Date::new(2027, 1, 15).unwrap();
    assert_eq!(pass_valid_until_ms(passed_ms, 12), valid_until);
    let at = |y, m, d| p.module_status("m", day_ms(y, m, d) + 20 * 3_600_000, 12);

    assert_eq!(
        at(2026, 1, 15),
        ModuleStatus::Passed {
            percent: 90,
            passed_ms
        }
    );
    assert_eq!(
        at(2026, 12, 15),
        ModuleStatus::Passed {
            percent: 90,
            passed_ms
        }
    );
    assert_eq!(
        at(2026, 12, 16),
        ModuleStatus::RenewalDue {
            percent: 90,
            passed_ms,
            valid_until,
            days_left: 30
        }
    );
    assert_eq!(
        at(2027, 1, 15),
        ModuleStatus::RenewalDue {
            percent: 90,
            passed_ms,
            valid_until,
            days_left: 0
        },
        "valid through its last day"
    );
    assert_eq!(
        at(2027, 1, 16),
        ModuleStatus::Expired {
            percent: 90,
            passed_ms,
            valid_until
        }
    );
    assert_eq!(
        at(2030, 1, 1),
        ModuleStatus::Expired {
            percent: 90,
            passed_ms,
            valid_until
        }
    );
}

#[test]
fn validity_clamps_to_the_end_of_the_month() {
    let passed = day_ms(2027, 1, 31);
    assert_eq!(
        pass_valid_until_ms(passed, 1),
        Date::new(2027, 2, 28).unwrap()
    );
    assert_eq!(
        pass_valid_until_ms(day_ms(2027, 2, 28), 12),
        Date::new(2028, 2, 28).unwrap()
    );
    assert_eq!(
        pass_valid_until_ms(day_ms(2028, 2, 29), 12),
        Date::new(2029, 2, 28).unwrap()
    );
    assert_eq!(
        pass_valid_until_ms(day_ms(2026, 8, 31), 6),
        Date::new(2027, 2, 28).unwrap()
    );
}

#[test]
fn zero_validity_is_due_on_the_day_and_expired_the_next() {
    let p = passed_on(2026, 3, 1);
    let day = |d| day_ms(2026, 3, d) + 1;
    assert!(matches!(
        p.module_status("m", day(1), 0),
        ModuleStatus::RenewalDue { days_left: 0, .. }
    ));
    assert!(matches!(
        p.module_status("m", day(2), 0),
        ModuleStatus::Expired { .. }
    ));
    let q = passed_on(2026, 1, 1);
    assert!(matches!(
        q.module_status("m", day(1), 12),
        ModuleStatus::Passed { .. }
    ));
}

#[test]
fn a_pass_outranks_a_running_retake() {
    let mut p = passed_on(2026, 1, 15);
    p.start_attempt("m", draw_quiz(&mixed_module("m", 3), Role::Employee, 1), T);
    assert!(matches!(
        p.module_status("m", day_ms(2027, 1, 10), 12),
        ModuleStatus::RenewalDue { days_left: 5, .. }
    ));
}

#[test]
fn epoch_dated_pass_is_expired() {
    let mut p = Progress::new(COURSE);
    p.modules.entry("m".into()).or_default().last_pass = Some(PassRecord {
        percent: 80,
        passed_ms: 0,
    });
    assert!(matches!(
        p.module_status("m", T, 12),
        ModuleStatus::Expired { .. }
    ));
}

// ---------- reconcile ----------

#[test]
fn reconcile_keeps_what_still_fits() {
    let (mut p, m) = running();
    p.record_lesson_step("m", 3, T);
    let before = p.clone();
    assert_eq!(p.reconcile(std::slice::from_ref(&m)), vec![]);
    assert_eq!(p, before, "nothing changed, not even the revision");
}

#[test]
fn reconcile_keeps_the_progress_of_modules_left_out_of_the_course() {
    let mut p = Progress::new(COURSE);
    p.record_lesson_step("gone", 2, T);
    p.record_lesson_step("gone-but-passed", 2, T);
    p.modules.get_mut("gone-but-passed").unwrap().last_pass = Some(PassRecord {
        percent: 90,
        passed_ms: T,
    });
    p.record_lesson_step("kept", 1, T);
    let before = p.clone();
    assert_eq!(p.reconcile(&[mixed_module("kept", 3)]), vec![]);
    assert_eq!(p, before, "nothing changed, nothing to save");
    // The module comes back (it was left out by mistake): its lessons are where they were.
    p.reconcile(&[mixed_module("kept", 3), mixed_module("gone", 3)]);
    assert_eq!(p.module("gone").unwrap().lesson_step, 2);
    assert_eq!(
        p.module("gone-but-passed")
            .unwrap()
            .last_pass
            .unwrap()
            .percent,
        90
    );
}

#[test]
fn reconcile_restarts_an_attempt_whose_questions_changed_and_keeps_it_should_they_come_back() {
    let (mut p, m) = running();
    p.record_answer("m", 0, Answer::Single { option: 0 }, T + 1)
        .unwrap();
    p.advance("m", T + 2).unwrap();
    let mut changed = m.clone();
    changed.questions.retain(|q| q.id != "q-multiple");
    let notices = p.reconcile(std::slice::from_ref(&changed));
    assert_eq!(
        notices,
        vec![ReconcileNotice::AttemptRestarted {
            module_id: "m".into()
        }]
    );
    assert_eq!(
        p.quiz_phase(&changed),
        QuizPhase::Intro,
        "the quiz starts over"
    );
    assert_eq!(
        p.attempt("m").map(|a| a.answered_count()),
        Some(1),
        "the attempt is kept, answers and all"
    );
    // The change is undone (a mistyped id corrected): the quiz goes on where it was.
    assert_eq!(p.reconcile(std::slice::from_ref(&m)), vec![]);
    assert_eq!(p.quiz_phase(&m), QuizPhase::Question(1));
}

#[test]
fn a_finished_attempt_the_questions_no_longer_fit_keeps_its_result() {
    let (mut p, m) = running();
    p.finish_attempt("m", &score(100, true), T + 1).unwrap();
    let mut changed = m.clone();
    changed.questions[0] = single("q-single", 2, 0);
    assert_eq!(p.reconcile(std::slice::from_ref(&changed)), vec![]);
    assert_eq!(
        p.quiz_phase(&changed),
        QuizPhase::Intro,
        "no review of other questions"
    );
    let mp = p.module("m").unwrap();
    assert_eq!(mp.last_pass.unwrap().percent, 100, "the result stays");
}

#[test]
fn reconcile_clamps_lesson_step() {
    let mut p = Progress::new(COURSE);
    p.record_lesson_step("m", 9, T);
    p.record_lesson_step("n", 2, T);
    assert_eq!(
        p.reconcile(&[module("m", 1, 3, vec![]), module("n", 1, 3, vec![])]),
        vec![]
    );
    assert_eq!(p.module("m").unwrap().lesson_step, 3);
    assert_eq!(p.module("n").unwrap().lesson_step, 2);
}

#[test]
fn finish_quiz_scores_and_records_a_pass() {
    let m = mixed_module("m", 5);
    let mut p = Progress::new(COURSE);
    p.start_quiz(&m, Role::Employee, 7, T);
    answer_all_right(&mut p, &m, T + 1);
    let score = p.finish_quiz(&m, 80, T + 2).expect("finish");
    assert_eq!(score.percent, 100);
    assert!(score.passed);
    assert_eq!(
        p.module("m").and_then(|x| x.last_pass).map(|x| x.passed_ms),
        Some(T + 2)
    );
    assert_eq!(p.last_score(&m, 80).map(|s| s.percent), Some(100));
    // Finishing twice is refused and changes nothing.
    let before = p.clone();
    assert!(p.finish_quiz(&m, 80, T + 3).is_err());
    assert_eq!(p, before);
}

#[test]
fn finish_quiz_with_no_answers_fails_the_attempt_at_the_pass_mark_given() {
    let m = mixed_module("m", 5);
    let mut p = Progress::new(COURSE);
    p.start_quiz(&m, Role::Employee, 7, T);
    let score = p.finish_quiz(&m, 1, T + 1).expect("finish");
    assert_eq!((score.percent, score.passed), (0, false));
    assert_eq!(
        p.module("m").map(|x| (x.attempts, x.last_pass)),
        Some((1, None))
    );
}
