//! "Put the steps in order": move a step with its up/down buttons (keyboard) or drag it.

use trygg_core::content::{plain_words, Question, QuestionKind};
use trygg_core::quiz::{Answer, PlannedQuestion};
use yew::prelude::*;

use crate::shared::browser::document::focus_soon;
use crate::shared::components::inline_text::inline;
use crate::shared::i18n::WordsHtml;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct OrderingProps {
    pub question: Question,
    pub item: PlannedQuestion,
    pub answer: Option<Answer>,
    pub on_submit: Callback<Answer>,
}

#[component]
pub fn OrderingInput(props: &OrderingProps) -> Html {
    let words = use_app().words();
    let order = use_state(|| props.item.order.clone());
    let dragged = use_state(|| None::<usize>);
    let announcement = use_state(String::new);
    let QuestionKind::Ordering { steps } = &props.question.kind else {
        return html! {};
    };
    let locked = props.answer.is_some();
    let shown: Vec<usize> = match &props.answer {
        Some(Answer::Ordering { steps }) => steps.clone(),
        _ => (*order).clone(),
    };
    let count = shown.len();

    let move_item = {
        let order = order.clone();
        let announcement = announcement.clone();
        let steps = steps.clone();
        let words = words.clone();
        move |from: usize, to: usize| {
            let mut next = (*order).clone();
            if from >= next.len() || to >= next.len() || from == to {
                return;
            }
            let item = next.remove(from);
            next.insert(to, item);
            let text = steps
                .get(item)
                .map(|s| plain_words(&s.text.value))
                .unwrap_or_default();
            announcement.set(words.fill(
                "quiz.order.moved",
                &[("step", &text), ("n", &(to + 1).to_string())],
            ));
            order.set(next);
        }
    };

    let rows = shown.iter().enumerate().map(|(pos, &step)| {
        let step_text = steps.get(step).map(|s| s.text.clone()).unwrap_or_default();
        // Button names and the spoken announcement are plain text: the step's words only.
        let text = plain_words(&step_text.value);
        let up = {
            let move_item = move_item.clone();
            Callback::from(move |_| {
                move_item(pos, pos.saturating_sub(1));
                focus_soon_step(step, "up", pos == 1);
            })
        };
        let down = {
            let move_item = move_item.clone();
            Callback::from(move |_| {
                move_item(pos, pos + 1);
                focus_soon_step(step, "down", pos + 2 == count);
            })
        };
        let ondragstart = {
            let dragged = dragged.clone();
            Callback::from(move |_: DragEvent| dragged.set(Some(pos)))
        };
        let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
        let ondrop = {
            let dragged = dragged.clone();
            let move_item = move_item.clone();
            Callback::from(move |e: DragEvent| {
                e.prevent_default();
                if let Some(from) = *dragged {
                    move_item(from, pos);
                }
                dragged.set(None);
            })
        };
        html! {
            <li key={step} class="order-item" draggable={(!locked).to_string()} {ondragstart} {ondragover} {ondrop}>
                <span class="order-pos" aria-hidden="true">{ pos + 1 }</span>
                <span class="order-text">{ inline(&step_text) }</span>
                if !locked {
                    <span class="order-buttons">
                        <button type="button" class="icon-button" id={format!("up-{step}")} disabled={pos == 0}
                            aria-label={words.fill("quiz.order.up", &[("step", &text)])} onclick={up}>{ "↑" }</button>
                        <button type="button" class="icon-button" id={format!("down-{step}")} disabled={pos + 1 == count}
                            aria-label={words.fill("quiz.order.down", &[("step", &text)])} onclick={down}>{ "↓" }</button>
                    </span>
                }
            </li>
        }
    });

    let onsubmit = {
        let on_submit = props.on_submit.clone();
        let order = order.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // The question card moves focus to the feedback once the answer is recorded.
            on_submit.emit(Answer::Ordering {
                steps: (*order).clone(),
            });
        })
    };
    html! {
        <form class="answer-form" {onsubmit}>
            <p class="hint" id="order-hint">{ words.html("quiz.order.hint") }</p>
            <ol class="order-list" aria-describedby="order-hint">{ for rows }</ol>
            // Once the order is checked the last move is news no more: the region empties.
            <p class="visually-hidden" aria-live="polite">{ if locked { String::new() } else { (*announcement).clone() } }</p>
            if !locked {
                <button type="submit" class="button">{ words.html("quiz.check") }</button>
            }
        </form>
    }
}

/// Keeps focus on the moved step's button; at the list's edge that button is disabled, so
/// focus goes to the other direction's button.
fn focus_soon_step(step: usize, direction: &str, at_edge: bool) {
    let other = if direction == "up" { "down" } else { "up" };
    let id = format!("{}-{step}", if at_edge { other } else { direction });
    focus_soon(id);
}
