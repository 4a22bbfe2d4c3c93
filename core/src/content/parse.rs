//! Turns the bytes of one content file into its type, or into issues an editor can act on:
//! the line and column of a JSON syntax error, the JSON path of a wrong type or unknown field.
//! The path is found from the error's position ([`json_path_at`]), so parsing needs no
//! path-tracking wrapper around every value (that wrapper cost each wasm module that reads
//! content about 13 KB gzip).

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
    parse_with(file, bytes, |de| T::deserialize(de))
}

/// Checks a file's size and encoding, then reads it with `read`; a syntax or type error
/// becomes an issue with the file, the JSON path and the line.
pub(crate) fn parse_with<T>(
    file: &str,
    bytes: &[u8],
    read: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
    ) -> Result<T, serde_json::Error>,
) -> Result<T, Vec<ContentIssue>> {
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
    let value = match read(&mut de) {
        Ok(value) => value,
        Err(e) => {
            let path = json_path_at(text, byte_offset(text, e.line(), e.column()));
            return Err(vec![issue(file, text, path, &e)]);
        }
    };
    // Text after the value is a syntax error too; report it like one.
    match de.end() {
        Ok(()) => Ok(value),
        Err(e) => Err(vec![issue(file, text, String::new(), &e)]),
    }
}

fn issue(file: &str, text: &str, path: String, e: &serde_json::Error) -> ContentIssue {
    let (line, column, message) = where_to_look(text, e);
    match e.classify() {
        Category::Data => ContentIssue::new(
            file,
            path,
            format!("{message} (line {line}, column {column})"),
        ),
        Category::Syntax | Category::Eof | Category::Io => ContentIssue::new(
            file,
            "",
            format!("invalid JSON at line {line}, column {column}: {message}"),
        ),
    }
}

/// The line, column and message of `e` as someone editing `text` by hand needs them. Two
/// slips are common, and serde_json finds each past the place to mend: a text without its
/// closing quote is found at the start of the next line (as a "control character"), so it is
/// told at the end of the line where the text is left open; a comma after the last entry is
/// found at the bracket that follows, so it is told at the comma. Anything else is as found.
fn where_to_look(text: &str, e: &serde_json::Error) -> (usize, usize, String) {
    let message = bare_message(e);
    let (line, column) = (e.line(), e.column());
    if message.starts_with("control character") && column == 0 && line > 1 {
        let open = text.lines().nth(line - 2).unwrap_or_default();
        let plain = "a text is not closed: its closing quote (\") is missing".to_owned();
        return (line - 1, open.chars().count() + 1, plain);
    }
    if message == "trailing comma" {
        let before = &text.as_bytes()[..byte_offset(text, line, column).min(text.len())];
        // The bracket serde_json stopped at, then the white space back to the comma.
        let mut end = before.len().saturating_sub(1);
        while end > 0 && before[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        if end > 0 && before[end - 1] == b',' {
            let (line, column) = line_column(&before[..end - 1]);
            let plain = "a comma after the last entry (remove it)".to_owned();
            return (line, column, plain);
        }
    }
    (line, column, message)
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

/// Where in `text` a serde_json error happened, as a JSON path, and its message without
/// serde_json's own " at line L column C".
pub(crate) fn locate(text: &str, e: &serde_json::Error) -> (String, String) {
    let path = json_path_at(text, byte_offset(text, e.line(), e.column()));
    (path, bare_message(e))
}

/// The byte offset just after serde_json's error position (1-based line, byte column).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(0, |(i, _)| i + 1),
    };
    (start + column).min(text.len())
}

/// One open object or array while scanning towards the error.
enum Frame {
    /// The key last read, and whether the next string is a key.
    Object { key: Option<String>, want_key: bool },
    /// The index of the element last begun.
    Array { index: Option<usize> },
}

