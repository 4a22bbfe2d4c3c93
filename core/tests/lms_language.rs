//! The learner's language inside an LMS: the suspend data's language wins, a first launch
//! takes the LMS's preference when the course has that language, and the start page can put a
//! new choice into the suspend data without rewriting the rest.

mod lms_support;

use lms_support::*;
use trygg_core::content::Role;
use trygg_core::lms::{
    decode_suspend_data, encode_suspend_data, launch_language, suspended_language, with_language,
    SCORM12_SUSPEND_LIMIT,
};

const OFFERED: [&str; 3] = ["sv", "en", "fi"];

fn saved(language: &str) -> String {
    let course = real_course();
    let p = mid_course(&course, Role::Employee, 1);
    encode_suspend_data(&p, language, SCORM12_SUSPEND_LIMIT)
        .expect("fits")
        .text
}

#[test]
fn the_language_kept_with_the_progress_wins() {
    let text = saved("en");
    assert_eq!(suspended_language(&text).as_deref(), Some("en"));
    assert_eq!(
        launch_language(&text, "sv-SE", &OFFERED).as_deref(),
        Some("en")
    );
    // A language the course no longer has gives way to the LMS's preference.
    let text = saved("de");
    assert_eq!(
        launch_language(&text, "fi", &OFFERED).as_deref(),
        Some("fi")
    );
    assert_eq!(launch_language(&text, "", &OFFERED), None);
}

#[test]
fn a_first_launch_takes_the_lms_preference_when_the_course_has_it() {
    let cases = [
        ("en", Some("en")),
        ("en-GB", Some("en")),
        ("EN_us", Some("en")),
        (" fi ", Some("fi")),
        ("sv-SE", Some("sv")),
        ("de", None),
        ("", None),
        ("-", None),
    ];
    for (preference, want) in cases {
        assert_eq!(
            launch_language("", preference, &OFFERED).as_deref(),
            want,
            "{preference:?}"
        );
    }
    // A regional tag the course ships is matched whole before its primary language.
    assert_eq!(
        launch_language("", "pt-BR", &["pt", "pt-BR"]).as_deref(),
        Some("pt-BR")
    );
    // Suspend data without a language (format 1 with `-`, or text that is not Trygg's) falls
    // back to the preference too.
    assert_eq!(
        launch_language("T1|c|-e0|0|0|||||", "en", &OFFERED).as_deref(),
        Some("en")
    );
    assert_eq!(
        launch_language("T1|c|se0|0|0|||||", "en", &OFFERED).as_deref(),
        Some("sv")
    );
    assert_eq!(
        launch_language("bookmark=3", "fi", &OFFERED).as_deref(),
        Some("fi")
    );
}

#[test]
fn the_start_page_changes_only_the_language() {
    let text = saved("sv");
    let changed = with_language(&text, "en").expect("format 2");
    assert_eq!(suspended_language(&changed).as_deref(), Some("en"));
    let course = real_course();
    let id = &course.organisation.course_id;
    let before = decode_suspend_data(&text, id)
        .expect("reads")
        .expect("some");
    let after = decode_suspend_data(&changed, id)
        .expect("reads")
        .expect("some");
    assert_eq!(before.progress, after.progress);
    assert_eq!(with_language(&text, "sv"), None, "already so");
    assert_eq!(with_language("", "en"), None, "nothing saved yet");
    assert_eq!(with_language("T1|c|se0|0|0|||||", "en"), None, "format 1");
    assert_eq!(
        with_language("T2|x", "en"),
        None,
        "too short to be format 2"
    );
}
