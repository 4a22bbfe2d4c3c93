//! The words the CLI writes into files people read (the roster's CSV headings, roles and
//! statuses), from the same `ui.json` files the app reads. The shipped languages are built in,
//! so `trygg roster` needs no content folder; `--content DIR` reads a language an
//! organisation added, or its own edits, from that folder instead.

use std::path::Path;

use trygg_core::content::{parse_organisation, Lang};
use trygg_core::language::{parse_words, words_file, Words};

/// `content/languages/<tag>/ui.json` of each shipped language, as built into the binary.
const SHIPPED: &[(&str, &str)] = &[
    ("sv", include_str!("../../content/languages/sv/ui.json")),
    ("en", include_str!("../../content/languages/en/ui.json")),
    ("fi", include_str!("../../content/languages/fi/ui.json")),
];

/// The words of `lang`: from `content` when given (with the course's first language filling
/// gaps), else the shipped copy.
pub fn words(lang: Lang, content: Option<&Path>) -> Result<Words, String> {
    match content {
        Some(dir) => from_folder(lang, dir),
        None => shipped(lang).ok_or_else(|| {
            let known: Vec<&str> = SHIPPED.iter().map(|(tag, _)| *tag).collect();
            format!(
                "no built-in words for language \"{lang}\" (built in: {}); give --content DIR for a language your content adds",
                known.join(", ")
            )
        }),
    }
}

/// The shipped English words: what the CLI's own summaries use for statuses.
pub fn english() -> Option<Words> {
    Lang::parse("en").and_then(shipped)
}

fn shipped(lang: Lang) -> Option<Words> {
    let (_, text) = SHIPPED.iter().find(|(tag, _)| *tag == lang.code())?;
    parse_words("ui.json", lang, text.as_bytes()).ok()
}

fn read(dir: &Path, lang: Lang) -> Result<Words, String> {
    let rel = words_file(lang);
    let path = dir.join(&rel);
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse_words(&rel, lang, &bytes).map_err(|issues| {
        issues
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

fn from_folder(lang: Lang, dir: &Path) -> Result<Words, String> {
    let own = read(dir, lang)?;
    let org_path = dir.join("organisation.json");
    let org = std::fs::read(&org_path)
        .ok()
        .and_then(|b| parse_organisation("organisation.json", &b).ok());
    match org.and_then(|o| o.fallback_of(lang)) {
        Some(fallback) => Ok(own.with_fallback(read(dir, fallback)?)),
        None => Ok(own),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_the_shipped_course_lists_is_built_in() {
        let org = include_str!("../../content/organisation.json");
        let org = parse_organisation("organisation.json", org.as_bytes()).expect("parses");
        for language in &org.languages {
            let words = words(language.tag, None).expect("built in");
            assert_eq!(words.lang(), language.tag);
            assert!(!words.entries.is_empty());
        }
        assert!(english().is_some());
        let other = Lang::parse("de").expect("tag");
        let err = words(other, None).expect_err("not built in");
        assert!(
            err.contains("no built-in words for language \"de\""),
            "{err}"
        );
    }

    #[test]
    fn a_language_a_content_folder_adds_takes_its_gaps_from_its_fallback() {
        let dir = crate::test_support::temp_dir("words-fallback");
        let org = include_str!("../../content/organisation.json").replace(
            r#""languages": ["#,
            r#""languages": [{"tag": "se", "name": "Davvisámegiella", "fallback": "en"}, "#,
        );
        assert!(
            org.contains("Davvisámegiella"),
            "the language list changed shape"
        );
        std::fs::write(dir.join("organisation.json"), org).expect("write");
        for (tag, text) in SHIPPED {
            let folder = dir.join("languages").join(tag);
            std::fs::create_dir_all(&folder).expect("mkdir");
            std::fs::write(folder.join("ui.json"), text).expect("write");
        }
        let se = dir.join("languages/se");
        std::fs::create_dir_all(&se).expect("mkdir");
        std::fs::write(se.join("ui.json"), r#"{"csv.name": "Namma"}"#).expect("write");
        let lang = Lang::parse("se").expect("tag");
        let se_words = words(lang, Some(&dir)).expect("reads");
        assert_eq!(se_words.t("csv.name"), "Namma");
        assert_eq!(se_words.t("csv.unit"), "Unit");
        assert_eq!(se_words.foreign("csv.unit"), Lang::parse("en"));
        std::fs::write(se.join("ui.json"), r#"{"csv.name": {"one": "Namma"}}"#).expect("write");
        let err = words(lang, Some(&dir)).expect_err("no other form");
        assert!(err.contains("languages/se/ui.json: csv.name:"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
