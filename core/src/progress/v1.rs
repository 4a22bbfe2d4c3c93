//! Version 1 of the progress document, as written by the first release, and its migration
//! to the current version (by way of version 2, which only added the attempts and the
//! learner, and dropped nothing but the language, see `load::read_version`). Version 1 kept
//! one summary per module and no attempts; its language is not read, as the app keeps its
//! own:
//!
//! ```json
//! {"version":1,"course":"trygg-x","lang":"sv","role":"employee",
//!  "modules":{"phishing":{"step":3,"passed":true,"score":90,"date":"2026-01-02"}}}
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Learner, ModuleProgress, PassRecord, Progress};
use crate::content::Role;
use crate::date::Date;

#[derive(Debug, Deserialize)]
pub(super) struct ProgressV1 {
    course: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    modules: BTreeMap<String, ModuleV1>,
}

#[derive(Debug, Deserialize)]
struct ModuleV1 {
    /// The lesson section reached.
    #[serde(default)]
    step: usize,
    #[serde(default)]
    passed: bool,
    /// Percent of the latest finished quiz, passed or not.
    #[serde(default)]
    score: Option<u8>,
    /// `YYYY-MM-DD` of the pass.
    #[serde(default)]
    date: Option<String>,
}

impl ProgressV1 {
    /// The current version as if the same learner had used the new app.
    ///
    /// * A passed module keeps its pass, dated midnight UTC of its `date`. A pass whose date
    ///   is missing or unreadable is kept but dated the epoch: it then shows as expired, so
    ///   the learner renews it instead of getting a certificate with an invented date.
    /// * A score counts as one finished attempt (v1 kept no count); a failed score is not a
    ///   `best_percent`, which only passes set.
    /// * A passed module had its lessons done.
    /// * A role the app no longer knows becomes "not chosen yet", to be asked.
    pub(super) fn migrate(self) -> Progress {
        // Inserted one by one: `collect` into a map would link a second, sorting, builder.
        let mut modules = BTreeMap::new();
        for (id, module) in self.modules {
            modules.insert(id, module.migrate());
        }
        Progress {
            version: super::PROGRESS_VERSION,
            course_id: self.course,
            role: self.role.as_deref().and_then(Role::from_key),
            shared_computer: false,
            learner: Learner::default(),
            modules,
            updated_ms: 0,
            revision: 0,
        }
    }
}

impl ModuleV1 {
    fn migrate(self) -> ModuleProgress {
        let last_pass = self.passed.then(|| PassRecord {
            percent: self.score.unwrap_or(0).min(100),
            passed_ms: self
                .date
                .as_deref()
                .and_then(Date::parse_iso)
                .map_or(0, |d| d.to_unix_ms()),
        });
        ModuleProgress {
            lesson_step: self.step,
            lessons_done: self.passed,
            attempt: None,
            best_percent: last_pass.map(|p| p.percent),
            last_pass,
            pass_content_version: None,
            attempts: u32::from(self.score.is_some() || self.passed),
        }
    }
}
