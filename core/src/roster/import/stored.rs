//! What the manager view stores per imported file, so a reload shows the same roster
//! without the files: the verified record (about 1 kB, where the PDF it came in may be
//! 100 kB), or the reason the file was refused. Files are stored one batch per value.

use serde::{Deserialize, Serialize};

use super::refusal::Refusal;
use super::BATCH_FILES;
use crate::certificate::VerifyError;
use crate::roster::RemovedPerson;

/// One stored file: a record to check again on restore, or the reason it was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredFile {
    #[serde(rename = "n")]
    pub(super) name: String,
    /// The completion record as JSON (a verified one, or an edited one to flag again).
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub(super) record: Option<String>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    pub(super) reason: Option<StoredReason>,
}

impl StoredFile {
    /// A file kept as its reason only.
    pub(super) fn refused(name: String, reason: &Refusal) -> StoredFile {
        StoredFile {
            name,
            record: None,
            reason: Some(StoredReason::from(reason)),
        }
    }

    /// The file's name as the manager picked it.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// One batch's files as the value to store; `None` when there is nothing to store (or, for a
/// value that cannot be written, nothing that could be read back).
pub fn batch_value(files: &[StoredFile]) -> Option<String> {
    if files.is_empty() {
        return None;
    }
    serde_json::to_string(files).ok()
}

/// Every stored file, in the order stored, from the values [`batch_value`] made. A value
/// that no longer parses (written by another version, or damaged) is skipped rather than
/// shown as files.
pub fn stored_files(values: &[String]) -> Vec<StoredFile> {
    values
        .iter()
        .filter_map(|value| serde_json::from_str::<Vec<StoredFile>>(value).ok())
        .flatten()
        .collect()
}

/// The stored values without the files of a person taken out of the roster (their
/// certificates, verified or edited, by certificate id), in batches of [`BATCH_FILES`]
/// again, in the order stored.
pub fn stored_without(values: &[String], removed: &RemovedPerson) -> Vec<String> {
    // Read as the completion file reader reads a file first (`from_slice` into a `Value`),
    // which the manager's wasm has already: a reader of its own would add kilobytes.
    let whose = |record: &str| -> Option<String> {
        let value: serde_json::Value = serde_json::from_slice(record.as_bytes()).ok()?;
        value.get("certificate_id")?.as_str().map(str::to_owned)
    };
    let kept: Vec<StoredFile> = stored_files(values)
        .into_iter()
        .filter(|file| {
            let id = file.record.as_deref().and_then(whose);
            !id.is_some_and(|id| removed.certificates.contains(&id))
        })
        .collect();
    kept.chunks(BATCH_FILES).filter_map(batch_value).collect()
}

/// [`Refusal`] in a form that can be stored ([`VerifyError`] is not serde). A flat struct
/// rather than a tagged enum: serde's tagged enums cost 15 kB of wasm.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct StoredReason {
    /// Which refusal; see the `KIND_*` constants.
    k: u8,
    #[serde(default, skip_serializing_if = "is_zero")]
    a: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    b: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    s: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    t: String,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

const KIND_UNREADABLE: u8 = 0;
const KIND_TOO_LARGE: u8 = 1;
const KIND_EMPTY: u8 = 2;
const KIND_NOT_JSON: u8 = 3;
const KIND_NOT_COMPLETION: u8 = 4;
const KIND_UNKNOWN_VERSION: u8 = 5;
const KIND_MALFORMED: u8 = 6;
const KIND_WRONG_COURSE: u8 = 7;
const KIND_CODE_MISMATCH: u8 = 8;

impl From<&Refusal> for StoredReason {
    fn from(refusal: &Refusal) -> StoredReason {
        let kind = |k: u8| StoredReason {
            k,
            ..StoredReason::default()
        };
        let e = match refusal {
            Refusal::Unreadable => return kind(KIND_UNREADABLE),
            Refusal::Verify(e) => e.clone(),
        };
        match e {
            VerifyError::TooLarge { size, max } => StoredReason {
                a: size as u64,
                b: max as u64,
                ..kind(KIND_TOO_LARGE)
            },
            VerifyError::Empty => kind(KIND_EMPTY),
            VerifyError::NotJson { line, column } => StoredReason {
                a: line as u64,
                b: column as u64,
                ..kind(KIND_NOT_JSON)
            },
            VerifyError::NotCompletionFile => kind(KIND_NOT_COMPLETION),
            VerifyError::UnknownVersion(version) => StoredReason {
                a: version,
                ..kind(KIND_UNKNOWN_VERSION)
            },
            VerifyError::Malformed(detail) => StoredReason {
                s: detail,
                ..kind(KIND_MALFORMED)
            },
            VerifyError::WrongCourse { found, expected } => StoredReason {
                s: found,
                t: expected,
                ..kind(KIND_WRONG_COURSE)
            },
            VerifyError::CodeMismatch { expected, found } => StoredReason {
                s: expected,
                t: found,
                ..kind(KIND_CODE_MISMATCH)
            },
        }
    }
}

impl From<StoredReason> for Refusal {
    fn from(stored: StoredReason) -> Refusal {
        let n = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        let e = match stored.k {
            KIND_TOO_LARGE => VerifyError::TooLarge {
                size: n(stored.a),
                max: n(stored.b),
            },
            KIND_EMPTY => VerifyError::Empty,
            KIND_NOT_JSON => VerifyError::NotJson {
                line: n(stored.a),
                column: n(stored.b),
            },
            KIND_NOT_COMPLETION => VerifyError::NotCompletionFile,
            KIND_UNKNOWN_VERSION => VerifyError::UnknownVersion(stored.a),
            KIND_MALFORMED => VerifyError::Malformed(stored.s),
            KIND_WRONG_COURSE => VerifyError::WrongCourse {
                found: stored.s,
                expected: stored.t,
            },
            KIND_CODE_MISMATCH => VerifyError::CodeMismatch {
                expected: stored.s,
                found: stored.t,
            },
            // KIND_UNREADABLE, and any kind a later version might add.
            _ => return Refusal::Unreadable,
        };
        Refusal::Verify(e)
    }
}
