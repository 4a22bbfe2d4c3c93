//! Radios or checkboxes for single, multiple and true/false questions. What is picked stays
//! local until "check answer": only a submitted answer is recorded and scored.

use std::collections::BTreeSet;

use trygg_core::content::{Question, QuestionKind, Text};
use trygg_core::quiz::{Answer, PlannedQuestion};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::shared::components::inline_text::inline;
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{word_text, Words};

/// What the learner has selected but not yet submitted.
#[derive(Clone, PartialEq)]
pub enum Selection {
    Nothing,
    One(usize),
    Many(BTreeSet<usize>),
    Bool(bool),
}

/// `missing` is set when "check answer" was pressed with nothing picked.
pub fn form(
    question: &Question,
    item: &PlannedQuestion,
    selection: &UseStateHandle<Selection>,
    missing: &UseStateHandle<bool>,
    answer: Option<&Answer>,
    record: Callback<Answer>,
    words: &Words,
) -> Html {
    let locked = answer.is_some();
    let (options, multiple): (Vec<(usize, Text)>, bool) = match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => (
            item.order
                .iter()
                .filter_map(|i| options.get(*i).map(|o| (*i, o.text.clone())))
                .collect(),
            matches!(question.kind, QuestionKind::Multiple { .. }),
        ),
        QuestionKind::TrueFalse { .. } => (
            vec![
                (1, word_text(words, "quiz.true")),
                (0, word_text(words, "quiz.false")),
            ],
            false,
        ),
        _ => (Vec::new(), false),
    };
    let onsubmit = {
        let selection = selection.clone();
        let missing = missing.clone();
        let kind = question.kind.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match to_answer(&kind, &selection) {
                Some(answer) => {
                    missing.set(false);
                    record.emit(answer);
                }
                None => missing.set(true),
            }
        })
    };
    let inputs = options
        .into_iter()
        .map(|(i, text)| choice(question, i, text, multiple, selection, answer, words));
    html! {
        <form {onsubmit} class="answer-form">
            <fieldset aria-describedby={missing.then_some("answer-missing")}>
                <legend class="prompt">{ inline(&question.prompt) }</legend>
                if multiple {
                    <p class="hint">{ words.html("quiz.select_all") }</p>
                }
                { for inputs }
            </fieldset>
            if **missing {
                <p class="error" id="answer-missing" role="alert">{ words.html("quiz.choose_first") }</p>
            }
            if !locked {
                <button type="submit" class="button">{ words.html("quiz.check") }</button>
            }
        </form>
    }
}

/// Option `i`. Once answered, each option says whether it was right, as well as the
/// feedback below: the mark is text, not only a colour.
fn choice(
    question: &Question,
    i: usize,
    text: Text,
    multiple: bool,
    selection: &UseStateHandle<Selection>,
    answer: Option<&Answer>,
    words: &Words,
) -> Html {
    let is_bool = matches!(question.kind, QuestionKind::TrueFalse { .. });
    let right = match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            options.get(i).is_some_and(|o| o.correct)
        }
        QuestionKind::TrueFalse { answer } => usize::from(*answer) == i,
        _ => false,
    };
    let checked = match (answer, &**selection) {
        (Some(Answer::Single { option }), _) => *option == i,
        (Some(Answer::Multiple { options }), _) => options.contains(&i),
        (Some(Answer::TrueFalse { value }), _) => usize::from(*value) == i,
        (None, Selection::One(o)) => *o == i,
        (None, Selection::Bool(b)) => usize::from(*b) == i,
        (None, Selection::Many(set)) => set.contains(&i),
        _ => false,
    };
    let id = format!("option-{i}");
    let selection = selection.clone();
    let onchange = Callback::from(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        let next = if multiple {
            let mut set = match &*selection {
                Selection::Many(s) => s.clone(),
                _ => BTreeSet::new(),
            };
            if on {
                set.insert(i);
            } else {
                set.remove(&i);
            }
            Selection::Many(set)
        } else if is_bool {
            Selection::Bool(i == 1)
        } else {
            Selection::One(i)
        };
        selection.set(next);
    });
    let mark = match (answer.is_some(), right, checked) {
        (false, _, _) => None,
        (true, true, _) => Some(("choice right", words.t("quiz.option_right"))),
        (true, false, true) => Some(("choice wrong", words.t("quiz.option_wrong"))),
        (true, false, false) => None,
    };
    html! {
        <div class={mark.map_or("choice", |(class, _)| class)}>
            <input type={if multiple { "checkbox" } else { "radio" }} name="answer" id={id.clone()}
                {checked} disabled={answer.is_some()} {onchange} />
            <label for={id}>
                { inline(&text) }
                { mark.map(|(_, label)| html! { <>{ " " }<span class="option-mark">{ label }</span></> }).unwrap_or_default() }
            </label>
        </div>
    }
}

fn to_answer(kind: &QuestionKind, selection: &Selection) -> Option<Answer> {
    match (kind, selection) {
        (QuestionKind::Single { .. }, Selection::One(option)) => {
            Some(Answer::Single { option: *option })
        }
        (QuestionKind::Multiple { .. }, Selection::Many(set)) if !set.is_empty() => {
            Some(Answer::Multiple {
                options: set.iter().copied().collect(),
            })
        }
        (QuestionKind::TrueFalse { .. }, Selection::Bool(value)) => {
            Some(Answer::TrueFalse { value: *value })
        }
        _ => None,
    }
}
