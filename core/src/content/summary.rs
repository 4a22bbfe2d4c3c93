//! What a course contains, in numbers: what `trygg content check` prints (or emits as JSON)
//! so a reviewer sees at a glance that a change did what it meant to.

use std::collections::BTreeMap;

use serde::Serialize;

use super::balance::Balance;
use super::course::Course;
use super::coverage::uncovered_points;
use super::cues::CueLexicon;
use super::model::{Module, Role};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContentSummary {
    pub course_id: String,
    pub version: String,
    /// Language codes, the course's own first.
    pub languages: Vec<String>,
    pub modules: Vec<ModuleSummary>,
    pub total_sections: usize,
    pub total_questions: usize,
    /// Every question type, with zero for the ones not used, so a missing type shows.
    pub questions_by_type: BTreeMap<&'static str, usize>,
    pub roles: Vec<RoleSummary>,
    /// Policy points not yet taught (`"lesson"`) or tested (`"question"`); see `coverage`.
    pub uncovered: Vec<UncoveredPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleSummary {
    pub id: String,
    /// The title in the course's first language.
    pub title: String,
    pub sections: usize,
    pub questions: usize,
    /// Whether the quiz measures knowledge rather than test-wiseness; see `content::balance`.
    pub balance: Balance,
    /// The same figures for each role that takes the module but does not get every question
    /// in it, since that role's quizzes are drawn from its own pool.
    pub role_balance: Vec<RoleBalance>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleBalance {
    pub role: &'static str,
    /// How many questions the role's pool holds.
    pub questions: usize,
    pub balance: Balance,
}

impl ModuleSummary {
    /// Every figure outside its aim, for the whole pool and then each role's pool (marked
    /// `(elected)` and so on). A role's warning that says word for word what the whole
    /// pool's does is left out.
    pub fn balance_warnings(&self) -> Vec<String> {
        let whole = self.balance.warnings();
        let mut out = whole.clone();
        for pool in &self.role_balance {
            out.extend(
                pool.balance
                    .warnings()
                    .into_iter()
                    .filter(|w| !whole.contains(w))
                    .map(|w| format!("({}) {w}", pool.role)),
            );
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleSummary {
    pub role: &'static str,
    pub required: usize,
    pub optional: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UncoveredPoint {
    pub point: String,
    pub missing_in: &'static str,
}

/// `module` as filled in each language's course, in the order given.
fn versions<'c>(courses: &'c [Course], module: &Module) -> Vec<&'c Module> {
    courses
        .iter()
        .filter_map(|c| c.module(&module.id))
        .collect()
}

/// The pools of the roles that take the module (given in each language, as
/// [`Balance::of`] takes it) and get only part of it.
fn role_balance(course: &Course, versions: &[&Module], lexicon: &CueLexicon) -> Vec<RoleBalance> {
    let Some(module) = versions.first() else {
        return Vec::new();
    };
    Role::ALL
        .iter()
        .filter(|&&role| {
            let takes = |list: Vec<&Module>| list.iter().any(|m| m.id == module.id);
            takes(course.required_modules(role)) || takes(course.optional_modules(role))
        })
        .filter_map(|&role| {
            let questions = module.questions.iter().filter(|q| q.is_for(role)).count();
            (questions < module.questions.len()).then(|| RoleBalance {
                role: role.key(),
                questions,
                balance: Balance::of_role(versions, role, lexicon),
            })
        })
        .collect()
}

/// The type names in the order they are shown.
pub const QUESTION_TYPES: [&str; 5] = ["single", "multiple", "true_false", "ordering", "scenario"];

impl ContentSummary {
    /// The figures of a course filled in each of its languages, its first language first
    /// (see [`crate::content::load_course_in`]), with each language's cue words from `lexicon`.
    pub fn of(courses: &[Course], lexicon: &CueLexicon) -> ContentSummary {
        let Some(course) = courses.first() else {
            return ContentSummary::default();
        };
        let mut questions_by_type: BTreeMap<&'static str, usize> =
            QUESTION_TYPES.iter().map(|t| (*t, 0)).collect();
        for question in course.modules.iter().flat_map(|m| &m.questions) {
            *questions_by_type
                .entry(question.kind.type_name())
                .or_default() += 1;
        }
        ContentSummary {
            course_id: course.organisation.course_id.clone(),
            version: course.version.clone(),
            languages: courses
                .iter()
                .filter_map(|c| c.lang.map(|l| l.code().to_owned()))
                .collect(),
            modules: course
                .modules
                .iter()
                .map(|m| {
                    let versions = versions(courses, m);
                    ModuleSummary {
                        id: m.id.clone(),
                        title: m.title.value.clone(),
                        sections: m.sections.len(),
                        questions: m.questions.len(),
                        balance: Balance::of(&versions, lexicon),
                        role_balance: role_balance(course, &versions, lexicon),
                    }
                })
                .collect(),
            total_sections: course.modules.iter().map(|m| m.sections.len()).sum(),
            total_questions: course.modules.iter().map(|m| m.questions.len()).sum(),
            questions_by_type,
            roles: Role::ALL
                .iter()
                .map(|&role| RoleSummary {
                    role: role.key(),
                    required: course.required_modules(role).len(),
                    optional: course.optional_modules(role).len(),
                })
                .collect(),
            uncovered: uncovered_points(course)
                .into_iter()
                .map(|(point, missing_in)| UncoveredPoint { point, missing_in })
                .collect(),
        }
    }
}
