//! The roster as a table: one row per person, filters, sorting and counts.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use super::kept::LearnerView;
use super::{Entry, Roster, Status};
use crate::content::Role;
use crate::date::Date;

/// One person's line in the roster, showing their current certificate: the one completed
/// most recently. People are told apart by employee number when the file has one, else by
/// name and unit (ignoring case and extra spaces), since names alone repeat in large
/// organisations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The grouping key; stable across imports, for keyed lists in the UI.
    pub person_key: String,
    pub full_name: String,
    pub employee_number: String,
    pub unit: String,
    pub email: String,
    pub role: Role,
    pub completed_on: Date,
    pub valid_until: Date,
    pub status: Status,
    pub certificate_id: String,
    pub content_version: String,
    /// How many distinct certificates the person has in the roster (renewals included).
    pub certificates: usize,
    /// Files with an edited copy of one of this person's certificates; non-empty exactly
    /// when `status` is [`Status::Flagged`].
    pub flagged_files: Vec<String>,
    pub notes: Vec<RowNote>,
}

/// Things worth knowing about a row that do not change its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowNote {
    /// Taken on another edition of the content than the current one.
    OtherContentVersion { found: String, current: String },
    /// Completed after the day the file was imported: the learner's clock was probably
    /// wrong.
    CompletedInFuture,
}

/// Lowercase with runs of whitespace collapsed, so "Anna  Berg" and "anna berg" are one
/// person.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn person_key(learner: LearnerView<'_>) -> String {
    let number: String = learner
        .employee_number
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if number.is_empty() {
        format!(
            "name:{}|{}",
            normalise(learner.full_name),
            normalise(learner.unit)
        )
    } else {
        format!("emp:{number}")
    }
}

/// Newest completion first; ties go to the later issue, then the id, so the choice never
/// depends on import order.
fn newer(a: &Entry, b: &Entry) -> Ordering {
    a.record
        .completed_on()
        .cmp(&b.record.completed_on())
        .then_with(|| a.record.issued_at_ms().cmp(&b.record.issued_at_ms()))
        .then_with(|| a.record.certificate_id().cmp(b.record.certificate_id()))
}

pub(super) fn build_rows(roster: &Roster, today: Date) -> Vec<Row> {
    let current_version = roster.current_content_version().map(str::to_owned);
    let mut people: HashMap<String, Vec<&Entry>> = HashMap::new();
    for entry in roster.entries.values() {
        people
            .entry(person_key(entry.record.learner()))
            .or_default()
            .push(entry);
    }
    let mut rows: Vec<Row> = people
        .into_iter()
        .filter_map(|(key, entries)| row_of(key, &entries, current_version.as_deref(), today))
        .collect();
    sort_rows(&mut rows, SortKey::Name, false);
    rows
}

/// [`build_rows`], taking the roster apart as it goes: each person's certificates are
/// dropped as soon as their row is made, so the roster and the rows are never both whole in
/// memory. The certificates are first laid out in one array, in id order, so finding a
/// person's is an index rather than a search of the map.
pub(super) fn into_rows(mut roster: Roster, today: Date) -> Vec<Row> {
    let current_version = roster.current_content_version().map(str::to_owned);
    let mut entries: Vec<Option<Entry>> = std::mem::take(&mut roster.entries)
        .into_values()
        .map(Some)
        .collect();
    let mut people: HashMap<String, Vec<usize>> = HashMap::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        if let Some(entry) = entry {
            people
                .entry(person_key(entry.record.learner()))
                .or_default()
                .push(i);
        }
    }
    let mut rows = Vec::with_capacity(people.len());
    for (key, indices) in people {
        let group: Vec<Entry> = indices
            .iter()
            .filter_map(|&i| entries.get_mut(i).and_then(Option::take))
            .collect();
        let refs: Vec<&Entry> = group.iter().collect();
        rows.extend(row_of(key, &refs, current_version.as_deref(), today));
    }
    sort_rows(&mut rows, SortKey::Name, false);
    rows
}

