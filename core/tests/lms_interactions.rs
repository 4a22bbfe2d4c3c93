//! Each answered question as an SCORM interaction: the type per question kind, the learner's
//! answer and the right one in each version's format, the result, the moment and the latency;
//! what does not fit a version's limits is left out; a scenario counts once it is finished;
//! and only answers that are new between two moments are reported.

mod lms_support;

use lms_support::*;
use trygg_core::content::{Module, Question, QuestionKind, Role};
use trygg_core::lms::{interaction, new_interactions, Interaction, Kind, Response, ScormVersion};
use trygg_core::progress::Progress;
use trygg_core::quiz::{Answer, PlannedQuestion, QuizPlan, ScenarioPick};

use ScormVersion::{Scorm12, Scorm2004};

/// A module of the real course holding only `question` (for every role).
fn module_with(question: Question) -> Module {
    let course = real_course();
    let mut module = course.modules[0].clone();
    let mut question = question;
    question.roles = Vec::new();
    module.questions = vec![question];
    module.quiz_size = 1;
    module
}

/// The first question of the real course of the given kind.
fn real_question(kind: &str) -> Question {
    real_course()
        .modules
        .iter()
        .flat_map(|m| m.questions.iter())
        .find(|q| q.kind.type_name() == kind)
        .cloned()
        .unwrap_or_else(|| panic!("the course has a {kind} question"))
}

/// Progress with a running attempt at `module`'s one question, answered with `answer`.
fn answered(module: &Module, answer: Answer) -> Progress {
    let mut p = Progress::new("c");
    let plan = QuizPlan {
        module_id: module.id.clone(),
        seed: 7,
        items: vec![PlannedQuestion {
            question_id: module.questions[0].id.clone(),
            order: Vec::new(),
            choice_orders: Vec::new(),
        }],
    };
    p.start_attempt(&module.id, plan, START_MS);
    p.record_answer(&module.id, 0, answer, START_MS + 5_000)
        .expect("answer");
    p
}

fn report(module: &Module, answer: Answer) -> Interaction {
    let p = answered(module, answer);
    let attempt = p.attempt(&module.id).expect("attempt");
    interaction(module, attempt, 0, START_MS + 5_000, Some(12_340)).expect("a whole answer")
}

/// The fields of `i` at position 3 in `version`, without the `cmi.interactions.3.` prefix.
fn fields(i: &Interaction, version: ScormVersion) -> Vec<(String, String)> {
    i.values(version, 3)
        .into_iter()
        .map(|(k, v)| {
            let short = k
                .strip_prefix("cmi.interactions.3.")
                .unwrap_or_else(|| panic!("{k} is the fourth interaction's"));
            (short.to_string(), v)
        })
        .collect()
}

#[test]
fn a_true_false_question_in_both_versions() {
    let mut q = real_question("true_false");
    q.kind = QuestionKind::TrueFalse { answer: false };
    let module = module_with(q.clone());
    let i = report(&module, Answer::TrueFalse { value: true });
    let id = format!("{}.{}", module.id, q.id);
    assert_eq!(i.kind, Kind::TrueFalse);
    assert_eq!(
        fields(&i, Scorm12),
        pairs(&[
            ("id", &id),
            ("type", "true-false"),
            ("objectives.0.id", &module.id),
            ("correct_responses.0.pattern", "f"),
            ("student_response", "t"),
            ("result", "wrong"),
            ("latency", "0000:00:12.34"),
        ])
    );
    // 2004 also names the question in words, as the learner read it, for the LMS's report.
    let description = trygg_core::content::plain_words(&q.prompt.value);
    assert!(!description.is_empty());
    assert_eq!(
        fields(&i, Scorm2004),
        pairs(&[
            ("id", &id),
            ("type", "true-false"),
            ("objectives.0.id", &module.id),
            ("timestamp", "2026-09-21T14:13:25.00Z"),
            ("description", &description),
            ("correct_responses.0.pattern", "false"),
            ("learner_response", "true"),
            ("result", "incorrect"),
            ("latency", "PT12.34S"),
        ])
    );
}

