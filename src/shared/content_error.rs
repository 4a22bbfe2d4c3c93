//! Shown when the course files cannot be fetched or fail validation: the same messages as
//! `trygg content check`, instead of a blank page.

use yew::prelude::*;

use crate::shared::browser::fetch::FetchError;
use crate::shared::browser::worker;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;
use crate::shared::state::{use_app, ContentFailure};

#[derive(Properties, PartialEq)]
pub struct ContentErrorProps {
    pub failure: ContentFailure,
}

#[component]
pub fn ContentError(props: &ContentErrorProps) -> Html {
    let app = use_app();
    let words = app.words();
    let retry = {
        let app = app.clone();
        Callback::from(move |_| app.retry())
    };
    // Without a network, a file this device never fetched is not a fault to report.
    let offline = not_kept_offline(&props.failure);
    let detail = match &props.failure {
        ContentFailure::Fetch { file, error } => {
            let reason = fetch_reason(error, &words);
            html! { <p>{ words.fill_html("content_error.fetch", &[("file", file), ("reason", &reason)]) }</p> }
        }
        ContentFailure::Invalid(issues) => html! {
            <>
                <p>{ words.html("content_error.invalid") }</p>
                <ul class="issue-list">
                    // The content check's own words are English, and marked so (WCAG 3.1.2).
                    { for issues.iter().map(|issue| html! { <li><code lang="en">{ issue.to_string() }</code></li> }) }
                </ul>
            </>
        },
    };
    html! {
        <section class="page" role="alert">
            <PageTitle text={words.t("content_error.title").to_owned()} lang={words.lang_of("content_error.title")} />
            { detail }
            if !offline {
                <p>{ words.html("content_error.who") }</p>
            }
            <p><button type="button" class="button" onclick={retry}>{ words.html("content_error.retry") }</button></p>
        </section>
    }
}

/// The failure in one line, for a notice: the file and why (as the error page says it), or
/// the content check's messages, which are English and marked so.
pub fn failure_html(failure: &ContentFailure, words: &Words) -> Html {
    match failure {
        ContentFailure::Fetch { file, error } => {
            html! { format!("{file}: {}", fetch_reason(error, words)) }
        }
        ContentFailure::Invalid(issues) => {
            let text = issues
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("; ");
            html! { <span lang="en">{ text }</span> }
        }
    }
}

/// Whether `failure` is a file this device has not kept, asked for without a network: what
/// the learner is told then is to come back online, not that the course is at fault.
pub fn not_kept_offline(failure: &ContentFailure) -> bool {
    matches!(
        failure,
        ContentFailure::Fetch {
            error: FetchError::Network,
            ..
        }
    ) && !worker::online()
}

/// The whole `<main>` for a failure, for the app and the course module alike.
pub fn content_error(failure: &ContentFailure) -> Html {
    html! {
        <main id="main" tabindex="-1" data-route="content-error">
            <ContentError failure={failure.clone()} />
        </main>
    }
}

/// The waiting message inside `<main>` while files load.
pub fn loading(words: &Words) -> Html {
    html! {
        <div class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            { words.html("loading.content") }
        </div>
    }
}

/// Why a file could not be fetched, in the learner's language.
pub fn fetch_reason(error: &FetchError, words: &Words) -> String {
    match error {
        FetchError::Network if !worker::online() => words.t("offline.not_kept").to_string(),
        FetchError::Network => words.t("content_error.network").to_string(),
        FetchError::Status(code) => {
            words.fill("content_error.status", &[("code", &code.to_string())])
        }
    }
}
