//! Writing a language's files after an import: every file whole, in the structure's order
//! and in one canonical form ([`crate::language::to_json`]), `$schema` first as in the shipped
//! files.

use std::collections::BTreeMap;

use super::catalogue::Unit;
use super::{Current, Source};
use crate::content::{ContentIssue, TRANSLATED_FROM_FILE};
use crate::language::{language_dir, nest, to_json, Entry, JsonNode, PluralCategory, UI_FILE};

/// The language's texts as they will be written.
#[derive(Default)]
pub(super) struct Collected {
    pub ui: Vec<(String, Entry)>,
    /// By file relative to the language's folder; each file's texts in the structure's order.
    pub texts: BTreeMap<String, Vec<(String, String)>>,
    /// What `translated-from.json` records, by file as `texts`.
    pub hashes: BTreeMap<String, Vec<(String, String)>>,
    pub translated: usize,
    pub fuzzy: usize,
    pub missing: usize,
}

/// The language's files in canonical form: `ui.json` (when the source language has one),
/// `course.json`, each module's file and, for a translation, `translated-from.json`. A file
/// that did not exist and would hold no text is not made.
pub(super) fn write_files(
    source: &Source,
    current: &Current,
    units: &[Unit],
    out: &Collected,
) -> Result<Vec<(String, String)>, Vec<ContentIssue>> {
    let folder = language_dir(current.lang);
    let mut files = Vec::new();
    let mut add = |name: &str, has_texts: bool, text: String| {
        let path = format!("{folder}/{name}");
        if has_texts || current.present.contains(&path) {
            files.push((path, text));
        }
    };
    if source.words.is_some() {
        add(UI_FILE, !out.ui.is_empty(), ui_file(&out.ui));
    }
    // The files in the order the units name them: ui.json, course.json, each module's.
    let mut names: Vec<&str> = Vec::new();
    for unit in units {
        if !names.contains(&unit.file.as_str()) {
            names.push(&unit.file);
        }
    }
    let mut issues = Vec::new();
    for name in names.iter().filter(|f| **f != UI_FILE) {
        let texts = out.texts.get(*name).cloned().unwrap_or_default();
        let has_texts = !texts.is_empty();
        match texts_file(name, texts) {
            Ok(text) => add(name, has_texts, text),
            Err(key) => issues.push(ContentIssue::new(
                format!("{folder}/{name}"),
                key,
                "this key clashes with another: one needs a text where the other needs an \
                 object",
            )),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    if current.lang != source.lang {
        let record = record_file(&names, &out.hashes);
        add(
            TRANSLATED_FROM_FILE,
            record.is_some(),
            record.unwrap_or_else(|| to_json(&[])),
        );
    }
    Ok(files)
}

/// `ui.json`: the keys in the source language's order, a counted text's forms in CLDR order.
fn ui_file(entries: &[(String, Entry)]) -> String {
    let mut object = vec![schema("../../schema/ui.schema.json")];
    for (key, entry) in entries {
        let node = match entry {
            Entry::Text(text) => JsonNode::Text(text.clone()),
            Entry::Counted(forms) => JsonNode::Object(
                PluralCategory::ALL
                    .into_iter()
                    .filter_map(|c| forms.iter().find(|(f, _)| *f == c))
                    .map(|(c, text)| (c.name().to_owned(), JsonNode::Text(text.clone())))
                    .collect(),
            ),
        };
        object.push((key.clone(), node));
    }
    to_json(&object)
}

/// `course.json` or `modules/<id>.json`: the dotted keys nested, in the structure's order;
/// `Err` names a key that clashes with another.
fn texts_file(name: &str, texts: Vec<(String, String)>) -> Result<String, String> {
    let depth = if name.contains('/') {
        "../../../"
    } else {
        "../../"
    };
    let mut object = vec![schema(&format!("{depth}schema/texts.schema.json"))];
    object.extend(nest(texts)?);
    Ok(to_json(&object))
}

/// `translated-from.json`: per file, in the files' order, each translated key's hash; `None`
/// when no key has one.
fn record_file(names: &[&str], hashes: &BTreeMap<String, Vec<(String, String)>>) -> Option<String> {
    let record: Vec<(String, JsonNode)> = names
        .iter()
        .filter_map(|name| {
            let keys = hashes.get(*name).filter(|k| !k.is_empty())?;
            let keys = keys
                .iter()
                .map(|(k, h)| (k.clone(), JsonNode::Text(h.clone())))
                .collect();
            Some(((*name).to_owned(), JsonNode::Object(keys)))
        })
        .collect();
    (!record.is_empty()).then(|| to_json(&record))
}

fn schema(path: &str) -> (String, JsonNode) {
    ("$schema".to_owned(), JsonNode::Text(path.to_owned()))
}
