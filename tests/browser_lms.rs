//! Runs in headless Chromium (wasm-bindgen-test): the LMS interface against a stand-in API
//! object: discovery on the window and the moment of `Initialize`, calls by version, every
//! kind of refusal (a `"false"` return with its error code, a missing function, an
//! exception) as a value, the launch language, the end of a session on a page without the
//! course, and the page-leaving watcher.
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
    // And the course is begun: an LMS never finds `not attempted` when the session ends.
    assert_eq!(lms.get("cmi.completion_status"), "incomplete");
    // The session time is measured from here.
    let now = js_sys::Date::now() as u64;
    assert!(
        lms.started_ms > 0 && lms.started_ms <= now,
        "{}",
        lms.started_ms
    );
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

/// Puts `values` into the stand-in's store.
fn seed(api: &Object, values: &[(&str, &str)]) {
    let store = Object::new();
    for (k, v) in values {
        Reflect::set(&store, &(*k).into(), &(*v).into()).expect("value");
    }
    Reflect::set(api, &"values".into(), &store).expect("values");
}

fn stored(api: &Object, element: &str) -> Option<String> {
    let store = Reflect::get(api, &"values".into()).ok()?;
    Reflect::get(&store, &element.into()).ok()?.as_string()
}

/// The shipped organisation file, which offers Swedish, English and Finnish.
fn organisation() -> trygg_core::content::Organisation {
    let bytes = include_bytes!("../content/organisation.json");
    trygg_core::content::parse_organisation("organisation.json", bytes).expect("it reads")
}

fn lang(code: &str) -> Option<trygg_core::content::Lang> {
    trygg_core::content::Lang::parse(code)
}

#[wasm_bindgen_test]
fn the_language_comes_from_the_saved_progress_or_else_the_lms_preference_once() {
    use trygg_app::shared::lms_session::{launch_language, note_launch_language};
    let org = organisation();
    let api = stand_in("");
    let lms = Lms::from_parts(api.clone(), ScormVersion::Scorm2004, 0);
    seed(&api, &[("cmi.learner_preference.language", "en-GB")]);
    note_launch_language(&lms);
    assert_eq!(launch_language(&org), lang("en"));
    assert_eq!(launch_language(&org), None, "only the visit's first load");
    seed(
        &api,
        &[
            ("cmi.learner_preference.language", "en-GB"),
            ("cmi.suspend_data", "T2|c|-0|fi|0|0|||||"),
        ],
    );
    note_launch_language(&lms);
    assert_eq!(
        launch_language(&org),
        lang("fi"),
        "the learner's choice wins"
    );
    seed(&api, &[("cmi.learner_preference.language", "de")]);
    note_launch_language(&lms);
    assert_eq!(launch_language(&org), None);
}

#[wasm_bindgen_test]
fn leaving_a_page_without_the_course_sends_the_session_time_and_exit_even_if_finish_throws() {
    use trygg_app::course::rules::CORE_RULES;
    use trygg_app::shared::lms_session::LmsSession;
    use trygg_core::lms::Moment;
    let api = stand_in("");
    seed(
        &api,
        &[
            ("cmi.learner_id", "browser-test-learner"),
            ("cmi.learner_name", "Ćosić-Nguyễn, Олена Thị"),
        ],
    );
    let started = js_sys::Date::now() as u64 - 90_000;
    let lms = Lms::from_parts(api.clone(), ScormVersion::Scorm2004, started);
    let (_, progress, _, session) =
        LmsSession::open(lms, Some(CORE_RULES), "browser-test", started + 1);
    assert_eq!(session.name.as_deref(), Some("Олена Thị Ćosić-Nguyễn"));
    let sv = lang("sv").expect("a tag");
    let sent = session.send(&progress, None, sv, Moment::Change);
    assert_eq!(
        stored(&api, "cmi.exit"),
        None,
        "nothing without the course but the end"
    );
    assert_eq!(sent.refused, None);
    let sent = session.send(&progress, None, sv, Moment::Exit);
    assert_eq!(stored(&api, "cmi.exit").as_deref(), Some("suspend"));
    let time = stored(&api, "cmi.session_time").unwrap_or_default();
    assert!(time.starts_with("PT1M3"), "about 90 seconds: {time}");
    assert_eq!(
        sent.refused.map(|r| r.call).as_deref(),
        Some("Terminate"),
        "the throwing Terminate is a refusal, not a panic"
    );
}

#[wasm_bindgen_test]
fn pagehide_reaches_the_watcher() {
    use std::cell::Cell;
    use std::rc::Rc;
    use trygg_app::shared::browser::lms::watch_leaving;
    let gone = Rc::new(Cell::new(0));
    let seen = gone.clone();
    let listeners = watch_leaving(|| {}, move || seen.set(seen.get() + 1)).expect("a window");
    let window = web_sys::window().expect("window");
    let event = web_sys::Event::new("pagehide").expect("event");
    window.dispatch_event(&event).expect("dispatched");
    assert_eq!(gone.get(), 1);
    drop(listeners);
    window.dispatch_event(&event).expect("dispatched");
    assert_eq!(gone.get(), 1, "no longer watched");
}
