//! Descriptions of answers in words, for the review and the feedback. Each part keeps its own
//! language, so an option taken from the fallback language is marked as such.

use trygg_core::content::{Question, QuestionKind, Text};
use trygg_core::quiz::{scenario_walk, Answer, PlannedQuestion};
use yew::prelude::*;

use crate::shared::components::inline_text::plain;
use crate::shared::i18n::Words;

/// An answer in words: parts on one line with a separator between them, options as a list
/// (each option is a sentence with its own punctuation, so joining them would double it), or
/// steps in order (an ordering question), which read better as a numbered list than as one
/// run-on sentence.
pub enum AnswerText {
    Line { parts: Vec<Text>, separator: String },
    Options(Vec<Text>),
    Steps(Vec<Text>),
}

impl AnswerText {
    /// A line of one UI word ("(no answer)", "True").
    pub fn word(text: &str) -> AnswerText {
        AnswerText::one(Text::new(text))
    }

    fn one(text: Text) -> AnswerText {
        AnswerText::Line {
            parts: vec![text],
            separator: String::new(),
        }
    }

    /// `label` ("Your answer:", "Right answer:") followed by the answer.
    pub fn render(self, label: &str) -> Html {
        match self {
            AnswerText::Line { parts, separator } => {
                let parts = parts.iter().enumerate().map(|(i, part)| {
                    html! { <>{ if i > 0 { separator.as_str() } else { "" } }{ plain(part) }</> }
                });
                html! { <p>{ label }{ " " }{ for parts }</p> }
            }
            AnswerText::Options(mut options) if options.len() == 1 => {
                let option = options.remove(0);
                html! { <p>{ label }{ " " }{ plain(&option) }</p> }
            }
            AnswerText::Options(options) => html! {
                <>
                    <p>{ label }</p>
                    <ul class="answer-options">{ for options.iter().map(|o| html! { <li>{ plain(o) }</li> }) }</ul>
                </>
            },
            AnswerText::Steps(steps) => html! {
                <>
                    <p>{ label }</p>
                    <ol class="answer-steps">{ for steps.iter().map(|s| html! { <li>{ plain(s) }</li> }) }</ol>
                </>
            },
        }
    }
}

/// The learner's answer in words, or `None` if there is none. Options are listed in the
/// order `item` showed them.
pub fn given(
    q: &Question,
    item: &PlannedQuestion,
    answer: Option<&Answer>,
    words: &Words,
) -> Option<AnswerText> {
    let line = |parts: Vec<Text>, separator: &str| AnswerText::Line {
        parts,
        separator: separator.to_owned(),
    };
    Some(match (&q.kind, answer?) {
        (QuestionKind::Single { options }, Answer::Single { option }) => AnswerText::one(
            options
                .get(*option)
                .map(|o| o.text.clone())
                .unwrap_or_default(),
        ),
        (QuestionKind::Multiple { options }, Answer::Multiple { options: picked }) => {
            AnswerText::Options(
                item.in_shown_order(picked.iter().copied())
                    .into_iter()
                    .filter_map(|i| options.get(i))
                    .map(|o| o.text.clone())
                    .collect(),
            )
        }
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse { value }) => {
            AnswerText::word(bool_text(*value, words))
        }
        (QuestionKind::Ordering { steps }, Answer::Ordering { steps: order }) => AnswerText::Steps(
            order
                .iter()
                .filter_map(|i| steps.get(*i))
                .map(|s| s.text.clone())
                .collect(),
        ),
        (QuestionKind::Scenario { .. }, Answer::Scenario { choices }) => line(
            scenario_walk(q, choices)
                .visited
                .iter()
                .filter_map(|v| v.step.choices.get(v.choice))
                .map(|c| c.text.clone())
                .collect(),
            words.t("quiz.path_separator"),
        ),
        _ => AnswerText::word(""),
    })
}

/// The right answer in words, its options in the order `item` showed them.
pub fn correct(q: &Question, item: &PlannedQuestion, words: &Words) -> AnswerText {
    let line = |parts: Vec<Text>, separator: &str| AnswerText::Line {
        parts,
        separator: separator.to_owned(),
    };
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            let right = options.iter().enumerate().filter(|(_, o)| o.correct);
            AnswerText::Options(
                item.in_shown_order(right.map(|(i, _)| i))
                    .into_iter()
                    .filter_map(|i| options.get(i))
                    .map(|o| o.text.clone())
                    .collect(),
            )
        }
        QuestionKind::TrueFalse { answer } => AnswerText::word(bool_text(*answer, words)),
        QuestionKind::Ordering { steps } => {
            AnswerText::Steps(steps.iter().map(|s| s.text.clone()).collect())
        }
        QuestionKind::Scenario { steps } => line(
            steps
                .iter()
                .filter_map(|s| s.choices.iter().find(|c| c.correct))
                .map(|c| c.text.clone())
                .collect(),
            words.t("quiz.path_separator"),
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
