//! The shipped course's role guarantee: in every module, each role that has questions written
//! for it alone asks for them with `role_draw`, and every quiz drawn for that role holds them.
//! (The engine's own property test, `quiz_properties`, covers any module; this one covers the
//! modules the course ships, every role that takes them, over many draws.)

mod content_support;

use content_support::shipped_course as course;
use trygg_core::content::{Course, Role};
use trygg_core::quiz::draw_quiz;

fn takes(course: &Course, role: Role, id: &str) -> bool {
    course
        .required_modules(role)
        .iter()
        .chain(course.optional_modules(role).iter())
        .any(|m| m.id == id)
}

#[test]
fn every_role_with_questions_of_its_own_gets_them_in_every_quiz() {
    let course = course();
    for module in &course.modules {
        for role in Role::ALL
            .into_iter()
            .filter(|&r| takes(&course, r, &module.id))
        {
            let own: Vec<&str> = module
                .questions
                .iter()
                .filter(|q| q.roles == [role])
                .map(|q| q.id.as_str())
                .collect();
            if own.is_empty() {
                continue;
            }
            let wanted = module.role_draw.get(role);
            assert!(
                wanted >= 1,
                "{}: {} questions are written for {role:?} alone but role_draw asks for none",
                module.id,
                own.len()
            );
            for seed in 0..3000 {
                let plan = draw_quiz(module, role, seed);
                let drawn = plan
                    .items
                    .iter()
                    .filter(|i| own.contains(&i.question_id.as_str()))
                    .count();
                assert!(
                    drawn >= wanted.min(own.len()),
                    "{} as {role:?}, seed {seed}: {drawn} of its own questions",
                    module.id
                );
            }
        }
    }
}

#[test]
fn managers_and_elected_officials_have_their_own_questions_in_every_module_they_take() {
    let course = course();
    for role in [Role::Manager, Role::Elected] {
        for module in &course.modules {
            if !takes(&course, role, &module.id) {
                continue;
            }
            let own = module
                .questions
                .iter()
                .filter(|q| q.roles == [role])
                .count();
            assert!(
                own >= 2 && module.role_draw.get(role) >= 2,
                "{} as {role:?}: {own} own questions, role_draw {}",
                module.id,
                module.role_draw.get(role)
            );
        }
    }
}
