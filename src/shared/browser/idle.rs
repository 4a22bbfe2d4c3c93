//! Work that can wait until the page is painted and the browser has nothing more urgent, so
//! that it does not share the network or the processor with what the learner waits to see.

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The longest a piece of work waits for an idle moment.
const MAX_WAIT_MS: u32 = 1000;
/// Where the browser cannot say when it is idle (Safari): a wait after which a page that
/// has just been shown usually is.
const FALLBACK_WAIT_MS: u32 = 1000;

/// Work waiting for an idle moment; dropping it before then cancels it, so work meant for a
/// page that has changed since (another language) is not done.
pub struct IdleWork(Pending);

enum Pending {
    Idle {
        id: JsValue,
        _work: Closure<dyn FnMut()>,
    },
    /// Held to be dropped: a dropped timer does not fire.
    Timer {
        _timer: Timeout,
    },
    Refused,
}

/// Runs `work` in the browser's next idle period after the coming paint, and at the latest
/// [`MAX_WAIT_MS`] later, unless the returned [`IdleWork`] is dropped first. Work the browser
/// refuses to schedule is not done, so it must be work the page can do without (asking for
/// files ahead of need).
pub fn when_idle(work: impl FnOnce() + 'static) -> IdleWork {
    let Some((window, request)) = window_function("requestIdleCallback") else {
        // No idle callbacks (Safari): a plain timer does. No window at all does not arise:
        // only a page loads these modules.
        return IdleWork(Pending::Timer {
            _timer: Timeout::new(FALLBACK_WAIT_MS, work),
        });
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &MAX_WAIT_MS.into());
    let work = Closure::once(work);
    match request.call2(&window, work.as_ref(), &options) {
        Ok(id) => IdleWork(Pending::Idle { id, _work: work }),
        Err(_) => IdleWork(Pending::Refused),
    }
}

impl Drop for IdleWork {
    fn drop(&mut self) {
        if let Pending::Idle { id, .. } = &self.0 {
            if let Some((window, cancel)) = window_function("cancelIdleCallback") {
                let _ = cancel.call1(&window, id);
            }
        }
    }
}

/// The window's function `name`, where the browser has it: looked up rather than bound, so a
/// browser without it (Safari has no `requestIdleCallback`) gets `None`, not an exception.
fn window_function(name: &str) -> Option<(web_sys::Window, js_sys::Function)> {
    let window = web_sys::window()?;
    let function = js_sys::Reflect::get(&window, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((window, function))
}
