//! One quiz question: the choices, "check answer", then feedback with the explanation and
//! the way on. Keyed per question, so its local selection starts empty each time.

use std::collections::BTreeSet;

use trygg_core::content::{Lang, Question, QuestionKind};
use trygg_core::quiz::{is_correct, question_by_id, scenario_walk, Answer, PlannedQuestion};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::answer_text;
use super::ordering::OrderingInput;
use super::scenario::ScenarioInput;
use crate::shared::browser::document::focus;
use crate::shared::components::inline_text::InlineText;
use crate::shared::i18n::{fill, t};
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub module: String,
    pub index: usize,
}

/// What the learner has selected but not yet submitted.
#[derive(Clone, PartialEq)]
enum Selection {
    Nothing,
    One(usize),
    Many(BTreeSet<usize>),
    Bool(bool),
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let lang = app.lang;
    let selection = use_state(|| Selection::Nothing);
    let missing = use_state(|| false);
    use_effect_with((), |_| {
        if !crate::course::app::keep_focus_on_landing() {
            focus("question-title");
        }
    });

    let module = app.course().and_then(|c| c.module(&props.module));
    let attempt = learner.progress.attempt(&props.module);
    let (Some(module), Some(attempt)) = (module, attempt) else {
        return html! {};
    };
    let Some(item) = attempt.plan.items.get(props.index) else {
        return html! {};
    };
    let Some(question) = question_by_id(module, &item.question_id) else {
        return html! {};
    };
    let answer = attempt.answers.get(props.index).cloned().flatten();
    let total = attempt.plan.items.len();
    let done = match (&question.kind, &answer) {
        (QuestionKind::Scenario { .. }, Some(Answer::Scenario { choices })) => {
            scenario_walk(question, choices).next.is_none()
        }
        (_, a) => a.is_some(),
    };

