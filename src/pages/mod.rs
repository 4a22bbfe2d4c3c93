//! One module per page; `render_shell` and `render_course` map a route to its page.

pub mod about;
pub mod certificate;
pub mod content_error;
pub mod lesson;
pub mod manager;
pub mod my_data;
pub mod not_found;
pub mod quiz;
pub mod start;
pub mod training;

use yew::prelude::*;

use crate::route::Route;

/// The pages of the app itself: they need only `organisation.json`.
pub fn render_shell(route: &Route) -> Html {
    match route {
        Route::Start => html! { <start::StartPage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        Route::About => html! { <about::AboutPage /> },
        _ => html! { <not_found::NotFoundPage /> },
    }
}

/// The pages of the course module (`course/`): they need the whole course.
pub fn render_course(route: &Route) -> Html {
    match route.clone() {
        Route::Training => html! { <training::TrainingPage /> },
        Route::Lesson { module, step } => html! { <lesson::LessonPage {module} {step} /> },
        Route::Quiz { module } => html! { <quiz::QuizPage {module} /> },
        Route::Certificate => html! { <certificate::CertificatePage /> },
        _ => html! {},
    }
}
