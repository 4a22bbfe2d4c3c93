//! What the course tells the LMS: completion, success, score, bookmark and exit mode, as
//! the `cmi` values each SCORM version names. The rules are in `core/SCORING.md` ("In an
//! LMS").

use crate::content::{Course, Module, Role};
use crate::progress::{ModuleProgress, Progress};
use crate::quiz::score_attempt;

/// The two SCORM versions a package can be built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScormVersion {
    /// SCORM 1.2: `window.API`, `cmi.core.*`, 4,096 characters of suspend data.
    Scorm12,
    /// SCORM 2004 4th edition: `window.API_1484_11`, 64,000 characters of suspend data.
    Scorm2004,
}

impl ScormVersion {
    /// How much `cmi.suspend_data` holds.
    pub fn suspend_limit(self) -> usize {
        match self {
            ScormVersion::Scorm12 => super::SCORM12_SUSPEND_LIMIT,
            ScormVersion::Scorm2004 => super::SCORM2004_SUSPEND_LIMIT,
        }
    }
}

/// Where the learner stands, for the LMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LmsReport {
    /// Every required module has a finished quiz, passed or not. Stays true while a failed
    /// module is retaken.
    pub completed: bool,
    /// Every required module has been passed.
    pub passed: bool,
    /// The course score, 0–100, once `completed`; `None` before, so an LMS never records
    /// a half-way figure as a grade, and `None` while a failed module is being retaken (its
    /// failed score is no longer kept): the app then leaves the LMS's score as it was.
    pub score: Option<u8>,
    /// The app route (without `#`) of what to do next: `/training`, `/module/ID/lesson/N`
    /// (N counted from 1 among the role's sections, as the app's routes do),
    /// `/module/ID/quiz` or `/certificate`.
    pub location: String,
}

/// The report for `role`'s required modules. A pass counts as a pass however old: the LMS
/// keeps its own record and schedules recertification itself.
pub fn lms_report(progress: &Progress, course: &Course, role: Role) -> LmsReport {
    let required = course.required_modules(role);
    let pass_mark = course.organisation.pass_mark;
    let mut completed = true;
    let mut passed = true;
    let mut total = Some(0u32);
    let mut next: Option<String> = None;
    for module in &required {
        let m = progress.module(&module.id);
        let best = m.and_then(best_of);
        let finished = best.is_some() || m.is_some_and(|m| m.attempts > 0 || finished_attempt(m));
        completed &= finished;
        passed &= best.is_some();
        let percent = best.or_else(|| m.and_then(|m| failed_percent(module, m, pass_mark)));
        total = total.zip(percent).map(|(t, p)| t + u32::from(p.min(100)));
        if best.is_none() && next.is_none() {
            next = Some(location_in(module, m, role));
        }
    }
    let count = u32::try_from(required.len()).unwrap_or(u32::MAX);
    let score = total
        .filter(|_| completed && count > 0)
        .map(|t| u8::try_from(t / count).unwrap_or(100));
    let started = !progress.modules.is_empty();
    let location = match next {
        Some(location) if started => location,
        Some(_) => "/training".to_string(),
        None => "/certificate".to_string(),
    };
    LmsReport {
        completed,
        passed,
        score,
        location,
    }
}

/// The best passing percent of the module, if it was ever passed.
fn best_of(m: &ModuleProgress) -> Option<u8> {
    m.best_percent.max(m.last_pass.map(|p| p.percent))
}

fn finished_attempt(m: &ModuleProgress) -> bool {
    m.attempt.as_ref().is_some_and(|a| a.finished)
}

/// The percent of a finished, failed attempt, scored against the content as it is now; an
/// attempt the content no longer matches counts as 0.
fn failed_percent(module: &Module, m: &ModuleProgress, pass_mark: u8) -> Option<u8> {
    let attempt = m.attempt.as_ref().filter(|a| a.finished)?;
    Some(score_attempt(module, &attempt.plan, &attempt.answers, pass_mark).map_or(0, |s| s.percent))
}

fn location_in(module: &Module, m: Option<&ModuleProgress>, role: Role) -> String {
    let id = &module.id;
    let Some(m) = m else {
        return format!("/module/{id}/lesson/1");
    };
    if m.lessons_done || m.attempt.is_some() {
        return format!("/module/{id}/quiz");
    }
    let step = module.lesson_page_of(role, m.lesson_step);
    format!("/module/{id}/lesson/{step}")
}

impl LmsReport {
    /// SCORM 1.2's `cmi.core.lesson_status`: `failed` once every quiz is finished but not
    /// all passed (a retake can still turn it into `passed`), else `incomplete`.
    pub fn lesson_status(&self) -> &'static str {
        match (self.passed, self.completed) {
            (true, _) => "passed",
            (false, true) => "failed",
            (false, false) => "incomplete",
        }
    }

    /// The `(element, value)` pairs to `SetValue`, in a sensible order, for `version`. The
    /// score elements are left out until there is a score. `exit` is `suspend` until the
    /// course is passed, so the LMS keeps the suspend data for the next session.
    pub fn values(&self, version: ScormVersion) -> Vec<(&'static str, String)> {
        let (status, success, score_keys, location, exit): (_, _, [&'static str; 3], _, _) =
            match version {
                ScormVersion::Scorm12 => (
                    ("cmi.core.lesson_status", self.lesson_status()),
                    None,
                    [
                        "cmi.core.score.raw",
                        "cmi.core.score.min",
                        "cmi.core.score.max",
                    ],
                    "cmi.core.lesson_location",
                    ("cmi.core.exit", if self.passed { "" } else { "suspend" }),
                ),
                ScormVersion::Scorm2004 => (
                    ("cmi.completion_status", self.completion_status()),
                    Some(("cmi.success_status", self.success_status())),
                    ["cmi.score.raw", "cmi.score.min", "cmi.score.max"],
                    "cmi.location",
                    ("cmi.exit", if self.passed { "normal" } else { "suspend" }),
                ),
            };
        let mut out = vec![(status.0, status.1.to_string())];
        out.extend(success.map(|(k, v)| (k, v.to_string())));
        if let Some(score) = self.score {
            if version == ScormVersion::Scorm2004 {
                out.push(("cmi.score.scaled", scaled(score)));
            }
            let [raw, min, max] = score_keys;
            out.push((raw, score.to_string()));
            out.push((min, "0".to_string()));
            out.push((max, "100".to_string()));
        }
        out.push((location, self.location.clone()));
        out.push((exit.0, exit.1.to_string()));
        out
    }

    /// SCORM 2004's `cmi.completion_status`.
    pub fn completion_status(&self) -> &'static str {
        if self.completed || self.passed {
            "completed"
        } else {
            "incomplete"
        }
    }

    /// SCORM 2004's `cmi.success_status`: `unknown` until every quiz is finished.
    pub fn success_status(&self) -> &'static str {
        match (self.passed, self.completed) {
            (true, _) => "passed",
            (false, true) => "failed",
            (false, false) => "unknown",
        }
    }
}

/// A percent as SCORM 2004's `cmi.score.scaled` (0 to 1): 85 is `0.85`, 100 is `1.00`.
fn scaled(percent: u8) -> String {
    format!("{}.{:02}", percent / 100, percent % 100)
}