/// One person's row from all their certificates; `None` only for no certificates.
fn row_of(
    key: String,
    entries: &[&Entry],
    current_version: Option<&str>,
    today: Date,
) -> Option<Row> {
    // A genuine certificate is current if there is one; an edited copy only when nothing
    // else is known about the person.
    let current = entries
        .iter()
        .filter(|e| !e.tampered)
        .max_by(|a, b| newer(a, b))
        .or_else(|| entries.iter().max_by(|a, b| newer(a, b)))?;
    let flagged_files: Vec<String> = entries
        .iter()
        .flat_map(|e| e.tampered_files.iter().cloned())
        .collect();
    let r = &current.record;
    let status = if flagged_files.is_empty() {
        Status::of(r.valid_until(), today)
    } else {
        Status::Flagged
    };
    let mut notes = Vec::new();
    if let Some(current) = current_version {
        if r.content_version() != current {
            notes.push(RowNote::OtherContentVersion {
                found: r.content_version().to_owned(),
                current: current.to_owned(),
            });
        }
    }
    if current.from_the_future {
        notes.push(RowNote::CompletedInFuture);
    }
    let learner = r.learner();
    Some(Row {
        person_key: key,
        full_name: learner.full_name.to_owned(),
        employee_number: learner.employee_number.to_owned(),
        unit: learner.unit.to_owned(),
        email: learner.email.to_owned(),
        role: r.role(),
        completed_on: r.completed_on(),
        valid_until: r.valid_until(),
        status,
        certificate_id: r.certificate_id().to_owned(),
        content_version: r.content_version().to_owned(),
        certificates: entries.iter().filter(|e| !e.tampered).count(),
        flagged_files,
        notes,
    })
}

/// What the manager narrows the table to. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Exact unit, ignoring case and extra spaces.
    pub unit: Option<String>,
    pub role: Option<Role>,
    pub status: Option<Status>,
    /// Words that must each appear (ignoring case) in the name, employee number, unit,
    /// e-mail or certificate id.
    pub search: String,
}

impl Filter {
    pub fn matches(&self, row: &Row) -> bool {
        if let Some(unit) = &self.unit {
            if normalise(unit) != normalise(&row.unit) {
                return false;
            }
        }
        if self.role.is_some_and(|r| r != row.role) || self.status.is_some_and(|s| s != row.status)
        {
            return false;
        }
        let search = normalise(&self.search);
        if search.is_empty() {
            return true;
        }
        let haystack = normalise(&format!(
            "{} {} {} {} {}",
            row.full_name, row.employee_number, row.unit, row.email, row.certificate_id
        ));
        search.split(' ').all(|word| haystack.contains(word))
    }

    /// The rows that match, in their order.
    pub fn apply<'a>(&self, rows: &'a [Row]) -> Vec<&'a Row> {
        rows.iter().filter(|r| self.matches(r)).collect()
    }
}

/// The columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    EmployeeNumber,
    Unit,
    Role,
    CompletedOn,
    ValidUntil,
    Status,
}

/// Sorts in place; equal keys fall back to name, then person, so the order is total and
/// does not jump between renders.
pub fn sort_rows(rows: &mut [Row], key: SortKey, descending: bool) {
    let order = sorted_order(rows, key, descending);
    // Rows move into place by following each cycle of the permutation, instead of through a
    // sorted copy: at 100,000 rows the copy was tens of megabytes.
    let mut placed = vec![false; rows.len()];
    for start in 0..rows.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            rows.swap(at, from);
            at = from;
        }
    }
}

