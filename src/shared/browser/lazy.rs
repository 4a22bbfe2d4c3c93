//! The bridge to the lazily loaded wasm modules: the course pages (`course/`), the
//! certificate and my data (`records/`), the PDF maker (`pdf/`) and the manager view
//! (`manager/`). `boot.js` loads each on first use, so the
//! first page of a visit carries none of them.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Loads a lazily fetched wasm module through its loader from `boot.js` (handed from module
/// to module with the page's areas), resolving to the module's exports.
pub async fn load_module(loader: &str, file: &str) -> Result<JsValue, String> {
    let loaders = super::page_areas::page_areas().loaders;
    let load: Function = Reflect::get(&loaders, &loader.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("{file} has no loader"))?;
    let promise: Promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(|| format!("{file} could not start"))?;
    JsFuture::from(promise)
        .await
        .map_err(|_| format!("{file} could not be loaded"))
}

/// Calls `name` on a loaded module's exports.
pub fn call_export(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function: Function = Reflect::get(module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the module has no {name}"))?;
    let list = js_sys::Array::new();
    for arg in args {
        list.push(arg);
    }
    function.apply(&JsValue::NULL, &list).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unknown error".to_string())
    })
}

/// Starts fetching the course module and the course files in the background, once per page:
/// called when the learner shows they are about to start, so "my training" then opens at
/// once. The course module takes over the file requests already under way
/// ([`crate::shared::browser::fetch::prefetch`]) rather than asking again.
pub fn prefetch_course(files: impl IntoIterator<Item = String>) {
    let asked = super::page_areas::with_page_areas(|areas| {
        std::mem::replace(&mut areas.course_asked, true)
    });
    if asked {
        return;
    }
    for name in files {
        crate::shared::browser::fetch::prefetch(&crate::shared::browser::fetch::content_url(&name));
    }
    wasm_bindgen_futures::spawn_local(async {
        // A failure here only means the course module is fetched again when it is needed.
        let _ = load_module("trygg_course", "trygg_course.js").await;
    });
}

/// Starts fetching the records module (the certificate) in the background: called when the
/// learner may take the certificate, so it opens at once. `boot.js`'s loader asks once per
/// page, whoever calls it.
pub fn prefetch_records() {
    wasm_bindgen_futures::spawn_local(async {
        // A failure here only means the module is fetched again when it is needed.
        let _ = load_module("trygg_records", "trygg_records.js").await;
    });
}

/// Calls an export of the PDF maker with the given arguments; returns the PDF bytes.
async fn call(name: &str, args: &[JsValue]) -> Result<Vec<u8>, String> {
    let module = load_module("trygg_pdf", "trygg_pdf.js").await?;
    let result = call_export(&module, name, args)?;
    Ok(Uint8Array::new(&result).to_vec())
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

/// The certificate PDF for a completion record, with its labels, both given as JSON.
pub async fn certificate_pdf(
    record_json: &str,
    labels_json: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, String> {
    call(
        "certificate_pdf",
        &[
            record_json.into(),
            labels_json.into(),
            bytes(regular),
            bytes(bold),
        ],
    )
    .await
}

/// The pocket card from its content and labels, both given as JSON.
pub async fn pocket_card_pdf(
    card_json: &str,
    labels_json: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, String> {
    call(
        "pocket_card_pdf",
        &[
            card_json.into(),
            labels_json.into(),
            bytes(regular),
            bytes(bold),
        ],
    )
    .await
}
