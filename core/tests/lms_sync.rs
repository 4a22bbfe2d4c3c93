//! Writing to the LMS and committing, against a stand-in LMS that counts commits: a whole
//! module takes about one commit per answer and none per lesson page; the bookmark waits at
//! most 30 seconds; leaving commits the rest with the session time and the exit mode; closing
//! right after an answer loses nothing; a relaunch continues the interactions and objectives
//! where the LMS has them; refused calls are written again; and the start page, which does
//! not know the course, ends a session as the LMS's own status says.

mod lms_support;

use lms_support::*;
use trygg_core::content::{Course, Module, Role};
use trygg_core::lms::{
    decode_suspend_data, end_session, mark_begun, resume, suspended_language, worth_committing,
    LmsSync, Moment, ScormVersion, Sent, LOCATION_COMMIT_MS,
};
use trygg_core::progress::Progress;
use trygg_core::quiz::{draw_quiz, score_attempt};

use ScormVersion::{Scorm12, Scorm2004};

/// A learner in an LMS session: every step changes the progress and writes, as the app does.
struct Session {
    course: Course,
    role: Role,
    lms: FakeLms,
    sync: LmsSync,
    progress: Progress,
    language: String,
    now: u64,
}

impl Session {
    fn start(version: ScormVersion, lms: FakeLms, role: Role) -> Session {
        let course = real_course();
        let mut lms = lms;
        let local = Progress::new(&course.organisation.course_id);
        let saved = lms
            .values
            .get("cmi.suspend_data")
            .cloned()
            .unwrap_or_default();
        let mut progress = resume(&local, &saved).progress;
        if progress.role != Some(role) {
            progress.set_role(role, START_MS);
        }
        let sync = LmsSync::open(&mut lms, version, START_MS, START_MS, false);
        let mut s = Session {
            course,
            role,
            lms,
            sync,
            progress,
            language: "sv".into(),
            now: START_MS,
        };
        s.write(Moment::Change);
        s
    }

    fn write(&mut self, moment: Moment) -> Sent {
        let sent = self.sync.send(
            &mut self.lms,
            &self.progress,
            &self.course,
            &self.language,
            moment,
            self.now,
        );
        if moment == Moment::Exit {
            assert!(self.lms.terminated);
        }
        sent
    }

    /// `ms` later, the learner does `change` and the app writes.
    fn act(&mut self, ms: u64, change: impl FnOnce(&mut Progress, u64)) -> Sent {
        self.now += ms;
        change(&mut self.progress, self.now);
        self.write(Moment::Change)
    }

    fn module(&self, n: usize) -> Module {
        self.course.required_modules(self.role)[n].clone()
    }

    /// Reads every lesson page of `module`, all in `ms`.
    fn read(&mut self, module: &Module, ms: u64) {
        let pace = ms / (module.sections.len() as u64 + 1);
        for step in 0..module.sections.len() {
            let id = module.id.clone();
            self.act(pace, |p, now| p.record_lesson_step(&id, step, now));
        }
        let id = module.id.clone();
        self.act(pace, |p, now| p.finish_lessons(&id, now));
    }

    /// Takes `module`'s quiz with right answers, 10 seconds a question; returns its length.
    fn quiz(&mut self, module: &Module, seed: u64) -> usize {
        let (m, role) = (module.clone(), self.role);
        self.act(2_000, |p, now| p.start_quiz(&m, role, seed, now));
        let ids: Vec<String> = draw_quiz(module, role, seed)
            .items
            .into_iter()
            .map(|i| i.question_id)
            .collect();
        for (i, q) in ids.iter().enumerate() {
            let answer = right_answer(module, q);
            let id = module.id.clone();
            self.act(10_000, |p, now| {
                p.record_answer(&id, i, answer, now).expect("answer")
            });
            self.act(1_000, |p, now| {
                p.advance(&id, now).expect("advance");
            });
        }
        let pass_mark = self.course.organisation.pass_mark;
        self.act(1_000, |p, now| {
            p.finish_quiz(&m, pass_mark, now).expect("finish");
        });
        ids.len()
    }
}

fn learner_12() -> FakeLms {
    FakeLms::with(&[
        ("cmi.core.student_id", "anna-1"),
        ("cmi.core.student_name", "Ek, Åsa"),
    ])
}

