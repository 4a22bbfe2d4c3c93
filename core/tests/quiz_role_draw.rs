//! `role_draw`: every quiz drawn for a role includes at least that many questions written for
//! that role alone, drawn at random like the rest, and modules without it draw exactly as
//! before. A question shared with another role (for employees and managers, say) is not a
//! role's own.

mod quiz_support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use quiz_support::*;
use trygg_core::content::{Module, Role, RoleDraw};
use trygg_core::quiz::{draw_quiz, plan_is_valid, QuizPlan};

/// Twelve questions for everyone, three for managers, two for elected officials, one for both
/// of them and two for all staff (employees and managers).
fn pool_module(quiz_size: usize, role_draw: RoleDraw) -> Module {
    let mut questions: Vec<_> = (0..12)
        .map(|i| true_false(&format!("all-{i}"), i % 2 == 0))
        .collect();
    for i in 0..3 {
        questions.push(for_roles(
            single(&format!("manager-{i}"), 3, 1),
            &[Role::Manager],
        ));
    }
    for i in 0..2 {
        questions.push(for_roles(
            multiple(&format!("elected-{i}"), 4, &[0, 2]),
            &[Role::Elected],
        ));
    }
    questions.push(for_roles(
        true_false("both", true),
        &[Role::Manager, Role::Elected],
    ));
    for i in 0..2 {
        questions.push(for_roles(
            true_false(&format!("staff-{i}"), i == 0),
            &[Role::Employee, Role::Manager],
        ));
    }
    let mut m = module("m", quiz_size, 1, questions);
    m.role_draw = role_draw;
    m
}

/// The drawn questions whose `roles` name `role` and no other, counted here without the
/// engine's own test for it.
fn own_count(m: &Module, plan: &QuizPlan, role: Role) -> usize {
    plan.items
        .iter()
        .filter(|item| {
            m.questions
                .iter()
                .any(|q| q.id == item.question_id && q.roles == [role])
        })
        .count()
}

fn draw(manager: usize, elected: usize) -> RoleDraw {
    RoleDraw {
        employee: 0,
        manager,
        elected,
    }
}

#[test]
fn every_draw_has_the_roles_own_questions() {
    let m = pool_module(5, draw(2, 2));
    for seed in 0..2000 {
        for role in [Role::Manager, Role::Elected] {
            let plan = draw_quiz(&m, role, seed);
            assert_eq!(plan.items.len(), 5);
            assert!(plan_is_valid(&m, &plan));
            let own = own_count(&m, &plan, role);
            assert!(own >= 2, "seed {seed}, {role:?}: only {own} own questions");
        }
    }
}

#[test]
fn without_role_draw_many_draws_lack_them() {
    // The guarantee is the feature's doing: the same pool without it often draws fewer.
    let m = pool_module(5, RoleDraw::default());
    let short = (0..500)
        .filter(|&seed| own_count(&m, &draw_quiz(&m, Role::Elected, seed), Role::Elected) < 2)
        .count();
    assert!(short > 250, "only {short} of 500 draws were short");
}

#[test]
fn a_draw_that_already_has_enough_is_unchanged() {
    let with = pool_module(5, draw(1, 1));
    let without = pool_module(5, RoleDraw::default());
    let mut unchanged = 0;
    for seed in 0..500 {
        let plan = draw_quiz(&without, Role::Manager, seed);
        if own_count(&without, &plan, Role::Manager) >= 1 {
            assert_eq!(draw_quiz(&with, Role::Manager, seed), plan, "seed {seed}");
            unchanged += 1;
        }
    }
    assert!(unchanged > 100);
    // Employees have no own questions and nothing is asked for them: draws stay the same.
    for seed in 0..100 {
        assert_eq!(
            draw_quiz(&with, Role::Employee, seed),
            draw_quiz(&without, Role::Employee, seed)
        );
    }
}

#[test]
fn a_role_draw_larger_than_the_pool_takes_every_own_question() {
    // Validation rejects this content; the engine still draws sensibly from it.
    let m = pool_module(6, draw(0, 5));
    for seed in 0..200 {
        let plan = draw_quiz(&m, Role::Elected, seed);
        assert_eq!(own_count(&m, &plan, Role::Elected), 2, "seed {seed}");
        assert_eq!(plan.items.len(), 6);
    }
}