    let record = {
        let learner = learner.clone();
        let module = props.module.clone();
        let index = props.index;
        Callback::from(move |answer: Answer| learner.answer(&module, index, answer))
    };
    let on_check = {
        let selection = selection.clone();
        let missing = missing.clone();
        let record = record.clone();
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
    // Once answered, move focus to the feedback, after it is rendered. Only on the change,
    // so a question resumed after reload starts at its heading.
    {
        let was_done = use_mut_ref(|| done);
        use_effect_with(done, move |done| {
            if *done && !std::mem::replace(&mut *was_done.borrow_mut(), true) {
                focus("feedback");
            }
        });
    }
    let last = props.index + 1 >= total;
    let on_next = {
        let learner = learner.clone();
        let module_id = props.module.clone();
        Callback::from(move |_| {
            if last {
                learner.finish_quiz(&module_id);
            } else {
                learner.advance(&module_id);
            }
        })
    };

    let counter = fill(
        t(lang, "quiz.counter"),
        &[
            ("n", &(props.index + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    let prompt = question.prompt.get(lang).to_string();
    let body = match &question.kind {
        QuestionKind::Scenario { .. } => html! {
            <ScenarioInput question={question.clone()} item={item.clone()} answer={answer.clone()} on_pick={record.clone()} />
        },
        QuestionKind::Ordering { .. } => html! {
            <OrderingInput question={question.clone()} item={item.clone()} answer={answer.clone()} on_submit={record.clone()} />
        },
        _ => choice_form(
            question,
            item,
            &selection,
            answer.as_ref(),
            *missing,
            on_check,
            lang,
        ),
    };

    html! {
        <article class="question-card" data-question-id={question.id.clone()}>
            <h2 id="question-title" tabindex="-1" class="question-counter">{ counter.clone() }</h2>
            <progress class="step-bar" max={total.to_string()} value={(props.index + 1).to_string()} aria-label={counter}></progress>
            if matches!(question.kind, QuestionKind::Scenario { .. } | QuestionKind::Ordering { .. }) {
                <p class="prompt"><InlineText text={prompt} /></p>
            }
            { body }
            <div id="feedback" tabindex="-1" role="status" class="feedback-region">
                if done {
                    { feedback(question, answer.as_ref(), lang) }
                }
            </div>
            if done {
                <p class="button-row">
                    <button type="button" class="button" onclick={on_next}>
                        { if last { t(lang, "quiz.see_result") } else { t(lang, "quiz.next") } }
                    </button>
                </p>
            }
        </article>
    }
}

/// Radios or checkboxes for single, multiple and true/false questions.
fn choice_form(
    question: &Question,
    item: &PlannedQuestion,
    selection: &UseStateHandle<Selection>,
    answer: Option<&Answer>,
    missing: bool,
    onsubmit: Callback<SubmitEvent>,
    lang: Lang,
) -> Html {
    let locked = answer.is_some();
    let (options, multiple): (Vec<(usize, String)>, bool) = match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => (
            item.order
                .iter()
                .filter_map(|i| options.get(*i).map(|o| (*i, o.text.get(lang).to_string())))
                .collect(),
            matches!(question.kind, QuestionKind::Multiple { .. }),
        ),
        QuestionKind::TrueFalse { .. } => (
            vec![
                (1, t(lang, "quiz.true").to_string()),
                (0, t(lang, "quiz.false").to_string()),
            ],
            false,
        ),
        _ => (Vec::new(), false),
    };
    let is_bool = matches!(question.kind, QuestionKind::TrueFalse { .. });
    // Once answered, each option says whether it was right, as well as the feedback below.
    let option_is_right = |i: usize| -> bool {
        match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                options.get(i).is_some_and(|o| o.correct)
            }
            QuestionKind::TrueFalse { answer } => usize::from(*answer) == i,
            _ => false,
        }
    };
    let checked = |i: usize| -> bool {
        match (answer, &**selection) {
            (Some(Answer::Single { option }), _) => *option == i,
            (Some(Answer::Multiple { options }), _) => options.contains(&i),
            (Some(Answer::TrueFalse { value }), _) => usize::from(*value) == i,
            (None, Selection::One(o)) => *o == i,
            (None, Selection::Bool(b)) => usize::from(*b) == i,
            (None, Selection::Many(set)) => set.contains(&i),
            _ => false,
        }
    };
    let inputs = options.into_iter().map(|(i, text)| {
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
        let mark = match (locked, option_is_right(i), checked(i)) {
            (false, _, _) => None,
            (true, true, _) => Some(("choice right", t(lang, "quiz.option_right"))),
            (true, false, true) => Some(("choice wrong", t(lang, "quiz.option_wrong"))),
            (true, false, false) => None,
        };
        html! {
            <div class={mark.map_or("choice", |(class, _)| class)}>
                <input type={if multiple { "checkbox" } else { "radio" }} name="answer" id={id.clone()}
                    checked={checked(i)} disabled={locked} {onchange} />
                <label for={id}>
                    <InlineText text={text} />
                    { mark.map(|(_, label)| html! { <span class="option-mark">{ label }</span> }).unwrap_or_default() }
                </label>
            </div>
        }
    });
    html! {
        <form {onsubmit} class="answer-form">
            <fieldset aria-describedby={missing.then_some("answer-missing")}>
                <legend class="prompt"><InlineText text={question.prompt.get(lang).to_string()} /></legend>
                if multiple {
                    <p class="hint">{ t(lang, "quiz.select_all") }</p>
                }
                { for inputs }
            </fieldset>
            if missing {
                <p class="error" id="answer-missing" role="alert">{ t(lang, "quiz.choose_first") }</p>
            }
            if !locked {
                <button type="submit" class="button">{ t(lang, "quiz.check") }</button>
            }
        </form>
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

/// "Right" or "not quite", the right answer when it was missed, and the explanation.
pub fn feedback(question: &Question, answer: Option<&Answer>, lang: Lang) -> Html {
    let right = answer.is_some_and(|a| is_correct(question, a));
    let is_scenario = matches!(question.kind, QuestionKind::Scenario { .. });
    html! {
        <div class={if right { "feedback ok" } else { "feedback bad" }}>
            <p class="feedback-verdict"><strong>
                { if right { t(lang, "quiz.right") } else if is_scenario { t(lang, "quiz.scenario_done") } else { t(lang, "quiz.wrong") } }
            </strong></p>
            if !right {
                { answer_text::correct(question, lang).render(t(lang, "quiz.correct_answer")) }
            }
            <p><InlineText text={question.explanation.get(lang).to_string()} /></p>
        </div>
    }
}
