//! The words a test-wise learner reads instead of the question: absolutes ("always", "never")
//! and "need not" in true/false statements, reasons ("because …") tacked onto options, and a
//! multiple-choice prompt that asks in the singular. Each measure is a plain function over one
//! language's text, so the balance report can run it on whichever language a module is
//! written in.
//!
//! The lists are a language's files like its texts (`languages/<tag>/cues.json`), so a region
//! that adds a language can give `trygg content check` its cue words without Rust. Only the
//! check reads them; the browser never fetches them. A language without the file is measured
//! on length cues only (see `content::balance`), and the check says so.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::inline::plain_words;
use super::issue::ContentIssue;

/// The file of a language's cue words, in its folder.
pub const CUES_FILE: &str = "cues.json";

/// One language's cue words, all lower case. A phrase of several words matches those words in
/// a row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueWords {
    /// Why the lists are as they are, for whoever edits them; not read by the check.
    #[serde(default)]
    pub about: String,
    /// Words that claim there is no exception: a test-wise learner takes them as a sign that a
    /// statement is false.
    pub absolutes: Vec<String>,
    /// "Need not" and its kin: a statement that something is unnecessary reads as a trap.
    pub need_not: Vec<String>,
    /// Words that attach a reason to an option ("because …"), which test-wise learners take as
    /// the mark of a made-up wrong option.
    pub reasons: Vec<String>,
    /// Words that ask for exactly one thing; in a "select all that apply" prompt they give away
    /// (or wrongly suggest) how many options are right.
    pub singular_asks: Vec<String>,
}

/// Every language's cue words, by tag, as found in the content folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CueLexicon {
    by_tag: BTreeMap<String, CueWords>,
}

impl CueLexicon {
    /// Reads `languages/<tag>/cues.json` from `files` (paths relative to `content/`), for every
    /// language folder that has one. A file that does not read is an issue naming it.
    pub fn from_files(files: &[(String, Vec<u8>)]) -> Result<CueLexicon, Vec<ContentIssue>> {
        let mut by_tag = BTreeMap::new();
        let mut issues = Vec::new();
        for (path, bytes) in files {
            let Some(tag) = path
                .strip_prefix("languages/")
                .and_then(|rest| rest.strip_suffix(&format!("/{CUES_FILE}")))
                .filter(|tag| !tag.contains('/'))
            else {
                continue;
            };
            match serde_json::from_slice::<CueWords>(bytes) {
                Ok(words) => match words.problem() {
                    None => {
                        by_tag.insert(tag.to_owned(), words);
                    }
                    Some(problem) => issues.push(ContentIssue::new(path.clone(), "", problem)),
                },
                Err(e) => issues.push(ContentIssue::new(path.clone(), "", e.to_string())),
            }
        }
        if issues.is_empty() {
            Ok(CueLexicon { by_tag })
        } else {
            Err(issues)
        }
    }

    /// A lexicon of the given languages, e.g. for tests.
    pub fn of(entries: impl IntoIterator<Item = (String, CueWords)>) -> CueLexicon {
        CueLexicon {
            by_tag: entries.into_iter().collect(),
        }
    }

    /// The cue words for a language tag: its own, else its primary subtag's (so `sv-FI` reads
    /// as Swedish), if the content gives any.
    pub fn for_lang(&self, tag: &str) -> Option<&CueWords> {
        self.by_tag.get(tag).or_else(|| {
            let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
            self.by_tag.get(&primary)
        })
    }

    /// The tags that have cue words.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.by_tag.keys().map(String::as_str)
    }
}

impl CueWords {
    /// What is wrong with the lists, if anything: a word with capitals never matches, since the
    /// text is compared in lower case.
    fn problem(&self) -> Option<String> {
        [
            ("absolutes", &self.absolutes),
            ("need_not", &self.need_not),
            ("reasons", &self.reasons),
            ("singular_asks", &self.singular_asks),
        ]
        .into_iter()
        .find_map(|(name, list)| {
            list.iter()
                .find(|w| w.trim().is_empty() || w.to_lowercase() != **w)
                .map(|w| {
                    format!(
                        "{name}: \"{w}\" must be a lower-case word or phrase, or it never matches"
                    )
                })
        })
    }

    /// Whether a true/false statement (or an option) claims there is no exception.
    pub fn has_absolute(&self, text: &str) -> bool {
        contains_any(text, &self.absolutes)
    }

