//! The import session behind the manager view: the roster being built (the core's
//! [`Import`] decides what each file becomes), the files waiting to be read, where the
//! roster is kept, and the page to tell when something changed. Reading files is in
//! `read`, the job that works through them in `job`.
//!
//! The session outlives the page component (it is cached per course), so an import of
//! 10,000 files keeps running while the manager looks at another page, and coming back
//! does not re-read the saved roster.

mod job;
mod read;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use trygg_core::date::Date;
use trygg_core::roster::import::Import;
use trygg_core::roster::Row;
use yew::Callback;

use self::read::Pending;
use crate::shared::browser::clock::now_ms;
use crate::shared::browser::roster_store::{RosterStore, RosterStoreError};

pub use self::read::Incoming;

/// Where the roster is kept.
#[derive(Clone, PartialEq)]
pub enum Keeping {
    /// IndexedDB is being opened; imports wait for it.
    Opening,
    Saved(RosterStore),
    /// No IndexedDB: kept only while the page is open.
    Memory(RosterStoreError),
}

/// Everything the manager view shows, shared between the page and the running import.
pub struct Session {
    /// The roster, the refused files, and the import's progress and report.
    pub import: Import,
    queue: VecDeque<Pending>,
    running: bool,
    pub keeping: Keeping,
    /// The last save that failed; the roster will be incomplete after a reload.
    pub save_error: Option<RosterStoreError>,
    /// Bumped whenever the roster changes, so the page recomputes its rows only then.
    pub revision: u32,
    /// Set when an import finishes; the page moves focus to the result and clears it.
    pub focus_result: bool,
    /// The table rows for `revision`, computed in a task of their own after an import, so
    /// building thousands of rows and rendering them never share one long task.
    rows: Option<(u32, Rc<Vec<Row>>)>,
    notify: Option<Callback<()>>,
}

/// The table rows for the current revision, from the cache when they were prepared.
pub fn rows(session: &SharedSession) -> Rc<Vec<Row>> {
    let mut s = session.borrow_mut();
    if let Some((revision, rows)) = &s.rows {
        if *revision == s.revision {
            return rows.clone();
        }
    }
    let rows = Rc::new(s.import.roster().rows(today()));
    s.rows = Some((s.revision, rows.clone()));
    rows
}

pub type SharedSession = Rc<RefCell<Session>>;

thread_local! {
    static CURRENT: RefCell<Option<SharedSession>> = const { RefCell::new(None) };
}

/// The course's session, created (and its saved roster restored) on first use.
pub fn session_for(course_id: &str, content_version: &str) -> SharedSession {
    if let Some(existing) = CURRENT.with(|c| c.borrow().clone()) {
        if existing.borrow().import.course_id() == course_id {
            return existing;
        }
    }
    let session = Rc::new(RefCell::new(Session {
        import: Import::new(course_id, content_version),
        queue: VecDeque::new(),
        running: false,
        keeping: Keeping::Opening,
        save_error: None,
        revision: 0,
        rows: None,
        focus_result: false,
        notify: None,
    }));
    CURRENT.with(|c| *c.borrow_mut() = Some(session.clone()));
    wasm_bindgen_futures::spawn_local(job::restore(session.clone()));
    session
}

/// The day statuses are computed for: today in UTC, as `trygg roster` uses.
pub fn today() -> Date {
    Date::from_unix_ms(now_ms())
}

/// Lets the mounted page re-render when the session changes (`None` when it unmounts).
pub fn set_notify(session: &SharedSession, notify: Option<Callback<()>>) {
    session.borrow_mut().notify = notify;
}

/// Tells the page to re-render. Never called while the session is borrowed: the render
/// borrows it.
fn notify(session: &SharedSession) {
    let callback = session.borrow().notify.clone();
    if let Some(callback) = callback {
        callback.emit(());
    }
}

/// Queues files for import and starts the job if none is running.
pub fn import(session: &SharedSession, files: Vec<Incoming>) {
    if files.is_empty() {
        return;
    }
    {
        let mut s = session.borrow_mut();
        s.import.queued(files.len());
        s.queue.extend(files.into_iter().map(Pending::from));
        s.focus_result = false;
    }
    job::start(session);
    notify(session);
}

/// Forgets the roster here and in IndexedDB. Refused while a job runs (the page disables
/// the button then), so a batch in flight cannot write back what was just cleared.
pub async fn clear(session: SharedSession) {
    let keeping = {
        let mut s = session.borrow_mut();
        if s.running {
            return;
        }
        s.import.clear();
        s.save_error = None;
        s.revision += 1;
        s.keeping.clone()
    };
    if let Keeping::Saved(store) = keeping {
        if let Err(e) = store.clear().await {
            session.borrow_mut().save_error = Some(e);
        }
    }
    notify(&session);
}

impl Session {
    /// True while files are being read or checked.
    pub fn running(&self) -> bool {
        self.running || !self.queue.is_empty()
    }
}
