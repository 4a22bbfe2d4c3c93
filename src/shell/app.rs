//! The shell: the start and about pages, the first module of a visit that begins there. It
//! reads only `organisation.json` and the language's words and names; on a course or manager
//! route it hands the page to that module ([`crate::shared::handover`]), so the first page
//! loads without either.

use yew::prelude::*;

use crate::shared::components::frame::{Frame, PassingPage};
use crate::shared::components::storage_banner::StorageBanner;
use crate::shared::content_error::{content_error, loading};
use crate::shared::handover::{use_hand_over, ModuleProps, Part, Passing};
use crate::shared::hooks::{use_heading_focus, use_navigated, use_organisation_content};
use crate::shared::learner::{LearnerProvider, Scope};
use crate::shared::route::{use_route, Route};
use crate::shared::state::{AppState, ContentState};
use crate::shell;

/// The shell's root: start, about and not found, or the page handed on to another module.
#[component]
pub fn App(props: &ModuleProps) -> Html {
    let handover = props.handover.clone();
    let state = use_reducer(move || AppState::arriving(&handover));
    let route = use_route();
    let navigated = use_navigated(&route, props.handover.navigated);
    let (passing, retry) = use_hand_over(&route, Part::Shell, state.wanted, navigated);
    use_organisation_content(&state);

    let main = match (&passing, &state.content, &state.organisation) {
        (Passing::Here, _, Some(org)) => html! {
            <LearnerProvider course_id={org.course_id.clone()} scope={Scope::Settings}>
                <ShellPage route={route.clone()} focus_on_ready={navigated} />
            </LearnerProvider>
        },
        (Passing::Here, ContentState::Failed(failure), None) => content_error(failure),
        (Passing::Here, _, None) => html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(&state.words()) }</main>
        },
        (passing, ..) => html! { <PassingPage passing={passing.clone()} {retry} /> },
    };

    html! {
        <ContextProvider<crate::shared::state::AppHandle> context={state.clone()}>
            <Frame route={route.clone()}>{ main }</Frame>
        </ContextProvider<crate::shared::state::AppHandle>>
    }
}

#[derive(Properties, PartialEq)]
struct ShellPageProps {
    route: Route,
    focus_on_ready: bool,
}

/// `<main>` with one of the shell's pages (start, about, not found).
/// `data-route` names the page shown, for tests.
#[component]
fn ShellPage(props: &ShellPageProps) -> Html {
    let route = &props.route;
    use_heading_focus(route.clone(), true, props.focus_on_ready);
    html! {
        <main id="main" tabindex="-1" data-route={route.href()}>
            <StorageBanner />
            <crate::shared::lms_banner::LmsBanner />
            { shell::render(route) }
        </main>
    }
}
