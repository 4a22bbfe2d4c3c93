//! Runs in headless Chromium (wasm-bindgen-test): the storage layer against the real
//! localStorage, including a quota error and blocked storage.
#![cfg(target_arch = "wasm32")]

use trygg_app::shared::browser::storage::{KeyValueStore, Persistence, StorageError};
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
    // Fill the origin's quota (a few MB) one megabyte at a time until the browser refuses.
    let chunk = "x".repeat(1024 * 1024);
    let mut result = Ok(());
    let mut written = 0;
    while written < 200 {
        result = store.set(&format!("trygg:test:fill:{written}"), &chunk);
        if result.is_err() {
            break;
        }
        written += 1;
    }
    for i in 0..=written {
        store.remove(&format!("trygg:test:fill:{i}"));
    }
    assert_eq!(result, Err(StorageError::Full), "after {written} MB");
    assert!(store.set("trygg:test:after", "ok").is_ok(), "space is back");
    store.remove("trygg:test:after");
}

#[wasm_bindgen_test]
fn blocked_storage_falls_back_to_memory() {
    // Make `window.localStorage` throw, as a browser policy or sandbox does.
    let window = web_sys::window().expect("a window");
    let original = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
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
    js_sys::Object::define_property(&window, &"localStorage".into(), &original.into());
    assert_eq!(KeyValueStore::open(false).persistence(), Persistence::Local);
}
