//! The learner's state and the reducer over it. The reducer is a pure function of the state,
//! the action and the moment the action carries: it reads no clock and touches no storage
//! (saving, moving between storage areas, deleting and reading other tabs' saves happen in
//! [`super::provider`]'s effects and [`super::handle`]'s methods, through the store).

use std::rc::Rc;

use trygg_core::content::{Course, LessonPlace, Role};
use trygg_core::lms::launch_role;
use trygg_core::progress::{merge, Learner, Progress, ReconcileNotice};
use trygg_core::quiz::Answer;
use yew::prelude::*;

use super::rules::{Fitted, Rules};
use crate::shared::browser::clock::now_ms;
use crate::shared::browser::lms::{current_lms, launch_query};
use crate::shared::browser::progress_store::{OpenOutcome, ProgressStore};
use crate::shared::browser::storage::StorageError;
use crate::shared::lms_session::{LmsSession, Sent};

/// Something the learner should be told once.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Content changed under an unfinished quiz, which therefore starts over.
    QuizRestarted { module_id: String },
    /// Everything was deleted on request.
    Deleted,
}

#[derive(Clone, PartialEq)]
pub struct LearnerState {
    pub progress: Rc<Progress>,
    pub store: ProgressStore,
    pub opened: OpenOutcome,
    /// The last save failed (e.g. storage full); cleared by the next successful save.
    pub save_error: Option<StorageError>,
    pub notices: Vec<Notice>,
    /// The content version the progress was last fitted to ([`LearnerAction::Reconcile`]).
    /// Pages that show modules wait for it, so they never see an attempt whose questions
    /// the security officer has since replaced.
    pub reconciled: Option<String>,
    /// The course the progress was fitted to, with the rules its quizzes are drawn and
    /// scored by (see [`super::rules`]).
    pub fitted: Option<Fitted>,
    /// The LMS the course runs in, if any: progress and results go there too.
    pub lms: Option<LmsSession>,
}

/// What happened, and when (unix ms, read by whoever dispatched it).
pub struct At(pub u64, pub LearnerAction);

/// What the learner did; the reducer applies it through `Progress`'s methods. Pages do not
/// dispatch these themselves: they call the methods of [`super::LearnerHandle`].
pub enum LearnerAction {
    /// The course has arrived: fit the progress to its modules (once per content version).
    Reconcile(Fitted),
    SetRole(Role),
    /// The shared-computer choice, with the store the document was moved to.
    SetShared(bool, ProgressStore),
    SetDetails(Learner),
    /// Opened a lesson page (the last one finishes the lessons).
    LessonPage {
        module: String,
        place: LessonPlace,
    },
    /// Draw a fresh quiz for the learner's role from `seed`.
    StartQuiz {
        module: String,
        seed: u64,
    },
    Answer {
        module: String,
        index: usize,
        answer: Answer,
    },
    Advance {
        module: String,
    },
    /// Score the running attempt against the course's pass mark and record it.
    FinishQuiz {
        module: String,
    },
    /// Merge a restored progress file into ours.
    Restore(Progress),
    /// Another tab saved: adopt its document (or the merge of it with ours).
    Adopt(Progress),
    /// A save merged another tab's changes: adopt the merged document.
    Merged(Progress),
    SaveFailed(StorageError),
    SaveSucceeded,
    /// A save to the LMS went as said.
    LmsSent(Sent),
    /// Everything was deleted from storage: start afresh in the lasting area.
    Deleted(ProgressStore),
    DismissNotices,
}

impl LearnerState {
    /// Opens the course's saved progress. The course module fits it to the modules once they
    /// have arrived ([`LearnerAction::Reconcile`]); the app's own pages need only the course id.
    pub fn open(course_id: &str, rules: Option<Rules>) -> LearnerState {
        let now = now_ms();
        let (store, mut progress, opened, lms) = match current_lms() {
            Some(lms) => {
                let (store, progress, opened, session) =
                    LmsSession::open(lms, rules, course_id, now);
                (store, progress, opened, Some(session))
            }
            None => {
                let (store, progress, opened) = ProgressStore::open(course_id, now);
                (store, progress, opened, None)
            }
        };
        // A package launched for one role (`index.html?role=manager`) skips the question.
        if let Some(role) = launch_role(&launch_query()) {
            if progress.role != Some(role) {
                progress.set_role(role, now);
            }
        }
        crate::shared::browser::storage::request_persistence();
        LearnerState {
            progress: Rc::new(progress),
            store,
            opened,
            save_error: None,
            notices: Vec::new(),
            reconciled: None,
            fitted: None,
            lms,
        }
    }

