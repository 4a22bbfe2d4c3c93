//! Where each text of the course goes: every text-bearing place of the structure, with the
//! key a language file gives its text under. One walk serves filling texts in, checking a
//! language for gaps and leftovers, and the translators' export and import.

use super::model::{Block, Module, Organisation, QuestionKind, Text};

/// Words a block, item, option, step or choice id may not be, as they name the texts beside
/// it in a language file.
pub const RESERVED_IDS: [&str; 6] = [
    "title",
    "text",
    "prompt",
    "explanation",
    "feedback",
    "summary",
];

/// Whether the app renders the inline markup of the course or module text under `key` (a
/// key [`module_slots`] or [`course_slots`] gives): lesson paragraphs, list items and box
/// texts, and every text of a question (prompt, explanation, options, steps, choices and their
/// feedback). Headings (a section's or a box's title, both ending in the reserved `title`) and
/// everything in `course.json` (names, module titles and summaries) are shown as typed, in
/// page titles, link texts and PDF lines that have no room for markup.
pub fn markup_shown(key: &str) -> bool {
    key.starts_with("questions.") || (key.starts_with("sections.") && !key.ends_with(".title"))
}

/// Every text of `module` (a `languages/<tag>/modules/<id>.json` file) with its key, in the
/// order a language file lists them.
pub fn module_slots(module: &mut Module) -> Vec<(String, &mut Text)> {
    let mut out = Vec::new();
    for section in &mut module.sections {
        let at = format!("sections.{}", section.id);
        out.push((format!("{at}.title"), &mut section.title));
        for block in &mut section.blocks {
            match block {
                Block::Paragraph { id, text } => out.push((format!("{at}.{id}"), text)),
                Block::List { id, items, .. } => {
                    for item in items {
                        out.push((format!("{at}.{id}.{}", item.id), &mut item.text));
                    }
                }
                Block::Callout {
                    id, title, text, ..
                } => {
                    if let Some(title) = title {
                        out.push((format!("{at}.{id}.title"), title));
                    }
                    out.push((format!("{at}.{id}.text"), text));
                }
                Block::Contact { .. } => {}
            }
        }
    }
    for question in &mut module.questions {
        let at = format!("questions.{}", question.id);
        out.push((format!("{at}.prompt"), &mut question.prompt));
        out.push((format!("{at}.explanation"), &mut question.explanation));
        match &mut question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                for option in options {
                    out.push((format!("{at}.{}", option.id), &mut option.text));
                }
            }
            QuestionKind::TrueFalse { .. } => {}
            QuestionKind::Ordering { steps } => {
                for step in steps {
                    out.push((format!("{at}.{}", step.id), &mut step.text));
                }
            }
            QuestionKind::Scenario { steps } => {
                for step in steps {
                    let at = format!("{at}.{}", step.id);
                    out.push((format!("{at}.text"), &mut step.text));
                    for choice in &mut step.choices {
                        let at = format!("{at}.{}", choice.id);
                        out.push((format!("{at}.text"), &mut choice.text));
                        out.push((format!("{at}.feedback"), &mut choice.feedback));
                    }
                }
            }
        }
    }
    out
}

/// Every text of `languages/<tag>/course.json`: the organisation's names and notes, then each
/// module's title and summary in course order.
pub fn course_slots<'a>(
    org: &'a mut Organisation,
    modules: impl IntoIterator<Item = &'a mut Module>,
) -> Vec<(String, &'a mut Text)> {
    let mut out: Vec<(String, &'a mut Text)> = vec![
        ("organisation.name".into(), &mut org.name),
        (
            "organisation.security_unit.name".into(),
            &mut org.security_unit.name,
        ),
        (
            "organisation.reporting.system".into(),
            &mut org.reporting.system,
        ),
        ("organisation.reporting.how".into(), &mut org.reporting.how),
        (
            "organisation.emergency.internal_alarm_note".into(),
            &mut org.emergency.internal_alarm_note,
        ),
    ];
    if let Some(desk) = &mut org.it_service_desk {
        out.push(("organisation.it_service_desk.name".into(), &mut desk.name));
        if let Some(note) = &mut desk.note {
            out.push(("organisation.it_service_desk.note".into(), note));
        }
    }
    for module in modules {
        let at = format!("modules.{}", module.id);
        out.push((format!("{at}.title"), &mut module.title));
        out.push((format!("{at}.summary"), &mut module.summary));
    }
    out
}
