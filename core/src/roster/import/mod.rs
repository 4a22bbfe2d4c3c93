//! The manager view's import policy: what each file handed in becomes (a record in the
//! roster, a refused file, a duplicate), what is counted and what is stored for it, what an
//! import reports, and how large its batches are. The view reads the files and keeps what
//! this returns; every decision is made here, so it has native tests.

mod refusal;
mod stored;

use std::collections::HashSet;

use super::{export_member_name, export_members, ImportOutcome, RemovedPerson, Roster};
use crate::certificate::{read_record, DEFAULT_MAX_BYTES};
use crate::date::Date;

pub use refusal::{too_large, Refusal, Refused};
pub use stored::{batch_value, stored_files, stored_without, StoredFile};

/// Files per batch. Each batch is read, checked and stored, then the page gets a turn; 200
/// small files take about 30 ms, under the 50 ms a browser counts as a long task.
pub const BATCH_FILES: usize = 200;
/// Bytes a batch should read at most, so a folder of large PDFs is not held in memory at
/// once; a batch that read more makes the next one smaller.
pub const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// The next batch's size after one that read `bytes_read` bytes: [`BATCH_FILES`], fewer
/// (in proportion, at least 4) after a batch of large files, so a folder of big PDFs is
/// never all in memory at once.
pub fn next_batch_size(bytes_read: usize) -> usize {
    if bytes_read <= BATCH_BYTES {
        return BATCH_FILES;
    }
    (BATCH_FILES * (BATCH_BYTES / 64) / (bytes_read / 64).max(1)).clamp(4, BATCH_FILES)
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
    /// True while re-reading the stored roster rather than importing new files.
    pub restoring: bool,
}

/// One member of a batch, once the view has tried to read it.
pub enum Received {
    /// A file the manager handed in, read.
    Read { name: String, bytes: Vec<u8> },
    /// A file the manager handed in that was refused before or while reading it.
    Refused { name: String, reason: Refusal },
    /// A file stored by an earlier visit, being restored.
    Stored(StoredFile),
}

/// The roster the manager is building, the files it refused, and the progress and counts
/// of the import that feeds it.
pub struct Import {
    course_id: String,
    content_version: String,
    roster: Roster,
    refused: Vec<Refused>,
    /// The names in `refused`, so a file refused again is found without a scan.
    refused_names: HashSet<String>,
    progress: Option<Progress>,
    /// The current run's counts.
    run: Report,
    /// The last finished import's counts.
    report: Option<Report>,
}

impl Import {
    /// An empty roster for `course_id` (other courses' files are refused), on the course's
    /// `content_version` (rows on another one get a note).
    pub fn new(course_id: &str, content_version: &str) -> Import {
        Import {
            course_id: course_id.to_owned(),
            content_version: content_version.to_owned(),
            roster: new_roster(content_version),
            refused: Vec::new(),
            refused_names: HashSet::new(),
            progress: None,
            run: Report::default(),
            report: None,
        }
    }

    pub fn course_id(&self) -> &str {
        &self.course_id
    }

    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// The refused files, in the order they came.
    pub fn refused(&self) -> &[Refused] {
        &self.refused
    }

    /// `Some` while files wait or are being checked.
    pub fn progress(&self) -> Option<Progress> {
        self.progress
    }

    /// What the last finished import (not a restore) did.
    pub fn report(&self) -> Option<Report> {
        self.report
    }

    /// Counts `count` files the manager handed in: a new run when none is going, else more
    /// for the one going (which is then an import, even if it began as a restore).
    pub fn queued(&mut self, count: usize) {
        match &mut self.progress {
            Some(p) => {
                p.total += count;
                p.restoring = false;
            }
            None => {
                self.run = Report::default();
                self.progress = Some(Progress {
                    done: 0,
                    total: count,
                    restoring: false,
                });
            }
        }
    }

    /// Counts `count` stored files queued for restoring. They report nothing of their own.
    pub fn restoring(&mut self, count: usize) {
        if count == 0 {
            return;
        }
        match &mut self.progress {
            Some(p) => p.total += count,
            None => {
                self.progress = Some(Progress {
                    done: 0,
                    total: count,
                    restoring: true,
                })
            }
        }
    }

    /// Ends the run once its last batch is checked. Returns true when it imported files
    /// (its report is then the one shown, and worth moving focus to); false after a restore
    /// alone.
    pub fn finish(&mut self) -> bool {
        let restoring_only = self.progress.take().is_some_and(|p| p.restoring);
        if !restoring_only {
            self.report = Some(self.run);
        }
        !restoring_only
    }

