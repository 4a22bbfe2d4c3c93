//! Properties of the quiz engine over randomly generated modules and answer sheets.

mod quiz_support;

use proptest::prelude::*;
use quiz_support::*;
use trygg_core::content::{Module, Question, Role, RoleDraw, ScenarioChoice, ScenarioStep};
use trygg_core::quiz::{
    draw_quiz, plan_is_valid, score_answer, score_attempt, shuffle, Answer, QuizRng, ScenarioPick,
};

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

/// A scenario whose `next` links only point forward (or nowhere), so it always ends, and
/// whose every step has a wise choice, so it can be answered perfectly.
fn scenario_question(id: String) -> impl Strategy<Value = Question> {
    (1usize..5)
        .prop_flat_map(|n| {
            prop::collection::vec(
                (1usize..4).prop_flat_map(move |choices| {
                    (
                        Just(choices),
                        0..choices,
                        prop::collection::vec(any::<bool>(), choices),
                        prop::collection::vec(0usize..=n + 1, choices),
                    )
                }),
                n,
            )
        })
        .prop_map(move |raw| {
            let n = raw.len();
            let steps = raw
                .into_iter()
                .enumerate()
                .map(|(i, (count, wise, correct, targets))| {
                    let choices = (0..count)
                        .map(|c| ScenarioChoice {
                            correct: c == wise || correct[c],
                            // 0: default; n+1: an unknown id (ends it); else a later step.
                            next: match targets[c] {
                                0 => None,
                                t if t > n => Some("nowhere".to_string()),
                                t => Some(format!("s{}", (i + t).min(n - 1).max(i + 1)))
                                    .filter(|_| i + 1 < n),
                            },
                            ..choice(false, None)
                        })
                        .collect();
                    step(&format!("s{i}"), choices)
                })
                .collect::<Vec<ScenarioStep>>();
            scenario(&id, steps)
        })
}

fn any_question(id: String) -> BoxedStrategy<Question> {
    let i1 = id.clone();
    let i2 = id.clone();
    let i3 = id.clone();
    let i4 = id.clone();
    prop_oneof![
        (1usize..6)
            .prop_flat_map(|n| (Just(n), 0..n))
            .prop_map(move |(n, c)| single(&i1, n, c)),
        prop::collection::vec(any::<bool>(), 1..6)
            .prop_filter("at least one correct", |m| m.contains(&true))
            .prop_map(move |mask| {
                let correct: Vec<usize> = (0..mask.len()).filter(|&i| mask[i]).collect();
                multiple(&i2, mask.len(), &correct)
            }),
        any::<bool>().prop_map(move |a| true_false(&i3, a)),
        (1usize..7).prop_map(move |n| ordering(&i4, n)),
        scenario_question(id),
    ]
    .boxed()
}

fn roles_subset() -> impl Strategy<Value = Vec<Role>> {
    prop::collection::vec(any::<bool>(), 3).prop_map(|mask| {
        Role::ALL
            .iter()
            .zip(mask)
            .filter(|(_, m)| *m)
            .map(|(r, _)| *r)
            .collect()
    })
}

fn any_module() -> impl Strategy<Value = Module> {
    (0usize..12, 0usize..15)
        .prop_flat_map(|(n, quiz_size)| {
            let questions: Vec<_> = (0..n)
                .map(|i| (any_question(format!("q{i}")), roles_subset()))
                .collect();
            (Just(quiz_size), questions)
        })
        .prop_map(|(quiz_size, questions)| {
            let questions = questions
                .into_iter()
                .map(|(q, roles)| for_roles(q, &roles))
                .collect();
            module("m", quiz_size, 2, questions)
        })
}

