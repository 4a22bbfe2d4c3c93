//! The quiz engine's rules, one by one: drawing, plan validity, each scoring rule and
//! scenario branching.

mod quiz_support;

use quiz_support::*;
use trygg_core::content::{QuestionKind, Role};
use trygg_core::quiz::{
    draw_quiz, is_correct, plan_is_valid, scenario_next_step, scenario_walk, score_answer,
    score_attempt, shuffle, Answer, PlannedQuestion, QuizError, QuizPlan, QuizRng,
};

// ---------- drawing ----------

#[test]
fn draw_takes_quiz_size_distinct_questions() {
    let m = mixed_module("m", 3);
    let plan = draw_quiz(&m, Role::Employee, 1);
    assert_eq!(plan.module_id, "m");
    assert_eq!(plan.seed, 1);
    assert_eq!(plan.items.len(), 3);
    let mut ids: Vec<_> = plan.items.iter().map(|i| i.question_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3);
    assert!(plan_is_valid(&m, &plan));
}

#[test]
fn draw_is_capped_by_the_pool() {
    let m = mixed_module("m", 50);
    let plan = draw_quiz(&m, Role::Manager, 9);
    assert_eq!(plan.items.len(), 5);
}

#[test]
fn same_seed_same_plan_other_seeds_differ() {
    let m = mixed_module("m", 5);
    assert_eq!(
        draw_quiz(&m, Role::Employee, 77),
        draw_quiz(&m, Role::Employee, 77)
    );
    let distinct: std::collections::BTreeSet<_> = (0..40)
        .map(|seed| format!("{:?}", draw_quiz(&m, Role::Employee, seed).items))
        .collect();
    assert!(
        distinct.len() > 30,
        "only {} distinct plans",
        distinct.len()
    );
}

#[test]
fn draw_order_is_a_known_value() {
    // Pins the algorithm: a saved seed must reproduce the same quiz in every later release.
    let m = mixed_module("m", 5);
    let plan = draw_quiz(&m, Role::Employee, 2026);
    let again = draw_quiz(&m, Role::Employee, 2026);
    assert_eq!(plan, again);
    let json = serde_json::to_string(&plan).unwrap();
    let expected = concat!(
        r#"{"module_id":"m","seed":2026,"items":["#,
        r#"{"question_id":"q-order","order":[2,0,1,3]},"#,
        r#"{"question_id":"q-single","order":[3,0,2,1]},"#,
        r#"{"question_id":"q-tf","order":[]},"#,
        r#"{"question_id":"q-multiple","order":[4,3,0,2,1]},"#,
        r#"{"question_id":"q-scenario","order":[],"choice_orders":[[1,0],[0,1],[0,1]]}]}"#
    );
    assert_eq!(json, expected);
}

#[test]
fn draw_respects_roles() {
    let m = module(
        "m",
        10,
        1,
        vec![
            for_roles(true_false("managers", true), &[Role::Manager]),
            for_roles(true_false("elected", true), &[Role::Elected]),
            for_roles(true_false("both", true), &[Role::Manager, Role::Elected]),
            true_false("all", false),
        ],
    );
    let ids = |role| {
        let mut v: Vec<_> = draw_quiz(&m, role, 5)
            .items
            .into_iter()
            .map(|i| i.question_id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(Role::Employee), ["all"]);
    assert_eq!(ids(Role::Manager), ["all", "both", "managers"]);
    assert_eq!(ids(Role::Elected), ["all", "both", "elected"]);
}

#[test]
fn draw_never_repeats_a_duplicated_id() {
    let m = module(
        "m",
        10,
        1,
        vec![true_false("dup", true), true_false("dup", false)],
    );
    let plan = draw_quiz(&m, Role::Employee, 3);
    assert_eq!(plan.items.len(), 1);
    assert!(plan_is_valid(&m, &plan));
}

#[test]
fn empty_pool_gives_an_empty_plan() {
    let m = module(
        "m",
        5,
        1,
        vec![for_roles(true_false("x", true), &[Role::Elected])],
    );
    assert!(draw_quiz(&m, Role::Employee, 1).items.is_empty());
}

#[test]
fn orders_fit_each_kind() {
    let m = mixed_module("m", 5);
    for seed in 0..50 {
        let plan = draw_quiz(&m, Role::Employee, seed);
        for item in &plan.items {
            let q = m
                .questions
                .iter()
                .find(|q| q.id == item.question_id)
                .unwrap();
            match &q.kind {
                QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                    assert_eq!(sorted(&item.order), (0..options.len()).collect::<Vec<_>>());
                    assert!(item.choice_orders.is_empty());
                }
                QuestionKind::Ordering { steps } => {
                    assert_eq!(sorted(&item.order), (0..steps.len()).collect::<Vec<_>>());
                    assert_ne!(item.order, (0..steps.len()).collect::<Vec<_>>());
                }
                QuestionKind::TrueFalse { .. } => {
                    assert!(item.order.is_empty() && item.choice_orders.is_empty())
                }
                QuestionKind::Scenario { steps } => {
                    assert!(item.order.is_empty());
                    assert_eq!(item.choice_orders.len(), steps.len());
                    for (order, step) in item.choice_orders.iter().zip(steps) {
                        assert_eq!(sorted(order), (0..step.choices.len()).collect::<Vec<_>>());
                    }
                }
            }
        }
    }
}

