//! Running the course inside an organisation's LMS (SCORM 1.2 and 2004): what the app keeps
//! in `cmi.suspend_data`, what it reports as completion and score, and the learner's name as
//! the LMS gives it. All pure: the app's LMS adapter only moves these strings to and from the
//! LMS's API object, so every rule here is tested natively.

mod learner_name;
mod report;
mod resume;
mod suspend;
mod suspend_read;
mod suspend_write;
mod text;

pub use learner_name::certificate_name;
pub use report::{lms_report, LmsReport, ScormVersion};
pub use resume::{launch_role, local_progress_key, resume, Resumed};
pub use suspend::{
    decode_suspend_data, encode_suspend_data, Cut, SuspendData, SuspendError, SuspendTooLarge,
    SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT, SUSPEND_FORMAT,
};
pub use text::is_suspend_safe;
