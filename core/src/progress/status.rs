//! What "my training" shows for a module: not started, in progress, not passed, passed,
//! due for renewal or expired.

use super::Progress;
use crate::date::Date;

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

/// The last day a pass is valid: the pass's UTC date plus `validity_months`, clamped to the
/// month's end. The same rule the certificate prints, so the two never disagree.
pub fn pass_valid_until(passed_ms: u64, validity_months: u8) -> Date {
    Date::from_unix_ms(passed_ms).add_months(u32::from(validity_months))
}

impl Progress {
    /// The module's status at `now_ms`. A pass decides it while one exists (a retake in
    /// progress does not hide a valid pass): valid through its `valid_until` day, due for
    /// renewal from `renewal_window_days` before that, expired after. Without a pass, any
    /// lesson or quiz activity means in progress.
    pub fn module_status(
        &self,
        module_id: &str,
        now_ms: u64,
        validity_months: u8,
        renewal_window_days: u32,
    ) -> ModuleStatus {
        let Some(m) = self.module(module_id) else {
            return ModuleStatus::NotStarted;
        };
        if let Some(pass) = m.last_pass {
            let valid_until = pass_valid_until(pass.passed_ms, validity_months);
            let days_left = Date::from_unix_ms(now_ms).days_until(&valid_until);
            let (percent, passed_ms) = (pass.percent, pass.passed_ms);
            if days_left < 0 {
                return ModuleStatus::Expired {
                    percent,
                    passed_ms,
                    valid_until,
                };
            }
            return match u32::try_from(days_left) {
                Ok(days_left) if days_left <= renewal_window_days => ModuleStatus::RenewalDue {
                    percent,
                    passed_ms,
                    valid_until,
                    days_left,
                },
                // Too many days for a u32 is as good as valid forever.
                _ => ModuleStatus::Passed { percent, passed_ms },
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