#[test]
fn ordering_of_three_is_never_shown_solved() {
    let m = module("m", 1, 1, vec![ordering("o", 3)]);
    for seed in 0..2000 {
        let plan = draw_quiz(&m, Role::Employee, seed);
        assert_ne!(plan.items[0].order, vec![0, 1, 2], "seed {seed}");
    }
}

#[test]
fn choice_order_falls_back_to_content_order() {
    let item = PlannedQuestion {
        question_id: "s".into(),
        order: vec![],
        choice_orders: vec![vec![1, 0], vec![0, 0]],
    };
    assert_eq!(item.choice_order(0, 2), [1, 0]);
    assert_eq!(item.choice_order(1, 2), [0, 1], "not a permutation");
    assert_eq!(item.choice_order(2, 3), [0, 1, 2], "no order stored");
}

#[test]
fn shuffle_keeps_every_element() {
    let mut rng = QuizRng::new(5);
    let mut v: Vec<u32> = (0..100).collect();
    shuffle(&mut rng, &mut v);
    assert_ne!(v, (0..100).collect::<Vec<_>>());
    assert_eq!(sorted(&v), (0..100).collect::<Vec<_>>());
}

fn sorted<T: Ord + Clone>(v: &[T]) -> Vec<T> {
    let mut v = v.to_vec();
    v.sort();
    v
}

// ---------- plan validity ----------

#[test]
fn plan_validity_follows_content_changes() {
    let m = mixed_module("m", 5);
    let plan = draw_quiz(&m, Role::Employee, 11);
    assert!(plan_is_valid(&m, &plan));

    let mut other_module = m.clone();
    other_module.id = "other".into();
    assert!(
        !plan_is_valid(&other_module, &plan),
        "plan of another module"
    );

    let mut removed = m.clone();
    removed.questions.retain(|q| q.id != "q-tf");
    assert!(!plan_is_valid(&removed, &plan), "question removed");

    let mut fewer_options = m.clone();
    fewer_options.questions[0] = single("q-single", 3, 0);
    assert!(!plan_is_valid(&fewer_options, &plan), "options removed");

    let mut kind_changed = m.clone();
    kind_changed.questions[2] = single("q-tf", 2, 0);
    assert!(
        !plan_is_valid(&kind_changed, &plan),
        "true/false became single"
    );

    let mut scenario_changed = m.clone();
    scenario_changed.questions[4] = scenario(
        "q-scenario",
        vec![step(
            "a",
            vec![choice(true, None), choice(false, None), choice(false, None)],
        )],
    );
    assert!(
        !plan_is_valid(&scenario_changed, &plan),
        "scenario steps changed"
    );

    let mut reworded = m.clone();
    reworded.questions[0].prompt = text("new wording");
    assert!(
        plan_is_valid(&reworded, &plan),
        "wording changes keep the plan"
    );
}

