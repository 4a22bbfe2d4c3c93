//! When a learner may have a certificate, and what it says. The certificate page, "my
//! training" and the LMS report all ask these methods, so the page can never offer a
//! certificate the rules would refuse.

use std::fmt;

use super::validity::{pass_valid_until, Validity};
use super::{issue, CompletionRecord, IssueInput, ModuleResult};
use crate::content::{Course, Lang, Role};
use crate::date::{Date, LocalClock};
use crate::progress::Progress;

/// Why no certificate can be issued yet. Both lists are module ids in course order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateError {
    /// Required modules with no pass at all.
    pub not_passed: Vec<String>,
    /// Required modules whose last pass has expired: they must be retaken.
    pub expired: Vec<String>,
}

impl fmt::Display for CertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if !self.not_passed.is_empty() {
            parts.push(format!("not passed: {}", self.not_passed.join(", ")));
        }
        if !self.expired.is_empty() {
            parts.push(format!("expired: {}", self.expired.join(", ")));
        }
        write!(f, "no certificate yet ({})", parts.join("; "))
    }
}

impl std::error::Error for CertificateError {}

/// The module whose pass ends the certificate's validity: the one to retake first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiringModule {
    pub id: String,
    pub title: String,
    /// Its last valid day, which is the certificate's `valid_until`.
    pub valid_until: Date,
}

impl Progress {
    /// The completion record for `role` on the learner's day of `now`, or why there is none: every
    /// required module must have a pass that has not expired. The record is issued as of the
    /// latest pass, so the same passes always give the same certificate id whatever day it
    /// is downloaded, and a retake gives a new one. Module titles and the organisation's name
    /// are in `lang`; the id does not depend on them.
    pub fn certificate(
        &self,
        course: &Course,
        role: Role,
        lang: Lang,
        now: impl Into<LocalClock>,
    ) -> Result<CompletionRecord, CertificateError> {
        let validity_months = course.organisation.validity_months;
        let clock = now.into();
        let today = clock.today();
        let mut error = CertificateError {
            not_passed: Vec::new(),
            expired: Vec::new(),
        };
        let mut modules = Vec::new();
        let mut latest = 0;
        // The content the certificate names: that of the pass which completed it.
        let mut tested_on: Option<&str> = None;
        for module in course.required_modules(role) {
            let progress = self.module(&module.id);
            let Some(pass) = progress.and_then(|m| m.last_pass) else {
                error.not_passed.push(module.id.clone());
                continue;
            };
            let passed_on = clock.day_of(pass.passed_ms);
            if !Validity::on(pass_valid_until(passed_on, validity_months), today).is_valid() {
                error.expired.push(module.id.clone());
                continue;
            }
            if pass.passed_ms >= latest {
                tested_on = progress.and_then(|m| m.pass_content_version.as_deref());
            }
            latest = latest.max(pass.passed_ms);
            let best = progress
                .and_then(|m| m.best_percent)
                .unwrap_or(pass.percent);
            modules.push(ModuleResult {
                id: module.id.clone(),
                title: module.title.value.clone(),
                percent: best.max(pass.percent),
                passed_on,
            });
        }
        if !error.not_passed.is_empty() || !error.expired.is_empty() {
            return Err(error);
        }
        let input = IssueInput {
            course_id: course.organisation.course_id.clone(),
            content_version: tested_on.unwrap_or(&course.version).to_owned(),
            organisation: course.organisation.name.value.clone(),
            learner: self.learner.clone(),
            role,
            lang,
            modules,
            validity_months,
        };
        Ok(issue(input, latest))
    }
}

impl Progress {
    /// Whether [`Progress::certificate`] issues one for `role` at `now`: "my training"
    /// offers the certificate by asking this, so it offers one exactly when the certificate
    /// page can give it.
    pub fn certificate_ready(
        &self,
        course: &Course,
        role: Role,
        lang: Lang,
        now: impl Into<LocalClock>,
    ) -> bool {
        self.certificate(course, role, lang, now).is_ok()
    }
}

impl CompletionRecord {
    /// The one module whose pass expires before every other's, and so dates the whole
    /// certificate: retaking it alone extends the certificate. `None` when two or more
    /// modules share the earliest day (retaking one of them would change nothing) and for a
    /// record without modules.
    pub fn first_to_expire(&self) -> Option<ExpiringModule> {
        let earliest = self.modules.iter().map(|m| m.passed_on).min()?;
        let mut first = self.modules.iter().filter(|m| m.passed_on == earliest);
        let module = first.next()?;
        if first.next().is_some() {
            return None;
        }
        Some(ExpiringModule {
            id: module.id.clone(),
            title: module.title.clone(),
            valid_until: self.valid_until,
        })
    }
}
