//! The course pages (my training, lessons, quizzes, the certificate, my data) as the root of
//! a wasm module of their own (`course/`). `boot.js` starts it on those routes, and the
//! shell hands it the page on them, so a start page arrives without the module files, the
//! quiz engine or the certificate code. Each mount opens the learner's progress afresh from storage, where the
//! module before it saved it.

use std::cell::RefCell;
use std::rc::Rc;

use trygg_core::content::Course;
use yew::prelude::*;

use crate::course;
use crate::course::rules::CORE_RULES;
use crate::shared::browser::{idle, worker};
use crate::shared::components::frame::{Frame, PassingPage};
use crate::shared::content_error::{content_error, loading};
use crate::shared::content_loader::{course_urls, prefetch_module_texts};
use crate::shared::handover::{use_hand_over, ModuleProps, Part, Passing};
use crate::shared::hooks::{
    use_course_content, use_heading_focus, use_module_texts, use_navigated,
};
use crate::shared::landing::Landing;
use crate::shared::learner::{use_learner, LearnerProvider, Scope};
use crate::shared::route::{use_route, Route};
use crate::shared::state::{use_app, AppHandle, AppState, ContentState};

thread_local! {
    /// The course as read on the first mount: the files do not change while the page is open.
    /// A slot rather than Yew state because it must outlive this module's app: the shell or
    /// the manager view renders the page between two turns of the course, and the hand-over
    /// cannot carry it, being a plain JavaScript value that another wasm module reads.
    static COURSE: RefCell<Option<Rc<Course>>> = const { RefCell::new(None) };
}

/// The course module's root.
#[component]
pub fn CourseApp(props: &ModuleProps) -> Html {
    let handover = props.handover.clone();
    let arrived_by_navigation = props.handover.navigated;
    // Once per mount: a new mount is a new arrival in the course.
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
    let (passing, retry) = use_hand_over(&route, Part::Course, state.wanted, navigated);
    use_course_content(&state);
    {
        // Kept for the next mount of this module on the page: the files do not change while
        // it is open (a language switch fills them in again).
        let course = state.course().cloned();
        let lang = course.as_ref().and_then(|c| c.lang);
        let ahead = course.clone();
        use_effect_with(course, |course| {
            if let Some(course) = course {
                COURSE.with(|c| *c.borrow_mut() = Some(course.clone()));
            }
        });
        // Once per language: the offline worker keeps the language's course files, the PDF
        // maker and its fonts.
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
                <CoursePage focus_on_ready={arrived_by_navigation} />
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
struct CoursePageProps {
    focus_on_ready: bool,
}

/// `<main>` with the route's page once the learner's progress is fitted to the course ("my
/// data" at once). `data-route` names the page actually shown, for tests.
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
    let ready = route == Route::MyData
        || texts
            && app
                .course()
                .is_some_and(|c| learner.reconciled.as_deref() == Some(c.version.as_str()));

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

    // The app shows the page when the route leaves the course; this tree must not focus it.
    use_heading_focus(
        route.clone(),
        ready && Part::of(&route) == Part::Course,
        props.focus_on_ready,
    );
    {
        let first = use_mut_ref(|| true);
        let landing = app.landing.clone();
        use_effect_with(route.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                landing.moved_on();
            }
        });
    }

    if !ready || Part::of(&route) != Part::Course {
        return html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(&app.words()) }</main>
        };
    }
    html! {
        <main id="main" tabindex="-1" data-route={route.href()}>
            <crate::shared::components::storage_banner::StorageBanner />
            <crate::shared::lms_banner::LmsBanner />
            { course::render(&route) }
        </main>
    }
}
