//! The learner's saved progress: one versioned JSON document per course, kept in the
//! browser and downloadable as a backup.
//!
//! Everything here is a pure function of its inputs: the app does the storage and passes
//! the time in as unix milliseconds, so every rule (migration, merging two tabs, expiry)
//! is tested natively. Each change bumps [`Progress::revision`] and
//! [`Progress::updated_ms`], which is how two tabs tell whose copy is newer.

mod load;
mod merge;
mod quiz_flow;
mod reconcile;
mod status;
mod stored;
mod v1;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::certificate::Learner;
use crate::content::{LessonPlace, Role};
use crate::quiz::{Answer, AttemptScore, QuizPlan};

pub use load::{load_progress, to_json, ProgressError};
pub use merge::{document_to_adopt, document_to_save, merge, same_content, SaveDecision};
pub use quiz_flow::{AfterQuestion, FinishError, QuizPhase};
pub use reconcile::ReconcileNotice;
pub use status::{ModuleStatus, Renewal};
pub use stored::{
    backup_key, backups_of, open_decision, opens_in_session, progress_key, read_stored,
    OpenDecision, MAX_PROGRESS_BYTES,
};

/// The document version this build writes. Older versions are migrated forward on load;
/// newer ones are refused so an older app never overwrites what it cannot understand.
pub const PROGRESS_VERSION: u32 = 3;

/// The whole saved state of one learner in one course (document version 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Progress is only ever loaded into the course it was made in.
    pub course_id: String,
    #[serde(default)]
    pub role: Option<Role>,
    /// The learner said the computer is shared: the app keeps less and offers to clear.
    #[serde(default)]
    pub shared_computer: bool,
    #[serde(default)]
    pub learner: Learner,
    /// Keyed by module id.
    #[serde(default)]
    pub modules: BTreeMap<String, ModuleProgress>,
    /// When anything last changed (unix ms, as the app's clock said).
    #[serde(default)]
    pub updated_ms: u64,
    /// Incremented on every change, so a tab can tell that storage moved on under it even
    /// when two clocks disagree.
    #[serde(default)]
    pub revision: u64,
}

/// Where the learner is in one module and what they have achieved there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleProgress {
    /// The furthest lesson section reached: an index into the module's `sections` (all of
    /// them, in content order; the app skips those not meant for the learner's role), where
    /// the section count means "past the last". Only moves forward, so rereading an early
    /// section does not lose the bookmark.
    #[serde(default)]
    pub lesson_step: usize,
    /// The learner reached the end of the lessons.
    #[serde(default)]
    pub lessons_done: bool,
    /// The current or most recent quiz attempt; kept after finishing for the review.
    #[serde(default)]
    pub attempt: Option<Attempt>,
    /// The best percent of any passed attempt (failed attempts do not count).
    #[serde(default)]
    pub best_percent: Option<u8>,
    /// The most recent pass: it dates the certificate and starts the validity period.
    #[serde(default)]
    pub last_pass: Option<PassRecord>,
    /// The course's content version when `last_pass` was made: the certificate names the
    /// questions the learner was tested on, not those of a later edition. `None` for passes
    /// made before it was recorded (and those an LMS resumed), which the certificate dates by
    /// the course as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_content_version: Option<String>,
    /// Finished attempts, passed or not.
    #[serde(default)]
    pub attempts: u32,
}

/// A passed attempt, as the certificate and renewal reminders need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassRecord {
    pub percent: u8,
    pub passed_ms: u64,
}

/// One quiz attempt. The plan is stored, not just its seed, so the attempt resumes exactly
/// as it was shown even if the drawing rules change in a later version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub plan: QuizPlan,
    /// One slot per planned question, `None` until answered.
    pub answers: Vec<Option<Answer>>,
    /// The question being shown; `plan.items.len()` once the learner is past the last one.
    #[serde(default)]
    pub current: usize,
    pub started_ms: u64,
    pub updated_ms: u64,
    /// Scored and recorded; a finished attempt can be reviewed but not changed.
    #[serde(default)]
    pub finished: bool,
}

impl Attempt {
    /// How many questions have an answer; breaks ties between two tabs' copies.
    pub fn answered_count(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Makes `answers` and `current` fit the plan, so a hand-edited or truncated file
    /// cannot make the app index past the end.
    fn normalise(&mut self) {
        let len = self.plan.items.len();
        self.answers.resize(len, None);
        self.current = self.current.min(len);
    }
}

/// Why a change to the progress was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateError {
    /// The module has no quiz attempt to change.
    NoAttempt { module_id: String },
    /// The attempt was already finished and scored; start a new one instead.
    AttemptFinished { module_id: String },
    /// The answer is for a question the attempt does not have.
    QuestionOutOfRange { index: usize, len: usize },
}

impl fmt::Display for UpdateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpdateError::NoAttempt { module_id } => {
                write!(f, "module \"{module_id}\" has no quiz attempt in progress")
            }
            UpdateError::AttemptFinished { module_id } => {
                write!(
                    f,
                    "the quiz attempt in module \"{module_id}\" is already finished"
                )
            }
            UpdateError::QuestionOutOfRange { index, len } => {
                write!(
                    f,
                    "question {index} does not exist: the quiz has {len} questions"
                )
            }
        }
    }
}

impl std::error::Error for UpdateError {}

impl Progress {
    /// An empty document for a course, as for a first visit.
    pub fn new(course_id: &str) -> Progress {
        Progress {
            version: PROGRESS_VERSION,
            course_id: course_id.to_string(),
            role: None,
            shared_computer: false,
            learner: Learner::default(),
            modules: BTreeMap::new(),
            updated_ms: 0,
            revision: 0,
        }
    }

    pub fn module(&self, module_id: &str) -> Option<&ModuleProgress> {
        self.modules.get(module_id)
    }

