//! Completion records for the roster's tests, issued as the course issues them: one module
//! passed an hour before issue, valid for twelve months.

#![allow(dead_code)]

use trygg_core::certificate::{issue, CompletionRecord, IssueInput, Learner, ModuleResult};
use trygg_core::content::Role;
use trygg_core::date::Date;

use crate::content_support::lang;

/// The course the records are issued for.
pub const COURSE: &str = "trygg-exempelregionen";

pub fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// A record of [`COURSE`] for a learner who passed on `completed`.
pub fn cert(
    name: &str,
    emp: &str,
    unit: &str,
    role: Role,
    completed: &str,
    version: &str,
) -> CompletionRecord {
    let passed_on = d(completed);
    issue(
        IssueInput {
            course_id: COURSE.into(),
            content_version: version.into(),
            organisation: "Region".into(),
            learner: Learner {
                full_name: name.into(),
                employee_number: emp.into(),
                unit: unit.into(),
                email: String::new(),
            },
            role,
            lang: lang("sv"),
            modules: vec![ModuleResult {
                id: "m1".into(),
                title: "Modul".into(),
                percent: 90,
                passed_on,
            }],
            validity_months: 12,
        },
        passed_on.to_unix_ms() + 3_600_000,
    )
}