/// The order [`sort_rows`] would give, as indices into `rows`, leaving the rows where they
/// are: the manager view sorts a roster of thousands on every click without copying it.
pub fn sorted_order(rows: &[Row], key: SortKey, descending: bool) -> Vec<usize> {
    // Collation keys are computed once per row, not once per comparison: with thousands of
    // rows that is the difference between a frozen page and an instant one.
    let names: Vec<Vec<u32>> = rows.iter().map(|r| collation_key(&r.full_name)).collect();
    let units: Vec<Vec<u32>> = match key {
        SortKey::Unit => rows.iter().map(|r| collation_key(&r.unit)).collect(),
        _ => Vec::new(),
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        let primary = match key {
            SortKey::Name => Ordering::Equal,
            SortKey::EmployeeNumber => natural(&a.employee_number, &b.employee_number),
            SortKey::Unit => units[i].cmp(&units[j]),
            SortKey::Role => a.role.cmp(&b.role),
            SortKey::CompletedOn => a.completed_on.cmp(&b.completed_on),
            SortKey::ValidUntil => a.valid_until.cmp(&b.valid_until),
            SortKey::Status => a.status.cmp(&b.status),
        };
        let order = primary
            .then_with(|| names[i].cmp(&names[j]))
            .then_with(|| a.person_key.cmp(&b.person_key));
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    order
}

/// A sort key in Swedish alphabetical order, ignoring case: å, ä and ö are letters of their
/// own after z (æ and ø sort with ä and ö, ü with y, as Swedish dictionaries have it), and
/// other accented Latin letters sort with their base letter (é with e, ł with l, ễ with e).
/// All letters are compared first; accents and case only break ties, so "Ek" and "Ék" stay
/// together instead of splitting around every other E-name.
fn collation_key(text: &str) -> Vec<u32> {
    let mut key = Vec::with_capacity(text.len() * 2 + 1);
    for c in text.chars().flat_map(char::to_lowercase) {
        push_primary(c, &mut key);
    }
    key.push(0);
    key.extend(text.chars().map(u32::from));
    key
}

/// Appends the letter(s) `c` sorts as in Swedish, as code points (å, ä, ö just after z).
fn push_primary(c: char, key: &mut Vec<u32>) {
    const AFTER_Z: u32 = 'z' as u32;
    match c {
        'å' => key.push(AFTER_Z + 1),
        'ä' | 'æ' => key.push(AFTER_Z + 2),
        'ö' | 'ø' | 'œ' | 'ő' => key.push(AFTER_Z + 3),
        'ü' | 'ű' => key.push(u32::from('y')),
        'ß' => key.extend([u32::from('s'); 2]),
        'ĳ' => key.extend([u32::from('i'), u32::from('j')]),
        _ => key.push(u32::from(latin_base(c).unwrap_or(c))),
    }
}

/// The base letter of a lower-case accented Latin letter (Latin-1, Latin Extended-A and the
/// Vietnamese letters of Latin Extended Additional).
fn latin_base(c: char) -> Option<char> {
    // Latin-1 Supplement and Latin Extended-A, from U+00E0: one base letter per code point,
    // '.' where the letter is upper case, handled above or has no base.
    const FROM_E0: &str = concat!(
        "aaaa...ceeeeiiiidnoooo...uuu.yty", // U+00E0–U+00FF
        ".a.a.a.c.c.c.c.d.d.e.e.e.e.e.g.g.g.g.h.h.i.i.i.i.i", // U+0100–U+0131
        "...j.kk.l.l.l.l.l.n.n.nn.n.o.o.....r.r.r.s.s.s.s.t.t.t", // U+0132–U+0167
        ".u.u.u.u...u.w.y..z.z.z",          // U+0168–U+017E
    );
    let code = u32::from(c);
    if (0xE0..=0x17E).contains(&code) {
        let i = usize::try_from(code - 0xE0).ok()?;
        return FROM_E0
            .as_bytes()
            .get(i)
            .map(|&b| char::from(b))
            .filter(|&b| b != '.');
    }
    match code {
        0x1EA0..=0x1EB7 => Some('a'),
        0x1EB8..=0x1EC7 => Some('e'),
        0x1EC8..=0x1ECB => Some('i'),
        0x1ECC..=0x1EE3 => Some('o'),
        0x1EE4..=0x1EF1 => Some('u'),
        0x1EF2..=0x1EF9 => Some('y'),
        _ => None,
    }
}

/// Employee numbers compare as numbers when both are, so 900 comes before 1000.
fn natural(a: &str, b: &str) -> Ordering {
    match (a.trim().parse::<u128>(), b.trim().parse::<u128>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => collation_key(a).cmp(&collation_key(b)),
    }
}

/// How many people are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Everyone with a completion on file, whatever its status.
    pub people: usize,
    pub valid: usize,
    pub renewal_due: usize,
    pub expired: usize,
    pub flagged: usize,
}

impl Counts {
    fn add(&mut self, status: Status) {
        self.people += 1;
        match status {
            Status::Valid => self.valid += 1,
            Status::RenewalDue => self.renewal_due += 1,
            Status::Expired => self.expired += 1,
            Status::Flagged => self.flagged += 1,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Valid => self.valid,
            Status::RenewalDue => self.renewal_due,
            Status::Expired => self.expired,
            Status::Flagged => self.flagged,
        }
    }
}

/// The numbers at the top of the roster and in the CLI's output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub total: Counts,
    /// Keyed by the unit as written on the current certificate ("" when none was given).
    pub per_unit: BTreeMap<String, Counts>,
    /// Verified certificates (0 when summarising bare rows).
    pub certificates: usize,
    /// Files not accepted, edited ones included (0 when summarising bare rows).
    pub rejected_files: usize,
}

/// Counts over any set of rows, e.g. a filtered view.
pub fn summarise<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Summary {
    let mut summary = Summary::default();
    for row in rows {
        summary.total.add(row.status);
        summary
            .per_unit
            .entry(row.unit.trim().to_owned())
            .or_default()
            .add(row.status);
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::collation_key;

    #[test]
    fn names_sort_in_swedish_order_with_accents_on_their_base_letter() {
        let mut names = [
            "Ömer Ek",
            "Zed Ek",
            "Łukasz Lindqvist",
            "Nguyễn An",
            "Eva Ek",
            "Müller Ek",
            "Åsa Ek",
            "Lars Ek",
            "Émile Ek",
            "Ngo An",
            "Yngve Ek",
            "Ängel Ek",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "Émile Ek",
                "Eva Ek",
                "Lars Ek",
                "Łukasz Lindqvist",
                "Müller Ek",
                "Ngo An",
                "Nguyễn An",
                "Yngve Ek",
                "Zed Ek",
                "Åsa Ek",
                "Ängel Ek",
                "Ömer Ek",
            ]
        );
    }
}
