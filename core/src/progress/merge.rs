//! Combining two copies of the same learner's progress, e.g. from two open tabs that both
//! saved. The rule is "never lose anything the learner did": per module the newer attempt,
//! the best result, the latest pass, the furthest lesson.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::{Attempt, Learner, ModuleProgress, Progress, PROGRESS_VERSION};

/// Merges `other` into `local` and returns the result; neither input is changed.
///
/// * Per module: the attempt with the newer `updated_ms`, or more answers when equal; the
///   higher `best_percent`; the `last_pass` with the later `passed_ms`; the larger attempt
///   count and lesson step; lessons done if either says so. A module in only one copy is
///   kept as is.
/// * Role, the shared-computer flag and learner details come from the copy with the larger
///   `updated_ms` (then the larger `revision`), except that a role or details the newer copy
///   never set come from the other: a tab opened before the learner chose a role must not
///   undo the choice when it saves.
/// * `updated_ms` is the larger of the two and `revision` one more than the larger, so
///   every tab sees the merge as a change.
///
/// Ties are broken on content, never on argument order, so the result is the same from
/// either tab (only `course_id` is taken from `local`; merging two courses is the caller's
/// mistake to avoid). Merging a copy with itself changes nothing but the revision.
pub fn merge(local: &Progress, other: &Progress) -> Progress {
    let (newer, older) = match document_order(local, other) {
        Ordering::Less => (other, local),
        _ => (local, other),
    };
    let mut modules = BTreeMap::new();
    for (id, m) in local.modules.iter().chain(other.modules.iter()) {
        let merged = match modules.remove(id) {
            Some(seen) => merge_module(&seen, m),
            None => m.clone(),
        };
        modules.insert(id.clone(), merged);
    }
    Progress {
        version: PROGRESS_VERSION,
        course_id: local.course_id.clone(),
        role: newer.role.or(older.role),
        shared_computer: newer.shared_computer,
        learner: if newer.learner == Learner::default() {
            older.learner.clone()
        } else {
            newer.learner.clone()
        },
        modules,
        updated_ms: local.updated_ms.max(other.updated_ms),
        revision: local.revision.max(other.revision).saturating_add(1),
    }
}

/// Which document's settings win: newer clock, then higher revision, then (for a true tie)
/// the settings themselves, so the choice does not depend on which tab merges.
fn document_order(a: &Progress, b: &Progress) -> Ordering {
    let key = |p: &Progress| {
        (
            p.updated_ms,
            p.revision,
            p.role,
            p.shared_computer,
            p.learner.clone(),
        )
    };
    key(a).cmp(&key(b))
}

fn merge_module(a: &ModuleProgress, b: &ModuleProgress) -> ModuleProgress {
    let later = later_pass(a, b);
    ModuleProgress {
        lesson_step: a.lesson_step.max(b.lesson_step),
        lessons_done: a.lessons_done || b.lessons_done,
        attempt: match (&a.attempt, &b.attempt) {
            (Some(x), Some(y)) => Some(newer_attempt(x, y).clone()),
            (x, y) => x.clone().or_else(|| y.clone()),
        },
        best_percent: a.best_percent.max(b.best_percent),
        last_pass: later.last_pass,
        pass_content_version: later.pass_content_version.clone(),
        attempts: a.attempts.max(b.attempts),
    }
}

/// Newer `updated_ms`, then more answers, then finished over running, then (identical
/// activity, different content) the larger JSON text: arbitrary but the same either way.
/// The text is the pretty form that storage writes, so the app links one JSON writer.
fn newer_attempt<'a>(x: &'a Attempt, y: &'a Attempt) -> &'a Attempt {
    let key = |a: &Attempt| (a.updated_ms, a.answered_count(), a.finished, a.started_ms);
    let order = key(x).cmp(&key(y)).then_with(|| {
        serde_json::to_string_pretty(x)
            .ok()
            .cmp(&serde_json::to_string_pretty(y).ok())
    });
    if order == Ordering::Less {
        y
    } else {
        x
    }
}

/// The copy whose `last_pass` is later (then higher, then of the larger content version): its
/// pass and the content version it was made under go together.
fn later_pass<'a>(a: &'a ModuleProgress, b: &'a ModuleProgress) -> &'a ModuleProgress {
    let key = |m: &ModuleProgress| {
        (
            m.last_pass.map(|p| (p.passed_ms, p.percent)),
            m.pass_content_version.clone(),
        )
    };
    if key(b) > key(a) {
        b
    } else {
        a
    }
}

/// Equal apart from the bookkeeping that every save changes (`revision`, `updated_ms`):
/// two tabs holding such copies have nothing to merge.
pub fn same_content(a: &Progress, b: &Progress) -> bool {
    let bookkeeping_free = |p: &Progress| Progress {
        revision: 0,
        updated_ms: 0,
        ..p.clone()
    };
    bookkeeping_free(a) == bookkeeping_free(b)
}

/// What a tab writes when it saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveDecision {
    /// Write our copy as it is.
    Ours,
    /// Another tab's changes had to be merged in: write this, and adopt it.
    Merged(Progress),
}

/// What a tab writes when it saves `ours` and finds `theirs` stored by another tab since it
/// last looked (`None`: nothing new there).
pub fn document_to_save(ours: &Progress, theirs: Option<&Progress>) -> SaveDecision {
    match theirs {
        Some(theirs) if !same_content(theirs, ours) => SaveDecision::Merged(merge(ours, theirs)),
        _ => SaveDecision::Ours,
    }
}

/// What a tab adopts when another tab saved `theirs`: nothing when the content is the same;
/// their copy when it already holds everything of ours (so the two tabs stop echoing
/// saves); otherwise the merge of both.
pub fn document_to_adopt(ours: &Progress, theirs: Progress) -> Option<Progress> {
    if same_content(&theirs, ours) {
        return None;
    }
    let merged = merge(ours, &theirs);
    Some(if same_content(&merged, &theirs) {
        theirs
    } else {
        merged
    })
}
