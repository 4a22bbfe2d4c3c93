//! The app's own hooks, in one place: state that several pages keep the same way. The
//! context hooks (`use_app`, `use_learner`, `use_route`, `use_hand_over`) stay beside the
//! context they read.

use std::rc::Rc;

use futures::future::join;
use trygg_core::content::{Course, Lang, Organisation};
use trygg_core::language::{course_texts_file, Words};
use yew::prelude::*;

use crate::shared::browser::document;
use crate::shared::browser::download::download;
use crate::shared::content_loader::{
    fetch_organisation_file, language_of, load_course_language, load_course_structure,
    load_course_words, load_fallback_words, load_language, load_module_texts, TextFile,
};
use crate::shared::route::Route;
use crate::shared::state::{
    AppAction, AppReducer, AppState, ContentFailure, ContentState, LanguageLoaded,
};

/// Whether a page's confirm box is showing, and the callbacks around it.
pub struct Confirm {
    pub shown: bool,
    /// Shows the box (the trigger button's `onclick`).
    pub ask: Callback<MouseEvent>,
    /// Hides the box and sends focus back to the trigger button ("no", or Escape).
    pub cancel: Callback<()>,
    /// Hides the box once the action was confirmed (call from the "yes" handler).
    pub done: Callback<()>,
}

/// The state behind a [`ConfirmBox`](crate::shared::components::confirm_box::ConfirmBox) shown in place of the button with id `trigger`.
#[hook]
pub fn use_confirm(trigger: &'static str) -> Confirm {
    let shown = use_state(|| false);
    let set = |value: bool| {
        let shown = shown.clone();
        move || shown.set(value)
    };
    let (show, hide, hide_too) = (set(true), set(false), set(false));
    Confirm {
        shown: *shown,
        ask: Callback::from(move |_| show()),
        cancel: Callback::from(move |_| {
            hide();
            document::focus_soon(trigger);
        }),
        done: Callback::from(move |_| hide_too()),
    }
}

/// Moves focus to the page heading each time a new page is ready: screen-reader and keyboard
/// users then start on the page they asked for. Not on the first page of a visit, unless
/// `focus_first` (the learner navigated here from a page rendered elsewhere).
#[hook]
pub fn use_heading_focus(route: Route, ready: bool, focus_first: bool) {
    let skip = use_mut_ref(move || !focus_first);
    use_effect_with((route, ready), move |(_, ready)| {
        if *ready && !std::mem::replace(&mut *skip.borrow_mut(), false) {
            document::focus("page-title");
        }
    });
}

/// Whether the learner has moved on from the first page this module showed (or had already
/// before it, `already`): from then on, focus goes to each new page's heading.
#[hook]
pub fn use_navigated(route: &Route, already: bool) -> bool {
    let first = use_mut_ref(|| route.clone());
    let navigated = use_mut_ref(|| already);
    if *first.borrow() != *route {
        *navigated.borrow_mut() = true;
    }
    let value = *navigated.borrow();
    value
}

/// Offers files for download and remembers the one the browser refused, for a
/// [`DownloadFailed`](crate::shared::components::download_failed::DownloadFailed) to show.
#[derive(Clone, PartialEq)]
pub struct Downloads {
    refused: UseStateHandle<Option<String>>,
}

impl Downloads {
    /// Offers `bytes` as `file_name`; a later success clears an earlier refusal.
    pub fn offer(&self, file_name: &str, mime: &str, bytes: &[u8]) {
        let refused = (!download(file_name, mime, bytes)).then(|| file_name.to_string());
        self.refused.set(refused);
    }

    /// The file the browser refused last, if the latest offer was refused.
    pub fn refused(&self) -> Option<String> {
        (*self.refused).clone()
    }
}

/// The state behind a page's downloads; see [`Downloads`].
#[hook]
pub fn use_downloads() -> Downloads {
    Downloads {
        refused: use_state(|| None),
    }
}

/// Reads what the shell's pages need, and again whenever the learner picks another
/// language: the organisation and the language's words and names. Kept apart from
/// [`use_course_content`], so the shell links none of the course's reading.
#[hook]
pub fn use_organisation_content(state: &AppReducer) {
    let latest = use_mut_ref(|| None::<Rc<Organisation>>);
    *latest.borrow_mut() = state.organisation.clone();
    let wanted = state.wanted;
    let settled = state.words.as_ref().is_some_and(|w| w.lang() == wanted);
    let switching = state.words.as_ref().is_some_and(|w| w.lang() != wanted);
    let dispatch = state.dispatcher();
    use_effect_with((wanted, state.load_attempt), move |(wanted, _)| {
        let wanted = *wanted;
        if !settled {
            let organisation = latest.borrow().clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = |lang: Lang| async move {
                    match organisation {
                        Some(organisation) => load_language(&organisation, lang).await,
                        None => match fetch_organisation_file().await {
                            Ok((_, organisation)) => load_language(&organisation, lang).await,
                            Err(failure) => Err(failure),
                        },
                    }
                };
                match read.clone()(wanted).await {
                    Err(failure) if !switching => {
                        open_in_first_language(&dispatch, wanted, failure, read).await
                    }
                    loaded => dispatch_loaded(&dispatch, loaded, switching.then_some(wanted)),
                }
            });
        }
    });
    use_fallback_words(state);
}

