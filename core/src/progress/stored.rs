//! What to do with the text found under a learner's storage key when the app opens, and
//! where that key and its backups are. The app only reads and writes strings; every choice
//! here (back up unreadable text, never write over a newer version's document, which
//! storage area to open) is made by these functions, so each is tested natively.

use super::{load_progress, Progress, ProgressError};

/// Progress documents and files above this size are refused before they are parsed (a real
/// one is a few kilobytes), so a huge file cannot freeze the page.
pub const MAX_PROGRESS_BYTES: usize = 512 * 1024;

/// The storage key of a course's progress outside an LMS (inside one, see
/// [`crate::lms::local_progress_key`]).
pub fn progress_key(course_id: &str) -> String {
    format!("trygg:{course_id}:progress")
}

/// The key an unreadable document found under `key` is kept under, at `now_ms`: one per
/// moment, so a second failure never overwrites the first backup.
pub fn backup_key(key: &str, now_ms: u64) -> String {
    format!("{key}:backup:{now_ms}")
}

/// The backups of `key` among `keys`, oldest first (by the moment in their name; a name
/// whose moment cannot be read goes last).
pub fn backups_of(key: &str, keys: Vec<String>) -> Vec<String> {
    let prefix = format!("{key}:backup:");
    let mut found: Vec<String> = keys
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    found.sort_unstable_by_key(|k| k[prefix.len()..].parse::<u64>().unwrap_or(u64::MAX));
    found
}

/// Whether the progress lives in the browser session's storage rather than the lasting one:
/// only when session storage works and already holds the document (the learner said the
/// computer is shared); otherwise the lasting storage, which falls back to memory itself.
pub fn opens_in_session(session_storage_works: bool, session_holds_key: bool) -> bool {
    session_storage_works && session_holds_key
}

/// What the app does with the text it found under the progress key.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenDecision {
    /// Nothing saved yet: start afresh and save normally.
    Fresh,
    /// Read (and migrated if older): continue from it and save normally.
    Load(Progress),
    /// Written by a newer version of Trygg: start afresh in memory and never write to the
    /// key, so the newer app still finds its document intact.
    ReadOnly(ProgressError),
    /// Unreadable: keep the text under `backup_key` first, then remove it and start afresh.
    /// If the backup cannot be written, write nothing at all (see [`OpenDecision::ReadOnly`]).
    BackUp {
        error: ProgressError,
        backup_key: String,
    },
}

/// Decides how to open the text `raw` found under `key` for `course_id` at `now_ms`.
pub fn open_decision(raw: Option<&str>, course_id: &str, key: &str, now_ms: u64) -> OpenDecision {
    let Some(raw) = raw else {
        return OpenDecision::Fresh;
    };
    match load_progress(raw, course_id, MAX_PROGRESS_BYTES) {
        Ok(progress) => OpenDecision::Load(progress),
        Err(error @ ProgressError::NewerVersion { .. }) => OpenDecision::ReadOnly(error),
        Err(error) => OpenDecision::BackUp {
            error,
            backup_key: backup_key(key, now_ms),
        },
    }
}

/// Reads a document another tab stored (or that is found before a save), for merging: only
/// one this app reads in full counts; anything else is left alone and ours goes on.
pub fn read_stored(raw: &str, course_id: &str) -> Option<Progress> {
    load_progress(raw, course_id, MAX_PROGRESS_BYTES).ok()
}

impl Progress {
    /// Whether the document holds anything the learner did: an untouched one (revision 0) is
    /// never saved, so opening a page writes nothing and a document from another tab or the
    /// LMS is not overwritten by an empty one.
    pub fn worth_saving(&self) -> bool {
        self.revision > 0
    }
}
