//! The LMS's SCORM API, found the standard way and called as plain functions: the only code
//! that touches it. Every rule about what to send, and every element's name, lives in
//! `trygg_core::lms`; this moves strings (it is the core's [`ScormApi`]). The API is looked
//! for once per page (by the visit's first module) and handed from module to module with the
//! page ([`crate::shared::handover::Handover`]), with the moment it was initialised, from
//! which the session time is measured. Every call that fails (a missing function, an
//! exception, a `"false"` return) is a value, never a panic: the course goes on with local
//! progress.

use js_sys::{Function, Object, Reflect};
use trygg_core::lms::{Refusal, ScormApi, ScormCall as Call, ScormVersion};
use wasm_bindgen::{JsCast, JsValue};

use crate::shared::browser::clock::now_ms;

/// How many windows up (`parent`) and then across (`opener` and its parents) to look. The
/// standard algorithm stops at 7 parents; LMSs nest the course that deep at most.
const MAX_LEVELS: usize = 7;

/// The LMS's API object, the SCORM version it speaks, and when the session began.
#[derive(Clone, Debug)]
pub struct Lms {
    api: Object,
    pub version: ScormVersion,
    /// When `Initialize` was called (unix ms): the session time is measured from here.
    pub started_ms: u64,
}

impl PartialEq for Lms {
    fn eq(&self, other: &Self) -> bool {
        Object::is(&self.api, &other.api) && self.version == other.version
    }
}

/// This page's LMS: found and initialised on the first call in a page's first module, or
/// the one handed over (kept with the page's areas, [`super::page_areas`]).
pub fn current_lms() -> Option<Lms> {
    super::page_areas::with_page_areas(|areas| {
        areas
            .lms
            .get_or_insert_with(|| {
                let lms = find_api()?;
                // A refused Initialize (already initialised, as when a module was started
                // anew) is not fatal: each later call reports its own refusal.
                let _ = lms.call(lms.name(Call::Initialize), &[""]);
                let mut lms = Lms {
                    started_ms: now_ms(),
                    ..lms
                };
                // A refusal here shows at the course's next write, which sets the status too.
                let version = lms.version;
                let _ = trygg_core::lms::mark_begun(&mut lms, version);
                Some(lms)
            })
            .clone()
    })
}

/// Looks for `API_1484_11` (2004) then `API` (1.2) in this window and its parents, then in
/// the window that opened it and that one's parents.
fn find_api() -> Option<Lms> {
    let window: JsValue = web_sys::window()?.into();
    find_up(&window).or_else(|| {
        let opener = Reflect::get(&window, &"opener".into()).ok()?;
        (opener.is_object()).then_some(())?;
        find_up(&opener)
    })
}

fn find_up(start: &JsValue) -> Option<Lms> {
    let mut here = start.clone();
    for _ in 0..=MAX_LEVELS {
        // A window of another origin throws on access: the search ends there.
        for version in ScormVersion::SEARCH_ORDER {
            let api = Reflect::get(&here, &version.api_object().into()).ok()?;
            if api.is_object() {
                return Some(Lms {
                    api: api.unchecked_into(),
                    version,
                    started_ms: 0,
                });
            }
        }
        let parent = Reflect::get(&here, &"parent".into()).ok()?;
        if !parent.is_object() || Object::is(&parent, &here) {
            return None;
        }
        here = parent;
    }
    None
}

impl Lms {
    /// The API object, for the handover.
    pub fn api(&self) -> &Object {
        &self.api
    }

    /// Rebuilds what [`Lms::api`], [`Lms::version`] and [`Lms::started_ms`] handed over.
    pub fn from_parts(api: Object, version: ScormVersion, started_ms: u64) -> Lms {
        Lms {
            api,
            version,
            started_ms,
        }
    }

    fn name(&self, call: Call) -> &'static str {
        self.version.function(call)
    }

    fn call(&self, name: &str, args: &[&str]) -> Option<JsValue> {
        let function: Function = Reflect::get(&self.api, &name.into())
            .ok()?
            .dyn_into()
            .ok()?;
        let result = match args {
            [] => function.call0(&self.api),
            [a] => function.call1(&self.api, &(*a).into()),
            [a, b, ..] => function.call2(&self.api, &(*a).into(), &(*b).into()),
        };
        result.ok()
    }

    /// A call returning SCORM's `"true"` or refused with its error code.
    fn checked(&self, call: Call, args: &[&str]) -> Result<(), Refusal> {
        let name = self.name(call);
        let ok = self
            .call(name, args)
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_string().as_deref() == Some("true"));
        if ok {
            return Ok(());
        }
        let code = self
            .call(self.name(Call::GetLastError), &[])
            .and_then(|v| v.as_string().or_else(|| v.as_f64().map(error_code_text)))
            .unwrap_or_default();
        Err(Refusal {
            call: match args.first() {
                Some(element) if !element.is_empty() => format!("{name}({element})"),
                _ => name.to_string(),
            },
            code,
        })
    }

    /// An element's value; empty when the LMS has none or refuses.
    pub fn get(&self, element: &str) -> String {
        self.call(self.name(Call::GetValue), &[element])
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    pub fn set(&self, element: &str, value: &str) -> Result<(), Refusal> {
        self.checked(Call::SetValue, &[element, value])
    }

    pub fn commit(&self) -> Result<(), Refusal> {
        self.checked(Call::Commit, &[""])
    }

    /// Ends the session; the LMS keeps what was committed.
    pub fn terminate(&self) -> Result<(), Refusal> {
        self.checked(Call::Terminate, &[""])
    }

    /// The bookmark the previous session left, the first time it is asked for on this
    /// page: a relaunch goes there once, and the start page stays reachable after.
    pub fn take_bookmark(&self) -> Option<String> {
        let taken = super::page_areas::with_page_areas(|areas| {
            std::mem::replace(&mut areas.bookmark_taken, true)
        });
        if taken {
            return None;
        }
        Some(self.get(self.version.elements().location)).filter(|b| !b.is_empty())
    }
}

impl ScormApi for Lms {
    fn get(&mut self, element: &str) -> String {
        Lms::get(self, element)
    }

    fn set(&mut self, element: &str, value: &str) -> Result<(), Refusal> {
        Lms::set(self, element, value)
    }

    fn commit(&mut self) -> Result<(), Refusal> {
        Lms::commit(self)
    }

    fn terminate(&mut self) -> Result<(), Refusal> {
        Lms::terminate(self)
    }
}

/// Calls `hidden` when the page is hidden (another tab, a locked phone: it may never be shown
/// again) and `gone` when it goes away (`pagehide`), for as long as the listeners are kept.
pub fn watch_leaving(
    hidden: impl Fn() + 'static,
    gone: impl Fn() + 'static,
) -> Option<[gloo::events::EventListener; 2]> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let watched = document.clone();
    Some([
        gloo::events::EventListener::new(&window, "pagehide", move |_| gone()),
        gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
            if watched.hidden() {
                hidden();
            }
        }),
    ])
}

/// The launch URL's query string (`?role=manager`), empty when there is none.
pub fn launch_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// An error code an LMS returned as a number rather than the string SCORM asks for. Codes
/// are whole numbers; integer formatting keeps float printing out of every module's wasm.
fn error_code_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        String::from("?")
    }
}
