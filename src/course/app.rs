//! The course pages (my training, lessons, quizzes) as the root of a wasm module of their own
//! (`course/`). `boot.js` starts it on those routes, and the shell hands it the page on them,
//! so a start page arrives without the module files or the quiz engine. Each mount opens the
//! learner's progress afresh from storage, where the module before it saved it.

use yew::prelude::*;

use crate::course;
use crate::shared::browser::idle;
use crate::shared::content_loader::prefetch_module_texts;
use crate::shared::course_module::{CourseMain, CourseModuleRoot};
use crate::shared::handover::{ModuleProps, Part};
use crate::shared::hooks::use_module_texts;
use crate::shared::learner::use_learner;
use crate::shared::route::{use_route, Route};
use crate::shared::state::use_app;

/// The course module's root.
#[component]
pub fn CourseApp(props: &ModuleProps) -> Html {
    html! {
        <CourseModuleRoot handover={props.handover.clone()} part={Part::Course}>
            <CoursePage focus_on_ready={props.handover.navigated} />
        </CourseModuleRoot>
    }
}

#[derive(Properties, PartialEq)]
struct CoursePageProps {
    focus_on_ready: bool,
}

/// The route's page once the learner's progress is fitted to the course and, on a lesson or
/// quiz, its module's texts are read.
#[component]
fn CoursePage(props: &CoursePageProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let route = use_route();
    // A lesson or quiz waits for its module's texts, read when it is first opened.
    let module = match &route {
        Route::Lesson { module, .. } | Route::Quiz { module } => Some(module.as_str()),
        _ => None,
    };
    let texts = use_module_texts(module);
    let ready = texts && app.course().is_some_and(|c| learner.is_fitted_to(c));

    {
        // Once the page is shown and the browser idle, the other modules' texts are asked
        // for, so each opens at once; before, they would share the network with the page.
        // Not done if the page changes first: another page loading, or the learner asking
        // for another language (the page shows the one before until it is read).
        let course = app.course().cloned();
        let lang = course.as_ref().and_then(|c| c.lang);
        let current = ready && lang == Some(app.wanted);
        use_effect_with((current, lang), move |(current, _)| {
            let work = match (*current, course) {
                (true, Some(course)) => {
                    Some(idle::when_idle(move || prefetch_module_texts(&course)))
                }
                _ => None,
            };
            move || drop(work)
        });
    }

    html! {
        <CourseMain part={Part::Course} route={route.clone()} {ready} focus_on_ready={props.focus_on_ready}>
            { course::render(&route) }
        </CourseMain>
    }
}
