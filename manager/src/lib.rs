//! The manager view as a separate wasm module. The shell (or the course module) hands it the
//! page on `#/manager` (see `trygg_app::shared::handover`); 50,000 learners never download the
//! roster, import and export code.

use trygg_app::manager::{use_sessions, ManagerView, Sessions};
use trygg_app::shared::components::frame::{Frame, PassingPage};
use trygg_app::shared::components::page_title::PageTitle;
use trygg_app::shared::handover::{mount_module, use_hand_over, ModuleProps, Part, Passing};
use trygg_app::shared::hooks::{use_course_content, use_heading_focus, use_navigated};
use trygg_app::shared::route::{use_route, Route};
use trygg_app::shared::state::{AppHandle, AppState, ContentFailure, ContentState};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The whole page on the manager route: the frame, and the manager view once the course it
/// checks certificates against is read (with the same code as the course pages).
#[component]
fn Root(props: &ModuleProps) -> Html {
    let handover = props.handover.clone();
    let state = use_reducer(move || AppState::arriving(&handover));
    let route = use_route();
    let navigated = use_navigated(&route, props.handover.navigated);
    let (passing, retry) = use_hand_over(&route, Part::Manager, state.wanted, navigated);
    use_course_content(&state);
    // The manager's import session lives here, above the page, so an import carries on
    // whatever happens to the view (a language switch, the course read again).
    let sessions = use_sessions();
    let main = match passing {
        Passing::Here => {
            html! { <ManagerPage route={route.clone()} focus_on_ready={props.handover.navigated} {sessions} /> }
        }
        passing => html! { <PassingPage {passing} {retry} /> },
    };
    html! {
        <ContextProvider<AppHandle> context={state}>
            <Frame {route}>{ main }</Frame>
        </ContextProvider<AppHandle>>
    }
}

#[derive(Properties, PartialEq)]
struct ManagerPageProps {
    route: Route,
    focus_on_ready: bool,
    sessions: Sessions,
}

#[component]
fn ManagerPage(props: &ManagerPageProps) -> Html {
    let app = trygg_app::shared::state::use_app();
    let words = app.words();
    use_heading_focus(props.route.clone(), true, props.focus_on_ready);
    let body = match &app.content {
        ContentState::Loading => html! {
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{ words.t("manager.loading") }</p>
        },
        ContentState::Ready(course) => html! {
            <ManagerView course_id={AttrValue::from(course.organisation.course_id.clone())}
                content_version={AttrValue::from(course.version.clone())}
                sessions={props.sessions.clone()} />
        },
        ContentState::Failed(failure) => {
            let reason = match failure {
                ContentFailure::Fetch { file, .. } => file.clone(),
                ContentFailure::Invalid(issues) => issues
                    .first()
                    .map(|issue| issue.to_string())
                    .unwrap_or_default(),
            };
            html! {
                <p class="feedback bad" role="alert">{ words.fill("manager.load_failed", &[("reason", &reason)]) }</p>
            }
        }
    };
    html! {
        <main id="main" tabindex="-1" data-route={props.route.href()}>
            <section class="page manager">
                <PageTitle text={words.t("page.manager").to_owned()} />
                { body }
            </section>
        </main>
    }
}

/// Renders the manager view as the page's live app, with what the module before it handed
/// over. An import in progress carries on across language switches: its state lives outside
/// the view.
#[wasm_bindgen]
pub fn mount(handover: JsValue) {
    mount_module::<Root>(&handover);
}
