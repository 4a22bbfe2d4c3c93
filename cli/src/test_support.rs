//! Builders shared by the CLI's unit tests: a scratch folder, a valid completion file, and a
//! way to run a subcommand with its output captured.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use trygg_core::certificate::{issue, IssueInput, Learner, ModuleResult};
use trygg_core::content::{Lang, Role};
use trygg_core::date::Date;

use crate::args::Args;

/// An empty folder under the system temp dir, unique to this test process and `name`.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trygg-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A valid completion file (pretty JSON) for course "c", with one module passed on `passed`.
pub fn record(name: &str, unit: &str, passed: &str) -> String {
    let r = issue(
        IssueInput {
            course_id: "c".into(),
            content_version: "1".into(),
            organisation: "O".into(),
            learner: Learner {
                full_name: name.into(),
                unit: unit.into(),
                ..Learner::default()
            },
            role: Role::Employee,
            lang: Lang::parse("sv").unwrap(),
            modules: vec![ModuleResult {
                id: "m".into(),
                title: "M".into(),
                percent: 100,
                passed_on: Date::parse_iso(passed).unwrap(),
            }],
            validity_months: 12,
        },
        1_738_300_000_000,
    );
    serde_json::to_string_pretty(&r).unwrap()
}

type RunWith = fn(Args, &mut dyn Write, &mut dyn Write) -> i32;

/// Arguments as the operating system would hand them over.
pub fn args(list: &[&str]) -> Args {
    list.iter().map(OsString::from).collect()
}

/// Runs a subcommand's `run_with` on `list`: (exit code, stdout, stderr).
pub fn run_captured(run_with: RunWith, list: &[&str]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run_with(args(list), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}