#[test]
fn plan_validity_rejects_damaged_plans() {
    let m = mixed_module("m", 5);
    let plan = draw_quiz(&m, Role::Employee, 11);
    let damage = |f: &dyn Fn(&mut QuizPlan)| {
        let mut p = plan.clone();
        f(&mut p);
        plan_is_valid(&m, &p)
    };
    assert!(
        !damage(&|p| p.items.push(p.items[0].clone())),
        "repeated question"
    );
    let single_at = plan
        .items
        .iter()
        .position(|i| i.question_id == "q-single")
        .unwrap();
    assert!(!damage(&|p| p.items[single_at].order = vec![0, 0, 1, 2]));
    assert!(!damage(&|p| p.items[single_at].order = vec![0, 1, 2]));
    assert!(!damage(
        &|p| p.items[single_at].choice_orders = vec![vec![0]]
    ));
    let tf_at = plan
        .items
        .iter()
        .position(|i| i.question_id == "q-tf")
        .unwrap();
    assert!(!damage(&|p| p.items[tf_at].order = vec![0]));
    let sc_at = plan
        .items
        .iter()
        .position(|i| i.question_id == "q-scenario")
        .unwrap();
    assert!(
        damage(&|p| p.items[sc_at].choice_orders.clear()),
        "older plan without choice orders"
    );
    assert!(!damage(&|p| p.items[sc_at]
        .choice_orders
        .pop()
        .map(drop)
        .unwrap_or(())));
    assert!(
        damage(&|p| p.items.clear()),
        "an empty plan is trivially valid"
    );
}

// ---------- scoring rules ----------

#[test]
fn single_scores_one_or_zero() {
    let q = single("q", 4, 2);
    assert_eq!(score_answer(&q, &Answer::Single { option: 2 }).earned, 1);
    assert_eq!(score_answer(&q, &Answer::Single { option: 1 }).earned, 0);
    assert_eq!(score_answer(&q, &Answer::Single { option: 99 }).earned, 0);
    assert!(is_correct(&q, &Answer::Single { option: 2 }));
    assert!(!is_correct(&q, &Answer::Single { option: 0 }));
}

#[test]
fn true_false_scores_one_or_zero() {
    let q = true_false("q", false);
    assert!(is_correct(&q, &Answer::TrueFalse { value: false }));
    assert!(!is_correct(&q, &Answer::TrueFalse { value: true }));
}

#[test]
fn multiple_is_all_or_nothing() {
    let q = multiple("q", 5, &[0, 3]);
    let score = |options: Vec<usize>| score_answer(&q, &Answer::Multiple { options });
    assert_eq!(score(vec![0, 3]).earned, 1);
    assert_eq!(score(vec![3, 0]).earned, 1, "order does not matter");
    assert_eq!(
        score(vec![3, 0, 3]).earned,
        1,
        "a repeated index counts once"
    );
    assert_eq!(score(vec![0]).earned, 0, "one missing");
    assert_eq!(score(vec![0, 3, 4]).earned, 0, "one too many");
    assert_eq!(score(vec![]).earned, 0);
    assert_eq!(score(vec![0, 3, 7]).earned, 0, "out of range");
    assert_eq!(score(vec![0, 1, 2, 3, 4]).earned, 0, "ticking everything");
}

#[test]
fn ordering_needs_the_exact_order() {
    let q = ordering("q", 4);
    let score = |steps: Vec<usize>| score_answer(&q, &Answer::Ordering { steps }).earned;
    assert_eq!(score(vec![0, 1, 2, 3]), 1);
    assert_eq!(score(vec![0, 1, 3, 2]), 0);
    assert_eq!(score(vec![0, 1, 2]), 0);
    assert_eq!(score(vec![0, 1, 2, 3, 4]), 0);
}

#[test]
fn wrong_kind_of_answer_scores_zero() {
    let q = single("q", 2, 0);
    let s = score_answer(&q, &Answer::TrueFalse { value: true });
    assert_eq!((s.answered, s.earned, s.possible), (true, 0, 1));
}

