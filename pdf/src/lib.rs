//! The PDF maker as its own small wasm module. The app's first load stays small because
//! this code (PDF writing, font embedding) is fetched only when a learner asks for a PDF.
//! Inputs cross the boundary as JSON and bytes; errors come back as readable messages.

use trygg_core::certificate::pdf::{self, CertificateLabels, PdfFonts, PocketCardLabels};
use trygg_core::certificate::CompletionRecord;
use trygg_core::content::{parse_module, parse_organisation, Lang};
use wasm_bindgen::prelude::*;

fn lang_of(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::Sv)
}

/// The certificate PDF for a completion record (as JSON), with the record attached.
#[wasm_bindgen]
pub fn certificate_pdf(
    record_json: &str,
    lang: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, JsError> {
    let record: CompletionRecord = serde_json::from_str(record_json)
        .map_err(|e| JsError::new(&format!("completion record: {e}")))?;
    let labels = match lang_of(lang) {
        Lang::Sv => CertificateLabels::swedish(),
        Lang::En => CertificateLabels::english(),
    };
    pdf::certificate_pdf(&record, &labels, &PdfFonts { regular, bold })
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The pocket card from the organisation file and the threats-and-violence module file.
#[wasm_bindgen]
pub fn pocket_card_pdf(
    organisation_json: &[u8],
    module_json: &[u8],
    lang: &str,
    regular: &[u8],
    bold: &[u8],
) -> Result<Vec<u8>, JsError> {
    let joined = |issues: Vec<trygg_core::content::ContentIssue>| {
        JsError::new(
            &issues
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    };
    let org = parse_organisation("organisation.json", organisation_json).map_err(joined)?;
    let module = parse_module("module.json", module_json).map_err(joined)?;
    let lang = lang_of(lang);
    let labels = match lang {
        Lang::Sv => PocketCardLabels::swedish(),
        Lang::En => PocketCardLabels::english(),
    };
    pdf::pocket_card_pdf(&org, &module, lang, &labels, &PdfFonts { regular, bold })
        .map_err(|e| JsError::new(&e.to_string()))
}
