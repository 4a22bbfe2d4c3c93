//! The rules the learner's pages ask the core: which role's content is shown, when the
//! lessons count as finished, when a question is answered and what follows it, which phase
//! the quiz page is in, and what the app does with the progress it finds in storage.

mod quiz_support;

use quiz_support::*;
use trygg_core::content::{LessonPlace, Role};
use trygg_core::progress::{
    backup_key, backups_of, open_decision, opens_in_session, progress_key, read_stored, to_json,
    AfterQuestion, OpenDecision, Progress, ProgressError, QuizPhase, MAX_PROGRESS_BYTES,
    PROGRESS_VERSION,
};
use trygg_core::quiz::{answer_complete, draw_quiz, Answer};

const COURSE: &str = "course";
const T: u64 = 1_767_312_000_000; // 2026-01-02T00:00:00Z

// ---------- the role shown ----------

#[test]
fn employees_content_is_shown_until_a_role_is_chosen() {
    let mut p = Progress::new(COURSE);
    assert_eq!(p.role_or_default(), Role::Employee);
    p.set_role(Role::Elected, T);
    assert_eq!(p.role_or_default(), Role::Elected);
}

// ---------- lessons ----------

/// Three sections; the middle one is for managers only.
fn lessons() -> trygg_core::content::Module {
    let mut m = module("m", 3, 3, vec![single("q", 2, 0)]);
    m.sections[1].roles = vec![Role::Manager];
    m
}

#[test]
fn lesson_pages_count_only_the_sections_the_role_reads() {
    let m = lessons();
    let (place, section) = m.lesson_page(Role::Employee, 2).expect("a second page");
    assert_eq!(section.id, "s2");
    assert_eq!(
        place,
        LessonPlace {
            section: 2,
            page: 2,
            pages: 2
        }
    );
    assert!(place.is_last());
    let (place, _) = m.lesson_page(Role::Manager, 2).expect("a second page");
    assert_eq!((place.section, place.pages), (1, 3));
    assert!(!place.is_last());
    assert_eq!(m.lesson_page(Role::Employee, 0), None, "pages count from 1");
    assert_eq!(m.lesson_page(Role::Employee, 3), None, "past the last page");
}

#[test]
fn reaching_the_last_lesson_page_finishes_the_lessons() {
    let m = lessons();
    let mut p = Progress::new(COURSE);
    let (first, _) = m.lesson_page(Role::Employee, 1).expect("page 1");
    p.read_lesson_page("m", first, T);
    let read = p.module("m").expect("a bookmark");
    assert_eq!((read.lesson_step, read.lessons_done), (0, false));

    let (last, _) = m.lesson_page(Role::Employee, 2).expect("page 2");
    p.read_lesson_page("m", last, T + 1);
    let read = p.module("m").expect("a bookmark");
    assert_eq!((read.lesson_step, read.lessons_done), (2, true));

    // Rereading the first page keeps both the bookmark and the finish.
    p.read_lesson_page("m", first, T + 2);
    let read = p.module("m").expect("a bookmark");
    assert_eq!((read.lesson_step, read.lessons_done), (2, true));
}

// ---------- questions ----------

#[test]
fn a_question_is_answered_once_it_has_an_answer_and_a_scenario_once_its_walk_ends() {
    let plain = single("q", 3, 1);
    assert!(!answer_complete(&plain, None));
    assert!(answer_complete(&plain, Some(&Answer::Single { option: 0 })));

    let scenario = branching_scenario("s");
    assert!(!answer_complete(&scenario, None));
    let partway = Answer::Scenario {
        choices: vec![pick("a", 1)],
    };
    assert!(!answer_complete(&scenario, Some(&partway)), "b is next");
    let ended = Answer::Scenario {
        choices: vec![pick("a", 1), pick("b", 1), pick("c", 0)],
    };
    assert!(answer_complete(&scenario, Some(&ended)));
    let short_cut = Answer::Scenario {
        choices: vec![pick("a", 0), pick("c", 0)],
    };
    assert!(
        answer_complete(&scenario, Some(&short_cut)),
        "a wise pick skips b"
    );
}

#[test]
fn the_last_question_leads_to_the_result_and_every_other_to_the_next() {
    assert_eq!(AfterQuestion::of(0, 3), AfterQuestion::Next);
    assert_eq!(AfterQuestion::of(1, 3), AfterQuestion::Next);
    assert_eq!(AfterQuestion::of(2, 3), AfterQuestion::Result);
    assert_eq!(AfterQuestion::of(0, 1), AfterQuestion::Result);
    assert_eq!(
        AfterQuestion::of(5, 3),
        AfterQuestion::Result,
        "never past the end"
    );
}

#[test]
fn the_quiz_page_goes_from_intro_through_questions_to_the_result() {
    let m = mixed_module("m", 2);
    let mut p = Progress::new(COURSE);
    assert_eq!(p.quiz_phase(&m), QuizPhase::Intro);

    p.start_quiz(&m, Role::Employee, 7, T);
    assert_eq!(p.quiz_phase(&m), QuizPhase::Question(0));
    p.advance("m", T + 1).expect("a running attempt");
    assert_eq!(p.quiz_phase(&m), QuizPhase::Question(1));
    p.advance("m", T + 2).expect("a running attempt");
    assert_eq!(
        p.quiz_phase(&m),
        QuizPhase::Unscored,
        "past the last question, before scoring"
    );

    p.finish_quiz(&m, 80, T + 3).expect("scored");
    assert_eq!(p.quiz_phase(&m), QuizPhase::Result);
}

