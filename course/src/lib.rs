//! The course pages as a separate wasm module. The shell hands it the page (see
//! `trygg_app::shared::handover`) when the learner opens my training, a lesson, a quiz or the
//! certificate, so the first page of a visit loads without them.

use trygg_app::course::app::CourseApp;
use trygg_app::shared::handover::mount_module;
use wasm_bindgen::prelude::*;

/// Renders the course as the page's live app, with what the module before it handed over.
#[wasm_bindgen]
pub fn mount(handover: JsValue) {
    mount_module::<CourseApp>(&handover);
}
