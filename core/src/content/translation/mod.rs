//! The translators' round trip: `trygg content export --lang TAG` writes a language's texts
//! as a gettext PO file, one entry per text with the source language's text beside it and
//! notes on where it stands; `trygg content import` reads the file back into the language's
//! files, every text checked, the structure untouched. Both walk the same list of texts
//! ([`catalogue`]), and the import writes every file in one canonical form, so an export read
//! back without edits changes no byte.
//!
//! A PO entry's `msgctxt` is `<file>|<key>` (a plural form adds `[<category>]`), its `msgid`
//! the source language's text and its `msgstr` the language's own; an entry is `fuzzy` when
//! its translation was made from a source text that has changed since
//! (`translated-from.json`).

mod catalogue;
mod export;
mod import;
mod module_units;
mod write;

use std::collections::HashSet;

pub use export::{export_po, Export};
pub use import::{import_po, Import, ImportError, ImportProblem};

use super::course::{load_course_in, Course};
use super::issue::ContentIssue;
use super::languages::{TranslatedFrom, TRANSLATED_FROM_FILE};
use super::model::Lang;
use crate::language::{
    course_texts_file, language_dir, module_texts_file, parse_texts, parse_words, words_file,
    Entry, PluralCategory, Texts, Words,
};
use catalogue::Unit;

/// The course in its source language, which every language is translated from.
struct Source {
    /// With the source language's texts filled in.
    course: Course,
    lang: Lang,
    words: Option<Words>,
}

impl Source {
    /// Reads the structure and the source language's texts; both must pass the check.
    fn read(files: &[(String, Vec<u8>)]) -> Result<Source, Vec<ContentIssue>> {
        let course = load_course_in(files, None)?;
        let lang = course
            .lang
            .or_else(|| course.organisation.source_language());
        let Some(lang) = lang else {
            return Err(vec![ContentIssue::new(
                "organisation.json",
                "languages",
                "the course lists no languages",
            )]);
        };
        let words = read_words(files, lang)?;
        Ok(Source {
            course,
            lang,
            words,
        })
    }

    /// The listed language whose tag is `tag`, spelled as `organisation.json` spells it;
    /// gettext's `pt_BR` is taken for `pt-BR`, and case does not matter.
    fn language(&self, tag: &str) -> Option<Lang> {
        let tag = tag.replace('_', "-");
        self.course
            .organisation
            .languages
            .iter()
            .map(|l| l.tag)
            .find(|l| l.code().eq_ignore_ascii_case(&tag))
    }

    /// The tags of the listed languages, for messages.
    fn listed(&self) -> String {
        let tags: Vec<&str> = self
            .course
            .organisation
            .languages
            .iter()
            .map(|l| l.tag.code())
            .collect();
        tags.join(", ")
    }
}

/// A language's files as they are now.
struct Current {
    lang: Lang,
    words: Option<Words>,
    /// `course.json` and each module's file, by name relative to the language's folder.
    texts: Vec<(String, Texts)>,
    translated_from: TranslatedFrom,
    /// The files (relative to the content folder) that exist.
    present: HashSet<String>,
}

impl Current {
    fn read(
        files: &[(String, Vec<u8>)],
        source: &Source,
        lang: Lang,
    ) -> Result<Current, Vec<ContentIssue>> {
        let mut issues = Vec::new();
        let words = read_words(files, lang).unwrap_or_else(|e| {
            issues.extend(e);
            None
        });
        let find = |path: &str| files.iter().find(|(p, _)| p == path).map(|(_, b)| b);
        let names = std::iter::once(course_texts_file(lang)).chain(
            source
                .course
                .modules
                .iter()
                .map(|m| module_texts_file(lang, &m.id)),
        );
        let mut texts = Vec::new();
        for path in names {
            let parsed = match find(&path) {
                None => Texts::default(),
                Some(bytes) => parse_texts(&path, bytes).unwrap_or_else(|e| {
                    issues.extend(e);
                    Texts::default()
                }),
            };
            texts.push((relative(lang, &path), parsed));
        }
        let from_path = format!("{}/{TRANSLATED_FROM_FILE}", language_dir(lang));
        let translated_from = match find(&from_path) {
            None => TranslatedFrom::default(),
            Some(bytes) => serde_json::from_slice(bytes).unwrap_or_else(|e| {
                issues.push(ContentIssue::new(
                    &from_path,
                    "",
                    format!("not a record of translations: {e}"),
                ));
                TranslatedFrom::default()
            }),
        };
        let folder = format!("{}/", language_dir(lang));
        let present = files
            .iter()
            .filter(|(p, _)| p.starts_with(&folder))
            .map(|(p, _)| p.clone())
            .collect();
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(Current {
            lang,
            words,
            texts,
            translated_from,
            present,
        })
    }

    /// The language's UI entry for `key`.
    fn entry(&self, key: &str) -> Option<&Entry> {
        let words = self.words.as_ref()?;
        words.entries.iter().find(|(k, _)| k == key).map(|(_, e)| e)
    }

    /// The language's text for a unit, if it has one.
    fn text(&self, unit: &Unit) -> Option<&str> {
        if unit.file == crate::language::UI_FILE {
            return match (self.entry(&unit.key)?, unit.category) {
                (Entry::Text(text), None | Some(PluralCategory::Other)) => Some(text),
                (Entry::Text(_), Some(_)) => None,
                (Entry::Counted(forms), category) => {
                    let category = category.unwrap_or(PluralCategory::Other);
                    forms
                        .iter()
                        .find(|(c, _)| *c == category)
                        .map(|(_, t)| t.as_str())
                }
            };
        }
        let (_, texts) = self.texts.iter().find(|(f, _)| *f == unit.file)?;
        texts.get(&unit.key)
    }

    /// The hash `translated-from.json` records for a unit's key.
    fn recorded(&self, unit: &Unit) -> Option<&str> {
        self.translated_from
            .get(&unit.file)
            .and_then(|keys| keys.get(&unit.key))
            .map(String::as_str)
    }

    /// A translation made from a source text that has changed since.
    fn stale(&self, unit: &Unit) -> bool {
        self.recorded(unit)
            .is_some_and(|hash| hash != super::languages::text_hash(&unit.hashed))
    }
}

fn read_words(files: &[(String, Vec<u8>)], lang: Lang) -> Result<Option<Words>, Vec<ContentIssue>> {
    let path = words_file(lang);
    match files.iter().find(|(p, _)| *p == path) {
        None => Ok(None),
        Some((_, bytes)) => parse_words(&path, lang, bytes).map(Some),
    }
}

/// A path relative to the content folder, made relative to the language's folder.
fn relative(lang: Lang, path: &str) -> String {
    let folder = format!("{}/", language_dir(lang));
    path.strip_prefix(&folder).unwrap_or(path).to_owned()
}
