//! The records pages (the certificate, my data) as the root of a wasm module of their own
//! (`records/`). `boot.js` starts it on those routes and the course module hands it the page
//! on them. Each mount opens the learner's progress afresh from storage, where the module
//! before it saved it.

use yew::prelude::*;

use crate::records;
use crate::shared::course_module::{CourseMain, CourseModuleRoot};
use crate::shared::handover::{ModuleProps, Part};
use crate::shared::learner::use_learner;
use crate::shared::route::{use_route, Route};
use crate::shared::state::use_app;

/// The records module's root.
#[component]
pub fn RecordsApp(props: &ModuleProps) -> Html {
    html! {
        <CourseModuleRoot handover={props.handover.clone()} part={Part::Records}>
            <RecordsPage focus_on_ready={props.handover.navigated} />
        </CourseModuleRoot>
    }
}

#[derive(Properties, PartialEq)]
struct RecordsPageProps {
    focus_on_ready: bool,
}

/// The route's page once the learner's progress is fitted to the course ("my data" at once).
#[component]
fn RecordsPage(props: &RecordsPageProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let route = use_route();
    let ready = route == Route::MyData || app.course().is_some_and(|c| learner.is_fitted_to(c));
    html! {
        <CourseMain part={Part::Records} route={route.clone()} {ready} focus_on_ready={props.focus_on_ready}>
            { records::render(&route) }
        </CourseMain>
    }
}
