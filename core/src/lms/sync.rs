//! Keeping the LMS up to date: after each step the course writes what changed (new answers as
//! interactions, the suspend data, status, score, progress, bookmark, exit mode and each
//! module's objective) and commits as `commit_policy` says; when the learner leaves, also the
//! session time and exit mode, and the session ends.
//!
//! [`LmsSync`] drives the calls through [`ScormApi`], which the app implements over the
//! LMS's API object; native tests implement it over a map, so the rules are tested here.

use super::commit_policy::{worth_committing, LOCATION_COMMIT_MS};
use super::interactions::{new_interactions, SCORM2004_INTERACTION_LIMIT};
use super::language::preference_to_write;
use super::objectives::module_objectives;
use super::report::lms_report;
use super::suspend::{encode_suspend_data, Cut};
use super::{
    duration::{time_of_day, timespan},
    ScormVersion,
};
use crate::content::Course;
use crate::progress::Progress;

/// The LMS's API as the course calls it. Every call that fails is a [`Refusal`].
pub trait ScormApi {
    /// An element's value; empty when the LMS has none or refuses.
    fn get(&mut self, element: &str) -> String;
    fn set(&mut self, element: &str, value: &str) -> Result<(), Refusal>;
    fn commit(&mut self) -> Result<(), Refusal>;
    /// Ends the session (`LMSFinish` / `Terminate`).
    fn terminate(&mut self) -> Result<(), Refusal>;
}

/// A call the LMS did not accept: the call (with its element) and the LMS's error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub call: String,
    pub code: String,
}

/// Why the course writes to the LMS now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// The learner did something (or changed language).
    Change,
    /// The page was hidden (another tab, the phone locked): it may never be shown again.
    Hidden,
    /// The page is going away: the session time and exit mode are sent and the session ends.
    Exit,
}

/// How a write to the LMS went, for the learner's warning banner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sent {
    /// The first call the LMS refused; the next write tries again.
    pub refused: Option<Refusal>,
    /// Parts of the progress left out of the suspend data to fit.
    pub cut: Vec<Cut>,
    /// Not even the module results fit: no suspend data was written.
    pub too_large: bool,
}

/// One module's running attempt as last seen, and when its current question appeared.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    seed: u64,
    started_ms: u64,
    current: usize,
    at_ms: u64,
}

/// What this session has written to the LMS, and when it last committed. One per wasm module
/// that shows the page: a module that takes over opens its own, reading back what the LMS
/// holds.
#[derive(Debug, Clone)]
pub struct LmsSync {
    version: ScormVersion,
    /// When the session began (`Initialize`), for the session time.
    started_ms: u64,
    /// The LMS's suspend data could not be read: it is left as it is.
    keep_suspend: bool,
    /// The value the LMS holds for each element the course writes, as far as the course knows
    /// (written by this module, or read at its start): only changes are written.
    held: Held,
    /// The progress and language at the last write; `None` before the first.
    seen: Option<(Progress, String)>,
    /// Interaction fields not yet accepted, in order.
    pending: Vec<(String, String)>,
    next_interaction: usize,
    /// The objectives' ids by position, as the LMS holds them.
    objectives: Vec<String>,
    /// Per module with a running quiz (a handful at most).
    shown: Vec<(String, Shown)>,
    last_commit_ms: u64,
    /// Values were set since the last commit.
    uncommitted: bool,
    /// A call was refused: the next write commits whatever the policy says.
    retry: bool,
    /// The session ended (`Terminate` was called): the LMS takes no calls after it, so
    /// whatever still asks to write (the page hidden after it went away) writes nothing.
    ended: bool,
    /// How far the learner's clock is ahead of UTC at an instant: SCORM 1.2 writes when an
    /// answer was given as a time of day on that clock.
    minutes_ahead: fn(u64) -> i32,
}