// ---------- scenarios ----------

#[test]
fn scenario_follows_next_and_list_order() {
    let q = branching_scenario("s");
    let next = |picks: &[_]| scenario_next_step(&q, picks).map(|s| s.id.clone());
    assert_eq!(next(&[]).as_deref(), Some("a"));
    // Wise at a jumps to c.
    assert_eq!(next(&[pick("a", 0)]).as_deref(), Some("c"));
    // Unwise at a goes on to b, then c.
    assert_eq!(next(&[pick("a", 1)]).as_deref(), Some("b"));
    assert_eq!(next(&[pick("a", 1), pick("b", 0)]).as_deref(), Some("c"));
    // c is the last step.
    assert_eq!(next(&[pick("a", 0), pick("c", 1)]), None);
}

#[test]
fn scenario_ignores_stale_picks() {
    let q = branching_scenario("s");
    let next = |picks: &[_]| scenario_next_step(&q, picks).map(|s| s.id.clone());
    assert_eq!(
        next(&[pick("b", 0)]).as_deref(),
        Some("a"),
        "pick for a step not shown"
    );
    assert_eq!(
        next(&[pick("a", 5)]).as_deref(),
        Some("a"),
        "choice out of range"
    );
    assert_eq!(
        next(&[pick("x", 0), pick("a", 0)]).as_deref(),
        Some("c"),
        "append after junk"
    );
    assert_eq!(
        next(&[pick("a", 0), pick("c", 0), pick("c", 0)]),
        None,
        "extra picks"
    );
}

#[test]
fn scenario_next_to_unknown_step_ends_it() {
    let q = scenario(
        "s",
        vec![
            step("a", vec![choice(true, Some("gone"))]),
            step("b", vec![choice(true, None)]),
        ],
    );
    assert_eq!(scenario_next_step(&q, &[pick("a", 0)]), None);
}

#[test]
fn scenario_loops_are_walked_without_hanging() {
    let q = scenario(
        "s",
        vec![
            step("a", vec![choice(false, Some("a")), choice(true, None)]),
            step("b", vec![choice(true, None)]),
        ],
    );
    let picks = vec![pick("a", 0), pick("a", 0), pick("a", 1), pick("b", 0)];
    let walk = scenario_walk(&q, &picks);
    assert_eq!(walk.visited.len(), 4);
    assert!(walk.next.is_none());
    let s = score_answer(&q, &Answer::Scenario { choices: picks });
    assert_eq!((s.earned, s.possible), (2, 4));
}

#[test]
fn scenario_scores_the_fraction_of_visited_steps() {
    let q = branching_scenario("s");
    let score = |picks: Vec<_>| {
        let s = score_answer(&q, &Answer::Scenario { choices: picks });
        (s.earned, s.possible)
    };
    // "Partly right" in the review: some marks, not all; neither full nor none is.
    let partial =
        |picks: Vec<_>| score_answer(&q, &Answer::Scenario { choices: picks }).is_partial();
    assert!(partial(vec![pick("a", 1), pick("b", 1), pick("c", 0)]));
    assert!(!partial(vec![pick("a", 0), pick("c", 0)]));
    assert!(!partial(vec![pick("a", 1), pick("b", 0), pick("c", 1)]));
    // Wise all the way: a, c.
    assert_eq!(score(vec![pick("a", 0), pick("c", 0)]), (2, 2));
    // Unwise then wise twice: a, b, c.
    assert_eq!(
        score(vec![pick("a", 1), pick("b", 1), pick("c", 0)]),
        (2, 3)
    );
    assert_eq!(
        score(vec![pick("a", 1), pick("b", 0), pick("c", 1)]),
        (0, 3)
    );
    // Abandoned at c: c counts as visited and unanswered.
    assert_eq!(score(vec![pick("a", 0)]), (1, 2));
    assert_eq!(score(vec![]), (0, 1));
    assert!(is_correct(
        &q,
        &Answer::Scenario {
            choices: vec![pick("a", 0), pick("c", 0)]
        }
    ));
    assert!(!is_correct(
        &q,
        &Answer::Scenario {
            choices: vec![pick("a", 0)]
        }
    ));
}

