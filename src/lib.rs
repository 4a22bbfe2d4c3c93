//! Trygg's browser app: a thin Yew shell over `trygg-core`. Components render state and
//! call the methods of their context; browser APIs live in `browser/`. Three wasm modules
//! are built from this library, one folder each: `shell/`, `course/` and `manager/`, over
//! `shared/`; one renders the page at a time ([`shared::handover`]).

pub mod course;
pub mod manager;
pub mod shared;
pub mod shell;

use shared::handover::{mount_app, Handover};

/// Renders the shell as the page's live app, with what the module before it handed over.
pub fn mount_shell(handover: &Handover) {
    let props = shell::app::AppProps {
        handover: handover.clone(),
    };
    mount_app::<shell::app::App>(handover, props);
}

/// Reads the argument of a module's `mount` ([`Handover::read`]).
pub fn handover_from(value: &wasm_bindgen::JsValue) -> Handover {
    Handover::read(value)
}
