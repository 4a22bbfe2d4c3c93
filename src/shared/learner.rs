//! The learner's progress as app state: a `Reducible` over the core's `Progress`, saved
//! after every change by `LearnerProvider`, and kept in step with other tabs.

use std::ops::Deref;
use std::rc::Rc;

use trygg_core::content::{Course, Lang, LessonPlace, Module, Role};
use trygg_core::lms::{launch_role, Moment};
use trygg_core::progress::{merge, FinishError, Learner, Progress, ReconcileNotice};
use trygg_core::quiz::{Answer, AttemptScore};
use yew::prelude::*;

use crate::shared::browser::clock::now_ms;
use crate::shared::browser::lms::{current_lms, launch_query, watch_leaving};
use crate::shared::browser::progress_store::{OpenOutcome, ProgressStore, SaveOutcome};
use crate::shared::browser::storage::StorageError;
use crate::shared::lms_session::{LmsRules, LmsSession, Sent};

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
    /// The course the progress was fitted to: quizzes are drawn and scored against it.
    pub course: Option<Rc<Course>>,
    /// The quiz engine's rules, with the course (see [`QuizRules`]).
    pub quiz: Option<&'static QuizRules>,
    /// The LMS the course runs in, if any: progress and results go there too.
    pub lms: Option<LmsSession>,
}

/// The core's quiz rules, handed in with the course by the module that shows it. The
/// shell (start and about) never runs a quiz and passes none, so its wasm carries none of
/// the quiz engine.
pub struct QuizRules {
    /// Fits saved attempts to the course as published ([`Progress::reconcile`]).
    pub reconcile: fn(&mut Progress, &[Module]) -> Vec<ReconcileNotice>,
    /// [`Progress::start_quiz`]: module, role, seed, now.
    pub start: fn(&mut Progress, &Module, Role, u64, u64),
    /// [`Progress::finish_quiz`]: module, pass mark, now.
    pub finish: fn(&mut Progress, &Module, u8, u64) -> Result<AttemptScore, FinishError>,
}

