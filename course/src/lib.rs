//! The course pages as a separate wasm module. The app calls `mount` with a container when
//! the learner opens my training, a lesson, a quiz or the certificate, so the first page of a
//! visit loads without them.

use std::cell::RefCell;

use trygg_app::course_app::{self, CourseApp, CourseAppProps};
use trygg_app::i18n;
use trygg_core::content::Lang;
use wasm_bindgen::prelude::*;

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<CourseApp>>> = const { RefCell::new(None) };
}

fn lang_from(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::Sv)
}

/// Renders the course pages into `root` in `lang`, replacing any earlier mount. With
/// `focus_on_ready`, focus moves to the page heading once it shows (the learner navigated).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str, focus_on_ready: bool) {
    unmount();
    i18n::use_areas(&[&i18n::COURSE, &i18n::CERTIFICATE]);
    trygg_app::lazy_mount::skip_app_subtree_ids();
    let props = CourseAppProps {
        lang: lang_from(lang),
        focus_on_ready,
    };
    let handle = yew::Renderer::<CourseApp>::with_root_and_props(root, props).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Switches the mounted pages to another language.
#[wasm_bindgen]
pub fn set_lang(lang: &str) {
    course_app::set_lang(lang_from(lang));
}

/// Removes the course pages (the learner went to a page of the app's own).
#[wasm_bindgen]
pub fn unmount() {
    if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
}
