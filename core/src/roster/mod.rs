//! The manager's roster: completion files collected from a team, verified, merged and
//! summarised, with no server. A manager drops in a folder of files (the same certificate
//! may arrive twice, a learner may have renewed) and sees one row per person with their
//! current status.
//!
//! Everything here is pure; the app and the CLI read the files and pass the bytes in.

mod checked;
mod csv;
pub mod import;
mod kept;
mod table;

use std::collections::btree_map::Entry as MapEntry;
use std::collections::BTreeMap;
use std::fmt;
use std::io;

use serde::Serializer as _;

use crate::certificate::{CompletionRecord, Validity, VerifyError, DEFAULT_MAX_BYTES};
use crate::date::Date;
use checked::Ready;
use kept::Kept;

pub use checked::{Checked, Intake, Prepared};
pub use csv::{to_csv_in, write_csv_in, CsvWords, CsvWriter};
pub use table::{
    sort_rows, sorted_order, summarise, Counts, Filter, Row, RowNote, SortKey, Summary,
};

/// Whether a file, by its name, is one the roster reads: a completion file (`.json`) or a
/// certificate PDF with the record attached (`.pdf`), in any letter case. The manager view
/// and `trygg roster` pick files from folders with this, so both take the same ones.
pub fn is_completion_file_name(name: &str) -> bool {
    let ends_with = |suffix: &str| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    ends_with(".json") || ends_with(".pdf")
}

/// Where a person stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Valid for more than the renewal window.
    Valid,
    /// Still valid, but expires within the renewal window.
    RenewalDue,
    /// `valid_until` has passed.
    Expired,
    /// One of the person's files was edited after issue: look at it before trusting the row.
    Flagged,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Valid,
        Status::RenewalDue,
        Status::Expired,
        Status::Flagged,
    ];

    /// The status an unedited certificate valid through `valid_until` has on `today`: the
    /// learner's own [`Validity`] rule, so the roster and "my training" agree to the day.
    pub fn of(valid_until: Date, today: Date) -> Status {
        match Validity::on(valid_until, today) {
            Validity::Valid => Status::Valid,
            Validity::RenewalDue { .. } => Status::RenewalDue,
            Validity::Expired => Status::Expired,
        }
    }

    /// A stable identifier for filters in URLs and command lines.
    pub fn key(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::RenewalDue => "renewal_due",
            Status::Expired => "expired",
            Status::Flagged => "flagged",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// What happened to one imported file, for the import log shown to the manager.
// One value per file, used at once: boxing the record would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Verified and added.
    Accepted(CompletionRecord),
    /// Verified, but the same certificate was already in the roster; merged.
    Duplicate {
        file_name: String,
        certificate_id: String,
    },
    /// Not added as a valid certificate. An edited file (`reason.is_tampered()`) still
    /// shows up as a flagged row, so the manager sees whose it is.
    Rejected {
        file_name: String,
        reason: VerifyError,
    },
}

/// What became of a [`Prepared`] file: an [`ImportOutcome`] without the record, which the
/// roster now holds in its own form, nor the file name, which the caller has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merged {
    Accepted,
    Duplicate,
    /// See [`ImportOutcome::Rejected`].
    Rejected(VerifyError),
}

/// Whether a certificate completed on `completed_on` must have come from a wrong clock, seen
/// on the importing day `today`. Completion days are the learner's own, so a learner east of
/// the manager (Helsinki beside Stockholm) can be a day ahead: only a later day is noted.
pub(crate) fn completed_after(completed_on: Date, today: Date) -> bool {
    completed_on > today.add_days(1)
}

/// One certificate (by id), whatever number of files it came in.
#[derive(Debug, Clone)]
struct Entry {
    record: Kept,
    /// True while the only copies seen were edited ones.
    tampered: bool,
    /// Files holding an edited copy of this certificate.
    tampered_files: Vec<String>,
    /// `completed_on` lies after the day it was imported.
    from_the_future: bool,
}