#[test]
fn a_role_draw_larger_than_the_quiz_fills_it() {
    let m = pool_module(2, draw(4, 0));
    for seed in 0..200 {
        let plan = draw_quiz(&m, Role::Manager, seed);
        assert_eq!(plan.items.len(), 2);
        assert_eq!(own_count(&m, &plan, Role::Manager), 2, "seed {seed}");
    }
}

#[test]
fn own_questions_vary_and_are_not_always_last() {
    let m = pool_module(5, draw(2, 2));
    let mut picked: BTreeMap<String, usize> = BTreeMap::new();
    let mut positions = [0usize; 5];
    for seed in 0..2000 {
        let plan = draw_quiz(&m, Role::Manager, seed);
        for (k, item) in plan.items.iter().enumerate() {
            if m.questions
                .iter()
                .any(|q| q.id == item.question_id && q.roles == [Role::Manager])
            {
                *picked.entry(item.question_id.clone()).or_default() += 1;
                positions[k] += 1;
            }
        }
    }
    // All three manager questions come up, and at every position of the quiz.
    assert_eq!(
        picked.keys().map(String::as_str).collect::<Vec<_>>(),
        ["manager-0", "manager-1", "manager-2"]
    );
    let total: usize = positions.iter().sum();
    for (k, n) in positions.iter().enumerate() {
        assert!(
            *n * 10 > total,
            "position {k} held {n} of {total} own questions"
        );
    }
}

#[test]
fn a_question_shared_with_another_role_is_not_the_roles_own() {
    let m = pool_module(5, draw(2, 2));
    let shared = m.questions.iter().filter(|q| q.roles.len() > 1);
    for q in shared {
        for role in Role::ALL {
            assert!(!q.is_written_for(role), "{} for {role:?}", q.id);
        }
    }
    assert!(m
        .questions
        .iter()
        .filter(|q| q.id.starts_with("manager-"))
        .all(|q| q.is_written_for(Role::Manager)));
    // A manager quiz whose pool has staff questions still holds two manager-only ones.
    for seed in 0..2000 {
        let plan = draw_quiz(&m, Role::Manager, seed);
        assert!(own_count(&m, &plan, Role::Manager) >= 2, "seed {seed}");
    }
}

fn any_role_module() -> impl Strategy<Value = (Module, Role)> {
    (
        0usize..10,
        0usize..6,
        0usize..6,
        0usize..6,
        1usize..12,
        0usize..5,
        prop::sample::select(Role::ALL.to_vec()),
    )
        .prop_map(
            |(shared, own, with_other, other, quiz_size, wanted, role)| {
                let other_role = if role == Role::Elected {
                    Role::Manager
                } else {
                    Role::Elected
                };
                let mut questions = Vec::new();
                for i in 0..shared {
                    questions.push(true_false(&format!("s{i}"), i % 2 == 0));
                }
                for i in 0..own {
                    questions.push(for_roles(single(&format!("o{i}"), 3, 0), &[role]));
                }
                // Meant for the role and one more: in the role's pool, but not its own.
                for i in 0..with_other {
                    questions.push(for_roles(
                        single(&format!("w{i}"), 3, 0),
                        &[role, other_role],
                    ));
                }
                for i in 0..other {
                    questions.push(for_roles(single(&format!("x{i}"), 3, 0), &[other_role]));
                }
                let mut m = module("m", quiz_size, 1, questions);
                match role {
                    Role::Employee => m.role_draw.employee = wanted,
                    Role::Manager => m.role_draw.manager = wanted,
                    Role::Elected => m.role_draw.elected = wanted,
                }
                (m, role)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Every draw for the role holds as many of its own questions as asked, or as many as
    /// the pool and the quiz size allow, and is otherwise an ordinary draw.
    #[test]
    fn every_draw_for_the_role_has_its_questions((m, role) in any_role_module(), seed in any::<u64>()) {
        let plan = draw_quiz(&m, role, seed);
        let pool = m.questions.iter().filter(|q| q.is_for(role)).count();
        let own_in_pool = m.questions.iter().filter(|q| q.roles == [role]).count();
        let wanted = m.role_draw.get(role);
        prop_assert_eq!(plan.items.len(), m.quiz_size.min(pool));
        prop_assert!(plan_is_valid(&m, &plan));
        let floor = wanted.min(own_in_pool).min(plan.items.len());
        prop_assert!(own_count(&m, &plan, role) >= floor);
        prop_assert_eq!(&plan, &draw_quiz(&m, role, seed));
    }
}
