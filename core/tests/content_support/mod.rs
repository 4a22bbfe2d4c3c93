//! The content folders the tests read, as `load_course` takes them: the fixture course in
//! `tests/fixtures/content` and the shipped one in `<workspace>/content`, every file of the
//! structure and of each language; and the shipped languages' UI words (`ui.json`), which the
//! certificate, pocket card, calendar reminder and CSV take their fixed words from.

#![allow(dead_code)]

pub mod edit;

use std::path::{Path, PathBuf};

use trygg_core::content::{load_course_in, parse_organisation, Course, Lang};
use trygg_core::language::{parse_words, words_file, Words};

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

pub fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// Every `.json` file under `dir` but its schemas, keyed by its path relative to `dir` with
/// `/` between folders, in path order.
pub fn read_content(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    collect(dir, "", &mut files);
    files.sort();
    files
}

fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("folder entry");
        let name = entry.file_name().into_string().expect("UTF-8 file name");
        let rel = format!("{prefix}{name}");
        let path = entry.path();
        if path.is_dir() {
            if rel != "schema" {
                collect(&path, &format!("{rel}/"), out);
            }
        } else if name.ends_with(".json") {
            out.push((rel, std::fs::read(&path).expect("readable file")));
        }
    }
}

/// The fixture course's files.
pub fn fixture_files() -> Vec<(String, Vec<u8>)> {
    read_content(&fixture_dir())
}

/// The shipped course's files.
pub fn shipped_files() -> Vec<(String, Vec<u8>)> {
    read_content(&shipped_dir())
}

/// The shipped languages' cue words, as `trygg content check` reads them.
pub fn shipped_cue_words() -> trygg_core::content::CueLexicon {
    trygg_core::content::CueLexicon::from_files(&shipped_files())
        .unwrap_or_else(|issues| panic!("the shipped cue words do not read: {issues:?}"))
}

/// The shipped course in `lang` (its first language when `None`), or a panic listing every
/// problem found.
pub fn shipped_course_in(lang: Option<Lang>) -> Course {
    load_course_in(&shipped_files(), lang).unwrap_or_else(|issues| {
        let list: Vec<String> = issues.iter().map(ToString::to_string).collect();
        panic!("the shipped content has problems:\n{}", list.join("\n"))
    })
}

/// The shipped course in its first language.
pub fn shipped_course() -> Course {
    shipped_course_in(None)
}

pub fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_else(|| panic!("\"{code}\" is not a language tag"))
}

/// The languages the shipped `organisation.json` lists, its first language first.
pub fn shipped_languages() -> Vec<Lang> {
    let bytes = std::fs::read(shipped_dir().join("organisation.json")).expect("organisation.json");
    let org = parse_organisation("organisation.json", &bytes).expect("organisation parses");
    org.languages.iter().map(|l| l.tag).collect()
}

/// A shipped language's own `ui.json`, without a fallback: what a test of its words reads, so
/// a key the language lacks shows as the key itself instead of another language's text.
pub fn shipped_words(lang: Lang) -> Words {
    let rel = words_file(lang);
    let bytes = std::fs::read(shipped_dir().join(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    parse_words(&rel, lang, &bytes).unwrap_or_else(|issues| panic!("{rel}: {issues:?}"))
}

/// The shipped words of a language given by its tag.
pub fn words(code: &str) -> Words {
    shipped_words(lang(code))
}
