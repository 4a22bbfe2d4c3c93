//! The import session behind the manager view: the roster being built (the core's
//! [`Import`] decides what each file becomes), the files waiting to be read, where the
//! roster is kept, and the page to tell when something changed. Reading files is in
//! `read`, the job that works through them in `job`, and where the session is kept in
//! `kept`.

mod job;
mod kept;
mod read;

use std::cell::{Ref, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use trygg_core::date::Date;
use trygg_core::roster::import::{stored_without, Import};
use trygg_core::roster::Row;
use yew::Callback;

use self::read::Pending;
use crate::shared::browser::clock::local_clock;
use crate::shared::browser::roster_store::{watch_changes, RosterStore, RosterStoreError};

pub use self::kept::{use_sessions, Sessions};
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
    /// Set when no page can show the session any more: the job stops after its batch.
    closed: bool,
    pub keeping: Keeping,
    /// The last save that failed; the roster will be incomplete after a reload.
    pub save_error: Option<RosterStoreError>,
    /// Bumped whenever the roster changes, so the page recomputes its rows only then.
    pub revision: u32,
    /// Set when an import finishes; the page moves focus to the result and takes it.
    focus_result: bool,
    /// The table rows for `revision`, computed in a task of their own after an import, so
    /// building thousands of rows and rendering them never share one long task.
    rows: Option<(u32, Rc<Vec<Row>>)>,
    notify: Option<Callback<()>>,
    /// Another tab changed the stored roster while this one was busy: read it again after.
    reread: bool,
    /// Hears another tab change the stored roster; dropped when the session closes.
    watch: Option<gloo::events::EventListener>,
}

impl Session {
    /// True while files are being read or checked.
    pub fn running(&self) -> bool {
        self.running || !self.queue.is_empty()
    }

    /// True while the stored list may change under a rewrite: a job runs, or IndexedDB is
    /// being read (or rewritten). Clearing and taking a person out wait for it.
    fn busy(&self) -> bool {
        self.running || matches!(self.keeping, Keeping::Opening)
    }
}

/// The session as the job holds it.
type Shared = Rc<RefCell<Session>>;

/// The manager view's hold on its session: what the page reads, and the actions it takes.
/// Clones share one session.
#[derive(Clone)]
pub struct SessionHandle(Shared);

impl SessionHandle {
    /// A new session for the course, restoring what IndexedDB keeps for it.
    fn open(course_id: &str, content_version: &str) -> SessionHandle {
        let session = Rc::new(RefCell::new(Session {
            import: Import::new(course_id, content_version),
            queue: VecDeque::new(),
            running: false,
            closed: false,
            keeping: Keeping::Opening,
            save_error: None,
            revision: 0,
            rows: None,
            focus_result: false,
            notify: None,
            reread: false,
            watch: None,
        }));
        let weak = Rc::downgrade(&session);
        session.borrow_mut().watch = watch_changes(course_id, move || {
            if let Some(session) = weak.upgrade() {
                reread(&session);
            }
        });
        wasm_bindgen_futures::spawn_local(job::restore(session.clone()));
        SessionHandle(session)
    }

