//! Filling the structure with one language's texts. A text the language lacks comes from its
//! fallback language and is marked as such ([`Text::from`]); a text no language has, one
//! whose markup is broken, or one with markup in a place that shows it as typed (a heading, a
//! module's title), is an issue naming the language file and the key.

use std::collections::HashSet;

use super::inline::{markup_shown_as_typed, parse_inline};
use super::issue::ContentIssue;
use super::model::{Lang, Text};
use super::slots::markup_shown;
use crate::language::Texts;

/// One language's text file as read.
#[derive(Debug, Clone, Copy)]
pub struct LanguageFile<'a> {
    pub lang: Lang,
    /// Relative to the content folder, e.g. `languages/fi/modules/report.json`.
    pub file: &'a str,
    pub texts: &'a Texts,
}

/// Why texts could not be filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FillError {
    /// The language's file lacks texts and its fallback's file was not given: read that one
    /// (the language named) and fill again. Nothing was changed.
    NeedsFallback(Lang),
    /// Texts that are broken or missing in every language given.
    Invalid(Vec<ContentIssue>),
}

/// Fills every slot from `own`, or from `fallback` where `own` has no text. With no fallback
/// given while one is declared (`declared`), and a text missing, returns
/// [`FillError::NeedsFallback`]. Either error leaves every slot as it was, so a course never
/// shows a mix of the language before and a half-read one.
pub(crate) fn fill(
    slots: Vec<(String, &mut Text)>,
    own: &LanguageFile,
    fallback: Option<&LanguageFile>,
    declared: Option<Lang>,
) -> Result<(), FillError> {
    if fallback.is_none() {
        if let Some(lang) = declared {
            if slots.iter().any(|(key, _)| own.texts.get(key).is_none()) {
                return Err(FillError::NeedsFallback(lang));
            }
        }
    }
    let mut issues = Vec::new();
    let mut filled = Vec::with_capacity(slots.len());
    let places: HashSet<String> = slots
        .iter()
        .filter_map(|(key, _)| place_of(key))
        .map(|(place, _)| place.to_owned())
        .collect();
    let mut missing = false;
    for (key, slot) in slots {
        let found = match own.texts.get(&key) {
            Some(text) => Some((text, own)),
            None => fallback.and_then(|f| f.texts.get(&key).map(|text| (text, f))),
        };
        match found {
            Some((text, from)) => match text_problem_at(&key, text) {
                Some(problem) => issues.push(ContentIssue::new(from.file, key, problem)),
                None => filled.push((slot, text, from.lang)),
            },
            None => {
                let message = match fallback {
                    Some(f) => format!("text is missing here and in {}", f.file),
                    None => "text is missing".to_owned(),
                };
                issues.push(ContentIssue::new(own.file, key, message));
                missing = true;
            }
        }
    }
    if missing {
        issues.extend(stray_places(own, &places));
    }
    if !issues.is_empty() {
        return Err(FillError::Invalid(issues));
    }
    for (slot, text, lang) in filled {
        *slot = Text {
            value: text.to_owned(),
            from: (lang != own.lang).then_some(lang),
        };
    }
    Ok(())
}

/// The section, question or module a text belongs to (`questions.report-path` of
/// `questions.report-path.prompt`), with what it is called.
fn place_of(key: &str) -> Option<(&str, &'static str)> {
    let mut parts = key.splitn(3, '.');
    let (kind, _, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let what = match kind {
        "sections" => "section",
        "questions" => "question",
        "modules" => "module",
        _ => return None,
    };
    Some((&key[..key.len() - rest.len() - 1], what))
}

/// The places in `own` that the structure does not have, once each, when texts are missing:
/// an id mistyped in the text file leaves the texts missing under the right id, and these
/// point at the typo (otherwise only a warning, once the file is whole).
fn stray_places(own: &LanguageFile, places: &HashSet<String>) -> Vec<ContentIssue> {
    let mut seen = HashSet::new();
    own.texts
        .entries
        .iter()
        .filter_map(|(key, _)| place_of(key))
        .filter(|(place, _)| !places.contains(*place) && seen.insert(*place))
        .map(|(place, what)| {
            let id = place.split_once('.').map_or(place, |(_, id)| id);
            ContentIssue::new(
                own.file,
                place,
                format!("there is no {what} \"{id}\" to put these texts in: is the id mistyped?"),
            )
        })
        .collect()
}

/// What is wrong with one text, if anything: empty, broken inline markup, or HTML.
pub fn text_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some("text is empty".into())
    } else if let Err(e) = parse_inline(text) {
        Some(e)
    } else if looks_like_html(text) {
        Some("HTML is not allowed; use **bold** and [label](https://…)".into())
    } else {
        html_entity(text)
    }
}

/// What is wrong with a text the app shows as typed (a `ui.json` word, a heading, a module's
/// title), if anything: HTML, an HTML entity, markup or a brace that is not a placeholder
/// would all reach the reader as characters.
pub fn typed_text_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some("text is empty".into())
    } else if looks_like_html(text) {
        Some(
            "HTML is not allowed, and this place shows its text as typed: write the words only"
                .into(),
        )
    } else {
        html_entity(text)
            .or_else(|| markup_shown_as_typed(text))
            .or_else(|| crate::language::brace_problem(text))
    }
}

/// What is wrong with the course or module text under `key`, if anything: a
/// [`text_problem`] where markup shows, a [`typed_text_problem`] where the app shows the text
/// as typed.
pub fn text_problem_at(key: &str, text: &str) -> Option<String> {
    if markup_shown(key) {
        text_problem(text)
    } else {
        typed_text_problem(text)
    }
}

/// An HTML entity (`&amp;`, `&nbsp;`, `&#8211;`): the app shows text, not HTML, so it would
/// read as typed.
fn html_entity(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with(';') {
            let entity = &rest[at..at + 2 + name_len];
            return Some(format!(
                "\"{entity}\" is an HTML entity and shows as typed: write the character itself"
            ));
        }
        rest = after;
    }
    None
}

fn looks_like_html(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}
