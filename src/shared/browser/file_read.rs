//! Reads files the user picked or dropped, as bytes, without blocking the page.

use wasm_bindgen_futures::JsFuture;

/// A file the user handed us: its name and contents.
#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads one file. `None` if the browser could not read it (removed, permission).
pub async fn read_file(file: &web_sys::File) -> Option<PickedFile> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(PickedFile {
        name: file.name(),
        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
    })
}

/// The files in a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