    /// Takes one person out of the roster, with the edited files that flagged them from the
    /// refused list; what is stored for them goes with [`stored_without`]. The last import's
    /// report goes too once someone is taken out: its counts no longer add up to the list.
    pub fn remove_person(&mut self, person_key: &str) -> RemovedPerson {
        let removed = self.roster.remove_person(person_key);
        if !removed.certificates.is_empty() {
            self.report = None;
        }
        let edited = |r: &Refused| {
            matches!(&r.reason, Refusal::Verify(e) if e.is_tampered())
                && removed.edited_files.contains(&r.file_name)
        };
        self.refused.retain(|r| !edited(r));
        self.refused_names = self.refused.iter().map(|r| r.file_name.clone()).collect();
        removed
    }

    /// Forgets the roster, the refused files and the last report.
    pub fn clear(&mut self) {
        self.roster = new_roster(&self.content_version);
        self.refused.clear();
        self.refused_names.clear();
        self.report = None;
    }

    /// Checks a batch into the roster and counts it as done; returns what to store for it
    /// (nothing for restored files, which are stored already, nor for duplicates).
    pub fn check(&mut self, batch: Vec<Received>, today: Date) -> Vec<StoredFile> {
        if let Some(p) = &mut self.progress {
            p.done += batch.len();
        }
        let mut to_store = Vec::new();
        for item in batch {
            let stored = match item {
                Received::Read { name, bytes } => {
                    self.run.files += 1;
                    if let Some(members) = export_members(&bytes) {
                        // An export from here: each record is taken, and stored, as a file
                        // of its own, so a reload finds them as it finds any other.
                        for (n, member) in members.into_iter().enumerate() {
                            let member_name = export_member_name(&name, n);
                            to_store.extend(self.add(&member_name, &member, today, true));
                        }
                        continue;
                    }
                    self.add(&name, &bytes, today, true)
                }
                Received::Refused { name, reason } => {
                    self.run.files += 1;
                    self.run.refused += 1;
                    let stored = StoredFile::refused(name.clone(), &reason);
                    self.refuse(name, reason).then_some(stored)
                }
                Received::Stored(stored) => {
                    match (stored.record, stored.reason) {
                        (Some(record), _) => {
                            self.add(&stored.name, record.as_bytes(), today, false);
                        }
                        (None, Some(reason)) => {
                            self.refuse(stored.name, reason.into());
                        }
                        (None, None) => {}
                    }
                    None
                }
            };
            to_store.extend(stored);
        }
        to_store
    }

    /// Lists a refused file; `false` when the same file (its name and reason) is listed
    /// already, from this import or an earlier one: the same file twice counts once, refused
    /// or not, and is neither listed nor stored again.
    fn refuse(&mut self, file_name: String, reason: Refusal) -> bool {
        let refused = Refused { file_name, reason };
        if self.refused_names.contains(&refused.file_name) && self.refused.contains(&refused) {
            return false;
        }
        self.refused_names.insert(refused.file_name.clone());
        self.refused.push(refused);
        true
    }

    /// One file through [`Roster::add_file`]; `counted` for files the manager just handed
    /// in (not ones restored). Returns what to store, if anything.
    fn add(&mut self, name: &str, bytes: &[u8], today: Date, counted: bool) -> Option<StoredFile> {
        let outcome = self
            .roster
            .add_file(name, bytes, Some(&self.course_id), today);
        match outcome {
            ImportOutcome::Accepted(record) => {
                if counted {
                    self.run.accepted += 1;
                }
                Some(StoredFile {
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
                let edited = reason.is_tampered();
                if counted {
                    self.run.refused += 1;
                    if edited {
                        self.run.edited += 1;
                    }
                }
                let refusal = Refusal::Verify(reason);
                if !self.refuse(file_name, refusal.clone()) {
                    return None;
                }
                // An edited file is kept as its (edited) record, so it is flagged again
                // after a reload; anything else only as its reason.
                let record = edited
                    .then(|| read_record(bytes, DEFAULT_MAX_BYTES).ok())
                    .flatten()
                    .and_then(|r| serde_json::to_string(&r).ok());
                let stored = match record {
                    Some(record) => StoredFile {
                        name: name.to_owned(),
                        record: Some(record),
                        reason: None,
                    },
                    None => StoredFile::refused(name.to_owned(), &refusal),
                };
                Some(stored)
            }
        }
    }
}

fn new_roster(content_version: &str) -> Roster {
    Roster::new()
        .with_content_version(content_version)
        .with_max_bytes(DEFAULT_MAX_BYTES)
}
