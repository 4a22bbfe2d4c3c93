//! The learner's records (the certificate and "my data") as a separate wasm module. The
//! course module hands it the page (see `trygg_app::shared::handover`) when the learner asks
//! for the certificate or their saved data, so a link into my training loads without the
//! certificate's documents or the progress file's restore.

use trygg_app::records::app::RecordsApp;
use trygg_app::shared::handover::mount_module;
use wasm_bindgen::prelude::*;

/// Renders the records pages as the page's live app, with what the module before it handed
/// over.
#[wasm_bindgen]
pub fn mount(handover: JsValue) {
    mount_module::<RecordsApp>(&handover);
}
