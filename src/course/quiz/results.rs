//! The end of a quiz: score against the pass mark, a review of every question, and the
//! way on (retry with a fresh set, or back to the training).

use trygg_core::progress::ModuleStatus;
use trygg_core::quiz::{question_by_id, score_answer, QuestionScore};
use yew::prelude::*;

use super::answer_text;
use super::start_quiz_callback;
use crate::shared::browser::clock::local_clock;
use crate::shared::browser::document::focus;
use crate::shared::components::inline_text::inline;
use crate::shared::i18n::{date, WordsHtml};
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub module: String,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    use_effect_with((), |_| focus("result-title"));
    let course = app.course();
    let module = course.and_then(|c| c.module(&props.module));
    let attempt = learner.progress.attempt(&props.module);
    let (Some(course), Some(module), Some(attempt)) = (course, module, attempt) else {
        return html! {};
    };
    let pass_mark = course.organisation.pass_mark;
    let Some(score) = learner.progress.last_score(module, pass_mark) else {
        return html! {};
    };
    let summary = words.fill(
        "quiz.result.score",
        &[
            ("percent", &score.percent.to_string()),
            ("correct", &score.correct_count.to_string()),
            ("total", &score.total.to_string()),
            ("mark", &pass_mark.to_string()),
        ],
    );
    let retry = start_quiz_callback(module, &learner, &app.landing);
    let validity_months = course.organisation.validity_months;
    let still_valid =
        match learner
            .progress
            .module_status(&module.id, local_clock(), validity_months)
        {
            ModuleStatus::RenewalDue { valid_until, .. } => Some(valid_until),
            _ => None,
        };
    let reviews = attempt.plan.items.iter().enumerate().filter_map(|(i, item)| {
        let q = question_by_id(module, &item.question_id)?;
        let answer = attempt.answers.get(i).cloned().flatten();
        let score = answer.as_ref().map(|a| score_answer(q, a));
        let right = score.as_ref().is_some_and(QuestionScore::is_full);
        let partly = score.as_ref().is_some_and(QuestionScore::is_partial);
        let (class, verdict) = match (right, partly) {
            (true, _) => ("review-item ok", "quiz.review.right"),
            (false, true) => ("review-item partly", "quiz.review.partly"),
            (false, false) => ("review-item bad", "quiz.review.wrong"),
        };
        let given = answer_text::given(q, item, answer.as_ref(), &words)
            .unwrap_or_else(|| answer_text::AnswerText::word(&words, "quiz.review.none"));
        Some(html! {
            <li class={class}>
                <h3><span class="verdict">{ words.html(verdict) }</span>{ " " }{ inline(&q.prompt) }</h3>
                { given.render(words.html("quiz.review.yours")) }
                if !right {
                    { answer_text::correct(q, item, &words).render(words.html("quiz.correct_answer")) }
                }
                <p class="explanation">{ inline(&q.explanation) }</p>
            </li>
        })
    });

    html! {
        <div class="results">
            <div class={if score.passed { "result-box ok" } else { "result-box bad" }}>
                <h2 id="result-title" tabindex="-1">{ if score.passed { words.html("quiz.result.passed") } else { words.html("quiz.result.failed") } }</h2>
                <p class="result-score" lang={words.lang_of("quiz.result.score")}>{ summary }</p>
                <p>{ if score.passed { words.html("quiz.result.passed_text") } else { words.html("quiz.result.failed_text") } }</p>
                // A retake failed while the earlier pass is due for renewal: that pass still
                // holds, and the learner should not read this as the certificate lost.
                if let (false, Some(valid_until)) = (score.passed, still_valid) {
                    <p>{ words.fill_html("quiz.result.still_valid", &[("date", &date(words.lang(), valid_until))]) }</p>
                }
                <p class="button-row">
                    if score.passed {
                        <a class="button" href={Route::Training.href()}>{ words.html("quiz.result.back") }</a>
                        <button type="button" class="button secondary" onclick={retry}>{ words.html("quiz.result.retake") }</button>
                    } else {
                        <button type="button" class="button" onclick={retry}>{ words.html("quiz.result.retry") }</button>
                        <a class="button secondary" href={Route::Lesson { module: module.id.clone(), step: 1 }.href()}>{ words.html("quiz.result.reread") }</a>
                    }
                </p>
            </div>
            <h2>{ words.html("quiz.review.title") }</h2>
            <ol class="review-list">{ for reviews }</ol>
        </div>
    }
}

/// Shown if every question is answered but the result was not yet recorded (e.g. the tab
/// closed in between).
#[component]
pub fn FinishPrompt(props: &ResultsProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let onclick = {
        let learner = learner.clone();
        let module_id = props.module.clone();
        Callback::from(move |_| learner.finish_quiz(&module_id))
    };
    html! {
        <p><button type="button" class="button" {onclick}>{ words.html("quiz.see_result") }</button></p>
    }
}
