//! Checking a completion file someone hands over: is it one, can this build read it, and is
//! it unchanged since it was issued. Every refusal names the problem in plain words, because
//! the person reading it is a manager with a folder of files, not a developer.

use std::cell::RefCell;
use std::fmt;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{
    compute_code, crockford, group, normalize_code, write_canonical_record, CompletionRecord,
    FORMAT, SCHEMA_VERSION,
};

thread_local! {
    /// The canonical JSON of the record last checked on this thread, kept for the next: a
    /// roster checks a code per file, and a fresh string for each, grown on the way, was a
    /// tenth of checking one.
    static CANONICAL: RefCell<String> = const { RefCell::new(String::new()) };
}

/// [`compute_code`], with the canonical JSON written into this thread's buffer.
fn expected_code(record: &CompletionRecord) -> String {
    CANONICAL.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut text) => {
            text.clear();
            write_canonical_record(record, &mut text);
            group(&crockford(&Sha256::digest(text.as_bytes()), 16))
        }
        Err(_) => compute_code(record),
    })
}

/// Why a file was not accepted as a valid completion record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// Larger than the caller's limit; refused before reading it as JSON.
    TooLarge { size: usize, max: usize },
    /// No bytes, or only whitespace.
    Empty,
    /// Not JSON at all; the position of the first problem, both 1-based.
    NotJson { line: usize, column: usize },
    /// JSON (or a PDF), but not a Trygg completion file: `format` is missing or different,
    /// or a PDF has no completion record embedded.
    NotCompletionFile,
    /// Written by a newer (or unknown) Trygg: `schema_version` this build does not read.
    UnknownVersion(u64),
    /// A completion file with a missing, extra or wrongly typed field; the message names
    /// the field's path, like `modules[2].passed_on`.
    Malformed(String),
    /// A valid file from another course.
    WrongCourse { found: String, expected: String },
    /// The file was edited after it was issued: the code it carries (`found`) is not the
    /// one its contents give (`expected`).
    CodeMismatch { expected: String, found: String },
}

