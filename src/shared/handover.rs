//! One Yew app on the page at a time. Trygg ships four Yew modules: the shell (start,
//! about), the course (my training, lessons, quizzes), the records (the certificate, my
//! data) and the manager view, so a learner's first page carries no course or roster code
//! and the course none of the certificate's. Each renders
//! the whole page, header and footer included. When the route needs another module, the
//! live one loads it, destroys its own app and calls the other's `mount` with a
//! [`Handover`]: the language, whether the learner navigated, and the page's areas.
//! Each module renders into a fresh container of its own, so the destroyed app's event
//! listeners (on its own container, now gone) can never see the next app's events.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use trygg_core::content::Lang;
use trygg_core::lms::ScormVersion;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::shared::browser::lazy::{call_export, load_module};
use crate::shared::browser::lms::{current_lms, Lms};
use crate::shared::browser::page_areas::{adopt_page_areas, page_areas, PageAreas};
use crate::shared::browser::roster_store::next_tick;
use crate::shared::components::frame::saved_lang;
use crate::shared::lms_session::note_launch_language;
use crate::shared::route::Route;

/// The wasm module a route is rendered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Shell,
    Course,
    Records,
    Manager,
}

impl Part {
    /// The route's module. `firstModuleName` in `web/boot.js` picks the same one for the
    /// visit's first page, before any wasm has loaded.
    pub fn of(route: &Route) -> Part {
        match route {
            Route::Training | Route::Lesson { .. } | Route::Quiz { .. } => Part::Course,
            Route::Certificate | Route::MyData => Part::Records,
            Route::Manager => Part::Manager,
            Route::Start | Route::About | Route::NotFound => Part::Shell,
        }
    }

    /// Its loader's name among `boot.js`'s, which imports and instantiates it once.
    fn loader(self) -> &'static str {
        match self {
            Part::Shell => "trygg-app",
            Part::Course => "trygg_course",
            Part::Records => "trygg_records",
            Part::Manager => "trygg_manager",
        }
    }

    /// Its JavaScript file, for messages.
    pub fn file(self) -> &'static str {
        match self {
            Part::Shell => "trygg-app.js",
            Part::Course => "trygg_course.js",
            Part::Records => "trygg_records.js",
            Part::Manager => "trygg_manager.js",
        }
    }
}

/// What a module gives the next one with the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Handover {
    pub lang: Lang,
    /// The learner has moved on from the page the visit began with: focus goes to each new
    /// page's heading.
    pub navigated: bool,
    /// What the page keeps, the LMS's API (initialised) among it.
    pub areas: PageAreas,
    /// `mount` was given something that is neither `boot.js`'s start nor a hand-over (a
    /// module from another build): the app starts afresh, and tells the learner that what
    /// the page held in memory did not arrive.
    pub unread: bool,
}

const LANG: &str = "lang";
const NAVIGATED: &str = "navigated";
const MEMORY: &str = "memory";
const PREFETCHED: &str = "prefetched";
const READ: &str = "read";
const FIRST: &str = "first";
const LOADERS: &str = "loaders";
const WORKER: &str = "worker";
const LMS_API: &str = "lmsApi";
const LMS_2004: &str = "lms2004";
const LMS_STARTED: &str = "lmsStarted";
const BOOKMARK_TAKEN: &str = "bookmarkTaken";
const ENTRY_CHECKED: &str = "entryChecked";
const ATTEMPT_SET_ASIDE: &str = "attemptSetAside";
const COURSE_ASKED: &str = "courseAsked";

impl Handover {
    /// The handover from this module as it is now.
    pub fn from_here(lang: Lang, navigated: bool) -> Handover {
        // Looked for once per page: the next module takes what was found.
        let _ = current_lms();
        Handover {
            lang,
            navigated,
            areas: page_areas(),
            unread: false,
        }
    }

    /// What a module's `mount` was given, read in this one place: `boot.js`'s start of the
    /// visit (`{first: true, prefetched, loaders, worker}`) or another module's hand-over.
    /// Anything else still starts the app, in the saved language, marked
    /// [`Handover::unread`] so the learner is told rather than left with progress silently
    /// missing.
    pub fn read(value: &JsValue) -> Handover {
        let first = Reflect::get(value, &FIRST.into())
            .ok()
            .and_then(|v| v.as_bool());
        if first == Some(true) {
            return Handover::first_of_visit(saved_lang(), value);
        }
        Handover::from_js(value).unwrap_or_else(|| Handover {
            unread: true,
            ..Handover::first_of_visit(saved_lang(), value)
        })
    }