#[test]
fn a_whole_module_takes_one_commit_per_answer_and_none_per_lesson_page() {
    for version in [Scorm12, Scorm2004] {
        let mut s = Session::start(version, learner_12(), Role::Employee);
        assert_eq!(s.lms.commits, 1, "a first launch: the LMS had no progress");
        let module = s.module(0);
        s.read(&module, 29_000);
        assert_eq!(
            s.lms.commits, 1,
            "{version:?}: lesson pages within 30 seconds"
        );
        s.read(&module, 70_000);
        assert_eq!(
            s.lms.commits, 3,
            "{version:?}: the bookmark every 30 seconds or so"
        );
        let questions = s.quiz(&module, 5);
        assert_eq!(
            s.lms.commits,
            3 + questions + 1,
            "{version:?}: each answer, then the result"
        );
        s.now += 60_000;
        s.write(Moment::Exit);
        assert_eq!(s.lms.commits, questions + 5, "{version:?}: and the exit");
        assert_eq!(s.lms.log.last().map(String::as_str), Some("terminate"));

        // One interaction per question, all right, each towards the module's objective.
        let e = version.elements();
        for n in 0..questions {
            let get = |field: &str| s.lms.value(&e.interaction(n, field)).map(str::to_string);
            assert!(get("id").is_some_and(|id| id.starts_with(&format!("{}.", module.id))));
            assert_eq!(get("result").as_deref(), Some("correct"));
            assert_eq!(get("objectives.0.id"), Some(module.id.clone()));
        }
        assert_eq!(s.lms.value(&e.interaction(questions, "id")), None);
        // The module's objective is passed; the others are there, not attempted.
        let required = s.course.required_modules(Role::Employee).len();
        assert_eq!(s.lms.value(&e.objective(0, "id")), Some(module.id.as_str()));
        let (status, untouched) = match version {
            Scorm12 => ("status", "not attempted"),
            Scorm2004 => ("completion_status", "not attempted"),
        };
        assert_eq!(
            s.lms.value(&e.objective(required - 1, status)),
            Some(untouched)
        );
        if version == Scorm2004 {
            assert_eq!(
                s.lms.value(&e.objective(0, "success_status")),
                Some("passed")
            );
            let measure = s.lms.value("cmi.progress_measure").unwrap_or_default();
            assert_eq!(
                measure.parse::<f64>().ok(),
                Some((10_000 / required) as f64 / 10_000.0)
            );
            assert_eq!(s.lms.value("cmi.success_status"), None, "not known yet");
        } else {
            assert_eq!(s.lms.value(&e.objective(0, "status")), Some("passed"));
        }
    }
}

#[test]
fn the_bookmark_waits_at_most_thirty_seconds_and_leaving_commits_it() {
    let mut s = Session::start(Scorm12, learner_12(), Role::Employee);
    let id = s.module(0).id;
    s.lms.commits = 0;
    for (after, step, commits) in [(10_000, 1, 0), (10_000, 2, 0), (9_000, 3, 0), (2_000, 4, 1)] {
        s.act(after, |p, now| p.record_lesson_step(&id, step, now));
        assert_eq!(s.lms.commits, commits, "step {step}");
        assert_eq!(
            s.lms.value("cmi.core.lesson_location"),
            Some(format!("/module/{id}/lesson/{}", step + 1).as_str()),
            "the bookmark is set at once"
        );
    }
    const { assert!(LOCATION_COMMIT_MS == 30_000) };
    s.act(5_000, |p, now| p.record_lesson_step(&id, 5, now));
    assert_eq!(s.lms.commits, 1);
    // The page is hidden: what waits is committed; hidden again with nothing new, nothing is.
    s.write(Moment::Hidden);
    assert_eq!(s.lms.commits, 2);
    s.write(Moment::Hidden);
    assert_eq!(s.lms.commits, 2);
    assert!(!s.lms.terminated);
}