impl VerifyError {
    /// True when the file is readable but its contents were changed after issue: the case a
    /// manager must look into, as opposed to a file that is simply the wrong kind.
    pub fn is_tampered(&self) -> bool {
        matches!(self, VerifyError::CodeMismatch { .. })
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::TooLarge { size, max } => write!(
                f,
                "The file is too large to be a completion file ({size} bytes; the limit is {max})."
            ),
            VerifyError::Empty => f.write_str("The file is empty."),
            VerifyError::NotJson { line, column } => write!(
                f,
                "The file is not a completion file: it is not valid JSON (problem at line {line}, column {column})."
            ),
            VerifyError::NotCompletionFile => f.write_str(
                "The file is not a Trygg completion file (it has no \"format\": \"trygg-completion\").",
            ),
            VerifyError::UnknownVersion(n) => write!(
                f,
                "The file uses completion format version {n}, which this version of Trygg cannot read; it reads version {SCHEMA_VERSION}."
            ),
            VerifyError::Malformed(msg) => {
                write!(f, "The completion file is damaged or incomplete: {msg}.")
            }
            VerifyError::WrongCourse { found, expected } => write!(
                f,
                "The file is for the course \"{found}\", not \"{expected}\"."
            ),
            VerifyError::CodeMismatch { expected, found } => write!(
                f,
                "The file has been changed after it was issued: its verification code {found} does not match its contents (which give {expected})."
            ),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Reads a completion file (JSON, or a certificate PDF with the JSON embedded) and checks
/// it with [`check_record`]. Field order and whitespace in the file do not matter: the code
/// is recomputed from the typed record.
pub fn verify(
    bytes: &[u8],
    expected_course: Option<&str>,
    max_bytes: usize,
) -> Result<CompletionRecord, VerifyError> {
    let record = read_record(bytes, max_bytes)?;
    check_record(&record, expected_course)?;
    Ok(record)
}

/// Parses a completion file without checking its code or course, so the roster can still
/// show whose edited file it is. Use [`verify`] unless you need that.
pub fn read_record(bytes: &[u8], max_bytes: usize) -> Result<CompletionRecord, VerifyError> {
    if bytes.len() > max_bytes {
        return Err(VerifyError::TooLarge {
            size: bytes.len(),
            max: max_bytes,
        });
    }
    if bytes.starts_with(b"%PDF-") {
        let json = extract_from_pdf(bytes).ok_or(VerifyError::NotCompletionFile)?;
        return read_json(&json);
    }
    read_json(bytes)
}

fn read_json(bytes: &[u8]) -> Result<CompletionRecord, VerifyError> {
    // Editors on Windows like to add a byte-order mark; it is not an edit of the contents.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(VerifyError::Empty);
    }
    // serde_json says column 0 for an error at a line break; people count from 1.
    let value: Value = serde_json::from_slice(bytes).map_err(|e| VerifyError::NotJson {
        line: e.line(),
        column: e.column().max(1),
    })?;
    let Value::Object(map) = &value else {
        return Err(VerifyError::NotCompletionFile);
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(VerifyError::NotCompletionFile);
    }
    match map.get("schema_version") {
        None => {
            return Err(VerifyError::Malformed(
                "missing field `schema_version`".into(),
            ))
        }
        Some(v) => match v.as_u64() {
            Some(n) if n == u64::from(SCHEMA_VERSION) => {}
            Some(n) => return Err(VerifyError::UnknownVersion(n)),
            None => {
                return Err(VerifyError::Malformed(
                    "schema_version: expected a whole number".into(),
                ))
            }
        },
    }
    // `from_slice` above proved the bytes are JSON, hence UTF-8.
    let text = std::str::from_utf8(bytes).map_err(|_| VerifyError::NotCompletionFile)?;
    let record: CompletionRecord = serde_json::from_str(text).map_err(|e| {
        let (path, message) = crate::content::parse::locate(text, &e);
        if path.is_empty() {
            VerifyError::Malformed(message)
        } else {
            VerifyError::Malformed(format!("{path}: {message}"))
        }
    })?;
    Ok(record)
}

/// Checks a parsed record: its code matches its contents, its values make sense, and (when
/// given) it belongs to `expected_course`. The code is checked first, so an edited file is
/// reported as edited whatever else was changed.
pub fn check_record(
    record: &CompletionRecord,
    expected_course: Option<&str>,
) -> Result<(), VerifyError> {
    let expected = expected_code(record);
    if normalize_code(&record.verification_code).as_deref() != Some(expected.as_str()) {
        return Err(VerifyError::CodeMismatch {
            expected,
            found: record.verification_code.clone(),
        });
    }
    if let Some(msg) = implausible(record) {
        return Err(VerifyError::Malformed(msg));
    }
    if let Some(expected) = expected_course {
        if record.course_id != expected {
            return Err(VerifyError::WrongCourse {
                found: record.course_id.clone(),
                expected: expected.to_owned(),
            });
        }
    }
    Ok(())
}

/// Values no Trygg issues, even with a matching code (which anyone can compute).
fn implausible(r: &CompletionRecord) -> Option<String> {
    if r.learner.full_name.trim().is_empty() {
        return Some("learner.full_name: empty".into());
    }
    if r.course_id.trim().is_empty() {
        return Some("course_id: empty".into());
    }
    if let Some((i, m)) = r.modules.iter().enumerate().find(|(_, m)| m.percent > 100) {
        return Some(format!(
            "modules[{i}].percent: {} is more than 100",
            m.percent
        ));
    }
    if r.valid_until < r.completed_on {
        return Some(format!(
            "valid_until: {} is before completed_on {}",
            r.valid_until, r.completed_on
        ));
    }
    None
}

/// Finds the completion JSON inside a certificate PDF. The PDF writer embeds it as an
/// uncompressed stream, so this looks for a `stream` … `endstream` whose content starts with
/// `{` and mentions `trygg-completion`; no PDF parser (or inflater) is needed in the wasm.
pub fn extract_from_pdf(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut pos = 0;
    while let Some(found) = find(&bytes[pos..], b"stream") {
        let keyword = pos + found;
        let after = keyword + b"stream".len();
        pos = after;
        if keyword >= 3 && &bytes[keyword - 3..keyword] == b"end" {
            continue;
        }
        // The keyword is followed by CRLF or LF, then the data.
        let start = if bytes[after..].starts_with(b"\r\n") {
            after + 2
        } else if bytes[after..].starts_with(b"\n") {
            after + 1
        } else {
            continue;
        };
        let len = find(&bytes[start..], b"endstream")?;
        let content = bytes[start..start + len].trim_ascii();
        pos = start + len + b"endstream".len();
        if content.first() == Some(&b'{') && find(content, FORMAT.as_bytes()).is_some() {
            return Some(content.to_vec());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(i) = haystack[from..].iter().position(|&b| b == first) {
        let at = from + i;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reused_buffer_gives_the_code_of_each_record() {
        let mut record = crate::certificate::issue(
            crate::certificate::IssueInput {
                course_id: "c".into(),
                content_version: "1".into(),
                organisation: "Region Östra".into(),
                learner: crate::certificate::Learner {
                    full_name: "Åsa \"Ö\" Berg".repeat(40),
                    ..Default::default()
                },
                role: crate::content::Role::Employee,
                lang: crate::content::Lang::parse("sv").unwrap(),
                modules: Vec::new(),
                validity_months: 12,
            },
            1_738_300_000_000,
        );
        // A long record, then a short one: what the first left in the buffer must not count.
        assert_eq!(expected_code(&record), compute_code(&record));
        record.learner.full_name = "Eva".into();
        assert_eq!(expected_code(&record), compute_code(&record));
        assert_ne!(expected_code(&record), record.verification_code);
    }

    #[test]
    fn find_locates_needles() {
        assert_eq!(find(b"abcabd", b"abd"), Some(3));
        assert_eq!(find(b"abc", b"abcd"), None);
        assert_eq!(find(b"", b"a"), None);
        assert_eq!(find(b"abc", b""), None);
    }

    #[test]
    fn pdf_without_streams_has_nothing() {
        assert_eq!(extract_from_pdf(b"%PDF-1.7\n%%EOF"), None);
        assert_eq!(extract_from_pdf(b"%PDF-1.7\nstream\n{\"a\":1}"), None);
        assert_eq!(extract_from_pdf(b"%PDF-1.7\nstream"), None);
    }
}
