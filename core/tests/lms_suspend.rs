//! `cmi.suspend_data`: the compact progress text round-trips, stays within SCORM 1.2's 4,096
//! characters for the heaviest realistic learner on the real course, uses only characters
//! LMSs keep intact, cuts the least valuable parts (and says so) when it must, and reads
//! damaged, foreign and newer texts as errors, never as a panic.

mod lms_support;

use lms_support::*;
use proptest::prelude::*;
use trygg_core::content::Role;
use trygg_core::lms::{
    decode_suspend_data, encode_suspend_data, is_suspend_safe, Cut, SuspendError, SuspendTooLarge,
    Suspended, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT,
};
use trygg_core::progress::{
    Attempt, Learner, ModuleProgress, PassRecord, Progress, PROGRESS_VERSION,
};
use trygg_core::quiz::{Answer, PlannedQuestion, QuizPlan, ScenarioPick};

fn round_trip(p: &Progress, limit: usize) -> String {
    round_trip_in(p, "sv", limit)
}

fn round_trip_in(p: &Progress, language: &str, limit: usize) -> String {
    let data = encode_suspend_data(p, language, limit).expect("fits");
    assert_eq!(data.cut, vec![], "nothing cut");
    assert!(data.text.chars().all(is_suspend_safe), "{}", data.text);
    let back = decode_suspend_data(&data.text, &p.course_id)
        .expect("reads")
        .expect("not empty");
    assert_eq!(&back.progress, p);
    assert_eq!(
        back.language.as_deref(),
        Some(language).filter(|l| !l.is_empty())
    );
    data.text
}

/// The progress the text holds, for tests that only look at that.
fn decoded(text: &str, course_id: &str) -> Progress {
    decode_suspend_data(text, course_id)
        .expect("reads")
        .expect("some")
        .progress
}

#[test]
fn a_learner_in_the_middle_of_every_role_path_round_trips_within_scorm12() {
    let course = real_course();
    for role in Role::ALL {
        for seed in 0..5 {
            let p = mid_course(&course, role, seed);
            let text = round_trip(&p, SCORM12_SUSPEND_LIMIT);
            assert!(
                text.len() <= SCORM12_SUSPEND_LIMIT,
                "{role:?}: {}",
                text.len()
            );
        }
    }
}

