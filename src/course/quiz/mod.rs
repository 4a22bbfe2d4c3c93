//! A module's quiz: an intro, one question at a time with immediate feedback, and a result
//! with a full review. Every answer is saved as it is given, so a reload resumes exactly.

mod answer_text;
mod question;
mod results;

use trygg_core::content::Module;
use trygg_core::progress::{ModuleStatus, QuizPhase};
use trygg_core::quiz::quiz_length;
use yew::prelude::*;

use crate::shared::browser::clock::local_clock;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{counted_html, date, Words};
use crate::shared::landing::Landing;
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
    let title = module.title.value.clone();

    let validity_months = app.course().map_or(0, |c| c.organisation.validity_months);
    let now = local_clock();
    let body = match learner.progress.quiz_phase_on(module, now, validity_months) {
        QuizPhase::Result => html! { <results::Results module={module.id.clone()} /> },
        QuizPhase::Question(index) => {
            // A new attempt, or the next question, is a new card with empty local state.
            let key = learner.progress.attempt(&module.id).and_then(|a| {
                let item = a.plan.items.get(index)?;
                Some(format!("{}-{index}-{}", a.started_ms, item.question_id))
            });
            html! {
                <question::QuestionCard key={key.unwrap_or_default()} module={module.id.clone()} {index} />
            }
        }
        QuizPhase::Unscored => html! { <results::FinishPrompt module={module.id.clone()} /> },
        QuizPhase::Intro => {
            let pass_mark = app.course().map_or(0, |c| c.organisation.pass_mark);
            let status = learner
                .progress
                .module_status(&module.id, now, validity_months);
            intro(module, pass_mark, &status, &learner, &app.landing, &words)
        }
    };
    html! {
        <section class="page quiz">
            <p class="eyebrow">{ title.clone() }</p>
            <PageTitle text={words.t("page.quiz").to_owned()} lang={words.lang_of("page.quiz")} of={AttrValue::from(title)} />
            { body }
        </section>
    }
}

/// What the quiz is, what it takes to pass, and the way in; for a pass due for renewal or
/// run out, until when it holds or held.
fn intro(
    module: &Module,
    pass_mark: u8,
    status: &ModuleStatus,
    learner: &LearnerHandle,
    landing: &Landing,
    words: &Words,
) -> Html {
    let role = learner.role_or_default();
    let count = quiz_length(module, role);
    let start = start_quiz_callback(module, learner, landing);
    let renewal = match status {
        ModuleStatus::RenewalDue { valid_until, .. } => Some(("quiz.intro.renew_due", valid_until)),
        ModuleStatus::Expired { valid_until, .. } => {
            Some(("quiz.intro.renew_expired", valid_until))
        }
        _ => None,
    };
    html! {
        <>
            if let Some((key, valid_until)) = renewal {
                <p class="callout warning">{ words.fill_html(key, &[("date", &date(words.lang(), *valid_until))]) }</p>
            }
            <p>{ counted_html(words, "quiz.intro", count, &[("count", &count.to_string())]) }</p>
            <p>{ words.fill_html("quiz.intro.pass", &[("mark", &pass_mark.to_string())]) }</p>
            <p>{ words.html("quiz.intro.saved") }</p>
            <button type="button" class="button" onclick={start}>{ words.html("quiz.start") }</button>
        </>
    }
}

/// Draws a fresh, reshuffled set of questions and starts an attempt with it. The button
/// pressed goes with the page it was on, so the first question takes the focus even where the
/// visit began on this quiz's page (by a link or a reload): the learner has moved on.
pub fn start_quiz_callback(
    module: &Module,
    learner: &LearnerHandle,
    landing: &Landing,
) -> Callback<MouseEvent> {
    let module = module.id.clone();
    let (learner, landing) = (learner.clone(), landing.clone());
    Callback::from(move |_| {
        landing.moved_on();
        learner.start_quiz(&module)
    })
}
