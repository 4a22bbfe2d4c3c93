//! "My training": the role's required (and optional) modules with their status, where the
//! learner is in each, and overall progress.

use trygg_core::content::{Lang, Module, Role};
use trygg_core::date::Date;
use trygg_core::progress::{ModuleStatus, Progress};
use yew::prelude::*;

use crate::shared::browser::clock::now_ms;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::{fill, t};
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn TrainingPage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let lang = app.lang;
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
    let summary = fill(
        t(lang, "training.summary"),
        &[("done", &done.to_string()), ("total", &total.to_string())],
    );
    let card = Card {
        lang,
        role,
        progress,
        pass_mark: course.organisation.pass_mark,
    };

    html! {
        <section class="page">
            <PageTitle text={t(lang, "page.training")} />
            if learner.role().is_none() {
                <p class="callout info">{ t(lang, "training.no_role") }{ " " }<a href={Route::Start.href()}>{ t(lang, "training.choose_role") }</a></p>
            } else {
                <p>{ fill(t(lang, "training.role"), &[("role", t(lang, crate::shared::i18n::role_key(role)))]) }{ " " }<a href={Route::Start.href()}>{ t(lang, "training.change_role") }</a></p>
            }
            <p class="overall">{ summary.clone() }</p>
            <progress class="step-bar" max={total.to_string()} value={done.to_string()} aria-label={summary}></progress>
            if done == total && total > 0 {
                <p class="callout tip">{ t(lang, "training.all_done") }{ " " }<a href={Route::Certificate.href()}>{ t(lang, "training.get_certificate") }</a></p>
            }
            <h2>{ t(lang, "training.required") }</h2>
            <ol class="module-list">
                { for required.iter().zip(statuses).map(|(m, s)| module_card(m, &s, &card)) }
            </ol>
            if !optional.is_empty() {
                <h2>{ t(lang, "training.optional") }</h2>
                <ul class="module-list">
                    { for optional.iter().map(|m| module_card(m, &progress.status_in(course, &m.id, now), &card)) }
                </ul>
            }
        </section>
    }
}

pub fn date_of(ms: u64) -> String {
    Date::from_unix_ms(ms).to_string()
}

/// What every module card needs besides its module and status.
struct Card<'a> {
    lang: Lang,
    role: Role,
    progress: &'a Progress,
    pass_mark: u8,
}

fn module_card(module: &Module, status: &ModuleStatus, card: &Card) -> Html {
    let (lang, role) = (card.lang, card.role);
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
            t(lang, "status.not_started").to_string(),
            String::new(),
            (lesson(1), t(lang, "training.start")),
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
                    t(lang, "status.in_progress").to_string(),
                    fill(
                        t(lang, "status.at_question"),
                        &[("n", &(q + 1).to_string())],
                    ),
                    (quiz.clone(), t(lang, "training.continue")),
                    Some((lesson(1), t(lang, "training.review_lessons"))),
                ),
                None => (
                    "badge progress",
                    t(lang, "status.in_progress").to_string(),
                    fill(
                        t(lang, "status.at_section"),
                        &[("n", &step.to_string()), ("total", &pages.to_string())],
                    ),
                    (lesson(step), t(lang, "training.continue")),
                    Some((quiz.clone(), t(lang, "training.to_quiz"))),
                ),
            }
        }
        ModuleStatus::NotPassed { .. } => (
            "badge bad",
            t(lang, "status.not_passed").to_string(),
            match card
                .progress
                .last_score(module, card.pass_mark)
                .map(|s| s.percent)
            {
                Some(percent) => fill(
                    t(lang, "status.not_passed_detail"),
                    &[
                        ("percent", &percent.to_string()),
                        ("pass", &card.pass_mark.to_string()),
                    ],
                ),
                None => String::new(),
            },
            (quiz.clone(), t(lang, "training.retake")),
            Some((lesson(1), t(lang, "training.review_lessons"))),
        ),
        ModuleStatus::Passed { percent, passed_ms } => (
            "badge ok",
            t(lang, "status.passed").to_string(),
            fill(
                t(lang, "status.passed_detail"),
                &[
                    ("percent", &percent.to_string()),
                    ("date", &date_of(*passed_ms)),
                ],
            ),
            (lesson(1), t(lang, "training.review_lessons")),
            Some((quiz.clone(), t(lang, "training.retake"))),
        ),
        ModuleStatus::RenewalDue {
            percent,
            valid_until,
            ..
        } => (
            "badge warn",
            t(lang, "status.renewal_due").to_string(),
            fill(
                t(lang, "status.renewal_detail"),
                &[
                    ("percent", &percent.to_string()),
                    ("date", &valid_until.to_string()),
                ],
            ),
            (quiz.clone(), t(lang, "training.renew")),
            Some((lesson(1), t(lang, "training.review_lessons"))),
        ),
        ModuleStatus::Expired { valid_until, .. } => (
            "badge bad",
            t(lang, "status.expired").to_string(),
            fill(
                t(lang, "status.expired_detail"),
                &[("date", &valid_until.to_string())],
            ),
            (quiz.clone(), t(lang, "training.renew")),
            Some((lesson(1), t(lang, "training.review_lessons"))),
        ),
    };
    let title = module.title.get(lang).to_string();
    html! {
        <li class="module-card">
            <h3>{ title.clone() }</h3>
            <p class="status"><span class={badge_class}>{ badge }</span>{ " " }{ detail }</p>
            <p>{ module.summary.get(lang).to_string() }</p>
            <p class="module-meta">{ fill(t(lang, "training.minutes"), &[("minutes", &module.minutes.to_string())]) }</p>
            <p class="button-row">
                <a class="button" href={primary.0.href()} aria-label={format!("{}: {}", primary.1, title)}>{ primary.1 }</a>
                { secondary.map(|(r, label)| html! {
                    <a class="button secondary" href={r.href()} aria-label={format!("{label}: {title}")}>{ label }</a>
                }).unwrap_or_default() }
            </p>
        </li>
    }
}
