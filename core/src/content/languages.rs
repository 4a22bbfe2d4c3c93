//! How complete and current each language of a course is: what `trygg content check` reports
//! per language. The first language is the source; every other language is measured against
//! it: texts it lacks (shown in the fallback language instead), texts for ids the structure no
//! longer has, texts translated from an older source text (stale), and `{placeholders}` that
//! differ from the source's.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::course::Course;
use super::issue::ContentIssue;
use super::model::Lang;
use super::slots::{course_slots, module_slots};
use super::texts::typed_text_problem;
use crate::language::{
    braced_list, course_texts_file, language_dir, module_texts_file, parse_texts, parse_words,
    placeholders, words_file, Entry, PluralCategory, Texts, Words, UI_FILE,
};

/// `languages/<tag>/translated-from.json`: per file (`ui.json`, `course.json`,
/// `modules/<id>.json`) and key, [`text_hash`] of the source text each translation was made
/// from. Written by `trygg content import`.
pub type TranslatedFrom = BTreeMap<String, BTreeMap<String, String>>;

/// The name of a language's record of what its translations were made from.
pub const TRANSLATED_FROM_FILE: &str = "translated-from.json";

/// The first 8 hex digits of SHA-256 of a text: enough to tell that a source text changed.
pub fn text_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One text's place: the file (relative to the language's folder) and its key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TextPlace {
    pub file: String,
    pub key: String,
}

/// A text whose `{placeholders}` differ from the source text's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceholderMismatch {
    pub file: String,
    pub key: String,
    pub source: Vec<String>,
    pub found: Vec<String>,
}

/// One language's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageReport {
    pub lang: String,
    /// The course is written in this language; the others are measured against it.
    pub source: bool,
    /// Texts the language should have (UI strings, course texts, module texts).
    pub texts: usize,
    /// Of those, how many it has.
    pub present: usize,
    /// `present` as a whole percentage of `texts`, rounded down (100 only when complete).
    pub coverage: u32,
    pub missing: Vec<TextPlace>,
    /// Texts for ids that no longer exist (or UI keys the source language does not have).
    pub orphans: Vec<TextPlace>,
    /// Texts made from a source text that has changed since.
    pub stale: Vec<TextPlace>,
    pub placeholders: Vec<PlaceholderMismatch>,
}

impl LanguageReport {
    /// One sentence per kind of gap, with its count, for the check's warnings.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let list = |places: &[TextPlace]| {
            let shown: Vec<String> = places
                .iter()
                .take(5)
                .map(|p| format!("{}: {}", p.file, p.key))
                .collect();
            let more = places.len().saturating_sub(5);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{}{more}", shown.join(", "))
        };
        // "1 text is", "2 texts are": the check's lines read as sentences.
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        if !self.missing.is_empty() {
            out.push(format!(
                "{} missing and {} in the fallback language: {}",
                count(self.missing.len(), "text is", "texts are"),
                if self.missing.len() == 1 {
                    "shows"
                } else {
                    "show"
                },
                list(&self.missing)
            ));
        }
        if !self.orphans.is_empty() {
            out.push(format!(
                "{} to ids that no longer exist: {}",
                count(self.orphans.len(), "text belongs", "texts belong"),
                list(&self.orphans)
            ));
        }
        if !self.stale.is_empty() {
            out.push(format!(
                "{} translated from a source text that has changed since: {}",
                count(self.stale.len(), "text was", "texts were"),
                list(&self.stale)
            ));
        }
        for p in &self.placeholders {
            out.push(format!("{}: {}: {}", p.file, p.key, p.message()));
        }
        out
    }
}

impl PlaceholderMismatch {
    /// What differs, in the words `trygg content import` uses.
    pub fn message(&self) -> String {
        format!(
            "uses {} where the source uses {}",
            braced_list(&self.found),
            braced_list(&self.source)
        )
    }
}

/// A language's texts as read from its files, by file (relative to its folder).
struct LanguageTexts {
    words: Option<Words>,
    files: Vec<(String, Texts)>,
    translated_from: TranslatedFrom,
}

