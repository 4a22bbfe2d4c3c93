//! Descriptions of answers in words, for the review and the feedback.

use trygg_core::content::{Question, QuestionKind};
use trygg_core::quiz::{scenario_walk, Answer};
use yew::prelude::*;

use crate::shared::i18n::Words;

/// An answer in words: one line, or steps in order (an ordering question), which read better
/// as a numbered list than as one run-on sentence.
pub enum AnswerText {
    Line(String),
    Steps(Vec<String>),
}

impl AnswerText {
    /// `label` ("Your answer:", "Right answer:") followed by the answer.
    pub fn render(self, label: &str) -> Html {
        match self {
            AnswerText::Line(text) => html! { <p>{ label }{ " " }{ text }</p> },
            AnswerText::Steps(steps) => html! {
                <>
                    <p>{ label }</p>
                    <ol class="answer-steps">{ for steps.into_iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                </>
            },
        }
    }
}

/// The learner's answer in words, or `None` if there is none.
pub fn given(q: &Question, answer: Option<&Answer>, words: &Words) -> Option<AnswerText> {
    let line = |parts: Vec<String>, sep: &str| AnswerText::Line(parts.join(sep));
    Some(match (&q.kind, answer?) {
        (QuestionKind::Single { options }, Answer::Single { option }) => AnswerText::Line(
            options
                .get(*option)
                .map(|o| o.text.value.clone())
                .unwrap_or_default(),
        ),
        (QuestionKind::Multiple { options }, Answer::Multiple { options: picked }) => line(
            picked
                .iter()
                .filter_map(|i| options.get(*i))
                .map(|o| o.text.value.clone())
                .collect(),
            "; ",
        ),
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse { value }) => {
            AnswerText::Line(bool_text(*value, words).to_string())
        }
        (QuestionKind::Ordering { steps }, Answer::Ordering { steps: order }) => AnswerText::Steps(
            order
                .iter()
                .filter_map(|i| steps.get(*i))
                .map(|s| s.text.value.clone())
                .collect(),
        ),
        (QuestionKind::Scenario { .. }, Answer::Scenario { choices }) => line(
            scenario_walk(q, choices)
                .visited
                .iter()
                .filter_map(|v| v.step.choices.get(v.choice))
                .map(|c| c.text.value.clone())
                .collect(),
            words.t("quiz.path_separator"),
        ),
        _ => AnswerText::Line(String::new()),
    })
}

/// The right answer in words.
pub fn correct(q: &Question, words: &Words) -> AnswerText {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => AnswerText::Line(
            options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text.value.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        QuestionKind::TrueFalse { answer } => {
            AnswerText::Line(bool_text(*answer, words).to_string())
        }
        QuestionKind::Ordering { steps } => {
            AnswerText::Steps(steps.iter().map(|s| s.text.value.clone()).collect())
        }
        QuestionKind::Scenario { steps } => AnswerText::Line(
            steps
                .iter()
                .filter_map(|s| s.choices.iter().find(|c| c.correct))
                .map(|c| c.text.value.clone())
                .collect::<Vec<_>>()
                .join(words.t("quiz.path_separator")),
        ),
    }
}

pub fn bool_text(value: bool, words: &Words) -> &str {
    if value {
        words.t("quiz.true")
    } else {
        words.t("quiz.false")
    }
}
