//! Languages as data. Every word a learner or manager reads comes from files under
//! `content/languages/<tag>/`: the UI strings (`ui.json`, read as [`Words`]), the course's
//! titles and the organisation's names (`course.json`) and each module's texts
//! (`modules/<id>.json`), matched to the structure by ids ([`texts`]). `organisation.json`
//! lists the languages ([`LanguageInfo`]); the first is the one the course is written in.

mod canonical;
mod catalogue;
mod flat;
mod plural;
mod po;
mod tag;
mod words;

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

pub use canonical::{nest, to_json, JsonNode};
pub use catalogue::{course_ui_issues, ui_catalogue, ui_words_issues};
pub use flat::{parse_texts, Texts};
pub use plural::PluralCategory;
pub use po::{parse_po, PoEntry, PoFile, PoProblem};
pub use tag::{Lang, MAX_TAG_LEN};
pub use words::{parse_words, Entry, Words, UI_FILE};

/// Which way a language is written; decides `dir` on the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    fn is_ltr(&self) -> bool {
        *self == Direction::Ltr
    }
}

/// One language of the course, as `organisation.json` lists it: the language names itself,
/// says which way it is written and which language fills its gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    /// The BCP 47 tag, also the folder name under `languages/`.
    pub tag: Lang,
    /// The language's own name for itself, as the language choice shows it ("Suomi").
    pub name: String,
    /// `rtl` for Arabic, Persian, Hebrew …; `ltr` when left out.
    #[serde(default, skip_serializing_if = "Direction::is_ltr")]
    pub dir: Direction,
    /// The language a missing text is taken from; the course's first language when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Lang>,
}

/// The folder of a language's files, relative to `content/`.
pub fn language_dir(lang: Lang) -> String {
    format!("languages/{}", lang.code())
}

/// `languages/<tag>/course.json`: the organisation's names and each module's title and
/// summary, all that the start page and "my training" need.
pub fn course_texts_file(lang: Lang) -> String {
    format!("{}/course.json", language_dir(lang))
}

/// `languages/<tag>/modules/<id>.json`: one module's lesson and quiz texts.
pub fn module_texts_file(lang: Lang, module_id: &str) -> String {
    format!("{}/modules/{module_id}.json", language_dir(lang))
}

/// `languages/<tag>/ui.json`.
pub fn words_file(lang: Lang) -> String {
    format!("{}/{UI_FILE}", language_dir(lang))
}

/// Replaces `{name}` placeholders with plain-text values (never markup).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// `template` cut at its `{name}` placeholder into the text before and after it, for a page
/// that shows the value as markup of its own (a language's name in its own `lang`, which a
/// plain [`fill`] cannot mark); `None` when the template has no such placeholder.
pub fn split_at_placeholder<'a>(template: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let placeholder = format!("{{{name}}}");
    let at = template.find(&placeholder)?;
    Some((&template[..at], &template[at + placeholder.len()..]))
}

/// What is wrong with a text's braces, if anything: in the app's words a brace only ever
/// opens or closes a `{placeholder}` (a name of ASCII letters, digits and `_`), so a `{` left
/// open, a `}` with no `{`, or braces round anything else would show as typed, and a value
/// the text was to show would be lost.
pub fn brace_problem(text: &str) -> Option<String> {
    let mut rest = text;
    loop {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => return None,
            (None, Some(_)) => return Some("a \"}\" closes no \"{\"".into()),
            (Some(o), Some(c)) if c < o => return Some("a \"}\" closes no \"{\"".into()),
            (Some(o), _) => {
                let after = &rest[o + 1..];
                let end = after.find(['{', '}']);
                match end.map(|e| (e, after.as_bytes()[e])) {
                    Some((e, b'}')) => {
                        let name = &after[..e];
                        let is_name = !name.is_empty()
                            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                        if !is_name {
                            return Some(format!(
                                "\"{{{name}}}\" is not a placeholder (a name of letters a–z, digits and _ in braces); it would show as typed"
                            ));
                        }
                        rest = &after[e + 1..];
                    }
                    _ => {
                        let shown: String = after.chars().take(12).collect();
                        return Some(format!("the \"{{\" before \"{shown}\" is never closed"));
                    }
                }
            }
        }
    }
}

/// Placeholder names as a message lists them: `{n}, {total}`, or "no placeholder".
pub fn braced_list<S: AsRef<str>>(names: &[S]) -> String {
    if names.is_empty() {
        return "no placeholder".to_owned();
    }
    let braced: Vec<String> = names
        .iter()
        .map(|n| format!("{{{}}}", n.as_ref()))
        .collect();
    braced.join(", ")
}

/// The `{name}` placeholders a text uses, sorted and without repeats: every translation of a
/// text must use the same ones, or a value would be lost or a brace shown.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    found.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brace_is_only_ever_part_of_a_placeholder() {
        for fine in ["", "no braces", "{n} av {total}", "{a}{b_2}"] {
            assert_eq!(brace_problem(fine), None, "{fine}");
        }
        let problem = |text: &str| brace_problem(text).unwrap_or_default();
        assert!(problem("Du fikk {percent % av {total}").contains("never closed"));
        assert!(problem("slut {n").contains("never closed"));
        assert!(problem("a } b").contains("closes no"));
        assert!(problem("{n} } {m}").contains("closes no"));
        assert!(problem("Min {opplæring}").contains("\"{opplæring}\" is not a placeholder"));
        assert!(problem("{mark }").contains("is not a placeholder"));
        assert!(problem("{}").contains("is not a placeholder"));
    }

    #[test]
    fn placeholders_are_the_names_in_braces() {
        assert_eq!(
            placeholders("{n} av {total}: {n} {not a name} {}"),
            ["n", "total"]
        );
        assert!(placeholders("no braces { here").is_empty());
        assert_eq!(
            fill("{n} av {total}", &[("n", "2"), ("total", "5")]),
            "2 av 5"
        );
    }

    #[test]
    fn a_template_splits_at_its_placeholder_only() {
        assert_eq!(
            split_at_placeholder("The PDF files are made in {language}, as …", "language"),
            Some(("The PDF files are made in ", ", as …"))
        );
        assert_eq!(
            split_at_placeholder("{language}", "language"),
            Some(("", ""))
        );
        assert_eq!(split_at_placeholder("made in {lang}", "language"), None);
        assert_eq!(split_at_placeholder("made in language", "language"), None);
    }
}