/// Ids as the shipped content writes them: `a`, `b` … for the first 26, then `o26` ….
fn option_id(i: usize) -> String {
    match u8::try_from(i).ok().filter(|&i| i < 26) {
        Some(i) => char::from(b'a' + i).to_string(),
        None => format!("o{i}"),
    }
}

/// A choice question whose options are right as `correct` says.
fn choice(kind: &str, correct: &[bool]) -> Module {
    let mut q = real_question(kind);
    let options = match &mut q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => options,
        _ => unreachable!("a choice question"),
    };
    let template = options[0].clone();
    *options = correct
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let mut o = template.clone();
            o.id = option_id(i);
            o.correct = c;
            o
        })
        .collect();
    module_with(q)
}

#[test]
fn single_and_multiple_choice_name_options_by_their_place_in_the_content() {
    let single = choice("single", &[false, false, true, false]);
    let i = report(&single, Answer::Single { option: 2 });
    assert_eq!(i.kind, Kind::Choice);
    assert!(i.correct);
    let f = fields(&i, Scorm12);
    assert!(f.contains(&("correct_responses.0.pattern".into(), "c".into())));
    assert!(f.contains(&("student_response".into(), "c".into())));
    assert!(f.contains(&("result".into(), "correct".into())));

    let multiple = choice("multiple", &[true, false, true, false, false]);
    // Chosen in any order, with a duplicate: the response is the set, in content order.
    let i = report(
        &multiple,
        Answer::Multiple {
            options: vec![3, 0, 3],
        },
    );
    assert!(!i.correct);
    let f = fields(&i, Scorm12);
    assert!(f.contains(&("correct_responses.0.pattern".into(), "a,c".into())));
    assert!(f.contains(&("student_response".into(), "a,d".into())));
    let f = fields(&i, Scorm2004);
    assert!(f.contains(&("type".into(), "choice".into())));
    assert!(f.contains(&("correct_responses.0.pattern".into(), "a[,]c".into())));
    assert!(f.contains(&("learner_response".into(), "a[,]d".into())));
    assert!(f.contains(&("result".into(), "incorrect".into())));
}

#[test]
fn an_ordering_question_is_a_sequence() {
    let mut q = real_question("ordering");
    let QuestionKind::Ordering { steps } = &mut q.kind else {
        unreachable!()
    };
    let template = steps[0].clone();
    *steps = (0..4)
        .map(|i| {
            let mut s = template.clone();
            s.id = option_id(i);
            s
        })
        .collect();
    let module = module_with(q);
    let i = report(
        &module,
        Answer::Ordering {
            steps: vec![1, 0, 2, 3],
        },
    );
    assert_eq!(i.kind, Kind::Sequencing);
    let f = fields(&i, Scorm12);
    assert!(f.contains(&("type".into(), "sequencing".into())));
    assert!(f.contains(&("correct_responses.0.pattern".into(), "a,b,c,d".into())));
    assert!(f.contains(&("student_response".into(), "b,a,c,d".into())));
    assert!(f.contains(&("result".into(), "wrong".into())));
    let f = fields(&i, Scorm2004);
    assert!(f.contains(&("correct_responses.0.pattern".into(), "a[,]b[,]c[,]d".into())));
    assert!(f.contains(&("learner_response".into(), "b[,]a[,]c[,]d".into())));
}

