//! The words the app reads (`core/src/language/ui_catalogue.txt`) against the shipped
//! languages' `ui.json`: the list and the source language's file name the same keys, and every
//! shipped language passes the check the page and `trygg content check` make.

mod content_support;

use std::collections::BTreeSet;

use content_support::{shipped_course, shipped_files};
use trygg_core::content::Lang;
use trygg_core::language::{course_ui_issues, parse_words, ui_catalogue, ui_words_issues};

#[test]
fn the_list_and_the_source_languages_file_name_the_same_keys() {
    let files = shipped_files();
    let (_, bytes) = files
        .iter()
        .find(|(p, _)| p == "languages/sv/ui.json")
        .expect("the shipped Swedish words");
    let lang = Lang::parse("sv").expect("a tag");
    let words = parse_words("languages/sv/ui.json", lang, bytes).expect("they read");
    let shipped: BTreeSet<&str> = words.entries.iter().map(|(k, _)| k.as_str()).collect();
    let listed: BTreeSet<&str> = ui_catalogue().map(|(k, _)| k).collect();
    assert_eq!(
        shipped.difference(&listed).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "keys in ui.json the list lacks: add them to ui_catalogue.txt"
    );
    assert_eq!(
        listed.difference(&shipped).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "keys listed that ui.json lacks"
    );
}

#[test]
fn every_shipped_language_passes_the_check() {
    let files = shipped_files();
    assert_eq!(course_ui_issues(&files, &shipped_course()), vec![]);
}

#[test]
fn a_missing_source_text_and_a_made_up_placeholder_are_named_by_file_and_key() {
    let lang = Lang::parse("sv").expect("a tag");
    let text = br#"{"quiz.counter": "Fr\u00e5ga {n} av {antal}"}"#;
    let words = parse_words("languages/sv/ui.json", lang, text).expect("it reads");
    let issues = ui_words_issues("languages/sv/ui.json", &words, false);
    let counter: Vec<String> = issues
        .iter()
        .filter(|i| i.path == "quiz.counter")
        .map(|i| i.message.clone())
        .collect();
    assert_eq!(
        counter,
        vec![
            "uses {antal}, which the app does not fill in: the page would show it as typed \
              (it fills in {n}, {total})"
                .to_owned()
        ]
    );
    let missing = issues
        .iter()
        .find(|i| i.path == "quiz.check")
        .expect("quiz.check is missing");
    assert_eq!(missing.file, "languages/sv/ui.json");
    assert!(missing.message.starts_with("text is missing"));
    // A language with a fallback takes a missing text from it: only the placeholder is wrong.
    let translated = ui_words_issues("languages/sv/ui.json", &words, true);
    assert_eq!(translated.len(), 1, "{translated:?}");
}
