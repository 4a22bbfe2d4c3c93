//! The UI strings of one language (`languages/<tag>/ui.json`): the words on buttons,
//! headings, messages, the certificate, the pocket card, the calendar reminder and the CSV
//! headings. Keys are flat (`quiz.check`); a counted text gives one text per plural category.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;

use super::{Lang, PluralCategory};
use crate::content::{parse_with, ContentIssue};

/// The UI file's name inside a language's folder.
pub const UI_FILE: &str = "ui.json";

/// One UI string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// A text per plural category, `other` always among them.
    Counted(Vec<(PluralCategory, String)>),
}

impl Entry {
    /// Every text of the entry: the one text, or each plural form's.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        let (one, many) = match self {
            Entry::Text(text) => (Some(text.as_str()), &[][..]),
            Entry::Counted(forms) => (None, forms.as_slice()),
        };
        one.into_iter()
            .chain(many.iter().map(|(_, text)| text.as_str()))
    }

    /// The text for `category`, else the `other` text.
    pub fn for_category(&self, category: PluralCategory) -> &str {
        match self {
            Entry::Text(text) => text,
            Entry::Counted(forms) => forms
                .iter()
                .find(|(c, _)| *c == category)
                .or_else(|| forms.iter().find(|(c, _)| *c == PluralCategory::Other))
                .map_or("", |(_, text)| text.as_str()),
        }
    }

    /// Every text of the entry (one, or one per category), for checks.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Entry::Text(text) => vec![text.as_str()],
            Entry::Counted(forms) => forms.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }
}

/// A language's UI strings, and the language that fills its gaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    lang: Lang,
    /// In the file's order.
    pub entries: Vec<(String, Entry)>,
    index: HashMap<String, usize>,
    fallback: Option<Box<Words>>,
    /// Set when a key was asked for that neither these words nor their fallback have: the
    /// page then reads the fallback language's words ([`Words::take_missed`]).
    missed: Cell<bool>,
    /// Told of the first miss as it happens ([`Words::on_miss`]).
    miss_notice: MissNotice,
}

/// What a page runs when a key is first missed. A component that renders on its own (not
/// with the page's root) may be the only one to miss a key, so waiting for the root's next
/// render to look at [`Words::take_missed`] could wait forever.
#[derive(Clone, Default)]
struct MissNotice(std::cell::RefCell<Option<std::rc::Rc<dyn Fn()>>>);

impl fmt::Debug for MissNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MissNotice")
    }
}

/// Words are equal by their texts; who listens for a miss is not part of them.
impl PartialEq for MissNotice {
    fn eq(&self, _: &MissNotice) -> bool {
        true
    }
}

impl Eq for MissNotice {}

impl Words {
    pub fn new(lang: Lang, entries: Vec<(String, Entry)>) -> Words {
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        Words {
            lang,
            entries,
            index,
            fallback: None,
            missed: Cell::new(false),
            miss_notice: MissNotice::default(),
        }
    }

    /// These words, taking any key they lack from `fallback`.
    pub fn with_fallback(mut self, fallback: Words) -> Words {
        self.fallback = Some(Box::new(fallback));
        self
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The entry for `key` and the language it is written in: this one's, else the
    /// fallback's.
    pub fn entry(&self, key: &str) -> Option<(&Entry, Lang)> {
        let found = match self.index.get(key) {
            Some(&i) => Some((&self.entries[i].1, self.lang)),
            None => self.fallback.as_ref().and_then(|f| f.entry(key)),
        };
        if found.is_none() && !self.missed.replace(true) {
            let notice = self.miss_notice.0.borrow().clone();
            if let Some(notice) = notice {
                notice();
            }
        }
        found
    }

    /// Runs `notice` when a key is missed while none was since the last
    /// [`Words::take_missed`]: the page can start reading the fallback's words then, whichever
    /// component asked.
    pub fn on_miss(&self, notice: std::rc::Rc<dyn Fn()>) {
        *self.miss_notice.0.borrow_mut() = Some(notice);
    }

    /// Whether a key was missing since the last call: a language whose `ui.json` lacks
    /// texts and whose fallback is not read yet.
    pub fn take_missed(&self) -> bool {
        self.missed.replace(false)
    }

    /// Whether the fallback language's words are joined in.
    pub fn has_fallback(&self) -> bool {
        self.fallback.is_some()
    }

    /// The fallback language's words, once joined in: a new read of the same language's words
    /// keeps them rather than reading them again.
    pub fn fallback(&self) -> Option<&Words> {
        self.fallback.as_deref()
    }

    /// The text for `key`; the key itself when no language has it, so a gap shows (and a
    /// test catches it) instead of a blank.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.entry(key)
            .map_or(key, |(e, _)| e.for_category(PluralCategory::Other))
    }

