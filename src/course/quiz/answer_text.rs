//! Descriptions of answers in words, for the review and the feedback.

use trygg_core::content::{Lang, Question, QuestionKind};
use trygg_core::quiz::{scenario_walk, Answer};
use yew::prelude::*;

use crate::shared::i18n::t;

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
pub fn given(q: &Question, answer: Option<&Answer>, lang: Lang) -> Option<AnswerText> {
    let line = |parts: Vec<String>, sep: &str| AnswerText::Line(parts.join(sep));
    Some(match (&q.kind, answer?) {
        (QuestionKind::Single { options }, Answer::Single { option }) => AnswerText::Line(
            options
                .get(*option)
                .map(|o| o.text.get(lang).to_string())
                .unwrap_or_default(),
        ),
        (QuestionKind::Multiple { options }, Answer::Multiple { options: picked }) => line(
            picked
                .iter()
                .filter_map(|i| options.get(*i))
                .map(|o| o.text.get(lang).to_string())
                .collect(),
            "; ",
        ),
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse { value }) => {
            AnswerText::Line(bool_text(*value, lang).to_string())
        }
        (QuestionKind::Ordering { steps }, Answer::Ordering { steps: order }) => AnswerText::Steps(
            order
                .iter()
                .filter_map(|i| steps.get(*i))
                .map(|s| s.get(lang).to_string())
                .collect(),
        ),
        (QuestionKind::Scenario { .. }, Answer::Scenario { choices }) => line(
            scenario_walk(q, choices)
                .visited
                .iter()
                .filter_map(|v| v.step.choices.get(v.choice))
                .map(|c| c.text.get(lang).to_string())
                .collect(),
            " → ",
        ),
        _ => AnswerText::Line(String::new()),
    })
}

/// The right answer in words.
pub fn correct(q: &Question, lang: Lang) -> AnswerText {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => AnswerText::Line(
            options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text.get(lang).to_string())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        QuestionKind::TrueFalse { answer } => {
            AnswerText::Line(bool_text(*answer, lang).to_string())
        }
        QuestionKind::Ordering { steps } => {
            AnswerText::Steps(steps.iter().map(|s| s.get(lang).to_string()).collect())
        }
        QuestionKind::Scenario { steps } => AnswerText::Line(
            steps
                .iter()
                .filter_map(|s| s.choices.iter().find(|c| c.correct))
                .map(|c| c.text.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(" → "),
        ),
    }
}

pub fn bool_text(value: bool, lang: Lang) -> &'static str {
    if value {
        t(lang, "quiz.true")
    } else {
        t(lang, "quiz.false")
    }
}
