//! The course module (`course/` crate, `trygg_course.wasm`): my training, lessons and
//! quizzes. They need the whole course, which the first page of a visit does without; the
//! certificate and "my data" are a module of their own (`records/`), which a learner needs
//! once, at the end.

pub mod app;
pub mod lesson;
pub mod quiz;
pub mod rules;
pub mod training;

use yew::prelude::*;

use crate::shared::route::Route;

/// The course's page for a route it owns.
pub fn render(route: &Route) -> Html {
    match route.clone() {
        Route::Training => html! { <training::TrainingPage /> },
        Route::Lesson { module, step } => html! { <lesson::LessonPage {module} {step} /> },
        Route::Quiz { module } => html! { <quiz::QuizPage {module} /> },
        _ => html! {},
    }
}
