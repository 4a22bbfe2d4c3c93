//! `trygg content import`: a translated PO file back into its language's files. Every text
//! is checked first; one problem refuses the whole file, so a language is never half
//! imported. The files are then written whole, in the structure's order and in one canonical
//! form ([`crate::language::to_json`]).

use std::collections::{HashMap, HashSet};

use super::catalogue::{catalogue, parse_context, Unit};
use super::write::{write_files, Collected};
use super::{Current, Source};
use crate::content::{text_hash, text_problem_at, typed_text_problem, ContentIssue};
use crate::language::{
    brace_problem, braced_list, parse_po, placeholders, Entry, Lang, PluralCategory, PoEntry,
    PoFile, UI_FILE,
};

/// What an import would write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The language the PO file is in (its header's `Language`).
    pub lang: Lang,
    /// Whether that is the source language (then no `translated-from.json` is written).
    pub source: bool,
    /// Every file of the language, relative to the content folder, with its new text;
    /// unchanged files are among them, with their text as it was.
    pub files: Vec<(String, String)>,
    /// Entries that were skipped, each with its line: texts the course no longer has.
    pub warnings: Vec<String>,
    /// Entries read with a translation, of them marked fuzzy, and without one (plural forms
    /// other than `other` not counted).
    pub translated: usize,
    pub fuzzy: usize,
    pub missing: usize,
}

/// One reason a PO file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// The line in the PO file (the entry's `msgstr`); 0 for the file as a whole.
    pub line: usize,
    /// The entry's `msgctxt` (`modules/report.json|questions.q.prompt`); empty for the file.
    pub context: String,
    pub message: String,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The course itself does not pass the check (or the language's files cannot be read):
    /// fix that first.
    Content(Vec<ContentIssue>),
    /// The PO file, with every problem in it.
    Refused(Vec<ImportProblem>),
}

fn refused(line: usize, context: &str, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        line,
        context: context.to_owned(),
        message: message.into(),
    }
}

/// Reads a PO file `po` against the course's `files` (as `load_course_in` takes them) and
/// gives the language's files as they would be after it. An entry with an empty `msgstr`
/// leaves its text missing; a fuzzy entry keeps its text but not a new record of its source,
/// so it stays stale; any other translated entry records the hash of its `msgid`, the source
/// text it was made from. Texts the PO file does not mention keep what they had; texts for
/// ids the structure no longer has are dropped.
pub fn import_po(files: &[(String, Vec<u8>)], po: &[u8]) -> Result<Import, ImportError> {
    let source = Source::read(files).map_err(ImportError::Content)?;
    let po = read_po(po)?;
    let lang = language_of(&po, &source)?;
    let current = Current::read(files, &source, lang).map_err(ImportError::Content)?;
    let units = catalogue(
        &source.course,
        source.words.as_ref(),
        current.words.as_ref(),
    );
    let mut reader = Reader {
        is_source: lang == source.lang,
        current: &current,
        problems: Vec::new(),
        out: Collected::default(),
    };
    let mut warnings = Vec::new();
    let by_context = match_entries(&po, &units, &mut reader.problems, &mut warnings);
    // Units come grouped by key: a counted text's forms follow one another.
    let mut rest = units.as_slice();
    while let Some(first) = rest.first() {
        let len = rest
            .iter()
            .take_while(|u| u.file == first.file && u.key == first.key)
            .count();
        let (group, after) = rest.split_at(len);
        rest = after;
        let entries: Vec<Option<&PoEntry>> = group
            .iter()
            .map(|u| by_context.get(u.context().as_str()).copied())
            .collect();
        if first.category.is_some() {
            reader.counted(group, &entries);
        } else {
            reader.single(first, entries[0]);
        }
    }
    if !reader.problems.is_empty() {
        let mut problems = reader.problems;
        problems.sort_by_key(|p| p.line);
        return Err(ImportError::Refused(problems));
    }
    let Reader { out, .. } = reader;
    let files = write_files(&source, &current, &units, &out).map_err(ImportError::Content)?;
    Ok(Import {
        lang,
        source: lang == source.lang,
        files,
        warnings,
        translated: out.translated,
        fuzzy: out.fuzzy,
        missing: out.missing,
    })
}

