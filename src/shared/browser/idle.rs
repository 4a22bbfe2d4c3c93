//! Work that can wait until the page is painted and the browser has nothing more urgent, so
//! that it does not share the network or the processor with what the learner waits to see.

use wasm_bindgen::JsCast;

/// The longest a piece of work waits for an idle moment.
const MAX_WAIT_MS: u32 = 3000;
/// Where the browser cannot say when it is idle (Safari): a wait after which a page that
/// has just been shown usually is.
const FALLBACK_WAIT_MS: u32 = 1000;

/// Runs `work` in the browser's next idle period after the coming paint, and at the latest
/// [`MAX_WAIT_MS`] later. Work the browser refuses to schedule is dropped, so it must be
/// work the page can do without (asking for files ahead of need).
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let request = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match request {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &MAX_WAIT_MS.into());
            let work = wasm_bindgen::closure::Closure::once_into_js(work);
            let _ = request.call2(&window, &work, &options);
        }
        None => {
            // Forgotten: the timer outlives this call and runs once.
            let _ = gloo::timers::callback::Timeout::new(FALLBACK_WAIT_MS, work).forget();
        }
    }
}
