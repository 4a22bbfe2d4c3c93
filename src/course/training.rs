//! "My training": the role's required (and optional) modules with their status, where the
//! learner is in each, and overall progress.

use trygg_core::content::{Module, Role};
use trygg_core::date::Date;
use trygg_core::progress::{ModuleStatus, Progress};
use yew::prelude::*;

use crate::shared::browser::clock::now_ms;
use crate::shared::components::inline_text::plain;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::{counted, date, role_key, Words};
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn TrainingPage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let Some(course) = app.course() else {
        return html! {};
    };
    let role = learner.role_or_default();
    let progress = &learner.progress;
    let now = now_ms();
    let required: Vec<&Module> = course.required_modules(role);
    let optional: Vec<&Module> = course.optional_modules(role);
    let statuses: Vec<ModuleStatus> = required
        .iter()
        .map(|m| progress.status_in(course, &m.id, now))
        .collect();
    let (done, total) = progress.required_done(course, role, now);
    let summary = words.fill(
        "training.summary",
        &[("done", &done.to_string()), ("total", &total.to_string())],
    );
    let card = Card {
        words: &words,
        role,
        progress,
        pass_mark: course.organisation.pass_mark,
    };

    html! {
        <section class="page">
            <PageTitle text={words.t("page.training").to_owned()} />
            if learner.role().is_none() {
                <p class="callout info">{ words.t("training.no_role") }{ " " }<a href={Route::Start.href()}>{ words.t("training.choose_role") }</a></p>
            } else {
                <p>{ words.fill("training.role", &[("role", words.t(role_key(role)))]) }{ " " }<a href={Route::Start.href()}>{ words.t("training.change_role") }</a></p>
            }
            <p class="overall">{ summary.clone() }</p>
            <progress class="step-bar" max={total.to_string()} value={done.to_string()} aria-label={summary}></progress>
            if done == total && total > 0 {
                <p class="callout tip">{ words.t("training.all_done") }{ " " }<a href={Route::Certificate.href()}>{ words.t("training.get_certificate") }</a></p>
            }
            <h2>{ words.t("training.required") }</h2>
            <ol class="module-list">
                { for required.iter().zip(statuses).map(|(m, s)| module_card(m, &s, &card)) }
            </ol>
            if !optional.is_empty() {
                <h2>{ words.t("training.optional") }</h2>
                <ul class="module-list">
                    { for optional.iter().map(|m| module_card(m, &progress.status_in(course, &m.id, now), &card)) }
                </ul>
            }
        </section>
    }
}

/// The day of a moment, as the language writes dates.
pub fn date_of(words: &Words, ms: u64) -> String {
    date(words.lang(), Date::from_unix_ms(ms))
}

/// What every module card needs besides its module and status.
struct Card<'a> {
    words: &'a Words,
    role: Role,
    progress: &'a Progress,
    pass_mark: u8,
}

fn module_card(module: &Module, status: &ModuleStatus, card: &Card) -> Html {
    let (words, role) = (card.words, card.role);
    let pages = module.lesson_sections(role).len();
    let lesson = |step: usize| Route::Lesson {
        module: module.id.clone(),
        step,
    };
    let quiz = Route::Quiz {
        module: module.id.clone(),
    };
    let (badge_class, badge, detail, primary, secondary) = match status {
        ModuleStatus::NotStarted => (
            "badge",
            words.t("status.not_started").to_string(),
            String::new(),
            (lesson(1), words.t("training.start")),
            None,
        ),
        ModuleStatus::InProgress {
            lesson_step,
            question,
        } => {
            let step = module.lesson_page_of(role, *lesson_step);
            match question {
                Some(q) => (
                    "badge progress",
                    words.t("status.in_progress").to_string(),
                    words.fill("status.at_question", &[("n", &(q + 1).to_string())]),
                    (quiz.clone(), words.t("training.continue")),
                    Some((lesson(1), words.t("training.review_lessons"))),
                ),
                None => (
                    "badge progress",
                    words.t("status.in_progress").to_string(),
                    words.fill(
                        "status.at_section",
                        &[("n", &step.to_string()), ("total", &pages.to_string())],
                    ),
                    (lesson(step), words.t("training.continue")),
                    Some((quiz.clone(), words.t("training.to_quiz"))),
                ),
            }
        }
        ModuleStatus::NotPassed { .. } => (
            "badge bad",
            words.t("status.not_passed").to_string(),
            match card
                .progress
                .last_score(module, card.pass_mark)
                .map(|s| s.percent)
            {
                Some(percent) => words.fill(
                    "status.not_passed_detail",
                    &[
                        ("percent", &percent.to_string()),
                        ("pass", &card.pass_mark.to_string()),
                    ],
                ),
                None => String::new(),
            },
            (quiz.clone(), words.t("training.retake")),
            Some((lesson(1), words.t("training.review_lessons"))),
        ),
        ModuleStatus::Passed { percent, passed_ms } => (
            "badge ok",
            words.t("status.passed").to_string(),
            words.fill(
                "status.passed_detail",
                &[
                    ("percent", &percent.to_string()),
                    ("date", &date_of(words, *passed_ms)),
                ],
            ),
            (lesson(1), words.t("training.review_lessons")),
            Some((quiz.clone(), words.t("training.retake"))),
        ),
        ModuleStatus::RenewalDue {
            percent,
            valid_until,
            ..
        } => (
            "badge warn",
            words.t("status.renewal_due").to_string(),
            words.fill(
                "status.renewal_detail",
                &[
                    ("percent", &percent.to_string()),
                    ("date", &date(words.lang(), *valid_until)),
                ],
            ),
            (quiz.clone(), words.t("training.renew")),
            Some((lesson(1), words.t("training.review_lessons"))),
        ),
        ModuleStatus::Expired { valid_until, .. } => (
            "badge bad",
            words.t("status.expired").to_string(),
            words.fill(
                "status.expired_detail",
                &[("date", &date(words.lang(), *valid_until))],
            ),
            (quiz.clone(), words.t("training.renew")),
            Some((lesson(1), words.t("training.review_lessons"))),
        ),
    };
    let title = module.title.value.clone();
    let minutes = module.minutes.to_string();
    html! {
        <li class="module-card">
            <h3>{ plain(&module.title) }</h3>
            <p class="status"><span class={badge_class}>{ badge }</span>{ " " }{ detail }</p>
            <p>{ plain(&module.summary) }</p>
            <p class="module-meta">{ counted(words, "training.minutes", usize::from(module.minutes), &[("minutes", &minutes)]) }</p>
            <p class="button-row">
                <a class="button" href={primary.0.href()} aria-label={format!("{}: {}", primary.1, title)}>{ primary.1 }</a>
                { secondary.map(|(r, label)| html! {
                    <a class="button secondary" href={r.href()} aria-label={format!("{label}: {title}")}>{ label }</a>
                }).unwrap_or_default() }
            </p>
        </li>
    }
}
