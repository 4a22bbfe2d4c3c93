//! A module's quiz: an intro, one question at a time with immediate feedback, and a result
//! with a full review. Every answer is saved as it is given, so a reload resumes exactly.

mod answer_text;
mod question;
mod results;

use trygg_core::content::Module;
use trygg_core::quiz::{plan_is_valid, quiz_length};
use yew::prelude::*;

use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{counted, Words};
use crate::shared::learner::{use_learner, LearnerHandle};
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub module: AttrValue,
}

#[component]
pub fn QuizPage(props: &QuizProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let Some(module) = app.course().and_then(|c| c.module(&props.module)) else {
        return html! { <crate::shared::not_found::NotFoundPage /> };
    };
    let attempt = learner
        .progress
        .attempt(&module.id)
        .filter(|a| plan_is_valid(module, &a.plan));
    let title = module.title.value.clone();

    let body = match attempt {
        Some(a) if a.finished => html! { <results::Results module={module.id.clone()} /> },
        Some(a) if a.current < a.plan.items.len() => html! {
            <question::QuestionCard key={format!("{}-{}-{}", a.started_ms, a.current, a.plan.items[a.current].question_id)}
                module={module.id.clone()} index={a.current} />
        },
        Some(_) => html! { <results::FinishPrompt module={module.id.clone()} /> },
        None => intro(module, &learner, &words),
    };
    html! {
        <section class="page quiz">
            <p class="eyebrow">{ title.clone() }</p>
            <PageTitle text={words.t("page.quiz").to_owned()} of={AttrValue::from(title)} />
            { body }
        </section>
    }
}

fn intro(module: &Module, learner: &LearnerHandle, words: &Words) -> Html {
    let role = learner.role_or_default();
    let count = quiz_length(module, role);
    let start = start_quiz_callback(module, learner);
    html! {
        <>
            <p>{ counted(words, "quiz.intro", count, &[("count", &count.to_string())]) }</p>
            <p>{ words.html("quiz.intro.saved") }</p>
            <button type="button" class="button" onclick={start}>{ words.html("quiz.start") }</button>
        </>
    }
}

/// Draws a fresh, reshuffled set of questions and starts an attempt with it.
pub fn start_quiz_callback(module: &Module, learner: &LearnerHandle) -> Callback<MouseEvent> {
    let module = module.id.clone();
    let learner = learner.clone();
    Callback::from(move |_| learner.start_quiz(&module))
}
