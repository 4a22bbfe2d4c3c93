//! The roster as a table: one row per person, filters, sorting and counts.

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::ops::Range;

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
    /// Another row has the same name (ignoring case): two people, or one person whose files
    /// give the employee number differently ("00011" and "11", or none), whom the roster
    /// cannot join without guessing. The manager can tell.
    SameNameAsAnother,
    /// The person's files share one employee number but not one name (a typo in a renewal,
    /// a name changed on marriage, or a number typed for the wrong person): the other names,
    /// as first found. The manager can tell which.
    OtherNamesOnFiles(Vec<String>),
}

/// Lowercase with runs of whitespace collapsed, so "Anna  Berg" and "anna berg" are one
/// person.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalised(text, &mut out);
    out
}

/// [`normalise`], appended to `out`.
fn push_normalised(text: &str, out: &mut String) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// `text` (lowercase) with the Latin letters that carry a mark written without it: the
/// letters of the Nordic, Sami, Finnish, central European, Turkish, Romanian and Vietnamese
/// names a roster holds.
fn without_marks(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' | 'ă' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
            | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ'
            | 'ệ' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'ĩ' | 'ỉ' | 'ị' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ñ' | 'ń' | 'ň' | 'ŋ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ'
            | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => 'o',
            'ř' | 'ŕ' => 'r',
            'š' | 'ś' | 'ş' | 'ș' => 's',
            'ť' | 'ŧ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' | 'ũ' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử'
            | 'ữ' | 'ự' => 'u',
            'ý' | 'ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            other => other,
        })
        .collect()
}

pub(super) fn person_key(learner: LearnerView<'_>) -> String {
    let mut key = String::new();
    push_person_key(learner, &mut key);
    key
}

/// [`person_key`], appended to `out` (a certificate packed for the table carries it).
pub(super) fn push_person_key(learner: LearnerView<'_>, out: &mut String) {
    let start = out.len();
    out.push_str("emp:");
    let number = out.len();
    out.extend(
        learner
            .employee_number
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase),
    );
    if out.len() == number {
        out.truncate(start);
        out.push_str("name:");
        push_normalised(learner.full_name, out);
        out.push('|');
        push_normalised(learner.unit, out);
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

/// The person's current certificate: the newest genuine one if there is one; an edited
/// copy only when nothing else is known about the person.
fn current<'a>(entries: impl Iterator<Item = &'a Entry> + Clone) -> Option<&'a Entry> {
    entries
        .clone()
        .filter(|e| !e.tampered)
        .max_by(|a, b| newer(a, b))
        .or_else(|| entries.max_by(|a, b| newer(a, b)))
}

/// A hash of a person key, the same on every thread of a run, made when a certificate is
/// packed for the table ([`super::kept`]).
pub(super) fn key_hash(key: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(key.as_bytes());
    hasher.finish()
}

/// The first sixteen bytes of a key as a number that orders as they do (missing bytes as
/// zeros, which order first as a shorter key does): most names differ within them.
fn key_prefix(key: &str) -> u128 {
    let mut bytes = [0; 16];
    let n = key.len().min(16);
    bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// A person's place in the table: their name's sort key and their person key, with
/// prefixes of both held here, so sorting tens of thousands of people mostly compares
/// numbers side by side instead of reading text scattered over the heap.
struct Place<'a> {
    name_prefix: u128,
    person_prefix: u128,
    name: Cow<'a, str>,
    person: &'a str,
    group: Range<usize>,
}

impl Place<'_> {
    /// The order of [`sort_rows`] by name: the name's sort key, then the person key.
    fn order(&self, other: &Place<'_>) -> Ordering {
        // Equal prefixes of keys no longer than a prefix are equal keys, but for trailing
        // NULs, which the lengths tell apart.
        let within = |a: &str, b: &str| a.len() <= 16 && a.len() == b.len();
        self.name_prefix
            .cmp(&other.name_prefix)
            .then_with(|| match within(&self.name, &other.name) {
                true => Ordering::Equal,
                false => self.name.cmp(&other.name),
            })
            .then(self.person_prefix.cmp(&other.person_prefix))
            .then_with(|| match within(self.person, other.person) {
                true => Ordering::Equal,
                false => self.person.cmp(other.person),
            })
    }
}