fn any_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        (0usize..8).prop_map(|option| Answer::Single { option }),
        prop::collection::vec(0usize..8, 0..6).prop_map(|options| Answer::Multiple { options }),
        any::<bool>().prop_map(|value| Answer::TrueFalse { value }),
        prop::collection::vec(0usize..8, 0..8).prop_map(|steps| Answer::Ordering { steps }),
        prop::collection::vec((0usize..6, 0usize..5), 0..8).prop_map(|picks| Answer::Scenario {
            choices: picks
                .into_iter()
                .map(|(s, choice)| ScenarioPick {
                    step: format!("s{s}"),
                    choice
                })
                .collect(),
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn shuffle_is_a_permutation(seed in any::<u64>(), mut v in prop::collection::vec(any::<u16>(), 0..40)) {
        let mut expected = v.clone();
        shuffle(&mut QuizRng::new(seed), &mut v);
        let mut got = v.clone();
        expected.sort();
        got.sort();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn below_is_in_range(seed in any::<u64>(), bound in 1usize..10_000) {
        let mut rng = QuizRng::new(seed);
        for _ in 0..20 {
            prop_assert!(rng.below(bound) < bound);
        }
    }

    #[test]
    fn same_seed_same_quiz(m in any_module(), role in role(), seed in any::<u64>()) {
        let plan = draw_quiz(&m, role, seed);
        prop_assert_eq!(&plan, &draw_quiz(&m, role, seed));
        prop_assert!(plan_is_valid(&m, &plan));
    }

    #[test]
    fn draw_is_distinct_sized_and_role_filtered(m in any_module(), role in role(), seed in any::<u64>()) {
        let plan = draw_quiz(&m, role, seed);
        let pool = m.questions.iter().filter(|q| q.is_for(role)).count();
        prop_assert_eq!(plan.items.len(), m.quiz_size.min(pool));
        let mut ids: Vec<_> = plan.items.iter().map(|i| i.question_id.as_str()).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), plan.items.len());
        for item in &plan.items {
            let q = m.questions.iter().find(|q| q.id == item.question_id).unwrap();
            prop_assert!(q.is_for(role));
        }
    }

    #[test]
    fn score_is_within_bounds(
        m in any_module(),
        role in role(),
        seed in any::<u64>(),
        answers in prop::collection::vec(prop::option::of(any_answer()), 0..16),
        pass_mark in any::<u8>(),
    ) {
        let plan = draw_quiz(&m, role, seed);
        let s = score_attempt(&m, &plan, &answers, pass_mark).unwrap();
        prop_assert!(s.percent <= 100);
        prop_assert_eq!(s.total, plan.items.len());
        prop_assert_eq!(s.per_question.len(), plan.items.len());
        prop_assert!(s.correct_count <= s.total);
        for q in &s.per_question {
            prop_assert!(q.possible >= 1 && q.earned <= q.possible);
        }
        if s.total > 0 && s.correct_count == s.total {
            prop_assert_eq!(s.percent, 100);
        }
        if s.correct_count < s.total {
            prop_assert!(s.percent < 100);
        }
    }

    #[test]
    fn perfect_answers_always_pass(m in any_module(), role in role(), seed in any::<u64>(), pass_mark in 1u8..=100) {
        let plan = draw_quiz(&m, role, seed);
        prop_assume!(!plan.items.is_empty());
        let answers: Vec<_> = plan
            .items
            .iter()
            .map(|i| Some(perfect_answer(m.questions.iter().find(|q| q.id == i.question_id).unwrap())))
            .collect();
        let s = score_attempt(&m, &plan, &answers, pass_mark).unwrap();
        prop_assert_eq!(s.percent, 100);
        prop_assert!(s.passed);
        prop_assert_eq!(s.correct_count, s.total);
    }

    #[test]
    fn a_better_answer_never_lowers_the_score(
        m in any_module(),
        seed in any::<u64>(),
        answers in prop::collection::vec(prop::option::of(any_answer()), 0..16),
        fix in any::<prop::sample::Index>(),
    ) {
        let plan = draw_quiz(&m, Role::Manager, seed);
        prop_assume!(!plan.items.is_empty());
        let before = score_attempt(&m, &plan, &answers, 50).unwrap();
        let at = fix.index(plan.items.len());
        let mut improved = answers.clone();
        improved.resize(plan.items.len(), None);
        let q = m.questions.iter().find(|q| q.id == plan.items[at].question_id).unwrap();
        improved[at] = Some(perfect_answer(q));
        let after = score_attempt(&m, &plan, &improved, 50).unwrap();
        prop_assert!(after.percent >= before.percent);
        prop_assert!(after.correct_count >= before.correct_count);
    }

    /// Whatever mix of role tags a module has, every draw for any role holds as many
    /// questions written for that role alone as `role_draw` asks, or as many as the pool and
    /// the quiz size allow.
    #[test]
    fn every_role_gets_its_own_questions(
        m in any_module(),
        wanted in (0usize..4, 0usize..4, 0usize..4),
        role in role(),
        seed in any::<u64>(),
    ) {
        let mut m = m;
        m.role_draw = RoleDraw { employee: wanted.0, manager: wanted.1, elected: wanted.2 };
        let plan = draw_quiz(&m, role, seed);
        let alone = |q: &Question| !q.roles.is_empty() && q.roles.iter().all(|&r| r == role);
        let own_in_pool = m.questions.iter().filter(|q| alone(q)).count();
        let own_drawn = plan
            .items
            .iter()
            .filter(|i| m.questions.iter().any(|q| q.id == i.question_id && alone(q)))
            .count();
        let floor = m.role_draw.get(role).min(own_in_pool).min(plan.items.len());
        prop_assert!(own_drawn >= floor, "{own_drawn} own of {floor} wanted");
        prop_assert!(plan_is_valid(&m, &plan));
    }

    #[test]
    fn answers_round_trip_through_json(a in any_answer()) {
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), a);
    }

    #[test]
    fn scoring_never_panics_on_any_answer(m in any_module(), a in any_answer()) {
        for q in &m.questions {
            let s = score_answer(q, &a);
            prop_assert!(s.earned <= s.possible);
        }
    }
}