/// Reports every language of `course` (whose structure was read from `files`), the source
/// language first. Files that cannot be read are issues; gaps are in the reports.
pub fn language_reports(
    files: &[(String, Vec<u8>)],
    course: &Course,
) -> Result<Vec<LanguageReport>, Vec<ContentIssue>> {
    let org = &course.organisation;
    let Some(source) = org.source_language() else {
        return Ok(Vec::new());
    };
    let mut issues = Vec::new();
    let read = |lang: Lang, issues: &mut Vec<ContentIssue>| -> LanguageTexts {
        let find = |path: &str| files.iter().find(|(p, _)| p == path).map(|(_, b)| b);
        // A language's course texts may have gaps (they fall back), but the browser reads its
        // words before anything else and cannot show the language without them.
        let Some(bytes) = find(&words_file(lang)) else {
            issues.push(ContentIssue::new(
                words_file(lang),
                "",
                "missing: the app cannot show this language without its words (copy the \
                 fallback language's ui.json and translate it)",
            ));
            return LanguageTexts {
                words: None,
                files: Vec::new(),
                translated_from: TranslatedFrom::default(),
            };
        };
        let words = parse_words(&words_file(lang), lang, bytes)
            .map_err(|e| issues.extend(e))
            .ok();
        if let Some(words) = &words {
            issues.extend(words_problems(&words_file(lang), words));
        }
        let mut texts = Vec::new();
        let names = std::iter::once(course_texts_file(lang)).chain(
            course
                .modules
                .iter()
                .map(|m| module_texts_file(lang, &m.id)),
        );
        for path in names {
            let parsed = find(&path).map_or_else(Texts::default, |b| {
                parse_texts(&path, b).unwrap_or_else(|e| {
                    issues.extend(e);
                    Texts::default()
                })
            });
            let relative = path
                .strip_prefix(&format!("{}/", language_dir(lang)))
                .unwrap_or(&path)
                .to_owned();
            texts.push((relative, parsed));
        }
        let from_path = format!("{}/{TRANSLATED_FROM_FILE}", language_dir(lang));
        let translated_from = find(&from_path)
            .and_then(|b| match serde_json::from_slice::<TranslatedFrom>(b) {
                Ok(t) => Some(t),
                Err(e) => {
                    issues.push(ContentIssue::new(
                        &from_path,
                        "",
                        format!("not a record of translations: {e}"),
                    ));
                    None
                }
            })
            .unwrap_or_default();
        LanguageTexts {
            words,
            files: texts,
            translated_from,
        }
    };
    let source_texts = read(source, &mut issues);
    let expected = expected_keys(course);
    let mut reports = Vec::new();
    for info in &org.languages {
        let texts = if info.tag == source {
            None
        } else {
            Some(read(info.tag, &mut issues))
        };
        reports.push(report(info.tag, &source_texts, texts.as_ref(), &expected));
    }
    if issues.is_empty() {
        Ok(reports)
    } else {
        Err(issues)
    }
}

/// The app shows its own words as typed (buttons, labels, attributes), so HTML, an entity,
/// markup or a stray brace in `ui.json` would reach the reader as characters: each text that
/// has one is an issue ([`typed_text_problem`]).
fn words_problems(file: &str, words: &Words) -> Vec<ContentIssue> {
    let mut out = Vec::new();
    for (key, entry) in &words.entries {
        let forms: Vec<&str> = match entry {
            Entry::Text(text) => vec![text.as_str()],
            Entry::Counted(forms) => forms.iter().map(|(_, text)| text.as_str()).collect(),
        };
        out.extend(
            forms
                .into_iter()
                .filter_map(typed_text_problem)
                .map(|problem| ContentIssue::new(file, key, problem)),
        );
    }
    out
}

/// The keys each course text file must have, by file relative to a language's folder.
fn expected_keys(course: &Course) -> Vec<(String, Vec<String>)> {
    let mut copy = course.clone();
    let keys = |slots: Vec<(String, &mut super::model::Text)>| -> Vec<String> {
        slots.into_iter().map(|(k, _)| k).collect()
    };
    let mut out = vec![(
        "course.json".to_owned(),
        keys(course_slots(
            &mut copy.organisation,
            copy.modules.iter_mut(),
        )),
    )];
    for module in &mut copy.modules {
        out.push((
            format!("modules/{}.json", module.id),
            keys(module_slots(module)),
        ));
    }
    out
}

