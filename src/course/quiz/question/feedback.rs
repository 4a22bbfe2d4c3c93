//! After the answer: the verdict and explanation, and the way on.

use trygg_core::content::{Question, QuestionKind};
use trygg_core::progress::AfterQuestion;
use trygg_core::quiz::{score_answer, Answer, PlannedQuestion};
use yew::prelude::*;

use crate::course::quiz::answer_text;
use crate::shared::components::inline_text::inline;
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;
use crate::shared::learner::LearnerHandle;

/// "Right" or "not quite", the right answer when it was missed, and the explanation.
pub fn feedback(
    question: &Question,
    item: &PlannedQuestion,
    answer: Option<&Answer>,
    words: &Words,
) -> Html {
    let score = answer.map(|a| score_answer(question, a));
    let right = score.as_ref().is_some_and(|s| s.is_full());
    let verdict = match (&question.kind, &score) {
        _ if right => words.html("quiz.right"),
        // A scenario scores each step: how many of the choices were wise.
        (QuestionKind::Scenario { .. }, Some(score)) => words.fill_html(
            "quiz.scenario.result",
            &[
                ("good", &score.earned.to_string()),
                ("total", &score.possible.to_string()),
            ],
        ),
        _ => words.html("quiz.wrong"),
    };
    html! {
        <div class={if right { "feedback ok" } else { "feedback bad" }}>
            <p class="feedback-verdict"><strong>{ verdict }</strong></p>
            if !right {
                { answer_text::correct(question, item, words).render(words.html("quiz.correct_answer")) }
            }
            <p>{ inline(&question.explanation) }</p>
        </div>
    }
}

/// The way on, as the core says ([`AfterQuestion`]): the next question, or after the last
/// one the attempt scored and recorded.
pub fn next_button(
    learner: &LearnerHandle,
    module: &str,
    after: AfterQuestion,
    words: &Words,
) -> Html {
    let last = after == AfterQuestion::Result;
    let onclick = {
        let learner = learner.clone();
        let module = module.to_string();
        Callback::from(move |_| match after {
            AfterQuestion::Result => learner.finish_quiz(&module),
            AfterQuestion::Next => learner.advance(&module),
        })
    };
    html! {
        <p class="button-row">
            <button type="button" class="button" {onclick}>
                { if last { words.html("quiz.see_result") } else { words.html("quiz.next") } }
            </button>
        </p>
    }
}
