//! The app's state and the messages that change it (`use_reducer` + `Reducible`).

use std::ops::Deref;
use std::rc::Rc;

use trygg_core::content::{ContentIssue, Course, Direction, Lang, Module, Organisation};
use trygg_core::language::Words;
use yew::html::IntoPropValue;
use yew::prelude::*;

use crate::shared::browser::fetch::FetchError;
use crate::shared::landing::Landing;

/// Why the course could not be shown; rendered on the error page with the file's name.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentFailure {
    Fetch { file: String, error: FetchError },
    Invalid(Vec<ContentIssue>),
}

impl ContentFailure {
    /// Whether the failure lies wholly in `lang`'s own files (`languages/<tag>/…`): another
    /// language can still be shown.
    pub fn is_in_language(&self, lang: Lang) -> bool {
        let folder = format!("languages/{}/", lang.code());
        match self {
            ContentFailure::Fetch { file, .. } => file.contains(&folder),
            ContentFailure::Invalid(issues) => {
                !issues.is_empty() && issues.iter().all(|i| i.file.contains(&folder))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ContentState {
    Loading,
    Ready(Rc<Course>),
    Failed(ContentFailure),
}

/// A language as read: its UI words and the organisation's names in it.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageLoaded {
    pub words: Rc<Words>,
    pub organisation: Rc<Organisation>,
    /// The course (structure and course texts) in the language, for the modules that read it.
    pub course: Option<Rc<Course>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The language the learner asked for (the saved one, or a button's). The page shows
    /// `words`' language until this one's files are read, so a switch never blanks the page.
    pub wanted: Lang,
    /// The shown language's UI words; `None` until the first language is read.
    pub words: Option<Rc<Words>>,
    /// The organisation file, with its names in the shown language: all the shell's pages
    /// need. The course module reads the whole course instead (`content`, which holds the
    /// organisation too).
    pub organisation: Option<Rc<Organisation>>,
    pub content: ContentState,
    /// A module whose lesson and quiz texts could not be read, and why: its pages say so, and
    /// the rest of the course goes on working (my training, the other modules), until the
    /// learner tries again or the texts arrive.
    pub module_failed: Option<(String, ContentFailure)>,
    /// Bumped to ask the loader to fetch the content again (the retry button).
    pub load_attempt: u32,
    /// The course runs inside an LMS: pages say what goes there, and the manager view is not
    /// offered.
    pub in_lms: bool,
    /// Launched from an LMS package (its launch URL says so) but no LMS API was found: the
    /// results reach no LMS, and the learner is told.
    pub lms_unreachable: bool,
    /// A language the learner picked (or the page was to open in) whose files could not be
    /// read, and why: not kept on this device while offline, or missing or broken. The page
    /// stays in (or opens in) a language it can show and says why, until the next pick.
    pub unavailable: Option<(Lang, ContentFailure)>,
    /// Whether the learner is still on the page this mount began with (see [`Landing`]).
    pub landing: Landing,
    /// What the page held in memory did not arrive with the page
    /// ([`crate::shared::handover::Handover::unread`]): the learner is told.
    pub handover_unread: bool,
}

pub enum AppAction {
    /// The learner chose a language; its files are read next.
    ChooseLang(Lang),
    /// A language's words and texts are read: the page switches to it.
    LanguageLoaded(LanguageLoaded),
    /// A module with its lesson and quiz texts filled in.
    ModuleTexts(Box<Module>),
    /// The fallback language's words, for keys the shown language lacks.
    FallbackWords(Rc<Words>),
    /// The language picked could not be read (`ContentFailure` is why): the page stays in the
    /// one it shows. When the language's words did arrive and only the course's files failed
    /// after them, that is a [`AppAction::ContentFailed`] instead.
    LanguageUnavailable(Lang, ContentFailure),
    ContentFailed(ContentFailure),
    /// One module's texts could not be read (see [`AppState::module_failed`]).
    ModuleTextsFailed(String, ContentFailure),
    RetryContent,
}

impl AppState {
    /// A state before any file is read; `in_lms` comes from the page (the LMS's API found or
    /// not), so the state itself never looks at the browser.
    pub fn new(wanted: Lang, in_lms: bool) -> AppState {
        AppState {
            wanted,
            words: None,
            organisation: None,
            content: ContentState::Loading,
            module_failed: None,
            load_attempt: 0,
            in_lms,
            lms_unreachable: false,
            unavailable: None,
            landing: Landing::left(),
            handover_unread: false,
        }
    }

    /// The state a module's app starts from, with what the module before it handed over.
    pub fn arriving(handover: &crate::shared::handover::Handover) -> AppState {
        let in_lms = crate::shared::browser::lms::current_lms().is_some();
        let from_package =
            trygg_core::lms::launched_from_package(&crate::shared::browser::lms::launch_query());
        AppState {
            handover_unread: handover.unread,
            lms_unreachable: !in_lms && from_package,
            ..AppState::new(handover.lang, in_lms)
        }
    }

    /// Why module `id`'s pages cannot be shown, when its texts could not be read.
    pub fn module_failure(&self, id: &str) -> Option<&ContentFailure> {
        self.module_failed
            .as_ref()
            .filter(|(failed, _)| failed == id)
            .map(|(_, failure)| failure)
    }

    /// The language the page is shown in.
    pub fn lang(&self) -> Lang {
        self.words.as_ref().map_or(self.wanted, |w| w.lang())
    }

    /// The shown language's words. Empty until they are read; modules show their pages only
    /// once they are (`boot.js`'s screen stays until then).
    pub fn words(&self) -> Rc<Words> {
        self.words
            .clone()
            .unwrap_or_else(|| Rc::new(Words::new(self.wanted, Vec::new())))
    }

    /// Which way the shown language is written.
    pub fn dir(&self) -> Direction {
        self.organisation()
            .and_then(|o| o.language(self.lang()))
            .map(|l| l.dir)
            .unwrap_or_default()
    }

    /// The organisation: read on its own by the shell, or as part of the course.
    pub fn organisation(&self) -> Option<&Organisation> {
        self.course()
            .map(|c| &c.organisation)
            .or(self.organisation.as_deref())
    }

    pub fn course(&self) -> Option<&Rc<Course>> {
        match &self.content {
            ContentState::Ready(course) => Some(course),
            _ => None,
        }
    }

    /// Whether a switch of language is under way.
    pub fn switching(&self) -> bool {
        self.words.is_some() && self.wanted != self.lang()
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::ChooseLang(lang) => {
                next.wanted = lang;
                next.unavailable = None;
            }
            AppAction::LanguageLoaded(loaded) => {
                next.wanted = loaded.words.lang();
                // Only the language that could not be read, read after all, takes its notice
                // away: the shown language read again (the course after its words, a second
                // read the first one's words set off) must not.
                if self.unavailable.as_ref().map(|(l, _)| *l) == Some(loaded.words.lang()) {
                    next.unavailable = None;
                }
                // A module's texts that failed in one language are read afresh in another.
                if self
                    .words
                    .as_ref()
                    .is_some_and(|w| w.lang() != loaded.words.lang())
                {
                    next.module_failed = None;
                }
                // The same language read again (the course after its words) keeps the
                // fallback's words already joined in: they are read once per language.
                let kept = self
                    .words
                    .as_ref()
                    .filter(|w| w.lang() == loaded.words.lang() && !loaded.words.has_fallback())
                    .and_then(|w| w.fallback().cloned());
                next.words = Some(match kept {
                    Some(fallback) => Rc::new((*loaded.words).clone().with_fallback(fallback)),
                    None => loaded.words,
                });
                next.organisation = Some(loaded.organisation);
                if let Some(course) = loaded.course {
                    next.content = ContentState::Ready(course);
                }
            }
            AppAction::ModuleTexts(module) => {
                if next
                    .module_failed
                    .as_ref()
                    .is_some_and(|(id, _)| *id == module.id)
                {
                    next.module_failed = None;
                }
                // Texts read for a language the learner has since left are dropped.
                if let Some(course) = self.course().filter(|c| c.lang == module.texts) {
                    let mut course = (**course).clone();
                    if let Some(slot) = course.modules.iter_mut().find(|m| m.id == module.id) {
                        *slot = *module;
                    }
                    next.content = ContentState::Ready(Rc::new(course));
                }
            }
            AppAction::FallbackWords(fallback) => {
                if let Some(words) = &self.words {
                    let joined = (**words).clone().with_fallback((*fallback).clone());
                    next.words = Some(Rc::new(joined));
                }
            }
            AppAction::LanguageUnavailable(lang, failure) => {
                if self.lang() == lang {
                    next.content = ContentState::Failed(failure);
                } else {
                    next.wanted = self.lang();
                    next.unavailable = Some((lang, failure));
                }
            }
            AppAction::ContentFailed(failure) => next.content = ContentState::Failed(failure),
            AppAction::ModuleTextsFailed(id, failure) => next.module_failed = Some((id, failure)),
            AppAction::RetryContent => {
                next.module_failed = None;
                next.content = ContentState::Loading;
                next.load_attempt += 1;
            }
        }
        Rc::new(next)
    }
}

/// The app state as its root holds it: the content loaders ([`crate::shared::hooks`]) fill it
/// in; pages see it through [`AppHandle`].
pub type AppReducer = UseReducerHandle<AppState>;

/// The app context: reads like the state, and changes it only through these methods (as the
/// learner's [`crate::shared::learner::LearnerHandle`] does), so no page dispatches a raw
/// action.
#[derive(Clone, PartialEq)]
pub struct AppHandle(AppReducer);

impl Deref for AppHandle {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

/// Each module's root provides its reducer as the context.
impl IntoPropValue<AppHandle> for AppReducer {
    fn into_prop_value(self) -> AppHandle {
        AppHandle(self)
    }
}

impl AppHandle {
    /// The learner picked a language: its files are read next, and the page stays in the
    /// shown one until they are.
    pub fn choose_lang(&self, lang: Lang) {
        self.0.dispatch(AppAction::ChooseLang(lang));
    }

    /// Read the content again after a failure (the retry button), from the server: a file
    /// may have been fixed since.
    pub fn retry(&self) {
        crate::shared::browser::fetch::forget_read();
        self.0.dispatch(AppAction::RetryContent);
    }

    /// Module texts read for a page (see [`crate::shared::hooks::use_module_texts`]).
    pub fn module_texts_read(&self, module: Module) {
        self.0.dispatch(AppAction::ModuleTexts(Box::new(module)));
    }

    /// Module `id`'s texts could not be read or were refused: its pages say why.
    pub fn module_texts_failed(&self, id: String, failure: ContentFailure) {
        self.0.dispatch(AppAction::ModuleTextsFailed(id, failure));
    }
}

#[hook]
pub fn use_app() -> AppHandle {
    // Only reachable by a programming error: each module's root (the app's `App`, the course
    // and records modules' `CourseModuleRoot`, the manager module's `Root`) provides the
    // context.
    use_context::<AppHandle>().expect("the module's root provides the app context")
}

/// Whether two optional reads are the same read: both absent, or the very same value (by
/// address). A file read again is a new value even when its text has not changed, and hooks
/// keyed on a read must run again for it.
pub fn same_read<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Lang {
        Lang::parse(tag).expect("a well-formed tag")
    }

    /// A page shown in Swedish, its words read.
    fn shown_in_swedish() -> Rc<AppState> {
        let mut state = AppState::new(lang("sv"), false);
        state.words = Some(Rc::new(Words::new(lang("sv"), Vec::new())));
        Rc::new(state)
    }

    /// A language's words read (none of them), with the shipped organisation.
    fn loaded(tag: &str) -> AppAction {
        AppAction::LanguageLoaded(LanguageLoaded {
            words: Rc::new(Words::new(lang(tag), Vec::new())),
            organisation: Rc::new(
                trygg_core::content::parse_organisation(
                    "organisation.json",
                    include_bytes!("../../content/organisation.json"),
                )
                .expect("the shipped organisation file reads"),
            ),
            course: None,
        })
    }

    fn offline() -> ContentFailure {
        ContentFailure::Fetch {
            file: "content/languages/fi/ui.json".into(),
            error: FetchError::Network,
        }
    }

    #[test]
    fn a_language_not_kept_offline_leaves_the_page_in_the_shown_one() {
        let picked = shown_in_swedish().reduce(AppAction::ChooseLang(lang("fi")));
        assert!(picked.switching());
        let refused = picked.reduce(AppAction::LanguageUnavailable(lang("fi"), offline()));
        assert_eq!(
            refused.wanted,
            lang("sv"),
            "the Swedish button is pressed again"
        );
        assert_eq!(refused.lang(), lang("sv"));
        assert!(!refused.switching());
        assert_eq!(refused.unavailable, Some((lang("fi"), offline())));
        assert_eq!(refused.content, ContentState::Loading, "no failure page");
    }

    #[test]
    fn a_modules_texts_that_fail_leave_the_course_and_the_other_modules_working() {
        let broken = ContentFailure::Invalid(Vec::new());
        let failed = shown_in_swedish().reduce(AppAction::ModuleTextsFailed(
            "report".into(),
            broken.clone(),
        ));
        assert_eq!(
            failed.content,
            ContentState::Loading,
            "the course is left as it was"
        );
        assert_eq!(failed.module_failure("report"), Some(&broken));
        assert_eq!(failed.module_failure("roles"), None);
        let retried = failed.reduce(AppAction::RetryContent);
        assert_eq!(retried.module_failed, None, "trying again reads it afresh");
        let switched = shown_in_swedish()
            .reduce(AppAction::ModuleTextsFailed("report".into(), broken))
            .reduce(loaded("fi"));
        assert_eq!(
            switched.module_failed, None,
            "another language's file is another file"
        );
    }

    #[test]
    fn a_failure_in_a_languages_own_files_leaves_the_others_showable() {
        let missing = |file: &str| ContentFailure::Fetch {
            file: file.into(),
            error: FetchError::Status(404),
        };
        assert!(missing("content/languages/nb/ui.json").is_in_language(lang("nb")));
        assert!(!missing("content/modules/roles.json").is_in_language(lang("fi")));
        assert!(!missing("content/languages/sv/ui.json").is_in_language(lang("fi")));
        let issue = |file: &str| ContentIssue::new(file, "", "invalid JSON");
        let broken = ContentFailure::Invalid(vec![issue("languages/fi/ui.json")]);
        assert!(broken.is_in_language(lang("fi")));
        let mixed = ContentFailure::Invalid(vec![
            issue("languages/fi/ui.json"),
            issue("modules/roles.json"),
        ]);
        assert!(!mixed.is_in_language(lang("fi")));
        assert!(!ContentFailure::Invalid(Vec::new()).is_in_language(lang("fi")));
    }

    #[test]
    fn the_next_pick_clears_the_unavailable_language() {
        let refused = shown_in_swedish()
            .reduce(AppAction::ChooseLang(lang("fi")))
            .reduce(AppAction::LanguageUnavailable(lang("fi"), offline()));
        let again = refused.reduce(AppAction::ChooseLang(lang("fi")));
        assert_eq!(again.unavailable, None);
        assert_eq!(again.wanted, lang("fi"));
    }

    #[test]
    fn the_shown_language_read_again_keeps_the_notice_of_the_one_that_failed() {
        let refused = shown_in_swedish()
            .reduce(AppAction::ChooseLang(lang("fi")))
            .reduce(AppAction::LanguageUnavailable(lang("fi"), offline()));
        let again = refused.reduce(loaded("sv"));
        assert_eq!(again.unavailable, Some((lang("fi"), offline())));
        assert_eq!(again.reduce(loaded("fi")).unavailable, None);
    }

    #[test]
    fn a_course_file_missing_after_the_words_arrived_is_a_content_failure() {
        // The course pages show a language's words before its course files are read.
        let mut arrived = (*shown_in_swedish()).clone();
        arrived.words = Some(Rc::new(Words::new(lang("fi"), Vec::new())));
        arrived.wanted = lang("fi");
        let failed = Rc::new(arrived).reduce(AppAction::LanguageUnavailable(lang("fi"), offline()));
        assert_eq!(failed.content, ContentState::Failed(offline()));
        assert_eq!(failed.unavailable, None);
        assert_eq!(failed.wanted, lang("fi"));
    }

    #[test]
    fn a_read_is_the_same_only_as_itself() {
        let read = Some(Rc::new(String::from("ui")));
        let again = Some(Rc::new(String::from("ui")));
        assert!(same_read(&read, &read.clone()));
        assert!(!same_read(&read, &again), "read again: a new value");
        assert!(!same_read(&read, &None));
        assert!(same_read::<String>(&None, &None));
    }
}