/// Reads what the course's pages (and the manager view) need, and again whenever the learner
/// picks another language: the organisation, the language's words and names, the course's
/// structure and its texts in that language (see [`first_load`]).
#[hook]
pub fn use_course_content(state: &AppReducer) {
    let latest = use_mut_ref(|| None::<Rc<Course>>);
    *latest.borrow_mut() = state.course().cloned();
    let wanted = state.wanted;
    let settled = state.words.as_ref().is_some_and(|w| w.lang() == wanted)
        && !matches!(state.content, ContentState::Loading);
    // Another language than the one shown: a switch (not a first read or a retry).
    let switching = state.words.as_ref().is_some_and(|w| w.lang() != wanted);
    let dispatch = state.dispatcher();
    // The read under way (language and attempt): a first read dispatches the words before
    // the course, which makes `wanted` that language, and must not start the same read again.
    let reading = use_mut_ref(|| None::<(Lang, u32)>);
    let attempt = state.load_attempt;
    use_effect_with((wanted, attempt), move |&(wanted, attempt)| {
        let begun = *reading.borrow() == Some((wanted, attempt));
        if !settled && !begun {
            *reading.borrow_mut() = Some((wanted, attempt));
            let course = latest.borrow().clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match &course {
                    Some(course) => load_course_language(course, wanted).await,
                    None => first_load(wanted, &dispatch).await,
                };
                let mut mine = (wanted, attempt);
                match loaded {
                    Err(failure) if !switching && course.is_none() => {
                        let read = |lang| {
                            mine = (lang, attempt);
                            *reading.borrow_mut() = Some(mine);
                            first_load(lang, &dispatch)
                        };
                        open_in_first_language(&dispatch, wanted, failure, read).await
                    }
                    loaded => dispatch_loaded(&dispatch, loaded, switching.then_some(wanted)),
                }
                // Unless a later read has begun since.
                let mut reading = reading.borrow_mut();
                if *reading == Some(mine) {
                    *reading = None;
                }
            });
        }
    });
    use_fallback_words(state);
}

/// Hands a language's reading to the page. `switch`: the language the learner switched to,
/// when the page already shows another one. Its files not reaching this device (offline), or
/// missing or broken, leave the page as it is, saying why ([`AppAction::LanguageUnavailable`]),
/// rather than take the page away from a learner who can go on in the language shown.
fn dispatch_loaded(
    dispatch: &UseReducerDispatcher<AppState>,
    loaded: Result<LanguageLoaded, ContentFailure>,
    switch: Option<Lang>,
) {
    match loaded {
        Ok(loaded) => dispatch.dispatch(AppAction::LanguageLoaded(loaded)),
        Err(failure) => match switch {
            Some(lang) => dispatch.dispatch(AppAction::LanguageUnavailable(lang, failure)),
            None => dispatch.dispatch(AppAction::ContentFailed(failure)),
        },
    }
}

/// The first read of a page failed on `wanted`'s own files (a language kept from an earlier
/// visit, or handed on by the page before, since broken or taken away): the page opens in
/// the course's first language instead, saying why, rather than show nothing. `read` reads a
/// language; any other failure, or the first language's own, is the course's fault as usual.
async fn open_in_first_language<F, Fut>(
    dispatch: &UseReducerDispatcher<AppState>,
    wanted: Lang,
    failure: ContentFailure,
    read: F,
) where
    F: FnOnce(Lang) -> Fut,
    Fut: std::future::Future<Output = Result<LanguageLoaded, ContentFailure>>,
{
    let first = match fetch_organisation_file().await {
        Ok((_, organisation)) => organisation.choose_language(None),
        Err(_) => None,
    };
    match first.filter(|first| *first != wanted && failure.is_in_language(wanted)) {
        Some(first) => match read(first).await {
            Ok(loaded) => {
                dispatch.dispatch(AppAction::LanguageLoaded(loaded));
                dispatch.dispatch(AppAction::LanguageUnavailable(wanted, failure));
            }
            Err(other) => dispatch.dispatch(AppAction::ContentFailed(other)),
        },
        None => dispatch.dispatch(AppAction::ContentFailed(failure)),
    }
}

