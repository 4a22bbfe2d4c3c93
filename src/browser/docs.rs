//! The bridge to the PDF maker, a second wasm module (`docs/`) that `boot.js` loads on the
//! first request, so the PDF code is not part of the app's first load.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

async fn module() -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    let loader: Function = Reflect::get(&window, &"tryggDocs".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the PDF maker is not available")?;
    let promise: Promise = loader
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or("the PDF maker could not start")?;
    JsFuture::from(promise)
        .await
        .map_err(|_| "the PDF maker could not be loaded (trygg_docs.js)".to_string())
}

/// Calls an export of the PDF maker with the given arguments; returns the PDF bytes.
async fn call(name: &str, args: &[JsValue]) -> Result<Vec<u8>, String> {
    let module = module().await?;
    let function: Function = Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the PDF maker has no {name}"))?;
    let list = js_sys::Array::new();
    for arg in args {
        list.push(arg);
    }
    let result = function.apply(&JsValue::NULL, &list).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unknown error".to_string())
    })?;
    Ok(Uint8Array::new(&result).to_vec())
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

/// The certificate PDF for a completion record given as JSON.
pub async fn certificate_pdf(
    record_json: &str,
    lang: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, String> {
    call(
        "certificate_pdf",
        &[record_json.into(), lang.into(), bytes(regular), bytes(bold)],
    )
    .await
}

/// The pocket card from the organisation and module files as fetched.
pub async fn pocket_card_pdf(
    organisation: &[u8],
    module: &[u8],
    lang: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, String> {
    call(
        "pocket_card_pdf",
        &[
            bytes(organisation),
            bytes(module),
            lang.into(),
            bytes(regular),
            bytes(bold),
        ],
    )
    .await
}
