//! The root component: reads the organisation file, provides the app state, and shows the
//! route's page. The course pages live in a wasm module of their own (`course/`), mounted by
//! [`CourseHost`] on their routes, so the first page loads without them.

use std::rc::Rc;

use trygg_core::content::Lang;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::browser::lazy::{call_export, load_module};
use crate::browser::{document, storage::KeyValueStore};
use crate::components::{
    footer::Footer,
    header::Header,
    page_title::{use_heading_focus, PageTitle},
    storage_banner::StorageBanner,
};
use crate::content_loader::fetch_organisation;
use crate::i18n::{fill, t};
use crate::learner::LearnerProvider;
use crate::pages;
use crate::pages::content_error::{content_error, loading};
use crate::route::{use_route, Route};
use crate::state::{use_app, AppAction, AppState, ContentState};

/// Global preference key: the language is needed before the course (and its id) is loaded.
const LANG_KEY: &str = "trygg:lang";

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let lang = KeyValueStore::open(false)
            .get(LANG_KEY)
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or(Lang::Sv);
        AppState::new(lang)
    });
    let route = use_route();

    {
        let dispatch = state.dispatcher();
        use_effect_with(state.load_attempt, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_organisation().await {
                    Ok(org) => dispatch.dispatch(AppAction::OrganisationLoaded(Rc::new(org))),
                    Err(failure) => dispatch.dispatch(AppAction::ContentFailed(failure)),
                }
            });
        });
    }

    use_effect_with(state.lang, |lang| {
        document::set_lang(*lang);
        let _ = KeyValueStore::open(false).set(LANG_KEY, lang.code());
    });

    // Whether the learner has moved on from the first page of the visit: from then on,
    // focus goes to each new page's heading.
    let navigated = {
        let first = use_mut_ref(|| route.clone());
        let navigated = use_mut_ref(|| false);
        if *first.borrow() != route {
            *navigated.borrow_mut() = true;
        }
        let value = *navigated.borrow();
        value
    };

    let lang = state.lang;
    let main = match (&state.content, &state.organisation) {
        (_, Some(_)) if route.is_course() => html! { <CourseHost focus_on_ready={navigated} /> },
        (_, Some(org)) => html! {
            <LearnerProvider course_id={org.course_id.clone()} course={None}>
                <ShellPage route={route.clone()} focus_on_ready={navigated} />
            </LearnerProvider>
        },
        (ContentState::Failed(failure), None) => content_error(failure),
        (_, None) => html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(lang) }</main>
        },
    };

    html! {
        <ContextProvider<crate::state::AppHandle> context={state.clone()}>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ t(lang, "nav.skip") }</a>
            <Header route={route.clone()} />
            { main }
            <Footer />
        </ContextProvider<crate::state::AppHandle>>
    }
}

#[derive(Properties, PartialEq)]
struct ShellPageProps {
    route: Route,
    focus_on_ready: bool,
}

/// `<main>` with one of the app's own pages (start, about, my data, manager, not found).
/// `data-route` names the page shown, for tests.
#[component]
fn ShellPage(props: &ShellPageProps) -> Html {
    let route = &props.route;
    use_heading_focus(route.clone(), true, props.focus_on_ready);
    html! {
        <main id="main" tabindex="-1" data-route={route.href()}>
            <StorageBanner />
            { pages::render_shell(route) }
        </main>
    }
}

#[derive(Clone, PartialEq)]
enum Mount {
    Loading,
    Mounted,
    Failed,
}

const COURSE_LOADER: &str = "tryggCourse";
const COURSE_FILE: &str = "trygg_course.js";

#[derive(Properties, PartialEq)]
struct CourseHostProps {
    focus_on_ready: bool,
}

/// Fetches the course module on first use and mounts it into a container of its own; the
/// module renders `<main>` and follows the route itself.
#[component]
fn CourseHost(props: &CourseHostProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let root = use_node_ref();
    let mount = use_state(|| Mount::Loading);
    let attempt = use_state(|| 0u32);

    // The language when the module arrives, which the learner may have switched meanwhile.
    let current_lang = use_mut_ref(|| lang);
    *current_lang.borrow_mut() = lang;
    {
        let root = root.clone();
        let mount = mount.clone();
        let focus = props.focus_on_ready;
        let current_lang = current_lang.clone();
        use_effect_with(*attempt, move |_| {
            if let Some(element) = root.get() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match load_module(COURSE_LOADER, COURSE_FILE).await {
                        Ok(module) => {
                            let lang = *current_lang.borrow();
                            call_export(
                                &module,
                                "mount",
                                &[element.into(), lang.code().into(), focus.into()],
                            )
                            .map(|_| ())
                        }
                        Err(e) => Err(e),
                    };
                    if let Err(e) = &result {
                        web_sys::console::error_1(&e.into());
                    }
                    mount.set(match result {
                        Ok(()) => Mount::Mounted,
                        Err(_) => Mount::Failed,
                    });
                });
            }
            || {
                wasm_bindgen_futures::spawn_local(async {
                    if let Ok(module) = load_module(COURSE_LOADER, COURSE_FILE).await {
                        let _ = call_export(&module, "unmount", &[JsValue::NULL]);
                    }
                });
            }
        });
    }

    {
        let mounted = *mount == Mount::Mounted;
        use_effect_with((lang, mounted), move |(lang, mounted)| {
            let lang = *lang;
            if *mounted {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(module) = load_module(COURSE_LOADER, COURSE_FILE).await {
                        let _ = call_export(&module, "set_lang", &[lang.code().into()]);
                    }
                });
            }
        });
    }

    let retry = {
        let attempt = attempt.clone();
        let mount = mount.clone();
        Callback::from(move |_| {
            mount.set(Mount::Loading);
            attempt.set(*attempt + 1);
        })
    };
    html! {
        <>
            if *mount == Mount::Loading {
                <main id="main" tabindex="-1" data-route="loading">{ loading(lang) }</main>
            }
            if *mount == Mount::Failed {
                <main id="main" tabindex="-1" data-route="module-error">
                    <div class="page" role="alert">
                        <PageTitle text={t(lang, "content_error.title")} />
                        <p>{ fill(t(lang, "course.load_failed"), &[("file", COURSE_FILE)]) }</p>
                        <p><button type="button" class="button" onclick={retry}>{ t(lang, "content_error.retry") }</button></p>
                    </div>
                </main>
            }
            <div class="course-host" ref={root}></div>
        </>
    }
}

/// The skip link must not change the hash (that is our router), so it moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        document::focus("main");
    })
}
