//! Shared by the lazily loaded Yew modules (`course/`, `manager/`) that mount into a
//! container the app renders.

use std::cell::Cell;

use yew::prelude::*;

thread_local! {
    static IDS_SKIPPED: Cell<bool> = const { Cell::new(false) };
}

#[component]
fn Nothing() -> Html {
    html! {}
}

/// Yew marks DOM elements and events with a subtree id counted per wasm instance, starting
/// at 1. The app (another instance) owns the low ids for the whole page, so if a module also
/// took them the app would claim the module's clicks and run its own listeners for them.
/// Burning a few ids on throwaway roots gives the module ids the app never uses. Call it
/// before the module's first mount.
pub fn skip_app_subtree_ids() {
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
