//! Fetches content files relative to `index.html`, so the app works from any sub-path.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be fetched; shown to the user with the file's name.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The browser could not reach the server at all.
    Network,
    /// The server answered with an error status, e.g. 404.
    Status(u16),
}

/// The address of a file in `content/`, relative to `index.html`.
pub fn content_url(name: &str) -> String {
    format!("{CONTENT}{name}")
}

/// Fetches `url` (relative) and returns its bytes. Revalidates with the server, so an edited
/// content file is seen on the next reload; within a page a content file is read once
/// ([`start_fetch`]).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    start_fetch(url)?.bytes().await
}

/// A request already sent (or a content file read earlier on this page). Sending every
/// file's request before awaiting any of them lets the browser fetch a course's files in
/// parallel instead of one round trip after another.
pub struct PendingFetch {
    url: String,
    answer: Answer,
}

enum Answer {
    Sent(js_sys::Promise),
    Read(Vec<u8>),
}

/// Sends the request for `url` now; [`PendingFetch::bytes`] waits for the answer. A request
/// that [`prefetch`] sent earlier in this page (from any wasm module) is taken over instead,
/// and a content file already read on this page is not asked for again: the files do not
/// change while the page is open, and a module taking the page over would otherwise wait a
/// round trip per file before it could show anything.
pub fn start_fetch(url: &str) -> Result<PendingFetch, FetchError> {
    if let Some(bytes) = read_before(url) {
        return Ok(PendingFetch {
            url: url.to_owned(),
            answer: Answer::Read(bytes),
        });
    }
    if let Some(response) = take_prefetched(url) {
        return Ok(PendingFetch {
            url: url.to_owned(),
            answer: Answer::Sent(response),
        });
    }
    send(url)
}

fn send(url: &str) -> Result<PendingFetch, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| FetchError::Network)?;
    let response = window.fetch_with_request(&request);
    // Watched here too, so a request dropped unawaited (the rest of a course once one file
    // failed, as every file does offline) is not reported as an unhandled rejection.
    let watched = response.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(watched).await;
    });
    Ok(PendingFetch {
        url: url.to_owned(),
        answer: Answer::Sent(response),
    })
}

impl PendingFetch {
    pub async fn bytes(self) -> Result<Vec<u8>, FetchError> {
        let promise = match self.answer {
            Answer::Read(bytes) => return Ok(bytes),
            Answer::Sent(promise) => promise,
        };
        let response = JsFuture::from(promise)
            .await
            .map_err(|_| FetchError::Network)?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
        if !response.ok() {
            return Err(FetchError::Status(response.status()));
        }
        let buffer = response.array_buffer().map_err(|_| FetchError::Network)?;
        let buffer = JsFuture::from(buffer)
            .await
            .map_err(|_| FetchError::Network)?;
        let read = js_sys::Uint8Array::new(&buffer);
        if self.url.starts_with(CONTENT) {
            let area = super::page_areas::page_areas().read;
            let _ = js_sys::Reflect::set(&area, &self.url.as_str().into(), &read);
        }
        Ok(read.to_vec())
    }
}

/// Where content files live, relative to `index.html`: the files [`start_fetch`] keeps.
const CONTENT: &str = "content/";

/// The bytes of content file `url` as read earlier on this page, by any module.
fn read_before(url: &str) -> Option<Vec<u8>> {
    let area = super::page_areas::page_areas().read;
    let bytes = js_sys::Reflect::get(&area, &url.into()).ok()?;
    bytes
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|b| b.to_vec())
}

/// Forgets the content files read on this page, so the next read asks the server: after a
/// failure the learner retries, perhaps once someone has fixed a file.
pub fn forget_read() {
    super::page_areas::with_page_areas(|areas| areas.read = js_sys::Object::new());
}

/// Where prefetched requests wait for their taker: the page's area, which the module that
/// sent them hands to the module that takes them.
fn prefetched_requests() -> Option<js_sys::Object> {
    Some(super::page_areas::page_areas().prefetched)
}

/// Sends the request for `url` now and leaves it for the next [`start_fetch`] of that URL,
/// which then gets the answer without a second round trip. Failures are left to the taker.
/// A request for `url` already waiting for its taker is not sent again.
pub fn prefetch(url: &str) {
    let Some(area) = prefetched_requests() else {
        return;
    };
    let read = super::page_areas::page_areas().read;
    if js_sys::Reflect::has(&area, &url.into()).unwrap_or(false)
        || js_sys::Reflect::has(&read, &url.into()).unwrap_or(false)
    {
        return;
    }
    // A failure nobody takes is not reported as an unhandled rejection: `send` watches it.
    let Ok(PendingFetch {
        answer: Answer::Sent(response),
        ..
    }) = send(url)
    else {
        return;
    };
    let _ = js_sys::Reflect::set(&area, &url.into(), &response);
}

fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    let area = prefetched_requests()?;
    let response = js_sys::Reflect::get(&area, &url.into()).ok()?;
    if response.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&area, &url.into());
    response.dyn_into().ok()
}
