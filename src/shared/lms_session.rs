//! The learner's side of running inside an LMS: where the progress starts from (the LMS's
//! suspend data merged into this browser's copy for the same LMS learner), the language the
//! course starts in, and what goes back after each change and when the page goes away. The
//! rules, element names included, are `trygg_core::lms`'s; the calls are
//! [`crate::shared::browser::lms`]'s.

use std::cell::RefCell;
use std::rc::Rc;

use trygg_core::content::{Course, Lang, Organisation};
use trygg_core::lms::{
    certificate_name, end_session, local_progress_key, resume, LmsSync, Moment, Resumed, ScormApi,
    ScormVersion, SuspendError,
};
use trygg_core::progress::Progress;

pub use trygg_core::lms::Sent;

use crate::shared::browser::clock::now_ms;
use crate::shared::browser::lms::Lms;
use crate::shared::browser::progress_store::{OpenOutcome, ProgressStore};

/// What the course writes, as [`LmsSync::send`] takes it.
type SendFn = fn(&mut LmsSync, &mut dyn ScormApi, &Progress, &Course, &str, Moment, u64) -> Sent;
/// How the course starts keeping track, as [`LmsSync::open`] takes it.
type OpenFn = fn(&mut dyn ScormApi, ScormVersion, u64, u64, bool) -> LmsSync;

/// The core's LMS rules, handed in by the module that shows the course. The shell (start and
/// about) passes none: it keeps the LMS learner's local progress and the connection, ends the
/// session when the page goes away ([`end_session`]), and ships none of the suspend text's,
/// the report's, the objectives' or the interactions' code; the course module reads and writes
/// the LMS's data.
pub struct LmsRules {
    pub resume: fn(&Progress, &str) -> Resumed,
    pub name: fn(&str) -> Option<String>,
    pub open: OpenFn,
    pub send: SendFn,
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
    name: certificate_name,
    open: LmsSync::open,
    send: LmsSync::send,
};

thread_local! {
    /// The language the LMS's saved progress names and the LMS's preference for the learner,
    /// noted when the visit's first module finds the LMS, and taken by its first load.
    static LAUNCH_LANGUAGE: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Notes what the LMS says about the learner's language, for [`launch_language`]. Called once
/// per visit, by the module that finds the LMS.
pub fn note_launch_language(lms: &Lms) {
    let e = lms.version.elements();
    let noted = (lms.get(e.suspend_data), lms.get(e.language_preference));
    LAUNCH_LANGUAGE.with(|l| *l.borrow_mut() = Some(noted));
}

/// The language a visit inside an LMS starts in, of those `organisation` offers: the one the
/// learner's saved progress names, else the LMS's preference for the learner. Given once, to
/// the visit's first load of a language; `None` after that, outside an LMS, and when neither
/// names a language the course has.
pub fn launch_language(organisation: &Organisation) -> Option<Lang> {
    let (saved, preference) = LAUNCH_LANGUAGE.with(|l| l.borrow_mut().take())?;
    let offered: Vec<&str> = organisation
        .languages
        .iter()
        .map(|l| l.tag.code())
        .collect();
    let chosen = trygg_core::lms::launch_language(&saved, &preference, &offered)?;
    Lang::parse(&chosen)
}

/// The LMS connection and what the learner must be told about it.
#[derive(Debug, Clone)]
pub struct LmsSession {
    pub lms: Lms,
    rules: Option<&'static LmsRules>,
    /// What this module has written to the LMS and when it committed, with the rules: shared
    /// by the writes after each change and the one when the page goes away.
    sync: Rc<RefCell<Option<LmsSync>>>,
    /// The learner's name as the certificate prints it, from the LMS.
    pub name: Option<String>,
    /// The LMS's saved progress could not be read; the course went on with local progress.
    pub unread: Option<SuspendError>,
    /// What the last write to the LMS left out, or that nothing could be written.
    pub sent: Sent,
}

impl PartialEq for LmsSession {
    fn eq(&self, other: &Self) -> bool {
        self.lms == other.lms
            && self.rules == other.rules
            && Rc::ptr_eq(&self.sync, &other.sync)
            && self.name == other.name
            && self.unread == other.unread
            && self.sent == other.sent
    }
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
        let e = lms.version.elements();
        let key = local_progress_key(course_id, &lms.get(e.learner_id));
        let (store, local, opened) = ProgressStore::open_at(course_id, key, now_ms);
        let (progress, unread, name) = match rules {
            Some(rules) => {
                let resumed = (rules.resume)(&local, &lms.get(e.suspend_data));
                let name = (rules.name)(&lms.get(e.learner_name));
                (resumed.progress, resumed.unread, name)
            }
            None => (local, None, None),
        };
        let mut api = lms.clone();
        let sync = rules.map(|rules| {
            (rules.open)(
                &mut api,
                lms.version,
                lms.started_ms,
                now_ms,
                unread.is_some(),
            )
        });
        let session = LmsSession {
            name,
            unread,
            sent: Sent::default(),
            sync: Rc::new(RefCell::new(sync)),
            lms,
            rules,
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
        let Ok(mut sync) = self.sync.try_borrow_mut() else {
            return self.sent.clone();
        };
        match (self.rules, sync.as_mut(), course) {
            (Some(rules), Some(sync), Some(course)) => (rules.send)(
                sync,
                &mut api,
                progress,
                course,
                lang.code(),
                moment,
                now_ms(),
            ),
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