    /// The first module's: a fresh page, with what `boot.js` gives (the requests it sent
    /// ahead, its module loaders and its side of the service worker) where `value` has them.
    /// Inside an LMS, what it says of
    /// the learner's language is noted for the first load of a language
    /// ([`crate::shared::lms_session::launch_language`]).
    pub fn first_of_visit(lang: Lang, value: &JsValue) -> Handover {
        if let Some(lms) = current_lms() {
            note_launch_language(&lms);
        }
        let mut handover = Handover::from_here(lang, false);
        let object = |key: &str| {
            Reflect::get(value, &key.into())
                .ok()
                .filter(|v| v.is_object())
                .map(JsCast::unchecked_into::<Object>)
        };
        let areas = &mut handover.areas;
        areas.prefetched = object(PREFETCHED).unwrap_or_else(|| areas.prefetched.clone());
        areas.loaders = object(LOADERS).unwrap_or_else(|| areas.loaders.clone());
        areas.worker = object(WORKER).or_else(|| areas.worker.clone());
        handover
    }

    /// As the JavaScript object `mount` takes: the only shape modules share.
    pub fn to_js(&self) -> JsValue {
        let object = Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&object, &key.into(), value);
        };
        set(LANG, &self.lang.code().into());
        set(NAVIGATED, &self.navigated.into());
        set(MEMORY, &self.areas.memory);
        set(PREFETCHED, &self.areas.prefetched);
        set(READ, &self.areas.read);
        set(LOADERS, &self.areas.loaders);
        if let Some(worker) = &self.areas.worker {
            set(WORKER, worker);
        }
        set(BOOKMARK_TAKEN, &self.areas.bookmark_taken.into());
        set(ENTRY_CHECKED, &self.areas.entry_checked.into());
        set(ATTEMPT_SET_ASIDE, &self.areas.attempt_set_aside.into());
        set(COURSE_ASKED, &self.areas.course_asked.into());
        if let Some(Some(lms)) = &self.areas.lms {
            set(LMS_API, lms.api());
            set(LMS_2004, &(lms.version == ScormVersion::Scorm2004).into());
            // Unix ms fit a double exactly until the year 287,396.
            set(LMS_STARTED, &(lms.started_ms as f64).into());
        }
        object.into()
    }

    /// Reads what [`Handover::to_js`] wrote; `None` for anything else.
    pub fn from_js(value: &JsValue) -> Option<Handover> {
        let get = |key: &str| Reflect::get(value, &key.into()).ok();
        let object = |key: &str| {
            get(key)
                .filter(|v| v.is_object())
                .map(JsCast::unchecked_into)
        };
        Some(Handover {
            lang: Lang::parse(&get(LANG)?.as_string()?)?,
            navigated: get(NAVIGATED)?.as_bool()?,
            areas: PageAreas {
                memory: object(MEMORY)?,
                prefetched: object(PREFETCHED)?,
                read: object(READ).unwrap_or_else(Object::new),
                loaders: object(LOADERS)?,
                worker: object(WORKER),
                lms: Some(object(LMS_API).map(|api| {
                    let twenty04 = get(LMS_2004).and_then(|v| v.as_bool()) == Some(true);
                    let version = if twenty04 {
                        ScormVersion::Scorm2004
                    } else {
                        ScormVersion::Scorm12
                    };
                    let started = get(LMS_STARTED).and_then(|v| v.as_f64()).unwrap_or(0.0);
                    Lms::from_parts(api, version, started.max(0.0) as u64)
                })),
                bookmark_taken: get(BOOKMARK_TAKEN).and_then(|v| v.as_bool()) == Some(true),
                entry_checked: get(ENTRY_CHECKED).and_then(|v| v.as_bool()) == Some(true),
                attempt_set_aside: get(ATTEMPT_SET_ASIDE).and_then(|v| v.as_bool()) == Some(true),
                course_asked: get(COURSE_ASKED).and_then(|v| v.as_bool()) == Some(true),
                launch_language: None,
            },
            unread: false,
        })
    }
}

/// Destroys this module's live app and removes its container.
type Teardown = Box<dyn FnOnce()>;

