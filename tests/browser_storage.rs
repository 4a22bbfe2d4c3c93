//! Runs in headless Chromium (wasm-bindgen-test): the storage layer against the real
//! localStorage, including a quota error and blocked storage.
#![cfg(target_arch = "wasm32")]

use trygg_app::browser::storage::{KeyValueStore, Persistence, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_round_trip() {
    let store = KeyValueStore::open(false);
    assert_eq!(store.persistence(), Persistence::Local);
    store.set("trygg:test:key", "värde ✓").expect("write works");
    assert_eq!(store.get("trygg:test:key").as_deref(), Some("värde ✓"));
    store.remove("trygg:test:key");
    assert_eq!(store.get("trygg:test:key"), None);
}

#[wasm_bindgen_test]
fn session_storage_is_used_for_shared_computers() {
    let store = KeyValueStore::open(true);
    assert_eq!(store.persistence(), Persistence::Session);
    store.set("trygg:test:session", "1").expect("write works");
    let session = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item("trygg:test:session").ok().flatten());
    assert_eq!(session.as_deref(), Some("1"));
    store.remove("trygg:test:session");
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_a_value() {
    let store = KeyValueStore::open(false);
    // Roughly 5 MB per origin: a 6 MB value cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(store.set("trygg:test:huge", &huge), Err(StorageError::Full));
    assert_eq!(store.get("trygg:test:huge"), None);
}

#[wasm_bindgen_test]
fn blocked_storage_falls_back_to_memory() {
    // Make `window.localStorage` throw, as a browser policy or sandbox does.
    let window = web_sys::window().expect("a window");
    let blocker =
        js_sys::Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"get".into(), &blocker).expect("set getter");
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).expect("set flag");
    js_sys::Object::define_property(&window, &"localStorage".into(), &descriptor);

    let store = KeyValueStore::open(false);
    assert_eq!(store.persistence(), Persistence::Memory);
    store.set("k", "v").expect("memory accepts writes");
    assert_eq!(store.get("k").as_deref(), Some("v"));
    // Restore the real accessor for the other tests in this page.
    js_sys::Reflect::delete_property(&window, &"localStorage".into()).expect("restore");
    assert_eq!(KeyValueStore::open(false).persistence(), Persistence::Local);
}
