//! The app's state and the messages that change it (`use_reducer` + `Reducible`).

use std::rc::Rc;

use trygg_core::content::{ContentIssue, Course, Lang, Organisation};
use yew::prelude::*;

use crate::shared::browser::fetch::FetchError;

/// Why the course could not be shown; rendered on the error page with the file's name.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentFailure {
    Fetch { file: String, error: FetchError },
    Invalid(Vec<ContentIssue>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ContentState {
    Loading,
    Ready(Rc<Course>),
    Failed(ContentFailure),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// The organisation file, as soon as it is read: all the app's own pages need. The course
    /// module reads the whole course instead (`content`, which holds the organisation too).
    pub organisation: Option<Rc<Organisation>>,
    pub content: ContentState,
    /// Bumped to ask the loader to fetch the content again (the retry button).
    pub load_attempt: u32,
}

pub enum AppAction {
    SetLang(Lang),
    OrganisationLoaded(Rc<Organisation>),
    ContentLoaded(Rc<Course>),
    ContentFailed(ContentFailure),
    RetryContent,
}

impl AppState {
    pub fn new(lang: Lang) -> AppState {
        AppState {
            lang,
            organisation: None,
            content: ContentState::Loading,
            load_attempt: 0,
        }
    }

    /// The organisation: read on its own by the shell, or as part of the course.
    pub fn organisation(&self) -> Option<&Organisation> {
        self.organisation
            .as_deref()
            .or_else(|| self.course().map(|c| &c.organisation))
    }

    pub fn course(&self) -> Option<&Rc<Course>> {
        match &self.content {
            ContentState::Ready(course) => Some(course),
            _ => None,
        }
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::SetLang(lang) => next.lang = lang,
            AppAction::OrganisationLoaded(org) => next.organisation = Some(org),
            AppAction::ContentLoaded(course) => next.content = ContentState::Ready(course),
            AppAction::ContentFailed(failure) => next.content = ContentState::Failed(failure),
            AppAction::RetryContent => {
                next.content = ContentState::Loading;
                next.load_attempt += 1;
            }
        }
        Rc::new(next)
    }
}

/// The app state shared through context, so pages need no prop chains.
pub type AppHandle = UseReducerHandle<AppState>;

#[hook]
pub fn use_app() -> AppHandle {
    // Only reachable by a programming error: each module's root (the app's `App`, the course
    // module's `CourseApp`, the manager module's `Root`) provides the context.
    use_context::<AppHandle>().expect("the module's root provides the app context")
}
