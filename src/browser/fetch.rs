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

/// Sends the request for `url` now; [`PendingFetch::bytes`] waits for the answer.
pub fn start_fetch(url: &str) -> Result<PendingFetch, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| FetchError::Network)?;
    Ok(PendingFetch(window.fetch_with_request(&request)))
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