#[test]
fn closing_right_after_an_answer_loses_nothing() {
    let mut s = Session::start(Scorm2004, learner_12(), Role::Employee);
    let module = s.module(0);
    let role = s.role;
    let m = module.clone();
    s.act(1_000, |p, now| p.start_quiz(&m, role, 9, now));
    let first = draw_quiz(&module, role, 9).items[0].question_id.clone();
    let answer = right_answer(&module, &first);
    let id = module.id.clone();
    s.act(4_000, |p, now| {
        p.record_answer(&id, 0, answer.clone(), now)
            .expect("answer")
    });
    // The page dies before pagehide: only what was committed reaches the next launch.
    let next = s.lms.relaunch();
    let saved = next.value("cmi.suspend_data").unwrap_or_default();
    let course_id = &s.course.organisation.course_id;
    let back = decode_suspend_data(saved, course_id)
        .expect("reads")
        .expect("some")
        .progress;
    assert_eq!(
        back.attempt(&module.id).map(|a| a.answers[0].clone()),
        Some(Some(answer))
    );
    assert!(next.value("cmi.interactions.0.id").is_some());
}

#[test]
fn leaving_sends_the_session_time_and_the_exit_mode() {
    for (version, passed_exit, time) in [
        (Scorm12, "", "0000:20:34.56"),
        (Scorm2004, "normal", "PT20M34.56S"),
    ] {
        let mut s = Session::start(version, learner_12(), Role::Elected);
        let e = version.elements();
        s.now += 1_000;
        s.write(Moment::Exit);
        assert_eq!(s.lms.value(e.exit), Some("suspend"));
        assert_eq!(
            s.lms.value(e.session_time),
            Some(&*trygg_core::lms::timespan(version, 1_000))
        );

        // Another session in which the learner passes everything.
        let mut s = Session::start(version, s.lms.relaunch(), Role::Elected);
        for n in 0..s.course.required_modules(Role::Elected).len() {
            let module = s.module(n);
            s.quiz(&module, n as u64);
        }
        s.now = START_MS + 1_234_560;
        s.write(Moment::Exit);
        assert_eq!(s.lms.value(e.session_time), Some(time), "{version:?}");
        assert_eq!(s.lms.value(e.exit), Some(passed_exit), "{version:?}");
        assert_eq!(s.lms.value(e.location), Some("/training"));
        let before_end = &s.lms.log[s.lms.log.len() - 2..];
        assert_eq!(before_end, ["commit", "terminate"]);
    }
}

#[test]
fn a_relaunch_goes_on_with_the_interactions_and_objectives_the_lms_has() {
    let mut s = Session::start(Scorm12, learner_12(), Role::Employee);
    let module = s.module(0);
    let questions = s.quiz(&module, 1);
    s.write(Moment::Exit);

    let mut again = Session::start(Scorm12, s.lms.relaunch(), Role::Employee);
    assert_eq!(
        again.lms.commits, 0,
        "the LMS has it all: nothing to commit"
    );
    let second = again.module(1);
    let more = again.quiz(&second, 2);
    let e = Scorm12.elements();
    // The new answers follow the old ones; the second module keeps its objective's place.
    assert_eq!(
        again
            .lms
            .value(&e.interaction(questions, "id"))
            .map(|id| id.starts_with(&second.id)),
        Some(true)
    );
    assert!(again
        .lms
        .value(&e.interaction(questions + more - 1, "id"))
        .is_some());
    assert_eq!(
        again.lms.value(&e.objective(1, "id")),
        Some(second.id.as_str())
    );
    assert_eq!(again.lms.value(&e.objective(1, "status")), Some("passed"));
    assert_eq!(
        again
            .lms
            .values
            .keys()
            .filter(|k| k.ends_with(".id") && k.starts_with("cmi.objectives"))
            .count(),
        again.course.required_modules(Role::Employee).len(),
        "no objective twice"
    );
}

