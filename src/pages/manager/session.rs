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

use serde::{Deserialize, Serialize};
use trygg_core::certificate::{read_record, VerifyError, DEFAULT_MAX_BYTES};
use trygg_core::content::Course;
use trygg_core::date::Date;
use trygg_core::roster::{ImportOutcome, Roster};
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::browser::clock::now_ms;
use crate::browser::roster_store::{next_tick, RosterStore, RosterStoreError};

/// Files per batch. Each batch is read, checked and saved, then the page gets a turn, so a
/// batch must stay well under the 50 ms a browser calls a long task.
pub const BATCH_FILES: usize = 200;
/// Bytes read per batch at most, so a folder of large PDFs is not held in memory at once.
const BATCH_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Why a file is not in the roster as a valid certificate.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Verify(VerifyError),
    /// The browser could not read the file (moved, deleted, a folder, no permission).
    Unreadable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub file_name: String,
    pub reason: Refusal,
}

/// What one import run did, for the result message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    pub files: usize,
    pub accepted: usize,
    pub duplicates: usize,
    pub refused: usize,
    /// Refused because they were edited after issue; these show up as flagged rows.
    pub edited: usize,
}

/// How far the running job has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// True while re-reading the saved roster rather than importing new files.
    pub restoring: bool,
}

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
    Saved(SavedFile),
}

/// One stored file: a record to re-check, or the reason it was refused. The verified record
/// is stored rather than the file's bytes, so a 100 kB PDF costs only its 1 kB record.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SavedFile {
    #[serde(rename = "n")]
    name: String,
    /// The completion record as JSON (a verified one, or an edited one to flag again).
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    record: Option<String>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    reason: Option<SavedReason>,
}

/// [`Refusal`] in a form that can be stored (the core's `VerifyError` is not serde).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "k")]
enum SavedReason {
    TooLarge { size: usize, max: usize },
    Empty,
    NotJson { line: usize, column: usize },
    NotCompletionFile,
    UnknownVersion { version: u64 },
    Malformed { detail: String },
    WrongCourse { found: String, expected: String },
    CodeMismatch { expected: String, found: String },
    Unreadable,
}

impl From<&Refusal> for SavedReason {
    fn from(refusal: &Refusal) -> SavedReason {
        match refusal {
            Refusal::Unreadable => SavedReason::Unreadable,
            Refusal::Verify(e) => match e.clone() {
                VerifyError::TooLarge { size, max } => SavedReason::TooLarge { size, max },
                VerifyError::Empty => SavedReason::Empty,
                VerifyError::NotJson { line, column } => SavedReason::NotJson { line, column },
                VerifyError::NotCompletionFile => SavedReason::NotCompletionFile,
                VerifyError::UnknownVersion(version) => SavedReason::UnknownVersion { version },
                VerifyError::Malformed(detail) => SavedReason::Malformed { detail },
                VerifyError::WrongCourse { found, expected } => {
                    SavedReason::WrongCourse { found, expected }
                }
                VerifyError::CodeMismatch { expected, found } => {
                    SavedReason::CodeMismatch { expected, found }
                }
            },
        }
    }
}

impl From<SavedReason> for Refusal {
    fn from(saved: SavedReason) -> Refusal {
        let e = match saved {
            SavedReason::Unreadable => return Refusal::Unreadable,
            SavedReason::TooLarge { size, max } => VerifyError::TooLarge { size, max },
            SavedReason::Empty => VerifyError::Empty,
            SavedReason::NotJson { line, column } => VerifyError::NotJson { line, column },
            SavedReason::NotCompletionFile => VerifyError::NotCompletionFile,
            SavedReason::UnknownVersion { version } => VerifyError::UnknownVersion(version),
            SavedReason::Malformed { detail } => VerifyError::Malformed(detail),
            SavedReason::WrongCourse { found, expected } => {
                VerifyError::WrongCourse { found, expected }
            }
            SavedReason::CodeMismatch { expected, found } => {
                VerifyError::CodeMismatch { expected, found }
            }
        };
        Refusal::Verify(e)
    }
}

/// Everything the manager view shows, shared between the page and the running import.
pub struct Session {
    course_id: String,
    content_version: String,
    pub roster: Roster,
    pub refused: Vec<Refused>,
    queue: VecDeque<Pending>,
    running: bool,
    pub keeping: Keeping,
    /// The last save that failed; the roster will be incomplete after a reload.
    pub save_error: Option<RosterStoreError>,
    /// `Some` while a job runs.
    pub progress: Option<Progress>,
    /// The current run's counts, then the last finished import's.
    run: Report,
    pub report: Option<Report>,
    /// Bumped whenever the roster changes, so the page recomputes its rows only then.
    pub revision: u32,
    /// Set when an import finishes; the page moves focus to the result and clears it.
    pub focus_result: bool,
    notify: Option<Callback<()>>,
}

