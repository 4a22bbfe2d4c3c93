//! Reading a progress document, from browser storage or from a file the learner restores.
//! Both go through [`load_progress`], so a backup is checked exactly like local data.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::v1::ProgressV1;
use super::v2::ProgressV2;
use super::{Progress, PROGRESS_VERSION};

/// Why a progress document was not loaded. The app matches on the variant to show a
/// translated message; `Display` is the plain-English version for the CLI and logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    /// Refused before parsing, so a huge file cannot freeze the page.
    TooLarge { bytes: usize, max: usize },
    /// Not valid JSON; line and column are 1-based, as editors count.
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON but not a progress document (or a damaged one).
    NotProgress(String),
    /// Progress from another course (another organisation's or an older edition's).
    ForeignCourse { found: String, expected: String },
    /// Written by a newer version of the app. Never migrated backwards: the caller must
    /// leave the stored copy untouched (read-only) so the newer app still finds it intact.
    NewerVersion { found: u64, supported: u32 },
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::TooLarge { bytes, max } => write!(
                f,
                "the progress file is too large ({bytes} bytes; at most {max} are accepted)"
            ),
            ProgressError::NotJson {
                line,
                column,
                message,
            } => write!(
                f,
                "the progress file is damaged: {message} (line {line}, column {column})"
            ),
            ProgressError::NotProgress(message) => {
                write!(f, "this is not a Trygg progress file: {message}")
            }
            ProgressError::ForeignCourse { found, expected } => write!(
                f,
                "this progress belongs to the course \"{found}\", not to \"{expected}\""
            ),
            ProgressError::NewerVersion { found, supported } => write!(
                f,
                "this progress was saved by a newer version of Trygg (format {found}; this \
                 version reads up to {supported}); update the app to continue"
            ),
        }
    }
}

impl std::error::Error for ProgressError {}

/// Parses, checks and migrates a progress document for `course_id`.
///
/// In order: size (before any parsing), JSON syntax, a top-level object with a positive
/// integer `version`, not newer than [`PROGRESS_VERSION`], migrated forward one version at a
/// time, read as the current shape, and finally the course id. Attempts are made to fit
/// their plans (missing answer slots become unanswered), so a damaged attempt never reaches
/// the quiz screen. A leading byte-order mark is ignored (some editors add one).
pub fn load_progress(
    raw: &str,
    course_id: &str,
    max_bytes: usize,
) -> Result<Progress, ProgressError> {
    if raw.len() > max_bytes {
        return Err(ProgressError::TooLarge {
            bytes: raw.len(),
            max: max_bytes,
        });
    }
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // Syntax first, so a damaged file is reported with its line and column whatever its
    // shape. The document is read straight from the text at each step (never through a
    // generic JSON tree, whose deserialiser would cost the app's wasm tens of kilobytes).
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| ProgressError::NotJson {
        line: e.line(),
        column: e.column(),
        message: error_message(&e),
    })?;
    let version = match serde_json::from_str::<VersionProbe>(text) {
        Ok(VersionProbe::Version(n)) => n,
        Ok(VersionProbe::Missing) => return Err(not_progress("it has no \"version\"")),
        Ok(VersionProbe::Invalid) => {
            return Err(not_progress("\"version\" must be a whole number from 1"))
        }
        Err(_) => return Err(not_progress("expected a JSON object")),
    };
    if version > u64::from(PROGRESS_VERSION) {
        return Err(ProgressError::NewerVersion {
            found: version,
            supported: PROGRESS_VERSION,
        });
    }
    let mut progress = read_version(version, text)?;
    if progress.course_id != course_id {
        return Err(ProgressError::ForeignCourse {
            found: progress.course_id,
            expected: course_id.to_string(),
        });
    }
    for attempt in progress
        .modules
        .values_mut()
        .filter_map(|m| m.attempt.as_mut())
    {
        attempt.normalise();
    }
    Ok(progress)
}

/// Reads a document of `version` and migrates it to the current one. Each older version
/// keeps its own type and a `migrate` to the next, so adding version 4 later means one new
/// arm here and a `migrate` on version 3, not rewriting the others.
fn read_version(version: u64, text: &str) -> Result<Progress, ProgressError> {
    match version {
        1 => {
            let v1: ProgressV1 = serde_json::from_str(text)
                .map_err(|e| not_progress(&format!("version 1 document: {e}")))?;
            Ok(v1.migrate().migrate())
        }
        2 => {
            let v2: ProgressV2 = serde_json::from_str(text)
                .map_err(|e| not_progress(&format!("version 2 document: {e}")))?;
            Ok(v2.migrate())
        }
        3 => serde_json::from_str(text).map_err(|e| not_progress(&e.to_string())),
        other => Err(not_progress(&format!("unknown version {other}"))),
    }
}

/// The top-level `version` of a document, read without reading the rest: a newer
/// version's shape is unknown, so nothing else may be required of it.
enum VersionProbe {
    Version(u64),
    Missing,
    /// Present but not a whole number from 1.
    Invalid,
}

impl<'de> Deserialize<'de> for VersionProbe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProbeVisitor)
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = VersionProbe;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<VersionProbe, A::Error> {
        let mut found = VersionProbe::Missing;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "version" {
                found = match map.next_value::<WholeNumber>()?.0 {
                    Some(n) if n >= 1 => VersionProbe::Version(n),
                    _ => VersionProbe::Invalid,
                };
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// Any JSON value: `Some` when it is a non-negative whole number.
struct WholeNumber(Option<u64>);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeNumberVisitor)
    }
}

struct WholeNumberVisitor;

impl<'de> Visitor<'de> for WholeNumberVisitor {
    type Value = WholeNumber;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<WholeNumber, E> {
        Ok(WholeNumber(Some(n)))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<WholeNumber, E> {
        Ok(WholeNumber(u64::try_from(n).ok()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<WholeNumber, E> {
        Ok(WholeNumber(None))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<WholeNumber, E> {
        Ok(WholeNumber(None))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<WholeNumber, E> {
        Ok(WholeNumber(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<WholeNumber, E> {
        Ok(WholeNumber(None))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<WholeNumber, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(WholeNumber(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WholeNumber, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(WholeNumber(None))
    }
}

/// The document as pretty JSON, for storage and for the learner's backup download.
pub fn to_json(progress: &Progress) -> String {
    // Cannot fail: every map key is a string and every type derives Serialize. Should it
    // ever, the empty string is refused by `load_progress` rather than read as progress.
    serde_json::to_string_pretty(progress).unwrap_or_default()
}

fn not_progress(message: &str) -> ProgressError {
    ProgressError::NotProgress(message.to_string())
}

/// serde_json's message without its trailing " at line L column C", which
/// [`ProgressError::NotJson`] carries separately.
fn error_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}
