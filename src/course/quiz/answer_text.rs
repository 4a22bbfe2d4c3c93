//! Descriptions of answers in words, for the review and the feedback. Each part keeps its own
//! language, so an option taken from the fallback language is marked as such, and content
//! texts keep their inline markup, so a Swedish term in a Finnish option is still marked as
//! Swedish when the review quotes it.

use trygg_core::content::{AnswerOption, Question, QuestionKind, Text};
use trygg_core::quiz::{scenario_walk, Answer, PlannedQuestion};
use yew::prelude::*;

use crate::shared::components::inline_text::{inline, plain};
use crate::shared::i18n::{word_text, Words};

/// An answer in words: one of the app's own words ("(no answer)", "True"), shown as typed;
/// content parts on one line with a separator between them; options as a list (each option is
/// a sentence with its own punctuation, so joining them would double it); or steps in order
/// (an ordering question), which read better as a numbered list than as one run-on sentence.
pub enum AnswerText {
    Word(Text),
    Line { parts: Vec<Text>, separator: String },
    Options(Vec<Text>),
    Steps(Vec<Text>),
}

impl AnswerText {
    /// One of the app's own words ("(no answer)", "True"), in the fallback's language when
    /// the learner's lacks it.
    pub fn word(words: &Words, key: &str) -> AnswerText {
        AnswerText::Word(word_text(words, key))
    }

    /// `label` ("Your answer:", "Right answer:") followed by the answer.
    pub fn render(self, label: Html) -> Html {
        match self {
            AnswerText::Word(word) => html! { <p>{ label }{ " " }{ plain(&word) }</p> },
            AnswerText::Line { parts, separator } => {
                let parts = parts.iter().enumerate().map(|(i, part)| {
                    html! { <>{ if i > 0 { separator.as_str() } else { "" } }{ inline(part) }</> }
                });
                html! { <p>{ label }{ " " }{ for parts }</p> }
            }
            AnswerText::Options(mut options) if options.len() == 1 => {
                let option = options.remove(0);
                html! { <p>{ label }{ " " }{ inline(&option) }</p> }
            }
            AnswerText::Options(options) => html! {
                <>
                    <p>{ label }</p>
                    <ul class="answer-options">{ for options.iter().map(|o| html! { <li>{ inline(o) }</li> }) }</ul>
                </>
            },
            AnswerText::Steps(steps) => html! {
                <>
                    <p>{ label }</p>
                    <ol class="answer-steps">{ for steps.iter().map(|s| html! { <li>{ inline(s) }</li> }) }</ol>
                </>
            },
        }
    }
}

/// The texts of the options at `indices`, in the order `item` showed them: the review lists
/// the learner's picks and the right ones alike as the learner saw them, not as the file
/// lists them.
fn options_as_shown(
    options: &[AnswerOption],
    item: &PlannedQuestion,
    indices: impl IntoIterator<Item = usize>,
) -> AnswerText {
    AnswerText::Options(
        item.in_shown_order(indices)
            .into_iter()
            .filter_map(|i| options.get(i))
            .map(|o| o.text.clone())
            .collect(),
    )
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
        (QuestionKind::Single { options }, Answer::Single { option }) => line(
            options
                .get(*option)
                .map(|o| o.text.clone())
                .into_iter()
                .collect(),
            "",
        ),
        (QuestionKind::Multiple { options }, Answer::Multiple { options: picked }) => {
            options_as_shown(options, item, picked.iter().copied())
        }
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse { value }) => {
            AnswerText::word(words, bool_key(*value))
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
        _ => AnswerText::Word(Text::new("")),
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
            options_as_shown(options, item, right.map(|(i, _)| i))
        }
        QuestionKind::TrueFalse { answer } => AnswerText::word(words, bool_key(*answer)),
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

/// The key of a true/false answer's word.
pub fn bool_key(value: bool) -> &'static str {
    if value {
        "quiz.true"
    } else {
        "quiz.false"
    }
}