impl PartialEq for QuizRules {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// What the learner did; the reducer applies it through `Progress`'s methods. Pages do not
/// dispatch these themselves: they call the methods of [`LearnerHandle`].
pub enum LearnerAction {
    /// The course has arrived: fit the progress to its modules (once per content version).
    Reconcile(Rc<Course>, &'static QuizRules),
    SetRole(Role),
    SetShared(bool),
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
    /// Another tab saved; adopt or merge its document.
    ExternalChange,
    /// A save merged another tab's changes: adopt the merged document.
    Merged(Progress),
    SaveFailed(StorageError),
    SaveSucceeded,
    /// A save to the LMS went as said.
    LmsSent(Sent),
    DeleteAll,
    DismissNotices,
}

impl LearnerState {
    /// Opens the course's saved progress. The course module fits it to the modules once they
    /// have arrived ([`LearnerAction::Reconcile`]); the app's own pages need only the course id.
    pub fn open(course_id: &str, lms_rules: Option<&'static LmsRules>) -> LearnerState {
        let now = now_ms();
        let (store, mut progress, opened, lms) = match current_lms() {
            Some(lms) => {
                let (store, progress, opened, session) =
                    LmsSession::open(lms, lms_rules, course_id, now);
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
            course: None,
            quiz: None,
            lms,
        }
    }

    pub fn role(&self) -> Option<Role> {
        self.progress.role
    }

    /// The role to show content for ([`Progress::role_or_default`]).
    pub fn role_or_default(&self) -> Role {
        self.progress.role_or_default()
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
            LearnerAction::Reconcile(course, rules) => {
                if self.reconciled.as_deref() == Some(course.version.as_str()) {
                    return self;
                }
                next.reconciled = Some(course.version.clone());
                next.course = Some(course.clone());
                next.quiz = Some(rules);
                next.notices.extend(
                    (rules.reconcile)(&mut progress, &course.modules)
                        .into_iter()
                        .filter_map(|n| match n {
                            ReconcileNotice::AttemptRestarted { module_id } => {
                                Some(Notice::QuizRestarted { module_id })
                            }
                            ReconcileNotice::ModuleDropped { .. } => None,
                        }),
                );
            }
            LearnerAction::SetRole(role) => progress.set_role(role, now),
            LearnerAction::SetShared(shared) => {
                progress.set_shared_computer(shared, now);
                next.store = self.store.switch_area(shared, &progress);
            }
            LearnerAction::SetDetails(details) => progress.set_learner(details, now),
            LearnerAction::LessonPage { module, place } => {
                progress.read_lesson_page(&module, place, now)
            }
            LearnerAction::StartQuiz { module, seed } => {
                let Some(module) = self.course.as_ref().and_then(|c| c.module(&module)) else {
                    return self;
                };
                let Some(rules) = self.quiz else {
                    return self;
                };
                (rules.start)(&mut progress, module, self.role_or_default(), seed, now);
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
                let Some(course) = self.course.as_ref() else {
                    return self;
                };
                let (Some(module), Some(rules)) = (course.module(&module), self.quiz) else {
                    return self;
                };
                let _ = (rules.finish)(&mut progress, module, course.organisation.pass_mark, now);
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

/// The learner context: reads like the state, and changes it only through these methods,
/// each one step the learner took.
#[derive(Clone, PartialEq)]
pub struct LearnerHandle(UseReducerHandle<LearnerState>);

impl Deref for LearnerHandle {
    type Target = LearnerState;

    fn deref(&self) -> &LearnerState {
        &self.0
    }
}

impl LearnerHandle {
    fn send(&self, action: LearnerAction) {
        self.0.dispatch(action);
    }

    pub fn set_role(&self, role: Role) {
        self.send(LearnerAction::SetRole(role));
    }

    pub fn set_shared_computer(&self, shared: bool) {
        self.send(LearnerAction::SetShared(shared));
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

    pub fn delete_all(&self) {
        self.send(LearnerAction::DeleteAll);
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

#[derive(Properties, PartialEq)]
pub struct LearnerProviderProps {
    pub course_id: AttrValue,
    /// The whole course in the course module; `None` in the app, whose pages do not show
    /// modules.
    pub course: Option<Rc<Course>>,
    /// The core's LMS rules, given by the course module only (see [`LmsRules`]).
    #[prop_or_default]
    pub lms_rules: Option<&'static LmsRules>,
    /// The quiz engine's rules, given by the course module only (see [`QuizRules`]).
    #[prop_or_default]
    pub quiz_rules: Option<&'static QuizRules>,
    pub children: Html,
}

/// Owns the learner state: saves after every change, listens for other tabs.
#[component]
pub fn LearnerProvider(props: &LearnerProviderProps) -> Html {
    let course_id = props.course_id.clone();
    let lms_rules = props.lms_rules;
    let state = use_reducer(move || LearnerState::open(&course_id, lms_rules));
    let lang = crate::shared::state::use_app().lang();

    {
        let dispatch = state.dispatcher();
        let course = props.course.clone();
        let quiz = props.quiz_rules;
        let version = course.as_ref().map(|c| c.version.clone());
        use_effect_with(version, move |_| {
            if let (Some(course), Some(rules)) = (course, quiz) {
                dispatch.dispatch(LearnerAction::Reconcile(course, rules));
            }
        });
    }

    {
        let dispatch = state.dispatcher();
        let store = state.store.clone();
        use_effect_with(state.progress.clone(), move |progress| {
            if progress.worth_saving() {
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
        // Every change, and a change of language, goes to the LMS; the core's policy says
        // which are committed at once. A refused call is shown and repeated with the next.
        let dispatch = state.dispatcher();
        let lms = state.lms.clone();
        let course = state.course.clone();
        let version = course.as_ref().map(|c| c.version.clone());
        use_effect_with(
            (state.progress.clone(), lang, version),
            move |(progress, lang, _)| {
                if let (Some(session), true) = (lms, progress.worth_saving()) {
                    let sent = session.send(progress, course.as_deref(), *lang, Moment::Change);
                    dispatch.dispatch(LearnerAction::LmsSent(sent));
                }
            },
        );
    }

    {
        // When the page is hidden the LMS gets what waits for a commit; when it goes away,
        // the last state, the session time and the exit mode, and the session ends.
        let latest = use_mut_ref(|| None::<(Rc<Progress>, Option<Rc<Course>>, Lang)>);
        *latest.borrow_mut() = Some((state.progress.clone(), state.course.clone(), lang));
        use_effect_with(state.lms.clone(), move |session| {
            let listeners = session.clone().map(|session| {
                let send = move |moment: Moment| {
                    if let Some((progress, course, lang)) = latest.borrow().as_ref() {
                        session.send(progress, course.as_deref(), *lang, moment);
                    }
                };
                let on_hidden = send.clone();
                watch_leaving(
                    move || on_hidden(Moment::Hidden),
                    move || send(Moment::Exit),
                )
            });
            move || drop(listeners)
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
        <ContextProvider<LearnerHandle> context={LearnerHandle(state)}>
            { props.children.clone() }
        </ContextProvider<LearnerHandle>>
    }
}