    /// The language `key`'s text is in, when it is not this one's own (a fallback): the page
    /// marks such a text with its `lang` so a screen reader pronounces it right.
    pub fn foreign(&self, key: &str) -> Option<Lang> {
        self.entry(key)
            .map(|(_, lang)| lang)
            .filter(|lang| *lang != self.lang)
    }

    /// The counted text for a number in `category` (from the language's plural rules).
    pub fn counted<'a>(&'a self, key: &'a str, category: PluralCategory) -> &'a str {
        self.entry(key)
            .map_or(key, |(e, _)| e.for_category(category))
    }

    /// [`Words::t`] with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        super::fill(self.t(key), values)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// This language's own entry for `key`, never the fallback's.
    pub fn own_entry(&self, key: &str) -> Option<&Entry> {
        self.index.get(key).map(|&i| &self.entries[i].1)
    }
}

/// Reads a `ui.json`; errors name the file, the key and the line.
pub fn parse_words(file: &str, lang: Lang, bytes: &[u8]) -> Result<Words, Vec<ContentIssue>> {
    parse_with(file, bytes, |de| {
        let mut entries = Vec::new();
        de.deserialize_map(Table { out: &mut entries })?;
        Ok(Words::new(lang, entries))
    })
}

struct Table<'a> {
    out: &'a mut Vec<(String, Entry)>,
}

impl<'de> Visitor<'de> for Table<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of UI strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with('$') {
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("key \"{key}\" appears twice")));
            }
            let entry = map.next_value_seed(EntrySeed)?;
            self.out.push((key, entry));
        }
        Ok(())
    }
}

struct EntrySeed;

impl<'de> DeserializeSeed<'de> for EntrySeed {
    type Value = Entry;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Entry, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EntrySeed {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or an object of texts by plural category (\"one\", \"other\" …)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Entry, E> {
        Ok(Entry::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Entry, E> {
        Ok(Entry::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let mut forms: Vec<(PluralCategory, String)> = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let Some(category) = PluralCategory::from_name(&name) else {
                return Err(de::Error::custom(format!(
                    "\"{name}\" is not a plural category; use zero, one, two, few, many or other"
                )));
            };
            if forms.iter().any(|(c, _)| *c == category) {
                return Err(de::Error::custom(format!("\"{name}\" appears twice")));
            }
            forms.push((category, map.next_value()?));
        }
        if !forms.iter().any(|(c, _)| *c == PluralCategory::Other) {
            return Err(de::Error::custom("a counted text needs an \"other\" form"));
        }
        Ok(Entry::Counted(forms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap()
    }

    #[test]
    fn a_missing_key_comes_from_the_fallback_and_says_its_language() {
        let fi = parse_words("fi/ui.json", lang("fi"), br#"{"a": "A-fi"}"#).unwrap();
        let sv = parse_words("sv/ui.json", lang("sv"), br#"{"a": "A-sv", "b": "B-sv"}"#).unwrap();
        let words = fi.with_fallback(sv);
        assert_eq!(words.t("a"), "A-fi");
        assert_eq!(words.foreign("a"), None);
        assert_eq!(words.t("b"), "B-sv");
        assert_eq!(words.foreign("b"), Some(lang("sv")));
        assert_eq!(words.t("c"), "c");
    }

    #[test]
    fn counted_texts_pick_their_category_and_fall_back_to_other() {
        let words = parse_words(
            "ui.json",
            lang("sv"),
            br#"{"people": {"one": "{n} person", "other": "{n} personer"}}"#,
        )
        .unwrap();
        assert_eq!(words.counted("people", PluralCategory::One), "{n} person");
        assert_eq!(words.counted("people", PluralCategory::Few), "{n} personer");
        assert_eq!(words.t("people"), "{n} personer");
        let err = parse_words("ui.json", lang("sv"), br#"{"x": {"one": "a"}}"#).unwrap_err();
        assert!(err[0].message.contains("\"other\""), "{}", err[0].message);
        let err = parse_words(
            "ui.json",
            lang("sv"),
            br#"{"x": {"single": "a", "other": "b"}}"#,
        )
        .unwrap_err();
        assert_eq!(err[0].path, "x.single");
    }
}