#[test]
fn scenario_without_steps_cannot_be_right() {
    let q = scenario("s", vec![]);
    assert_eq!(scenario_next_step(&q, &[]), None);
    let s = score_answer(&q, &Answer::Scenario { choices: vec![] });
    assert_eq!((s.earned, s.possible), (0, 1));
}

#[test]
fn non_scenario_has_no_steps() {
    assert_eq!(
        scenario_next_step(&single("q", 2, 0), &[pick("a", 0)]),
        None
    );
}

// ---------- whole attempts ----------

fn plan_of(m: &trygg_core::content::Module, ids: &[&str]) -> QuizPlan {
    let full = draw_quiz(m, Role::Employee, 0);
    QuizPlan {
        module_id: m.id.clone(),
        seed: 0,
        items: ids
            .iter()
            .map(|id| {
                full.items
                    .iter()
                    .find(|i| i.question_id == *id)
                    .unwrap()
                    .clone()
            })
            .collect(),
    }
}

#[test]
fn attempt_percent_is_the_mean_fraction_rounded_down() {
    let m = mixed_module("m", 5);
    let plan = plan_of(
        &m,
        &["q-single", "q-multiple", "q-tf", "q-order", "q-scenario"],
    );
    let answers = vec![
        Some(Answer::Single { option: 2 }),          // 1
        Some(Answer::Multiple { options: vec![0] }), // 0
        Some(Answer::TrueFalse { value: false }),    // 1
        None,                                        // 0
        Some(Answer::Scenario {
            choices: vec![pick("a", 1), pick("b", 1), pick("c", 0)],
        }), // 2/3
    ];
    let s = score_attempt(&m, &plan, &answers, 50).unwrap();
    // (1 + 0 + 1 + 0 + 2/3) / 5 = 53.33 %
    assert_eq!(s.percent, 53);
    assert!(s.passed);
    assert_eq!(s.correct_count, 2);
    assert_eq!(s.total, 5);
    assert_eq!(s.per_question.len(), 5);
    assert_eq!(s.per_question[3].question_id, "q-order");
    assert!(!s.per_question[3].answered);
    assert!(!score_attempt(&m, &plan, &answers, 54).unwrap().passed);
}

#[test]
fn pass_mark_is_inclusive_and_clamped() {
    let m = module(
        "m",
        4,
        1,
        (0..4).map(|i| true_false(&format!("t{i}"), true)).collect(),
    );
    let plan = plan_of(&m, &["t0", "t1", "t2", "t3"]);
    let mut answers: Vec<_> = (0..4)
        .map(|_| Some(Answer::TrueFalse { value: true }))
        .collect();
    answers[0] = None;
    let at = |mark| score_attempt(&m, &plan, &answers, mark).unwrap();
    assert_eq!(at(75).percent, 75);
    assert!(at(75).passed);
    assert!(!at(76).passed);
    assert!(at(0).passed, "0 is treated as 1");
    let nothing = score_attempt(&m, &plan, &[], 0).unwrap();
    assert_eq!(nothing.percent, 0);
    assert!(!nothing.passed, "no answers never pass, even at mark 0");
    let all: Vec<_> = (0..4)
        .map(|_| Some(Answer::TrueFalse { value: true }))
        .collect();
    assert!(
        score_attempt(&m, &plan, &all, 255).unwrap().passed,
        "above 100 is 100"
    );
}

#[test]
fn missing_and_extra_answers() {
    let m = module(
        "m",
        2,
        1,
        vec![true_false("a", true), true_false("b", true)],
    );
    let plan = plan_of(&m, &["a", "b"]);
    let short = score_attempt(&m, &plan, &[Some(Answer::TrueFalse { value: true })], 80).unwrap();
    assert_eq!(short.percent, 50);
    let long = vec![Some(Answer::TrueFalse { value: true }); 5];
    assert_eq!(score_attempt(&m, &plan, &long, 80).unwrap().percent, 100);
}