/// A scenario of three steps, `s1` → `s2` → `s3`, where a wrong first choice (`a`) jumps
/// straight to `s3`; the wise choice is `b` at `s1`, `c` at `s2` and `a` at `s3`.
fn scenario() -> Module {
    let mut q = real_question("scenario");
    let QuestionKind::Scenario { steps } = &mut q.kind else {
        unreachable!()
    };
    let step = steps[0].clone();
    let choice = step.choices[0].clone();
    let make = |id: &str, right: usize, jumps: Option<&str>| {
        let mut s = step.clone();
        s.id = id.to_string();
        s.choices = (0..3)
            .map(|i| {
                let mut c = choice.clone();
                c.id = option_id(i);
                c.correct = i == right;
                c.next = if i == 0 {
                    jumps.map(str::to_string)
                } else {
                    None
                };
                c
            })
            .collect();
        s
    };
    *steps = vec![
        make("s1", 1, Some("s3")),
        make("s2", 2, None),
        make("s3", 0, None),
    ];
    module_with(q)
}

fn picks(list: &[(&str, usize)]) -> Answer {
    Answer::Scenario {
        choices: list
            .iter()
            .map(|(step, choice)| ScenarioPick {
                step: step.to_string(),
                choice: *choice,
            })
            .collect(),
    }
}

#[test]
fn a_scenario_is_a_performance_counted_once_finished() {
    let module = scenario();
    let p = answered(&module, picks(&[("s1", 1)]));
    let attempt = p.attempt(&module.id).expect("attempt");
    assert_eq!(
        interaction(&module, attempt, 0, START_MS, None),
        None,
        "the scenario goes on"
    );

    let right = report(&module, picks(&[("s1", 1), ("s2", 2), ("s3", 0)]));
    assert_eq!(right.kind, Kind::Performance);
    assert!(right.correct);
    assert_eq!(
        right.correct_response,
        Response::Steps(vec![
            ("s1".into(), "b".into()),
            ("s2".into(), "c".into()),
            ("s3".into(), "a".into())
        ])
    );
    let f = fields(&right, Scorm2004);
    assert!(f.contains(&("type".into(), "performance".into())));
    assert!(f.contains(&(
        "correct_responses.0.pattern".into(),
        "{order_matters=true}s1[.]b[,]s2[.]c[,]s3[.]a".into()
    )));
    assert!(f.contains(&("learner_response".into(), "s1[.]b[,]s2[.]c[,]s3[.]a".into())));

    // The wrong first choice takes the short way round: two steps, one of them wise.
    let short = report(&module, picks(&[("s1", 0), ("s3", 0)]));
    assert!(!short.correct);
    let f = fields(&short, Scorm12);
    assert!(f.contains(&(
        "correct_responses.0.pattern".into(),
        "s1.b,s2.c,s3.a".into()
    )));
    assert!(f.contains(&("student_response".into(), "s1.a,s3.a".into())));
    assert!(f.contains(&("result".into(), "wrong".into())));
}

#[test]
fn what_does_not_fit_a_version_is_left_out_and_the_rest_still_goes() {
    // All 40 options chosen: past the 36 ids SCORM 2004 takes in a choice answer; 1.2 has
    // only its length, which they fit.
    let mut correct = vec![false; 40];
    correct[39] = true;
    let module = choice("multiple", &correct);
    let i = report(
        &module,
        Answer::Multiple {
            options: (0..40).collect(),
        },
    );
    let f = fields(&i, Scorm2004);
    let names: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
    assert!(!names.contains(&"learner_response"), "{names:?}");
    assert!(f.contains(&("correct_responses.0.pattern".into(), "o39".into())));
    assert!(names.contains(&"id") && names.contains(&"result"));
    let all: Vec<String> = (0..40).map(option_id).collect();
    assert!(fields(&i, Scorm12).contains(&("student_response".into(), all.join(","))));
    // 36 are fine in 2004.
    let i = report(
        &module,
        Answer::Multiple {
            options: (0..36).collect(),
        },
    );
    let first: Vec<String> = (0..36).map(option_id).collect();
    assert!(fields(&i, Scorm2004).contains(&("learner_response".into(), first.join("[,]"))));

    // SCORM 1.2 keeps 255 characters of an answer: a scenario of 30 long-named steps is cut.
    let mut q = real_question("scenario");
    let QuestionKind::Scenario { steps } = &mut q.kind else {
        unreachable!()
    };
    let template = steps[0].clone();
    *steps = (0..30)
        .map(|n| {
            let mut s = template.clone();
            s.id = format!("a-rather-long-step-name-{n}");
            for c in &mut s.choices {
                c.next = None;
            }
            s
        })
        .collect();
    let ids: Vec<String> = steps.iter().map(|s| s.id.clone()).collect();
    let module = module_with(q);
    let answer = Answer::Scenario {
        choices: ids
            .iter()
            .map(|id| ScenarioPick {
                step: id.clone(),
                choice: 0,
            })
            .collect(),
    };
    let i = report(&module, answer);
    assert!(!fields(&i, Scorm12)
        .iter()
        .any(|(k, _)| k.contains("response")));
    assert!(fields(&i, Scorm2004)
        .iter()
        .any(|(k, _)| k == "learner_response"));
}

