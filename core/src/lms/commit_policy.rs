//! How often the course commits. At region scale (tens of thousands of learners in the same
//! weeks) every `Commit` is a request to the LMS's server, so the course writes what changed
//! after each step but commits only when something worth keeping changed (an answer, a
//! finished quiz, a pass, the role, the learner's details or language), when the bookmark
//! alone has waited [`LOCATION_COMMIT_MS`], and when the learner leaves (the page is hidden or
//! closed). Nothing a learner did is lost when they close the window: the answer itself was
//! committed, and leaving commits the rest. [`super::LmsSync`] applies it.

use crate::progress::{ModuleProgress, Progress};

/// The longest the bookmark waits for a commit of its own while the learner reads lessons.
pub const LOCATION_COMMIT_MS: u64 = 30_000;

/// Whether the change from `before` to `after` is worth a commit of its own, answers aside:
/// the learner finished a quiz, passed, or changed their role, details or the shared-computer
/// choice. Reading on (lesson steps, a finished lesson, a quiz started or a move to the next
/// question) is not: it waits for the next commit. An answer is worth one once it is whole,
/// which takes the course to tell (a scenario is answered step by step):
/// [`super::LmsSync::send`] commits for each new interaction.
pub fn worth_committing(before: &Progress, after: &Progress) -> bool {
    if before.role != after.role
        || before.learner != after.learner
        || before.shared_computer != after.shared_computer
    {
        return true;
    }
    let ids = before.modules.keys().chain(after.modules.keys());
    ids.into_iter().any(|id| {
        let (a, b) = (before.module(id), after.module(id));
        let result = |m: Option<&ModuleProgress>| {
            m.map_or((None, None, 0), |m| {
                (m.best_percent, m.last_pass, m.attempts)
            })
        };
        if result(a) != result(b) {
            return true;
        }
        let Some(now) = b.and_then(|m| m.attempt.as_ref()) else {
            return false;
        };
        let then = a
            .and_then(|m| m.attempt.as_ref())
            .filter(|t| t.plan.seed == now.plan.seed && t.started_ms == now.started_ms);
        match then {
            Some(then) => then.finished != now.finished,
            None => now.finished,
        }
    })
}