/// The PO file's entries, read from its bytes.
fn read_po(po: &[u8]) -> Result<PoFile, ImportError> {
    let text = std::str::from_utf8(po).map_err(|e| {
        let line = po[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ImportError::Refused(vec![refused(
            line,
            "",
            "not valid UTF-8; save the file as UTF-8",
        )])
    })?;
    parse_po(text).map_err(|problems| {
        ImportError::Refused(
            problems
                .into_iter()
                .map(|p| refused(p.line, "", p.message))
                .collect(),
        )
    })
}

/// The listed language the file's header names.
fn language_of(po: &PoFile, source: &Source) -> Result<Lang, ImportError> {
    let tag = po.header_value("Language").unwrap_or_default();
    source.language(tag).ok_or_else(|| {
        let message = if tag.is_empty() {
            "the header names no Language".to_owned()
        } else {
            format!("the header's Language \"{tag}\" is not one of the course's languages")
        };
        ImportError::Refused(vec![refused(
            1,
            "",
            format!("{message} ({})", source.listed()),
        )])
    })
}

/// The file's entries by `msgctxt`, each matched to a text of the course. An entry for a
/// text the course no longer has is skipped with a warning; one without a context of the
/// export's form is a problem.
fn match_entries<'a>(
    po: &'a PoFile,
    units: &[Unit],
    problems: &mut Vec<ImportProblem>,
    warnings: &mut Vec<String>,
) -> HashMap<&'a str, &'a PoEntry> {
    let known: HashSet<String> = units.iter().map(Unit::context).collect();
    let mut by_context = HashMap::new();
    for entry in &po.entries {
        let Some(context) = entry.context.as_deref() else {
            problems.push(refused(
                entry.line,
                "",
                "an entry without msgctxt, so not one trygg content export wrote",
            ));
            continue;
        };
        if known.contains(context) {
            by_context.insert(context, entry);
        } else if parse_context(context).is_none() {
            problems.push(refused(
                entry.line,
                context,
                "msgctxt is not <file>|<key> as trygg content export writes it",
            ));
        } else {
            warnings.push(format!(
                "line {}: {context}: the course has no such text (any more); skipped",
                entry.line
            ));
        }
    }
    by_context
}

struct Reader<'a> {
    is_source: bool,
    current: &'a Current,
    problems: Vec<ImportProblem>,
    out: Collected,
}

