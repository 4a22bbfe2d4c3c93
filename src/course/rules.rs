//! The course module's [`CourseRules`]: plain calls into `trygg_core`. Only this module and
//! the records module (the certificate, which reports to the LMS too) name them, so only their
//! wasm carries the quiz engine and the LMS reporting.

use trygg_core::content::{Course, Module, Role};
use trygg_core::lms::{self, LmsSync, Moment, Resumed, ScormApi, ScormVersion, Sent};
use trygg_core::progress::{FinishError, Progress, ReconcileNotice};
use trygg_core::quiz::AttemptScore;

use crate::shared::learner::{CourseRules, Rules};

/// The core's rules, as the course pages run them.
pub struct CoreRules;

/// What the course module hands its learner state.
pub const CORE_RULES: Rules = Rules(&CoreRules);

impl CourseRules for CoreRules {
    fn reconcile(&self, progress: &mut Progress, modules: &[Module]) -> Vec<ReconcileNotice> {
        progress.reconcile(modules)
    }

    fn start_quiz(
        &self,
        progress: &mut Progress,
        module: &Module,
        role: Role,
        seed: u64,
        now: u64,
    ) {
        progress.start_quiz(module, role, seed, now)
    }

    fn finish_quiz(
        &self,
        progress: &mut Progress,
        course: &Course,
        module: &Module,
        now: u64,
    ) -> Result<AttemptScore, FinishError> {
        progress.finish_quiz_in(course, module, now)
    }

    fn resume(&self, local: &Progress, suspend_data: &str) -> Resumed {
        lms::resume(local, suspend_data)
    }

    fn certificate_name(&self, lms_name: &str) -> Option<String> {
        lms::certificate_name(lms_name)
    }

    fn open_lms(
        &self,
        api: &mut dyn ScormApi,
        version: ScormVersion,
        started_ms: u64,
        now_ms: u64,
        unread: bool,
    ) -> LmsSync {
        LmsSync::open(api, version, started_ms, now_ms, unread)
            .with_local_time(crate::shared::browser::clock::local_clock().minutes_ahead)
    }

    fn send_lms(
        &self,
        sync: &mut LmsSync,
        api: &mut dyn ScormApi,
        progress: &Progress,
        course: &Course,
        lang: &str,
        moment: Moment,
        now_ms: u64,
    ) -> Sent {
        sync.send(api, progress, course, lang, moment, now_ms)
    }
}
