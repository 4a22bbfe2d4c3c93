//! Plain-text descriptions of answers for the review and the feedback.

use trygg_core::content::{Lang, Question, QuestionKind};
use trygg_core::quiz::{scenario_walk, Answer};

use crate::i18n::t;

/// The learner's answer in words, or `None` if there is none.
pub fn given(q: &Question, answer: Option<&Answer>, lang: Lang) -> Option<String> {
    let answer = answer?;
    Some(match (&q.kind, answer) {
        (QuestionKind::Single { options }, Answer::Single { option }) => options
            .get(*option)
            .map(|o| o.text.get(lang).to_string())
            .unwrap_or_default(),
        (QuestionKind::Multiple { options }, Answer::Multiple { options: picked }) => picked
            .iter()
            .filter_map(|i| options.get(*i))
            .map(|o| o.text.get(lang).to_string())
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse { value }) => {
            bool_text(*value, lang).to_string()
        }
        (QuestionKind::Ordering { steps }, Answer::Ordering { steps: order }) => numbered(
            order
                .iter()
                .filter_map(|i| steps.get(*i))
                .map(|s| s.get(lang).to_string()),
        ),
        (QuestionKind::Scenario { .. }, Answer::Scenario { choices }) => scenario_walk(q, choices)
            .visited
            .iter()
            .filter_map(|v| v.step.choices.get(v.choice))
            .map(|c| c.text.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(" → "),
        _ => String::new(),
    })
}

/// The right answer in words.
pub fn correct(q: &Question, lang: Lang) -> String {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.get(lang).to_string())
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::TrueFalse { answer } => bool_text(*answer, lang).to_string(),
        QuestionKind::Ordering { steps } => numbered(steps.iter().map(|s| s.get(lang).to_string())),
        QuestionKind::Scenario { steps } => steps
            .iter()
            .filter_map(|s| s.choices.iter().find(|c| c.correct))
            .map(|c| c.text.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(" → "),
    }
}

pub fn bool_text(value: bool, lang: Lang) -> &'static str {
    if value {
        t(lang, "quiz.true")
    } else {
        t(lang, "quiz.false")
    }
}

fn numbered(items: impl Iterator<Item = String>) -> String {
    items
        .enumerate()
        .map(|(i, s)| format!("{}. {s}", i + 1))
        .collect::<Vec<_>>()
        .join(" ")
}
