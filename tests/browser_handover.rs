//! Runs in headless Chromium (wasm-bindgen-test): the hand-over between modules as the
//! JavaScript value `mount` takes. What the page keeps (its areas, the LMS, what was done
//! once per page) arrives whole in the next module; anything else is not a hand-over.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use trygg_app::shared::browser::lms::Lms;
use trygg_app::shared::browser::page_areas::page_areas;
use trygg_app::shared::handover::Handover;
use trygg_core::content::Lang;
use trygg_core::lms::ScormVersion;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sv() -> Lang {
    Lang::parse("sv").expect("a language tag")
}

#[wasm_bindgen_test]
fn what_the_page_keeps_crosses_to_the_next_module() {
    let mut areas = page_areas();
    areas.lms = Some(Some(Lms::from_parts(
        Object::new(),
        ScormVersion::Scorm2004,
        5,
    )));
    areas.bookmark_taken = true;
    areas.course_asked = true;
    areas.launch_language = Some(("sv".into(), "en".into()));
    let handover = Handover {
        lang: sv(),
        navigated: true,
        areas: areas.clone(),
        unread: false,
    };
    let read = Handover::from_js(&handover.to_js()).expect("a hand-over");
    assert_eq!(read.lang, sv());
    assert!(read.navigated);
    assert!(
        read.areas.bookmark_taken,
        "a relaunch goes to the bookmark once per page"
    );
    assert!(read.areas.course_asked);
    assert_eq!(read.areas.lms, areas.lms);
    assert_eq!(
        read.areas.launch_language, None,
        "the first module's first load takes the launch language"
    );
}

#[wasm_bindgen_test]
fn a_page_without_an_lms_says_it_looked() {
    let mut areas = page_areas();
    areas.lms = Some(None);
    let handover = Handover {
        lang: sv(),
        navigated: false,
        areas,
        unread: false,
    };
    let read = Handover::from_js(&handover.to_js()).expect("a hand-over");
    assert_eq!(
        read.areas.lms,
        Some(None),
        "the next module does not look again"
    );
    assert!(!read.areas.bookmark_taken);
}

#[wasm_bindgen_test]
fn the_loaders_and_the_worker_bridge_cross_too() {
    let mut areas = page_areas();
    let loaders = Object::new();
    let worker = Object::new();
    areas.loaders = loaders.clone();
    areas.worker = Some(worker.clone());
    let handover = Handover {
        lang: sv(),
        navigated: false,
        areas,
        unread: false,
    };
    let read = Handover::read(&handover.to_js());
    assert!(!read.unread);
    assert!(Object::is(&read.areas.loaders, &loaders));
    assert!(read.areas.worker.is_some_and(|w| Object::is(&w, &worker)));
}

#[wasm_bindgen_test]
fn boots_start_of_a_visit_is_read_as_the_first_module() {
    let start = Object::new();
    let loaders = Object::new();
    Reflect::set(&start, &"first".into(), &true.into()).expect("set");
    Reflect::set(&start, &"loaders".into(), &loaders).expect("set");
    let read = Handover::read(&start.into());
    assert!(!read.unread);
    assert!(!read.navigated);
    assert!(Object::is(&read.areas.loaders, &loaders));
}

#[wasm_bindgen_test]
fn anything_else_starts_afresh_and_says_so() {
    assert!(Handover::from_js(&JsValue::UNDEFINED).is_none());
    assert!(Handover::from_js(&Object::new().into()).is_none());
    assert!(Handover::read(&JsValue::UNDEFINED).unread);
    let other_build = Object::new();
    Reflect::set(&other_build, &"lang".into(), &"sv".into()).expect("set");
    assert!(Handover::read(&other_build.into()).unread);
}
