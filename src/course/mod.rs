//! The course module (`course/` crate, `trygg_course.wasm`): my training, lessons, quizzes,
//! the certificate and "my data". They need the whole course, or (my data) the progress
//! code that restoring a file needs, which the first page of a visit does without.

pub mod app;
pub mod certificate;
pub mod lesson;
pub mod my_data;
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
        Route::Certificate => html! { <certificate::CertificatePage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        _ => html! {},
    }
}