/// The people among a set of certificates, in the order of their rows (by name, as
/// [`sort_rows`] with [`SortKey::Name`] orders them), each with their certificates. Both
/// orders come from sorting numbers ([`key_hash`], [`key_prefix`]) with the keys' text
/// read only on ties, and rows are then made in their final order: at region scale this
/// was most of the time after the last file was read, and the key per row and list per
/// person that a map of people needs were a fifth of the memory.
struct People {
    /// Indices of certificates in the set, each person's together and in set order.
    members: Vec<usize>,
    /// Each person's range in `members`, in row order.
    groups: Vec<Range<usize>>,
    /// For each group, whether a neighbour in row order has the same name: rows are in name
    /// order, so people with one name are next to each other.
    same_name: Vec<bool>,
}

impl People {
    fn of(entries: &[&Entry]) -> People {
        // Borrowed from the certificates when the roster keeps them packed for the table.
        let keys: Vec<Cow<'_, str>> = entries.iter().map(|e| e.record.person_key()).collect();
        let mut by_person: Vec<(u64, usize)> = entries
            .iter()
            .zip(&keys)
            .map(|(e, key)| e.record.person_hash(key))
            .zip(0..)
            .collect();
        by_person.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| keys[a.1].cmp(&keys[b.1]))
                .then(a.1.cmp(&b.1))
        });
        let members: Vec<usize> = by_person.iter().map(|&(_, i)| i).collect();
        let same_person = |a: usize, b: usize| {
            by_person[a].0 == by_person[b].0 && keys[members[a]] == keys[members[b]]
        };
        let mut groups = Vec::new();
        let mut start = 0;
        for i in 1..=members.len() {
            if i == members.len() || !same_person(start, i) {
                groups.push(start..i);
                start = i;
            }
        }
        drop(by_person);
        let mut places: Vec<Place<'_>> = groups
            .into_iter()
            .map(|group| {
                let of_person = members[group.clone()].iter().map(|&i| entries[i]);
                let name = current(of_person).map_or(Cow::Borrowed(""), |e| e.record.name_key());
                let person: &str = &keys[members[group.start]];
                Place {
                    name_prefix: key_prefix(&name),
                    person_prefix: key_prefix(person),
                    name,
                    person,
                    group,
                }
            })
            .collect();
        // Person keys tell people apart, so the order is total and stability moot.
        places.sort_unstable_by(Place::order);
        // The name's sort key without the name as written, which follows a NUL.
        let primary = |p: &Place<'_>| -> usize { p.name.find('\0').unwrap_or(p.name.len()) };
        // Spaces as the person key counts them: "Elin  Sjöö" is "elin sjöö". Names that
        // differ in spaces alone may have another name between them in row order; such a
        // pair goes unnoted (rare, and the rows still show both).
        let named_alike = |a: &Place<'_>, b: &Place<'_>| {
            let (ka, kb) = (&a.name[..primary(a)], &b.name[..primary(b)]);
            !ka.trim().is_empty() && ka.split_whitespace().eq(kb.split_whitespace())
        };
        let same_name = (0..places.len())
            .map(|i| {
                let before = i > 0 && named_alike(&places[i - 1], &places[i]);
                let after = i + 1 < places.len() && named_alike(&places[i], &places[i + 1]);
                before || after
            })
            .collect();
        let groups = places.into_iter().map(|place| place.group).collect();
        People {
            members,
            groups,
            same_name,
        }
    }
}

/// Calls `row` with each person's row, in [`Roster::rows`] order.
pub(super) fn each_row(roster: &Roster, today: Date, mut row: impl FnMut(Row)) {
    let current_version = roster.current_content_version().map(str::to_owned);
    let entries: Vec<&Entry> = roster.entries.values().collect();
    let people = People::of(&entries);
    let mut group = Vec::new();
    for (range, same_name) in people.groups.into_iter().zip(people.same_name) {
        group.clear();
        group.extend(people.members[range].iter().map(|&i| entries[i]));
        if let Some(made) = row_of(&group, current_version.as_deref(), today, same_name) {
            row(made);
        }
    }
}

