//! "My training": the role's required (and optional) modules with their status, where the
//! learner is in each, and overall progress.

use trygg_core::content::{Module, Role};
use trygg_core::progress::{ModuleStatus, Progress, Renewal};
use yew::prelude::*;

use crate::shared::browser::clock::{local_clock, local_day};
use crate::shared::browser::lazy::prefetch_records;
use crate::shared::components::inline_text::plain;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{counted_html, date, role_key, Words};
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn TrainingPage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let role = learner.role_or_default();
    let progress = &learner.progress;
    let now = local_clock();
    let certificate_ready = app
        .course()
        .is_some_and(|c| progress.certificate_ready(c, role, words.lang(), now));
    // The certificate is a module of its own: fetched while the learner reads this page.
    use_effect_with(certificate_ready, |ready| {
        if *ready {
            prefetch_records();
        }
    });
    let Some(course) = app.course() else {
        return html! {};
    };
    let required: Vec<&Module> = course.required_modules(role);
    let optional: Vec<&Module> = course.optional_modules(role);
    let statuses: Vec<ModuleStatus> = required
        .iter()
        .map(|m| progress.status_in(course, &m.id, now))
        .collect();
    let (done, total) = progress.required_done(course, role, now);
    let renewal = progress.renewal(course, role, now).map(|r| match r {
        Renewal::Due { valid_until } => ("training.renewal_due", valid_until),
        Renewal::Expired { valid_until } => ("training.renewal_expired", valid_until),
    });
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
            <PageTitle text={words.t("page.training").to_owned()} lang={words.lang_of("page.training")} />
            if learner.role().is_none() {
                <p class="callout info">{ words.html("training.no_role") }{ " " }<a href={Route::Start.href()}>{ words.html("training.choose_role") }</a></p>
            } else {
                <p>{ words.fill_html("training.role", &[("role", words.t(role_key(role)))]) }{ " " }<a href={Route::Start.href()}>{ words.html("training.change_role") }</a></p>
            }
            <p class="overall" lang={words.lang_of("training.summary")}>{ summary.clone() }</p>
            <progress class="step-bar" max={total.to_string()} value={done.to_string()} aria-label={summary}></progress>
            if certificate_ready {
                <p class="callout tip">{ words.html("training.all_done") }{ " " }<a href={Route::Certificate.href()}>{ words.html("training.get_certificate") }</a></p>
            }
            if let Some((key, valid_until)) = renewal {
                <p class="callout warning">{ words.fill_html(key, &[("date", &date(words.lang(), valid_until))]) }</p>
            }
            <h2>{ words.html("training.required") }</h2>
            <ol class="module-list">
                { for required.iter().zip(statuses).map(|(m, s)| module_card(m, &s, &card)) }
            </ol>
            if !optional.is_empty() {
                <h2>{ words.html("training.optional") }</h2>
                <ul class="module-list">
                    { for optional.iter().map(|m| module_card(m, &progress.status_in(course, &m.id, now), &card)) }
                </ul>
            }
        </section>
    }
}

/// The day of a moment, as the language writes dates.
pub fn date_of(words: &Words, ms: u64) -> String {
    date(words.lang(), local_day(ms))
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
            "status.not_started",
            Html::default(),
            (lesson(1), "training.start"),
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
                    "status.in_progress",
                    words.fill_html("status.at_question", &[("n", &(q + 1).to_string())]),
                    (quiz.clone(), "training.continue"),
                    Some((lesson(1), "training.review_lessons")),
                ),
                None => (
                    "badge progress",
                    "status.in_progress",
                    words.fill_html(
                        "status.at_section",
                        &[("n", &step.to_string()), ("total", &pages.to_string())],
                    ),
                    (lesson(step), "training.continue"),
                    Some((quiz.clone(), "training.to_quiz")),
                ),
            }
        }
        ModuleStatus::NotPassed { .. } => (
            "badge bad",
            "status.not_passed",
            match card
                .progress
                .last_score(module, card.pass_mark)
                .map(|s| s.percent)
            {
                Some(percent) => words.fill_html(
                    "status.not_passed_detail",
                    &[
                        ("percent", &percent.to_string()),
                        ("pass", &card.pass_mark.to_string()),
                    ],
                ),
                None => Html::default(),
            },
            (quiz.clone(), "training.retake"),
            Some((lesson(1), "training.review_lessons")),
        ),
        ModuleStatus::Passed { percent, passed_ms } => (
            "badge ok",
            "status.passed",
            words.fill_html(
                "status.passed_detail",
                &[
                    ("percent", &percent.to_string()),
                    ("date", &date_of(words, *passed_ms)),
                ],
            ),
            (lesson(1), "training.review_lessons"),
            Some((quiz.clone(), "training.retake")),
        ),
        ModuleStatus::RenewalDue {
            percent,
            valid_until,
            ..
        } => (
            "badge warn",
            "status.renewal_due",
            words.fill_html(
                "status.renewal_detail",
                &[
                    ("percent", &percent.to_string()),
                    ("date", &date(words.lang(), *valid_until)),
                ],
            ),
            (quiz.clone(), "training.renew"),
            Some((lesson(1), "training.review_lessons")),
        ),
        ModuleStatus::Expired { valid_until, .. } => (
            "badge bad",
            "status.expired",
            words.fill_html(
                "status.expired_detail",
                &[("date", &date(words.lang(), *valid_until))],
            ),
            (quiz.clone(), "training.renew"),
            Some((lesson(1), "training.review_lessons")),
        ),
    };
    let title = module.title.value.clone();
    let minutes = module.minutes.to_string();
    html! {
        <li class="module-card">
            <h3>{ plain(&module.title) }</h3>
            <p class="status"><span class={badge_class}>{ words.html(badge) }</span>{ " " }{ detail }</p>
            <p>{ plain(&module.summary) }</p>
            <p class="module-meta">{ counted_html(words, "training.minutes", usize::from(module.minutes), &[("minutes", &minutes)]) }</p>
            <p class="button-row">
                <a class="button" href={primary.0.href()} aria-label={format!("{}: {}", words.t(primary.1), title)}>{ words.html(primary.1) }</a>
                { secondary.map(|(r, label)| html! {
                    <a class="button secondary" href={r.href()} aria-label={format!("{}: {title}", words.t(label))}>{ words.html(label) }</a>
                }).unwrap_or_default() }
            </p>
        </li>
    }
}