#[test]
fn a_refused_call_is_written_again_and_committed_at_the_next_step() {
    let mut s = Session::start(Scorm12, learner_12(), Role::Employee);
    let module = s.module(0);
    let role = s.role;
    let m = module.clone();
    s.act(1_000, |p, now| p.start_quiz(&m, role, 4, now));
    let first = draw_quiz(&module, role, 4).items[0].question_id.clone();
    let answer = right_answer(&module, &first);
    let id = module.id.clone();
    s.lms.refuse_set = Some("cmi.interactions".into());
    s.lms.commits = 0;
    let sent = s.act(4_000, |p, now| {
        p.record_answer(&id, 0, answer, now).expect("answer")
    });
    let refused = sent.refused.expect("refused");
    assert_eq!(refused.call, "SetValue(cmi.interactions.0.id)");
    assert_eq!(refused.code, "351");
    assert_eq!(s.lms.commits, 0);

    // The LMS works again: a mere move to the next question writes the answer and commits.
    s.lms.refuse_set = None;
    let sent = s.act(1_000, |p, now| {
        p.advance(&id, now).expect("advance");
    });
    assert_eq!(sent.refused, None);
    assert_eq!(s.lms.commits, 1);
    assert!(s.lms.value("cmi.interactions.0.result").is_some());

    // A refused commit is tried again at the next step, whatever it is.
    s.lms.refuse_commit = true;
    let second = draw_quiz(&module, role, 4).items[1].question_id.clone();
    let answer = right_answer(&module, &second);
    let sent = s.act(4_000, |p, now| {
        p.record_answer(&id, 1, answer, now).expect("answer")
    });
    assert_eq!(sent.refused.map(|r| r.code), Some("391".to_string()));
    s.lms.refuse_commit = false;
    s.act(1_000, |p, now| {
        p.advance(&id, now).expect("advance");
    });
    assert_eq!(s.lms.commits, 2);
}

#[test]
fn unreadable_suspend_data_is_never_overwritten() {
    let mut lms = learner_12();
    lms.values
        .insert("cmi.suspend_data".into(), "T99|a newer version".into());
    let course = real_course();
    let mut sync = LmsSync::open(&mut lms, Scorm12, START_MS, START_MS, true);
    let mut p = fresh(&course, Role::Employee);
    let id = course.required_modules(Role::Employee)[0].id.clone();
    p.record_lesson_step(&id, 1, START_MS);
    sync.send(&mut lms, &p, &course, "sv", Moment::Exit, START_MS + 5_000);
    assert_eq!(lms.value("cmi.suspend_data"), Some("T99|a newer version"));
    assert_eq!(lms.value("cmi.core.lesson_status"), Some("incomplete"));
}

#[test]
fn a_change_of_language_is_kept_and_committed() {
    let mut s = Session::start(Scorm2004, learner_12(), Role::Employee);
    s.lms.commits = 0;
    s.now += 1_000;
    s.write(Moment::Change);
    assert_eq!(s.lms.commits, 0, "nothing changed");
    s.now += 1_000;
    s.language = "en".into();
    s.write(Moment::Change);
    assert_eq!(s.lms.commits, 1);
    let saved = s.lms.value("cmi.suspend_data").unwrap_or_default();
    assert_eq!(suspended_language(saved).as_deref(), Some("en"));
}

#[test]
fn the_start_page_ends_a_session_as_the_lms_says_the_learner_stands() {
    for (version, status_element, passed, exit) in [
        (Scorm12, "cmi.core.lesson_status", "passed", ""),
        (Scorm2004, "cmi.success_status", "passed", "normal"),
        (Scorm12, "cmi.core.lesson_status", "incomplete", "suspend"),
        (Scorm2004, "cmi.success_status", "unknown", "suspend"),
    ] {
        let course = real_course();
        let p = fresh(&course, Role::Employee);
        let text = trygg_core::lms::encode_suspend_data(&p, "sv", 4096)
            .expect("fits")
            .text;
        let mut lms = FakeLms::with(&[(status_element, passed), ("cmi.suspend_data", &text)]);
        let sent = end_session(&mut lms, version, START_MS, "en", false, START_MS + 61_000);
        assert_eq!(sent.refused, None);
        // A session start never handed over counts from now, never from 1970.
        let mut unknown = FakeLms::with(&[(status_element, passed)]);
        end_session(&mut unknown, version, 0, "sv", false, START_MS + 2_000);
        assert_eq!(
            unknown.value(version.elements().session_time),
            Some("PT0S")
                .filter(|_| version == Scorm2004)
                .or(Some("0000:00:00.00"))
        );
        // Saved progress the course could not read is not touched, not even its language.
        let mut kept = FakeLms::with(&[(status_element, passed), ("cmi.suspend_data", &text)]);
        end_session(&mut kept, version, START_MS, "en", true, START_MS + 2_000);
        assert_eq!(kept.value("cmi.suspend_data"), Some(text.as_str()));
        let e = version.elements();
        assert_eq!(lms.value(e.exit), Some(exit), "{version:?} {passed}");
        assert_eq!(
            lms.value(e.session_time),
            Some(&*trygg_core::lms::timespan(version, 61_000))
        );
        let saved = lms.value("cmi.suspend_data").unwrap_or_default();
        assert_eq!(suspended_language(saved).as_deref(), Some("en"));
        assert_eq!(&lms.log[lms.log.len() - 2..], ["commit", "terminate"]);
    }
}

