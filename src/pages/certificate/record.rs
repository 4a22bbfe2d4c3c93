//! Builds the completion record from the learner's progress with the core's `issue`.

use trygg_core::certificate::{issue, CompletionRecord, IssueInput, Learner, ModuleResult};
use trygg_core::content::{Course, Lang, Role};
use trygg_core::date::Date;
use trygg_core::progress::Progress;

use crate::i18n::t;

/// The record for a learner who has passed every required module, or `None` otherwise.
/// It is issued as of the latest pass, so the same progress always yields the same
/// certificate id, and a renewal (a newer pass) yields a new one.
pub fn completion_record(
    course: &Course,
    progress: &Progress,
    role: Role,
    lang: Lang,
) -> Option<CompletionRecord> {
    let mut modules = Vec::new();
    let mut latest = 0;
    for id in &course.organisation.roles.get(role).required {
        let module = course.module(id)?;
        let pass = progress.module(id)?.last_pass?;
        latest = latest.max(pass.passed_ms);
        let percent = progress
            .module(id)?
            .best_percent
            .unwrap_or(pass.percent)
            .max(pass.percent);
        modules.push(ModuleResult {
            id: id.clone(),
            title: module.title.get(lang).to_string(),
            percent,
            passed_on: Date::from_unix_ms(pass.passed_ms),
        });
    }
    let details = &progress.learner;
    let input = IssueInput {
        course_id: course.organisation.course_id.clone(),
        content_version: course.version.clone(),
        organisation: course.organisation.name.get(lang).to_string(),
        learner: Learner {
            full_name: details.full_name.clone(),
            employee_number: details.employee_number.clone(),
            unit: details.unit.clone(),
            email: details.email.clone(),
        },
        role,
        lang,
        modules,
        validity_months: course.organisation.validity_months,
    };
    Some(issue(input, latest))
}

/// The downloaded files' name: a word in the learner's language and the certificate id.
pub fn file_stem(record: &CompletionRecord, lang: Lang) -> String {
    format!("{}-{}", t(lang, "file.certificate"), record.certificate_id)
}