    /// The course the progress is fitted to, once it is.
    pub fn course(&self) -> Option<&Rc<Course>> {
        self.fitted.as_ref().map(|fitted| &fitted.course)
    }

    pub fn role(&self) -> Option<Role> {
        self.progress.role
    }

    /// Whether the progress is fitted to `course` as published: pages that show modules wait
    /// for it ([`LearnerState::reconciled`]).
    pub fn is_fitted_to(&self, course: &Course) -> bool {
        self.reconciled.as_deref() == Some(course.version.as_str())
    }

    /// The role to show content for ([`Progress::role_or_default`]).
    pub fn role_or_default(&self) -> Role {
        self.progress.role_or_default()
    }
}

impl Reducible for LearnerState {
    type Action = At;

    fn reduce(self: Rc<Self>, At(now, action): At) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut progress = (*self.progress).clone();
        // Refused updates (UpdateError) leave the document unchanged: the UI only offers
        // actions that are valid, so a refusal means a stale click and is safe to ignore.
        match action {
            LearnerAction::Reconcile(fitted) => {
                if self.is_fitted_to(&fitted.course) {
                    return self;
                }
                next.reconciled = Some(fitted.course.version.clone());
                let notices = fitted
                    .rules
                    .0
                    .reconcile(&mut progress, &fitted.course.modules);
                next.fitted = Some(fitted);
                next.notices.extend(notices.into_iter().map(|n| match n {
                    ReconcileNotice::AttemptRestarted { module_id } => {
                        Notice::QuizRestarted { module_id }
                    }
                }));
            }
            LearnerAction::SetRole(role) => progress.set_role(role, now),
            LearnerAction::SetShared(shared, store) => {
                progress.set_shared_computer(shared, now);
                next.store = store;
            }
            LearnerAction::SetDetails(details) => progress.set_learner(details, now),
            LearnerAction::LessonPage { module, place } => {
                progress.read_lesson_page(&module, place, now)
            }
            LearnerAction::StartQuiz { module, seed } => {
                let Some(fitted) = &self.fitted else {
                    return self;
                };
                let Some(module) = fitted.course.module(&module) else {
                    return self;
                };
                let role = self.role_or_default();
                fitted
                    .rules
                    .0
                    .start_quiz(&mut progress, module, role, seed, now);
            }
            LearnerAction::Answer {
                module,
                index,
                answer,
            } => {
                let _ = progress.record_answer(&module, index, answer, now);
            }
            LearnerAction::Advance { module } => {
                let _ = progress.advance(&module, now);
            }
            LearnerAction::FinishQuiz { module } => {
                let Some(fitted) = &self.fitted else {
                    return self;
                };
                let Some(module) = fitted.course.module(&module) else {
                    return self;
                };
                let _ = fitted
                    .rules
                    .0
                    .finish_quiz(&mut progress, &fitted.course, module, now);
            }
            LearnerAction::Restore(restored) => {
                // My data says so where the file was picked; a banner would say it twice.
                progress = merge(&progress, &restored);
            }
            LearnerAction::Adopt(theirs) => progress = theirs,
            LearnerAction::Merged(merged) => progress = merged,
            LearnerAction::SaveFailed(error) => {
                next.save_error = Some(error);
                return Rc::new(next);
            }
            LearnerAction::SaveSucceeded => {
                if self.save_error.is_none() {
                    return self;
                }
                next.save_error = None;
                return Rc::new(next);
            }
            LearnerAction::Deleted(store) => {
                progress = Progress::new(&progress.course_id);
                // The shared-computer choice went with everything else.
                next.store = store;
                next.notices = vec![Notice::Deleted];
            }
            LearnerAction::LmsSent(sent) => {
                match next.lms.as_mut() {
                    Some(session) if session.sent != sent => session.sent = sent,
                    _ => return self,
                }
                return Rc::new(next);
            }
            LearnerAction::DismissNotices => {
                next.notices.clear();
                return Rc::new(next);
            }
        }
        next.progress = Rc::new(progress);
        Rc::new(next)
    }
}
