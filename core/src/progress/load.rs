//! Reading a progress document, from browser storage or from a file the learner restores.
//! Both go through [`load_progress`], so a backup is checked exactly like local data.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::v1::ProgressV1;
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
    let probe =
        serde_json::from_str::<Probe>(text).map_err(|_| not_progress("expected a JSON object"))?;
    let version = match probe.version {
        None => return Err(not_progress("it has no \"version\"")),
        Some(Field::Whole(n)) if n >= 1 => n,
        Some(_) => return Err(not_progress("\"version\" must be a whole number from 1")),
    };
    if version > u64::from(PROGRESS_VERSION) {
        return Err(ProgressError::NewerVersion {
            found: version,
            supported: PROGRESS_VERSION,
        });
    }
    let mut progress = read_version(version, &probe, text)?;
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

/// Reads a document of `version` and migrates it to the current one. Version 1 keeps its
/// own type and a `migrate`; version 2 was version 3 plus a top-level `"lang"` that no part
/// of the app read (the language is the app's own setting), so it is read as version 3 once
/// its language is checked. Adding version 4 later means one new arm here.
///
/// No version is read through a wrapper type with `#[serde(flatten)]`: that buffers the
/// whole document and instantiates every nested deserialiser a second time, which cost the
/// app's first page 24 KB of gzip.
fn read_version(version: u64, probe: &Probe, text: &str) -> Result<Progress, ProgressError> {
    match version {
        1 => {
            let v1: ProgressV1 = serde_json::from_str(text)
                .map_err(|e| not_progress(&format!("version 1 document: {e}")))?;
            Ok(v1.migrate())
        }
        2 => {
            // Refused as version 2 refused it: a language this app never knew.
            match &probe.lang {
                None | Some(Field::Null) => {}
                Some(Field::Text(code)) if code == "sv" || code == "en" => {}
                Some(_) => {
                    return Err(not_progress(
                        "version 2 document: \"lang\" must be \"sv\", \"en\" or null",
                    ))
                }
            }
            let progress: Progress = serde_json::from_str(text)
                .map_err(|e| not_progress(&format!("version 2 document: {e}")))?;
            Ok(Progress {
                version: PROGRESS_VERSION,
                ..progress
            })
        }
        3 => serde_json::from_str(text).map_err(|e| not_progress(&e.to_string())),
        other => Err(not_progress(&format!("unknown version {other}"))),
    }
}

/// The top-level `version` and `lang` of a document, read without reading the rest: a newer
/// version's shape is unknown, so nothing else may be required of it.
struct Probe {
    version: Option<Field>,
    lang: Option<Field>,
}

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProbeVisitor)
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
        let mut probe = Probe {
            version: None,
            lang: None,
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "version" => probe.version = Some(map.next_value::<Field>()?),
                "lang" => probe.lang = Some(map.next_value::<Field>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(probe)
    }
}

/// Any JSON value, as much of it as the probe needs.
enum Field {
    /// A non-negative whole number.
    Whole(u64),
    Text(String),
    Null,
    /// Anything else: another number, a boolean, an array or an object.
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Field, E> {
        Ok(Field::Whole(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Field, E> {
        Ok(u64::try_from(n).map_or(Field::Other, Field::Whole))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field, E> {
        Ok(Field::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field, E> {
        Ok(Field::Other)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Field, E> {
        Ok(Field::Text(text.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Null)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
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
