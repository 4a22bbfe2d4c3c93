//! Fitting saved progress to the course as it is now, after the security officer edited
//! the content: modules may be gone, questions replaced, sections removed.

use super::Progress;
use crate::content::Module;
use crate::quiz::plan_is_valid;

/// Something the learner should be told after [`Progress::reconcile`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReconcileNotice {
    /// The running quiz no longer matches the module's questions: "your quiz starts over
    /// because the content changed" (the attempt is kept, should the change be undone).
    AttemptRestarted { module_id: String },
}

impl Progress {
    /// Brings the progress in line with `modules` (the course's current modules):
    ///
    /// * progress for a module no longer in the course is kept as it is: a module left out by
    ///   mistake, or for a while, has the learner's lessons, quiz and result back when it
    ///   returns (nothing here may lose learner data), and the pages show only the course's
    ///   modules;
    /// * an attempt whose plan no longer fits the module ([`plan_is_valid`]) is kept, not
    ///   deleted: the quiz page opens on its introduction and "my training" shows no question
    ///   to go on with, and a running one brings a notice that the quiz starts over. Should
    ///   the change be undone (a mistyped question id, corrected), the attempt goes on with its
    ///   answers; a new attempt replaces it;
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
                if !attempt.finished && !plan_is_valid(module, &attempt.plan) {
                    notices.push(ReconcileNotice::AttemptRestarted {
                        module_id: module.id.clone(),
                    });
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
