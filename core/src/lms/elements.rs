//! The names of the SCORM data model elements the course reads and writes, per version. Every
//! element name lives here, so the app's LMS adapter only passes on what the core hands it
//! and a misspelt element is caught by a native test, not by an LMS that answers `"false"`.

use super::ScormVersion;

/// The elements of one SCORM version. Those a version lacks are `None` (SCORM 1.2 has no
/// progress measure and no separate success status).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elements {
    pub learner_id: &'static str,
    /// "Family, Given" in 1.2 by the standard; Moodle sends 2004's the same way.
    pub learner_name: &'static str,
    /// The language the LMS knows the learner prefers (a language tag such as `sv-SE`).
    pub language_preference: &'static str,
    pub suspend_data: &'static str,
    /// How the LMS starts this session: `ab-initio` (a new attempt), `resume` or empty.
    pub entry: &'static str,
    /// `normal`, `review` or `browse`: only a normal session is recorded.
    pub mode: &'static str,
    /// `credit` or `no-credit`: whether the LMS counts what the session reports.
    pub credit: &'static str,
    /// The bookmark: the app route to go on from.
    pub location: &'static str,
    pub exit: &'static str,
    pub session_time: &'static str,
    /// 1.2's `lesson_status`, 2004's `completion_status`.
    pub completion_status: &'static str,
    /// 2004's `success_status`; 1.2 says passed and failed in `lesson_status`.
    pub success_status: Option<&'static str>,
    pub score_scaled: Option<&'static str>,
    pub score_raw: &'static str,
    pub score_min: &'static str,
    pub score_max: &'static str,
    pub progress_measure: Option<&'static str>,
    pub interactions_count: &'static str,
    pub objectives_count: &'static str,
    /// The prefix of the n-th interaction's and objective's fields.
    interactions: &'static str,
    objectives: &'static str,
    /// The field of an interaction that holds the learner's answer.
    pub learner_response: &'static str,
    /// 2004's `timestamp`; 1.2's `time` is a time of day without a date or zone, which the
    /// course writes on the learner's clock ([`super::time_of_day`]).
    pub interaction_timestamp: Option<&'static str>,
}

const SCORM12: Elements = Elements {
    learner_id: "cmi.core.student_id",
    learner_name: "cmi.core.student_name",
    language_preference: "cmi.student_preference.language",
    suspend_data: "cmi.suspend_data",
    entry: "cmi.core.entry",
    mode: "cmi.core.lesson_mode",
    credit: "cmi.core.credit",
    location: "cmi.core.lesson_location",
    exit: "cmi.core.exit",
    session_time: "cmi.core.session_time",
    completion_status: "cmi.core.lesson_status",
    success_status: None,
    score_scaled: None,
    score_raw: "cmi.core.score.raw",
    score_min: "cmi.core.score.min",
    score_max: "cmi.core.score.max",
    progress_measure: None,
    interactions_count: "cmi.interactions._count",
    objectives_count: "cmi.objectives._count",
    interactions: "cmi.interactions",
    objectives: "cmi.objectives",
    learner_response: "student_response",
    interaction_timestamp: None,
};

const SCORM2004: Elements = Elements {
    learner_id: "cmi.learner_id",
    learner_name: "cmi.learner_name",
    language_preference: "cmi.learner_preference.language",
    suspend_data: "cmi.suspend_data",
    entry: "cmi.entry",
    mode: "cmi.mode",
    credit: "cmi.credit",
    location: "cmi.location",
    exit: "cmi.exit",
    session_time: "cmi.session_time",
    completion_status: "cmi.completion_status",
    success_status: Some("cmi.success_status"),
    score_scaled: Some("cmi.score.scaled"),
    score_raw: "cmi.score.raw",
    score_min: "cmi.score.min",
    score_max: "cmi.score.max",
    progress_measure: Some("cmi.progress_measure"),
    interactions_count: "cmi.interactions._count",
    objectives_count: "cmi.objectives._count",
    interactions: "cmi.interactions",
    objectives: "cmi.objectives",
    learner_response: "learner_response",
    interaction_timestamp: Some("timestamp"),
};

/// The calls of the SCORM runtime API the course makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScormCall {
    Initialize,
    GetValue,
    SetValue,
    Commit,
    /// 1.2's `LMSFinish`.
    Terminate,
    GetLastError,
}

impl ScormVersion {
    /// The versions in the order a course looks for their API: 2004's first, since an LMS
    /// that offers both expects a 2004 package to use it.
    pub const SEARCH_ORDER: [ScormVersion; 2] = [ScormVersion::Scorm2004, ScormVersion::Scorm12];

    /// This version's element names.
    pub fn elements(self) -> &'static Elements {
        match self {
            ScormVersion::Scorm12 => &SCORM12,
            ScormVersion::Scorm2004 => &SCORM2004,
        }
    }

    /// The name of the window property that holds this version's API object.
    pub fn api_object(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "API",
            ScormVersion::Scorm2004 => "API_1484_11",
        }
    }

    /// The API function for `call` in this version (1.2 prefixes every name with `LMS`).
    pub fn function(self, call: ScormCall) -> &'static str {
        let twelve = self == ScormVersion::Scorm12;
        match (call, twelve) {
            (ScormCall::Initialize, true) => "LMSInitialize",
            (ScormCall::Initialize, false) => "Initialize",
            (ScormCall::GetValue, true) => "LMSGetValue",
            (ScormCall::GetValue, false) => "GetValue",
            (ScormCall::SetValue, true) => "LMSSetValue",
            (ScormCall::SetValue, false) => "SetValue",
            (ScormCall::Commit, true) => "LMSCommit",
            (ScormCall::Commit, false) => "Commit",
            (ScormCall::Terminate, true) => "LMSFinish",
            (ScormCall::Terminate, false) => "Terminate",
            (ScormCall::GetLastError, true) => "LMSGetLastError",
            (ScormCall::GetLastError, false) => "GetLastError",
        }
    }
}

impl Elements {
    /// A field of the `n`-th interaction: `interaction(3, "id")` is `cmi.interactions.3.id`.
    pub fn interaction(&self, n: usize, field: &str) -> String {
        format!("{}.{n}.{field}", self.interactions)
    }

    /// A field of the `n`-th objective: `objective(0, "id")` is `cmi.objectives.0.id`.
    pub fn objective(&self, n: usize, field: &str) -> String {
        format!("{}.{n}.{field}", self.objectives)
    }
}
