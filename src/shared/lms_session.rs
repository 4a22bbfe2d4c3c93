//! The learner's side of running inside an LMS: where the progress starts from (the LMS's
//! suspend data merged into this browser's copy for the same LMS learner), the language the
//! course starts in, and what goes back after each change and when the page goes away. The
//! rules, element names included, are `trygg_core::lms`'s; the calls are
//! [`crate::shared::browser::lms`]'s.

use std::cell::RefCell;
use std::rc::Rc;

use trygg_core::content::{Course, Lang, Organisation};
use trygg_core::lms::{
    begins_new_attempt, end_session, local_progress_key, records_nothing, LmsSync, Moment,
    SuspendError,
};
use trygg_core::progress::Progress;

pub use trygg_core::lms::Sent;

use crate::shared::browser::clock::now_ms;
use crate::shared::browser::lms::Lms;
use crate::shared::browser::page_areas::with_page_areas;
use crate::shared::browser::progress_store::{OpenOutcome, ProgressStore};
use crate::shared::learner::Rules;

/// What the course module writes to the LMS: the rules, and what was written already and
/// when it was committed, shared by the writes after each change and the one when the page
/// goes away. The shell has none: it keeps the LMS learner's local progress and the
/// connection, ends the session when the page goes away ([`end_session`]), and ships none of
/// the suspend text's, the report's, the objectives' or the interactions' code.
#[derive(Debug, Clone)]
struct Reporting {
    rules: Rules,
    sync: Rc<RefCell<LmsSync>>,
}

impl PartialEq for Reporting {
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules && Rc::ptr_eq(&self.sync, &other.sync)
    }
}

/// Notes what the LMS says about the learner's language, for [`launch_language`]. Called once
/// per visit, by the module that finds the LMS.
pub fn note_launch_language(lms: &Lms) {
    let e = lms.version.elements();
    let noted = (lms.get(e.suspend_data), lms.get(e.language_preference));
    with_page_areas(|areas| areas.launch_language = Some(noted));
}

/// The language a visit inside an LMS starts in, of those `organisation` offers: the one the
/// learner's saved progress names, else the LMS's preference for the learner. Given once, to
/// the visit's first load of a language; `None` after that, outside an LMS, and when neither
/// names a language the course has.
pub fn launch_language(organisation: &Organisation) -> Option<Lang> {
    let (saved, preference) = with_page_areas(|areas| areas.launch_language.take())?;
    let offered: Vec<&str> = organisation
        .languages
        .iter()
        .map(|l| l.tag.code())
        .collect();
    let chosen = trygg_core::lms::launch_language(&saved, &preference, &offered)?;
    Lang::parse(&chosen)
}

/// The LMS connection and what the learner must be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct LmsSession {
    pub lms: Lms,
    /// The course module's reporting; `None` in the shell.
    reporting: Option<Reporting>,
    /// The learner's name as the certificate prints it, from the LMS.
    pub name: Option<String>,
    /// The LMS's saved progress could not be read; the course went on with local progress.
    pub unread: Option<SuspendError>,
    /// What the last write to the LMS left out, or that nothing could be written.
    pub sent: Sent,
    /// The LMS opened this session for review or without credit: it records nothing of it.
    pub uncredited: bool,
    /// The LMS began a new attempt, and this browser's progress of the one before was set
    /// aside: the learner starts over, and finds it on "my data".
    pub set_aside: bool,
}

impl LmsSession {
    /// Opens the progress of the LMS's learner: this browser's copy under a key of that
    /// learner's own, with the LMS's suspend data merged in when `rules` are given. When the
    /// LMS begins a new attempt ([`begins_new_attempt`]) the copy is set aside first and the
    /// attempt starts afresh.
    pub fn open(
        lms: Lms,
        rules: Option<Rules>,
        course_id: &str,
        now_ms: u64,
    ) -> (ProgressStore, Progress, OpenOutcome, LmsSession) {
        let e = lms.version.elements();
        let key = local_progress_key(course_id, &lms.get(e.learner_id));
        let (store, mut local, opened) = ProgressStore::open_at(course_id, key, now_ms);
        let first = !with_page_areas(|areas| std::mem::replace(&mut areas.entry_checked, true));
        if first
            && begins_new_attempt(&lms.get(e.entry), &lms.get(e.suspend_data))
            && store.set_aside(now_ms)
        {
            local = Progress::new(course_id);
            with_page_areas(|areas| areas.attempt_set_aside = true);
        }
        let set_aside = with_page_areas(|areas| areas.attempt_set_aside);
        let (progress, unread, name) = match rules {
            Some(Rules(rules)) => {
                let resumed = rules.resume(&local, &lms.get(e.suspend_data));
                let name = rules.certificate_name(&lms.get(e.learner_name));
                (resumed.progress, resumed.unread, name)
            }
            None => (local, None, None),
        };
        let mut api = lms.clone();
        let reporting = rules.map(|rules| {
            let sync = rules.0.open_lms(
                &mut api,
                lms.version,
                lms.started_ms,
                now_ms,
                unread.is_some(),
            );
            Reporting {
                rules,
                sync: Rc::new(RefCell::new(sync)),
            }
        });
        let uncredited = records_nothing(&lms.get(e.mode), &lms.get(e.credit));
        let session = LmsSession {
            name,
            unread,
            uncredited,
            set_aside,
            sent: Sent::default(),
            reporting,
            lms,
        };
        (store, progress, opened, session)
    }

    /// Writes what changed to the LMS and commits as the core's policy says; at
    /// [`Moment::Exit`] also the session time and exit mode, and the session ends. Without the
    /// course (the shell, or the course module before its files are read) only the end of a
    /// session is written.
    pub fn send(
        &self,
        progress: &Progress,
        course: Option<&Course>,
        lang: Lang,
        moment: Moment,
    ) -> Sent {
        let mut api = self.lms.clone();
        match (&self.reporting, course) {
            (Some(reporting), Some(course)) => {
                let Ok(mut sync) = reporting.sync.try_borrow_mut() else {
                    return self.sent.clone();
                };
                reporting.rules.0.send_lms(
                    &mut sync,
                    &mut api,
                    progress,
                    course,
                    lang.code(),
                    moment,
                    now_ms(),
                )
            }
            _ if moment == Moment::Exit => end_session(
                &mut api,
                self.lms.version,
                self.lms.started_ms,
                lang.code(),
                self.unread.is_some(),
                now_ms(),
            ),
            _ => self.sent.clone(),
        }
    }
}
