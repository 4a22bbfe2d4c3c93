//! One module per page; `render` maps a route to its page.

pub mod about;
pub mod certificate;
pub mod content_error;
pub mod lesson;
pub mod manager;
pub mod manager_page;
pub mod my_data;
pub mod not_found;
pub mod quiz;
pub mod start;
pub mod training;

use yew::prelude::*;

use crate::route::Route;

pub fn render(route: &Route) -> Html {
    match route.clone() {
        Route::Start => html! { <start::StartPage /> },
        Route::Training => html! { <training::TrainingPage /> },
        Route::Lesson { module, step } => html! { <lesson::LessonPage {module} {step} /> },
        Route::Quiz { module } => html! { <quiz::QuizPage {module} /> },
        Route::Certificate => html! { <certificate::CertificatePage /> },
        Route::Manager => html! { <manager_page::ManagerPage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        Route::About => html! { <about::AboutPage /> },
        Route::NotFound => html! { <not_found::NotFoundPage /> },
    }
}