#[test]
fn what_is_worth_a_commit_of_its_own() {
    let course = real_course();
    let role = Role::Manager;
    let module = course.required_modules(role)[0];
    let p = fresh(&course, role);
    let mut q = p.clone();
    q.record_lesson_step(&module.id, 2, START_MS);
    assert!(!worth_committing(&p, &q), "a lesson page");
    let r = q.clone();
    q.finish_lessons(&module.id, START_MS);
    q.start_quiz(module, role, 1, START_MS);
    assert!(!worth_committing(&r, &q), "lessons done and a quiz drawn");
    let r = q.clone();
    let first = q.attempt(&module.id).expect("attempt").plan.items[0]
        .question_id
        .clone();
    q.record_answer(&module.id, 0, right_answer(module, &first), START_MS)
        .expect("answer");
    assert!(
        !worth_committing(&r, &q),
        "an answer is committed as an interaction, once whole"
    );
    let r = q.clone();
    q.advance(&module.id, START_MS).expect("advance");
    assert!(!worth_committing(&r, &q), "the next question");
    let r = q.clone();
    let attempt = q.attempt(&module.id).expect("attempt").clone();
    let score = score_attempt(module, &attempt.plan, &attempt.answers, 80).expect("scores");
    q.finish_attempt(&module.id, &score, START_MS)
        .expect("finish");
    assert!(worth_committing(&r, &q), "a result");
    let r = q.clone();
    q.set_role(Role::Elected, START_MS);
    assert!(worth_committing(&r, &q), "the role");
    let r = q.clone();
    q.set_learner(learner(), START_MS);
    assert!(worth_committing(&r, &q), "the certificate details");
}

#[test]
fn scorm2004_stops_at_the_250_interactions_an_lms_must_keep() {
    let mut lms = learner_12();
    lms.values
        .insert("cmi.interactions.249.id".into(), "old".into());
    let mut s = Session::start(Scorm2004, lms, Role::Employee);
    let module = s.module(0);
    s.quiz(&module, 3);
    assert_eq!(s.lms.value("cmi.interactions.250.id"), None);
    assert!(
        s.lms.value("cmi.objectives.0.id").is_some(),
        "the rest goes on"
    );
}

#[test]
fn a_scenario_is_committed_once_its_last_step_is_answered() {
    use trygg_core::quiz::{question_by_id, Answer};
    let mut s = Session::start(Scorm2004, learner_12(), Role::Employee);
    let module = s.module(0);
    let role = s.role;
    // A draw that opens with a scenario.
    let seed = (0..500)
        .find(|&seed| {
            let first = &draw_quiz(&module, role, seed).items[0].question_id;
            question_by_id(&module, first).is_some_and(|q| q.kind.type_name() == "scenario")
        })
        .expect("some draw opens with a scenario");
    let m = module.clone();
    s.act(1_000, |p, now| p.start_quiz(&m, role, seed, now));
    let first = draw_quiz(&module, role, seed).items[0].question_id.clone();
    let Answer::Scenario { choices } = right_answer(&module, &first) else {
        unreachable!("a scenario")
    };
    assert!(choices.len() >= 2, "a scenario of several steps");
    let before = s.lms.commits;
    let id = module.id.clone();
    for n in 1..=choices.len() {
        let picks = Answer::Scenario {
            choices: choices[..n].to_vec(),
        };
        s.act(3_000, |p, now| {
            p.record_answer(&id, 0, picks, now).expect("pick")
        });
        let whole = n == choices.len();
        assert_eq!(s.lms.commits - before, usize::from(whole), "after pick {n}");
        assert_eq!(s.lms.value("cmi.interactions.0.id").is_some(), whole);
    }
    // Latency runs from the question appearing to the last pick.
    let latency = s
        .lms
        .value("cmi.interactions.0.latency")
        .unwrap_or_default();
    assert_eq!(
        latency,
        trygg_core::lms::timespan(Scorm2004, 3_000 * choices.len() as u64)
    );
}

