//! Starting inside an LMS: the LMS's suspend data wins over a browser that holds nothing or
//! less for the same learner, a pass on either side is kept, unreadable LMS data leaves the
//! local progress alone, local keys never mix two learners, and the launch URL's role.

mod lms_support;

use lms_support::*;
use trygg_core::content::Role;
use trygg_core::lms::{
    encode_suspend_data, launch_role, local_progress_key, resume, SuspendError,
    SCORM12_SUSPEND_LIMIT,
};
use trygg_core::progress::Progress;

fn suspend_text(p: &Progress) -> String {
    encode_suspend_data(p, "en", SCORM12_SUSPEND_LIMIT)
        .expect("fits")
        .text
}

#[test]
fn another_computer_with_empty_storage_continues_where_the_lms_says() {
    let course = real_course();
    let in_lms = mid_course(&course, Role::Manager, 3);
    let empty = Progress::new(&course.organisation.course_id);
    let resumed = resume(&empty, &suspend_text(&in_lms));
    assert_eq!(resumed.unread, None);
    assert_eq!(resumed.progress, in_lms);
}

#[test]
fn the_lms_data_wins_over_stale_local_data_of_the_same_learner() {
    let course = real_course();
    let role = longest_role(&course);
    let stale = fresh(&course, role);
    let in_lms = mid_course(&course, role, 7);
    let resumed = resume(&stale, &suspend_text(&in_lms));
    assert_eq!(resumed.unread, None);
    for (id, m) in &in_lms.modules {
        let got = resumed.progress.module(id).expect("module kept");
        assert_eq!(got.best_percent, m.best_percent, "{id}");
        assert_eq!(
            got.attempt, m.attempt,
            "{id}: the quiz in progress continues"
        );
    }
}

#[test]
fn a_pass_kept_only_in_this_browser_is_not_lost() {
    let course = real_course();
    let role = longest_role(&course);
    let local = mid_course(&course, role, 11);
    let lms = fresh(&course, role);
    let resumed = resume(&local, &suspend_text(&lms));
    for (id, m) in &local.modules {
        if m.best_percent.is_some() {
            assert_eq!(
                resumed.progress.module(id).and_then(|m| m.best_percent),
                m.best_percent,
                "{id}"
            );
        }
    }
}

#[test]
fn a_first_launch_or_unreadable_lms_data_leaves_local_progress_as_it_is() {
    let course = real_course();
    let local = mid_course(&course, Role::Employee, 1);
    assert_eq!(
        resume(&local, ""),
        trygg_core::lms::Resumed {
            progress: local.clone(),
            unread: None
        }
    );
    let damaged = resume(&local, "bookmark=3");
    assert_eq!(damaged.progress, local);
    assert_eq!(damaged.unread, Some(SuspendError::NotTrygg));
    let newer = resume(&local, "T99|whatever");
    assert!(matches!(
        newer.unread,
        Some(SuspendError::NewerFormat { found: 99, .. })
    ));
}

#[test]
fn two_learners_on_one_computer_never_share_a_key() {
    let a = local_progress_key("trygg-x", "anna");
    let b = local_progress_key("trygg-x", "bo");
    assert_ne!(a, b);
    assert_eq!(a, "trygg:trygg-x:lms:anna:progress");
    // Ids that differ only in characters a key cannot hold stay apart.
    assert_ne!(
        local_progress_key("c", "a:b"),
        local_progress_key("c", "a~b")
    );
    assert_eq!(
        local_progress_key("c", "Åsa 1"),
        "trygg:c:lms:~C3~85sa~201:progress"
    );
    // Never the hosted site's key.
    assert_ne!(local_progress_key("c", ""), "trygg:c:progress");
}

#[test]
fn the_launch_url_names_the_role() {
    assert_eq!(launch_role("?role=manager"), Some(Role::Manager));
    assert_eq!(launch_role("role=elected&x=1"), Some(Role::Elected));
    assert_eq!(launch_role("?x=1&role=employee"), Some(Role::Employee));
    assert_eq!(launch_role("?role=boss"), None);
    assert_eq!(launch_role(""), None);
}

#[test]
fn a_new_attempt_is_one_the_lms_begins_with_nothing_saved() {
    use trygg_core::lms::begins_new_attempt;
    assert!(begins_new_attempt("ab-initio", ""));
    assert!(begins_new_attempt(" ab-initio ", "  "));
    // Resuming, or an LMS that keeps saved progress for the attempt, is not a new attempt.
    assert!(!begins_new_attempt("resume", ""));
    assert!(!begins_new_attempt("", ""));
    assert!(!begins_new_attempt(
        "ab-initio",
        "T2|trygg-exempelregionen|"
    ));
}

#[test]
fn a_package_launch_carries_its_mark_beside_the_role() {
    use trygg_core::lms::launched_from_package;
    assert!(launched_from_package("?lms=scorm"));
    assert!(launched_from_package("lms=scorm&role=manager"));
    assert!(launched_from_package("?role=manager&lms=scorm"));
    assert_eq!(launch_role("?lms=scorm&role=manager"), Some(Role::Manager));
    // The website, or something that only looks like the mark, is not a package.
    for query in ["", "?", "?role=manager", "?lms=scormish", "?xlms=scorm"] {
        assert!(!launched_from_package(query), "{query:?}");
    }
}
