//! Saves bytes as a file on the learner's machine (a Blob and a temporary link).

use wasm_bindgen::JsCast;

/// Offers `bytes` for download as `file_name`. Returns false if the browser refused: the
/// caller must tell the learner (see `hooks::use_downloads`), or they wait for a file that
/// never comes.
#[must_use]
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    try_download(file_name, mime, bytes).is_some()
}

fn try_download(file_name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    link.remove();
    // Revoke later: some browsers read the URL after click() returns.
    let url_for_timeout = url.clone();
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url_for_timeout);
    })
    .forget();
    Some(())
}
