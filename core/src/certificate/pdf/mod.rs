//! The printable documents: the completion certificate (A4) and the pocket card for threats
//! and violence (A6). Both are made in the learner's browser from data it already has, so
//! nothing is sent anywhere; the CLI makes the same files for tests and samples.
//!
//! Names may be in any script, so text is set in an embedded TrueType font (DejaVu Sans,
//! cut down at build time by `trygg font subset` to Latin, Greek and Cyrillic) rather than
//! the PDF standard fonts, which only know Western European letters. The caller fetches the
//! font files and passes their bytes in [`PdfFonts`]; the core never touches the network.
//! Each PDF keeps only the glyphs it uses, so a certificate stays small.

mod canvas;
mod certificate;
mod document;
mod embed;
pub mod font;
mod labels;
mod pocket;
mod shapes;
mod steps;
mod strip;
mod style;
mod table;
mod tags;
mod text;
mod xmp;

use std::fmt;

pub use certificate::certificate_pdf;
pub use font::FontError;
pub use labels::{CertificateLabels, PocketCardLabels};
pub use pocket::{pocket_card_pdf, PocketCardContent, PocketSection};
pub use strip::assemble as assemble_font;

/// The two TrueType fonts the documents are set in (the contents of `trygg-sans.ttf` and
/// `trygg-sans-bold.ttf`). Borrowed, because the app keeps them cached between documents.
#[derive(Debug, Clone, Copy)]
pub struct PdfFonts<'a> {
    pub regular: &'a [u8],
    pub bold: &'a [u8],
}

/// Why a PDF could not be made. Only the inputs can cause it (a damaged or wrong font
/// file); the app shows the message and offers the JSON file instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// One of the fonts (`which` is "regular" or "bold") cannot be read or embedded.
    Font {
        which: &'static str,
        reason: FontError,
    },
    /// The record could not be written as JSON for the attachment.
    Json(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Font { which, reason } => write!(f, "the {which} font: {reason}"),
            PdfError::Json(msg) => write!(f, "the completion record as JSON: {msg}"),
        }
    }
}

impl std::error::Error for PdfError {}

impl<'a> PdfFonts<'a> {
    /// Parses both fonts, naming the one that fails.
    fn parse(&self) -> Result<(font::Font<'a>, font::Font<'a>), PdfError> {
        let regular = font::Font::parse(self.regular).map_err(|reason| PdfError::Font {
            which: "regular",
            reason,
        })?;
        let bold = font::Font::parse(self.bold).map_err(|reason| PdfError::Font {
            which: "bold",
            reason,
        })?;
        Ok((regular, bold))
    }
}

/// Points per millimetre (PDF user space is 1/72 inch).
const MM: f32 = 72.0 / 25.4;