#[test]
fn only_answers_new_since_the_last_look_are_reported() {
    let course = real_course();
    let role = Role::Employee;
    let module = course.required_modules(role)[0].clone();
    let mut p = fresh(&course, role);
    p.start_quiz(&module, role, 3, START_MS);
    let ids: Vec<String> = p
        .attempt(&module.id)
        .expect("attempt")
        .plan
        .items
        .iter()
        .map(|i| i.question_id.clone())
        .collect();
    let shown = |_: &str| Some(START_MS);
    let before = p.clone();
    p.record_answer(
        &module.id,
        0,
        right_answer(&module, &ids[0]),
        START_MS + 9_000,
    )
    .expect("answer");
    let new = new_interactions(&before, &p, &course.modules, &shown, START_MS + 9_000);
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].id, format!("{}.{}", module.id, ids[0]));
    assert_eq!(new[0].latency_ms, Some(9_000));
    assert!(new[0].correct);

    // Moving on reports nothing; the next answer reports only itself.
    let before = p.clone();
    p.advance(&module.id, START_MS + 10_000).expect("advance");
    assert!(new_interactions(&before, &p, &course.modules, &shown, START_MS + 10_000).is_empty());
    let before = p.clone();
    p.record_answer(
        &module.id,
        1,
        right_answer(&module, &ids[1]),
        START_MS + 11_000,
    )
    .expect("answer");
    let new = new_interactions(&before, &p, &course.modules, &shown, START_MS + 11_000);
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].id, format!("{}.{}", module.id, ids[1]));

    // A new attempt with a different draw: its answers are new even where the old had one.
    let before = p.clone();
    p.start_quiz(&module, role, 4, START_MS + 20_000);
    let first = p.attempt(&module.id).expect("attempt").plan.items[0]
        .question_id
        .clone();
    p.record_answer(
        &module.id,
        0,
        right_answer(&module, &first),
        START_MS + 21_000,
    )
    .expect("answer");
    let new = new_interactions(&before, &p, &course.modules, &|_| None, START_MS + 21_000);
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].latency_ms, None, "no time the question appeared");
}

#[test]
fn a_description_is_the_questions_plain_words_cut_to_what_2004_keeps() {
    let mut q = real_question("true_false");
    q.kind = QuestionKind::TrueFalse { answer: true };
    q.prompt.value = format!("**Viktigt:** {}", "å".repeat(300));
    let module = module_with(q.clone());
    let i = report(&module, Answer::TrueFalse { value: true });
    let description = i.description.clone().expect("a description");
    assert!(description.starts_with("Viktigt: å"), "{description}");
    assert_eq!(description.chars().count(), 250);
    // Texts not read yet (an empty prompt): no description rather than an empty one.
    q.prompt.value.clear();
    let i = report(&module_with(q), Answer::TrueFalse { value: true });
    assert_eq!(i.description, None);
    assert!(!fields(&i, Scorm2004)
        .iter()
        .any(|(k, _)| k == "description"));
}