impl LmsSync {
    /// Starts keeping track for a module that has just taken the page: reads how many
    /// interactions and which objectives the LMS holds, and its suspend data and bookmark, so
    /// that rewriting the same values sends nothing. `started_ms` is when the session was
    /// initialised (0, or a time after `now_ms`, counts as now); `keep_suspend` says the LMS's
    /// suspend data must not be overwritten.
    pub fn open(
        api: &mut dyn ScormApi,
        version: ScormVersion,
        started_ms: u64,
        now_ms: u64,
        keep_suspend: bool,
    ) -> LmsSync {
        let e = version.elements();
        let count = |api: &mut dyn ScormApi, element: &str| {
            api.get(element).trim().parse::<usize>().unwrap_or(0)
        };
        let next_interaction = count(api, e.interactions_count);
        let objectives = (0..count(api, e.objectives_count))
            .map(|n| api.get(&e.objective(n, "id")))
            .collect();
        let mut held = Held::default();
        // The status too: the session's start has just written `incomplete` (`mark_begun`),
        // and the first write says the same.
        for element in [
            e.suspend_data,
            e.location,
            e.language_preference,
            e.completion_status,
        ] {
            held.insert(element.to_string(), api.get(element));
        }
        LmsSync {
            version,
            started_ms: session_start(started_ms, now_ms),
            keep_suspend,
            held,
            seen: None,
            pending: Vec::new(),
            next_interaction,
            objectives,
            shown: Vec::new(),
            last_commit_ms: now_ms,
            uncommitted: false,
            retry: false,
            ended: false,
            minutes_ahead: |_| 0,
        }
    }

    /// The learner's clock (minutes ahead of UTC at an instant, as [`crate::date::LocalClock`]
    /// has it), for 1.2's time of each answer; without it, UTC.
    pub fn with_local_time(self, minutes_ahead: fn(u64) -> i32) -> LmsSync {
        LmsSync {
            minutes_ahead,
            ..self
        }
    }

    /// Writes what changed since the last write: new answers as interactions, the suspend
    /// data, status, score, progress, bookmark and exit mode, and each module's objective;
    /// then commits as the policy says (see the module's documentation). At [`Moment::Exit`]
    /// also the session time, and the session ends. Stops at the first refusal; what was not
    /// accepted is written again next time. Once the session has ended nothing is written.
    pub fn send(
        &mut self,
        api: &mut dyn ScormApi,
        progress: &Progress,
        course: &Course,
        language: &str,
        moment: Moment,
        now_ms: u64,
    ) -> Sent {
        let version = self.version;
        let e = version.elements();
        let mut sent = Sent::default();
        if self.ended {
            return sent;
        }
        let role = progress.role_or_default();

        let mut wanted: Vec<(String, String)> = Vec::new();
        if !self.keep_suspend {
            match encode_suspend_data(progress, language, version.suspend_limit()) {
                Ok(data) => {
                    sent.cut = data.cut;
                    wanted.push((e.suspend_data.to_string(), data.text));
                }
                Err(_) => sent.too_large = true,
            }
        }
        let report = lms_report(progress, course, role);
        wanted.extend(
            report
                .values(version)
                .into_iter()
                .map(|(k, v)| (k.to_string(), v)),
        );
        for objective in module_objectives(progress, course, role) {
            let index = self.objective_slot(&objective.id);
            wanted.extend(objective.values(version, index));
        }
        let preference = self.held.value(e.language_preference).unwrap_or_default();
        if let Some(language) = preference_to_write(preference, language) {
            wanted.push((e.language_preference.to_string(), language));
        }

        let worth = match &self.seen {
            // The first write of this module: worth a commit only if the LMS's saved progress
            // was behind this browser's.
            None => wanted
                .iter()
                .find(|(k, _)| k == e.suspend_data)
                .is_some_and(|(k, v)| !self.held.has(k, v)),
            Some((before, before_language)) => {
                let shown = &self.shown;
                let presented =
                    |id: &str| shown.iter().find(|(m, _)| m == id).map(|(_, s)| s.at_ms);
                let answered =
                    new_interactions(before, progress, &course.modules, &presented, now_ms);
                for interaction in &answered {
                    let full = version == ScormVersion::Scorm2004
                        && self.next_interaction >= SCORM2004_INTERACTION_LIMIT;
                    if full {
                        break;
                    }
                    self.pending
                        .extend(interaction.values(version, self.next_interaction));
                    if version == ScormVersion::Scorm12 {
                        let at = interaction.answered_ms;
                        let time = time_of_day(at, (self.minutes_ahead)(at));
                        let field = e.interaction(self.next_interaction, "time");
                        self.pending.push((field, time));
                    }
                    self.next_interaction += 1;
                }
                !answered.is_empty()
                    || before_language != language
                    || worth_committing(before, progress)
            }
        };
        self.note_shown(progress, now_ms);
        self.seen = Some((progress.clone(), language.to_string()));

        let mut calls: Vec<(String, String, bool)> = self
            .pending
            .iter()
            .map(|(k, v)| (k.clone(), v.clone(), true))
            .collect();
        calls.extend(
            wanted
                .into_iter()
                .filter(|(k, v)| !self.held.has(k, v))
                .map(|(k, v)| (k, v, false)),
        );
        if moment == Moment::Exit {
            let elapsed = now_ms.saturating_sub(self.started_ms);
            calls.push((
                e.session_time.to_string(),
                timespan(version, elapsed),
                false,
            ));
        }
        sent.refused = self.write(api, calls);
        let commit = match moment {
            Moment::Exit => true,
            Moment::Hidden => self.uncommitted,
            Moment::Change => {
                self.uncommitted
                    && (worth
                        || self.retry
                        || now_ms.saturating_sub(self.last_commit_ms) >= LOCATION_COMMIT_MS)
            }
        };
        if sent.refused.is_none() || moment == Moment::Exit {
            if commit {
                let committed = self.commit(api, now_ms);
                sent.refused = sent.refused.or(committed);
            }
        } else {
            self.retry = true;
        }
        if moment == Moment::Exit {
            let ended = api.terminate().err();
            sent.refused = sent.refused.or(ended);
            self.ended = true;
        }
        sent
    }

