//! What "my training" shows for a module: not started, in progress, not passed, passed,
//! due for renewal or expired.

use super::Progress;
use crate::certificate::{pass_valid_until, Validity};
use crate::content::Course;
use crate::date::{Date, LocalClock};

/// A module's state for the learner's overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleStatus {
    NotStarted,
    /// Lessons begun, or a quiz running. `question` is the index of the current question of
    /// a running attempt, `None` if no attempt is running.
    InProgress {
        lesson_step: usize,
        question: Option<usize>,
    },
    /// The last quiz was finished below the pass mark and none has passed yet: the learner
    /// should be told so, and offered the quiz again, rather than be shown "in progress".
    NotPassed {
        lesson_step: usize,
        attempts: u32,
    },
    /// Passed and not yet close to expiry.
    Passed {
        percent: u8,
        passed_ms: u64,
    },
    /// Still valid, but expiring within the renewal window: time to retake.
    RenewalDue {
        percent: u8,
        passed_ms: u64,
        /// The last day the pass is valid (the certificate's "valid until").
        valid_until: Date,
        /// Days from today to `valid_until`; 0 on the last valid day.
        days_left: u32,
    },
    /// The validity period has ended; the module must be retaken.
    Expired {
        percent: u8,
        passed_ms: u64,
        valid_until: Date,
    },
}

impl Progress {
    /// The module's status at `now`, in the learner's days. A pass decides it while one exists (a retake in
    /// progress does not hide a valid pass): valid through its `valid_until` day, due for
    /// renewal from [`crate::certificate::RENEWAL_WINDOW_DAYS`] before that, expired after,
    /// by the same [`Validity`] rule as certificates and the roster. Without a pass, any
    /// lesson or quiz activity means in progress.
    pub fn module_status(
        &self,
        module_id: &str,
        now: impl Into<LocalClock>,
        validity_months: u8,
    ) -> ModuleStatus {
        let clock = now.into();
        let Some(m) = self.module(module_id) else {
            return ModuleStatus::NotStarted;
        };
        if let Some(pass) = m.last_pass {
            let valid_until = pass_valid_until(clock.day_of(pass.passed_ms), validity_months);
            let (percent, passed_ms) = (pass.percent, pass.passed_ms);
            return match Validity::on(valid_until, clock.today()) {
                Validity::Expired => ModuleStatus::Expired {
                    percent,
                    passed_ms,
                    valid_until,
                },
                Validity::RenewalDue { days_left } => ModuleStatus::RenewalDue {
                    percent,
                    passed_ms,
                    valid_until,
                    days_left,
                },
                Validity::Valid => ModuleStatus::Passed { percent, passed_ms },
            };
        }
        let running = m.attempt.as_ref().filter(|a| !a.finished);
        if m.attempt.as_ref().is_some_and(|a| a.finished) {
            return ModuleStatus::NotPassed {
                lesson_step: m.lesson_step,
                attempts: m.attempts,
            };
        }
        if m.attempt.is_some() || m.lesson_step > 0 || m.lessons_done || m.attempts > 0 {
            ModuleStatus::InProgress {
                lesson_step: m.lesson_step,
                question: running.map(|a| a.current),
            }
        } else {
            ModuleStatus::NotStarted
        }
    }
}

impl Progress {
    /// [`Progress::module_status`] with the course's validity period and questions.
    /// A running attempt the module's questions no longer fit (kept by
    /// [`Progress::reconcile`]) is no question to go on with: its quiz starts over.
    pub fn status_in(
        &self,
        course: &Course,
        module_id: &str,
        now: impl Into<LocalClock>,
    ) -> ModuleStatus {
        let status = self.module_status(module_id, now, course.organisation.validity_months);
        let fits = |module| {
            self.attempt(module_id)
                .is_some_and(|a| crate::quiz::plan_is_valid(module, &a.plan))
        };
        match status {
            ModuleStatus::InProgress {
                lesson_step,
                question: Some(_),
            } if !course.module(module_id).is_some_and(fits) => ModuleStatus::InProgress {
                lesson_step,
                question: None,
            },
            status => status,
        }
    }

    /// How many of the role's required modules count as done at `now`, and how many there
    /// are: "my training" shows it, and the certificate is offered when they are equal.
    pub fn required_done(
        &self,
        course: &Course,
        role: crate::content::Role,
        now: impl Into<LocalClock>,
    ) -> (usize, usize) {
        let clock = now.into();
        let required = course.required_modules(role);
        let done = required
            .iter()
            .filter(|m| self.status_in(course, &m.id, clock).counts_as_done())
            .count();
        (done, required.len())
    }
}

/// Where the learner's certificate stands on renewal, for the notices on "my training" and
/// the certificate page. Module cards say it module by module; a learner coming back after a
/// year also needs to read, once, that the certificate as a whole is running or has run out,
/// and until when it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renewal {
    /// Every required module is passed and valid, and at least one pass is due for renewal:
    /// the certificate holds until `valid_until`, the earliest of the passes' last days.
    Due { valid_until: Date },
    /// Every required module has been passed, and at least one pass has run out: the
    /// certificate held until `valid_until`, the last day of the first pass to run out.
    Expired { valid_until: Date },
}

impl Progress {
    /// [`Renewal`] for `role` at `now`; `None` while a required module has never been passed
    /// (the learner is not done yet, which is not a renewal) or while no pass is due.
    pub fn renewal(
        &self,
        course: &Course,
        role: crate::content::Role,
        now: impl Into<LocalClock>,
    ) -> Option<Renewal> {
        let clock = now.into();
        let (mut due, mut expired): (Option<Date>, Option<Date>) = (None, None);
        for module in course.required_modules(role) {
            match self.status_in(course, &module.id, clock) {
                ModuleStatus::Passed { .. } => {}
                ModuleStatus::RenewalDue { valid_until, .. } => {
                    due = Some(due.map_or(valid_until, |d| d.min(valid_until)));
                }
                ModuleStatus::Expired { valid_until, .. } => {
                    expired = Some(expired.map_or(valid_until, |d| d.min(valid_until)));
                }
                _ => return None,
            }
        }
        match (expired, due) {
            (Some(valid_until), _) => Some(Renewal::Expired { valid_until }),
            (None, Some(valid_until)) => Some(Renewal::Due { valid_until }),
            (None, None) => None,
        }
    }
}

impl ModuleStatus {
    /// Passed and still valid (due for renewal is still valid): counts towards the
    /// certificate.
    pub fn counts_as_done(&self) -> bool {
        matches!(
            self,
            ModuleStatus::Passed { .. } | ModuleStatus::RenewalDue { .. }
        )
    }
}
