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
use trygg_core::date::Date;
use trygg_core::roster::{ImportOutcome, Roster, Row};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::shared::browser::clock::now_ms;
use crate::shared::browser::roster_store::{next_tick, RosterStore, RosterStoreError};
use trygg_core::roster::is_completion_file_name as is_candidate;

/// Files per batch. Each batch is read, checked and saved, then the page gets a turn; 200
/// small files take about 30 ms, under the 50 ms a browser counts as a long task.
const BATCH_FILES: usize = 200;
/// Bytes a batch should read at most, so a folder of large PDFs is not held in memory at
/// once; a batch that read more makes the next one smaller.
const BATCH_BYTES: usize = 32 * 1024 * 1024;

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

/// [`Refusal`] in a form that can be stored (the core's `VerifyError` is not serde). A flat
/// struct rather than a tagged enum: serde's tagged enums cost 15 kB of wasm.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct SavedReason {
    /// Which refusal; see the `KIND_*` constants.
    k: u8,
    #[serde(default, skip_serializing_if = "is_zero")]
    a: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    b: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    s: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    t: String,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

const KIND_UNREADABLE: u8 = 0;
const KIND_TOO_LARGE: u8 = 1;
const KIND_EMPTY: u8 = 2;
const KIND_NOT_JSON: u8 = 3;
const KIND_NOT_COMPLETION: u8 = 4;
const KIND_UNKNOWN_VERSION: u8 = 5;
const KIND_MALFORMED: u8 = 6;
const KIND_WRONG_COURSE: u8 = 7;
const KIND_CODE_MISMATCH: u8 = 8;

impl From<&Refusal> for SavedReason {
    fn from(refusal: &Refusal) -> SavedReason {
        let kind = |k: u8| SavedReason {
            k,
            ..SavedReason::default()
        };
        let e = match refusal {
            Refusal::Unreadable => return kind(KIND_UNREADABLE),
            Refusal::Verify(e) => e.clone(),
        };
        match e {
            VerifyError::TooLarge { size, max } => SavedReason {
                a: size as u64,
                b: max as u64,
                ..kind(KIND_TOO_LARGE)
            },
            VerifyError::Empty => kind(KIND_EMPTY),
            VerifyError::NotJson { line, column } => SavedReason {
                a: line as u64,
                b: column as u64,
                ..kind(KIND_NOT_JSON)
            },
            VerifyError::NotCompletionFile => kind(KIND_NOT_COMPLETION),
            VerifyError::UnknownVersion(version) => SavedReason {
                a: version,
                ..kind(KIND_UNKNOWN_VERSION)
            },
            VerifyError::Malformed(detail) => SavedReason {
                s: detail,
                ..kind(KIND_MALFORMED)
            },
            VerifyError::WrongCourse { found, expected } => SavedReason {
                s: found,
                t: expected,
                ..kind(KIND_WRONG_COURSE)
            },
            VerifyError::CodeMismatch { expected, found } => SavedReason {
                s: expected,
                t: found,
                ..kind(KIND_CODE_MISMATCH)
            },
        }
    }
}