/// Answers the running attempt at `m` wholly right or (by leaving every answer empty) wholly
/// wrong, and scores it at `now_ms`.
fn take_quiz(p: &mut Progress, m: &trygg_core::content::Module, right: bool, now_ms: u64) {
    p.start_quiz(m, Role::Employee, 7, now_ms);
    if right {
        answer_all_right(p, m, now_ms);
    }
    let total = p.attempt(&m.id).expect("started").plan.items.len();
    for _ in 0..total {
        p.advance(&m.id, now_ms).expect("running");
    }
    p.finish_quiz(m, 80, now_ms).expect("scored");
}

#[test]
fn renewing_opens_the_quiz_on_its_intro_not_on_last_years_result() {
    const DAY: u64 = 86_400_000;
    let m = mixed_module("m", 2);
    let mut p = Progress::new(COURSE);
    take_quiz(&mut p, &m, true, T);
    assert_eq!(
        p.quiz_phase_on(&m, T + DAY, 12),
        QuizPhase::Result,
        "just passed"
    );
    assert_eq!(
        p.quiz_phase_on(&m, T + 300 * DAY, 12),
        QuizPhase::Result,
        "valid, not yet due"
    );
    assert_eq!(
        p.quiz_phase_on(&m, T + 350 * DAY, 12),
        QuizPhase::Intro,
        "due for renewal"
    );
    assert_eq!(
        p.quiz_phase_on(&m, T + 400 * DAY, 12),
        QuizPhase::Intro,
        "run out"
    );
    assert_eq!(
        p.quiz_phase(&m),
        QuizPhase::Result,
        "the review is still kept"
    );

    // A retake failed while the pass is due shows its own result.
    take_quiz(&mut p, &m, false, T + 350 * DAY);
    assert_eq!(p.quiz_phase_on(&m, T + 351 * DAY, 12), QuizPhase::Result);
    // A retake passed renews the module: its result shows.
    take_quiz(&mut p, &m, true, T + 352 * DAY);
    assert_eq!(p.quiz_phase_on(&m, T + 353 * DAY, 12), QuizPhase::Result);
}

#[test]
fn an_attempt_at_questions_since_removed_shows_the_intro() {
    let m = mixed_module("m", 3);
    let mut p = Progress::new(COURSE);
    p.start_attempt("m", draw_quiz(&m, Role::Employee, 3), T);
    let mut changed = m.clone();
    changed.questions.truncate(1);
    changed.quiz_size = 1;
    assert_eq!(p.quiz_phase(&changed), QuizPhase::Intro);
}

// ---------- storage ----------

#[test]
fn nothing_is_worth_saving_until_the_learner_does_something() {
    let mut p = Progress::new(COURSE);
    assert!(!p.worth_saving());
    p.set_role(Role::Manager, T);
    assert!(p.worth_saving());
}

#[test]
fn a_readable_document_is_loaded_and_nothing_found_starts_afresh() {
    let key = progress_key(COURSE);
    assert_eq!(key, "trygg:course:progress");
    assert_eq!(open_decision(None, COURSE, &key, T), OpenDecision::Fresh);
    let mut saved = Progress::new(COURSE);
    saved.set_role(Role::Manager, T);
    let raw = to_json(&saved);
    assert_eq!(
        open_decision(Some(&raw), COURSE, &key, T),
        OpenDecision::Load(saved.clone())
    );
    assert_eq!(read_stored(&raw, COURSE), Some(saved));
}

#[test]
fn a_newer_versions_document_is_left_alone() {
    let raw = format!(
        r#"{{"version": {}, "course_id": "{COURSE}"}}"#,
        PROGRESS_VERSION + 1
    );
    let key = progress_key(COURSE);
    match open_decision(Some(&raw), COURSE, &key, T) {
        OpenDecision::ReadOnly(ProgressError::NewerVersion { .. }) => {}
        other => panic!("expected read-only, got {other:?}"),
    }
    assert_eq!(read_stored(&raw, COURSE), None, "never merged either");
}

#[test]
fn unreadable_text_is_backed_up_under_a_key_of_its_moment() {
    let key = progress_key(COURSE);
    let foreign = to_json(&Progress::new("another-course"));
    let huge = format!(
        r#"{{"version": 3, "pad": "{}"}}"#,
        "x".repeat(MAX_PROGRESS_BYTES)
    );
    for raw in ["{not json", "[1, 2]", foreign.as_str(), huge.as_str()] {
        match open_decision(Some(raw), COURSE, &key, T) {
            OpenDecision::BackUp { backup_key, .. } => {
                assert_eq!(backup_key, format!("trygg:course:progress:backup:{T}"));
            }
            other => panic!("expected a backup of {:.20}, got {other:?}", raw),
        }
        assert_eq!(read_stored(raw, COURSE), None);
    }
}

#[test]
fn backups_are_listed_oldest_first_and_only_the_keys_own() {
    let key = progress_key(COURSE);
    let keys = vec![
        backup_key(&key, 30),
        "trygg:other:progress:backup:1".to_string(),
        format!("{key}:backup:odd"),
        backup_key(&key, 4),
        key.clone(),
    ];
    assert_eq!(
        backups_of(&key, keys),
        vec![
            format!("{key}:backup:4"),
            format!("{key}:backup:30"),
            format!("{key}:backup:odd"),
        ]
    );
}

#[test]
fn progress_opens_in_session_storage_only_where_it_already_is() {
    assert!(opens_in_session(true, true));
    assert!(!opens_in_session(true, false), "a first visit keeps it");
    assert!(!opens_in_session(false, true), "blocked session storage");
}
