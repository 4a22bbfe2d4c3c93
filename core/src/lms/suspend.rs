//! The learner's progress as `cmi.suspend_data`: the LMS keeps it between sessions, so the
//! course resumes on any computer. SCORM 1.2 gives it 4,096 characters, too few for the JSON
//! document, so it is written in a compact text format of its own.
//!
//! The text starts with `T` and the format's version (`T2|…`). A reader takes every version
//! it knows and turns it into the current [`Progress`] (through the progress document's own
//! migrations); a newer version is refused, never guessed at. When a document does not fit
//! the limit, the parts least worth keeping are left out, one at a time, and the result says
//! which ([`Cut`]), so the app can tell the learner rather than lose work silently.

use std::fmt;

use super::suspend_read::read_body;
use super::suspend_write::{write_v2, Omit};
use crate::progress::{Learner, Progress};

/// The format this build writes. Format 2 added the learner's language as a tag.
pub const SUSPEND_FORMAT: u32 = 2;

/// `cmi.suspend_data`'s size in SCORM 1.2 (`CMIString4096`).
pub const SCORM12_SUSPEND_LIMIT: usize = 4096;

/// `cmi.suspend_data`'s size in SCORM 2004 4th edition (`characterstring` SPM 64,000).
pub const SCORM2004_SUSPEND_LIMIT: usize = 64_000;

/// Something left out to make a document fit, in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// A finished quiz attempt, kept only for its review. Its result (pass, best score,
    /// attempt count) is kept.
    Review { module_id: String },
    /// A quiz in progress: the learner starts that quiz again, with a new draw.
    RunningQuiz { module_id: String },
    /// What the learner typed for the certificate (name, employee number, unit, e-mail).
    LearnerDetails,
}

/// What the suspend data holds: the progress and the language the learner uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspended {
    pub progress: Progress,
    /// The language tag (`sv`, `en` …), `None` when the text names none.
    pub language: Option<String>,
}

/// The text to store, and what had to be left out of it (usually nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuspendData {
    pub text: String,
    pub cut: Vec<Cut>,
}

/// Not even the module results fit: `chars` is the length with everything else cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuspendTooLarge {
    pub chars: usize,
    pub limit: usize,
}

impl fmt::Display for SuspendTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the progress takes {} characters even without quizzes and learner details; the LMS \
             keeps at most {}",
            self.chars, self.limit
        )
    }
}

impl std::error::Error for SuspendTooLarge {}

/// Why stored suspend data was not read. The app keeps the LMS's text untouched in every case
/// (it may belong to a newer version of the course) and goes on with local progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendError {
    /// Not Trygg's format at all: another package's data, or text an LMS mangled.
    NotTrygg,
    /// Written by a newer version of Trygg.
    NewerFormat { found: u32, supported: u32 },
    /// Trygg's format, but a part of it cannot be read; `what` names the part.
    Damaged { what: String },
    /// Progress of another course, as when a package is replaced by another organisation's.
    ForeignCourse { found: String, expected: String },
}

impl fmt::Display for SuspendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuspendError::NotTrygg => f.write_str("the LMS's saved data is not Trygg progress"),
            SuspendError::NewerFormat { found, supported } => write!(
                f,
                "the LMS's saved progress was written by a newer version of Trygg (format \
                 {found}; this version reads up to {supported})"
            ),
            SuspendError::Damaged { what } => {
                write!(f, "the LMS's saved progress is damaged: {what}")
            }
            SuspendError::ForeignCourse { found, expected } => write!(
                f,
                "the LMS's saved progress belongs to the course \"{found}\", not to \"{expected}\""
            ),
        }
    }
}

impl std::error::Error for SuspendError {}

/// Writes `progress` and the learner's `language` (a tag; empty for none) in at most `limit`
/// characters, leaving out what must go for it to fit:
/// first reviews of finished quizzes (oldest first), then quizzes in progress (oldest
/// first), then the learner's details. Module results (lesson bookmarks, passes, scores,
/// attempt counts) are never cut; if they alone are too long, nothing is written. An attempt
/// whose indices cannot be written (62 or more options) is cut whatever the limit.
pub fn encode_suspend_data(
    progress: &Progress,
    language: &str,
    limit: usize,
) -> Result<SuspendData, SuspendTooLarge> {
    let mut omit = Omit::default();
    let mut cut = Vec::new();
    let mut text = write_v2(progress, language, &omit, &mut cut);
    let mut candidates = cut_order(progress).into_iter();
    while text.len() > limit {
        let Some(next) = candidates.next() else {
            return Err(SuspendTooLarge {
                chars: text.len(),
                limit,
            });
        };
        if cut.contains(&next) {
            continue;
        }
        omit.add(&next);
        cut.push(next);
        let mut unwritable = Vec::new();
        text = write_v2(progress, language, &omit, &mut unwritable);
    }
    Ok(SuspendData { text, cut })
}

/// What may be cut, in order: reviews, then running quizzes, each oldest first, then the
/// learner's details if there are any.
fn cut_order(progress: &Progress) -> Vec<Cut> {
    let mut attempts: Vec<(bool, u64, &str)> = progress
        .modules
        .iter()
        .filter_map(|(id, m)| {
            m.attempt
                .as_ref()
                .map(|a| (!a.finished, a.updated_ms, id.as_str()))
        })
        .collect();
    attempts.sort();
    let mut order: Vec<Cut> = attempts
        .into_iter()
        .map(|(running, _, id)| {
            let module_id = id.to_string();
            if running {
                Cut::RunningQuiz { module_id }
            } else {
                Cut::Review { module_id }
            }
        })
        .collect();
    if progress.learner != Learner::default() {
        order.push(Cut::LearnerDetails);
    }
    order
}

/// Reads suspend data for `course_id`. An empty text (a first launch) is `Ok(None)`.
/// Attempts come back exactly as written, answers fitting their plans.
pub fn decode_suspend_data(text: &str, course_id: &str) -> Result<Option<Suspended>, SuspendError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (head, body) = text.split_once('|').ok_or(SuspendError::NotTrygg)?;
    let version = head
        .strip_prefix('T')
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or(SuspendError::NotTrygg)?;
    let version: u32 = version.parse().map_err(|_| SuspendError::NotTrygg)?;
    let (progress, language) = match version {
        // Each older format gets an arm here that reads it and migrates it forward.
        1 | 2 => read_body(body, version)?,
        found => {
            return Err(if found > SUSPEND_FORMAT {
                SuspendError::NewerFormat {
                    found,
                    supported: SUSPEND_FORMAT,
                }
            } else {
                SuspendError::NotTrygg
            })
        }
    };
    if progress.course_id != course_id {
        return Err(SuspendError::ForeignCourse {
            found: progress.course_id,
            expected: course_id.to_string(),
        });
    }
    Ok(Some(Suspended { progress, language }))
}
