//! The learner's side of running inside an LMS: where the progress starts from (the LMS's
//! suspend data merged into this browser's copy for the same LMS learner) and what goes back
//! after each change. The rules are `trygg_core::lms`'s; the calls are
//! [`crate::shared::browser::lms`]'s.

use trygg_core::content::{Course, Role};
use trygg_core::lms::{
    certificate_name, encode_suspend_data, lms_report, local_progress_key, resume, Cut,
    SuspendError,
};
use trygg_core::progress::Progress;

use crate::shared::browser::lms::{Lms, LmsRefusal};
use crate::shared::browser::progress_store::{OpenOutcome, ProgressStore};

/// The LMS connection and what the learner must be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct LmsSession {
    pub lms: Lms,
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
    /// learner's own, with the LMS's suspend data merged in.
    pub fn open(
        lms: Lms,
        course_id: &str,
        now_ms: u64,
    ) -> (ProgressStore, Progress, OpenOutcome, LmsSession) {
        let key = local_progress_key(course_id, &lms.learner_id());
        let (store, local, opened) = ProgressStore::open_at(course_id, key, now_ms);
        let resumed = resume(&local, &lms.suspend_data());
        let session = LmsSession {
            name: certificate_name(&lms.learner_name(), lms.version),
            unread: resumed.unread,
            sent: Sent::default(),
            lms,
        };
        (store, resumed.progress, opened, session)
    }

    /// Writes the progress and, once the course is known, the report (status, score,
    /// bookmark, exit), then commits. Stops at the first refusal: the next save repeats it all.
    pub fn send(&self, progress: &Progress, course: Option<&Course>) -> Sent {
        let lms = &self.lms;
        let mut sent = Sent::default();
        let mut values: Vec<(&str, String)> = Vec::new();
        match encode_suspend_data(progress, lms.version.suspend_limit()) {
            Ok(data) => {
                sent.cut = data.cut;
                values.push(("cmi.suspend_data", data.text));
            }
            Err(_) => sent.too_large = true,
        }
        match course {
            Some(course) => {
                let role = progress.role.unwrap_or(Role::Employee);
                values.extend(lms_report(progress, course, role).values(lms.version));
            }
            None => values.push((lms.exit_element(), "suspend".to_string())),
        }
        let result = values
            .iter()
            .try_for_each(|(element, value)| lms.set(element, value))
            .and_then(|()| lms.commit());
        sent.refused = result.err();
        sent
    }
}