    /// Whether a statement says that something is unnecessary.
    pub fn has_need_not(&self, text: &str) -> bool {
        contains_any(text, &self.need_not)
    }

    /// Whether an option carries a reason ("… because …").
    pub fn has_reason(&self, text: &str) -> bool {
        contains_any(text, &self.reasons)
    }

    /// Whether a prompt asks for a single thing ("Vilket …", "Which one …").
    pub fn asks_in_singular(&self, text: &str) -> bool {
        contains_any(text, &self.singular_asks)
    }
}

/// Whether any of `phrases` occurs in `text` as whole words, ignoring case.
pub fn contains_any(text: &str, phrases: &[String]) -> bool {
    let words = words(text);
    phrases.iter().any(|phrase| {
        let wanted: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
        !wanted.is_empty()
            && words
                .windows(wanted.len())
                .any(|run| run.iter().zip(&wanted).all(|(a, b)| a == b))
    })
}

/// The words of a text as the learner reads them, lower case: markup is left out (a link's
/// address, a `{lang=sv}`), letters, digits and apostrophes inside a word belong to it
/// ("needn't"), and everything else separates words.
fn words(text: &str) -> Vec<String> {
    plain_words(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped languages' cue words, as the check reads them.
    fn shipped() -> CueLexicon {
        let file = |tag: &str, text: &str| {
            (
                format!("languages/{tag}/{CUES_FILE}"),
                text.as_bytes().to_vec(),
            )
        };
        CueLexicon::from_files(&[
            file(
                "sv",
                include_str!("../../../content/languages/sv/cues.json"),
            ),
            file(
                "en",
                include_str!("../../../content/languages/en/cues.json"),
            ),
            file(
                "fi",
                include_str!("../../../content/languages/fi/cues.json"),
            ),
        ])
        .expect("the shipped cue words read")
    }

    #[test]
    fn whole_words_only() {
        let lexicon = shipped();
        let sv = lexicon.for_lang("sv").expect("sv");
        assert!(sv.has_absolute("Du ska **alltid** larma."));
        assert!(!sv.has_absolute("Hallå, allra först"));
        assert!(sv.has_need_not("Du behöver inte rapportera."));
        assert!(sv.has_need_not("Då behöver du inte rapportera."));
        assert!(!sv.has_need_not("Du behöver rapportera inte bara det."));
        assert!(sv.has_reason("Säger nej, eftersom det inte står där."));
        assert!(sv.asks_in_singular("Vilket av följande ska bort?"));
        assert!(!sv.asks_in_singular("Vilka av följande ska bort?"));
        let en = lexicon.for_lang("en").expect("en");
        assert!(en.has_need_not("You needn’t report it."));
        assert!(en.has_absolute("No one may enter."));
        assert!(!en.has_absolute("An allowance, once"));
        let fi = lexicon.for_lang("fi").expect("fi");
        assert!(fi.has_absolute("Korttia ei saa koskaan lainata."));
        assert!(!fi.has_absolute("Lupaan olla sanomatta mitään."));
        assert!(fi.has_need_not("Sinun ei tarvitse ilmoittaa."));
        assert!(fi.has_reason("Et ilmoita, koska potilas ei tiennyt."));
        assert!(fi.asks_in_singular("Mikä seuraavista pitää paikkansa?"));
        assert!(!fi.asks_in_singular("Mitkä seuraavista pitävät paikkansa?"));
        assert!(lexicon.for_lang("de").is_none());
        assert_eq!(lexicon.for_lang("sv-FI"), lexicon.for_lang("sv"));
    }

    #[test]
    fn a_bad_list_names_its_file() {
        let files = [
            (
                "languages/de/cues.json".to_owned(),
                br#"{"absolutes": ["Immer"], "need_not": [], "reasons": [], "singular_asks": []}"#
                    .to_vec(),
            ),
            ("languages/so/cues.json".to_owned(), b"{".to_vec()),
            (
                "languages/de/modules/cues.json".to_owned(),
                b"not read".to_vec(),
            ),
        ];
        let issues = CueLexicon::from_files(&files).expect_err("two bad files");
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].file, "languages/de/cues.json");
        assert!(issues[0].message.contains("Immer"), "{}", issues[0].message);
        assert_eq!(issues[1].file, "languages/so/cues.json");
    }
}