    /// The module's attempt, finished or not.
    pub fn attempt(&self, module_id: &str) -> Option<&Attempt> {
        self.module(module_id).and_then(|m| m.attempt.as_ref())
    }

    /// The role whose content is shown: the one chosen, or employees' until the learner
    /// picks one (every page, the certificate and the LMS report ask this, so they agree).
    pub fn role_or_default(&self) -> Role {
        self.role.unwrap_or(Role::Employee)
    }

    /// Changing role keeps everything already done: passes stay valid and an attempt in
    /// progress can be finished; the next draw uses the new role.
    pub fn set_role(&mut self, role: Role, now_ms: u64) {
        self.role = Some(role);
        self.touch(now_ms);
    }

    pub fn set_shared_computer(&mut self, shared: bool, now_ms: u64) {
        self.shared_computer = shared;
        self.touch(now_ms);
    }

    pub fn set_learner(&mut self, learner: Learner, now_ms: u64) {
        self.learner = learner;
        self.touch(now_ms);
    }

    /// Records that the learner reached lesson section `step`; the bookmark only moves
    /// forward (see [`ModuleProgress::lesson_step`]).
    pub fn record_lesson_step(&mut self, module_id: &str, step: usize, now_ms: u64) {
        let m = self.module_entry(module_id);
        m.lesson_step = m.lesson_step.max(step);
        self.touch(now_ms);
    }

    /// Marks the lessons as read, which is what unlocks the quiz in the app.
    pub fn finish_lessons(&mut self, module_id: &str, now_ms: u64) {
        self.module_entry(module_id).lessons_done = true;
        self.touch(now_ms);
    }

    /// Records that the learner opened lesson page `place`: the bookmark moves to its section,
    /// and reaching the role's last page is what counts the lessons as finished.
    pub fn read_lesson_page(&mut self, module_id: &str, place: LessonPlace, now_ms: u64) {
        self.record_lesson_step(module_id, place.section, now_ms);
        if place.is_last() {
            self.finish_lessons(module_id, now_ms);
        }
    }

    /// Starts a new attempt with `plan`, replacing any earlier one (finished or not: an
    /// abandoned attempt is simply dropped and does not count as an attempt).
    pub fn start_attempt(&mut self, module_id: &str, plan: QuizPlan, now_ms: u64) {
        let answers = vec![None; plan.items.len()];
        self.module_entry(module_id).attempt = Some(Attempt {
            plan,
            answers,
            current: 0,
            started_ms: now_ms,
            updated_ms: now_ms,
            finished: false,
        });
        self.touch(now_ms);
    }

    /// Stores (or replaces) the answer to question `index` of the running attempt.
    pub fn record_answer(
        &mut self,
        module_id: &str,
        index: usize,
        answer: Answer,
        now_ms: u64,
    ) -> Result<(), UpdateError> {
        let attempt = self.open_attempt(module_id)?;
        let len = attempt.answers.len();
        let slot = attempt
            .answers
            .get_mut(index)
            .ok_or(UpdateError::QuestionOutOfRange { index, len })?;
        *slot = Some(answer);
        attempt.updated_ms = attempt.updated_ms.max(now_ms);
        self.touch(now_ms);
        Ok(())
    }

    /// Moves to the next question and returns its index (the question count once past the
    /// last, where the app shows the summary before finishing).
    pub fn advance(&mut self, module_id: &str, now_ms: u64) -> Result<usize, UpdateError> {
        let attempt = self.open_attempt(module_id)?;
        attempt.current = (attempt.current + 1).min(attempt.plan.items.len());
        attempt.updated_ms = attempt.updated_ms.max(now_ms);
        let current = attempt.current;
        self.touch(now_ms);
        Ok(current)
    }

    /// Records a scored attempt: the attempt is closed (kept for review) and counted; a pass
    /// raises `best_percent` and becomes `last_pass`, dated `now_ms`, even if an earlier
    /// pass scored higher, because the latest pass is what renews the certificate.
    pub fn finish_attempt(
        &mut self,
        module_id: &str,
        score: &AttemptScore,
        now_ms: u64,
    ) -> Result<(), UpdateError> {
        let attempt = self.open_attempt(module_id)?;
        attempt.finished = true;
        attempt.current = attempt.plan.items.len();
        attempt.updated_ms = attempt.updated_ms.max(now_ms);
        if let Some(m) = self.modules.get_mut(module_id) {
            m.attempts = m.attempts.saturating_add(1);
            if score.passed {
                m.best_percent = m.best_percent.max(Some(score.percent));
                m.last_pass = Some(PassRecord {
                    percent: score.percent,
                    passed_ms: now_ms,
                });
                // Until the caller says which content it was (`finish_quiz_in`).
                m.pass_content_version = None;
            }
        }
        self.touch(now_ms);
        Ok(())
    }

    fn module_entry(&mut self, module_id: &str) -> &mut ModuleProgress {
        self.modules.entry(module_id.to_string()).or_default()
    }

    fn open_attempt(&mut self, module_id: &str) -> Result<&mut Attempt, UpdateError> {
        let attempt = self
            .modules
            .get_mut(module_id)
            .and_then(|m| m.attempt.as_mut())
            .ok_or_else(|| UpdateError::NoAttempt {
                module_id: module_id.to_string(),
            })?;
        if attempt.finished {
            return Err(UpdateError::AttemptFinished {
                module_id: module_id.to_string(),
            });
        }
        Ok(attempt)
    }

    /// Every change goes through here. `updated_ms` never goes backwards, so a clock set
    /// back cannot make this copy look older than it is.
    fn touch(&mut self, now_ms: u64) {
        self.revision = self.revision.saturating_add(1);
        self.updated_ms = self.updated_ms.max(now_ms);
    }
}
