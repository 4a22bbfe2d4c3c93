//! A language's text file for the course (`course.json`, `modules/<id>.json`): nested objects
//! whose leaves are texts, keyed by the ids of the structure they belong to. Read straight
//! into flat keys (`sections.what-to-report.l2.a`), in file order, without a generic JSON tree
//! (which would cost every wasm module that reads content its own deserialiser).

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;

use crate::content::{parse_with, ContentIssue};

/// The texts of one file, by flat key. Keys that start with `$` (such as `$schema`) are not
/// texts and are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    /// In the order the file gives them.
    pub entries: Vec<(String, String)>,
    index: HashMap<String, usize>,
}

impl Texts {
    pub fn from_entries(entries: Vec<(String, String)>) -> Texts {
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        Texts { entries, index }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.index.get(key).map(|&i| self.entries[i].1.as_str())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Reads a text file; errors name the file, the key path and the line.
pub fn parse_texts(file: &str, bytes: &[u8]) -> Result<Texts, Vec<ContentIssue>> {
    parse_with(file, bytes, |de| {
        let mut entries = Vec::new();
        de.deserialize_map(Level {
            prefix: String::new(),
            out: &mut entries,
        })?;
        Ok(Texts::from_entries(entries))
    })
}

/// One object of the file, whose keys extend `prefix`.
struct Level<'a> {
    prefix: String,
    out: &'a mut Vec<(String, String)>,
}

impl<'de> Visitor<'de> for Level<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of texts")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.prefix.is_empty() && key.starts_with('$') {
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("key \"{key}\" appears twice")));
            }
            let path = if self.prefix.is_empty() {
                key
            } else {
                format!("{}.{key}", self.prefix)
            };
            map.next_value_seed(Node {
                path,
                out: &mut *self.out,
            })?;
        }
        Ok(())
    }
}

/// A value: a text, or an object of more texts.
struct Node<'a> {
    path: String,
    out: &'a mut Vec<(String, String)>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text or an object of texts")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.out.push((self.path, v.to_owned()));
        Ok(())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.out.push((self.path, v));
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        Level {
            prefix: self.path,
            out: self.out,
        }
        .visit_map(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_objects_become_dotted_keys_in_file_order() {
        let json = br#"{"$schema": "x", "sections": {"a": {"title": "T", "l2": {"b": "B", "a": "A"}}}, "questions": {"q": {"prompt": "P"}}}"#;
        let texts = parse_texts("t.json", json).unwrap();
        let keys: Vec<&str> = texts.entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "sections.a.title",
                "sections.a.l2.b",
                "sections.a.l2.a",
                "questions.q.prompt"
            ]
        );
        assert_eq!(texts.get("sections.a.l2.a"), Some("A"));
    }

    #[test]
    fn a_number_or_a_repeated_key_is_refused_with_its_place() {
        let issues = parse_texts("t.json", br#"{"sections": {"a": {"title": 3}}}"#).unwrap_err();
        assert_eq!(issues[0].file, "t.json");
        assert_eq!(issues[0].path, "sections.a.title");
        assert!(
            issues[0].message.contains("a text or an object of texts"),
            "{}",
            issues[0].message
        );
        let issues = parse_texts("t.json", br#"{"a": "x", "a": "y"}"#).unwrap_err();
        assert!(
            issues[0].message.contains("appears twice"),
            "{}",
            issues[0].message
        );
    }
}
