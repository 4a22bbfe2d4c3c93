//! Breaking the fixture course one thing at a time: its files as bytes or as JSON to edit,
//! loaded the way `trygg content check` loads them (the course's first language, then each
//! other one), and the issues that come back.

use std::collections::BTreeMap;

use serde_json::Value;
use trygg_core::content::{load_course_in, ContentIssue, Course};

pub const ORG: &str = "organisation.json";
pub const SRC: &str = "sources.json";
pub const ALPHA: &str = "modules/alpha.json";
pub const BETA: &str = "modules/beta.json";
pub const SV_COURSE: &str = "languages/sv/course.json";
pub const EN_COURSE: &str = "languages/en/course.json";
pub const SV_ALPHA: &str = "languages/sv/modules/alpha.json";
pub const EN_ALPHA: &str = "languages/en/modules/alpha.json";
pub const SV_BETA: &str = "languages/sv/modules/beta.json";
pub const EN_BETA: &str = "languages/en/modules/beta.json";
pub const SV_UI: &str = "languages/sv/ui.json";
pub const EN_UI: &str = "languages/en/ui.json";
pub const EN_FROM: &str = "languages/en/translated-from.json";

pub type Files = BTreeMap<String, Value>;
pub type Bytes = BTreeMap<String, Vec<u8>>;

/// The fixture's files as raw bytes, keyed by relative path.
pub fn fixture_bytes() -> Bytes {
    super::fixture_files().into_iter().collect()
}

/// The fixture's files parsed as JSON, for editing.
pub fn fixture_json() -> Files {
    fixture_bytes()
        .into_iter()
        .map(|(f, b)| (f, serde_json::from_slice(&b).expect("fixture JSON")))
        .collect()
}

pub fn to_bytes(files: &Files) -> Bytes {
    files
        .iter()
        .map(|(f, v)| (f.clone(), serde_json::to_vec_pretty(v).expect("serialize")))
        .collect()
}

pub fn as_list(files: Bytes) -> Vec<(String, Vec<u8>)> {
    files.into_iter().collect()
}

/// The course in every language it lists, its first language first, as the check loads it:
/// when the first language fails, only its issues; otherwise every other language's.
pub fn check_bytes(files: Bytes) -> Result<Vec<Course>, Vec<ContentIssue>> {
    let files = as_list(files);
    let source = load_course_in(&files, None)?;
    let mut courses = vec![source.clone()];
    let mut issues = Vec::new();
    for info in source.organisation.languages.iter().skip(1) {
        match load_course_in(&files, Some(info.tag)) {
            Ok(course) => courses.push(course),
            Err(e) => issues.extend(e),
        }
    }
    if issues.is_empty() {
        Ok(courses)
    } else {
        Err(issues)
    }
}

pub fn check_json(files: &Files) -> Result<Vec<Course>, Vec<ContentIssue>> {
    check_bytes(to_bytes(files))
}

/// Applies `edit` to a copy of the fixture and returns the issues found.
pub fn issues_after(edit: impl FnOnce(&mut Files)) -> Vec<ContentIssue> {
    let mut files = fixture_json();
    edit(&mut files);
    check_json(&files).err().unwrap_or_default()
}

pub fn issue(file: &str, path: &str, message: &str) -> ContentIssue {
    ContentIssue::new(file, path, message)
}

/// The edit yields exactly this one issue.
pub fn expect_only(edit: impl FnOnce(&mut Files), expected: ContentIssue) {
    assert_eq!(issues_after(edit), vec![expected]);
}

/// The edit yields this issue, possibly among consequences of the same change.
pub fn expect_among(edit: impl FnOnce(&mut Files), expected: ContentIssue) {
    let issues = issues_after(edit);
    assert!(issues.contains(&expected), "{expected} not in {issues:#?}");
}

pub fn at<'a>(files: &'a mut Files, file: &str, pointer: &str) -> &'a mut Value {
    files
        .get_mut(file)
        .and_then(|v| v.pointer_mut(pointer))
        .unwrap_or_else(|| panic!("{file} has no {pointer}"))
}

/// Sets the value at `pointer`, adding the last key to its object if absent.
pub fn put(files: &mut Files, file: &str, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    match at(files, file, parent) {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => {
            let i: usize = key.parse().expect("index");
            items[i] = value;
        }
        _ => panic!("{file}: {parent} is neither object nor array"),
    }
}

/// Keeps the first `n` items of the array at `pointer`.
pub fn truncate(files: &mut Files, file: &str, pointer: &str, n: usize) {
    match at(files, file, pointer) {
        Value::Array(items) => items.truncate(n),
        _ => panic!("{file}: {pointer} is not an array"),
    }
}

/// Removes `key` from the object at `pointer`.
pub fn remove(files: &mut Files, file: &str, pointer: &str, key: &str) {
    match at(files, file, pointer) {
        Value::Object(map) => {
            map.remove(key);
        }
        _ => panic!("{file}: {pointer} is not an object"),
    }
}

pub fn set(file: &'static str, pointer: &'static str, value: Value) -> impl FnOnce(&mut Files) {
    move |files| put(files, file, pointer, value)
}