/// What [`Roster::remove_person`] took out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemovedPerson {
    /// The person's certificate ids.
    pub certificates: Vec<String>,
    /// Files that held an edited copy of one of them.
    pub edited_files: Vec<String>,
}

/// The merged set of imported certificates. Adding is O(log n) per file, so a folder of
/// 100,000 files imports in one pass.
#[derive(Debug, Clone)]
pub struct Roster {
    entries: BTreeMap<String, Entry>,
    rejected: Vec<(String, VerifyError)>,
    current_content_version: Option<String>,
    max_bytes: usize,
    /// False for a roster made [`Roster::for_table_only`].
    keeps_records: bool,
}

impl Default for Roster {
    fn default() -> Self {
        Roster::new()
    }
}

/// The records of a roster export ([`Roster::to_json`]), each as the bytes of a completion
/// file of its own, so an export imported again (in the manager view or by `trygg roster`)
/// gives back the roster it came from. `None` for anything else (a completion file, a PDF,
/// a broken file), which is then read as one file and refused or taken as usual.
pub fn export_members(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] != b'[' {
        return None;
    }
    // Each record written out again: its code is over its fields, not over its bytes.
    let members: Vec<serde_json::Value> = serde_json::from_slice(bytes).ok()?;
    members
        .iter()
        .all(serde_json::Value::is_object)
        .then(|| members.iter().map(|m| m.to_string().into_bytes()).collect())
}

/// The name a record of a roster export goes by in refusals and in the stored roster: the
/// export's own name and the record's place in it, counted from 1.
pub fn export_member_name(export: &str, index: usize) -> String {
    format!("{export} #{}", index + 1)
}

impl Roster {
    pub fn new() -> Roster {
        Roster {
            entries: BTreeMap::new(),
            rejected: Vec::new(),
            current_content_version: None,
            max_bytes: DEFAULT_MAX_BYTES,
            keeps_records: true,
        }
    }

    /// A roster that keeps only what its rows and counts need (no module results,
    /// organisation or codes), for a caller that never asks for the records back: at region
    /// scale that is about half the memory. [`Roster::records`] is then empty and
    /// [`Roster::to_json`] an empty array, so no stripped record can pass for a whole one.
    pub fn for_table_only(mut self) -> Roster {
        self.keeps_records = false;
        self
    }

    /// The content version the course is on now; rows on another one get a note. Without
    /// it, the version of the most recently issued certificate counts as current.
    pub fn with_content_version(mut self, version: impl Into<String>) -> Roster {
        self.current_content_version = Some(version.into());
        self
    }

    /// Files larger than this are refused unread (default [`DEFAULT_MAX_BYTES`]).
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Roster {
        self.max_bytes = max_bytes;
        self
    }

    /// Verifies one file and merges it in. `course_id`, when given, refuses other courses'
    /// files; `today` is the importing day, to note certificates dated after it.
    pub fn add_file(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        course_id: Option<&str>,
        today: Date,
    ) -> ImportOutcome {
        let checked = Checked::file(bytes, self.max_bytes, course_id);
        self.add_checked(file_name, checked, today)
    }

