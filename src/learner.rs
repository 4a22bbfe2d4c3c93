//! The learner's progress as app state: a `Reducible` over the core's `Progress`, saved
//! after every change by `LearnerProvider`, and kept in step with other tabs.

use std::rc::Rc;

use trygg_core::content::{Course, Role};
use trygg_core::progress::{merge, LearnerDetails, Progress, ReconcileNotice};
use trygg_core::quiz::{Answer, AttemptScore, QuizPlan};
use yew::prelude::*;

use crate::browser::clock::now_ms;
use crate::browser::progress_store::{OpenOutcome, ProgressStore, SaveOutcome};
use crate::browser::storage::StorageError;

/// Something the learner should be told once.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Content changed under an unfinished quiz, which therefore starts over.
    QuizRestarted { module_id: String },
    /// Progress was restored from a file and merged with this browser's.
    Restored,
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
}

pub enum LearnerAction {
    /// The course has arrived: fit the progress to its modules (once per content version).
    Reconcile(Rc<Course>),
    SetRole(Role),
    SetShared(bool),
    SetDetails(LearnerDetails),
    /// Reached a lesson section (index into the module's full section list).
    LessonStep {
        module: String,
        index: usize,
    },
    FinishLessons {
        module: String,
    },
    StartQuiz {
        plan: QuizPlan,
    },
    Answer {
        module: String,
        index: usize,
        answer: Answer,
    },
    Advance {
        module: String,
    },
    Finish {
        module: String,
        score: AttemptScore,
    },
    /// Merge a restored progress file into ours.
    Restore(Progress),
    /// Another tab saved; adopt or merge its document.
    ExternalChange,
    /// A save merged another tab's changes: adopt the merged document.
    Merged(Progress),
    SaveFailed(StorageError),
    SaveSucceeded,
    DeleteAll,
    DismissNotices,
}

impl LearnerState {
    /// Opens the course's saved progress. The course module fits it to the modules once they
    /// have arrived ([`LearnerAction::Reconcile`]); the app's own pages need only the course id.
    pub fn open(course_id: &str) -> LearnerState {
        let (store, progress, opened) = ProgressStore::open(course_id, now_ms());
        crate::browser::storage::request_persistence();
        LearnerState {
            progress: Rc::new(progress),
            store,
            opened,
            save_error: None,
            notices: Vec::new(),
            reconciled: None,
        }
    }

    pub fn role(&self) -> Option<Role> {
        self.progress.role
    }

    /// The role to show content for; employees' until the learner picks one.
    pub fn role_or_default(&self) -> Role {
        self.progress.role.unwrap_or(Role::Employee)
    }
}

impl Reducible for LearnerState {
    type Action = LearnerAction;

    fn reduce(self: Rc<Self>, action: LearnerAction) -> Rc<Self> {
        let now = now_ms();
        let mut next = (*self).clone();
        let mut progress = (*self.progress).clone();
        // Refused updates (UpdateError) leave the document unchanged: the UI only offers
        // actions that are valid, so a refusal means a stale click and is safe to ignore.
        match action {
            LearnerAction::Reconcile(course) => {
                if self.reconciled.as_deref() == Some(course.version.as_str()) {
                    return self;
                }
                next.reconciled = Some(course.version.clone());
                next.notices
                    .extend(progress.reconcile(&course.modules).into_iter().filter_map(
                        |n| match n {
                            ReconcileNotice::AttemptRestarted { module_id } => {
                                Some(Notice::QuizRestarted { module_id })
                            }
                            ReconcileNotice::ModuleDropped { .. } => None,
                        },
                    ));
            }
            LearnerAction::SetRole(role) => progress.set_role(role, now),
            LearnerAction::SetShared(shared) => {
                progress.set_shared_computer(shared, now);
                next.store = self.store.switch_area(shared, &progress);
            }
            LearnerAction::SetDetails(details) => progress.set_learner(details, now),
            LearnerAction::LessonStep { module, index } => {
                progress.record_lesson_step(&module, index, now)
            }
            LearnerAction::FinishLessons { module } => progress.finish_lessons(&module, now),
            LearnerAction::StartQuiz { plan } => {
                let module = plan.module_id.clone();
                progress.start_attempt(&module, plan, now);
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
            LearnerAction::Finish { module, score } => {
                let _ = progress.finish_attempt(&module, &score, now);
            }
            LearnerAction::Restore(restored) => {
                progress = merge(&progress, &restored);
                next.notices.push(Notice::Restored);
            }
            LearnerAction::ExternalChange => match self.store.external_change(&progress) {
                Some(theirs) => progress = theirs,
                None => return self,
            },
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
            LearnerAction::DeleteAll => {
                self.store.delete();
                progress = Progress::new(&progress.course_id);
                // The shared-computer choice went with everything else.
                next.store = self.store.in_area(false);
                next.notices = vec![Notice::Deleted];
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

pub type LearnerHandle = UseReducerHandle<LearnerState>;

#[hook]
pub fn use_learner() -> LearnerHandle {
    // Only reachable by a programming error: `LearnerProvider` wraps every page.
    use_context::<LearnerHandle>().expect("LearnerProvider provides the learner context")
}

#[derive(Properties, PartialEq)]
pub struct LearnerProviderProps {
    pub course_id: AttrValue,
    /// The whole course in the course module; `None` in the app, whose pages do not show
    /// modules.
    pub course: Option<Rc<Course>>,
    pub children: Html,
}

/// Owns the learner state: saves after every change, listens for other tabs.
#[component]
pub fn LearnerProvider(props: &LearnerProviderProps) -> Html {
    let course_id = props.course_id.clone();
    let state = use_reducer(move || LearnerState::open(&course_id));

    {
        let dispatch = state.dispatcher();
        let course = props.course.clone();
        let version = course.as_ref().map(|c| c.version.clone());
        use_effect_with(version, move |_| {
            if let Some(course) = course {
                dispatch.dispatch(LearnerAction::Reconcile(course));
            }
        });
    }

    {
        let dispatch = state.dispatcher();
        let store = state.store.clone();
        use_effect_with(state.progress.clone(), move |progress| {
            // Nothing to save until the learner has done something.
            if progress.revision > 0 {
                match store.save(progress) {
                    Ok(SaveOutcome::Merged(merged)) => {
                        dispatch.dispatch(LearnerAction::Merged(merged))
                    }
                    Ok(_) => dispatch.dispatch(LearnerAction::SaveSucceeded),
                    Err(error) => dispatch.dispatch(LearnerAction::SaveFailed(error)),
                }
            }
        });
    }

    {
        let dispatch = state.dispatcher();
        let key = state.store.key().to_string();
        use_effect_with(key, move |key| {
            let key = key.clone();
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "storage", move |event| {
                    use wasm_bindgen::JsCast;
                    let matches = event
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(|e| e.key())
                        .is_some_and(|k| k == key);
                    if matches {
                        dispatch.dispatch(LearnerAction::ExternalChange);
                    }
                })
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<LearnerHandle> context={state}>
            { props.children.clone() }
        </ContextProvider<LearnerHandle>>
    }
}
