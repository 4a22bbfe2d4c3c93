//! What the course starts from inside an LMS: the learner's progress as the LMS keeps it,
//! fitted to what this browser holds for the same learner, and the role the launch URL names.

use super::suspend::{decode_suspend_data, SuspendError, Suspended};
use crate::content::Role;
use crate::progress::{merge, Progress};

/// The progress to go on with, and why the LMS's copy was not used, if it was not.
#[derive(Debug, Clone, PartialEq)]
pub struct Resumed {
    pub progress: Progress,
    /// The LMS's suspend data could not be read; the learner goes on with `local`.
    pub unread: Option<SuspendError>,
}

/// The progress of a learner launched from the LMS (the language the suspend data names is
/// read before, by [`super::launch_language`], as the first page needs it). `local` is what this browser holds for
/// this same learner (the app keys it by the LMS's learner id, so another learner's data on
/// a shared computer never reaches here). The LMS's copy is the one that travels between
/// computers, so it is merged in: every module keeps the further of the two states (a pass
/// is never lost, a quiz in progress on either side continues) and the newer document's
/// settings win. Unreadable LMS data leaves `local` as it is.
pub fn resume(local: &Progress, suspend_data: &str) -> Resumed {
    match decode_suspend_data(suspend_data, &local.course_id) {
        Ok(Some(Suspended {
            progress: from_lms, ..
        })) if is_empty(local) => Resumed {
            progress: from_lms,
            unread: None,
        },
        Ok(Some(Suspended {
            progress: from_lms, ..
        })) => Resumed {
            progress: merge(local, &from_lms),
            unread: None,
        },
        Ok(None) => Resumed {
            progress: local.clone(),
            unread: None,
        },
        Err(error) => Resumed {
            progress: local.clone(),
            unread: Some(error),
        },
    }
}

/// Whether the LMS begins a new attempt with nothing saved: `entry` (`cmi.entry`,
/// `cmi.core.entry` in 1.2) is `ab-initio` and the suspend data is empty. What this browser
/// holds for the learner is then an earlier attempt's (a retake or a recertification the LMS
/// started), and merging it in would report the new attempt passed at once; the course starts
/// afresh and the app sets the browser's copy aside, never overwriting it. Asked once per
/// page: later in the same session the course's own writes are what the LMS holds.
pub fn begins_new_attempt(entry: &str, suspend_data: &str) -> bool {
    entry.trim() == "ab-initio" && suspend_data.trim().is_empty()
}

fn is_empty(p: &Progress) -> bool {
    p.revision == 0 && p.modules.is_empty() && p.role.is_none()
}

/// The browser storage key for an LMS learner's progress: one key per learner id, so two
/// learners launched on one computer never share a document. The id is written in a form
/// safe for any key (letters, digits, `-`, `_`, `.` kept; every other byte as `~XX`).
pub fn local_progress_key(course_id: &str, learner_id: &str) -> String {
    let mut id = String::new();
    for b in learner_id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            id.push(char::from(b));
        } else {
            id.push_str(&format!("~{b:02X}"));
        }
    }
    format!("trygg:{course_id}:lms:{id}:progress")
}

/// The marker a package's launch URL carries (`index.html?lms=scorm`), so a course launched
/// from a package that finds no LMS API can say that its results reach no LMS.
pub const PACKAGE_MARK: &str = "lms=scorm";

/// Whether the launch URL's query string (with or without its `?`) is a package's: a course
/// started from an LMS. Without an API it is then not the website but a course whose LMS
/// cannot be reached (another origin, a missing or broken API): the learner is told.
pub fn launched_from_package(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == PACKAGE_MARK)
}

/// The role a package's launch URL names (`index.html?role=manager`), from the URL's query
/// string with or without its `?`. Unknown roles are ignored: the learner picks one.
pub fn launch_role(query: &str) -> Option<Role> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "role")
        .and_then(|(_, value)| Role::from_key(value))
}