    /// What the page shows. Held only while rendering: the job needs the session between
    /// its awaits.
    pub fn borrow(&self) -> Ref<'_, Session> {
        self.0.borrow()
    }

    fn is_for(&self, course_id: &str) -> bool {
        self.0.borrow().import.course_id() == course_id
    }

    /// The table rows for the current revision, from the cache when they were prepared.
    pub fn rows(&self) -> Rc<Vec<Row>> {
        let mut s = self.0.borrow_mut();
        if let Some((revision, rows)) = &s.rows {
            if *revision == s.revision {
                return rows.clone();
            }
        }
        let rows = Rc::new(s.import.roster().rows(today()));
        s.rows = Some((s.revision, rows.clone()));
        rows
    }

    /// The merged certificates as JSON, for the export.
    pub fn roster_json(&self) -> String {
        self.0.borrow().import.roster().to_json()
    }

    /// Lets the mounted page re-render when the session changes (`None` when it unmounts).
    pub fn watch(&self, notify: Option<Callback<()>>) {
        self.0.borrow_mut().notify = notify;
    }

    /// True once after an import finished: the page then moves focus to its result.
    pub fn take_focus_result(&self) -> bool {
        std::mem::take(&mut self.0.borrow_mut().focus_result)
    }

    /// Queues files for import and starts the job if none is running.
    pub fn import(&self, files: Vec<Incoming>) {
        if files.is_empty() {
            return;
        }
        {
            let mut s = self.0.borrow_mut();
            s.import.queued(files.len());
            for incoming in files {
                s.queue.push_back(Pending::from(incoming));
            }
            s.focus_result = false;
        }
        job::start(&self.0);
        notify(&self.0);
    }

    /// Forgets the roster here and in IndexedDB. Refused while a job runs (the page
    /// disables the button then), so a batch in flight cannot write back what was just
    /// cleared, and while the stored roster is being read, which would bring it back.
    pub async fn clear(&self) {
        let keeping = {
            let mut s = self.0.borrow_mut();
            if s.busy() {
                return;
            }
            s.import.clear();
            s.save_error = None;
            s.revision += 1;
            s.keeping.clone()
        };
        if let Keeping::Saved(store) = keeping {
            if let Err(e) = store.clear().await {
                self.0.borrow_mut().save_error = Some(e);
            }
        }
        notify(&self.0);
    }

    /// Takes one person (a row) out of the roster here and in IndexedDB. Refused while a job
    /// runs or the stored roster is being read, as [`SessionHandle::clear`] is; files picked
    /// meanwhile wait until the stored roster is rewritten, so none is written into a store
    /// about to be replaced. Returns whether the person was taken out.
    pub async fn remove_person(&self, person_key: &str) -> bool {
        let (removed, store) = {
            let mut s = self.0.borrow_mut();
            if s.busy() {
                return false;
            }
            let removed = s.import.remove_person(person_key);
            if removed.certificates.is_empty() {
                // Taken out already (in another tab, say): nothing to do, nothing to say.
                return false;
            }
            s.rows = None;
            s.revision += 1;
            let store = match &s.keeping {
                Keeping::Saved(store) => Some(store.clone()),
                _ => None,
            };
            if store.is_some() {
                s.keeping = Keeping::Opening;
            }
            (removed, store)
        };
        notify(&self.0);
        let Some(store) = store else {
            return true;
        };
        let outcome = match store.get_all().await {
            Ok(values) => store.replace_all(&stored_without(&values, &removed)).await,
            Err(e) => Err(e),
        };
        {
            let mut s = self.0.borrow_mut();
            s.keeping = Keeping::Saved(store);
            if let Err(e) = outcome {
                s.save_error = Some(e);
            }
        }
        if std::mem::take(&mut self.0.borrow_mut().reread) {
            reread(&self.0);
        } else {
            job::start(&self.0);
        }
        notify(&self.0);
        true
    }

    /// Stops the job after the batch in flight is stored, once no page can show the
    /// session: what it stored is what the next visit restores, and a clear made then is
    /// not undone by a batch written after it.
    fn close(&self) {
        let mut s = self.0.borrow_mut();
        s.closed = true;
        s.notify = None;
        s.watch = None;
    }
}

/// Another tab of this browser imported files or cleared the list: the roster here is read
/// again from IndexedDB, so this tab never shows (or exports) a list the other has changed.
/// While this tab is busy (its own import, or the first read), it reads again once done.
pub(super) fn reread(session: &Shared) {
    let store = {
        let mut s = session.borrow_mut();
        if s.closed {
            return;
        }
        if s.running() || matches!(s.keeping, Keeping::Opening) {
            s.reread = true;
            return;
        }
        // Only a tab keeping its roster in IndexedDB hears of another's change.
        let Keeping::Saved(store) = s.keeping.clone() else {
            return;
        };
        s.import.clear();
        s.rows = None;
        s.revision += 1;
        // Files picked meanwhile wait behind the stored ones, as on opening.
        s.keeping = Keeping::Opening;
        store
    };
    notify(session);
    wasm_bindgen_futures::spawn_local(job::read_stored(session.clone(), store));
}

/// The day statuses are computed for: the manager's own day, so a certificate that runs
/// out today shows as valid until their midnight (`trygg roster` counts in UTC unless given
/// `--today`).
pub fn today() -> Date {
    local_clock().today()
}

/// Tells the page to re-render. Never called while the session is borrowed: the render
/// borrows it.
fn notify(session: &Shared) {
    let callback = session.borrow().notify.clone();
    if let Some(callback) = callback {
        callback.emit(());
    }
}
