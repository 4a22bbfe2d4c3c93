//! Persistent warnings about where progress is kept, and one-off notices. Shown above every
//! page so a learner never believes progress is saved when it is not.

use trygg_core::progress::ProgressError;
use yew::prelude::*;

use crate::shared::browser::progress_store::OpenOutcome;
use crate::shared::browser::storage::{Persistence, StorageError};
use crate::shared::components::download_failed::DownloadFailed;
use crate::shared::hooks::use_downloads;
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;
use crate::shared::learner::{use_learner, Notice};
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn StorageBanner() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let mut warnings: Vec<Html> = Vec::new();
    let downloads = use_downloads();

    let download_progress = {
        let progress = learner.progress.clone();
        let downloads = downloads.clone();
        let words = words.clone();
        Callback::from(move |_| {
            let json = trygg_core::progress::to_json(&progress);
            downloads.offer(
                &progress_file_name(&words, &progress.course_id),
                "application/json",
                json.as_bytes(),
            );
        })
    };
    let download_button = || {
        html! { <button type="button" class="button secondary small" onclick={download_progress.clone()}>{ words.html("storage.download") }</button> }
    };

    match &learner.opened {
        OpenOutcome::NewerVersion { .. } => {
            warnings.push(html! { <p>{ words.html("storage.newer") }</p> })
        }
        OpenOutcome::Unrecoverable { error } => warnings.push(html! {
            <p>{ words.fill_html("storage.unrecoverable", &[("reason", &unreadable_reason(error, &words))]) }</p>
        }),
        OpenOutcome::Recovered { error, backup_key } => {
            let raw = learner.store.backup(backup_key).unwrap_or_default();
            let downloads = downloads.clone();
            let save_backup = Callback::from(move |_| {
                downloads.offer("trygg-backup.txt", "text/plain", raw.as_bytes());
            });
            warnings.push(html! {
                <>
                    <p>{ words.fill_html("storage.recovered", &[("reason", &unreadable_reason(error, &words))]) }</p>
                    <p><button type="button" class="button secondary small" onclick={save_backup}>{ words.html("storage.download_backup") }</button></p>
                </>
            });
        }
        OpenOutcome::Fresh | OpenOutcome::Loaded => {}
    }
    match learner.store.persistence() {
        Persistence::Memory => warnings.push(html! {
            <><p>{ words.html("storage.blocked") }</p><p>{ download_button() }</p></>
        }),
        Persistence::Session => warnings.push(html! {
            <><p>{ words.html("storage.session") }</p><p>{ download_button() }</p></>
        }),
        Persistence::Local => {}
    }
    if let Some(error) = &learner.save_error {
        let text = match error {
            StorageError::Full => words.t("storage.full").to_string(),
            StorageError::Refused(name) => words.fill("storage.refused", &[("reason", name)]),
        };
        warnings.push(html! { <><p>{ text }</p><p>{ download_button() }</p></> });
    }

    let notices: Vec<Html> = learner
        .notices
        .iter()
        .map(|n| {
            let text = match n {
                Notice::QuizRestarted { module_id } => {
                    let title = app
                        .course()
                        .and_then(|c| c.module(module_id))
                        .map(|m| m.title.value.clone())
                        .unwrap_or_else(|| module_id.clone());
                    words.fill("notice.quiz_restarted", &[("module", &title)])
                }
                Notice::Deleted => words.t("notice.deleted").to_string(),
            };
            html! { <p>{ text }</p> }
        })
        .collect();
    let dismiss = {
        let learner = learner.clone();
        Callback::from(move |_| learner.dismiss_notices())
    };

    html! {
        <>
            if !warnings.is_empty() {
                <div class="banner warning" role="status">
                    { for warnings }
                    <DownloadFailed file={downloads.refused()} />
                    <p><a href={Route::MyData.href()}>{ words.html("storage.more") }</a></p>
                </div>
            }
            if !notices.is_empty() {
                <div class="banner info" role="status">
                    { for notices }
                    <button type="button" class="button secondary small" onclick={dismiss}>{ words.html("notice.dismiss") }</button>
                </div>
            }
        </>
    }
}

/// The file name for a downloaded progress file, in the page's language: a learner finds it
/// in their downloads by a word they read.
pub fn progress_file_name(words: &Words, course_id: &str) -> String {
    format!("{}-{course_id}.json", words.t("file.progress"))
}

/// The keys that word each [`ProgressError`] for one place: the storage banner speaks of
/// "your saved progress", the restore form of "the file".
pub struct ProgressErrorKeys {
    pub too_large: &'static str,
    pub not_json: &'static str,
    pub not_progress: &'static str,
    pub foreign: &'static str,
    pub newer: &'static str,
}

const UNREADABLE: ProgressErrorKeys = ProgressErrorKeys {
    too_large: "storage.reason.too_large",
    not_json: "storage.reason.not_json",
    not_progress: "storage.reason.not_progress",
    foreign: "storage.reason.foreign",
    newer: "storage.reason.newer",
};

/// Why progress could not be read, in the learner's language (the error's own `Display` is
/// English, for the CLI).
pub fn progress_error_reason(
    error: &ProgressError,
    words: &Words,
    keys: &ProgressErrorKeys,
) -> String {
    match error {
        ProgressError::TooLarge { max, .. } => {
            words.fill(keys.too_large, &[("max", &(max / 1024).to_string())])
        }
        ProgressError::NotJson { line, column, .. } => words.fill(
            keys.not_json,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        ProgressError::NotProgress(_) => words.t(keys.not_progress).to_string(),
        ProgressError::ForeignCourse { found, .. } => {
            words.fill(keys.foreign, &[("course", found)])
        }
        ProgressError::NewerVersion { .. } => words.t(keys.newer).to_string(),
    }
}

fn unreadable_reason(error: &ProgressError, words: &Words) -> String {
    progress_error_reason(error, words, &UNREADABLE)
}
