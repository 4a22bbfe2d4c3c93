//! The learner's name as the LMS knows it, turned into the name the certificate prints, so
//! the learner need not type it again (the form stays editable).

use crate::certificate::{validate_learner_field, LearnerField};

/// The certificate name from `cmi.core.student_name` (SCORM 1.2, "Family, Given" by the
/// standard) or `cmi.learner_name` (SCORM 2004, free text that Moodle, too, sends as
/// "Family, Given"). A name with exactly one comma is turned round ("Ćosić-Nguyễn, Олена Thị"
/// is "Олена Thị Ćosić-Nguyễn"; "Ek," is "Ek"); any other form (no comma, or several) is
/// taken as it is, since it does not follow that convention. Runs of white space become one
/// space. `None` when nothing usable is left (empty, one character, or control characters the
/// certificate form would refuse); a name over the form's 100 characters is cut there.
pub fn certificate_name(lms_name: &str) -> Option<String> {
    let ordered = match lms_name.split(',').collect::<Vec<_>>()[..] {
        [family, given] => format!("{given} {family}"),
        _ => lms_name.to_string(),
    };
    let collapsed = ordered.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = collapsed.chars().take(MAX_NAME_CHARS).collect();
    validate_learner_field(LearnerField::FullName, cut.trim_end()).ok()
}

/// The certificate form's limit for a name.
const MAX_NAME_CHARS: usize = 100;