    /// Merges a file read and checked by [`Checked::file`] (with this roster's size limit),
    /// with the same outcome as [`Roster::add_file`] on its bytes. Files must come in the
    /// order [`Roster::add_file`] would have taken them: which copy of a certificate is kept
    /// and the order of [`Roster::rejected`] follow it.
    pub fn add_checked(&mut self, file_name: &str, checked: Checked, today: Date) -> ImportOutcome {
        let rejected = |reason: VerifyError| ImportOutcome::Rejected {
            file_name: file_name.to_owned(),
            reason,
        };
        let keeps = self.keeps_records;
        match checked {
            Checked::Verified(record) => {
                let from_the_future = completed_after(record.completed_on, today);
                let id = record.certificate_id.clone();
                if self.place(id, || Kept::new(&record, keeps), from_the_future) {
                    ImportOutcome::Accepted(record)
                } else {
                    ImportOutcome::Duplicate {
                        file_name: file_name.to_owned(),
                        certificate_id: record.certificate_id,
                    }
                }
            }
            Checked::Tampered(record, reason) => {
                self.rejected.push((file_name.to_owned(), reason.clone()));
                let id = record.certificate_id.clone();
                self.place_tampered(file_name, id, || Kept::new(&record, keeps));
                rejected(reason)
            }
            Checked::Refused(reason) => {
                self.rejected.push((file_name.to_owned(), reason.clone()));
                rejected(reason)
            }
        }
    }

    /// What files must be checked with to be merged here by [`Roster::add_prepared`];
    /// `today` is the importing day, as for [`Roster::add_file`]. Take it after choosing
    /// [`Roster::for_table_only`] and the size limit.
    pub fn intake(&self, today: Date) -> Intake {
        Intake {
            keeps_records: self.keeps_records,
            max_bytes: self.max_bytes,
            today,
        }
    }

    /// Merges a file readied by this roster's [`Roster::intake`], with the outcome
    /// [`Roster::add_file`] would give (less the record and names it returns). The order
    /// rules of [`Roster::add_checked`] apply. The file's name is asked for only when the
    /// roster keeps it (a refused or edited file): at region scale most files never need
    /// one made.
    pub fn add_prepared(
        &mut self,
        file_name: impl FnOnce() -> String,
        prepared: Prepared,
    ) -> Merged {
        match prepared.0 {
            Ready::Verified {
                id,
                kept,
                from_the_future,
            } => {
                if self.place(id, || kept, from_the_future) {
                    Merged::Accepted
                } else {
                    Merged::Duplicate
                }
            }
            Ready::Tampered { id, kept, reason } => {
                let file_name = file_name();
                self.place_tampered(&file_name, id, || kept);
                self.rejected.push((file_name, reason.clone()));
                Merged::Rejected(reason)
            }
            Ready::Refused(reason) => {
                self.rejected.push((file_name(), reason.clone()));
                Merged::Rejected(reason)
            }
        }
    }

    /// Adds a verified certificate under its id, made by `kept` only when it is kept; false
    /// when the id was already there (a duplicate). A genuine file replaces an edited copy
    /// seen first; the edit stays on record through `tampered_files`.
    fn place(&mut self, id: String, kept: impl FnOnce() -> Kept, from_the_future: bool) -> bool {
        match self.entries.entry(id) {
            MapEntry::Vacant(slot) => {
                slot.insert(Entry {
                    record: kept(),
                    tampered: false,
                    tampered_files: Vec::new(),
                    from_the_future,
                });
                true
            }
            MapEntry::Occupied(mut slot) => {
                let entry = slot.get_mut();
                if entry.tampered {
                    entry.record = kept();
                    entry.tampered = false;
                    entry.from_the_future = from_the_future;
                    true
                } else {
                    false
                }
            }
        }
    }

    fn place_tampered(&mut self, file_name: &str, id: String, kept: impl FnOnce() -> Kept) {
        match self.entries.entry(id) {
            MapEntry::Vacant(slot) => {
                slot.insert(Entry {
                    record: kept(),
                    tampered: true,
                    tampered_files: vec![file_name.to_owned()],
                    from_the_future: false,
                });
            }
            MapEntry::Occupied(mut slot) => {
                let files = &mut slot.get_mut().tampered_files;
                // The same edited file handed in again is one edit, not two.
                if !files.iter().any(|f| f == file_name) {
                    files.push(file_name.to_owned());
                }
            }
        }
    }

