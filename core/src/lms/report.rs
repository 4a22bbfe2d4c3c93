//! What the course tells the LMS about the course as a whole: completion, success, score,
//! progress, bookmark and exit mode, as the `cmi` values each SCORM version names. The rules
//! are in `core/SCORING.md` ("In an LMS").

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
    /// The course score, 0–100, once `completed`: the lowest of the required modules'
    /// percentages, so it reaches the pass mark exactly when `passed` (every module must)
    /// and an LMS's own pass mark or mastery score on it agrees with the course. `None`
    /// before, so an LMS never records a half-way figure as a grade, and `None` while a
    /// failed module is being retaken (its failed score is no longer kept): the app then
    /// leaves the LMS's score as it was.
    pub score: Option<u8>,
    /// The app route (without `#`) of what to do next: `/module/ID/lesson/N` (N counted from
    /// 1 among the role's sections, as the app's routes do) or `/module/ID/quiz`; `/training`
    /// before anything is started and once every required module is passed, so a learner who
    /// relaunches after passing lands on their status and certificate, not in a lesson.
    pub location: String,
    /// How many of the required modules are passed, and how many there are.
    pub passed_modules: usize,
    pub required_modules: usize,
    /// How far through the required modules the learner is, in halves: two for a module whose
    /// quiz is finished (passed or not), one for a module begun, none for one not opened.
    /// `2 × required_modules` exactly when `completed`, so the progress measure and the
    /// completion status never disagree.
    pub progress_halves: usize,
}

/// The report for `role`'s required modules. A pass counts as a pass however old: the LMS
/// keeps its own record and schedules recertification itself.
pub fn lms_report(progress: &Progress, course: &Course, role: Role) -> LmsReport {
    let required = course.required_modules(role);
    let pass_mark = course.organisation.pass_mark;
    let mut completed = true;
    let mut passed = true;
    // The lowest percent so far; `None` once a module has none to give.
    let mut lowest = Some(100u8);
    let mut next: Option<String> = None;
    let mut passed_modules = 0;
    let mut progress_halves = 0;
    for module in &required {
        let m = progress.module(&module.id);
        let best = m.and_then(best_of);
        let finished = best.is_some() || m.is_some_and(|m| m.attempts > 0 || finished_attempt(m));
        completed &= finished;
        passed &= best.is_some();
        passed_modules += usize::from(best.is_some());
        progress_halves += if finished {
            2
        } else {
            usize::from(m.is_some())
        };
        let percent = best.or_else(|| m.and_then(|m| failed_percent(module, m, pass_mark)));
        lowest = lowest.zip(percent).map(|(l, p)| l.min(p));
        if best.is_none() && next.is_none() {
            next = Some(location_in(module, m, role));
        }
    }
    let score = lowest.filter(|_| completed && !required.is_empty());
    let started = !progress.modules.is_empty();
    let location = match next {
        Some(location) if started => location,
        _ => "/training".to_string(),
    };
    LmsReport {
        completed,
        passed,
        score,
        location,
        passed_modules,
        required_modules: required.len(),
        progress_halves,
    }
}

/// The best passing percent of the module, if it was ever passed.
pub(super) fn best_of(m: &ModuleProgress) -> Option<u8> {
    m.best_percent.max(m.last_pass.map(|p| p.percent))
}

fn finished_attempt(m: &ModuleProgress) -> bool {
    m.attempt.as_ref().is_some_and(|a| a.finished)
}

/// The percent of a finished, failed attempt, scored against the content as it is now; an
/// attempt the content no longer matches counts as 0.
pub(super) fn failed_percent(module: &Module, m: &ModuleProgress, pass_mark: u8) -> Option<u8> {
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

    /// The `(element, value)` pairs to `SetValue`, in a sensible order, for `version`. What
    /// is not known yet is left out rather than sent as a placeholder: the score until there
    /// is one, 2004's success status until every quiz is finished. 2004 also gets the progress
    /// measure ([`LmsReport::progress_halves`] ÷ all halves), so the LMS can show progress
    /// before the end; it is 1 exactly when the course is completed, and left out while it
    /// would be 0, which SCORM 2004 reads as "not attempted". `exit` is `suspend` until the
    /// course is passed (see [`exit_value`]).
    pub fn values(&self, version: ScormVersion) -> Vec<(&'static str, String)> {
        let e = version.elements();
        let status = match version {
            ScormVersion::Scorm12 => self.lesson_status(),
            ScormVersion::Scorm2004 => self.completion_status(),
        };
        let mut out = vec![(e.completion_status, status.to_string())];
        if let (Some(element), true) = (e.success_status, self.completed || self.passed) {
            out.push((element, self.success_status().to_string()));
        }
        if let (Some(element), true) = (e.progress_measure, self.progress_halves > 0) {
            let halves = 2 * self.required_modules;
            out.push((element, fraction(self.progress_halves, halves)));
        }
        if let Some(score) = self.score {
            if let Some(element) = e.score_scaled {
                out.push((element, scaled(score)));
            }
            out.push((e.score_raw, score.to_string()));
            out.push((e.score_min, "0".to_string()));
            out.push((e.score_max, "100".to_string()));
        }
        out.push((e.location, self.location.clone()));
        out.push((e.exit, exit_value(version, self.passed).to_string()));
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

/// `cmi.exit` for a session that ends now: `suspend` while the course is not passed, so the
/// LMS keeps the suspend data for the next session; once it is passed, what each version
/// expects of a finished attempt: empty in 1.2, `normal` in 2004.
pub fn exit_value(version: ScormVersion, passed: bool) -> &'static str {
    match (passed, version) {
        (false, _) => "suspend",
        (true, ScormVersion::Scorm12) => "",
        (true, ScormVersion::Scorm2004) => "normal",
    }
}

/// `part ÷ whole` as a SCORM decimal between 0 and 1, rounded down to four places and
/// without trailing zeros: 2 of 6 is `0.3333`, 6 of 6 is `1`, nothing of nothing is `0`.
pub(super) fn fraction(part: usize, whole: usize) -> String {
    if whole == 0 || part == 0 {
        return "0".to_string();
    }
    if part >= whole {
        return "1".to_string();
    }
    let ten_thousandths = (part as u64 * 10_000) / whole as u64;
    let digits = format!("{ten_thousandths:04}");
    format!("0.{}", digits.trim_end_matches('0'))
}

/// A percent as SCORM 2004's `cmi.score.scaled` (0 to 1): 85 is `0.85`, 100 is `1.00`.
pub(super) fn scaled(percent: u8) -> String {
    format!("{}.{:02}", percent / 100, percent % 100)
}
