//! The import pipeline behind the manager view: a queue of files checked in batches by the
//! same `Roster::add_file` as `trygg roster`, saved to IndexedDB as they go, and restored
//! from there on the next visit.
//!
//! The session outlives the page component (it is cached per course), so an import of
//! 10,000 files keeps running while the manager looks at another page, and coming back
//! does not re-read the saved roster.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use trygg_core::date::Date;
use trygg_core::roster::import::{
    batch_value, next_batch_size, stored_files, too_large, Import, Received, Refusal, StoredFile,
    BATCH_FILES,
};
use trygg_core::roster::Row;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::shared::browser::clock::now_ms;
use crate::shared::browser::roster_store::{next_tick, RosterStore, RosterStoreError};
use trygg_core::roster::is_completion_file_name as is_candidate;

/// Where the roster is kept.
#[derive(Clone, PartialEq)]
pub enum Keeping {
    /// IndexedDB is being opened; imports wait for it.
    Opening,
    Saved(RosterStore),
    /// No IndexedDB: kept only while the page is open.
    Memory(RosterStoreError),
}

/// One file in the queue.
enum Pending {
    Picked { file: web_sys::File, name: String },
    Unreadable { name: String },
    Saved(StoredFile),
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
    wasm_bindgen_futures::spawn_local(restore(session.clone()));
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

/// A file handed over by the picker or a drop: the file, or the name of one that could not
/// be opened.
pub type Incoming = Result<(web_sys::File, String), String>;

/// Queues files for import and starts the job if none is running.
pub fn import(session: &SharedSession, files: Vec<Incoming>) {
    if files.is_empty() {
        return;
    }
    {
        let mut s = session.borrow_mut();
        s.import.queued(files.len());
        for incoming in files {
            s.queue.push_back(match incoming {
                Ok((file, name)) => Pending::Picked { file, name },
                Err(name) => Pending::Unreadable { name },
            });
        }
        s.focus_result = false;
    }
    start(session);
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

/// Opens IndexedDB and queues what it holds ahead of anything picked meanwhile.
async fn restore(session: SharedSession) {
    let course_id = session.borrow().import.course_id().to_owned();
    let (keeping, saved) = match RosterStore::open(&course_id).await {
        Ok(store) => match store.get_all().await {
            Ok(values) => (Keeping::Saved(store), values),
            Err(e) => {
                session.borrow_mut().save_error = Some(e);
                (Keeping::Saved(store), Vec::new())
            }
        },
        Err(e) => (Keeping::Memory(e), Vec::new()),
    };
    {
        let mut s = session.borrow_mut();
        s.keeping = keeping;
        let files = stored_files(&saved);
        s.import.restoring(files.len());
        for file in files.into_iter().rev() {
            s.queue.push_front(Pending::Saved(file));
        }
    }
    start(&session);
    notify(&session);
}

fn start(session: &SharedSession) {
    {
        let mut s = session.borrow_mut();
        if s.running || matches!(s.keeping, Keeping::Opening) || s.queue.is_empty() {
            return;
        }
        s.running = true;
    }
    wasm_bindgen_futures::spawn_local(drain(session.clone()));
}

/// Works through the queue batch by batch, yielding to the page between batches.
async fn drain(session: SharedSession) {
    let mut batch_size = BATCH_FILES;
    loop {
        let batch = {
            let queue = &mut session.borrow_mut().queue;
            let take = batch_size.min(queue.len());
            queue.drain(..take).collect::<Vec<_>>()
        };
        if batch.is_empty() {
            break;
        }
        let (received, bytes_read) = read_batch(batch).await;
        batch_size = next_batch_size(bytes_read);
        let to_store = session.borrow_mut().import.check(received, today());
        let store = match &session.borrow().keeping {
            Keeping::Saved(store) => Some(store.clone()),
            _ => None,
        };
        if let Some(store) = store {
            // The batch as one value: one put per 200 files instead of 200.
            let value = batch_value(&to_store);
            if let Err(e) = store.put_all(value.as_slice()).await {
                session.borrow_mut().save_error = Some(e);
            }
        }
        notify(&session);
        next_tick().await;
    }
    // Build the new rows now, then render them in the next task.
    {
        let mut s = session.borrow_mut();
        let next = s.revision + 1;
        let rows = Rc::new(s.import.roster().rows(today()));
        s.rows = Some((next, rows));
    }
    next_tick().await;
    {
        let mut s = session.borrow_mut();
        s.running = false;
        s.revision += 1;
        if s.import.finish() {
            s.focus_result = true;
        }
    }
    notify(&session);
}

/// Reads a batch's files concurrently, awaiting them all at once (`Promise.allSettled`): one
/// wake-up per batch instead of one per file. Returns what was read and how many bytes.
///
/// A file's size is not asked before reading: in Chromium `File.size` costs a synchronous
/// round trip to the browser process for a picked file, which doubled the time of a
/// 10,000-file import. Only a file that cannot be a completion file by its name (not
/// `.json` or `.pdf`) is measured first, so a stray video is refused unread; anything read
/// that turns out too large is refused without copying it into wasm memory.
async fn read_batch(batch: Vec<Pending>) -> (Vec<Received>, usize) {
    let promises = js_sys::Array::new();
    // Per batch member: its result, or the name of the file whose read is the next promise.
    let mut slots: Vec<Result<Received, String>> = Vec::with_capacity(batch.len());
    for item in batch {
        slots.push(match item {
            Pending::Picked { file, name } => {
                let size = if is_candidate(&name) {
                    0.0
                } else {
                    file.size()
                };
                // A size past `usize` is too large all the same.
                match too_large(size as usize) {
                    Some(reason) => Ok(Received::Refused { name, reason }),
                    None => {
                        promises.push(&file.array_buffer());
                        Err(name)
                    }
                }
            }
            Pending::Unreadable { name } => Ok(Received::Refused {
                name,
                reason: Refusal::Unreadable,
            }),
            Pending::Saved(stored) => Ok(Received::Stored(stored)),
        });
    }
    let settled = if promises.length() == 0 {
        js_sys::Array::new()
    } else {
        JsFuture::from(js_sys::Promise::all_settled(&promises))
            .await
            .map(|v| js_sys::Array::from(&v))
            .unwrap_or_default()
    };
    let mut results = settled.iter();
    let mut bytes_read = 0usize;
    let received = slots
        .into_iter()
        .map(|slot| {
            let name = match slot {
                Ok(done) => return done,
                Err(name) => name,
            };
            let buffer = results.next().and_then(|outcome| {
                let get = |key: &str| js_sys::Reflect::get(&outcome, &key.into()).ok();
                let status = get("status").and_then(|s| s.as_string());
                (status.as_deref() == Some("fulfilled"))
                    .then(|| get("value"))
                    .flatten()
                    .and_then(|v| v.dyn_into::<js_sys::ArrayBuffer>().ok())
            });
            let Some(buffer) = buffer else {
                return Received::Refused {
                    name,
                    reason: Refusal::Unreadable,
                };
            };
            let len = buffer.byte_length() as usize;
            bytes_read = bytes_read.saturating_add(len);
            if let Some(reason) = too_large(len) {
                return Received::Refused { name, reason };
            }
            Received::Read {
                name,
                bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
            }
        })
        .collect();
    (received, bytes_read)
}

impl Session {
    /// True while files are being read or checked.
    pub fn running(&self) -> bool {
        self.running || !self.queue.is_empty()
    }
}
