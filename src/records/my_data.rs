//! "My data": download the saved progress, restore it in another browser, or delete it all.
//! A restored file is checked first; a wrong, foreign, newer or oversized file changes nothing.

use trygg_core::language::Words;
use trygg_core::progress::{load_progress, to_json, Progress, MAX_PROGRESS_BYTES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::shared::browser::file_read::{files_of, read_file};
use crate::shared::browser::storage::Persistence;
use crate::shared::components::confirm_box::ConfirmBox;
use crate::shared::components::download_failed::DownloadFailed;
use crate::shared::components::page_title::PageTitle;
use crate::shared::components::storage_banner::{
    progress_error_reason, progress_file_name, ProgressErrorKeys,
};
use crate::shared::hooks::{use_confirm, use_downloads};
use crate::shared::i18n::WordsHtml;
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;

#[derive(Clone, PartialEq)]
enum RestoreState {
    Idle,
    Done,
    Failed { file: String, reason: String },
}

/// The page: where the progress is kept, then one section per thing the learner can do with
/// it. Each section holds its own state.
#[component]
pub fn MyDataPage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let where_kept = match (learner.store.persistence(), learner.lms.is_some()) {
        (Persistence::Memory, _) => "data.where.memory",
        (_, true) => "data.where.lms",
        (Persistence::Local, false) => "data.where.local",
        (Persistence::Session, false) => "data.where.session",
    };
    html! {
        <section class="page prose">
            <PageTitle text={words.t("page.data").to_owned()} lang={words.lang_of("page.data")} />
            <p>{ words.html(where_kept) }</p>
            <DownloadProgress />
            <RestoreProgress />
            <Backups />
            <DeleteEverything />
        </section>
    }
}

/// Downloads the saved progress as a file.
#[component]
fn DownloadProgress() -> Html {
    let words = use_app().words();
    let learner = use_learner();
    let downloads = use_downloads();
    let onclick = {
        let progress = learner.progress.clone();
        let downloads = downloads.clone();
        let words = words.clone();
        Callback::from(move |_| {
            let json = to_json(&progress);
            downloads.offer(
                &progress_file_name(&words, &progress.course_id),
                "application/json",
                json.as_bytes(),
            );
        })
    };
    html! {
        <>
            <h2>{ words.html("data.download.title") }</h2>
            // Nothing saved (a first visit, or after "delete everything"): no empty file.
            if learner.progress.worth_saving() {
                <p>{ words.html("data.download.text") }</p>
                <p><button type="button" class="button" {onclick}>{ words.html("data.download.button") }</button></p>
            } else {
                <p>{ words.html("data.download.nothing") }</p>
            }
            <DownloadFailed file={downloads.refused()} />
        </>
    }
}

/// Reads a progress file the learner picks and merges it in, or says why it changes nothing.
#[component]
fn RestoreProgress() -> Html {
    let words = use_app().words();
    let learner = use_learner();
    let restore = use_state(|| RestoreState::Idle);
    let onchange = {
        let learner = learner.clone();
        let restore = restore.clone();
        let words = words.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = files_of(input.files()).into_iter().next() else {
                return;
            };
            input.set_value("");
            let learner = learner.clone();
            let restore = restore.clone();
            let words = words.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let course_id = learner.progress.course_id.clone();
                let outcome = read_restore_file(&file, &course_id, &words).await;
                match outcome {
                    Ok(progress) => {
                        learner.restore(progress);
                        restore.set(RestoreState::Done);
                    }
                    Err(reason) => restore.set(RestoreState::Failed { file: name, reason }),
                }
            });
        })
    };
    html! {
        <>
            <h2>{ words.html("data.restore.title") }</h2>
            <p>{ words.html("data.restore.text") }</p>
            <p>
                <label for="restore-file" class="file-label">{ words.html("data.restore.label") }</label>
                <input type="file" id="restore-file" accept=".json,application/json" {onchange} />
            </p>
            <div role="status" class="restore-status">
                { match &*restore {
                    RestoreState::Idle => html! {},
                    RestoreState::Done => html! { <p class="feedback ok">{ words.html("data.restore.done") }</p> },
                    RestoreState::Failed { file, reason } => html! {
                        <p class="feedback bad">{ words.fill_html("data.restore.failed", &[("file", file), ("reason", reason)]) }</p>
                    },
                } }
            </div>
        </>
    }
}

