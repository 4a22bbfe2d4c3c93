//! The manager view as a separate wasm module. The app's manager page calls `mount` with a
//! container element; 50,000 learners never download the roster, import and export code.

use std::cell::RefCell;

use trygg_app::pages::manager::ManagerView;
use trygg_app::state::{AppHandle, AppState};
use trygg_core::content::Lang;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct RootProps {
    lang: Lang,
    course_id: AttrValue,
    content_version: AttrValue,
}

/// Gives the manager view the app state it reads (the language), as the app does.
#[component]
fn Root(props: &RootProps) -> Html {
    let lang = props.lang;
    let state = use_reducer(move || AppState::new(lang));
    html! {
        <ContextProvider<AppHandle> context={state}>
            <ManagerView course_id={props.course_id.clone()} content_version={props.content_version.clone()} />
        </ContextProvider<AppHandle>>
    }
}

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<Root>>> = const { RefCell::new(None) };
    static IDS_SKIPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[component]
fn Nothing() -> Html {
    html! {}
}

/// Yew marks DOM elements and events with a subtree id counted per wasm instance, starting
/// at 1. The app (another instance) owns id 1 for the whole page, so if the manager view
/// also took id 1 the app would claim the manager's clicks and run its own listeners for
/// them. Burning a few ids on throwaway roots gives the manager ids the app never uses.
fn skip_app_subtree_ids() {
    if IDS_SKIPPED.with(|s| s.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for _ in 0..8 {
        if let Ok(scratch) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(scratch)
                .render()
                .destroy();
        }
    }
}

/// Renders the manager view into `root` in `lang`, replacing any earlier mount. An import
/// in progress carries on: its state lives outside the view.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str, course_id: &str, content_version: &str) {
    unmount();
    skip_app_subtree_ids();
    let props = RootProps {
        lang: Lang::from_code(lang).unwrap_or(Lang::Sv),
        course_id: course_id.to_string().into(),
        content_version: content_version.to_string().into(),
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
