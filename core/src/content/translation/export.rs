//! `trygg content export`: a language's texts as a PO file for a translator's tool.

use super::catalogue::catalogue;
use super::{Current, Source};
use crate::content::ContentIssue;
use crate::language::{Lang, PoEntry, PoFile};

/// A written PO file and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The PO file's text.
    pub po: String,
    /// Entries: one per text, one per plural form of a counted text.
    pub entries: usize,
    /// Of those, how many have no translation yet (plural forms other than `other`, which a
    /// language may leave out, not counted).
    pub missing: usize,
    /// Of those, how many are marked fuzzy (translated from an older source text).
    pub fuzzy: usize,
}

/// Writes `lang`'s texts from the course's `files` (as `load_course_in` takes them) as a PO
/// file. The structure and the source language must pass the check; `lang` must be listed in
/// `organisation.json`. A language that has no files yet gives a file of empty translations;
/// the source language gives its own texts as both source and translation, for proofreading.
pub fn export_po(files: &[(String, Vec<u8>)], lang: Lang) -> Result<Export, Vec<ContentIssue>> {
    let source = Source::read(files)?;
    let org = &source.course.organisation;
    let Some(info) = org.language(lang) else {
        return Err(vec![ContentIssue::new(
            "organisation.json",
            "languages",
            format!(
                "{lang} is not one of the course's languages ({}); list it first",
                source.listed()
            ),
        )]);
    };
    let current = Current::read(files, &source, lang)?;
    let is_source = lang == source.lang;
    let units = catalogue(
        &source.course,
        source.words.as_ref(),
        current.words.as_ref(),
    );
    let mut out = Export {
        po: String::new(),
        entries: units.len(),
        missing: 0,
        fuzzy: 0,
    };
    let mut entries = Vec::with_capacity(units.len());
    for unit in &units {
        let own = current.text(unit);
        let fuzzy = !is_source && own.is_some() && current.stale(unit);
        out.missing += usize::from(own.is_none() && !unit.optional());
        out.fuzzy += usize::from(fuzzy);
        entries.push(PoEntry {
            notes: unit.notes.clone(),
            references: vec![format!("{}:{}", unit.file, unit.key)],
            fuzzy,
            context: Some(unit.context()),
            source: unit.source.clone(),
            translation: own.unwrap_or_default().to_owned(),
            line: 0,
        });
    }
    let source_name = org
        .language(source.lang)
        .map_or(source.lang.code(), |l| l.name.as_str());
    let mut comments = vec![
        format!(
            "Trygg course {}, content version {}: the texts in {} ({lang}).",
            org.course_id, source.course.version, info.name
        ),
        format!(
            "Source language: {source_name} ({}). Each entry's msgid is its text, msgstr the \
             translation.",
            source.lang
        ),
    ];
    if is_source {
        comments.push(
            "These are the source texts themselves: edit a msgstr to change one; every \
             translation of a changed text is then marked for review."
                .into(),
        );
    } else {
        comments.extend([
            "Translate each msgstr; leave msgctxt and msgid as they are.".to_owned(),
            "An empty msgstr leaves the text untranslated: the app shows the fallback \
             language's text."
                .to_owned(),
            "\"fuzzy\" marks a translation made from an older source text: check it, then \
             clear the mark."
                .to_owned(),
        ]);
    }
    comments.push("Read it back with: trygg content import THIS-FILE CONTENT-FOLDER".into());
    // The fields gettext's own check (`msgfmt --check`) asks for; a translator's tool fills
    // in the date and the translator when it saves.
    let header = [
        ("Project-Id-Version", org.course_id.clone()),
        ("PO-Revision-Date", String::new()),
        ("Last-Translator", String::new()),
        ("Language-Team", info.name.clone()),
        ("Language", lang.code().to_owned()),
        ("MIME-Version", "1.0".to_owned()),
        ("Content-Type", "text/plain; charset=UTF-8".to_owned()),
        ("Content-Transfer-Encoding", "8bit".to_owned()),
        ("X-Source-Language", source.lang.code().to_owned()),
        ("X-Generator", "trygg content export".to_owned()),
    ];
    out.po = PoFile {
        comments,
        header: header.into_iter().map(|(n, v)| (n.to_owned(), v)).collect(),
        entries,
    }
    .write();
    Ok(out)
}