fn report(
    lang: Lang,
    source: &LanguageTexts,
    own: Option<&LanguageTexts>,
    expected: &[(String, Vec<String>)],
) -> LanguageReport {
    let is_source = own.is_none();
    let own = own.unwrap_or(source);
    let mut r = LanguageReport {
        lang: lang.code().to_owned(),
        source: is_source,
        texts: 0,
        present: 0,
        coverage: 0,
        missing: Vec::new(),
        orphans: Vec::new(),
        stale: Vec::new(),
        placeholders: Vec::new(),
    };
    let place = |file: &str, key: &str| TextPlace {
        file: file.to_owned(),
        key: key.to_owned(),
    };
    // UI strings: the source language's keys are the ones the app uses.
    let source_words = source.words.as_ref();
    let own_words = own.words.as_ref();
    for (key, entry) in source_words
        .map(|w| w.entries.as_slice())
        .unwrap_or_default()
    {
        r.texts += 1;
        let Some(found) = own_words.and_then(|w| w.entry(key)).map(|(e, _)| e) else {
            r.missing.push(place(UI_FILE, key));
            continue;
        };
        r.present += 1;
        if !is_source {
            compare(&mut r, own, UI_FILE, key, &ui_text(entry), &ui_text(found));
            check_counted(&mut r, key, entry, found);
        }
    }
    if let (Some(own_words), Some(source_words)) = (own_words, source_words) {
        for (key, _) in &own_words.entries {
            if !source_words.contains(key) {
                r.orphans.push(place(UI_FILE, key));
            }
        }
    }
    // Course and module texts: the structure's keys.
    for (file, keys) in expected {
        let find = |t: &LanguageTexts| {
            t.files
                .iter()
                .find(|(f, _)| f == file)
                .map(|(_, texts)| texts.clone())
                .unwrap_or_default()
        };
        let (src, mine) = (find(source), find(own));
        let wanted: HashSet<&str> = keys.iter().map(String::as_str).collect();
        for key in keys {
            r.texts += 1;
            let Some(text) = mine.get(key) else {
                r.missing.push(place(file, key));
                continue;
            };
            r.present += 1;
            if !is_source {
                if let Some(source_text) = src.get(key) {
                    compare(&mut r, own, file, key, source_text, text);
                }
            }
        }
        for (key, _) in &mine.entries {
            if !wanted.contains(key.as_str()) {
                r.orphans.push(place(file, key));
            }
        }
    }
    r.coverage = (r.present * 100).checked_div(r.texts).unwrap_or(100) as u32;
    r
}

/// The `other` text of a UI entry, the one placeholders and staleness are judged by.
fn ui_text(entry: &Entry) -> String {
    entry.for_category(PluralCategory::Other).to_owned()
}

/// Staleness and placeholders of one translated text against its source text.
fn compare(
    r: &mut LanguageReport,
    own: &LanguageTexts,
    file: &str,
    key: &str,
    source_text: &str,
    text: &str,
) {
    let recorded = own.translated_from.get(file).and_then(|m| m.get(key));
    if recorded.is_some_and(|hash| *hash != text_hash(source_text)) {
        r.stale.push(TextPlace {
            file: file.to_owned(),
            key: key.to_owned(),
        });
    }
    let wanted = placeholders(source_text);
    let found = placeholders(text);
    if wanted != found {
        r.placeholders.push(PlaceholderMismatch {
            file: file.to_owned(),
            key: key.to_owned(),
            source: wanted.into_iter().map(str::to_owned).collect(),
            found: found.into_iter().map(str::to_owned).collect(),
        });
    }
}

/// A counted text's other forms may leave a placeholder out ("one person"), but never bring
/// one the source does not have. Its `other` form is judged with the plain texts
/// ([`compare`]); here the rest, once per key.
fn check_counted(r: &mut LanguageReport, key: &str, source: &Entry, found: &Entry) {
    let Entry::Counted(forms) = found else {
        return;
    };
    let mut allowed: Vec<&str> = source.texts().into_iter().flat_map(placeholders).collect();
    allowed.sort_unstable();
    allowed.dedup();
    let mut extra: Vec<&str> = forms
        .iter()
        .filter(|(category, _)| *category != PluralCategory::Other)
        .flat_map(|(_, text)| placeholders(text))
        .filter(|p| !allowed.contains(p))
        .collect();
    extra.sort_unstable();
    extra.dedup();
    if !extra.is_empty() {
        r.placeholders.push(PlaceholderMismatch {
            file: UI_FILE.to_owned(),
            key: key.to_owned(),
            source: allowed.into_iter().map(str::to_owned).collect(),
            found: extra.into_iter().map(str::to_owned).collect(),
        });
    }
}