pub type SharedSession = Rc<RefCell<Session>>;

thread_local! {
    static CURRENT: RefCell<Option<SharedSession>> = const { RefCell::new(None) };
}

/// The course's session, created (and its saved roster restored) on first use.
pub fn session_for(course: &Course) -> SharedSession {
    let course_id = course.organisation.course_id.clone();
    if let Some(existing) = CURRENT.with(|c| c.borrow().clone()) {
        if existing.borrow().course_id == course_id {
            return existing;
        }
    }
    let session = Rc::new(RefCell::new(Session {
        course_id: course_id.clone(),
        content_version: course.version.clone(),
        roster: new_roster(&course.version),
        refused: Vec::new(),
        queue: VecDeque::new(),
        running: false,
        keeping: Keeping::Opening,
        save_error: None,
        progress: None,
        run: Report::default(),
        report: None,
        revision: 0,
        focus_result: false,
        notify: None,
    }));
    CURRENT.with(|c| *c.borrow_mut() = Some(session.clone()));
    wasm_bindgen_futures::spawn_local(restore(session.clone()));
    session
}

fn new_roster(content_version: &str) -> Roster {
    Roster::new()
        .with_content_version(content_version)
        .with_max_bytes(DEFAULT_MAX_BYTES)
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
        let count = files.len();
        for incoming in files {
            s.queue.push_back(match incoming {
                Ok((file, name)) => Pending::Picked { file, name },
                Err(name) => Pending::Unreadable { name },
            });
        }
        s.focus_result = false;
        match &mut s.progress {
            Some(p) => {
                p.total += count;
                p.restoring = false;
            }
            None => {
                s.run = Report::default();
                s.progress = Some(Progress {
                    done: 0,
                    total: count,
                    restoring: false,
                });
            }
        }
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
        s.roster = new_roster(&s.content_version);
        s.refused.clear();
        s.report = None;
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
    let course_id = session.borrow().course_id.clone();
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
        let count = saved.len();
        // Stored values that no longer parse are skipped rather than shown as files.
        for value in saved.into_iter().rev() {
            if let Ok(file) = serde_json::from_str::<SavedFile>(&value) {
                s.queue.push_front(Pending::Saved(file));
            }
        }
        if count > 0 {
            match &mut s.progress {
                Some(p) => p.total += count,
                None => {
                    s.progress = Some(Progress {
                        done: 0,
                        total: count,
                        restoring: true,
                    })
                }
            }
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

/// A batch member once read.
enum Loaded {
    Bytes { name: String, bytes: Vec<u8> },
    Refused { name: String, reason: Refusal },
    Saved(SavedFile),
}

/// Works through the queue batch by batch, yielding to the page between batches.
async fn drain(session: SharedSession) {
    loop {
        let batch = take_batch(&mut session.borrow_mut().queue);
        if batch.is_empty() {
            break;
        }
        let count = batch.len();
        let loaded = read_batch(batch).await;
        let to_save = session.borrow_mut().check(loaded, today());
        let store = match &session.borrow().keeping {
            Keeping::Saved(store) => Some(store.clone()),
            _ => None,
        };
        if let Some(store) = store {
            if let Err(e) = store.put_all(&to_save).await {
                session.borrow_mut().save_error = Some(e);
            }
        }
        if let Some(p) = &mut session.borrow_mut().progress {
            p.done += count;
        }
        notify(&session);
        next_tick().await;
    }
    {
        let mut s = session.borrow_mut();
        s.running = false;
        let restoring_only = s.progress.is_some_and(|p| p.restoring);
        s.progress = None;
        s.revision += 1;
        if !restoring_only {
            s.report = Some(s.run);
            s.focus_result = true;
        }
    }
    notify(&session);
}

fn take_batch(queue: &mut VecDeque<Pending>) -> Vec<Pending> {
    let mut batch = Vec::new();
    let mut bytes = 0.0;
    while batch.len() < BATCH_FILES {
        let size = match queue.front() {
            None => break,
            Some(Pending::Picked { file, .. }) => file.size(),
            Some(_) => 0.0,
        };
        if !batch.is_empty() && bytes + size > BATCH_BYTES {
            break;
        }
        bytes += size;
        match queue.pop_front() {
            Some(item) => batch.push(item),
            None => break,
        }
    }
    batch
}

/// Reads a batch's files concurrently (all reads start before the first is awaited). Files
/// over the size limit are refused unread, as `trygg roster` does.
async fn read_batch(batch: Vec<Pending>) -> Vec<Loaded> {
    enum Reading {
        Started(String, JsFuture),
        Done(Loaded),
    }
    let readings: Vec<Reading> = batch
        .into_iter()
        .map(|item| match item {
            Pending::Picked { file, name } => {
                let size = file.size();
                if size > DEFAULT_MAX_BYTES as f64 {
                    let reason = VerifyError::TooLarge {
                        size: size as usize,
                        max: DEFAULT_MAX_BYTES,
                    };
                    Reading::Done(Loaded::Refused {
                        name,
                        reason: Refusal::Verify(reason),
                    })
                } else {
                    Reading::Started(name, JsFuture::from(file.array_buffer()))
                }
            }
            Pending::Unreadable { name } => Reading::Done(Loaded::Refused {
                name,
                reason: Refusal::Unreadable,
            }),
            Pending::Saved(saved) => Reading::Done(Loaded::Saved(saved)),
        })
        .collect();
    let mut loaded = Vec::with_capacity(readings.len());
    for reading in readings {
        loaded.push(match reading {
            Reading::Done(done) => done,
            Reading::Started(name, future) => match future.await {
                Ok(buffer) => Loaded::Bytes {
                    name,
                    bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
                },
                Err(_) => Loaded::Refused {
                    name,
                    reason: Refusal::Unreadable,
                },
            },
        });
    }
    loaded
}

impl Session {
    /// Checks a read batch into the roster; returns what to store for it.
    fn check(&mut self, batch: Vec<Loaded>, today: Date) -> Vec<String> {
        let mut to_save = Vec::new();
        for item in batch {
            let saved = match item {
                Loaded::Bytes { name, bytes } => {
                    self.run.files += 1;
                    self.add(&name, &bytes, today, true)
                }
                Loaded::Refused { name, reason } => {
                    self.run.files += 1;
                    self.run.refused += 1;
                    let saved = SavedFile {
                        name: name.clone(),
                        record: None,
                        reason: Some(SavedReason::from(&reason)),
                    };
                    self.refused.push(Refused {
                        file_name: name,
                        reason,
                    });
                    Some(saved)
                }
                Loaded::Saved(saved) => {
                    match (saved.record, saved.reason) {
                        (Some(record), _) => {
                            self.add(&saved.name, record.as_bytes(), today, false);
                        }
                        (None, Some(reason)) => self.refused.push(Refused {
                            file_name: saved.name,
                            reason: reason.into(),
                        }),
                        (None, None) => {}
                    }
                    None
                }
            };
            if let Some(saved) = saved.and_then(|s| serde_json::to_string(&s).ok()) {
                to_save.push(saved);
            }
        }
        to_save
    }

    /// One file through `Roster::add_file`; `counted` for files the manager just picked
    /// (not ones restored from storage). Returns what to store, if anything.
    fn add(&mut self, name: &str, bytes: &[u8], today: Date, counted: bool) -> Option<SavedFile> {
        let outcome = self
            .roster
            .add_file(name, bytes, Some(&self.course_id), today);
        match outcome {
            ImportOutcome::Accepted(record) => {
                if counted {
                    self.run.accepted += 1;
                }
                Some(SavedFile {
                    name: name.to_owned(),
                    record: serde_json::to_string(&record).ok(),
                    reason: None,
                })
            }
            ImportOutcome::Duplicate { .. } => {
                if counted {
                    self.run.duplicates += 1;
                }
                None
            }
            ImportOutcome::Rejected { file_name, reason } => {
                if counted {
                    self.run.refused += 1;
                    if reason.is_tampered() {
                        self.run.edited += 1;
                    }
                }
                // An edited file is kept as its (edited) record, so it is flagged again
                // after a reload; anything else only as its reason.
                let record = if reason.is_tampered() {
                    read_record(bytes, DEFAULT_MAX_BYTES)
                        .ok()
                        .and_then(|r| serde_json::to_string(&r).ok())
                } else {
                    None
                };
                let refusal = Refusal::Verify(reason);
                let saved = SavedFile {
                    name: name.to_owned(),
                    reason: record.is_none().then(|| SavedReason::from(&refusal)),
                    record,
                };
                self.refused.push(Refused {
                    file_name,
                    reason: refusal,
                });
                Some(saved)
            }
        }
    }

    /// True while files are being read or checked.
    pub fn running(&self) -> bool {
        self.running || !self.queue.is_empty()
    }

    pub fn course_id(&self) -> &str {
        &self.course_id
    }
}
