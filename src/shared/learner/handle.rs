//! The learner context as pages use it: the state to read, and one method per step the
//! learner takes.

use std::ops::Deref;

use trygg_core::content::{LessonPlace, Role};
use trygg_core::progress::{Learner, Progress};
use trygg_core::quiz::Answer;
use yew::prelude::*;

use super::state::{At, LearnerAction, LearnerState};
use crate::shared::browser::clock::now_ms;

/// The learner context: reads like the state, and changes it only through these methods,
/// each one step the learner took.
#[derive(Clone, PartialEq)]
pub struct LearnerHandle(pub(super) UseReducerHandle<LearnerState>);

impl Deref for LearnerHandle {
    type Target = LearnerState;

    fn deref(&self) -> &LearnerState {
        &self.0
    }
}

impl LearnerHandle {
    fn send(&self, action: LearnerAction) {
        self.0.dispatch(At(now_ms(), action));
    }

    pub fn set_role(&self, role: Role) {
        self.send(LearnerAction::SetRole(role));
    }

    /// Moves the saved document to session storage (shared computer) or back, then records
    /// the choice in it.
    pub fn set_shared_computer(&self, shared: bool) {
        let store = self.store.switch_area(shared, &self.progress);
        self.send(LearnerAction::SetShared(shared, store));
    }

    pub fn set_details(&self, details: Learner) {
        self.send(LearnerAction::SetDetails(details));
    }

    /// The learner opened lesson page `place` of `module` ([`Progress::read_lesson_page`]).
    pub fn read_lesson_page(&self, module: &str, place: LessonPlace) {
        self.send(LearnerAction::LessonPage {
            module: module.to_string(),
            place,
        });
    }

    /// Starts a fresh, reshuffled quiz (a retake draws anew).
    pub fn start_quiz(&self, module: &str) {
        self.send(LearnerAction::StartQuiz {
            module: module.to_string(),
            seed: crate::shared::browser::clock::fresh_seed(),
        });
    }

    pub fn answer(&self, module: &str, index: usize, answer: Answer) {
        self.send(LearnerAction::Answer {
            module: module.to_string(),
            index,
            answer,
        });
    }

    /// On to the next question (or the summary after the last).
    pub fn advance(&self, module: &str) {
        self.send(LearnerAction::Advance {
            module: module.to_string(),
        });
    }

    /// Scores and records the running attempt.
    pub fn finish_quiz(&self, module: &str) {
        self.send(LearnerAction::FinishQuiz {
            module: module.to_string(),
        });
    }

    /// Merges a restored progress file into this browser's.
    pub fn restore(&self, progress: Progress) {
        self.send(LearnerAction::Restore(progress));
    }

    /// Deletes the saved progress and its backups (the learner confirmed), and starts afresh.
    pub fn delete_all(&self) {
        self.store.delete();
        self.send(LearnerAction::Deleted(self.store.in_area(false)));
    }

    pub fn dismiss_notices(&self) {
        self.send(LearnerAction::DismissNotices);
    }
}

#[hook]
pub fn use_learner() -> LearnerHandle {
    // Only reachable by a programming error: `LearnerProvider` wraps every page.
    use_context::<LearnerHandle>().expect("LearnerProvider provides the learner context")
}