    /// Sets each value in order until one is refused; returns that refusal. Accepted values
    /// are remembered as held (or, for interactions, leave the queue).
    fn write(
        &mut self,
        api: &mut dyn ScormApi,
        calls: Vec<(String, String, bool)>,
    ) -> Option<Refusal> {
        for (element, value, interaction) in calls {
            if let Err(refusal) = api.set(&element, &value) {
                return Some(refusal);
            }
            self.uncommitted = true;
            if interaction {
                self.pending.remove(0);
            } else {
                self.held.insert(element, value);
            }
        }
        None
    }

    fn commit(&mut self, api: &mut dyn ScormApi, now_ms: u64) -> Option<Refusal> {
        match api.commit() {
            Ok(()) => {
                self.last_commit_ms = now_ms;
                self.uncommitted = false;
                self.retry = false;
                None
            }
            Err(refusal) => {
                self.retry = true;
                Some(refusal)
            }
        }
    }

    /// The position of the module's objective: where the LMS holds it, else the next free one.
    fn objective_slot(&mut self, id: &str) -> usize {
        match self.objectives.iter().position(|o| o == id) {
            Some(index) => index,
            None => {
                self.objectives.push(id.to_string());
                self.objectives.len() - 1
            }
        }
    }

    /// Remembers when each running quiz's current question appeared, for the latency of its
    /// answer.
    fn note_shown(&mut self, progress: &Progress, now_ms: u64) {
        self.shown.retain(|(id, _)| progress.attempt(id).is_some());
        for (id, m) in &progress.modules {
            let Some(a) = m.attempt.as_ref().filter(|a| !a.finished) else {
                continue;
            };
            let shown = Shown {
                seed: a.plan.seed,
                started_ms: a.started_ms,
                current: a.current,
                at_ms: now_ms,
            };
            match self.shown.iter_mut().find(|(m, _)| m == id) {
                Some((_, s))
                    if s.seed == a.plan.seed
                        && s.started_ms == a.started_ms
                        && s.current == a.current => {}
                Some((_, s)) => *s = shown,
                None => self.shown.push((id.clone(), shown)),
            }
        }
    }
}

/// The value the LMS holds for each element the course writes, as far as the course knows: a
/// few dozen elements, so a list (a map would add its code to the module for nothing).
#[derive(Debug, Clone, Default, PartialEq)]
struct Held(Vec<(String, String)>);

impl Held {
    fn has(&self, element: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == element && v == value)
    }

    fn value(&self, element: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == element)
            .map(|(_, v)| v.as_str())
    }

    fn insert(&mut self, element: String, value: String) {
        match self.0.iter_mut().find(|(k, _)| *k == element) {
            Some((_, v)) => *v = value,
            None => self.0.push((element, value)),
        }
    }
}

/// When the session began, for its time: a start the course never saw (none handed over, or a
/// clock that went back) would report years of training, so the session then counts from now.
pub(super) fn session_start(started_ms: u64, now_ms: u64) -> u64 {
    if started_ms == 0 || started_ms > now_ms {
        now_ms
    } else {
        started_ms
    }
}
