//! Turns the bytes of one content file into its type, or into issues an editor can act on:
//! the line and column of a JSON syntax error, the JSON path of a wrong type or unknown field.

use serde::de::DeserializeOwned;
use serde_json::error::Category;

use super::issue::ContentIssue;
use super::model::{Module, Organisation, Sources};

/// Content files are small; a larger one is a mistake (a pasted export, an image) and would
/// only slow every learner's first page load.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

pub fn parse_organisation(file: &str, bytes: &[u8]) -> Result<Organisation, Vec<ContentIssue>> {
    parse(file, bytes)
}

pub fn parse_sources(file: &str, bytes: &[u8]) -> Result<Sources, Vec<ContentIssue>> {
    parse(file, bytes)
}

pub fn parse_module(file: &str, bytes: &[u8]) -> Result<Module, Vec<ContentIssue>> {
    parse(file, bytes)
}

fn parse<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, Vec<ContentIssue>> {
    let fail = |path: String, message: String| Err(vec![ContentIssue::new(file, path, message)]);
    if bytes.len() > MAX_FILE_BYTES {
        return fail(
            String::new(),
            format!(
                "file is {} bytes; the limit is 1 MB ({MAX_FILE_BYTES} bytes)",
                bytes.len()
            ),
        );
    }
    // Editors on Windows may save a byte order mark; it carries no content.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_column(&bytes[..e.valid_up_to()]);
            return fail(
                String::new(),
                format!("not valid UTF-8 at line {line}, column {column}; save the file as UTF-8"),
            );
        }
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let value = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => value,
        Err(e) => {
            let path = e.path().to_string();
            return Err(vec![issue(file, path, e.inner())]);
        }
    };
    // Text after the value is a syntax error too; report it like one.
    match de.end() {
        Ok(()) => Ok(value),
        Err(e) => Err(vec![issue(file, String::new(), &e)]),
    }
}

fn issue(file: &str, path: String, e: &serde_json::Error) -> ContentIssue {
    let message = bare_message(e);
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Data => ContentIssue::new(
            file,
            if path == "." { String::new() } else { path },
            format!("{message} (line {line}, column {column})"),
        ),
        Category::Syntax | Category::Eof | Category::Io => ContentIssue::new(
            file,
            "",
            format!("invalid JSON at line {line}, column {column}: {message}"),
        ),
    }
}

/// serde_json appends " at line L column C" to every message; the issue says it its own way.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
