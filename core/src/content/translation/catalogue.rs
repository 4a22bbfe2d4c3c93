//! Every text a language has or should have, in the order its files list them, with the
//! source language's text and the notes a translator needs: where the text stands (module,
//! section or question, by their titles in the source language), what kind of text it is,
//! whether an option is a right answer, the placeholders and markup it must keep, and how
//! long it may be where length matters. The export writes one PO entry per unit; the import
//! reads the entries back against the same list.

use super::super::course::Course;
use super::super::model::{Module, Organisation};
use super::module_units::module_units;
use crate::language::{placeholders, Entry, PluralCategory, Words, UI_FILE};

/// One text of a language's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unit {
    /// Relative to the language's folder: `ui.json`, `course.json`, `modules/<id>.json`.
    pub file: String,
    /// The flattened key (`sections.what-to-report.l2.a`, `quiz.check`).
    pub key: String,
    /// Set for one form of a counted UI text.
    pub category: Option<PluralCategory>,
    /// The source language's text: for a plural form, its text for that form, else its
    /// `other` text.
    pub source: String,
    /// The source text whose hash `translated-from.json` records for the key: the same as
    /// `source`, but for a counted text always its `other` text (one hash per key).
    pub hashed: String,
    pub notes: Vec<String>,
}

impl Unit {
    /// A plural form other than `other`, which a language may leave out.
    pub fn optional(&self) -> bool {
        self.category.is_some_and(|c| c != PluralCategory::Other)
    }

    /// The PO entry's `msgctxt`: `<file>|<key>`, and `[<category>]` for a plural form.
    pub fn context(&self) -> String {
        match self.category {
            Some(c) => format!("{}|{}[{c}]", self.file, self.key),
            None => format!("{}|{}", self.file, self.key),
        }
    }
}

/// Splits a `msgctxt` into file, key and plural category.
pub(super) fn parse_context(context: &str) -> Option<(&str, &str, Option<PluralCategory>)> {
    let (file, key) = context.split_once('|')?;
    match key.strip_suffix(']').and_then(|k| k.rsplit_once('[')) {
        Some((key, category)) => Some((file, key, Some(PluralCategory::from_name(category)?))),
        None => Some((file, key, None)),
    }
}

/// Texts of at most this many characters, on one line, starting in upper case and without a
/// full stop, are taken to be labels (buttons, links, menu items, headings) whose length matters on a phone.
const LABEL_CHARS: usize = 40;

/// The units of every file: `ui.json` (the source language's keys, in its order), then
/// `course.json` and each module's file in course order. `course` has the source language's
/// texts filled in. A counted UI text gives one unit per plural category the source or the
/// language (`own`) writes, `other` always among them.
pub(super) fn catalogue(course: &Course, source: Option<&Words>, own: Option<&Words>) -> Vec<Unit> {
    let mut units = Vec::new();
    if let Some(source) = source {
        ui_units(&mut units, source, own);
    }
    course_units(&mut units, &course.organisation, &course.modules);
    for module in &course.modules {
        module_units(&mut units, module);
    }
    units
}

fn ui_units(units: &mut Vec<Unit>, source: &Words, own: Option<&Words>) {
    for (key, entry) in &source.entries {
        let own_entry = own.and_then(|w| w.entries.iter().find(|(k, _)| k == key));
        let categories: Vec<PluralCategory> = PluralCategory::ALL
            .into_iter()
            .filter(|c| {
                let has =
                    |e: &Entry| matches!(e, Entry::Counted(f) if f.iter().any(|(x, _)| x == c));
                *c == PluralCategory::Other || has(entry) || own_entry.is_some_and(|(_, e)| has(e))
            })
            .collect();
        let counted = matches!(entry, Entry::Counted(_))
            || own_entry.is_some_and(|(_, e)| matches!(e, Entry::Counted(_)));
        if !counted {
            let text = entry.for_category(PluralCategory::Other).to_owned();
            let mut notes = vec!["Text of the app's interface.".to_owned()];
            notes.extend(keep_notes(&text));
            notes.extend(label_note(&text));
            units.push(unit(UI_FILE, key.clone(), None, text, notes));
            continue;
        }
        for category in categories {
            let text = entry.for_category(category).to_owned();
            let mut notes = vec![format!(
                "Text of the app's interface, counted: plural form \"{category}\". The app \
                 picks the form for a number by the language's plural rules (CLDR){}.",
                if category == PluralCategory::Other {
                    "; \"other\" covers every number no other form does"
                } else {
                    "; leave it empty where the language says it as in \"other\""
                }
            )];
            notes.extend(keep_notes(&text));
            notes.extend(label_note(&text));
            let mut counted = unit(UI_FILE, key.clone(), Some(category), text, notes);
            counted.hashed = entry.for_category(PluralCategory::Other).to_owned();
            units.push(counted);
        }
    }
}

