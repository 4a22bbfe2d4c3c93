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
    format!("content/{name}")
}

/// Fetches `url` (relative) and returns its bytes. Always revalidates, so an edited
/// content file is seen on the next reload.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    start_fetch(url)?.bytes().await
}

/// A request already sent. Sending every file's request before awaiting any of them lets
/// the browser fetch a course's files in parallel instead of one round trip after another.
pub struct PendingFetch(js_sys::Promise);

/// Sends the request for `url` now; [`PendingFetch::bytes`] waits for the answer. A request
/// that [`prefetch`] sent earlier in this page (from either wasm module) is taken over instead.
pub fn start_fetch(url: &str) -> Result<PendingFetch, FetchError> {
    if let Some(response) = take_prefetched(url) {
        return Ok(PendingFetch(response));
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
    Ok(PendingFetch(response))
}

impl PendingFetch {
    pub async fn bytes(self) -> Result<Vec<u8>, FetchError> {
        let response = JsFuture::from(self.0)
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
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
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
    if js_sys::Reflect::has(&area, &url.into()).unwrap_or(false) {
        return;
    }
    // A failure nobody takes is not reported as an unhandled rejection: `send` watches it.
    let Ok(PendingFetch(response)) = send(url) else {
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
