//! What the page keeps while wasm modules take turns rendering it: the memory storage area
//! (progress when browser storage is blocked), the requests sent ahead for content files and
//! the files read, the LMS connection and what was done once per page with it, and what `boot.js` hands the
//! visit's first module (its module loaders and the service worker's bridge). The module whose turn it is holds
//! them here; the module that gives up the page passes them to the next in its
//! [`crate::shared::handover::Handover`], so nothing is lost and nothing sits on `window`.

use std::cell::RefCell;

use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};

use super::lms::Lms;

/// The page's shared state, as the hand-over carries it from module to module.
#[derive(Clone, Debug, PartialEq)]
pub struct PageAreas {
    /// Storage keys and values when browser storage is blocked. No prototype, so no key can
    /// clash with one.
    pub memory: Object,
    /// Pending `fetch` promises by URL, for the taker of each request.
    pub prefetched: Object,
    /// The content files read on this page, by URL (`Uint8Array`s): the files do not change
    /// while the page is open, so the next module reads them from here instead of asking the
    /// server again while the page waits ([`super::fetch::start_fetch`]).
    pub read: Object,
    /// `boot.js`'s loaders by module name (`trygg_course` …), each importing and
    /// instantiating its module once ([`super::lazy::load_module`]).
    pub loaders: Object,
    /// `boot.js`'s side of the service worker ([`super::worker`]); `None` when the page was
    /// not started by `boot.js` (tests).
    pub worker: Option<Object>,
    /// `None` until this page has looked for an LMS; then the API found and initialised, if
    /// any ([`super::lms::current_lms`]).
    pub lms: Option<Option<Lms>>,
    /// The LMS's bookmark was used already: a relaunch goes there once, and the start page
    /// stays reachable after ([`Lms::take_bookmark`]).
    pub bookmark_taken: bool,
    /// Whether the LMS's entry was looked at for a new attempt
    /// ([`crate::shared::lms_session::LmsSession::open`]): once per page.
    pub entry_checked: bool,
    /// That look found a new attempt and set this browser's earlier progress aside (offered
    /// on "my data"): every module's pages say so.
    pub attempt_set_aside: bool,
    /// The course module and its files were asked for ahead already
    /// ([`super::lazy::prefetch_course`]).
    pub course_asked: bool,
    /// What the LMS says of the learner's language (the one its saved progress names, its
    /// preference), until the visit's first load of a language takes it
    /// ([`crate::shared::lms_session::launch_language`]). That load happens in the first
    /// module, so this is not handed on.
    pub launch_language: Option<(String, String)>,
}

thread_local! {
    /// This module's copy of what the page keeps. A slot rather than Yew state for two
    /// reasons: it must outlive each Yew app (a module renders the page in turns with the
    /// others, and the page's state carries on between its turns), and code below the
    /// components reads it (storage's memory area, a fetch taking a request sent ahead, the
    /// worker bridge asking whether an LMS serves the page).
    static HELD: RefCell<Option<PageAreas>> = const { RefCell::new(None) };
}

impl PageAreas {
    fn fresh() -> PageAreas {
        PageAreas {
            memory: Object::create(&JsValue::NULL.unchecked_into()),
            prefetched: Object::new(),
            read: Object::new(),
            loaders: Object::new(),
            worker: None,
            lms: None,
            bookmark_taken: false,
            entry_checked: false,
            attempt_set_aside: false,
            course_asked: false,
            launch_language: None,
        }
    }
}

/// Reads or changes this module's areas: those handed over to it, or new ones on the page's
/// first module.
pub fn with_page_areas<R>(f: impl FnOnce(&mut PageAreas) -> R) -> R {
    HELD.with(|held| f(held.borrow_mut().get_or_insert_with(PageAreas::fresh)))
}

/// This module's areas as they are now.
pub fn page_areas() -> PageAreas {
    with_page_areas(|areas| areas.clone())
}

/// Takes over the areas of the module that rendered the page before.
pub fn adopt_page_areas(areas: PageAreas) {
    HELD.with(|held| *held.borrow_mut() = Some(areas));
}
