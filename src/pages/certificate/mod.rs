//! The certificate page: what is missing until every required module is passed, then the
//! learner's details and the certificate as a PDF, a completion file for the manager, a
//! calendar reminder for renewal, a print view and the pocket card.

mod details;
mod documents;
mod record;

use trygg_core::progress::ModuleStatus;
use yew::prelude::*;

use crate::browser::clock::now_ms;
use crate::components::page_title::PageTitle;
use crate::i18n::t;
use crate::learner::use_learner;
use crate::pages::training::{counts_as_done, status_of};
use crate::route::Route;
use crate::state::use_app;

#[component]
pub fn CertificatePage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let lang = app.lang;
    let Some(course) = app.course() else {
        return html! {};
    };
    let role = learner.role_or_default();
    let now = now_ms();
    let missing: Vec<(String, String, ModuleStatus)> = course
        .required_modules(role)
        .into_iter()
        .map(|m| {
            (
                m.id.clone(),
                m.title.get(lang).to_string(),
                status_of(&learner.progress, course, &m.id, now),
            )
        })
        .filter(|(_, _, s)| !counts_as_done(s))
        .collect();

    let body = if learner.role().is_none() {
        html! {
            <p class="callout info">{ t(lang, "certificate.no_role") }{ " " }<a href={Route::Start.href()}>{ t(lang, "training.choose_role") }</a></p>
        }
    } else if !missing.is_empty() {
        html! {
            <>
                <p>{ t(lang, "certificate.missing") }</p>
                <ul class="missing-list">
                    { for missing.iter().map(|(id, title, status)| {
                        let why = match status {
                            ModuleStatus::Expired { .. } => t(lang, "status.expired"),
                            ModuleStatus::InProgress { .. } => t(lang, "status.in_progress"),
                            ModuleStatus::NotPassed { .. } => t(lang, "status.not_passed"),
                            _ => t(lang, "status.not_started"),
                        };
                        html! {
                            <li><a href={Route::Lesson { module: id.clone(), step: 1 }.href()}>{ title.clone() }</a>{ " – " }{ why }</li>
                        }
                    }) }
                </ul>
                <p><a class="button" href={Route::Training.href()}>{ t(lang, "certificate.to_training") }</a></p>
            </>
        }
    } else {
        html! { <details::CertificateFlow /> }
    };

    html! {
        <section class="page certificate-page">
            <PageTitle text={t(lang, "page.certificate")} />
            { body }
        </section>
    }
}