/// [`each_row`], taking the roster apart as it goes: each person's certificates are
/// dropped as soon as their row is made, so the roster and the rows are never both whole in
/// memory.
pub(super) fn into_each_row(mut roster: Roster, today: Date, mut row: impl FnMut(Row)) {
    let current_version = roster.current_content_version().map(str::to_owned);
    let mut entries: Vec<Option<Entry>> = std::mem::take(&mut roster.entries)
        .into_values()
        .map(Some)
        .collect();
    let people = People::of(&entries.iter().flatten().collect::<Vec<_>>());
    let mut group = Vec::new();
    for (range, same_name) in people.groups.into_iter().zip(people.same_name) {
        // Dropping the previous person's certificates.
        group.clear();
        group.extend(
            people.members[range]
                .iter()
                .filter_map(|&i| entries.get_mut(i).and_then(Option::take)),
        );
        if let Some(made) = row_of(&group, current_version.as_deref(), today, same_name) {
            row(made);
        }
    }
}

/// One person's row from all their certificates; `None` only for no certificates.
/// `same_name`: another person in the roster has their name.
fn row_of<E: Borrow<Entry>>(
    entries: &[E],
    current_version: Option<&str>,
    today: Date,
    same_name: bool,
) -> Option<Row> {
    let all = || entries.iter().map(Borrow::<Entry>::borrow);
    let current = current(all())?;
    let flagged_files: Vec<String> = all()
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
    if same_name {
        notes.push(RowNote::SameNameAsAnother);
    }
    let mut seen = vec![normalise(r.learner().full_name)];
    let mut other_names = Vec::new();
    for name in all().map(|e| e.record.learner().full_name) {
        let key = normalise(name);
        if !seen.contains(&key) {
            seen.push(key);
            other_names.push(name.to_owned());
        }
    }
    if !other_names.is_empty() {
        notes.push(RowNote::OtherNamesOnFiles(other_names));
    }
    let learner = r.learner();
    Some(Row {
        person_key: r.person_key().into_owned(),
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
        certificates: all().filter(|e| !e.tampered).count(),
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
        if search.split(' ').all(|word| haystack.contains(word)) {
            return true;
        }
        // "oberg" finds "Öberg" and "zivkovic" "Živković" (a keyboard without the letter),
        // while "öberg" still finds only "Öberg": the search is folded only where it has no
        // such letter itself.
        let folded = without_marks(&haystack);
        search
            .split(' ')
            .all(|word| haystack.contains(word) || folded.contains(word))
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
    let names: Vec<String> = rows.iter().map(|r| collation_key(&r.full_name)).collect();
    let units: Vec<String> = match key {
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
/// together instead of splitting around every other E-name. The key is a string of the
/// letters as they sort, a NUL, then the text itself: UTF-8 orders by code point, so keys
/// compare as whole byte strings (one `memcmp`), and take a quarter of the memory that one
/// code point per `u32` took.
pub(super) fn collation_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len() * 2 + 1);
    push_collation_key(text, &mut key);
    key
}

/// [`collation_key`], appended to `out`.
pub(super) fn push_collation_key(text: &str, out: &mut String) {
    for c in text.chars().flat_map(char::to_lowercase) {
        push_primary(c, out);
    }
    out.push('\0');
    out.push_str(text);
}

/// Appends the letter(s) `c` sorts as in Swedish (å, ä, ö as the three characters just
/// after z).
fn push_primary(c: char, key: &mut String) {
    match c {
        'å' => key.push('{'),
        'ä' | 'æ' => key.push('|'),
        'ö' | 'ø' | 'œ' | 'ő' => key.push('}'),
        'ü' | 'ű' => key.push('y'),
        'ß' => key.push_str("ss"),
        'ĳ' => key.push_str("ij"),
        _ => key.push(latin_base(c).unwrap_or(c)),
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

impl Summary {
    /// Counts one more row, for a caller that sees rows one at a time and keeps none.
    pub fn count(&mut self, row: &Row) {
        self.total.add(row.status);
        // Most rows share a unit already seen: a key is only made for a new one.
        let unit = row.unit.trim();
        match self.per_unit.get_mut(unit) {
            Some(counts) => counts.add(row.status),
            None => self
                .per_unit
                .entry(unit.to_owned())
                .or_default()
                .add(row.status),
        }
    }
}

/// Counts over any set of rows, e.g. a filtered view.
pub fn summarise<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Summary {
    let mut summary = Summary::default();
    for row in rows {
        summary.count(row);
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
