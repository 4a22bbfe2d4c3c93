//! Gathers the files the manager hands over: from the file and folder pickers, and from a
//! drop, where a dropped folder is walked like `trygg roster` walks one.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
// Inside folders only completion files are taken (explicitly picked files always are), as
// the CLI does: a folder of certificates often holds other things too.
use trygg_core::roster::is_completion_file_name as is_candidate;
use web_sys::{DragEvent, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

use super::session::Incoming;
use crate::shared::browser::file_read::files_of;

/// The files of a picker. From the folder picker, names carry their path inside the folder
/// so two `cert.json` in different subfolders can be told apart.
pub fn from_input(input: &web_sys::HtmlInputElement, folder: bool) -> Vec<Incoming> {
    files_of(input.files())
        .into_iter()
        .filter_map(|file| {
            let relative = js_sys::Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
                .ok()
                .and_then(|p| p.as_string())
                .filter(|p| !p.is_empty());
            let name = relative.unwrap_or_else(|| file.name());
            (!folder || is_candidate(&name)).then_some(Ok((file, name)))
        })
        .collect()
}

/// What a drop carried, captured while the event lasts (the browser empties it after).
pub enum Dropped {
    /// Entries, which can be folders.
    Entries(Vec<FileSystemEntry>),
    /// Plain files, where the entry API is missing (or the drop was synthetic).
    Files(Vec<web_sys::File>),
}

pub fn dropped(event: &DragEvent) -> Dropped {
    let Some(transfer) = event.data_transfer() else {
        return Dropped::Files(Vec::new());
    };
    let items = transfer.items();
    let entries: Vec<Option<FileSystemEntry>> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if !entries.is_empty() && entries.iter().all(Option::is_some) {
        Dropped::Entries(entries.into_iter().flatten().collect())
    } else {
        Dropped::Files(files_of(transfer.files()))
    }
}

/// The files in a drop, walking folders depth first. A file or folder the browser will not
/// open is reported by name rather than silently left out.
pub async fn expand(dropped: Dropped) -> Vec<Incoming> {
    let entries = match dropped {
        Dropped::Files(files) => {
            return files
                .into_iter()
                .map(|f| {
                    let name = f.name();
                    Ok((f, name))
                })
                .collect()
        }
        Dropped::Entries(entries) => entries,
    };
    let mut out = Vec::new();
    // (entry, inside a dropped folder)
    let mut stack: Vec<(FileSystemEntry, bool)> =
        entries.into_iter().rev().map(|e| (e, false)).collect();
    while let Some((entry, nested)) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_owned();
        if entry.is_directory() {
            let Ok(dir) = entry.dyn_into::<FileSystemDirectoryEntry>() else {
                continue;
            };
            match read_directory(&dir).await {
                Some(children) => {
                    let mut children = children;
                    children.sort_by_key(|c| c.name());
                    stack.extend(children.into_iter().rev().map(|c| (c, true)));
                }
                None => out.push(Err(path)),
            }
        } else if !nested || is_candidate(&path) {
            let Ok(file_entry) = entry.dyn_into::<FileSystemFileEntry>() else {
                continue;
            };
            match file_of(&file_entry).await {
                Some(file) => out.push(Ok((file, path))),
                None => out.push(Err(path)),
            }
        }
    }
    out
}

/// All of a folder's entries: `readEntries` hands them out in batches until an empty one.
async fn read_directory(dir: &FileSystemDirectoryEntry) -> Option<Vec<FileSystemEntry>> {
    let reader = dir.create_reader();
    let mut all = Vec::new();
    loop {
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        });
        let batch = JsFuture::from(promise).await.ok()?;
        let batch: Vec<FileSystemEntry> = Array::from(&batch)
            .iter()
            .filter_map(|v| v.dyn_into().ok())
            .collect();
        if batch.is_empty() {
            return Some(all);
        }
        all.extend(batch);
    }
}

async fn file_of(entry: &FileSystemFileEntry) -> Option<web_sys::File> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