/// The progress in `file`, checked against `course_id`; else why it was refused, in words.
async fn read_restore_file(
    file: &web_sys::File,
    course_id: &str,
    words: &Words,
) -> Result<Progress, String> {
    if file.size() > MAX_PROGRESS_BYTES as f64 {
        return Err(words.fill(
            "data.restore.too_large",
            &[("max", &(MAX_PROGRESS_BYTES / 1024).to_string())],
        ));
    }
    let Some(picked) = read_file(file).await else {
        return Err(words.t("data.restore.unreadable").to_string());
    };
    let text = String::from_utf8_lossy(&picked.bytes);
    load_progress(&text, course_id, MAX_PROGRESS_BYTES)
        .map_err(|error| progress_error_reason(&error, words, &RESTORE))
}

/// Progress set aside when the app opened (unreadable, or an earlier LMS attempt's), to
/// download; kept until everything is deleted. Nothing when there is none.
#[component]
fn Backups() -> Html {
    let words = use_app().words();
    let learner = use_learner();
    let downloads = use_downloads();
    let keys = learner.store.backups();
    let count = keys.len();
    if count == 0 {
        return html! {};
    }
    let buttons = keys.into_iter().enumerate().map(|(i, key)| {
        let store = learner.store.clone();
        let downloads = downloads.clone();
        let onclick = Callback::from(move |_| {
            let raw = store.backup(&key).unwrap_or_default();
            downloads.offer("trygg-backup.txt", "text/plain", raw.as_bytes());
        });
        let label = if count == 1 {
            words.t("data.backup.button").to_string()
        } else {
            words.fill("data.backup.button_n", &[("n", &(i + 1).to_string())])
        };
        html! { <p><button type="button" class="button secondary" {onclick}>{ label }</button></p> }
    });
    html! {
        <>
            <h2>{ words.html("data.backup.title") }</h2>
            <p>{ words.html("data.backup.text") }</p>
            { for buttons }
            <DownloadFailed file={downloads.refused()} />
        </>
    }
}

/// Deletes everything saved, once the learner confirms.
#[component]
fn DeleteEverything() -> Html {
    let words = use_app().words();
    let learner = use_learner();
    let confirm = use_confirm("delete-everything");
    let on_yes = {
        let done = confirm.done.clone();
        Callback::from(move |_| {
            learner.delete_all();
            done.emit(());
            // The button that opened the box is gone with the box; start again at the top.
            crate::shared::browser::document::focus_soon("page-title");
        })
    };
    html! {
        <>
            <h2>{ words.html("data.delete.title") }</h2>
            <p>{ words.html("data.delete.text") }</p>
            if confirm.shown {
                <ConfirmBox id="confirm-delete" title={words.t("data.delete.confirm_title").to_owned()} text={words.t("data.delete.confirm_text").to_owned()}
                    yes={words.t("data.delete.yes").to_owned()} no={words.t("data.delete.no").to_owned()} {on_yes} on_no={confirm.cancel.clone()} />
            } else {
                <p><button type="button" id="delete-everything" class="button secondary" onclick={confirm.ask.clone()}>{ words.html("data.delete.button") }</button></p>
            }
        </>
    }
}

/// Why a restore file was refused, in the learner's language.
const RESTORE: ProgressErrorKeys = ProgressErrorKeys {
    too_large: "data.restore.too_large",
    not_json: "data.restore.not_json",
    not_progress: "data.restore.not_progress",
    foreign: "data.restore.foreign",
    newer: "data.restore.newer",
};
