//! A certificate as the roster keeps it: the whole record when it may be asked for again,
//! or only what the table shows, packed into one allocation, which at 100,000 certificates
//! is the difference between fitting in a small process and not.

use crate::certificate::CompletionRecord;
use crate::content::Role;
use crate::date::Date;

#[derive(Debug, Clone)]
pub(super) enum Kept {
    /// Boxed so the table-only form is not as large as the whole record.
    Whole(Box<CompletionRecord>),
    Table(TableRecord),
}

/// The fields rows, statuses and the current content version are built from.
#[derive(Debug, Clone)]
pub(super) struct TableRecord {
    /// The [`Field`]s end to end.
    text: Box<str>,
    /// Where each field but the last ends in `text`.
    ends: [u32; 5],
    role: Role,
    completed_on: Date,
    valid_until: Date,
    issued_at_ms: u64,
}

/// The text fields of a [`TableRecord`], in the order they are packed.
#[derive(Clone, Copy)]
enum Field {
    CertificateId,
    ContentVersion,
    FullName,
    EmployeeNumber,
    Unit,
    Email,
}

/// Who completed the course, borrowed from either form.
#[derive(Clone, Copy)]
pub(super) struct LearnerView<'a> {
    pub full_name: &'a str,
    pub employee_number: &'a str,
    pub unit: &'a str,
    pub email: &'a str,
}

impl Kept {
    pub(super) fn new(record: &CompletionRecord, whole: bool) -> Kept {
        if whole {
            return Kept::Whole(Box::new(record.clone()));
        }
        let learner = &record.learner;
        let fields = [
            record.certificate_id.as_str(),
            &record.content_version,
            &learner.full_name,
            &learner.employee_number,
            &learner.unit,
            &learner.email,
        ];
        let mut text = String::with_capacity(fields.iter().map(|f| f.len()).sum());
        let mut ends = [0; 5];
        for (i, field) in fields.iter().enumerate() {
            text.push_str(field);
            if let Some(end) = ends.get_mut(i) {
                // A field past 4 GB cannot come from a file under the size limit.
                *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            }
        }
        Kept::Table(TableRecord {
            text: text.into_boxed_str(),
            ends,
            role: record.role,
            completed_on: record.completed_on,
            valid_until: record.valid_until,
            issued_at_ms: record.issued_at_ms,
        })
    }

    pub(super) fn whole(&self) -> Option<&CompletionRecord> {
        match self {
            Kept::Whole(r) => Some(r),
            Kept::Table(_) => None,
        }
    }

    pub(super) fn certificate_id(&self) -> &str {
        match self {
            Kept::Whole(r) => &r.certificate_id,
            Kept::Table(t) => t.field(Field::CertificateId),
        }
    }

    pub(super) fn content_version(&self) -> &str {
        match self {
            Kept::Whole(r) => &r.content_version,
            Kept::Table(t) => t.field(Field::ContentVersion),
        }
    }

    pub(super) fn learner(&self) -> LearnerView<'_> {
        match self {
            Kept::Whole(r) => LearnerView {
                full_name: &r.learner.full_name,
                employee_number: &r.learner.employee_number,
                unit: &r.learner.unit,
                email: &r.learner.email,
            },
            Kept::Table(t) => LearnerView {
                full_name: t.field(Field::FullName),
                employee_number: t.field(Field::EmployeeNumber),
                unit: t.field(Field::Unit),
                email: t.field(Field::Email),
            },
        }
    }

    pub(super) fn role(&self) -> Role {
        match self {
            Kept::Whole(r) => r.role,
            Kept::Table(t) => t.role,
        }
    }

    pub(super) fn completed_on(&self) -> Date {
        match self {
            Kept::Whole(r) => r.completed_on,
            Kept::Table(t) => t.completed_on,
        }
    }

    pub(super) fn valid_until(&self) -> Date {
        match self {
            Kept::Whole(r) => r.valid_until,
            Kept::Table(t) => t.valid_until,
        }
    }

    pub(super) fn issued_at_ms(&self) -> u64 {
        match self {
            Kept::Whole(r) => r.issued_at_ms,
            Kept::Table(t) => t.issued_at_ms,
        }
    }
}

impl TableRecord {
    fn field(&self, field: Field) -> &str {
        let i = field as usize;
        let at = |i: usize| {
            self.ends
                .get(i)
                .map_or(self.text.len(), |&end| usize::try_from(end).unwrap_or(0))
        };
        let start = if i == 0 { 0 } else { at(i - 1) };
        self.text.get(start..at(i)).unwrap_or("")
    }
}