#[test]
fn the_longest_path_is_measured() {
    let course = real_course();
    let role = longest_role(&course);
    assert!(
        course.required_modules(role).len() >= 6,
        "at least the issue's six modules"
    );
    let p = mid_course(&course, role, 1);
    let text = round_trip(&p, SCORM12_SUSPEND_LIMIT);
    let json = trygg_core::progress::to_json(&p);
    println!(
        "longest path ({role:?}): {} characters of suspend data; the JSON document is {}",
        text.len(),
        json.len()
    );
    assert!(
        json.len() > SCORM12_SUSPEND_LIMIT,
        "JSON alone would not fit"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Any draw, any answers, any mix of failed and passed tries on the longest path: the
    /// text fits SCORM 1.2 with nothing cut and reads back as the same progress.
    #[test]
    fn realistic_progress_always_fits_scorm12(seed in any::<u64>()) {
        let course = real_course();
        let role = longest_role(&course);
        let p = mid_course(&course, role, seed);
        // The longest language tag a course could reasonably ship (`sr-Latn-RS`).
        let data = encode_suspend_data(&p, "sr-Latn-RS", SCORM12_SUSPEND_LIMIT).expect("fits");
        prop_assert!(data.cut.is_empty(), "cut: {:?} at {} chars", data.cut, data.text.len());
        prop_assert!(data.text.len() <= SCORM12_SUSPEND_LIMIT);
        prop_assert!(data.text.chars().all(is_suspend_safe));
        let back = decode_suspend_data(&data.text, &p.course_id).expect("reads");
        prop_assert_eq!(back, Some(Suspended { progress: p, language: Some("sr-Latn-RS".into()) }));
    }

    /// Cutting a valid text anywhere, or changing one character, never panics.
    #[test]
    fn damaged_text_is_an_error_value(seed in 0u64..8, at in any::<prop::sample::Index>(), c in any::<char>()) {
        let course = real_course();
        let p = mid_course(&course, Role::Manager, seed);
        let text = encode_suspend_data(&p, "en", SCORM12_SUSPEND_LIMIT).expect("fits").text;
        let i = at.index(text.len());
        let _ = decode_suspend_data(&text[..i], &p.course_id);
        let mut changed: Vec<char> = text.chars().collect();
        changed[i] = c;
        let changed: String = changed.into_iter().collect();
        let _ = decode_suspend_data(&changed, &p.course_id);
    }
}

#[test]
fn new_and_unchosen_progress_round_trips() {
    let p = Progress::new("trygg-exempelregionen");
    let text = round_trip_in(&p, "", SCORM12_SUSPEND_LIMIT);
    assert_eq!(text, "T2|trygg-exempelregionen|-0||0|0|||||");
    let text = round_trip_in(&p, "fi", SCORM12_SUSPEND_LIMIT);
    assert_eq!(text, "T2|trygg-exempelregionen|-0|fi|0|0|||||");
    let course = real_course();
    round_trip(&fresh(&course, Role::Elected), SCORM12_SUSPEND_LIMIT);
}

#[test]
fn any_learner_text_survives() {
    let course = real_course();
    let mut p = fresh(&course, Role::Employee);
    p.set_shared_computer(true, START_MS);
    p.set_learner(
        Learner {
            full_name: "Łukasz O'Brien-Żółć \"Jr\" <b>&amp; 100% + 日本 🙂".into(),
            employee_number: "a|b!c:d.e~f*g_h".into(),
            unit: "  spaces  ".into(),
            email: "x+y@example.org".into(),
        },
        START_MS,
    );
    round_trip(&p, SCORM12_SUSPEND_LIMIT);
}

#[test]
fn every_answer_kind_and_an_unanswered_slot_round_trip() {
    let mut p = Progress::new("c-1");
    let plan = QuizPlan {
        module_id: "m".into(),
        seed: u64::MAX,
        items: vec![
            item("q-single", &[2, 0, 1], &[]),
            item("q-multi", &[1, 0], &[]),
            item("q-tf", &[], &[]),
            item("q-order", &[3, 1, 0, 2], &[]),
            item("q-scen", &[], &[&[1, 0], &[], &[2, 1, 0]]),
            item("q-empty-scen", &[], &[]),
            item("q-open", &[0, 1], &[]),
        ],
    };
    p.start_attempt("m", plan, 5);
    let answers = [
        Answer::Single { option: 1 },
        Answer::Multiple {
            options: vec![1, 1, 0],
        },
        Answer::TrueFalse { value: false },
        Answer::Ordering {
            steps: vec![0, 1, 2, 3],
        },
        Answer::Scenario {
            choices: vec![pick("s1", 0), pick("s-2", 1), pick("", 2)],
        },
        Answer::Scenario { choices: vec![] },
    ];
    for (i, a) in answers.into_iter().enumerate() {
        p.record_answer("m", i, a, 6).expect("answer");
    }
    p.advance("m", 7).expect("advance");
    round_trip(&p, SCORM12_SUSPEND_LIMIT);
}

fn item(id: &str, order: &[usize], choice_orders: &[&[usize]]) -> PlannedQuestion {
    PlannedQuestion {
        question_id: id.into(),
        order: order.to_vec(),
        choice_orders: choice_orders.iter().map(|o| o.to_vec()).collect(),
    }
}

fn pick(step: &str, choice: usize) -> ScenarioPick {
    ScenarioPick {
        step: step.into(),
        choice,
    }
}

/// A learner whose details are long and in characters that escape to seven characters each,
/// every module with a review: too much for SCORM 1.2.
fn oversized() -> Progress {
    let course = real_course();
    let role = longest_role(&course);
    let mut p = mid_course(&course, role, 3);
    let long = "🙂".repeat(100);
    p.set_learner(
        Learner {
            full_name: long.clone(),
            employee_number: long.clone(),
            unit: long.clone(),
            email: long,
        },
        START_MS,
    );
    p
}

#[test]
fn what_does_not_fit_is_cut_reviews_first_and_reported() {
    let p = oversized();
    assert!(encode_suspend_data(&p, "sv", SCORM2004_SUSPEND_LIMIT)
        .expect("fits 2004")
        .cut
        .is_empty());
    let data = encode_suspend_data(&p, "sv", SCORM12_SUSPEND_LIMIT).expect("fits after cuts");
    assert!(data.text.len() <= SCORM12_SUSPEND_LIMIT);
    assert!(!data.cut.is_empty());
    assert!(
        data.cut.iter().all(|c| matches!(c, Cut::Review { .. })),
        "reviews go before anything else: {:?}",
        data.cut
    );
    let back = decoded(&data.text, &p.course_id);
    assert_eq!(back.learner, p.learner);
    for (id, m) in &p.modules {
        let b = &back.modules[id];
        let cut = data.cut.contains(&Cut::Review {
            module_id: id.clone(),
        });
        assert_eq!(b.attempt.is_none(), cut, "{id}");
        assert_eq!(
            (
                b.best_percent,
                b.last_pass,
                b.attempts,
                b.lesson_step,
                b.lessons_done
            ),
            (
                m.best_percent,
                m.last_pass,
                m.attempts,
                m.lesson_step,
                m.lessons_done
            ),
            "results are never cut ({id})"
        );
    }
}

#[test]
fn a_tight_limit_cuts_the_running_quiz_then_the_details() {
    let p = oversized();
    let running = p
        .modules
        .iter()
        .find(|(_, m)| m.attempt.as_ref().is_some_and(|a| !a.finished))
        .map(|(id, _)| id.clone())
        .expect("a running quiz");
    let data = encode_suspend_data(&p, "sv", 1000).expect("module results fit");
    assert!(data.text.len() <= 1000);
    assert_eq!(data.cut.len(), p.modules.len() + 1, "{:?}", data.cut);
    assert_eq!(
        data.cut[data.cut.len() - 2..],
        [Cut::RunningQuiz { module_id: running }, Cut::LearnerDetails]
    );
    let back = decoded(&data.text, &p.course_id);
    assert_eq!(back.learner, Learner::default());
    assert!(back.modules.values().all(|m| m.attempt.is_none()));

    let err = encode_suspend_data(&p, "sv", 60).expect_err("results alone are longer");
    assert_eq!(err.limit, 60);
    assert!(err.chars > 60);
    assert_eq!(
        SuspendTooLarge {
            chars: 300,
            limit: 60
        }
        .to_string(),
        "the progress takes 300 characters even without quizzes and learner details; the LMS \
         keeps at most 60"
    );
}

#[test]
fn an_attempt_with_indices_past_sixty_one_is_cut_whatever_the_limit() {
    let mut p = Progress::new("c-1");
    p.start_attempt(
        "m",
        QuizPlan {
            module_id: "m".into(),
            seed: 1,
            items: vec![item("q", &[], &[])],
        },
        1,
    );
    p.record_answer("m", 0, Answer::Single { option: 70 }, 2)
        .expect("answer");
    let data = encode_suspend_data(&p, "sv", SCORM2004_SUSPEND_LIMIT).expect("fits");
    assert_eq!(
        data.cut,
        vec![Cut::RunningQuiz {
            module_id: "m".into()
        }]
    );
    let back = decoded(&data.text, "c-1");
    assert_eq!(back.modules["m"].attempt, None);
}

/// Format 1 as earlier releases wrote it. Every later release must keep reading it (through a
/// migration when the format or the progress document changes): this text must never need
/// editing.
const FORMAT_1: &str = "T1|trygg-exempelregionen|se1|vvRDA1W|b|_c5_sa_20_Ek|42|Enhet_20__f6_st|\
                        asa_2e_ek_40_x_2e_se|report:3:1::::1:1.vvRE02Q.vvRE02Q.1.0~q-one.201..s1~\
                        q-two..-10-210.c1s1*0s2!roles:6:1:1s:1m:vvRDA1W:2:";

fn format_1_progress() -> Progress {
    let mut modules = std::collections::BTreeMap::new();
    modules.insert(
        "roles".to_string(),
        ModuleProgress {
            lesson_step: 6,
            lessons_done: true,
            attempt: None,
            best_percent: Some(90),
            last_pass: Some(PassRecord {
                percent: 84,
                passed_ms: 1_790_000_000_000,
            }),
            pass_content_version: None,
            attempts: 2,
        },
    );
    modules.insert(
        "report".to_string(),
        ModuleProgress {
            lesson_step: 3,
            lessons_done: true,
            attempt: Some(Attempt {
                plan: QuizPlan {
                    module_id: "report".into(),
                    seed: 1,
                    items: vec![
                        item("q-one", &[2, 0, 1], &[]),
                        item("q-two", &[], &[&[1, 0], &[2, 1, 0]]),
                    ],
                },
                answers: vec![
                    Some(Answer::Single { option: 1 }),
                    Some(Answer::Scenario {
                        choices: vec![pick("s1", 1), pick("s2", 0)],
                    }),
                ],
                current: 1,
                started_ms: 1_790_000_100_000,
                updated_ms: 1_790_000_100_000,
                finished: false,
            }),
            best_percent: None,
            last_pass: None,
            pass_content_version: None,
            attempts: 1,
        },
    );
    Progress {
        version: PROGRESS_VERSION,
        course_id: "trygg-exempelregionen".into(),
        role: Some(Role::Employee),
        shared_computer: true,
        learner: Learner {
            full_name: "Åsa Ek".into(),
            employee_number: "42".into(),
            unit: "Enhet öst".into(),
            email: "asa.ek@x.se".into(),
        },
        modules,
        updated_ms: 1_790_000_000_000,
        revision: 11,
    }
}

#[test]
fn format_1_text_keeps_reading_as_the_current_progress() {
    let expected = format_1_progress();
    let got = decode_suspend_data(FORMAT_1, "trygg-exempelregionen").expect("reads");
    assert_eq!(
        got,
        Some(Suspended {
            progress: expected.clone(),
            language: Some("sv".into())
        }),
        "format 1's language flag `s` is Swedish"
    );
    assert_eq!(
        encode_suspend_data(&expected, "sv", SCORM12_SUSPEND_LIMIT)
            .expect("fits")
            .text,
        FORMAT_2,
        "format 2 is what this build writes"
    );
    assert_eq!(
        decode_suspend_data(
            &FORMAT_1.replacen("|se1|", "|-e1|", 1),
            "trygg-exempelregionen"
        )
        .expect("reads")
        .expect("some")
        .language,
        None,
        "`-` is no language"
    );
}

/// Format 2 as this release writes it: the same progress as [`FORMAT_1`], the language in a
/// field of its own. Like format 1, this text must never need editing.
const FORMAT_2: &str = "T2|trygg-exempelregionen|e1|sv|vvRDA1W|b|_c5_sa_20_Ek|42|Enhet_20__f6_st|\
                        asa_2e_ek_40_x_2e_se|report:3:1::::1:1.vvRE02Q.vvRE02Q.1.0~q-one.201..s1~\
                        q-two..-10-210.c1s1*0s2!roles:6:1:1s:1m:vvRDA1W:2:";

#[test]
fn format_2_names_any_language_tag() {
    let expected = format_1_progress();
    for tag in ["sv", "en", "fi", "se", "yi", "rmf", "sr-Latn-RS", ""] {
        let text = round_trip_in(&expected, tag, SCORM12_SUSPEND_LIMIT);
        assert!(text.starts_with("T2|"), "{text}");
    }
    let got = decode_suspend_data(FORMAT_2, "trygg-exempelregionen").expect("reads");
    assert_eq!(got.map(|s| s.language), Some(Some("sv".into())));
}

#[test]
fn empty_foreign_newer_and_damaged_texts() {
    let course = "trygg-exempelregionen";
    assert_eq!(decode_suspend_data("", course), Ok(None));
    assert_eq!(decode_suspend_data("  ", course), Ok(None));
    for other in ["{\"a\":1}", "hello", "T|x", "Tx|x", "T0|x", "t1|x"] {
        assert_eq!(
            decode_suspend_data(other, course),
            Err(SuspendError::NotTrygg),
            "{other}"
        );
    }
    assert_eq!(
        decode_suspend_data("T3|anything at all", course),
        Err(SuspendError::NewerFormat {
            found: 3,
            supported: 2
        })
    );
    assert_eq!(
        decode_suspend_data(FORMAT_1, "trygg-other"),
        Err(SuspendError::ForeignCourse {
            found: course.into(),
            expected: "trygg-other".into()
        })
    );
    let cases = [
        ("T1|c", "expected 9 top-level fields, found 1"),
        ("T1|c|sx0|0|0|||||", "the role"),
        (
            "T1|c|se2|0|0|||||",
            "the shared-computer flag is not 0 or 1",
        ),
        (
            "T1|c|se1|0|0|_zz_||||",
            "the learner's name is not escaped text",
        ),
        ("T1|c|se1||0|||||", "the update time is not a number"),
        (
            "T1|c|se1|0|0|||||m:1:1",
            "module 1: expected 8 fields, found 3",
        ),
        ("T1|c|se1|0|0|||||m:1:1::1m:::", "module \"m\"'s pass"),
        ("T1|c|se1|0|0|||||m:1:1:5U::::", "module \"m\"'s best score"),
        ("T1|c|xe1|0|0|||||", "the language"),
        ("T2|c|e1|0|0|||||", "expected 10 top-level fields, found 9"),
        ("T2|c|se1|sv|0|0|||||", "the role and shared flags"),
        ("T2|c|e1|_zz_|0|0|||||", "the language is not escaped text"),
        (
            "T2|c|e2|sv|0|0|||||",
            "the shared-computer flag is not 0 or 1",
        ),
        (
            "T1|c|se1|0|0|||||m:1:1::::0:1.1.1.5.0~q...",
            "module \"m\"'s quiz is past its last question",
        ),
        (
            "T1|c|se1|0|0|||||m:1:1::::0:1.1.1.0.0~q...x",
            "module \"m\"'s quiz, question 1's answer has an unknown kind",
        ),
        (
            "T1|c|se1|0|0|||||m:1:1::::0:1.1.1.0.0~q.-..",
            "module \"m\"'s quiz, question 1 is not a list of digits",
        ),
    ];
    for (text, what) in cases {
        match decode_suspend_data(text, "c") {
            Err(SuspendError::Damaged { what: got }) => assert_eq!(got, what, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    assert_eq!(
        SuspendError::NewerFormat {
            found: 3,
            supported: 2
        }
        .to_string(),
        "the LMS's saved progress was written by a newer version of Trygg (format 3; this \
         version reads up to 2)"
    );
}

#[test]
fn nothing_is_reported_cut_that_was_not_there() {
    let mut p = oversized();
    p.set_learner(Learner::default(), START_MS);
    let err = encode_suspend_data(&p, "sv", 60).expect_err("results alone are longer");
    assert!(err.chars > 60);
    let all = encode_suspend_data(&p, "sv", 700).expect("fits without quizzes");
    assert!(!all.cut.contains(&Cut::LearnerDetails), "{:?}", all.cut);
}
