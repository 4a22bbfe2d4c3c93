//! The manager's roster: completion files collected from a team, verified, merged and
//! summarised, with no server. A manager drops in a folder of files (the same certificate
//! may arrive twice, a learner may have renewed) and sees one row per person with their
//! current status.
//!
//! Everything here is pure; the app and the CLI read the files and pass the bytes in.

mod csv;
mod table;

use std::collections::btree_map::Entry as MapEntry;
use std::collections::BTreeMap;
use std::fmt;

use crate::certificate::{
    check_record, read_record, CompletionRecord, Validity, VerifyError, DEFAULT_MAX_BYTES,
};
use crate::content::Lang;
use crate::date::Date;

pub use csv::{to_csv, to_csv_in};
pub use table::{
    sort_rows, sorted_order, summarise, Counts, Filter, Row, RowNote, SortKey, Summary,
};

/// Whether a file, by its name, is one the roster reads: a completion file (`.json`) or a
/// certificate PDF with the record attached (`.pdf`), in any letter case. The manager view
/// and `trygg roster` pick files from folders with this, so both take the same ones.
pub fn is_completion_file_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".json") || lower.ends_with(".pdf")
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

    /// The word shown in the table and the CSV.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Valid, Lang::Sv) => "Giltig",
            (Status::Valid, Lang::En) => "Valid",
            (Status::RenewalDue, Lang::Sv) => "Dags att förnya",
            (Status::RenewalDue, Lang::En) => "Renewal due",
            (Status::Expired, Lang::Sv) => "Utgången",
            (Status::Expired, Lang::En) => "Expired",
            (Status::Flagged, Lang::Sv) => "Flaggad",
            (Status::Flagged, Lang::En) => "Flagged",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::En))
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

/// One certificate (by id), whatever number of files it came in.
#[derive(Debug, Clone)]
struct Entry {
    record: CompletionRecord,
    /// True while the only copies seen were edited ones.
    tampered: bool,
    /// Files holding an edited copy of this certificate.
    tampered_files: Vec<String>,
    /// `completed_on` lies after the day it was imported.
    from_the_future: bool,
}

/// The merged set of imported certificates. Adding is O(log n) per file, so a folder of
/// 100,000 files imports in one pass.
#[derive(Debug, Clone)]
pub struct Roster {
    entries: BTreeMap<String, Entry>,
    rejected: Vec<(String, VerifyError)>,
    current_content_version: Option<String>,
    max_bytes: usize,
}

impl Default for Roster {
    fn default() -> Self {
        Roster::new()
    }
}

impl Roster {
    pub fn new() -> Roster {
        Roster {
            entries: BTreeMap::new(),
            rejected: Vec::new(),
            current_content_version: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
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
        let rejected = |reason: VerifyError| ImportOutcome::Rejected {
            file_name: file_name.to_owned(),
            reason,
        };
        let record = match read_record(bytes, self.max_bytes) {
            Ok(record) => record,
            Err(reason) => {
                self.rejected.push((file_name.to_owned(), reason.clone()));
                return rejected(reason);
            }
        };
        if let Err(reason) = check_record(&record, course_id) {
            self.rejected.push((file_name.to_owned(), reason.clone()));
            let course_matches = course_id.is_none_or(|c| c == record.course_id);
            if reason.is_tampered() && course_matches {
                self.add_tampered(file_name, record);
            }
            return rejected(reason);
        }
        let from_the_future = record.completed_on > today;
        match self.entries.entry(record.certificate_id.clone()) {
            MapEntry::Vacant(slot) => {
                slot.insert(Entry {
                    record: record.clone(),
                    tampered: false,
                    tampered_files: Vec::new(),
                    from_the_future,
                });
                ImportOutcome::Accepted(record)
            }
            MapEntry::Occupied(mut slot) => {
                let entry = slot.get_mut();
                if entry.tampered {
                    // The genuine file replaces the edited copy seen first; the edit stays
                    // on record through `tampered_files`.
                    entry.record = record.clone();
                    entry.tampered = false;
                    entry.from_the_future = from_the_future;
                    ImportOutcome::Accepted(record)
                } else {
                    ImportOutcome::Duplicate {
                        file_name: file_name.to_owned(),
                        certificate_id: record.certificate_id,
                    }
                }
            }
        }
    }

    fn add_tampered(&mut self, file_name: &str, record: CompletionRecord) {
        match self.entries.entry(record.certificate_id.clone()) {
            MapEntry::Vacant(slot) => {
                slot.insert(Entry {
                    record,
                    tampered: true,
                    tampered_files: vec![file_name.to_owned()],
                    from_the_future: false,
                });
            }
            MapEntry::Occupied(mut slot) => {
                slot.get_mut().tampered_files.push(file_name.to_owned())
            }
        }
    }

    /// The verified certificates, by certificate id.
    pub fn records(&self) -> impl Iterator<Item = &CompletionRecord> {
        self.entries
            .values()
            .filter(|e| !e.tampered)
            .map(|e| &e.record)
    }

    /// How many verified certificates the roster holds.
    pub fn len(&self) -> usize {
        self.records().count()
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
        self.records()
            .max_by(|a, b| {
                a.issued_at_ms
                    .cmp(&b.issued_at_ms)
                    .then_with(|| a.certificate_id.cmp(&b.certificate_id))
            })
            .map(|r| r.content_version.as_str())
    }

    /// One row per person, sorted by name. See [`Row`] for how people are told apart.
    pub fn rows(&self, today: Date) -> Vec<Row> {
        table::build_rows(self, today)
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
}
