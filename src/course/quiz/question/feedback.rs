//! After the answer: the verdict and explanation, and the way on.

use trygg_core::content::{Lang, Question, QuestionKind};
use trygg_core::quiz::{is_correct, Answer};
use yew::prelude::*;

use crate::course::quiz::answer_text;
use crate::shared::components::inline_text::InlineText;
use crate::shared::i18n::t;
use crate::shared::learner::LearnerHandle;

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

/// After the last question the attempt is finished and scored; before it, the next one is
/// shown.
pub fn next_button(learner: &LearnerHandle, module: &str, last: bool, lang: Lang) -> Html {
    let onclick = {
        let learner = learner.clone();
        let module = module.to_string();
        Callback::from(move |_| {
            if last {
                learner.finish_quiz(&module);
            } else {
                learner.advance(&module);
            }
        })
    };
    html! {
        <p class="button-row">
            <button type="button" class="button" {onclick}>
                { if last { t(lang, "quiz.see_result") } else { t(lang, "quiz.next") } }
            </button>
        </p>
    }
}
