//! A quiz attempt from the learner's side: start with a fresh draw, and finish by scoring
//! against the content and recording the result. The app calls these and nothing else, so
//! no page computes a score or a pass of its own.

use std::fmt;

use super::{ModuleStatus, Progress, UpdateError};
use crate::content::{Course, Module, Role};
use crate::date::LocalClock;
use crate::quiz::{draw_quiz, plan_is_valid, score_attempt, AttemptScore, QuizError};

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

/// What the quiz page shows for a module, from the learner's attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizPhase {
    /// No attempt that fits the module as published: the introduction and "start".
    Intro,
    /// The running attempt's question at this index.
    Question(usize),
    /// Every question answered but the result not recorded yet (the tab closed in between):
    /// a button to see the result.
    Unscored,
    /// Finished and scored: the result and the review.
    Result,
}

/// Where the button under an answered question leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterQuestion {
    /// On to the next question ([`Progress::advance`]).
    Next,
    /// That was the last: score and record the attempt ([`Progress::finish_quiz`]).
    Result,
}

impl AfterQuestion {
    /// For question `index` of a quiz of `total` questions.
    pub fn of(index: usize, total: usize) -> AfterQuestion {
        if index + 1 >= total {
            AfterQuestion::Result
        } else {
            AfterQuestion::Next
        }
    }
}

impl Progress {
    /// The phase of the quiz page for `module`. An attempt whose questions the module no
    /// longer has counts as none, so the learner starts afresh instead of meeting a question
    /// that is gone.
    pub fn quiz_phase(&self, module: &Module) -> QuizPhase {
        match self
            .attempt(&module.id)
            .filter(|a| plan_is_valid(module, &a.plan))
        {
            None => QuizPhase::Intro,
            Some(a) if a.finished => QuizPhase::Result,
            Some(a) if a.current < a.plan.items.len() => QuizPhase::Question(a.current),
            Some(_) => QuizPhase::Unscored,
        }
    }

    /// [`Progress::quiz_phase`] on the learner's day `now`: the result of the attempt that
    /// made the module's pass is shown while that pass is valid, but once it is due for
    /// renewal or has run out the page opens on the introduction, so "Renew" leads to a new
    /// attempt and not to last year's "Passed!". A failed retake after the pass still shows
    /// its result.
    pub fn quiz_phase_on(
        &self,
        module: &Module,
        now: impl Into<LocalClock>,
        validity_months: u8,
    ) -> QuizPhase {
        let phase = self.quiz_phase(module);
        let renewing = matches!(
            self.module_status(&module.id, now, validity_months),
            ModuleStatus::RenewalDue { .. } | ModuleStatus::Expired { .. }
        );
        let progress = self.module(&module.id);
        let pass = progress.and_then(|m| m.last_pass);
        let attempt = progress.and_then(|m| m.attempt.as_ref());
        match (phase, pass, attempt) {
            (QuizPhase::Result, Some(pass), Some(attempt))
                if renewing && attempt.updated_ms <= pass.passed_ms =>
            {
                QuizPhase::Intro
            }
            _ => phase,
        }
    }

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

    /// [`Progress::finish_quiz`] against `course`'s pass mark, recording a pass with the
    /// course's content version ([`super::ModuleProgress::pass_content_version`]), so the
    /// certificate keeps naming the content the learner was tested on after an edit.
    pub fn finish_quiz_in(
        &mut self,
        course: &Course,
        module: &Module,
        now_ms: u64,
    ) -> Result<AttemptScore, FinishError> {
        let score = self.finish_quiz(module, course.organisation.pass_mark, now_ms)?;
        if score.passed {
            if let Some(m) = self.modules.get_mut(&module.id) {
                m.pass_content_version = Some(course.version.clone());
            }
        }
        Ok(score)
    }

    /// The score of the module's most recent attempt, finished or not, for "my training"
    /// and the results page; `None` without an attempt or when the content changed under it.
    pub fn last_score(&self, module: &Module, pass_mark: u8) -> Option<AttemptScore> {
        let attempt = self.attempt(&module.id)?;
        score_attempt(module, &attempt.plan, &attempt.answers, pass_mark).ok()
    }
}
