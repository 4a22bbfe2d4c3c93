//! The bridge to Trygg's service worker (`web/sw.js`, written into each release by
//! `scripts/make-worker.mjs`), which keeps the course working without a network once it has
//! been opened. `boot.js` holds the page's side of it (one per page whichever module is
//! live, handed to the first module with the module loaders and on from module to module
//! with the page's areas); this is the one place that
//! decides whether a page gets a worker at all: release builds only (debug builds have no
//! `sw.js`), and never inside an LMS, which serves the package itself ([`current_lms`]), nor
//! from a package's launch that finds no LMS API (`?lms=scorm`): the page is still on the
//! LMS's server, whose administrators expect no worker of ours there. Every call that fails
//! is ignored: without a worker the course works as it always did, online.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use trygg_core::lms::launched_from_package;

use crate::shared::browser::lms::{current_lms, launch_query};

/// The event `boot.js` sends on `window` when what [`serving`] or [`update_ready`] say changes.
pub const CHANGED: &str = "trygg-worker";

/// `boot.js`'s worker bridge, when this page may have a worker.
fn bridge() -> Option<JsValue> {
    if cfg!(debug_assertions) || current_lms().is_some() || launched_from_package(&launch_query()) {
        return None;
    }
    crate::shared::browser::page_areas::page_areas()
        .worker
        .map(JsValue::from)
}

fn call(name: &str, args: &Array) -> Option<JsValue> {
    let bridge = bridge()?;
    let function: Function = Reflect::get(&bridge, &name.into()).ok()?.dyn_into().ok()?;
    function.apply(&bridge, args).ok()
}

/// Registers the worker (scope: the folder of `index.html`), once the page is usable, so the
/// first visit fetches nothing more before that. Later calls do nothing.
pub fn start() {
    call("start", &Array::new());
}

/// Whether the browser believes it has a network (`navigator.onLine`).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Whether a worker serves this page, so what it has kept works offline.
pub fn serving() -> bool {
    call("serving", &Array::new()).and_then(|v| v.as_bool()) == Some(true)
}

/// Whether a new version of the course is installed and waits for the learner's word (or
/// took over in another tab while this page ran the old one).
pub fn update_ready() -> bool {
    call("updateReady", &Array::new()).and_then(|v| v.as_bool()) == Some(true)
}

/// Reloads into the new version, once it has taken over.
pub fn accept_update() {
    call("accept", &Array::new());
}

/// Asks the worker to fetch, in the background, what the learner may need later without a
/// network: `group`, a group of the build's files (`"course"`: the PDF maker and its fonts),
/// and `content`, content files by address relative to `index.html`. A file that cannot be
/// fetched now is fetched when it is first used.
pub fn keep_for_offline(group: Option<&str>, content: Vec<String>) {
    let urls: Array = content.into_iter().map(JsValue::from).collect();
    let group = group.map_or(JsValue::UNDEFINED, JsValue::from);
    call("keep", &Array::of2(&group, &urls));
}
