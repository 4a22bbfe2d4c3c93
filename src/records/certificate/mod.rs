//! The certificate page: what is missing until every required module is passed, then the
//! learner's details and the certificate as a PDF, a completion file for the manager, a
//! calendar reminder for renewal, a print view and the pocket card.

mod details;
mod documents;
mod record;

use trygg_core::certificate::CertificateError;
use trygg_core::content::Course;
use trygg_core::progress::{ModuleStatus, Progress, Renewal};
use yew::prelude::*;

use crate::shared::browser::clock::local_clock;
use crate::shared::components::inline_text::plain;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn CertificatePage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let lang = words.lang();
    let Some(course) = app.course() else {
        return html! {};
    };
    let role = learner.role_or_default();
    let standing = learner
        .progress
        .certificate(course, role, lang, local_clock());
    let body = match (learner.role(), standing) {
        (None, _) => html! {
            <p class="callout info">{ words.html("certificate.no_role") }{ " " }<a href={Route::Start.href()}>{ words.html("training.choose_role") }</a></p>
        },
        (Some(_), Err(not_yet)) => missing_list(course, &learner.progress, &not_yet, &words),
        (Some(_), Ok(record)) => html! {
            <>
                if let Some(first) = record.first_to_expire() {
                    <p class="callout info no-print">
                        { words.fill_html("certificate.expires_first", &[("date", &crate::shared::i18n::date(words.lang(), first.valid_until)), ("module", &first.title)]) }
                        { " " }
                        <a href={Route::Quiz { module: first.id.clone() }.href()}>{ words.fill_html("certificate.retake_first", &[("module", &first.title)]) }</a>
                    </p>
                }
                <details::CertificateFlow />
            </>
        },
    };

    html! {
        <section class="page certificate-page">
            <PageTitle text={words.t("page.certificate").to_owned()} lang={words.lang_of("page.certificate")} />
            { body }
        </section>
    }
}

/// The required modules that stand between the learner and the certificate, each with why
/// and a link to its lessons.
fn missing_list(
    course: &Course,
    progress: &Progress,
    not_yet: &CertificateError,
    words: &Words,
) -> Html {
    let now = local_clock();
    let items = course
        .required_modules(progress.role_or_default())
        .into_iter()
        .filter(|m| not_yet.not_passed.contains(&m.id) || not_yet.expired.contains(&m.id))
        .map(|m| {
            let why = match progress.status_in(course, &m.id, now) {
                ModuleStatus::Expired { .. } => "status.expired",
                ModuleStatus::InProgress { .. } => "status.in_progress",
                ModuleStatus::NotPassed { .. } => "status.not_passed",
                _ => "status.not_started",
            };
            html! {
                <li><a href={Route::Lesson { module: m.id.clone(), step: 1 }.href()}>{ plain(&m.title) }</a>{ " – " }{ words.html(why) }</li>
            }
        });
    // A learner whose certificate has run out reads until when it held, not that it "becomes
    // available" as if they had never passed.
    let intro = match progress.renewal(course, progress.role_or_default(), now) {
        Some(Renewal::Expired { valid_until }) => words.fill_html(
            "certificate.expired_intro",
            &[(
                "date",
                &crate::shared::i18n::date(words.lang(), valid_until),
            )],
        ),
        _ => words.html("certificate.missing"),
    };
    html! {
        <>
            <p>{ intro }</p>
            <ul class="missing-list">{ for items }</ul>
            <p><a class="button" href={Route::Training.href()}>{ words.html("certificate.to_training") }</a></p>
        </>
    }
}
