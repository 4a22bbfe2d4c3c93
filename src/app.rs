//! The root component: loads the course, provides the app state, and picks the page.

use std::rc::Rc;

use trygg_core::content::{course_files, load_course, parse_organisation, Lang, Organisation};
use yew::prelude::*;

use crate::browser::{document, fetch, storage::KeyValueStore};
use crate::components::{footer::Footer, header::Header, storage_banner::StorageBanner};
use crate::i18n::t;
use crate::learner::{use_learner, LearnerProvider};
use crate::pages;
use crate::route::{use_route, Route};
use crate::state::{use_app, AppAction, AppState, ContentFailure, ContentState};

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
                let on_organisation = {
                    let dispatch = dispatch.clone();
                    move |org| dispatch.dispatch(AppAction::OrganisationLoaded(Rc::new(org)))
                };
                match fetch_course(on_organisation).await {
                    Ok(course) => dispatch.dispatch(AppAction::ContentLoaded(Rc::new(course))),
                    Err(failure) => dispatch.dispatch(AppAction::ContentFailed(failure)),
                }
            });
        });
    }

    use_effect_with(state.lang, |lang| {
        document::set_lang(*lang);
        let _ = KeyValueStore::open(false).set(LANG_KEY, lang.code());
    });

    let lang = state.lang;
    let main = match (&state.content, &state.organisation) {
        (_, Some(org)) => html! {
            <LearnerProvider course_id={org.course_id.clone()} course={state.course().cloned()}>
                <Page route={route.clone()} />
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

fn content_error(failure: &ContentFailure) -> Html {
    html! {
        <main id="main" tabindex="-1" data-route="content-error">
            <pages::content_error::ContentError failure={failure.clone()} />
        </main>
    }
}

fn loading(lang: Lang) -> Html {
    html! {
        <div class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            { t(lang, "loading.content") }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PageProps {
    route: Route,
}

/// `<main>` with the route's page once what the page needs is there: the organisation file
/// for the start, about, my-data and not-found pages; the whole course, with the learner's
/// progress fitted to it, for the rest. When the course failed to load, the pages that do
/// not need it still work (so a learner can always download their progress) and the rest
/// show the error. `data-route` names the page actually shown, for tests.
#[component]
fn Page(props: &PageProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let route = &props.route;
    let failure = match &app.content {
        ContentState::Failed(failure) => Some(failure.clone()),
        _ => None,
    };
    let ready = match route {
        Route::About | Route::MyData | Route::NotFound => true,
        _ if failure.is_some() => false,
        Route::Start => true,
        _ => app
            .course()
            .is_some_and(|c| learner.reconciled.as_deref() == Some(c.version.as_str())),
    };

    // Move focus to the new page's heading on navigation (also when the page had to wait
    // for the course), but not on the first page of a visit.
    {
        let first = use_mut_ref(|| true);
        use_effect_with((route.clone(), ready), move |(_, ready)| {
            if !*ready || std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            document::focus("page-title");
        });
    }

    let (name, body) = match (ready, failure) {
        (true, _) => (route.href(), pages::render(route)),
        (false, Some(failure)) => {
            return content_error(&failure);
        }
        (false, None) => ("loading".to_string(), loading(app.lang)),
    };
    html! {
        <main id="main" tabindex="-1" data-route={name}>
            <StorageBanner />
            { body }
        </main>
    }
}

/// The skip link must not change the hash (that is our router), so it moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        document::focus("main");
    })
}

/// Fetches the organisation file (handed to `on_organisation` at once, so the first page
/// can show), then the files it lists, all requests sent together, and validates them all
/// with the same core code as `trygg content check`.
async fn fetch_course(
    on_organisation: impl FnOnce(Organisation),
) -> Result<trygg_core::content::Course, ContentFailure> {
    let org_file = "organisation.json";
    let org_bytes = fetch_file(org_file).await?;
    let organisation = parse_organisation(org_file, &org_bytes).map_err(ContentFailure::Invalid)?;
    let mut pending = Vec::new();
    for name in course_files(&organisation) {
        let request = if name == org_file {
            None
        } else {
            Some(
                fetch::start_fetch(&fetch::content_url(&name))
                    .map_err(|e| fetch_failure(&name, e))?,
            )
        };
        pending.push((name, request));
    }
    on_organisation(organisation);
    let mut files = Vec::new();
    for (name, request) in pending {
        let bytes = match request {
            None => org_bytes.clone(),
            Some(request) => request.bytes().await.map_err(|e| fetch_failure(&name, e))?,
        };
        files.push((name, bytes));
    }
    load_course(&files).map_err(ContentFailure::Invalid)
}

fn fetch_failure(name: &str, error: fetch::FetchError) -> ContentFailure {
    ContentFailure::Fetch {
        file: fetch::content_url(name),
        error,
    }
}

async fn fetch_file(name: &str) -> Result<Vec<u8>, ContentFailure> {
    fetch::fetch_bytes(&fetch::content_url(name))
        .await
        .map_err(|e| fetch_failure(name, e))
}

impl Route {
    /// The translation key of the page's name, for the document title.
    pub fn title_key(&self) -> &'static str {
        match self {
            Route::Start => "page.start",
            Route::Training | Route::Lesson { .. } | Route::Quiz { .. } => "page.training",
            Route::Certificate => "page.certificate",
            Route::Manager => "page.manager",
            Route::MyData => "page.data",
            Route::About => "page.about",
            Route::NotFound => "page.not_found",
        }
    }
}
