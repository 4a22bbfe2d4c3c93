//! Where the learner state lives: opened once per mount, fitted to the course, saved after
//! every change, sent to the LMS, and kept in step with other tabs. Every read or write of
//! storage and the LMS happens in these effects; the reducer only computes the next state.

use std::rc::Rc;

use trygg_core::content::{Course, Lang};
use trygg_core::lms::Moment;
use trygg_core::progress::Progress;
use yew::prelude::*;

use super::handle::LearnerHandle;
use super::rules::Scope;
use super::state::{At, LearnerAction, LearnerState};
use crate::shared::browser::clock::now_ms;
use crate::shared::browser::lms::watch_leaving;
use crate::shared::browser::progress_store::{ProgressStore, SaveOutcome};

/// The state the page-leaving and other-tab listeners read when their event comes.
struct Latest {
    progress: Rc<Progress>,
    course: Option<Rc<Course>>,
    lang: Lang,
    store: ProgressStore,
}

/// Dispatches `action` as happening now.
fn send(dispatch: &UseReducerDispatcher<LearnerState>, action: LearnerAction) {
    dispatch.dispatch(At(now_ms(), action));
}

#[derive(Properties, PartialEq)]
pub struct LearnerProviderProps {
    pub course_id: AttrValue,
    /// The shell's settings, or the course module's course (once read) with its rules.
    pub scope: Scope,
    pub children: Html,
}

/// Owns the learner state: saves after every change, listens for other tabs.
#[component]
pub fn LearnerProvider(props: &LearnerProviderProps) -> Html {
    let course_id = props.course_id.clone();
    let rules = props.scope.rules();
    let state = use_reducer(move || LearnerState::open(&course_id, rules));
    let app = crate::shared::state::use_app();
    let lang = app.lang();

    {
        let dispatch = state.dispatcher();
        let fitted = props.scope.fitted();
        let version = fitted.as_ref().map(|f| f.course.version.clone());
        use_effect_with(version, move |_| {
            if let Some(fitted) = fitted {
                send(&dispatch, LearnerAction::Reconcile(fitted));
            }
        });
    }

    // The progress the save below last ran for: one rendered after it is not saved yet.
    let saved = use_mut_ref(|| None::<Rc<Progress>>);
    {
        let dispatch = state.dispatcher();
        let store = state.store.clone();
        let saved = saved.clone();
        use_effect_with(state.progress.clone(), move |progress| {
            *saved.borrow_mut() = Some(progress.clone());
            if progress.worth_saving() {
                match store.save(progress) {
                    Ok(SaveOutcome::Merged(merged)) => {
                        send(&dispatch, LearnerAction::Merged(merged))
                    }
                    Ok(_) => send(&dispatch, LearnerAction::SaveSucceeded),
                    Err(error) => send(&dispatch, LearnerAction::SaveFailed(error)),
                }
            }
        });
    }

    {
        // Every change, and a change of language, goes to the LMS; the core's policy says
        // which are committed at once. A refused call is shown and repeated with the next.
        let dispatch = state.dispatcher();
        let lms = state.lms.clone();
        // The page's course, with the texts of the modules read so far (an interaction names
        // its question in words), when it is the learner's version; else the learner's.
        let fitted = state.course().cloned();
        let version = fitted.as_ref().map(|c| c.version.clone());
        let course = app
            .course()
            .filter(|c| Some(&c.version) == version.as_ref())
            .cloned()
            .or(fitted);
        use_effect_with(
            (state.progress.clone(), lang, version),
            move |(progress, lang, _)| {
                if let (Some(session), true) = (lms, progress.worth_saving()) {
                    let sent = session.send(progress, course.as_deref(), *lang, Moment::Change);
                    send(&dispatch, LearnerAction::LmsSent(sent));
                }
            },
        );
    }

    // What the listeners below act on when their event comes: the state as last rendered.
    let latest = use_mut_ref(|| None::<Latest>);
    *latest.borrow_mut() = Some(Latest {
        progress: state.progress.clone(),
        course: state.course().cloned(),
        lang,
        store: state.store.clone(),
    });

    {
        // A change rendered but not saved when this provider goes. Yew may yield to the
        // browser between a render and its effects; the `hashchange` the start page's button
        // queues can then unmount this provider (the shell shows the loading page) before
        // the save above runs, and a destroyed component's effects never run: the role
        // would be lost. Saved here instead, as the provider is destroyed.
        let latest = latest.clone();
        use_effect_with((), move |_| {
            move || {
                let unsaved = latest
                    .borrow()
                    .as_ref()
                    .filter(|now| {
                        let done = saved
                            .borrow()
                            .as_ref()
                            .is_some_and(|s| Rc::ptr_eq(s, &now.progress));
                        !done && now.progress.worth_saving()
                    })
                    .map(|now| (now.store.clone(), now.progress.clone()));
                if let Some((store, progress)) = unsaved {
                    let _ = store.save(&progress);
                }
            }
        });
    }

    {
        // When the page is hidden the LMS gets what waits for a commit; when it goes away,
        // the last state, the session time and the exit mode, and the session ends.
        let latest = latest.clone();
        use_effect_with(state.lms.clone(), move |session| {
            let listeners = session.clone().map(|session| {
                let send = move |moment: Moment| {
                    if let Some(now) = latest.borrow().as_ref() {
                        session.send(&now.progress, now.course.as_deref(), now.lang, moment);
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
        // Another tab's save is read here, against the latest progress of this one.
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
                    let theirs = match latest.borrow().as_ref() {
                        Some(now) if matches => now.store.external_change(&now.progress),
                        _ => None,
                    };
                    if let Some(theirs) = theirs {
                        send(&dispatch, LearnerAction::Adopt(theirs));
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
