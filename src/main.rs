//! Entry point of the shell's wasm (the binary that Trunk builds).

use wasm_bindgen::prelude::*;

/// Nothing runs on load: `boot.js` calls [`mount`] when the visit starts on one of the
/// shell's pages, and a module that hands the page back calls it too, so a shell loaded
/// after the course or manager module never starts an app of its own beside theirs.
fn main() {}

/// Renders the shell: as the first module of a visit (started by `boot.js`), or taking the
/// page back from the course or manager module (see `trygg_app::shared::handover`).
#[wasm_bindgen]
pub fn mount(handover: JsValue) {
    trygg_app::shared::handover::mount_module::<trygg_app::shell::app::App>(&handover);
}
