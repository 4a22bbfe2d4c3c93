//! "My data": download the saved progress, restore it in another browser, or delete it all.
//! A restored file is checked first; a wrong, foreign, newer or oversized file changes nothing.

use trygg_core::progress::{load_progress, to_json, MAX_PROGRESS_BYTES};
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

#[component]
pub fn MyDataPage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let confirm = use_confirm("delete-everything");
    let restore = use_state(|| RestoreState::Idle);
    let downloads = use_downloads();
    let backup_downloads = use_downloads();

    let on_download = {
        let progress = learner.progress.clone();
        let downloads = downloads.clone();
        Callback::from(move |_| {
            let json = to_json(&progress);
            downloads.offer(
                &progress_file_name(&progress.course_id),
                "application/json",
                json.as_bytes(),
            );
        })
    };
    let on_restore = {
        let learner = learner.clone();
        let restore = restore.clone();
        let course_id = learner.progress.course_id.clone();
        let words = words.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = files_of(input.files()).into_iter().next() else {
                return;
            };
            input.set_value("");
            let learner = learner.clone();
            let restore = restore.clone();
            let course_id = course_id.clone();
            let words = words.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                if file.size() > MAX_PROGRESS_BYTES as f64 {
                    let reason = words.fill(
                        "data.restore.too_large",
                        &[("max", &(MAX_PROGRESS_BYTES / 1024).to_string())],
                    );
                    restore.set(RestoreState::Failed { file: name, reason });
                    return;
                }
                let Some(picked) = read_file(&file).await else {
                    restore.set(RestoreState::Failed {
                        file: name,
                        reason: words.t("data.restore.unreadable").to_string(),
                    });
                    return;
                };
                let text = String::from_utf8_lossy(&picked.bytes);
                match load_progress(&text, &course_id, MAX_PROGRESS_BYTES) {
                    Ok(progress) => {
                        learner.restore(progress);
                        restore.set(RestoreState::Done);
                    }
                    Err(error) => restore.set(RestoreState::Failed {
                        file: name,
                        reason: progress_error_reason(&error, &words, &RESTORE),
                    }),
                }
            });
        })
    };
    let do_delete = {
        let done = confirm.done.clone();
        let learner = learner.clone();
        Callback::from(move |_| {
            learner.delete_all();
            done.emit(());
            // The button that opened the box is gone with the box; start again at the top.
            crate::shared::browser::document::focus_soon("page-title");
        })
    };
    let where_kept = match (learner.store.persistence(), learner.lms.is_some()) {
        (Persistence::Memory, _) => words.t("data.where.memory"),
        (_, true) => words.t("data.where.lms"),
        (Persistence::Local, false) => words.t("data.where.local"),
        (Persistence::Session, false) => words.t("data.where.session"),
    };

    // Unreadable progress set aside when the app opened; kept until everything is deleted.
    let backup_keys = learner.store.backups();
    let count = backup_keys.len();
    let backups = backup_keys.into_iter().enumerate().map(|(i, key)| {
        let store = learner.store.clone();
        let downloads = backup_downloads.clone();
        let onclick = Callback::from(move |_| {
            let raw = store.backup(&key).unwrap_or_default();
            downloads.offer("trygg-backup.txt", "text/plain", raw.as_bytes());
        });
        let label = if count == 1 {
            words.t("storage.download_backup").to_string()
        } else {
            words.fill("data.backup.button_n", &[("n", &(i + 1).to_string())])
        };
        html! { <p><button type="button" class="button secondary" {onclick}>{ label }</button></p> }
    });

    html! {
        <section class="page prose">
            <PageTitle text={words.t("page.data").to_owned()} />
            <p>{ where_kept }</p>
            <h2>{ words.html("data.download.title") }</h2>
            <p>{ words.html("data.download.text") }</p>
            <p><button type="button" class="button" onclick={on_download}>{ words.html("data.download.button") }</button></p>
            <DownloadFailed file={downloads.refused()} />
            <h2>{ words.html("data.restore.title") }</h2>
            <p>{ words.html("data.restore.text") }</p>
            <p>
                <label for="restore-file" class="file-label">{ words.html("data.restore.label") }</label>
                <input type="file" id="restore-file" accept=".json,application/json" onchange={on_restore} />
            </p>
            <div role="status" class="restore-status">
                { match &*restore {
                    RestoreState::Idle => html! {},
                    RestoreState::Done => html! { <p class="feedback ok">{ words.html("data.restore.done") }</p> },
                    RestoreState::Failed { file, reason } => html! {
                        <p class="feedback bad">{ words.fill("data.restore.failed", &[("file", file), ("reason", reason)]) }</p>
                    },
                } }
            </div>
            if count > 0 {
                <h2>{ words.html("data.backup.title") }</h2>
                <p>{ words.html("data.backup.text") }</p>
                { for backups }
                <DownloadFailed file={backup_downloads.refused()} />
            }
            <h2>{ words.html("data.delete.title") }</h2>
            <p>{ words.html("data.delete.text") }</p>
            if confirm.shown {
                <ConfirmBox id="confirm-delete" title={words.t("data.delete.confirm_title").to_owned()} text={words.t("data.delete.confirm_text").to_owned()}
                    yes={words.t("data.delete.yes").to_owned()} no={words.t("data.delete.no").to_owned()} on_yes={do_delete} on_no={confirm.cancel.clone()} />
            } else {
                <p><button type="button" id="delete-everything" class="button secondary" onclick={confirm.ask.clone()}>{ words.html("data.delete.button") }</button></p>
            }
        </section>
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