#[test]
fn a_session_begins_by_marking_the_course_begun_unless_the_lms_has_a_status() {
    // A learner who opens the course and leaves at once: the status the LMS holds at the end
    // is `incomplete`, never the `not attempted` an LMS turns into `completed`.
    for (version, element, untouched) in [
        (Scorm12, "cmi.core.lesson_status", "not attempted"),
        (Scorm12, "cmi.core.lesson_status", ""),
        (Scorm2004, "cmi.completion_status", "unknown"),
        (Scorm2004, "cmi.completion_status", "not attempted"),
    ] {
        let mut lms = FakeLms::with(&[(element, untouched)]);
        assert_eq!(mark_begun(&mut lms, version), None);
        assert_eq!(
            lms.value(element),
            Some("incomplete"),
            "{version:?} {untouched:?}"
        );
        end_session(&mut lms, version, START_MS, "sv", false, START_MS + 2_000);
        assert_eq!(
            lms.committed.get(element).map(String::as_str),
            Some("incomplete")
        );
    }
    // A status the learner earned stays.
    for (version, element, earned) in [
        (Scorm12, "cmi.core.lesson_status", "passed"),
        (Scorm12, "cmi.core.lesson_status", "failed"),
        (Scorm12, "cmi.core.lesson_status", "incomplete"),
        (Scorm12, "cmi.core.lesson_status", "browsed"),
        (Scorm2004, "cmi.completion_status", "completed"),
        (Scorm2004, "cmi.completion_status", "incomplete"),
    ] {
        let mut lms = FakeLms::with(&[(element, earned)]);
        assert_eq!(mark_begun(&mut lms, version), None);
        assert_eq!(lms.value(element), Some(earned));
        assert!(lms.log.is_empty(), "nothing written: {:?}", lms.log);
    }
    // A refusal is returned, not hidden.
    let mut lms = FakeLms::with(&[("cmi.core.lesson_status", "not attempted")]);
    lms.refuse_set = Some("cmi.core.lesson_status".into());
    assert_eq!(
        mark_begun(&mut lms, Scorm12).map(|r| r.code),
        Some("351".to_string())
    );
}

#[test]
fn the_status_a_session_begins_with_is_not_written_again() {
    // The status `mark_begun` wrote is what the LMS holds: the course's first write, which
    // says the same, sends it only once it changes.
    for (version, element, untouched) in [
        (Scorm12, "cmi.core.lesson_status", "not attempted"),
        (Scorm2004, "cmi.completion_status", "unknown"),
    ] {
        let mut lms = FakeLms::with(&[(element, untouched)]);
        assert_eq!(mark_begun(&mut lms, version), None);
        let mut s = Session::start(version, lms, Role::Employee);
        let module = s.module(0);
        let id = module.id.clone();
        s.act(1_000, |p, now| p.record_lesson_step(&id, 1, now));
        let writes: Vec<&String> = s
            .lms
            .log
            .iter()
            .filter(|l| l.starts_with(&format!("set {element}=")))
            .collect();
        assert_eq!(
            writes,
            [&format!("set {element}=incomplete")],
            "{version:?}"
        );
    }
}

#[test]
fn nothing_is_called_after_the_session_ends_even_when_a_commit_was_refused() {
    for version in [Scorm12, Scorm2004] {
        let mut s = Session::start(version, learner_12(), Role::Employee);
        let module = s.module(0);
        let id = module.id.clone();
        s.act(1_000, |p, now| p.record_lesson_step(&id, 1, now));
        s.lms.refuse_commit = true;
        s.now += 1_000;
        let sent = s.write(Moment::Exit);
        assert!(sent.refused.is_some());
        assert_eq!(s.lms.log.last().map(String::as_str), Some("terminate"));
        let calls = s.lms.log.len();
        // The page is hidden after it went away, and a late change arrives: no call at all
        // (the LMS would answer "commit after termination").
        s.now += 1_000;
        assert_eq!(s.write(Moment::Hidden), Sent::default());
        s.act(1_000, |p, now| p.record_lesson_step(&id, 2, now));
        assert_eq!(
            s.lms.log.len(),
            calls,
            "{version:?}: {:?}",
            &s.lms.log[calls..]
        );
    }
}

