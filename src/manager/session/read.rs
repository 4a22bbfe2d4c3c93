//! Reading the files the manager handed in, a batch at a time, from the browser's `File`s
//! into bytes the core checks.

use trygg_core::roster::import::{too_large, Received, Refusal, StoredFile};
use trygg_core::roster::is_completion_file_name as is_candidate;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file handed over by the picker or a drop: the file, or the name of one that could not
/// be opened.
pub type Incoming = Result<(web_sys::File, String), String>;

/// One file in the queue.
pub(super) enum Pending {
    Picked { file: web_sys::File, name: String },
    Unreadable { name: String },
    Stored(StoredFile),
}

impl From<Incoming> for Pending {
    fn from(incoming: Incoming) -> Pending {
        match incoming {
            Ok((file, name)) => Pending::Picked { file, name },
            Err(name) => Pending::Unreadable { name },
        }
    }
}

/// Reads a batch's files concurrently, awaiting them all at once (`Promise.allSettled`): one
/// wake-up per batch instead of one per file. Returns what was read and how many bytes.
///
/// A file's size is not asked before reading: in Chromium `File.size` costs a synchronous
/// round trip to the browser process for a picked file, which doubled the time of a
/// 10,000-file import. Only a file that cannot be a completion file by its name (not
/// `.json` or `.pdf`) is measured first, so a stray video is refused unread; anything read
/// that turns out too large is refused without copying it into wasm memory.
pub(super) async fn read_batch(batch: Vec<Pending>) -> (Vec<Received>, usize) {
    let promises = js_sys::Array::new();
    // Per batch member: its result, or the name of the file whose read is the next promise.
    let mut slots: Vec<Result<Received, String>> = Vec::with_capacity(batch.len());
    for item in batch {
        slots.push(match item {
            Pending::Picked { file, name } => {
                let size = if is_candidate(&name) {
                    0.0
                } else {
                    file.size()
                };
                // A size past `usize` is too large all the same.
                match too_large(size as usize) {
                    Some(reason) => Ok(Received::Refused { name, reason }),
                    None => {
                        promises.push(&file.array_buffer());
                        Err(name)
                    }
                }
            }
            Pending::Unreadable { name } => Ok(Received::Refused {
                name,
                reason: Refusal::Unreadable,
            }),
            Pending::Stored(stored) => Ok(Received::Stored(stored)),
        });
    }
    let settled = if promises.length() == 0 {
        js_sys::Array::new()
    } else {
        JsFuture::from(js_sys::Promise::all_settled(&promises))
            .await
            .map(|v| js_sys::Array::from(&v))
            .unwrap_or_default()
    };
    let mut results = settled.iter();
    let mut bytes_read = 0usize;
    let received = slots
        .into_iter()
        .map(|slot| {
            let name = match slot {
                Ok(done) => return done,
                Err(name) => name,
            };
            let buffer = results.next().and_then(|outcome| {
                let get = |key: &str| js_sys::Reflect::get(&outcome, &key.into()).ok();
                let status = get("status").and_then(|s| s.as_string());
                (status.as_deref() == Some("fulfilled"))
                    .then(|| get("value"))
                    .flatten()
                    .and_then(|v| v.dyn_into::<js_sys::ArrayBuffer>().ok())
            });
            let Some(buffer) = buffer else {
                return Received::Refused {
                    name,
                    reason: Refusal::Unreadable,
                };
            };
            let len = buffer.byte_length() as usize;
            bytes_read = bytes_read.saturating_add(len);
            if let Some(reason) = too_large(len) {
                return Received::Refused { name, reason };
            }
            Received::Read {
                name,
                bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
            }
        })
        .collect();
    (received, bytes_read)
}
