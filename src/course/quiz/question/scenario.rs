//! A scenario: a situation in steps. Each choice is saved and gets its own feedback before
//! the next step appears.

use trygg_core::content::{Question, QuestionKind};
use trygg_core::quiz::{scenario_walk, Answer, PlannedQuestion, ScenarioPick};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::shared::components::inline_text::inline;
use crate::shared::i18n::WordsHtml;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    pub question: Question,
    pub item: PlannedQuestion,
    pub answer: Option<Answer>,
    pub on_pick: Callback<Answer>,
}

#[component]
pub fn ScenarioInput(props: &ScenarioProps) -> Html {
    let words = use_app().words();
    let selected = use_state(|| None::<usize>);
    let missing = use_state(|| false);
    let QuestionKind::Scenario { steps } = &props.question.kind else {
        return html! {};
    };
    let picks: Vec<ScenarioPick> = match &props.answer {
        Some(Answer::Scenario { choices }) => choices.clone(),
        _ => Vec::new(),
    };
    let walk = scenario_walk(&props.question, &picks);

    // After each pick, focus moves to that step's feedback once it is rendered. The last
    // pick's feedback is followed by the question's own feedback, which takes focus instead.
    {
        let seen = use_mut_ref(|| walk.visited.len());
        let count = walk.visited.len();
        let more = walk.next.is_some();
        use_effect_with(count, move |count| {
            let before = std::mem::replace(&mut *seen.borrow_mut(), *count);
            if *count > before && more {
                crate::shared::browser::document::focus(&format!("step-feedback-{}", count - 1));
            }
        });
    }

    let visited = walk.visited.iter().enumerate().map(|(n, v)| {
        let choice = v.step.choices.get(v.choice);
        html! {
            <li class="scenario-step done">
                <p>{ inline(&v.step.text) }</p>
                <p>{ words.html("quiz.scenario.you_chose") }{ " " }<strong>{ choice.map(|c| inline(&c.text)).unwrap_or_default() }</strong></p>
                <div class={if v.correct { "feedback ok" } else { "feedback bad" }} id={format!("step-feedback-{n}")} tabindex="-1">
                    <p class="feedback-verdict"><strong>{ if v.correct { words.html("quiz.scenario.good") } else { words.html("quiz.scenario.bad") } }</strong></p>
                    <p>{ choice.map(|c| inline(&c.feedback)).unwrap_or_default() }</p>
                </div>
            </li>
        }
    });

    let current = walk.next.map(|step| {
        let step_index = steps.iter().position(|s| s.id == step.id).unwrap_or_default();
        let order = props.item.choice_order(step_index, step.choices.len());
        let options = order.into_iter().filter_map(|i| step.choices.get(i).map(|c| (i, c))).map(|(i, c)| {
            let id = format!("choice-{}-{i}", step.id);
            let checked = *selected == Some(i);
            let selected = selected.clone();
            let onchange = Callback::from(move |e: Event| {
                if e.target_unchecked_into::<HtmlInputElement>().checked() {
                    selected.set(Some(i));
                }
            });
            html! {
                <div class="choice">
                    <input type="radio" name={format!("step-{}", step.id)} id={id.clone()} {checked} {onchange} />
                    <label for={id}>{ inline(&c.text) }</label>
                </div>
            }
        });
        let onsubmit = {
            let selected = selected.clone();
            let missing = missing.clone();
            let on_pick = props.on_pick.clone();
            let picks = picks.clone();
            let step_id = step.id.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Some(choice) = *selected else {
                    missing.set(true);
                    return;
                };
                missing.set(false);
                let mut choices = picks.clone();
                choices.push(ScenarioPick { step: step_id.clone(), choice });
                selected.set(None);
                on_pick.emit(Answer::Scenario { choices });
            })
        };
        html! {
            <form class="answer-form scenario-current" {onsubmit}>
                <fieldset aria-describedby={(*missing).then_some("answer-missing")}>
                    <legend>{ inline(&step.text) }</legend>
                    { for options }
                </fieldset>
                if *missing {
                    <p class="error" id="answer-missing" role="alert">{ words.html("quiz.choose_first") }</p>
                }
                <button type="submit" class="button">{ words.html("quiz.scenario.choose") }</button>
            </form>
        }
    });

    // No live region: focus moves to each step's feedback, which a screen reader then reads
    // once; and no list before the first pick, where it would be read as an empty list.
    let visited: Vec<Html> = visited.collect();
    html! {
        <div class="scenario">
            if !visited.is_empty() {
                <ol class="scenario-steps">{ for visited }</ol>
            }
            { current.unwrap_or_default() }
        </div>
    }
}
