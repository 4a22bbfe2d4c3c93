//! Elected officials in the shipped course: the section on hatred and threats against elected
//! representatives lives in the violence module, so that module is required for them, in a
//! short form without the sections about care and employment, and with pools large enough
//! that a retried quiz is not the same quiz.

mod content_support;

use trygg_core::content::{Course, QuestionKind, Role};

/// The shipped course in Swedish, the language the words below are checked in.
fn course() -> Course {
    content_support::shipped_course_in(Some(content_support::lang("sv")))
}

#[test]
fn elected_officials_must_read_the_section_on_hatred_and_threats() {
    let course = course();
    let required: Vec<&str> = course
        .required_modules(Role::Elected)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert!(
        required.contains(&"violence"),
        "required for elected: {required:?}"
    );
    let violence = course.module("violence").expect("violence module");
    let own = violence
        .sections
        .iter()
        .find(|s| s.id == "elected")
        .expect("the section for elected officials");
    assert_eq!(own.roles, vec![Role::Elected]);
}

#[test]
fn elected_officials_read_violence_without_the_care_and_staff_sections() {
    let course = course();
    let violence = course.module("violence").expect("violence module");
    let read: Vec<&str> = violence
        .sections
        .iter()
        .filter(|s| s.is_for(Role::Elected))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        read,
        [
            "during",
            "lethal-violence",
            "lockdown",
            "bomb-threats",
            "elected"
        ]
    );
    // Staff read every section but the ones written for other roles.
    let staff = violence
        .sections
        .iter()
        .filter(|s| s.is_for(Role::Employee))
        .count();
    assert_eq!(staff, violence.sections.len() - 2);
}

#[test]
fn elected_officials_get_no_care_questions_in_the_violence_quiz() {
    let course = course();
    let violence = course.module("violence").expect("violence module");
    for q in violence
        .questions
        .iter()
        .filter(|q| q.is_for(Role::Elected))
    {
        let mut text = q.prompt.value.to_lowercase();
        if let QuestionKind::Scenario { steps } = &q.kind {
            for step in steps {
                text.push(' ');
                text.push_str(&step.text.value.to_lowercase());
            }
        }
        for word in ["patient", "avdelning", "vården", "din chef", "omvårdnad"] {
            assert!(!text.contains(word), "{}: mentions \"{word}\"", q.id);
        }
    }
}

/// A failed quiz is retried with a fresh draw; with at least twice `quiz_size` questions per
/// role the second attempt is not the first one reshuffled.
#[test]
fn every_role_has_a_pool_twice_the_quiz_in_report_violence_and_preparedness() {
    let course = course();
    for id in ["report", "violence", "preparedness"] {
        let module = course.module(id).expect("module");
        for role in [Role::Employee, Role::Manager, Role::Elected] {
            let pool = module.questions.iter().filter(|q| q.is_for(role)).count();
            assert!(
                pool >= 2 * module.quiz_size,
                "{id}: {pool} questions for {role:?}, quiz size {}",
                module.quiz_size
            );
        }
    }
}
