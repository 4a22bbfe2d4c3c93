//! The certificate page: what is missing until every required module is passed, then the
//! learner's details and the certificate as a PDF, a completion file for the manager, a
//! calendar reminder for renewal, a print view and the pocket card.

mod details;
mod documents;
mod record;

use trygg_core::certificate::CertificateError;
use trygg_core::content::{Course, Lang};
use trygg_core::progress::{ModuleStatus, Progress};
use yew::prelude::*;

use crate::shared::browser::clock::now_ms;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::{fill, t};
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn CertificatePage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let lang = app.lang;
    let Some(course) = app.course() else {
        return html! {};
    };
    let role = learner.role_or_default();
    let standing = learner.progress.certificate(course, role, lang, now_ms());
    let body = match (learner.role(), standing) {
        (None, _) => html! {
            <p class="callout info">{ t(lang, "certificate.no_role") }{ " " }<a href={Route::Start.href()}>{ t(lang, "training.choose_role") }</a></p>
        },
        (Some(_), Err(not_yet)) => missing_list(course, &learner.progress, &not_yet, lang),
        (Some(_), Ok(record)) => html! {
            <>
                if let Some(first) = record.first_to_expire() {
                    <p class="callout info no-print">
                        { fill(t(lang, "certificate.expires_first"), &[("date", &first.valid_until.to_string()), ("module", &first.title)]) }
                        { " " }
                        <a href={Route::Quiz { module: first.id.clone() }.href()}>{ fill(t(lang, "certificate.retake_first"), &[("module", &first.title)]) }</a>
                    </p>
                }
                <details::CertificateFlow />
            </>
        },
    };

    html! {
        <section class="page certificate-page">
            <PageTitle text={t(lang, "page.certificate")} />
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
    lang: Lang,
) -> Html {
    let now = now_ms();
    let items = course
        .required_modules(progress.role.unwrap_or(trygg_core::content::Role::Employee))
        .into_iter()
        .filter(|m| not_yet.not_passed.contains(&m.id) || not_yet.expired.contains(&m.id))
        .map(|m| {
            let why = match progress.status_in(course, &m.id, now) {
                ModuleStatus::Expired { .. } => t(lang, "status.expired"),
                ModuleStatus::InProgress { .. } => t(lang, "status.in_progress"),
                ModuleStatus::NotPassed { .. } => t(lang, "status.not_passed"),
                _ => t(lang, "status.not_started"),
            };
            html! {
                <li><a href={Route::Lesson { module: m.id.clone(), step: 1 }.href()}>{ m.title.get(lang).to_string() }</a>{ " – " }{ why }</li>
            }
        });
    html! {
        <>
            <p>{ t(lang, "certificate.missing") }</p>
            <ul class="missing-list">{ for items }</ul>
            <p><a class="button" href={Route::Training.href()}>{ t(lang, "certificate.to_training") }</a></p>
        </>
    }
}
