//! The learner's name as the LMS knows it, turned into the name the certificate prints, so
//! the learner need not type it again.

use super::ScormVersion;
use crate::certificate::{validate_learner_field, LearnerField};

/// The certificate name from `cmi.core.student_name` (SCORM 1.2, "Last, First" by the
/// standard) or `cmi.learner_name` (SCORM 2004, free text). For 1.2 the part after the first
/// comma goes first ("Ek, Åsa" is "Åsa Ek"); a 1.2 name without a comma, as some LMSs send,
/// is taken as it is. Runs of white space become one space. `None` when nothing usable is
/// left (empty, one character, or control characters the certificate form would refuse);
/// a name over the form's 100 characters is cut there.
pub fn certificate_name(lms_name: &str, version: ScormVersion) -> Option<String> {
    let ordered = match (version, lms_name.split_once(',')) {
        (ScormVersion::Scorm12, Some((last, first))) => format!("{} {}", first.trim(), last.trim()),
        _ => lms_name.to_string(),
    };
    let collapsed = ordered.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = collapsed.chars().take(MAX_NAME_CHARS).collect();
    validate_learner_field(LearnerField::FullName, &cut).ok()
}

/// The certificate form's limit for a name.
const MAX_NAME_CHARS: usize = 100;