impl From<SavedReason> for Refusal {
    fn from(saved: SavedReason) -> Refusal {
        let n = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        let e = match saved.k {
            KIND_TOO_LARGE => VerifyError::TooLarge {
                size: n(saved.a),
                max: n(saved.b),
            },
            KIND_EMPTY => VerifyError::Empty,
            KIND_NOT_JSON => VerifyError::NotJson {
                line: n(saved.a),
                column: n(saved.b),
            },
            KIND_NOT_COMPLETION => VerifyError::NotCompletionFile,
            KIND_UNKNOWN_VERSION => VerifyError::UnknownVersion(saved.a),
            KIND_MALFORMED => VerifyError::Malformed(saved.s),
            KIND_WRONG_COURSE => VerifyError::WrongCourse {
                found: saved.s,
                expected: saved.t,
            },
            KIND_CODE_MISMATCH => VerifyError::CodeMismatch {
                expected: saved.s,
                found: saved.t,
            },
            // KIND_UNREADABLE, and any kind a later version might add.
            _ => return Refusal::Unreadable,
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
    let rows = Rc::new(s.roster.rows(today()));
    s.rows = Some((s.revision, rows.clone()));
    rows
}

pub type SharedSession = Rc<RefCell<Session>>;

thread_local! {
    static CURRENT: RefCell<Option<SharedSession>> = const { RefCell::new(None) };
}

/// The course's session, created (and its saved roster restored) on first use.
pub fn session_for(course_id: &str, content_version: &str) -> SharedSession {
    let course_id = course_id.to_string();
    if let Some(existing) = CURRENT.with(|c| c.borrow().clone()) {
        if existing.borrow().course_id == course_id {
            return existing;
        }
    }
    let session = Rc::new(RefCell::new(Session {
        course_id: course_id.clone(),
        content_version: content_version.to_string(),
        roster: new_roster(content_version),
        refused: Vec::new(),
        queue: VecDeque::new(),
        running: false,
        keeping: Keeping::Opening,
        save_error: None,
        progress: None,
        run: Report::default(),
        report: None,
        revision: 0,
        rows: None,
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
        // One stored value per imported batch. Values that no longer parse are skipped
        // rather than shown as files.
        let files: Vec<SavedFile> = saved
            .iter()
            .filter_map(|value| serde_json::from_str::<Vec<SavedFile>>(value).ok())
            .flatten()
            .collect();
        let count = files.len();
        for file in files.into_iter().rev() {
            s.queue.push_front(Pending::Saved(file));
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
    let mut batch_size = BATCH_FILES;
    loop {
        let batch = take_batch(&mut session.borrow_mut().queue, batch_size);
        if batch.is_empty() {
            break;
        }
        let count = batch.len();
        let (loaded, bytes_read) = read_batch(batch).await;
        batch_size = next_batch_size(bytes_read);
        let to_save = session.borrow_mut().check(loaded, today());
        let store = match &session.borrow().keeping {
            Keeping::Saved(store) => Some(store.clone()),
            _ => None,
        };
        if let Some(store) = store {
            // The batch as one value: one put per 200 files instead of 200.
            let value = (!to_save.is_empty())
                .then(|| serde_json::to_string(&to_save).ok())
                .flatten();
            if let Err(e) = store.put_all(value.as_slice()).await {
                session.borrow_mut().save_error = Some(e);
            }
        }
        if let Some(p) = &mut session.borrow_mut().progress {
            p.done += count;
        }
        notify(&session);
        next_tick().await;
    }
    // Build the new rows now, then render them in the next task.
    {
        let mut s = session.borrow_mut();
        let next = s.revision + 1;
        let rows = Rc::new(s.roster.rows(today()));
        s.rows = Some((next, rows));
    }
    next_tick().await;
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

fn take_batch(queue: &mut VecDeque<Pending>, limit: usize) -> Vec<Pending> {
    let take = limit.clamp(1, BATCH_FILES).min(queue.len());
    queue.drain(..take).collect()
}

/// The next batch's size: [`BATCH_FILES`], fewer after a batch of large files, so a folder
/// of big PDFs is never all in memory at once.
fn next_batch_size(bytes_read: usize) -> usize {
    if bytes_read <= BATCH_BYTES {
        return BATCH_FILES;
    }
    (BATCH_FILES * (BATCH_BYTES / 64) / (bytes_read / 64).max(1)).clamp(4, BATCH_FILES)
}

/// Reads a batch's files concurrently, awaiting them all at once (`Promise.allSettled`): one
/// wake-up per batch instead of one per file. Returns what was read and how many bytes.
///
/// A file's size is not asked before reading: in Chromium `File.size` costs a synchronous
/// round trip to the browser process for a picked file, which doubled the time of a
/// 10,000-file import. Only a file that cannot be a completion file by its name (not
/// `.json` or `.pdf`) is measured first, so a stray video is refused unread; anything read
/// that turns out too large is refused without copying it into wasm memory.
async fn read_batch(batch: Vec<Pending>) -> (Vec<Loaded>, usize) {
    let too_large = |name: String, size: usize| Loaded::Refused {
        name,
        reason: Refusal::Verify(VerifyError::TooLarge {
            size,
            max: DEFAULT_MAX_BYTES,
        }),
    };
    let promises = js_sys::Array::new();
    // Per batch member: its result, or the name of the file whose read is the next promise.
    let mut slots: Vec<Result<Loaded, String>> = Vec::with_capacity(batch.len());
    for item in batch {
        slots.push(match item {
            Pending::Picked { file, name } => {
                let size = if is_candidate(&name) {
                    0.0
                } else {
                    file.size()
                };
                if size > DEFAULT_MAX_BYTES as f64 {
                    Ok(too_large(name, size as usize))
                } else {
                    promises.push(&file.array_buffer());
                    Err(name)
                }
            }
            Pending::Unreadable { name } => Ok(Loaded::Refused {
                name,
                reason: Refusal::Unreadable,
            }),
            Pending::Saved(saved) => Ok(Loaded::Saved(saved)),
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
    let loaded = slots
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
                return Loaded::Refused {
                    name,
                    reason: Refusal::Unreadable,
                };
            };
            let len = buffer.byte_length() as usize;
            bytes_read = bytes_read.saturating_add(len);
            if len > DEFAULT_MAX_BYTES {
                return too_large(name, len);
            }
            Loaded::Bytes {
                name,
                bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
            }
        })
        .collect();
    (loaded, bytes_read)
}

impl Session {
    /// Checks a read batch into the roster; returns what to store for it.
    fn check(&mut self, batch: Vec<Loaded>, today: Date) -> Vec<SavedFile> {
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
            to_save.extend(saved);
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_survives_storage() {
        let all = [
            Refusal::Unreadable,
            Refusal::Verify(VerifyError::TooLarge {
                size: 5_000_000,
                max: DEFAULT_MAX_BYTES,
            }),
            Refusal::Verify(VerifyError::Empty),
            Refusal::Verify(VerifyError::NotJson { line: 3, column: 7 }),
            Refusal::Verify(VerifyError::NotCompletionFile),
            Refusal::Verify(VerifyError::UnknownVersion(2)),
            Refusal::Verify(VerifyError::Malformed("modules[0].percent: bad".into())),
            Refusal::Verify(VerifyError::WrongCourse {
                found: "annan".into(),
                expected: "trygg".into(),
            }),
            Refusal::Verify(VerifyError::CodeMismatch {
                expected: "AAAA".into(),
                found: "BBBB".into(),
            }),
        ];
        for refusal in all {
            let saved = SavedFile {
                name: "x.json".into(),
                record: None,
                reason: Some(SavedReason::from(&refusal)),
            };
            let text = serde_json::to_string(&saved).unwrap();
            let back: SavedFile = serde_json::from_str(&text).unwrap();
            assert_eq!(Refusal::from(back.reason.unwrap()), refusal, "{text}");
        }
    }
}
