//! Entry point of the shell's wasm (the binary that Trunk builds).

use wasm_bindgen::prelude::*;

fn main() {
    trygg_app::start();
}

/// Takes the page back from the course or manager module (see `trygg_app::shared::handover`).
#[wasm_bindgen]
pub fn mount(handover: JsValue) {
    trygg_app::mount_shell(&trygg_app::handover_from(&handover));
}
