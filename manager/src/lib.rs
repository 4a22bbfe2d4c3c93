//! The manager view as a separate wasm module. The app's manager page calls `mount` with a
//! container element; 50,000 learners never download the roster, import and export code.

use std::cell::RefCell;

use trygg_app::content_loader::fetch_course;
use trygg_app::i18n::{fill, t};
use trygg_app::pages::manager::ManagerView;
use trygg_app::state::{AppHandle, AppState, ContentFailure};
use trygg_core::content::Lang;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct RootProps {
    lang: Lang,
}

/// The course's id and content version, which the roster judges certificates against.
type CourseKey = (AttrValue, AttrValue);

/// Gives the manager view the app state it reads (the language), as the app does, and the
/// course it checks certificates against, read with the same code as the course pages.
#[component]
fn Root(props: &RootProps) -> Html {
    let lang = props.lang;
    let state = use_reducer(move || AppState::new(lang));
    let course = use_state(|| {
        COURSE_KEY
            .with(|k| k.borrow().clone())
            .map(Ok::<_, ContentFailure>)
    });
    {
        let course = course.clone();
        use_effect_with((), move |_| {
            if course.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let key = fetch_course().await.map(|c| {
                        (
                            AttrValue::from(c.organisation.course_id),
                            AttrValue::from(c.version),
                        )
                    });
                    if let Ok(key) = &key {
                        COURSE_KEY.with(|k| *k.borrow_mut() = Some(key.clone()));
                    }
                    course.set(Some(key));
                });
            }
        });
    }
    let body = match &*course {
        None => html! {
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{ t(lang, "manager.loading") }</p>
        },
        Some(Ok((course_id, version))) => html! {
            <ManagerView course_id={course_id.clone()} content_version={version.clone()} />
        },
        Some(Err(failure)) => {
            let reason = match failure {
                ContentFailure::Fetch { file, .. } => file.clone(),
                ContentFailure::Invalid(issues) => issues
                    .first()
                    .map(|issue| issue.to_string())
                    .unwrap_or_default(),
            };
            html! {
                <p class="feedback bad" role="alert">{ fill(t(lang, "manager.load_failed"), &[("reason", &reason)]) }</p>
            }
        }
    };
    html! {
        <ContextProvider<AppHandle> context={state}>{ body }</ContextProvider<AppHandle>>
    }
}

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<Root>>> = const { RefCell::new(None) };
    /// The course's id and version once read: a language switch mounts the view again, and the
    /// files do not change while the page is open.
    static COURSE_KEY: RefCell<Option<CourseKey>> = const { RefCell::new(None) };
}

/// Renders the manager view into `root` in `lang`, replacing any earlier mount. An import
/// in progress carries on: its state lives outside the view.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str) {
    unmount();
    trygg_app::i18n::use_areas(&[&trygg_app::i18n::MANAGER]);
    trygg_app::lazy_mount::skip_app_subtree_ids();
    let props = RootProps {
        lang: Lang::from_code(lang).unwrap_or(Lang::Sv),
    };
    let handle = yew::Renderer::<Root>::with_root_and_props(root, props).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Removes the manager view (the learner left the page).
#[wasm_bindgen]
pub fn unmount() {
    if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
}
