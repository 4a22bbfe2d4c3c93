//! Fitting saved progress to the course as it is now, after the security officer edited
//! the content: modules may be gone, questions replaced, sections removed.

use super::Progress;
use crate::content::Module;
use crate::quiz::plan_is_valid;

/// Something the learner should be told after [`Progress::reconcile`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReconcileNotice {
    /// The running quiz no longer matches the module's questions and was discarded: "your
    /// quiz restarted because the content changed".
    AttemptRestarted { module_id: String },
}

impl Progress {
    /// Brings the progress in line with `modules` (the course's current modules):
    ///
    /// * progress for a module no longer in the course is kept as it is: a module left out by
    ///   mistake, or for a while, has the learner's lessons, quiz and result back when it
    ///   returns (nothing here may lose learner data), and the pages show only the course's
    ///   modules;
    /// * an attempt whose plan is no longer valid ([`plan_is_valid`]) is removed; for a
    ///   running attempt a notice says so, a finished one just loses its review (its result
    ///   is already recorded);
    /// * `lesson_step` is clamped to the module's section count.
    ///
    /// Bumps `revision` if anything changed but leaves `updated_ms` alone (no clock here),
    /// so a merge still judges the learner's own activity by its time.
    pub fn reconcile(&mut self, modules: &[Module]) -> Vec<ReconcileNotice> {
        let mut notices = Vec::new();
        let mut changed = false;
        for module in modules {
            let Some(m) = self.modules.get_mut(&module.id) else {
                continue;
            };
            if let Some(attempt) = &m.attempt {
                if !plan_is_valid(module, &attempt.plan) {
                    if !attempt.finished {
                        notices.push(ReconcileNotice::AttemptRestarted {
                            module_id: module.id.clone(),
                        });
                    }
                    m.attempt = None;
                    changed = true;
                }
            }
            let sections = module.sections.len();
            if m.lesson_step > sections {
                m.lesson_step = sections;
                changed = true;
            }
        }
        if changed {
            self.revision = self.revision.saturating_add(1);
        }
        notices
    }
}
