//! The texts the app and the `trygg` tool read from a language's `ui.json`, by key, with the
//! `{placeholders}` the code fills each with (`ui_catalogue.txt`). Translations are measured
//! against the source language's file, but the source language's file itself can only be
//! measured against the code: without this list, a security officer who deletes a key or types
//! `{procent}` for `{mark}` in the Swedish file learns of it from a learner who read
//! `quiz.intro.pass` or `{procent}` on a page.
//!
//! `ui_catalogue.txt` has one key a line, then the placeholders the code fills that text with
//! (a text may use fewer, never others). A key the code starts to read is added there and to
//! every shipped `ui.json` in the same change; `core/tests/ui_catalogue.rs` holds the list and
//! the source language's file together. The list is compiled into the course's wasm modules
//! (about 5 KB gzip with the check), not the start page's.

use super::{braced_list, parse_words, placeholders, words_file, Words};
use crate::content::{ContentIssue, Course};

const CATALOGUE: &str = include_str!("ui_catalogue.txt");

/// Each key the code reads, with the placeholders it fills that text with (sorted).
pub fn ui_catalogue() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    CATALOGUE
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut parts = line.split(' ');
            let key = parts.next().unwrap_or_default();
            (key, parts.collect())
        })
}

/// What in a language's words (`file`) the pages would show wrongly: a `{placeholder}` the
/// code never fills in (it would show as typed), and, in a language without a fallback to take
/// texts from, a text the code reads that is missing (the page would show its key). Keys the
/// code does not read are left to the language reports.
pub fn ui_words_issues(file: &str, words: &Words, has_fallback: bool) -> Vec<ContentIssue> {
    let mut issues = Vec::new();
    for line in CATALOGUE
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (key, filled) = line.split_once(' ').unwrap_or((line, ""));
        let Some(entry) = words.own_entry(key) else {
            if !has_fallback {
                issues.push(ContentIssue::new(
                    file,
                    key,
                    "text is missing: the page would show the key in its place (copy the \
                     text from the shipped file and reword it)",
                ));
            }
            continue;
        };
        let filled: Vec<&str> = filled.split(' ').filter(|n| !n.is_empty()).collect();
        let mut unknown: Vec<&str> = Vec::new();
        for form in entry.forms() {
            for name in placeholders(form) {
                if !filled.contains(&name) && !unknown.contains(&name) {
                    unknown.push(name);
                }
            }
        }
        if !unknown.is_empty() {
            unknown.sort_unstable();
            issues.push(ContentIssue::new(
                file,
                key,
                format!(
                    "uses {}, which the app does not fill in: the page would show it as \
                     typed (it fills in {})",
                    braced_list(&unknown),
                    braced_list(&filled)
                ),
            ));
        }
    }
    issues
}

/// [`ui_words_issues`] for every language of `course` whose `ui.json` is among `files` and
/// reads (a missing or unreadable one is the language reports' to name).
pub fn course_ui_issues(files: &[(String, Vec<u8>)], course: &Course) -> Vec<ContentIssue> {
    let org = &course.organisation;
    let mut issues = Vec::new();
    for info in &org.languages {
        let file = words_file(info.tag);
        let Some((_, bytes)) = files.iter().find(|(path, _)| *path == file) else {
            continue;
        };
        if let Ok(words) = parse_words(&file, info.tag, bytes) {
            let has_fallback = org.fallback_of(info.tag).is_some();
            issues.extend(ui_words_issues(&file, &words, has_fallback));
        }
    }
    issues
}
