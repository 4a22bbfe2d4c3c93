//! The first thing the course writes when a session begins: that the learner has started.
//! An LMS that finds a SCORM 1.2 status still `not attempted` when the session ends records
//! `completed` (the standard's rule for a SCO that never sets one, which Moodle follows), so
//! a learner who opened the course and closed it at once would be reported done.

use super::sync::{Refusal, ScormApi};
use super::ScormVersion;

/// Whether the LMS will record nothing of this session: it opened the course for review or
/// browsing (`cmi.core.lesson_mode`, `cmi.mode`), or without credit (`cmi.core.credit`,
/// `cmi.credit`), as Moodle does when a learner reopens a finished attempt. The learner is
/// told, so a retake there is not mistaken for one that counts. An LMS that says nothing
/// (empty values) is taken to record as usual.
pub fn records_nothing(mode: &str, credit: &str) -> bool {
    matches!(mode.trim(), "review" | "browse") || credit.trim() == "no-credit"
}

/// Sets the completion status to `incomplete` when the LMS holds none yet (1.2's
/// `not attempted`, 2004's `unknown` or `not attempted`, or nothing); any other status
/// (`incomplete`, `completed`, `passed`, `failed`, `browsed`) is the learner's and stays.
/// Returns the refusal if the LMS would not take it; the course's next write says where the
/// learner stands anyway.
pub fn mark_begun(api: &mut dyn ScormApi, version: ScormVersion) -> Option<Refusal> {
    let element = version.elements().completion_status;
    let status = api.get(element);
    let untouched = matches!(status.trim(), "" | "not attempted" | "unknown");
    if untouched {
        api.set(element, "incomplete").err()
    } else {
        None
    }
}
