//! A module's texts as units of the catalogue: each lesson section's heading, paragraphs,
//! list items and boxes, and each question's prompt, explanation, options, ordering steps and
//! scenario steps with their choices and feedback, in the order `module_slots` gives them,
//! with notes on where each stands and what it is.

use super::super::model::{Block, Module, QuestionKind, Tone};
use super::catalogue::{heading_note, keep_notes, right_or_wrong, shortened, unit, Unit};

pub(super) fn module_units(units: &mut Vec<Unit>, module: &Module) {
    let file = format!("modules/{}.json", module.id);
    let mut add = |key: String, text: &str, place: &str, what: String, heading: bool| {
        let mut notes = vec![place.to_owned(), what];
        notes.extend(keep_notes(text));
        if heading {
            notes.push(heading_note(text));
        }
        units.push(unit(&file, key, None, text.to_owned(), notes));
    };
    let in_module = format!("Module \"{}\" ({})", module.title, module.id);
    for section in &module.sections {
        let at = format!("sections.{}", section.id);
        let place = format!("{in_module}, lesson section \"{}\".", section.title);
        add(
            format!("{at}.title"),
            section.title.as_str(),
            &format!("{in_module}, lesson section {}.", section.id),
            "Heading of a lesson section.".into(),
            true,
        );
        for block in &section.blocks {
            match block {
                Block::Paragraph { id, text } => add(
                    format!("{at}.{id}"),
                    text.as_str(),
                    &place,
                    "Lesson paragraph.".into(),
                    false,
                ),
                Block::List { id, items, ordered } => {
                    let kind = if *ordered { "numbered" } else { "bulleted" };
                    for (i, item) in items.iter().enumerate() {
                        add(
                            format!("{at}.{id}.{}", item.id),
                            item.text.as_str(),
                            &place,
                            format!("Item {} of {} of a {kind} list.", i + 1, items.len()),
                            false,
                        );
                    }
                }
                Block::Callout {
                    id,
                    tone,
                    title,
                    text,
                } => {
                    let tone = match tone {
                        Tone::Info => "note",
                        Tone::Tip => "tip",
                        Tone::Warning => "warning",
                    };
                    if let Some(title) = title {
                        add(
                            format!("{at}.{id}.title"),
                            title.as_str(),
                            &place,
                            format!("Heading of a {tone} box in the lesson."),
                            true,
                        );
                    }
                    add(
                        format!("{at}.{id}.text"),
                        text.as_str(),
                        &place,
                        format!("Text of a {tone} box in the lesson."),
                        false,
                    );
                }
                Block::Contact { .. } => {}
            }
        }
    }
    for question in &module.questions {
        let at = format!("questions.{}", question.id);
        let place = format!("{in_module}, question {}.", question.id);
        let asked = format!(
            "{in_module}, question {}: \"{}\"",
            question.id,
            shortened(question.prompt.as_str())
        );
        let prompt = match &question.kind {
            QuestionKind::Single { .. } => {
                "Question with one right answer among its options.".to_owned()
            }
            QuestionKind::Multiple { .. } => {
                "Question where the learner selects every right option.".to_owned()
            }
            QuestionKind::TrueFalse { answer } => format!(
                "Statement the learner marks true or false. It is {}: the translation must \
                 stay {}.",
                answer, answer
            ),
            QuestionKind::Ordering { .. } => {
                "Question asking the learner to put steps in the right order.".to_owned()
            }
            QuestionKind::Scenario { .. } => {
                "Scenario: the situation the learner's choices start from.".to_owned()
            }
        };
        add(
            format!("{at}.prompt"),
            question.prompt.as_str(),
            &place,
            prompt,
            false,
        );
        add(
            format!("{at}.explanation"),
            question.explanation.as_str(),
            &asked,
            "Explanation shown once the learner has answered: why the right answer is right."
                .into(),
            false,
        );
        match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                for option in options {
                    add(
                        format!("{at}.{}", option.id),
                        option.text.as_str(),
                        &asked,
                        format!("Answer option: {}.", right_or_wrong(option.correct)),
                        false,
                    );
                }
            }
            QuestionKind::TrueFalse { .. } => {}
            QuestionKind::Ordering { steps } => {
                for (i, step) in steps.iter().enumerate() {
                    add(
                        format!("{at}.{}", step.id),
                        step.text.as_str(),
                        &asked,
                        format!(
                            "Step {} of {} in the right order (the learner sees the steps \
                             shuffled).",
                            i + 1,
                            steps.len()
                        ),
                        false,
                    );
                }
            }
            QuestionKind::Scenario { steps } => {
                for (i, step) in steps.iter().enumerate() {
                    let at = format!("{at}.{}", step.id);
                    add(
                        format!("{at}.text"),
                        step.text.as_str(),
                        &asked,
                        format!(
                            "Scenario step {} of {}: what happens and what the learner must \
                             decide.",
                            i + 1,
                            steps.len()
                        ),
                        false,
                    );
                    for choice in &step.choices {
                        let right = right_or_wrong(choice.correct);
                        add(
                            format!("{at}.{}.text", choice.id),
                            choice.text.as_str(),
                            &asked,
                            format!("Choice in scenario step {}: {right}.", i + 1),
                            false,
                        );
                        add(
                            format!("{at}.{}.feedback", choice.id),
                            choice.feedback.as_str(),
                            &asked,
                            format!(
                                "Feedback shown after the choice \"{}\" ({right}).",
                                shortened(choice.text.as_str())
                            ),
                            false,
                        );
                    }
                }
            }
        }
    }
}
