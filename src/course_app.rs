//! The course pages (my training, lessons, quizzes, the certificate) as the root of a wasm
//! module of their own (`course/`). The app mounts it on those routes only, so a learner's
//! first page arrives without the module files, the quiz engine or the certificate code.
//! Each mount opens the learner's progress afresh from storage, where the app saved it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use trygg_core::content::{Course, Lang};
use yew::prelude::*;

use crate::components::page_title::use_heading_focus;
use crate::content_loader::fetch_course;
use crate::learner::{use_learner, LearnerProvider};
use crate::pages;
use crate::pages::content_error::{content_error, loading};
use crate::route::use_route;
use crate::state::{use_app, AppAction, AppHandle, AppState, ContentState};

thread_local! {
    /// The course as read on the first mount: the files do not change while the page is open.
    static COURSE: RefCell<Option<Rc<Course>>> = const { RefCell::new(None) };
    /// Lets the app pass on a language switch without mounting the pages again.
    static LANG: RefCell<Option<UseReducerDispatcher<AppState>>> = const { RefCell::new(None) };
    /// The learner is still on the page the visit began with and has not moved on.
    static LANDED: Cell<bool> = const { Cell::new(false) };
}

/// Whether focus should stay where the browser put it: true only the first time it is asked
/// on the page the visit began with (a quiz opened by a link or a reload starts at the top of
/// the document, like every other page). Every later question takes focus.
pub fn keep_focus_on_landing() -> bool {
    LANDED.with(|landed| landed.replace(false))
}

#[derive(Properties, PartialEq)]
pub struct CourseAppProps {
    pub lang: Lang,
    /// Move focus to the page heading once it shows: the learner navigated here.
    pub focus_on_ready: bool,
}

#[component]
pub fn CourseApp(props: &CourseAppProps) -> Html {
    let lang = props.lang;
    let landed = !props.focus_on_ready;
    // Once per mount: a new mount is a new arrival in the course.
    let state = use_reducer(move || {
        LANDED.with(|l| l.set(landed));
        let mut state = AppState::new(lang);
        if let Some(course) = COURSE.with(|c| c.borrow().clone()) {
            state.content = ContentState::Ready(course);
        }
        state
    });

    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            LANG.with(|l| *l.borrow_mut() = Some(dispatch));
            || LANG.with(|l| *l.borrow_mut() = None)
        });
    }

    {
        let dispatch = state.dispatcher();
        let loaded = state.course().is_some();
        use_effect_with(state.load_attempt, move |_| {
            if !loaded {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_course().await {
                        Ok(course) => {
                            let course = Rc::new(course);
                            COURSE.with(|c| *c.borrow_mut() = Some(course.clone()));
                            dispatch.dispatch(AppAction::ContentLoaded(course));
                        }
                        Err(failure) => dispatch.dispatch(AppAction::ContentFailed(failure)),
                    }
                });
            }
        });
    }

    let main = match &state.content {
        ContentState::Ready(course) => html! {
            <LearnerProvider course_id={course.organisation.course_id.clone()} course={Some(course.clone())}>
                <CoursePage focus_on_ready={props.focus_on_ready} />
            </LearnerProvider>
        },
        ContentState::Failed(failure) => content_error(failure),
        ContentState::Loading => html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(state.lang) }</main>
        },
    };
    html! {
        <ContextProvider<AppHandle> context={state}>{ main }</ContextProvider<AppHandle>>
    }
}

/// Switches the mounted pages to `lang`.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| {
        if let Some(dispatch) = &*l.borrow() {
            dispatch.dispatch(AppAction::SetLang(lang));
        }
    });
}

#[derive(Properties, PartialEq)]
struct CoursePageProps {
    focus_on_ready: bool,
}

/// `<main>` with the route's page once the learner's progress is fitted to the course.
/// `data-route` names the page actually shown, for tests.
#[component]
fn CoursePage(props: &CoursePageProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let route = use_route();
    let ready = app
        .course()
        .is_some_and(|c| learner.reconciled.as_deref() == Some(c.version.as_str()));

    // The app shows the page when the route leaves the course; this tree must not focus it.
    use_heading_focus(
        route.clone(),
        ready && route.is_course(),
        props.focus_on_ready,
    );
    {
        let first = use_mut_ref(|| true);
        use_effect_with(route.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                LANDED.with(|l| l.set(false));
            }
        });
    }

    if !ready || !route.is_course() {
        return html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(app.lang) }</main>
        };
    }
    html! {
        <main id="main" tabindex="-1" data-route={route.href()}>
            <crate::components::storage_banner::StorageBanner />
            { pages::render_course(&route) }
        </main>
    }
}
