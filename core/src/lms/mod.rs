//! Running the course inside an organisation's LMS (SCORM 1.2 and 2004): what the app keeps
//! in `cmi.suspend_data`, what it reports (completion, success, score, progress, each module
//! as an objective, each answer as an interaction, the session time), when it commits, the
//! learner's name and language as the LMS gives them, and every element's name. All pure: the
//! app's LMS adapter only moves these strings to and from the LMS's API object, so every rule
//! here is tested natively.

mod commit_policy;
mod duration;
mod elements;
mod interactions;
mod language;
mod learner_name;
mod objectives;
mod report;
mod resume;
mod session_begin;
mod session_end;
mod suspend;
mod suspend_read;
mod suspend_write;
mod sync;
mod text;

pub use commit_policy::{worth_committing, LOCATION_COMMIT_MS};
pub use duration::{time_of_day, timespan, timestamp};
pub use elements::{Elements, ScormCall};
pub use interactions::{
    interaction, new_interactions, Interaction, Kind, Response, SCORM2004_INTERACTION_LIMIT,
};
pub use language::{launch_language, preference_to_write, suspended_language, with_language};
pub use learner_name::certificate_name;
pub use objectives::{module_objectives, ModuleObjective, Standing};
pub use report::{exit_value, lms_report, LmsReport, ScormVersion};
pub use resume::{
    begins_new_attempt, launch_role, launched_from_package, local_progress_key, resume, Resumed,
    PACKAGE_MARK,
};
pub use session_begin::{mark_begun, records_nothing};
pub use session_end::end_session;
pub use suspend::{
    decode_suspend_data, encode_suspend_data, Cut, SuspendData, SuspendError, SuspendTooLarge,
    Suspended, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT, SUSPEND_FORMAT,
};
pub use sync::{LmsSync, Moment, Refusal, ScormApi, Sent};
pub use text::is_suspend_safe;
