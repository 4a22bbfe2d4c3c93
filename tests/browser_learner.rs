//! Runs in headless Chromium (wasm-bindgen-test): the learner state of the course module.
//! Its course arrives only together with the rules its quizzes run by, so "start quiz" on a
//! fitted course always draws a quiz.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use trygg_app::course::rules::CORE_RULES;
use trygg_app::shared::learner::{At, Fitted, LearnerAction, LearnerState, Scope};
use trygg_core::content::{load_course, Course};
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

/// The core's test course, read as the app reads content files.
fn fixture_course() -> Course {
    macro_rules! file {
        ($name:literal) => {
            (
                $name.to_string(),
                include_bytes!(concat!("../core/tests/fixtures/content/", $name)).to_vec(),
            )
        };
    }
    let files = vec![
        file!("organisation.json"),
        file!("sources.json"),
        file!("modules/alpha.json"),
        file!("modules/beta.json"),
        file!("languages/sv/course.json"),
        file!("languages/sv/modules/alpha.json"),
        file!("languages/sv/modules/beta.json"),
        file!("languages/en/course.json"),
    ];
    match load_course(&files) {
        Ok(course) => course,
        Err(issues) => panic!("the fixture course has problems: {issues:?}"),
    }
}

#[wasm_bindgen_test]
fn the_course_modules_scope_starts_a_quiz() {
    let course = Rc::new(fixture_course());
    let module = course.modules[0].id.clone();
    let scope = Scope::Course {
        course: Some(course.clone()),
        rules: CORE_RULES,
    };
    let Some(fitted): Option<Fitted> = scope.fitted() else {
        panic!("a course scope with its course is fitted");
    };
    let state = Rc::new(LearnerState::open("browser-learner-rules", scope.rules()));
    let state = state.reduce(At(1, LearnerAction::Reconcile(fitted)));
    assert_eq!(
        state.course().map(|c| c.version.clone()),
        Some(course.version.clone())
    );

    let state = state.reduce(At(
        2,
        LearnerAction::StartQuiz {
            module: module.clone(),
            seed: 7,
        },
    ));
    let attempt = state.progress.attempt(&module).expect("a quiz was drawn");
    assert!(
        !attempt.plan.items.is_empty(),
        "the drawn quiz has questions"
    );
    assert_eq!(attempt.plan.seed, 7);
    assert!(!attempt.finished);
}

#[wasm_bindgen_test]
fn the_shells_scope_has_no_course_to_run_a_quiz_on() {
    let scope = Scope::Settings;
    assert!(scope.fitted().is_none());
    assert!(scope.rules().is_none());
    let state = Rc::new(LearnerState::open(
        "browser-learner-settings",
        scope.rules(),
    ));
    assert!(state.course().is_none());
}

#[wasm_bindgen_test]
fn a_course_is_fitted_once_per_content_version() {
    let course = Rc::new(fixture_course());
    let fitted = Fitted {
        course: course.clone(),
        rules: CORE_RULES,
    };
    let state = Rc::new(LearnerState::open("browser-learner-once", Some(CORE_RULES)));
    let state = state.reduce(At(1, LearnerAction::Reconcile(fitted.clone())));
    let again = state
        .clone()
        .reduce(At(2, LearnerAction::Reconcile(fitted)));
    assert!(
        Rc::ptr_eq(&state, &again),
        "the same version changes nothing"
    );
}

#[wasm_bindgen_test]
fn a_quiz_for_a_module_the_course_lacks_changes_nothing() {
    let fitted = Fitted {
        course: Rc::new(fixture_course()),
        rules: CORE_RULES,
    };
    let state = Rc::new(LearnerState::open(
        "browser-learner-unknown",
        Some(CORE_RULES),
    ));
    let state = state.reduce(At(1, LearnerAction::Reconcile(fitted)));
    let after = state.clone().reduce(At(
        2,
        LearnerAction::StartQuiz {
            module: "no-such-module".into(),
            seed: 1,
        },
    ));
    assert!(Rc::ptr_eq(&state, &after));
}