thread_local! {
    /// How to end this module's live app. A slot rather than Yew state because the app cannot
    /// hold the handle that destroys it: Yew gives that handle only once the app is
    /// rendered, to the code that rendered it.
    static LIVE: RefCell<Option<Teardown>> = const { RefCell::new(None) };
}

/// What each module's root component is given: the hand-over it starts from.
#[derive(Properties, PartialEq)]
pub struct ModuleProps {
    pub handover: Handover,
}

/// The one mounting path of the four Yew modules, called by each module's `mount`: reads
/// what it was given ([`Handover::read`]), adopts the page's areas, and renders `C` as this
/// module's one live app, in a new container at the end of `<body>`.
pub fn mount_module<C>(value: &JsValue)
where
    C: BaseComponent<Properties = ModuleProps>,
{
    let handover = Handover::read(value);
    adopt_page_areas(handover.areas.clone());
    // A second mount of the same module replaces its app: one app renders the page.
    if let Some(teardown) = LIVE.with(|live| live.borrow_mut().take()) {
        teardown();
    }
    let props = ModuleProps { handover };
    // The start screen stays until the page has words to show (`Frame` removes it then):
    // a failure before that is told there, in its own two languages, not on a blank page.
    let Some(root) = crate::shared::browser::document::new_app_root() else {
        return;
    };
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    LIVE.with(|live| {
        *live.borrow_mut() = Some(Box::new(move || {
            handle.destroy();
            root.remove();
        }))
    });
}

/// Hands the page to `to`: loads it (a failure leaves this app in place to say so), then
/// destroys this module's app and mounts the other's. Not if, by the time it has loaded, the
/// learner has moved on to a page of another module (this one, say: a choice picked in a
/// quiz must not be lost to a page they left), or an earlier hand-over has already given the
/// page away.
pub async fn hand_over(to: Part, handover: Handover) -> Result<(), String> {
    let module = load_module(to.loader(), to.file()).await?;
    // The live app may hold a change it has not rendered, and so not saved, yet: the role the
    // start page's button sets just before it navigates here. A module already loaded arrives
    // before that render; its scheduled work runs first, then the app is destroyed.
    next_tick().await;
    let wanted = Part::of(&Route::parse(
        &crate::shared::browser::document::location_hash(),
    ));
    let Some(teardown) = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        (wanted == to).then(|| live.take()).flatten()
    }) else {
        return Ok(());
    };
    teardown();
    let mounted = call_export(&module, "mount", &[handover.to_js()]).map(|_| ());
    if let Err(e) = &mounted {
        // This app is gone already: say so rather than leave a blank page. Only a module
        // from another build (no `mount`) gets here.
        crate::shared::browser::document::show_static_failure(&format!("{}: {e}", to.file()));
    }
    mounted
}

/// Where this module stands on a route that belongs to another.
#[derive(Debug, Clone, PartialEq)]
pub enum Passing {
    /// The route is this module's.
    Here,
    /// The other module is loading.
    Loading(Part),
    /// It could not be loaded: the page says so and offers to try again.
    Failed(Part),
}

/// Hands the page over whenever the route belongs to another module; the returned callback
/// tries again after a failure.
#[hook]
pub fn use_hand_over(
    route: &Route,
    own: Part,
    lang: Lang,
    navigated: bool,
) -> (Passing, Callback<()>) {
    let target = Part::of(route);
    let failed = use_state(|| None::<Part>);
    let attempt = use_state(|| 0u32);
    // The language when the other module arrives, which the learner may switch meanwhile.
    let current = use_mut_ref(|| (lang, navigated));
    *current.borrow_mut() = (lang, navigated);
    {
        let failed = failed.clone();
        use_effect_with((target, *attempt), move |(target, _)| {
            let target = *target;
            if target != own {
                wasm_bindgen_futures::spawn_local(async move {
                    let (lang, navigated) = *current.borrow();
                    if let Err(e) = hand_over(target, Handover::from_here(lang, navigated)).await {
                        web_sys::console::error_1(&e.into());
                        failed.set(Some(target));
                    }
                });
            }
        });
    }
    let retry = {
        let failed = failed.clone();
        let attempt = attempt.clone();
        Callback::from(move |_| {
            failed.set(None);
            attempt.set(*attempt + 1);
        })
    };
    let passing = match *failed {
        _ if target == own => Passing::Here,
        Some(part) if part == target => Passing::Failed(part),
        _ => Passing::Loading(target),
    };
    (passing, retry)
}
