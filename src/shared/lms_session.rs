//! The learner's side of running inside an LMS: where the progress starts from (the LMS's
//! suspend data merged into this browser's copy for the same LMS learner) and what goes back
//! after each change. The rules are `trygg_core::lms`'s; the calls are
//! [`crate::shared::browser::lms`]'s.

use trygg_core::content::{Course, Role};
use trygg_core::lms::{
    certificate_name, encode_suspend_data, lms_report, local_progress_key, resume, Cut, LmsReport,
    Resumed, ScormVersion, SuspendData, SuspendError, SuspendTooLarge,
};
use trygg_core::progress::Progress;

use crate::shared::browser::lms::{Lms, LmsRefusal};
use crate::shared::browser::progress_store::{OpenOutcome, ProgressStore};

/// The core's LMS rules, handed in by the module that shows the course. The shell (start and
/// about) passes none: it keeps the LMS learner's local progress and the connection, and
/// ships none of the suspend text's code; the course module reads and writes the LMS's data.
pub struct LmsRules {
    pub resume: fn(&Progress, &str) -> Resumed,
    pub encode: fn(&Progress, usize) -> Result<SuspendData, SuspendTooLarge>,
    pub report: fn(&Progress, &Course, Role) -> LmsReport,
    pub name: fn(&str, ScormVersion) -> Option<String>,
}

impl PartialEq for LmsRules {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for LmsRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LmsRules")
    }
}

/// The rules of `trygg_core::lms`, for the course module.
pub static COURSE_RULES: LmsRules = LmsRules {
    resume,
    encode: encode_suspend_data,
    report: lms_report,
    name: certificate_name,
};

/// The LMS connection and what the learner must be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct LmsSession {
    pub lms: Lms,
    rules: Option<&'static LmsRules>,
    /// The learner's name as the certificate prints it, from the LMS.
    pub name: Option<String>,
    /// The LMS's saved progress could not be read; the course went on with local progress.
    pub unread: Option<SuspendError>,
    /// What the last save to the LMS left out, or that nothing could be written.
    pub sent: Sent,
}

/// How the last save to the LMS went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sent {
    /// A call the LMS refused; the next save tries again.
    pub refused: Option<LmsRefusal>,
    /// Parts of the progress left out of the suspend data to fit.
    pub cut: Vec<Cut>,
    /// Not even the module results fit: no suspend data was written.
    pub too_large: bool,
}

impl LmsSession {
    /// Opens the progress of the LMS's learner: this browser's copy under a key of that
    /// learner's own, with the LMS's suspend data merged in when `rules` are given.
    pub fn open(
        lms: Lms,
        rules: Option<&'static LmsRules>,
        course_id: &str,
        now_ms: u64,
    ) -> (ProgressStore, Progress, OpenOutcome, LmsSession) {
        let key = local_progress_key(course_id, &lms.learner_id());
        let (store, local, opened) = ProgressStore::open_at(course_id, key, now_ms);
        let (progress, unread, name) = match rules {
            Some(rules) => {
                let resumed = (rules.resume)(&local, &lms.suspend_data());
                let name = (rules.name)(&lms.learner_name(), lms.version);
                (resumed.progress, resumed.unread, name)
            }
            None => (local, None, None),
        };
        let session = LmsSession {
            name,
            unread,
            sent: Sent::default(),
            lms,
            rules,
        };
        (store, progress, opened, session)
    }

    /// Writes the progress and the report (status, score, bookmark, exit), then commits; in
    /// the shell, which has no rules, only `exit` = `suspend`, so the LMS keeps what it has.
    /// Stops at the first refusal: the next save repeats it all.
    pub fn send(&self, progress: &Progress, course: Option<&Course>) -> Sent {
        let lms = &self.lms;
        let mut sent = Sent::default();
        let mut values: Vec<(&str, String)> = Vec::new();
        match (self.rules, course) {
            (Some(rules), Some(course)) => {
                // Suspend data this version cannot read (a newer version's, say) is left as
                // it is; the learner's progress then stays in this browser.
                match (rules.encode)(progress, lms.version.suspend_limit()) {
                    _ if self.unread.is_some() => {}
                    Ok(data) => {
                        sent.cut = data.cut;
                        values.push(("cmi.suspend_data", data.text));
                    }
                    Err(_) => sent.too_large = true,
                }
                let role = progress.role.unwrap_or(Role::Employee);
                values.extend((rules.report)(progress, course, role).values(lms.version));
            }
            _ => values.push((lms.exit_element(), "suspend".to_string())),
        }
        let result = values
            .iter()
            .try_for_each(|(element, value)| lms.set(element, value))
            .and_then(|()| lms.commit());
        sent.refused = result.err();
        sent
    }
}
