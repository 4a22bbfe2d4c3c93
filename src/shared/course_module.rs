//! What the two modules that run the course share (`course/`: my training, lessons, quizzes;
//! `records/`: the certificate, my data): a root that reads the course once per module and
//! fits the learner's progress to it, and the page's `<main>` once the page is ready.

use std::cell::RefCell;
use std::rc::Rc;

use trygg_core::content::Course;
use yew::prelude::*;

use crate::course::rules::CORE_RULES;
use crate::shared::browser::worker;
use crate::shared::components::frame::{Frame, PassingPage};
use crate::shared::content_error::{content_error, loading};
use crate::shared::content_loader::course_urls;
use crate::shared::handover::{use_hand_over, Handover, Part, Passing};
use crate::shared::hooks::{use_course_content, use_heading_focus, use_navigated};
use crate::shared::landing::Landing;
use crate::shared::learner::{LearnerProvider, Scope};
use crate::shared::route::{use_route, Route};
use crate::shared::state::{use_app, AppHandle, AppState, ContentState};

thread_local! {
    /// The course as read on the module's first mount (each wasm module has its own). The
    /// files do not change while the page is open. A slot rather than Yew state because it
    /// must outlive this module's app: another module renders the page between two turns of
    /// this one, and the hand-over cannot carry it, being a plain JavaScript value that
    /// another wasm module reads.
    static COURSE: RefCell<Option<Rc<Course>>> = const { RefCell::new(None) };
}

#[derive(Properties, PartialEq)]
pub struct CourseModuleRootProps {
    pub handover: Handover,
    /// The module this root renders.
    pub part: Part,
    /// The module's page, inside the learner's context ([`CourseMain`] in it).
    pub children: Children,
}

/// The root of a module that runs the course: its app state, the hand-over to and from the
/// other modules, the course's files, and the learner's progress.
#[component]
pub fn CourseModuleRoot(props: &CourseModuleRootProps) -> Html {
    let handover = props.handover.clone();
    let arrived_by_navigation = props.handover.navigated;
    // Once per mount: a new mount is a new arrival in the module.
    let state = use_reducer(move || {
        let mut state = AppState::arriving(&handover);
        state.landing = Landing::new(arrived_by_navigation);
        if let Some(course) = COURSE.with(|c| c.borrow().clone()) {
            state.content = ContentState::Ready(course);
        }
        state
    });
    let route = use_route();
    let navigated = use_navigated(&route, arrived_by_navigation);
    let (passing, retry) = use_hand_over(&route, props.part, state.wanted, navigated);
    use_course_content(&state);
    {
        // Kept for the next mount of this module on the page (a language switch fills the
        // files in again).
        let course = state.course().cloned();
        let lang = course.as_ref().and_then(|c| c.lang);
        let ahead = course.clone();
        use_effect_with(course, |course| {
            if let Some(course) = course {
                COURSE.with(|c| *c.borrow_mut() = Some(course.clone()));
            }
        });
        // Once per language: the offline worker keeps the language's course files, the
        // records module, the PDF maker and its fonts.
        use_effect_with(lang, move |lang| {
            if let (Some(lang), Some(course)) = (lang, ahead) {
                worker::keep_for_offline(Some("course"), course_urls(&course.organisation, *lang));
            }
        });
    }

    // "My data" needs only the organisation file: it is shown as soon as that is read, and
    // also when a module file is broken, so a learner can always download or delete what is
    // saved. The other pages wait for the whole course.
    let shown = route == Route::MyData || state.course().is_some();
    let main = match (&passing, state.organisation(), &state.content) {
        (Passing::Here, Some(organisation), _) if shown => html! {
            <LearnerProvider course_id={organisation.course_id.clone()}
                scope={Scope::Course { course: state.course().cloned(), rules: CORE_RULES }}>
                { props.children.clone() }
            </LearnerProvider>
        },
        (Passing::Here, _, ContentState::Failed(failure)) => content_error(failure),
        (Passing::Here, ..) => html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(&state.words()) }</main>
        },
        (passing, ..) => html! { <PassingPage passing={passing.clone()} {retry} /> },
    };
    html! {
        <ContextProvider<AppHandle> context={state}>
            <Frame {route}>{ main }</Frame>
        </ContextProvider<AppHandle>>
    }
}

#[derive(Properties, PartialEq)]
pub struct CourseMainProps {
    /// The module rendering it.
    pub part: Part,
    /// The route `children` were rendered for: given with them, never read apart, so the
    /// heading is focused once the new page is in place, not on the page before.
    pub route: Route,
    /// Whether the page has what it shows (the learner's progress fitted to the course, a
    /// lesson's texts read).
    pub ready: bool,
    /// The module was reached by navigating: focus goes to the page's heading when ready.
    pub focus_on_ready: bool,
    pub children: Children,
}

/// `<main>` with the route's page once it is ready, "loading" until then. `data-route` names
/// the page actually shown, for tests.
#[component]
pub fn CourseMain(props: &CourseMainProps) -> Html {
    let app = use_app();
    let route = props.route.clone();
    let here = props.ready && Part::of(&route) == props.part;
    // The next module shows the page when the route leaves this one; this tree must not
    // focus it.
    use_heading_focus(route.clone(), here, props.focus_on_ready);
    {
        let first = use_mut_ref(|| true);
        let landing = app.landing.clone();
        use_effect_with(route.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                landing.moved_on();
            }
        });
    }
    // A module whose texts could not be read: its pages say why, the others work.
    let module = match &route {
        Route::Lesson { module, .. } | Route::Quiz { module } => Some(module.as_str()),
        _ => None,
    };
    if let Some(failure) = module.and_then(|id| app.module_failure(id)) {
        return content_error(failure);
    }
    if !here {
        return html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(&app.words()) }</main>
        };
    }
    html! {
        <main id="main" tabindex="-1" data-route={route.href()}>
            <crate::shared::components::storage_banner::StorageBanner />
            <crate::shared::lms_banner::LmsBanner />
            { props.children.clone() }
        </main>
    }
}
