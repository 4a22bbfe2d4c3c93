//! A certificate as the roster keeps it: the whole record when it may be asked for again,
//! or only what the table shows, packed into one allocation, which at 100,000 certificates
//! is the difference between fitting in a small process and not. The packed form also
//! carries the person's grouping key and the name's sort key, made where the file was
//! checked (on a worker thread in the CLI) rather than on the thread that builds the table.

use std::borrow::Cow;

use super::table::{collation_key, key_hash, person_key, push_collation_key, push_person_key};
use crate::certificate::CompletionRecord;
use crate::content::Role;
use crate::date::Date;

#[derive(Debug, Clone)]
pub(super) enum Kept {
    /// Boxed so the table-only form is not as large as the whole record.
    Whole(Box<CompletionRecord>),
    /// Boxed too, so that the roster's map moves a pointer, not the record, each time an
    /// insert shifts a node's entries.
    Table(Box<TableRecord>),
}

/// The fields rows, statuses and the current content version are built from.
#[derive(Debug, Clone)]
pub(super) struct TableRecord {
    /// The [`Field`]s end to end.
    text: Box<str>,
    /// Where each field but the last ends in `text`.
    ends: [u32; 7],
    role: Role,
    completed_on: Date,
    valid_until: Date,
    issued_at_ms: u64,
    /// [`key_hash`] of the person key, so grouping 100,000 certificates by person mostly
    /// compares numbers held here instead of reading text scattered over the heap.
    person_hash: u64,
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
    /// [`person_key`] of the learner.
    PersonKey,
    /// [`collation_key`] of the full name.
    NameKey,
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
        // Room for the keys too: a name and unit in lower case, a name twice over.
        let keys = 3 * learner.full_name.len() + learner.unit.len() + 8;
        let mut text = String::with_capacity(fields.iter().map(|f| f.len()).sum::<usize>() + keys);
        let mut ends = [0; 7];
        // A field past 4 GB cannot come from a file under the size limit.
        let end = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
        for (i, field) in fields.iter().enumerate() {
            text.push_str(field);
            ends[i] = end(&text);
        }
        push_person_key(LearnerView::of(record), &mut text);
        ends[6] = end(&text);
        push_collation_key(&learner.full_name, &mut text);
        let mut table = TableRecord {
            text: text.into_boxed_str(),
            ends,
            role: record.role,
            completed_on: record.completed_on,
            valid_until: record.valid_until,
            issued_at_ms: record.issued_at_ms,
            person_hash: 0,
        };
        table.person_hash = key_hash(table.field(Field::PersonKey));
        Kept::Table(Box::new(table))
    }

    /// The record's certificate id (the roster's key) and [`Kept::new`] of it, moving what
    /// can be moved instead of copying it.
    pub(super) fn keyed(record: CompletionRecord, whole: bool) -> (String, Kept) {
        if whole {
            (record.certificate_id.clone(), Kept::Whole(Box::new(record)))
        } else {
            let kept = Kept::new(&record, false);
            (record.certificate_id, kept)
        }
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
            Kept::Whole(r) => LearnerView::of(r),
            Kept::Table(t) => LearnerView {
                full_name: t.field(Field::FullName),
                employee_number: t.field(Field::EmployeeNumber),
                unit: t.field(Field::Unit),
                email: t.field(Field::Email),
            },
        }
    }

    /// The key the table groups the learner's certificates by.
    pub(super) fn person_key(&self) -> Cow<'_, str> {
        match self {
            Kept::Whole(r) => Cow::Owned(person_key(LearnerView::of(r))),
            Kept::Table(t) => Cow::Borrowed(t.field(Field::PersonKey)),
        }
    }

    /// The key the table sorts the learner's name by.
    pub(super) fn name_key(&self) -> Cow<'_, str> {
        match self {
            Kept::Whole(r) => Cow::Owned(collation_key(&r.learner.full_name)),
            Kept::Table(t) => Cow::Borrowed(t.field(Field::NameKey)),
        }
    }

    /// [`key_hash`] of [`Kept::person_key`], which is `key`.
    pub(super) fn person_hash(&self, key: &str) -> u64 {
        match self {
            Kept::Whole(_) => key_hash(key),
            Kept::Table(t) => t.person_hash,
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

impl<'a> LearnerView<'a> {
    fn of(record: &'a CompletionRecord) -> LearnerView<'a> {
        LearnerView {
            full_name: &record.learner.full_name,
            employee_number: &record.learner.employee_number,
            unit: &record.learner.unit,
            email: &record.learner.email,
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