impl Reader<'_> {
    /// Counts an entry read and checks its translation; the text to keep, if any.
    fn read<'e>(&mut self, unit: &Unit, entry: &'e PoEntry) -> Option<&'e str> {
        let context = unit.context();
        let text = entry.translation.as_str();
        if text.is_empty() {
            self.out.missing += usize::from(!unit.optional());
            if self.is_source && !unit.optional() {
                self.problems.push(refused(
                    entry.line,
                    &context,
                    "the source language needs every text; write it",
                ));
            }
            return None;
        }
        self.out.translated += 1;
        self.out.fuzzy += usize::from(entry.fuzzy);
        let problem = if unit.file == UI_FILE {
            typed_text_problem(text)
        } else {
            text_problem_at(&unit.key, text)
        };
        if let Some(problem) = problem {
            self.problems.push(refused(entry.line, &context, problem));
        }
        Some(text)
    }

    /// Placeholders: the same as the source text's, or for a counted text's forms other
    /// than `other`, none the source does not use (a form may leave one out: "one person").
    fn check_placeholders(&mut self, unit: &Unit, entry: &PoEntry, allowed: Option<&[&str]>) {
        // A brace problem is already refused with what is wrong; a count of placeholders
        // beside it would only mislead ("uses no placeholder").
        if brace_problem(&entry.translation).is_some() {
            return;
        }
        let wanted = placeholders(&unit.source);
        let found = placeholders(&entry.translation);
        let wrong = match allowed {
            None => found != wanted,
            Some(allowed) => found.iter().any(|p| !allowed.contains(p)),
        };
        if !wrong {
            return;
        }
        let list = braced_list::<&str>;
        let mut message = match allowed {
            None => format!(
                "uses {} where the source uses {}",
                list(&found),
                list(&wanted)
            ),
            Some(allowed) => format!(
                "uses {} where the source's forms use only {}",
                list(&found),
                list(allowed)
            ),
        };
        if entry.source != unit.source {
            message.push_str(
                " (the source text has changed since this file was exported: export again)",
            );
        }
        self.problems
            .push(refused(entry.line, &unit.context(), message));
    }

    fn single(&mut self, unit: &Unit, entry: Option<&PoEntry>) {
        let (text, hash) = match entry {
            None => (
                self.current.text(unit).map(str::to_owned),
                self.current.recorded(unit).map(str::to_owned),
            ),
            Some(entry) => match self.read(unit, entry) {
                None => (None, None),
                Some(text) => {
                    self.check_placeholders(unit, entry, None);
                    (
                        Some(text.to_owned()),
                        self.hash(unit, entry.fuzzy, &entry.source),
                    )
                }
            },
        };
        let Some(text) = text else { return };
        if unit.file == UI_FILE {
            self.out.ui.push((unit.key.clone(), Entry::Text(text)));
        } else {
            self.out
                .texts
                .entry(unit.file.clone())
                .or_default()
                .push((unit.key.clone(), text));
        }
        self.keep_hash(unit, hash);
    }

    /// A counted UI text: one unit per plural form, `other` last.
    fn counted(&mut self, group: &[Unit], entries: &[Option<&PoEntry>]) {
        let allowed: Vec<&str> = {
            let mut all: Vec<&str> = group.iter().flat_map(|u| placeholders(&u.source)).collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let mut forms: Vec<(PluralCategory, String)> = Vec::new();
        let mut fuzzy = false;
        let mut other_source = None;
        for (unit, entry) in group.iter().zip(entries) {
            let category = unit.category.unwrap_or(PluralCategory::Other);
            let text = match entry {
                None => self.current.text(unit).map(str::to_owned),
                Some(entry) => {
                    fuzzy |= entry.fuzzy;
                    if category == PluralCategory::Other {
                        other_source = Some(entry.source.as_str());
                    }
                    let text = self.read(unit, entry).map(str::to_owned);
                    if text.is_some() {
                        let other = category == PluralCategory::Other;
                        self.check_placeholders(unit, entry, (!other).then_some(&allowed[..]));
                    }
                    text
                }
            };
            if let Some(text) = text {
                forms.push((category, text));
            }
        }
        let Some(last) = group.last() else { return };
        if forms.is_empty() {
            return;
        }
        if !forms.iter().any(|(c, _)| *c == PluralCategory::Other) {
            let line = entries.iter().flatten().map(|e| e.line).max().unwrap_or(0);
            self.problems.push(refused(
                line,
                &last.context(),
                "a counted text needs its \"other\" form, used for every number the other \
                 forms do not cover",
            ));
            return;
        }
        let any_entry = entries.iter().any(Option::is_some);
        let hash = if any_entry {
            self.hash(last, fuzzy, other_source.unwrap_or(&last.hashed))
        } else {
            self.current.recorded(last).map(str::to_owned)
        };
        // Only `other` is written as a plain text when the language wrote it so before.
        let plain_before = matches!(self.current.entry(&last.key), Some(Entry::Text(_)));
        let entry = match forms.as_slice() {
            [(PluralCategory::Other, text)] if plain_before => Entry::Text(text.clone()),
            _ => Entry::Counted(forms),
        };
        self.out.ui.push((last.key.clone(), entry));
        self.keep_hash(last, hash);
    }

    /// The hash to record for a translated key: the source text it was made from, unless
    /// the translator left it fuzzy (then whatever was recorded stays, stale as it was).
    fn hash(&self, unit: &Unit, fuzzy: bool, made_from: &str) -> Option<String> {
        if fuzzy {
            self.current.recorded(unit).map(str::to_owned)
        } else {
            Some(text_hash(made_from))
        }
    }

    fn keep_hash(&mut self, unit: &Unit, hash: Option<String>) {
        if let (false, Some(hash)) = (self.is_source, hash) {
            self.out
                .hashes
                .entry(unit.file.clone())
                .or_default()
                .push((unit.key.clone(), hash));
        }
    }
}
