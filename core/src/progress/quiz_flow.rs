//! A quiz attempt from the learner's side: start with a fresh draw, and finish by scoring
//! against the content and recording the result. The app calls these and nothing else, so
//! no page computes a score or a pass of its own.

use std::fmt;

use super::{Progress, UpdateError};
use crate::content::{Module, Role};
use crate::quiz::{draw_quiz, score_attempt, AttemptScore, QuizError};

/// Why a quiz could not be finished. Nothing is recorded when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinishError {
    /// No running attempt (never started, or already finished in another tab).
    Update(UpdateError),
    /// The attempt no longer fits the module (the content changed under it).
    Quiz(QuizError),
}

impl fmt::Display for FinishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FinishError::Update(e) => e.fmt(f),
            FinishError::Quiz(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FinishError {}

impl Progress {
    /// Starts a new attempt at `module` for `role`, drawn and shuffled from `seed` (the app
    /// passes a fresh random seed; the plan is stored, so a reload shows the same quiz).
    pub fn start_quiz(&mut self, module: &Module, role: Role, seed: u64, now_ms: u64) {
        let plan = draw_quiz(module, role, seed);
        self.start_attempt(&module.id, plan, now_ms);
    }

    /// Scores the running attempt at `module` against `pass_mark` (the organisation's) and
    /// records it ([`Progress::finish_attempt`]): a pass renews the module, a fail counts as
    /// an attempt. Returns the score the results page shows.
    pub fn finish_quiz(
        &mut self,
        module: &Module,
        pass_mark: u8,
        now_ms: u64,
    ) -> Result<AttemptScore, FinishError> {
        let attempt = self
            .attempt(&module.id)
            .filter(|a| !a.finished)
            .ok_or_else(|| {
                FinishError::Update(UpdateError::NoAttempt {
                    module_id: module.id.clone(),
                })
            })?;
        let score = score_attempt(module, &attempt.plan, &attempt.answers, pass_mark)
            .map_err(FinishError::Quiz)?;
        self.finish_attempt(&module.id, &score, now_ms)
            .map_err(FinishError::Update)?;
        Ok(score)
    }

    /// The score of the module's most recent attempt, finished or not, for "my training"
    /// and the results page; `None` without an attempt or when the content changed under it.
    pub fn last_score(&self, module: &Module, pass_mark: u8) -> Option<AttemptScore> {
        let attempt = self.attempt(&module.id)?;
        score_attempt(module, &attempt.plan, &attempt.answers, pass_mark).ok()
    }
}
