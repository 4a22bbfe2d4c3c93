//! The core's rules for running a course: fitting saved attempts to it, drawing and scoring
//! quizzes, and reading and writing the LMS's data. They reach the learner state as one trait
//! object that comes with the course ([`Fitted`]): a course without its rules cannot be
//! built, so "start quiz" can never find the course but no way to draw it.
//!
//! Why a trait and not plain calls into the core: the shell (start and about) shares the
//! learner state with the course module but must not link the quiz engine or the LMS
//! reporting. Only the course module implements [`CourseRules`]
//! ([`crate::course::rules::CoreRules`], which the records module runs too); the shell never
//! names an implementation, so none of that code reaches its wasm.

use std::rc::Rc;

use trygg_core::content::{Course, Module, Role};
use trygg_core::lms::{LmsSync, Moment, Resumed, ScormApi, ScormVersion, Sent};
use trygg_core::progress::{FinishError, Progress, ReconcileNotice};
use trygg_core::quiz::AttemptScore;

/// The rules of `trygg_core` the course module runs the course by.
pub trait CourseRules {
    /// Fits saved attempts to the course as published ([`Progress::reconcile`]).
    fn reconcile(&self, progress: &mut Progress, modules: &[Module]) -> Vec<ReconcileNotice>;
    /// Draws a fresh quiz for `role` from `seed` ([`Progress::start_quiz`]).
    fn start_quiz(&self, progress: &mut Progress, module: &Module, role: Role, seed: u64, now: u64);
    /// Scores the running attempt by the course's pass mark, recording a pass with the
    /// course's content version ([`Progress::finish_quiz_in`]).
    fn finish_quiz(
        &self,
        progress: &mut Progress,
        course: &Course,
        module: &Module,
        now: u64,
    ) -> Result<AttemptScore, FinishError>;
    /// This browser's progress with the LMS's suspend data merged in ([`trygg_core::lms::resume`]).
    fn resume(&self, local: &Progress, suspend_data: &str) -> Resumed;
    /// The learner's name as the certificate prints it ([`trygg_core::lms::certificate_name`]).
    fn certificate_name(&self, lms_name: &str) -> Option<String>;
    /// Starts keeping track of what goes to the LMS ([`LmsSync::open`]).
    fn open_lms(
        &self,
        api: &mut dyn ScormApi,
        version: ScormVersion,
        started_ms: u64,
        now_ms: u64,
        unread: bool,
    ) -> LmsSync;
    /// Writes what changed to the LMS ([`LmsSync::send`]).
    #[allow(clippy::too_many_arguments)]
    fn send_lms(
        &self,
        sync: &mut LmsSync,
        api: &mut dyn ScormApi,
        progress: &Progress,
        course: &Course,
        lang: &str,
        moment: Moment,
        now_ms: u64,
    ) -> Sent;
}

/// The rules as the state holds them: one implementation per module, compared by address.
#[derive(Clone, Copy)]
pub struct Rules(pub &'static dyn CourseRules);

impl PartialEq for Rules {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(self.0, other.0)
    }
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rules")
    }
}

/// The course the learner's progress is fitted to, with the rules its quizzes run by.
#[derive(Clone)]
pub struct Fitted {
    pub course: Rc<Course>,
    pub rules: Rules,
}

/// The same course read once and the same rules: a course read again is a new value.
impl PartialEq for Fitted {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.course, &other.course) && self.rules == other.rules
    }
}

/// What a module's learner pages work on: the shell's (the learner's settings only) or the
/// course module's (the course, once read, and the rules to run it by, which the LMS
/// reporting needs from the start).
#[derive(Clone)]
pub enum Scope {
    /// Start and about: no module is shown, no quiz runs, nothing but the end of a session
    /// is written to an LMS.
    Settings,
    /// The course pages.
    Course {
        course: Option<Rc<Course>>,
        rules: Rules,
    },
}

/// Compared as [`Fitted`] is: by the course read and the rules' address.
impl PartialEq for Scope {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Scope::Settings, Scope::Settings) => true,
            (
                Scope::Course { course, rules },
                Scope::Course {
                    course: theirs,
                    rules: their_rules,
                },
            ) => crate::shared::state::same_read(course, theirs) && rules == their_rules,
            _ => false,
        }
    }
}

impl Scope {
    /// The rules, in the course module.
    pub fn rules(&self) -> Option<Rules> {
        match self {
            Scope::Settings => None,
            Scope::Course { rules, .. } => Some(*rules),
        }
    }

    /// The course with its rules, once read.
    pub fn fitted(&self) -> Option<Fitted> {
        match self {
            Scope::Course {
                course: Some(course),
                rules,
            } => Some(Fitted {
                course: course.clone(),
                rules: *rules,
            }),
            _ => None,
        }
    }
}