    /// Takes one person's certificates out (a file of someone from another unit imported by
    /// mistake): their verified and edited copies alike, by the person key of their row.
    /// Returns the certificate ids taken out and the files that held edited copies, so what
    /// is kept for them can go too.
    pub fn remove_person(&mut self, person_key: &str) -> RemovedPerson {
        let certificates: Vec<String> = self
            .entries
            .iter()
            .filter(|(_, e)| e.record.person_key() == person_key)
            .map(|(id, _)| id.clone())
            .collect();
        let mut edited_files = Vec::new();
        for id in &certificates {
            if let Some(entry) = self.entries.remove(id) {
                edited_files.extend(entry.tampered_files);
            }
        }
        self.rejected
            .retain(|(name, e)| !(e.is_tampered() && edited_files.contains(name)));
        RemovedPerson {
            certificates,
            edited_files,
        }
    }

    /// The verified certificates, by certificate id.
    pub fn records(&self) -> impl Iterator<Item = &CompletionRecord> {
        self.verified().filter_map(Kept::whole)
    }

    /// The verified certificates as kept, whole or for the table only.
    fn verified(&self) -> impl Iterator<Item = &Kept> {
        self.entries
            .values()
            .filter(|e| !e.tampered)
            .map(|e| &e.record)
    }

    /// How many verified certificates the roster holds.
    pub fn len(&self) -> usize {
        self.verified().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every file not accepted, with why, in import order (edited files included).
    pub fn rejected(&self) -> &[(String, VerifyError)] {
        &self.rejected
    }

    /// The content version rows are compared against: the one set, or else that of the
    /// most recently issued verified certificate.
    pub fn current_content_version(&self) -> Option<&str> {
        if let Some(v) = &self.current_content_version {
            return Some(v);
        }
        self.verified()
            .max_by(|a, b| {
                a.issued_at_ms()
                    .cmp(&b.issued_at_ms())
                    .then_with(|| a.certificate_id().cmp(b.certificate_id()))
            })
            .map(Kept::content_version)
    }

    /// One row per person, sorted by name. See [`Row`] for how people are told apart.
    pub fn rows(&self, today: Date) -> Vec<Row> {
        let mut rows = Vec::new();
        table::each_row(self, today, |row| rows.push(row));
        rows
    }

    /// [`Roster::rows`] one at a time, for a caller that writes each row out and keeps
    /// none: at region scale the rows are a third of the memory.
    pub fn each_row(&self, today: Date, row: impl FnMut(Row)) {
        table::each_row(self, today, row);
    }

    /// [`Roster::rows`] for a caller done with the roster: the same rows, made while the
    /// roster is taken apart, so at region scale the two are never both held in full.
    pub fn into_rows(self, today: Date) -> Vec<Row> {
        let mut rows = Vec::new();
        table::into_each_row(self, today, |row| rows.push(row));
        rows
    }

    /// [`Roster::into_rows`] one at a time, as [`Roster::each_row`].
    pub fn into_each_row(self, today: Date, row: impl FnMut(Row)) {
        table::into_each_row(self, today, row);
    }

    /// Counts over all people on `today`.
    pub fn summary(&self, today: Date) -> Summary {
        let mut summary = summarise(&self.rows(today));
        summary.certificates = self.len();
        summary.rejected_files = self.rejected.len();
        summary
    }

    /// The verified certificates as a JSON array (by certificate id), to keep or merge
    /// elsewhere; each element is a complete completion record that verifies on its own.
    pub fn to_json(&self) -> String {
        let records: Vec<&CompletionRecord> = self.records().collect();
        // Serialising plain structs with string keys cannot fail.
        serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".to_owned())
    }

    /// [`Roster::to_json`] written to `out` as it is made, byte for byte the same, so a
    /// roster of 100,000 certificates is not held twice (records and text) in memory.
    pub fn write_json(&self, out: &mut impl io::Write) -> io::Result<()> {
        let mut serializer = serde_json::Serializer::pretty(out);
        serializer
            .collect_seq(self.records())
            .map_err(io::Error::from)
    }
}
