//! Each module as an objective of the course (`cmi.objectives.n`), so the LMS can show how far
//! a learner has come module by module, long before the course as a whole is passed.

use super::report::{best_of, failed_percent, scaled};
use super::ScormVersion;
use crate::content::{Course, Role};
use crate::progress::Progress;

/// Where a learner stands in one module, for the LMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleObjective {
    /// The module's id, which is the objective's.
    pub id: String,
    pub standing: Standing,
    /// The module's percent: its best pass, or the latest failed attempt's; `None` before a
    /// quiz is finished and while a failed module is retaken (the LMS keeps the last one).
    pub score: Option<u8>,
}

/// How far the learner has come in one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    NotAttempted,
    /// Lessons read or a quiz begun, no quiz finished.
    Incomplete,
    /// A quiz finished, none passed.
    Failed,
    Passed,
}

/// One objective per module: the role's required modules in course order, then any other
/// module of the course the learner has started. Modules the course no longer has are left
/// out.
pub fn module_objectives(progress: &Progress, course: &Course, role: Role) -> Vec<ModuleObjective> {
    let required = course.required_modules(role);
    let pass_mark = course.organisation.pass_mark;
    let others = course
        .modules
        .iter()
        .filter(|m| !required.iter().any(|r| r.id == m.id) && progress.module(&m.id).is_some());
    required
        .iter()
        .copied()
        .chain(others)
        .map(|module| {
            let m = progress.module(&module.id);
            let best = m.and_then(best_of);
            let failed = m.and_then(|m| failed_percent(module, m, pass_mark));
            let standing = match (best, m) {
                (Some(_), _) => Standing::Passed,
                (None, Some(m)) if m.attempts > 0 || failed.is_some() => Standing::Failed,
                (None, Some(_)) => Standing::Incomplete,
                (None, None) => Standing::NotAttempted,
            };
            ModuleObjective {
                id: module.id.clone(),
                standing,
                score: best.or(failed),
            }
        })
        .collect()
}

impl ModuleObjective {
    /// The objective's fields for `version` at position `index`, its id first (2004 takes no
    /// other field of a new objective before its id). SCORM 1.2 has one status; 2004 has a
    /// completion status and, once a quiz is finished, a success status. The score follows
    /// when there is one.
    pub fn values(&self, version: ScormVersion, index: usize) -> Vec<(String, String)> {
        let e = version.elements();
        let field = |name: &str| e.objective(index, name);
        let mut out = vec![(field("id"), self.id.clone())];
        match version {
            ScormVersion::Scorm12 => {
                let status = match self.standing {
                    Standing::NotAttempted => "not attempted",
                    Standing::Incomplete => "incomplete",
                    Standing::Failed => "failed",
                    Standing::Passed => "passed",
                };
                out.push((field("status"), status.to_string()));
            }
            ScormVersion::Scorm2004 => {
                let (completion, success) = match self.standing {
                    Standing::NotAttempted => ("not attempted", None),
                    Standing::Incomplete => ("incomplete", None),
                    Standing::Failed => ("completed", Some("failed")),
                    Standing::Passed => ("completed", Some("passed")),
                };
                out.push((field("completion_status"), completion.to_string()));
                if let Some(success) = success {
                    out.push((field("success_status"), success.to_string()));
                }
            }
        }
        if let Some(score) = self.score {
            if version == ScormVersion::Scorm2004 {
                out.push((field("score.scaled"), scaled(score)));
            }
            out.push((field("score.raw"), score.to_string()));
            out.push((field("score.min"), "0".to_string()));
            out.push((field("score.max"), "100".to_string()));
        }
        out
    }
}
