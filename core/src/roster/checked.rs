//! One file read and checked, apart from merging it into a roster: the part of an import that
//! costs time, so a caller with several cores (the CLI) can check files side by side and
//! merge them one by one in a fixed order. Nothing here spawns threads; the wasm build stays
//! single-threaded.

use super::kept::Kept;
use crate::certificate::{
    check_record, read_record, CompletionRecord, VerifyError, FORMAT, SCHEMA_VERSION,
};
use crate::date::Date;

/// A file after reading and checking, ready for [`super::Roster::add_checked`].
// One value per file, merged at once: boxing the record would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// Verified and for the course asked for.
    Verified(CompletionRecord),
    /// Edited after issue, for the course asked for: still shown, as a flagged row.
    Tampered(CompletionRecord, VerifyError),
    /// Not added at all.
    Refused(VerifyError),
}

impl Checked {
    /// Reads `bytes` as a completion file (JSON, or a certificate PDF with the record
    /// embedded) no larger than `max_bytes` and checks it against `course_id` when given.
    /// The outcome is exactly that of [`super::Roster::add_file`] for the same bytes.
    pub fn file(bytes: &[u8], max_bytes: usize, course_id: Option<&str>) -> Checked {
        let record = match read_fast(bytes, max_bytes) {
            Ok(record) => record,
            Err(reason) => return Checked::Refused(reason),
        };
        match check_record(&record, course_id) {
            Ok(()) => Checked::Verified(record),
            Err(reason) => {
                let course_matches = course_id.is_none_or(|c| c == record.course_id);
                if reason.is_tampered() && course_matches {
                    Checked::Tampered(record, reason)
                } else {
                    Checked::Refused(reason)
                }
            }
        }
    }
}

/// What checking files for one roster needs to know of it ([`super::Roster::intake`]), so
/// that files can be checked and readied away from it, on other threads, and merged with
/// [`super::Roster::add_prepared`].
#[derive(Debug, Clone, Copy)]
pub struct Intake {
    pub(super) keeps_records: bool,
    pub(super) max_bytes: usize,
    pub(super) today: Date,
}

/// A file checked and turned into what the roster keeps of it ([`Intake::file`]): at region
/// scale, packing a record for the table is a good part of an import, and done here it is
/// done on the thread that checked the file, which also frees what the roster does not keep,
/// so the one thread that merges files in order has little left to do.
#[derive(Debug)]
pub struct Prepared(pub(super) Ready);

/// The readied forms of [`Checked`]'s cases, keyed by certificate id.
#[derive(Debug)]
pub(super) enum Ready {
    Verified {
        id: String,
        kept: Kept,
        from_the_future: bool,
    },
    Tampered {
        id: String,
        kept: Kept,
        reason: VerifyError,
    },
    Refused(VerifyError),
}

impl Intake {
    /// [`Checked::file`] for this roster, readied for it; merging the result gives what
    /// [`super::Roster::add_file`] gives for the same bytes.
    pub fn file(&self, bytes: &[u8], course_id: Option<&str>) -> Prepared {
        let keyed = |record: CompletionRecord| Kept::keyed(record, self.keeps_records);
        Prepared(match Checked::file(bytes, self.max_bytes, course_id) {
            Checked::Verified(record) => {
                let from_the_future = super::completed_after(record.completed_on, self.today);
                let (id, kept) = keyed(record);
                Ready::Verified {
                    id,
                    kept,
                    from_the_future,
                }
            }
            Checked::Tampered(record, reason) => {
                let (id, kept) = keyed(record);
                Ready::Tampered { id, kept, reason }
            }
            Checked::Refused(reason) => Ready::Refused(reason),
        })
    }
}

/// [`read_record`], with the common case first: a well-formed completion file parses straight
/// into the record in one pass. Anything else (a PDF, a byte-order mark, an error of any kind)
/// goes through `read_record`, so refusals keep its exact wording and checks. The bytes are
/// checked as UTF-8 once, whole, and parsed as text: parsing bytes checks each of the forty
/// or so keys and strings of a record on its own, which cost more.
fn read_fast(bytes: &[u8], max_bytes: usize) -> Result<CompletionRecord, VerifyError> {
    if bytes.len() <= max_bytes && first_non_space(bytes) == Some(b'{') {
        let parsed = std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| serde_json::from_str::<CompletionRecord>(text).ok());
        if let Some(record) = parsed {
            // `read_record` checks these before the typed parse, with messages of their own;
            // a file that passes them here would pass there.
            if record.format == FORMAT && record.schema_version == SCHEMA_VERSION {
                return Ok(record);
            }
        }
    }
    read_record(bytes, max_bytes)
}

/// The first byte that is not JSON whitespace. A file starting with an object is the only
/// kind the fast path takes: serde would also read a struct from an array, which
/// `read_record` refuses as not a completion file.
fn first_non_space(bytes: &[u8]) -> Option<u8> {
    bytes
        .iter()
        .copied()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}