#[test]
fn the_learners_language_is_written_to_the_lms_preference_when_it_names_another() {
    // The LMS says `sv-SE`; the course runs in Swedish: the preference is left in the LMS's form.
    let mut lms = learner_12();
    lms.values
        .insert("cmi.learner_preference.language".into(), "sv-SE".into());
    let mut s = Session::start(Scorm2004, lms, Role::Employee);
    s.now += 1_000;
    s.write(Moment::Change);
    assert_eq!(
        s.lms.value("cmi.learner_preference.language"),
        Some("sv-SE")
    );
    // The learner switches to Finnish: the LMS's report and the next launch say so.
    s.language = "fi".into();
    s.now += 1_000;
    s.write(Moment::Change);
    assert_eq!(s.lms.value("cmi.learner_preference.language"), Some("fi"));
    assert_eq!(
        s.lms
            .committed
            .get("cmi.learner_preference.language")
            .map(String::as_str),
        Some("fi")
    );
    // On the start page (no course), a change of language reaches the preference too.
    let mut lms = FakeLms::with(&[("cmi.student_preference.language", "sv")]);
    end_session(&mut lms, Scorm12, START_MS, "en", false, START_MS + 1_000);
    assert_eq!(lms.value("cmi.student_preference.language"), Some("en"));
    let mut same = FakeLms::with(&[("cmi.student_preference.language", "SV_se")]);
    end_session(&mut same, Scorm12, START_MS, "sv", false, START_MS + 1_000);
    assert!(
        !same.log.iter().any(|l| l.contains("preference")),
        "{:?}",
        same.log
    );
}

#[test]
fn a_session_the_lms_opened_for_review_or_without_credit_records_nothing() {
    use trygg_core::lms::records_nothing;
    for (mode, credit) in [
        ("review", "credit"),
        ("browse", ""),
        ("normal", "no-credit"),
    ] {
        assert!(records_nothing(mode, credit), "{mode} {credit}");
    }
    for (mode, credit) in [("normal", "credit"), ("", ""), (" normal ", "credit")] {
        assert!(!records_nothing(mode, credit), "{mode:?} {credit:?}");
    }
    // The element names, per version.
    assert_eq!(Scorm12.elements().mode, "cmi.core.lesson_mode");
    assert_eq!(Scorm2004.elements().credit, "cmi.credit");
}

#[test]
fn scorm12_writes_when_each_answer_was_given_on_the_learners_clock() {
    use trygg_core::lms::time_of_day;
    // The time of day wraps at midnight both ways, and counts the learner's offset.
    assert_eq!(time_of_day(0, 0), "00:00:00");
    assert_eq!(
        time_of_day(23 * 3_600_000 + 30 * 60_000 + 5_999, 60),
        "00:30:05"
    );
    assert_eq!(time_of_day(30 * 60_000, -60), "23:30:00");

    // A session on a clock two hours ahead of UTC (Stockholm in summer).
    let mut s = Session::start(Scorm12, learner_12(), Role::Employee);
    s.sync = s.sync.clone().with_local_time(|_| 120);
    let module = s.module(0);
    s.quiz(&module, 5);
    let e = Scorm12.elements();
    let time = s.lms.value(&e.interaction(0, "time")).unwrap_or_default();
    let answered = time.len() == 8 && time.as_bytes()[2] == b':' && time.as_bytes()[5] == b':';
    assert!(answered, "CMITime: {time:?}");
    // The first answer came 2 s (the start) + 10 s after START_MS, two hours ahead of UTC.
    assert_eq!(time, time_of_day(START_MS + 12_000, 120));
    // 2004 writes a timestamp instead, never a `time`.
    let mut s = Session::start(Scorm2004, learner_12(), Role::Employee);
    s.quiz(&module, 5);
    assert_eq!(
        s.lms.value(&Scorm2004.elements().interaction(0, "time")),
        None
    );
}
