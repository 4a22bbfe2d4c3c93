//! What the page keeps while wasm modules take turns rendering it: the memory storage area
//! (progress when browser storage is blocked) and the requests sent ahead for the course
//! files. Each module holds them here; the module that gives up the page passes them to the
//! next in its [`crate::shared::handover::Handover`], so nothing is lost and nothing sits on `window`.

use std::cell::RefCell;

use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};

/// The page's shared areas, as plain JavaScript objects every module can read.
#[derive(Clone, Debug, PartialEq)]
pub struct PageAreas {
    /// Storage keys and values when browser storage is blocked. No prototype, so no key can
    /// clash with one.
    pub memory: Object,
    /// Pending `fetch` promises by URL, for the taker of each request.
    pub prefetched: Object,
}

thread_local! {
    static AREAS: RefCell<Option<PageAreas>> = const { RefCell::new(None) };
}

impl PageAreas {
    fn fresh() -> PageAreas {
        PageAreas {
            memory: Object::create(&JsValue::NULL.unchecked_into()),
            prefetched: Object::new(),
        }
    }
}

/// This module's areas: those handed over to it, or new ones on the page's first module.
pub fn page_areas() -> PageAreas {
    AREAS.with(|areas| {
        areas
            .borrow_mut()
            .get_or_insert_with(PageAreas::fresh)
            .clone()
    })
}

/// Takes over the areas of the module that rendered the page before.
pub fn adopt_page_areas(areas: PageAreas) {
    AREAS.with(|slot| *slot.borrow_mut() = Some(areas));
}
