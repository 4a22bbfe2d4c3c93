//! Where the learner's progress document lives in the browser. The rules that keep it from
//! being lost are the core's ([`open_decision`], [`document_to_save`]): a corrupted
//! document is backed up before anything else is written, a document from a newer app
//! version is never overwritten, and a write never discards what another tab saved in the
//! meantime (the two are merged). This carries out what they decide.

use std::cell::RefCell;
use std::rc::Rc;

use trygg_core::progress::{
    backup_key, backups_of, document_to_adopt, document_to_save, open_decision, opens_in_session,
    progress_key, read_stored, to_json, OpenDecision, Progress, ProgressError, SaveDecision,
};

use super::storage::{KeyValueStore, Persistence, StorageError};

/// How the saved document was found when the app opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenOutcome {
    /// Nothing saved yet.
    Fresh,
    /// Loaded (and migrated if it was older).
    Loaded,
    /// Unreadable: the raw text was kept under `backup_key` and a fresh start made.
    Recovered {
        error: ProgressError,
        backup_key: String,
    },
    /// Unreadable and the backup could not be written either: nothing will be written
    /// over it in this session.
    Unrecoverable { error: ProgressError },
    /// Written by a newer version of Trygg: opened read-only, never overwritten.
    NewerVersion { error: ProgressError },
}

/// The result of a save.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    Saved,
    /// Another tab had saved changes; the merged document was saved and must replace ours.
    Merged(Progress),
    /// Saving is switched off (read-only or unrecoverable data).
    Skipped,
}

/// The learner's progress in one storage area, under a key namespaced by course id.
#[derive(Clone)]
pub struct ProgressStore {
    store: KeyValueStore,
    key: String,
    course_id: String,
    writable: bool,
    /// The raw text we last read or wrote: a different text in storage means another tab.
    last_seen: Rc<RefCell<Option<String>>>,
}

impl PartialEq for ProgressStore {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
            && self.writable == other.writable
            && self.store == other.store
            && Rc::ptr_eq(&self.last_seen, &other.last_seen)
    }
}

impl ProgressStore {
    /// Opens the progress for a course: sessionStorage if this browser session was marked as
    /// a shared computer, else localStorage, else memory.
    pub fn open(course_id: &str, now_ms: u64) -> (ProgressStore, Progress, OpenOutcome) {
        Self::open_at(course_id, progress_key(course_id), now_ms)
    }

    /// [`ProgressStore::open`] under another key: in an LMS, one per LMS learner.
    pub fn open_at(
        course_id: &str,
        key: String,
        now_ms: u64,
    ) -> (ProgressStore, Progress, OpenOutcome) {
        let session = KeyValueStore::open(true);
        let store = if opens_in_session(
            session.persistence() == Persistence::Session,
            session.get(&key).is_some(),
        ) {
            session
        } else {
            KeyValueStore::open(false)
        };
        Self::open_in_at(store, course_id, key, now_ms)
    }

    /// Opens the progress in a given storage area (also used by tests).
    pub fn open_in(
        store: KeyValueStore,
        course_id: &str,
        now_ms: u64,
    ) -> (ProgressStore, Progress, OpenOutcome) {
        Self::open_in_at(store, course_id, progress_key(course_id), now_ms)
    }

    fn open_in_at(
        store: KeyValueStore,
        course_id: &str,
        key: String,
        now_ms: u64,
    ) -> (ProgressStore, Progress, OpenOutcome) {
        let raw = store.get(&key);
        let mut this = ProgressStore {
            store,
            key,
            course_id: course_id.to_string(),
            writable: true,
            last_seen: Rc::new(RefCell::new(raw.clone())),
        };
        let fresh = Progress::new(course_id);
        match open_decision(raw.as_deref(), course_id, &this.key, now_ms) {
            OpenDecision::Fresh => (this, fresh, OpenOutcome::Fresh),
            OpenDecision::Load(progress) => (this, progress, OpenOutcome::Loaded),
            OpenDecision::ReadOnly(error) => {
                this.writable = false;
                (this, fresh, OpenOutcome::NewerVersion { error })
            }
            OpenDecision::BackUp { error, backup_key } => {
                let kept = raw.is_some_and(|raw| this.store.set(&backup_key, &raw).is_ok());
                if kept {
                    this.store.remove(&this.key);
                    *this.last_seen.borrow_mut() = None;
                    (this, fresh, OpenOutcome::Recovered { error, backup_key })
                } else {
                    this.writable = false;
                    (this, fresh, OpenOutcome::Unrecoverable { error })
                }
            }
        }
    }