/// A key the language's `ui.json` lacks makes the page read its fallback language's words,
/// once per read of the language's words: as the key is missed, whichever component asked
/// for it, or once the page has rendered for a miss noticed before the notice was set up. Set
/// up once per words read, not after every render. Per read, not per language: coming back to
/// a language reads its words anew, without the fallback's, which must then be joined again.
#[hook]
fn use_fallback_words(state: &AppReducer) {
    let organisation = state.organisation.clone();
    let dispatch = state.dispatcher();
    let read = ReadWords(state.words.clone(), organisation.is_some());
    use_effect_with(read, move |ReadWords(words, _)| {
        let (Some(words), Some(organisation)) = (words.clone(), organisation) else {
            return;
        };
        if words.has_fallback() {
            return;
        }
        let lang = words.lang();
        let requested = std::cell::Cell::new(false);
        let load = Rc::new(move || {
            if requested.replace(true) {
                return;
            }
            let (organisation, dispatch) = (organisation.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(Some(fallback)) = load_fallback_words(&organisation, lang).await {
                    dispatch.dispatch(AppAction::FallbackWords(Rc::new(fallback)));
                }
            });
        });
        if words.take_missed() {
            load();
        }
        words.on_miss(load);
    });
}

/// One read of a language's words (compared by address: a new read is a new value) and
/// whether the organisation file is here.
struct ReadWords(Option<Rc<Words>>, bool);

impl PartialEq for ReadWords {
    fn eq(&self, other: &Self) -> bool {
        crate::shared::state::same_read(&self.0, &other.0) && self.1 == other.1
    }
}

/// The course pages' first read: the organisation file, then its language's words and names
/// with the course's structure beside them. The words and names are dispatched as soon as
/// they are here, so the page frame and "my data" come up without waiting for the module
/// files (and even when one of them is broken). The language's `course.json` is read once,
/// for the organisation's names and then the modules' titles.
async fn first_load(
    wanted: Lang,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Result<LanguageLoaded, ContentFailure> {
    let (bytes, organisation) = fetch_organisation_file().await?;
    let lang = language_of(&organisation, wanted)?;
    let fallback = organisation.fallback_of(lang);
    let head = async {
        let (words, texts) = join(
            load_course_words(&organisation, lang),
            TextFile::read(lang, fallback, course_texts_file(lang)),
        )
        .await;
        let (words, mut texts) = (Rc::new(words?), texts?);
        let mut named = organisation.clone();
        texts.fill(|own, fb| named.fill_texts(own, fb)).await?;
        let loaded = LanguageLoaded {
            words,
            organisation: Rc::new(named),
            course: None,
        };
        dispatch.dispatch(AppAction::LanguageLoaded(loaded.clone()));
        Ok::<_, ContentFailure>((loaded, texts))
    };
    let (head, structure) = join(head, load_course_structure(bytes, &organisation)).await;
    let (loaded, mut texts) = head?;
    let mut course = structure?;
    texts
        .fill(|own, fb| course.fill_course_texts(own, fb))
        .await?;
    Ok(LanguageLoaded {
        course: Some(Rc::new(course)),
        ..loaded
    })
}

/// Whether module `id`'s lesson and quiz texts are here in the page's language (always, for
/// `None`): `true` once they are. The first page that needs them reads them (its fallback's
/// too, if it lacks some); the course module sends those requests ahead once "my training"
/// is shown.
#[hook]
pub fn use_module_texts(id: Option<&str>) -> bool {
    let app = crate::shared::state::use_app();
    let course = app.course().cloned();
    // A module the course does not have (an old bookmark) has nothing to wait for: its page
    // says "not found".
    let ready = match id {
        None => true,
        Some(id) => course
            .as_ref()
            .is_some_and(|c| c.has_texts(id) || c.module(id).is_none()),
    };
    let lang = course.as_ref().and_then(|c| c.lang);
    let wanted = id.map(str::to_owned);
    use_effect_with((wanted, lang, ready), move |(id, _, ready)| {
        let in_course = course.filter(|c| id.as_deref().is_some_and(|id| c.module(id).is_some()));
        if let (false, Some(course), Some(id)) = (*ready, in_course, id.clone()) {
            wasm_bindgen_futures::spawn_local(async move {
                match load_module_texts(&course, &id).await {
                    Ok(module) => app.module_texts_read(module),
                    Err(failure) => app.module_texts_failed(id, failure),
                }
            });
        }
    });
    ready
}