#[test]
fn empty_plan_scores_zero() {
    let m = module("m", 2, 1, vec![]);
    let plan = QuizPlan {
        module_id: "m".into(),
        seed: 0,
        items: vec![],
    };
    let s = score_attempt(&m, &plan, &[], 1).unwrap();
    assert_eq!(
        (s.percent, s.passed, s.total, s.correct_count),
        (0, false, 0, 0)
    );
}

#[test]
fn removed_question_is_an_error_value() {
    let m = mixed_module("m", 5);
    let plan = draw_quiz(&m, Role::Employee, 4);
    let mut changed = m.clone();
    changed.questions.retain(|q| q.id != "q-order");
    let err = score_attempt(&changed, &plan, &[], 80).unwrap_err();
    assert_eq!(err, QuizError::MissingQuestion("q-order".into()));
    assert!(err.to_string().contains("q-order"));
}

// ---------- JSON shapes ----------

#[test]
fn answers_are_tagged_json() {
    let cases = [
        (
            Answer::Single { option: 2 },
            r#"{"type":"single","option":2}"#,
        ),
        (
            Answer::Multiple {
                options: vec![0, 3],
            },
            r#"{"type":"multiple","options":[0,3]}"#,
        ),
        (
            Answer::TrueFalse { value: true },
            r#"{"type":"true_false","value":true}"#,
        ),
        (
            Answer::Ordering { steps: vec![1, 0] },
            r#"{"type":"ordering","steps":[1,0]}"#,
        ),
        (
            Answer::Scenario {
                choices: vec![pick("a", 1)],
            },
            r#"{"type":"scenario","choices":[{"step":"a","choice":1}]}"#,
        ),
    ];
    for (answer, json) in cases {
        assert_eq!(serde_json::to_string(&answer).unwrap(), json);
        assert_eq!(serde_json::from_str::<Answer>(json).unwrap(), answer);
    }
}

#[test]
fn saved_answers_are_read_in_any_field_order_and_wrong_shapes_are_refused() {
    assert_eq!(
        serde_json::from_str::<Answer>(r#"{"option":2,"type":"single"}"#).unwrap(),
        Answer::Single { option: 2 }
    );
    for (json, why) in [
        (r#"{"type":"single"}"#, "missing field `option`"),
        (
            r#"{"type":"single","options":[1]}"#,
            "missing field `option`",
        ),
        (
            r#"{"type":"scenario","steps":[1]}"#,
            "missing field `choices`",
        ),
        (r#"{"type":"essay","text":"x"}"#, "unknown variant `essay`"),
        (r#"{"option":1}"#, "missing field `type`"),
        (r#"{"type":"true_false","value":"yes"}"#, "invalid type"),
    ] {
        let error = serde_json::from_str::<Answer>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains(why), "{json}: {error}");
    }
}

#[test]
fn plans_round_trip_and_accept_missing_optional_fields() {
    let m = mixed_module("m", 5);
    let plan = draw_quiz(&m, Role::Employee, 8);
    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<QuizPlan>(&json).unwrap(), plan);
    let minimal: QuizPlan =
        serde_json::from_str(r#"{"module_id":"m","seed":1,"items":[{"question_id":"q-tf"}]}"#)
            .unwrap();
    assert!(minimal.items[0].order.is_empty() && minimal.items[0].choice_orders.is_empty());
    assert!(plan_is_valid(&m, &minimal));
}

#[test]
fn lesson_pages_count_only_the_roles_sections() {
    let mut m = module("m", 2, 4, vec![single("q0", 3, 0), single("q1", 3, 1)]);
    m.sections[1].roles = vec![Role::Manager];
    let employee: Vec<usize> = m
        .lesson_sections(Role::Employee)
        .iter()
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(employee, vec![0, 2, 3]);
    assert_eq!(m.lesson_sections(Role::Manager).len(), 4);
    assert_eq!(
        m.lesson_page_of(Role::Employee, 2),
        2,
        "section 2 is the employee's page 2"
    );
    assert_eq!(m.lesson_page_of(Role::Manager, 2), 3);
    assert_eq!(
        m.lesson_page_of(Role::Employee, 1),
        1,
        "a section the role skips"
    );
}