    pub fn persistence(&self) -> Persistence {
        self.store.persistence()
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// The raw text kept under a backup key, for the learner to download.
    pub fn backup(&self, backup_key: &str) -> Option<String> {
        self.store.get(backup_key)
    }

    /// The keys of every backup of unreadable progress in this area, oldest first: "my data"
    /// offers them for download for as long as they are kept.
    pub fn backups(&self) -> Vec<String> {
        backups_of(&self.key, self.store.keys())
    }

    /// Moves the saved document under a backup key ([`ProgressStore::backups`], offered on "my
    /// data") and empties its own, so a new start never overwrites it. False when nothing is
    /// saved or it could not be kept aside; it then stays where it is.
    pub fn set_aside(&self, now_ms: u64) -> bool {
        let Some(raw) = self.store.get(&self.key).filter(|_| self.writable) else {
            return false;
        };
        if self
            .store
            .set(&backup_key(&self.key, now_ms), &raw)
            .is_err()
        {
            return false;
        }
        self.store.remove(&self.key);
        *self.last_seen.borrow_mut() = None;
        true
    }

    /// Saves `progress`, first merging anything another tab saved since we last looked.
    pub fn save(&self, progress: &Progress) -> Result<SaveOutcome, StorageError> {
        if !self.writable {
            return Ok(SaveOutcome::Skipped);
        }
        let stored = self.store.get(&self.key);
        let seen = self.last_seen.borrow().clone();
        let theirs = match &stored {
            Some(raw) if Some(raw) != seen.as_ref() => read_stored(raw, &self.course_id),
            _ => None,
        };
        let (to_save, outcome) = match document_to_save(progress, theirs.as_ref()) {
            SaveDecision::Ours => (progress.clone(), SaveOutcome::Saved),
            SaveDecision::Merged(merged) => (merged.clone(), SaveOutcome::Merged(merged)),
        };
        let raw = to_json(&to_save);
        if stored.as_deref() == Some(raw.as_str()) {
            *self.last_seen.borrow_mut() = Some(raw);
            return Ok(outcome);
        }
        self.store.set(&self.key, &raw)?;
        *self.last_seen.borrow_mut() = Some(raw);
        Ok(outcome)
    }

    /// Called when another tab changed our key: returns the document to adopt, if any.
    /// Adopting without writing back keeps two tabs from echoing saves at each other.
    pub fn external_change(&self, ours: &Progress) -> Option<Progress> {
        let raw = self.store.get(&self.key)?;
        if self.last_seen.borrow().as_deref() == Some(raw.as_str()) {
            return None;
        }
        let theirs = read_stored(&raw, &self.course_id)?;
        *self.last_seen.borrow_mut() = Some(raw);
        document_to_adopt(ours, theirs)
    }

    /// Deletes the saved progress and any backups of unreadable progress (the learner asked
    /// to, after confirming).
    pub fn delete(&self) {
        if self.writable {
            self.store.remove(&self.key);
            for backup in self.backups() {
                self.store.remove(&backup);
            }
            *self.last_seen.borrow_mut() = None;
        }
    }

    /// This course's store in sessionStorage (shared computer) or localStorage, with nothing
    /// read from it yet; itself if that is where it already is.
    pub fn in_area(&self, shared: bool) -> ProgressStore {
        let target = KeyValueStore::open(shared);
        if target.persistence() == self.store.persistence() {
            return self.clone();
        }
        ProgressStore {
            store: target,
            key: self.key.clone(),
            course_id: self.course_id.clone(),
            writable: self.writable,
            last_seen: Rc::new(RefCell::new(None)),
        }
    }

    /// Moves the document to sessionStorage (shared computer) or back to localStorage.
    pub fn switch_area(&self, shared: bool, progress: &Progress) -> ProgressStore {
        let moved = self.in_area(shared);
        if moved.store.persistence() == self.store.persistence() {
            return moved;
        }
        if moved.save(progress).is_ok() && self.writable {
            self.store.remove(&self.key);
        }
        moved
    }
}
