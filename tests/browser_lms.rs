//! Runs in headless Chromium (wasm-bindgen-test): the LMS interface against a stand-in API
//! object: discovery on the window, calls by version, and every kind of refusal (a `"false"`
//! return with its error code, a missing function, an exception) as a value.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Object, Reflect};
use trygg_app::shared::browser::lms::{current_lms, Lms};
use trygg_core::lms::ScormVersion;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An LMS API with the given prefix (`LMS` for 1.2, empty for 2004) that keeps values and
/// refuses everything while `refuse` is set.
fn stand_in(prefix: &str) -> Object {
    let api = Object::new();
    let put = |name: &str, args: &str, body: &str| {
        let f = Function::new_with_args(args, body);
        Reflect::set(&api, &format!("{prefix}{name}").into(), &f).expect("set");
    };
    put(
        "Initialize",
        "a",
        "this.initialised = (this.initialised || 0) + 1; return 'true';",
    );
    put(
        "SetValue",
        "k, v",
        "if (this.refuse) return 'false'; this.values = this.values || {}; this.values[k] = v; return 'true';",
    );
    put("GetValue", "k", "return (this.values || {})[k] || '';");
    put("Commit", "a", "return this.refuse ? 'false' : 'true';");
    put("GetLastError", "", "return this.refuse ? '351' : '0';");
    put(
        if prefix.is_empty() {
            "Terminate"
        } else {
            "Finish"
        },
        "a",
        "throw new Error('gone');",
    );
    api
}

#[wasm_bindgen_test]
fn the_api_on_the_window_is_found_and_initialised_once() {
    let window = web_sys::window().expect("window");
    let api = stand_in("");
    Reflect::set(&window, &"API_1484_11".into(), &api).expect("install");
    let lms = current_lms().expect("found");
    assert_eq!(lms.version, ScormVersion::Scorm2004);
    assert!(current_lms().is_some());
    let count = Reflect::get(&api, &"initialised".into()).expect("count");
    assert_eq!(count.as_f64(), Some(1.0), "Initialize called once");
}

#[wasm_bindgen_test]
fn values_go_to_the_lms_and_refusals_come_back_with_their_code() {
    let api = stand_in("LMS");
    let lms = Lms::from_parts(api.clone(), ScormVersion::Scorm12, 0);
    lms.set("cmi.suspend_data", "T1|x").expect("accepted");
    lms.commit().expect("committed");
    assert_eq!(lms.get("cmi.suspend_data"), "T1|x");
    Reflect::set(&api, &"refuse".into(), &JsValue::TRUE).expect("refuse");
    let refusal = lms
        .set("cmi.core.lesson_status", "passed")
        .expect_err("refused");
    assert_eq!(refusal.call, "LMSSetValue(cmi.core.lesson_status)");
    assert_eq!(refusal.code, "351");
    assert_eq!(lms.commit().expect_err("refused").code, "351");
}

#[wasm_bindgen_test]
fn a_throwing_or_missing_function_is_a_refusal_not_a_panic() {
    let lms = Lms::from_parts(stand_in("LMS"), ScormVersion::Scorm12, 0);
    assert!(lms.terminate().is_err(), "LMSFinish throws");
    let empty = Lms::from_parts(Object::new(), ScormVersion::Scorm2004, 0);
    assert!(empty.commit().is_err());
    assert_eq!(empty.get("cmi.learner_name"), "");
}
