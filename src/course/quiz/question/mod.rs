//! One quiz question: the choices, "check answer", then feedback with the explanation and
//! the way on. Keyed per question, so its local selection starts empty each time.

mod choices;
mod feedback;
mod ordering;
mod scenario;

use trygg_core::content::QuestionKind;
use trygg_core::progress::AfterQuestion;
use trygg_core::quiz::{answer_complete, question_by_id, Answer};
use yew::prelude::*;

use self::choices::Selection;
use self::ordering::OrderingInput;
use self::scenario::ScenarioInput;
use crate::shared::browser::document::focus;
use crate::shared::components::inline_text::inline;
use crate::shared::i18n::{Words, WordsHtml};
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub module: String,
    pub index: usize,
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let selection = use_state(|| Selection::Nothing);
    let missing = use_state(|| false);
    let landing = app.landing.clone();
    use_effect_with((), move |_| {
        if !landing.keep_focus() {
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
    let done = answer_complete(question, answer.as_ref());

    let record = {
        let learner = learner.clone();
        let module = props.module.clone();
        let index = props.index;
        Callback::from(move |answer: Answer| learner.answer(&module, index, answer))
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
    let after = AfterQuestion::of(props.index, total);

    let body = match &question.kind {
        QuestionKind::Scenario { .. } => html! {
            <ScenarioInput question={question.clone()} item={item.clone()} answer={answer.clone()} on_pick={record} />
        },
        QuestionKind::Ordering { .. } => html! {
            <OrderingInput question={question.clone()} item={item.clone()} answer={answer.clone()} on_submit={record} />
        },
        _ => choices::form(
            question,
            item,
            &selection,
            &missing,
            answer.as_ref(),
            record,
            &words,
        ),
    };

    html! {
        <article class="question-card" data-question-id={question.id.clone()}>
            { counter(props.index, total, &words) }
            if matches!(question.kind, QuestionKind::Scenario { .. } | QuestionKind::Ordering { .. }) {
                <p class="prompt">{ inline(&question.prompt) }</p>
            }
            { body }
            // Not a live region: the focus moves here as the feedback appears, and a screen
            // reader reads what takes the focus; a live region too would read it twice.
            <div id="feedback" tabindex="-1" class="feedback-region">
                if done {
                    { feedback::feedback(question, item, answer.as_ref(), &words) }
                }
            </div>
            if done {
                { feedback::next_button(&learner, &props.module, after, &words) }
            }
        </article>
    }
}

/// The counter is the heading that takes focus on arrival, so a screen reader starts each
/// question with where the learner is in the quiz.
fn counter(index: usize, total: usize, words: &Words) -> Html {
    let counter = words.fill(
        "quiz.counter",
        &[
            ("n", &(index + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    html! {
        <>
            <h2 id="question-title" tabindex="-1" class="question-counter" lang={words.lang_of("quiz.counter")}>{ counter.clone() }</h2>
            <progress class="step-bar" max={total.to_string()} value={(index + 1).to_string()} aria-label={counter}></progress>
        </>
    }
}