/// The JSON path (`questions[7].options`) of the value being read at byte `end` of `text`:
/// every object key and array index still open there. serde_json stops just after the
/// offending value or key, or just after the object a field is missing from, so this is the
/// value, the unknown key, or that object.
pub(crate) fn json_path_at(text: &str, end: usize) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let begin_value = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Array { index }) = stack.last_mut() {
            *index = Some(index.map_or(0, |i| i + 1));
        }
    };
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                begin_value(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    want_key: true,
                });
            }
            b'[' => {
                begin_value(&mut stack);
                stack.push(Frame::Array { index: None });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = true;
                }
            }
            b':' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b'"' => {
                let close = string_end(bytes, i);
                match stack.last_mut() {
                    Some(Frame::Object {
                        key,
                        want_key: true,
                    }) => {
                        let raw = &text[i..close.min(text.len())];
                        *key = Some(
                            serde_json::from_str::<String>(raw)
                                .unwrap_or_else(|_| raw.trim_matches('"').to_string()),
                        );
                    }
                    _ => begin_value(&mut stack),
                }
                i = close;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                begin_value(&mut stack);
                while i < bytes.len() && !b",]} \t\n\r".contains(&bytes[i]) {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    // A map or sequence of the wrong type is reported before its bracket is read: that value
    // has begun too.
    let next = bytes[end.min(bytes.len())..]
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if matches!(next, Some(b'{' | b'[')) {
        begin_value(&mut stack);
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { index: Some(index) } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

/// The byte just after the string that opens at `start` (or the end of the text).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::json_path_at;

    /// The path at the end of `prefix`, as if serde_json had stopped there.
    fn path(prefix: &str) -> String {
        json_path_at(prefix, prefix.len())
    }

    #[test]
    fn values_keys_and_closed_objects_are_located() {
        assert_eq!(path(r#"{"a": [1, {"b": 5"#), "a[1].b");
        assert_eq!(path(r#"{"a": [1, {"b": 5}"#), "a[1]");
        assert_eq!(path(r#"{"a": [[], [3, "x""#), "a[1][1]");
        assert_eq!(path(r#"{"a": {"c": 1, "hint""#), "a.hint");
        assert_eq!(path(r#"{"a": 1}"#), "");
        assert_eq!(path(r#"{"a": ["#), "a");
    }

    #[test]
    fn strings_with_brackets_quotes_and_escaped_keys_do_not_confuse_it() {
        assert_eq!(
            path(r#"{"t": "[{,:\"}", "u": ["]", {"k\u00e5": true"#),
            "u[1].kå"
        );
        assert_eq!(path("{\n  \"å\": {\n    \"x\": 2"), "å.x");
    }

    #[derive(serde::Deserialize, Debug)]
    struct Sample {
        #[serde(rename = "å")]
        _first: String,
        _n: Vec<u32>,
    }

    #[derive(serde::Deserialize, Debug)]
    struct Numbers {
        _a: Vec<u32>,
    }

    #[test]
    fn an_object_or_list_of_the_wrong_type_in_a_list_is_named_by_its_own_index() {
        for (text, expected) in [
            (r#"{"_a": [1, {"b": 5}]}"#, "_a[1]"),
            (r#"{"_a": [{"b": 5}]}"#, "_a[0]"),
            ("{\r\n  \"_a\": [\r\n    1,\r\n    [2]\r\n  ]\r\n}", "_a[1]"),
        ] {
            let issues =
                super::parse::<Numbers>("f.json", text.as_bytes()).expect_err("not a number");
            assert_eq!(issues[0].path, expected, "{text}");
        }
    }

    #[test]
    fn serde_json_errors_after_non_ascii_text_get_the_right_path() {
        let text = r#"{"å": "ö ä å", "_n": [1, "ä", 3]}"#;
        let issues = super::parse::<Sample>("f.json", text.as_bytes())
            .expect_err("a string is not a number");
        assert_eq!(issues[0].path, "_n[1]");
    }

    #[test]
    fn the_position_is_found_from_line_and_byte_column() {
        let text = "{\n \"å\": [\n  1, 2";
        let end = super::byte_offset(text, 3, 3);
        assert_eq!(&text[..end], "{\n \"å\": [\n  1");
        assert_eq!(json_path_at(text, end), "å[0]");
    }
}
