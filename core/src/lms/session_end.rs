//! Ending a session in a module that does not know the course (the start and about pages, or
//! the course pages before the course files are read). It needs none of the course's
//! reporting, so those modules carry none of it: only the session time, the exit mode for
//! where the LMS says the learner stands, and the language if the learner changed it there.

use super::duration::timespan;
use super::language::{preference_to_write, with_language};
use super::report::exit_value;
use super::sync::{session_start, Refusal, ScormApi, Sent};
use super::ScormVersion;

/// Ends the session: writes the learner's `language` into the saved progress if it names
/// another (unless `keep_suspend`: the LMS's text could not be read and stays untouched) and
/// into the LMS's language preference if that names another, the
/// exit mode (`suspend` unless the LMS already records a pass), and the time since
/// `started_ms`; then commits and terminates. Every call is made even after a refusal; the
/// first refusal is returned.
pub fn end_session(
    api: &mut dyn ScormApi,
    version: ScormVersion,
    started_ms: u64,
    language: &str,
    keep_suspend: bool,
    now_ms: u64,
) -> Sent {
    let e = version.elements();
    let status = api.get(e.success_status.unwrap_or(e.completion_status));
    let mut values = Vec::new();
    if !keep_suspend {
        if let Some(text) = with_language(&api.get(e.suspend_data), language) {
            values.push((e.suspend_data, text));
        }
    }
    if let Some(language) = preference_to_write(&api.get(e.language_preference), language) {
        values.push((e.language_preference, language));
    }
    values.push((e.exit, exit_value(version, status == "passed").to_string()));
    let elapsed = now_ms.saturating_sub(session_start(started_ms, now_ms));
    values.push((e.session_time, timespan(version, elapsed)));
    let mut refused: Option<Refusal> = None;
    for (element, value) in values {
        if let Err(refusal) = api.set(element, &value) {
            refused = refused.or(Some(refusal));
        }
    }
    let committed = api.commit().err();
    let ended = api.terminate().err();
    Sent {
        refused: refused.or(committed).or(ended),
        ..Sent::default()
    }
}
