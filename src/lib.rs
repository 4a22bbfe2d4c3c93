//! Trygg's browser app: a thin Yew shell over `trygg-core`. Components render state and
//! call the methods of their context; browser APIs live in `browser/`. Three wasm modules
//! are built from this library, one folder each: `shell/`, `course/` and `manager/`, over
//! `shared/`; one renders the page at a time ([`shared::handover`]).

pub mod course;
pub mod manager;
pub mod shared;
pub mod shell;

use shared::components::frame::saved_lang;
use shared::handover::{mount_app, Handover};
use shared::i18n;

/// Renders the shell as the page's live app, with what the module before it handed over.
pub fn mount_shell(handover: &Handover) {
    i18n::use_areas(&[&i18n::SHELL]);
    let props = shell::app::AppProps {
        handover: handover.clone(),
    };
    mount_app::<shell::app::App>(handover, props);
}

/// Reads the argument of a module's `mount`. None (`boot.js` starting the visit with the
/// module its address needs) means this module is the visit's first: the page is the one the
/// learner landed on, in the saved language. Should it be anything else than a handover (a
/// module from another build), the page still comes up, in the saved language.
pub fn handover_from(value: &wasm_bindgen::JsValue) -> Handover {
    if value.is_undefined() {
        return Handover::from_here(saved_lang(), false);
    }
    Handover::from_js(value).unwrap_or_else(|| Handover::from_here(saved_lang(), true))
}
