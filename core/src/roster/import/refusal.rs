//! Why a file the manager handed in is not in the roster as a valid certificate, and how
//! that reads in the manager's language. The core's own messages ([`VerifyError`]'s
//! `Display`) are English for developers; each refusal maps to a `ui.json` sentence, which
//! quotes a damaged field by its path (`learner.full_name`) but never the core's English.

use crate::certificate::{VerifyError, DEFAULT_MAX_BYTES};
use crate::language::Words;

/// Why a file is not in the roster as a valid certificate.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Read, and refused by the same check as `trygg verify`.
    Verify(VerifyError),
    /// The browser could not read the file (moved, deleted, a folder, no permission).
    Unreadable,
}

/// One refused file, as the refused list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub file_name: String,
    pub reason: Refusal,
}

/// The refusal for a file of `size` bytes when that is over the roster's limit
/// ([`DEFAULT_MAX_BYTES`]): such a file is refused without its bytes being copied or read.
pub fn too_large(size: usize) -> Option<Refusal> {
    (size > DEFAULT_MAX_BYTES).then_some(Refusal::Verify(VerifyError::TooLarge {
        size,
        max: DEFAULT_MAX_BYTES,
    }))
}

impl Refusal {
    /// The reason in plain words, in `words`' language.
    pub fn in_words(&self, words: &Words) -> String {
        let e = match self {
            Refusal::Unreadable => return words.t("manager.reason.unreadable").to_owned(),
            Refusal::Verify(e) => e,
        };
        match e {
            VerifyError::TooLarge { size, max } => words.fill(
                "manager.reason.too_large",
                &[("size", &kilobytes(*size)), ("max", &kilobytes(*max))],
            ),
            VerifyError::Empty => words.t("manager.reason.empty").to_owned(),
            VerifyError::NotJson { line, column } => words.fill(
                "manager.reason.not_json",
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            VerifyError::NotCompletionFile => words.t("manager.reason.not_completion").to_owned(),
            VerifyError::UnknownVersion(n) => words.fill(
                "manager.reason.unknown_version",
                &[("version", &n.to_string())],
            ),
            VerifyError::Malformed(detail) => match malformed_field(detail) {
                Some(field) => words.fill("manager.reason.malformed", &[("field", field)]),
                None => words.t("manager.reason.malformed_somewhere").to_owned(),
            },
            VerifyError::WrongCourse { found, .. } => {
                words.fill("manager.reason.wrong_course", &[("course", found)])
            }
            VerifyError::CodeMismatch { .. } => words.t("manager.reason.edited").to_owned(),
        }
    }
}

/// Sizes in whole kilobytes, rounded up, so a file just over the limit never shows as equal
/// to it.
fn kilobytes(bytes: usize) -> String {
    bytes.div_ceil(1024).to_string()
}

/// The field a [`VerifyError::Malformed`] detail names: the path before its message
/// (`learner.full_name: empty`), or the field serde found missing; `None` when it names none.
fn malformed_field(detail: &str) -> Option<&str> {
    if let Some((path, _)) = detail.split_once(": ") {
        if !path.is_empty() && !path.contains(char::is_whitespace) {
            return Some(path);
        }
    }
    let missing = detail.strip_prefix("missing field `")?;
    missing.split_once('`').map(|(field, _)| field)
}
