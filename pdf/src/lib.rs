//! The PDF maker as its own small wasm module. The app's first load stays small because
//! this code (PDF writing, font embedding) is fetched only when a learner asks for a PDF.
//! Inputs cross the boundary as JSON and bytes: the record or the card's content, and the
//! words to print, which the course pages take from the language's `ui.json`. Errors come
//! back as readable messages.

use trygg_core::certificate::pdf::{
    self, CertificateLabels, PdfFonts, PocketCardContent, PocketCardLabels,
};
use trygg_core::certificate::CompletionRecord;
use wasm_bindgen::prelude::*;

fn read<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// The certificate PDF for a completion record (as JSON), with the record attached.
#[wasm_bindgen]
pub fn certificate_pdf(
    record_json: &str,
    labels_json: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, JsError> {
    let record: CompletionRecord = read("completion record", record_json)?;
    let labels: CertificateLabels = read("labels", labels_json)?;
    pdf::certificate_pdf(&record, &labels, &PdfFonts { regular, bold })
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The pocket card from its content (the organisation's numbers and the violence module's
/// steps, in the learner's language).
#[wasm_bindgen]
pub fn pocket_card_pdf(
    card_json: &str,
    labels_json: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, JsError> {
    let card: PocketCardContent = read("pocket card", card_json)?;
    let labels: PocketCardLabels = read("labels", labels_json)?;
    pdf::pocket_card_pdf(&card, &labels, &PdfFonts { regular, bold })
        .map_err(|e| JsError::new(&e.to_string()))
}