fn course_units(units: &mut Vec<Unit>, org: &Organisation, modules: &[Module]) {
    let file = "course.json";
    let mut add = |key: &str, text: &str, what: String, heading: bool| {
        let mut notes = vec![what];
        notes.extend(keep_notes(text));
        if heading {
            notes.push(heading_note(text));
        }
        units.push(unit(file, key.to_owned(), None, text.to_owned(), notes));
    };
    add(
        "organisation.name",
        org.name.as_str(),
        "The organisation's name, as the start page, certificates and contact boxes show it."
            .into(),
        false,
    );
    add(
        "organisation.security_unit.name",
        org.security_unit.name.as_str(),
        "Name of the unit responsible for security (contact box).".into(),
        false,
    );
    add(
        "organisation.reporting.system",
        org.reporting.system.as_str(),
        "Name of the system incidents are reported in (contact box).".into(),
        false,
    );
    add(
        "organisation.reporting.how",
        org.reporting.how.as_str(),
        "How to report, shown in the reporting contact box.".into(),
        false,
    );
    add(
        "organisation.emergency.internal_alarm_note",
        org.emergency.internal_alarm_note.as_str(),
        "Note beside the internal alarm number (emergency contact box).".into(),
        false,
    );
    if let Some(desk) = &org.it_service_desk {
        add(
            "organisation.it_service_desk.name",
            desk.name.as_str(),
            "Name of the IT service desk (contact box).".into(),
            false,
        );
        if let Some(note) = &desk.note {
            add(
                "organisation.it_service_desk.note",
                note.as_str(),
                "Note on the IT service desk, such as its opening hours (contact box).".into(),
                false,
            );
        }
    }
    for module in modules {
        add(
            &format!("modules.{}.title", module.id),
            module.title.as_str(),
            format!(
                "Title of the module {}: its heading, and its card on \"My training\".",
                module.id
            ),
            true,
        );
        add(
            &format!("modules.{}.summary", module.id),
            module.summary.as_str(),
            format!(
                "Summary of the module \"{}\" on its card on \"My training\".",
                module.title
            ),
            false,
        );
    }
}

pub(super) fn unit(
    file: &str,
    key: String,
    category: Option<PluralCategory>,
    source: String,
    notes: Vec<String>,
) -> Unit {
    Unit {
        file: file.to_owned(),
        key,
        category,
        hashed: source.clone(),
        source,
        notes,
    }
}

pub(super) fn right_or_wrong(correct: bool) -> &'static str {
    if correct {
        "right answer"
    } else {
        "wrong answer"
    }
}

/// What a translation must keep of the source text: its placeholders and its markup.
pub(super) fn keep_notes(text: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let names = placeholders(text);
    if !names.is_empty() {
        let list: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
        notes.push(format!(
            "Keep {} as written: the app puts a value in place of each.",
            list.join(", ")
        ));
    }
    let stressed = text.contains("**");
    let linked = text.contains("](");
    let foreign = text.contains("]{lang=");
    if stressed || linked || foreign {
        let mut kinds = Vec::new();
        if stressed {
            kinds.push("**…** around words to stress");
        }
        if linked {
            kinds.push("[link text](address) for a link: translate the link text only");
        }
        if foreign {
            kinds.push(
                "[words]{lang=sv} around words in another language: keep those words as they are",
            );
        }
        notes.push(format!("Keep the markup: {}.", kinds.join("; ")));
    }
    notes
}

/// A length hint for a heading.
pub(super) fn heading_note(text: &str) -> String {
    format!(
        "Length: a heading; keep it about as short as the source ({} characters).",
        text.chars().count()
    )
}

/// A length hint for a UI text that looks like a label.
fn label_note(text: &str) -> Option<String> {
    let chars = text.chars().count();
    let sentence = text.trim_end().ends_with(['.', '!', '?', ':']);
    // A fragment that starts in lower case is part of a sentence the app puts together.
    let fragment = text.chars().next().is_some_and(char::is_lowercase);
    (chars <= LABEL_CHARS && !sentence && !fragment && !text.contains('\n')).then(|| {
        format!(
            "Length: a short label (button, link, menu item or heading); keep it about as \
             short as the source ({chars} characters)."
        )
    })
}

/// A text cut to about 80 characters, for naming a question or choice in a note.
pub(super) fn shortened(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.replace('\n', " ");
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_context_names_file_key_and_plural_form() {
        assert_eq!(
            parse_context("modules/report.json|questions.q.a"),
            Some(("modules/report.json", "questions.q.a", None))
        );
        assert_eq!(
            parse_context("ui.json|manager.people[few]"),
            Some(("ui.json", "manager.people", Some(PluralCategory::Few)))
        );
        assert_eq!(parse_context("ui.json|x[several]"), None);
        assert_eq!(parse_context("no bar"), None);
    }

    #[test]
    fn labels_get_a_length_hint_and_sentences_do_not() {
        assert!(label_note("Kontrollera svaret").is_some());
        assert!(label_note("Du har klarat provet.").is_none());
        assert!(label_note("ingen kontakt med servern").is_none());
        assert!(label_note(&"Lång ".repeat(10)).is_none());
        assert_eq!(shortened(&"a".repeat(100)).chars().count(), 81);
        assert_eq!(
            keep_notes("Se **här** och [sidan](https://x.example) för {n}"),
            [
                "Keep {n} as written: the app puts a value in place of each.",
                "Keep the markup: **…** around words to stress; [link text](address) for a \
                 link: translate the link text only."
            ]
        );
        assert_eq!(
            keep_notes("Kanalen ([whistleblowing]{lang=en}) är till för det."),
            [
                "Keep the markup: [words]{lang=sv} around words in another language: keep those \
              words as they are."
            ]
        );
    }
}
