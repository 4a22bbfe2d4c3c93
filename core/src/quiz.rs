//! The quiz engine: drawing a quiz from a module's question pool, following scenario
//! branches and scoring an attempt.
//!
//! Everything here is pure and deterministic. A quiz is a [`QuizPlan`] drawn from a seed, so
//! an attempt saved in the learner's progress can be resumed or reviewed exactly as it was
//! shown, and the app and the CLI always agree on a score. Answers name indices into the
//! content's own lists, never display positions, so scoring never depends on how the
//! options happened to be shuffled. The scoring rules are summarised in `core/SCORING.md`.

mod plan;
mod rng;
mod scenario;
mod scoring;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use plan::{draw_quiz, plan_is_valid, question_by_id, PlannedQuestion, QuizPlan};
pub use rng::{shuffle, QuizRng};
pub use scenario::{
    answer_complete, scenario_next_step, scenario_walk, ScenarioVisit, ScenarioWalk,
};
pub use scoring::{is_correct, score_answer, score_attempt, AttemptScore, QuestionScore};

/// A learner's answer to one question.
///
/// Every index refers to the content's own lists (options, steps, choices), never to a
/// display position, so a saved answer stays meaningful however the quiz was shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "AnswerFields")]
pub enum Answer {
    /// The chosen option of a `single` question.
    Single { option: usize },
    /// The chosen options of a `multiple` question, in any order; duplicates count once.
    Multiple { options: Vec<usize> },
    /// The learner's verdict on a `true_false` statement.
    TrueFalse { value: bool },
    /// Original step indices in the order the learner put them.
    Ordering { steps: Vec<usize> },
    /// The choices made, one per scenario step visited, in the order they were made.
    Scenario { choices: Vec<ScenarioPick> },
}

/// An [`Answer`] as stored: `{"type": "single", "option": 2}` and so on. Read as one flat
/// record, then checked, because serde's reader for tagged enums first copies every value
/// into a buffer of its own, which costs the app's wasm far more than this does.
#[derive(Deserialize)]
struct AnswerFields {
    #[serde(rename = "type")]
    kind: AnswerKind,
    option: Option<usize>,
    options: Option<Vec<usize>>,
    value: Option<bool>,
    steps: Option<Vec<usize>>,
    choices: Option<Vec<ScenarioPick>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum AnswerKind {
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Scenario,
}

impl TryFrom<AnswerFields> for Answer {
    type Error = String;

    fn try_from(f: AnswerFields) -> Result<Answer, String> {
        let missing = |field: &str| format!("missing field `{field}`");
        Ok(match f.kind {
            AnswerKind::Single => Answer::Single {
                option: f.option.ok_or_else(|| missing("option"))?,
            },
            AnswerKind::Multiple => Answer::Multiple {
                options: f.options.ok_or_else(|| missing("options"))?,
            },
            AnswerKind::TrueFalse => Answer::TrueFalse {
                value: f.value.ok_or_else(|| missing("value"))?,
            },
            AnswerKind::Ordering => Answer::Ordering {
                steps: f.steps.ok_or_else(|| missing("steps"))?,
            },
            AnswerKind::Scenario => Answer::Scenario {
                choices: f.choices.ok_or_else(|| missing("choices"))?,
            },
        })
    }
}

/// One decision in a scenario. The step is named by id so a pick can never be credited to
/// a different step than the one the learner saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioPick {
    /// The id of the step the choice was made at.
    pub step: String,
    /// Index into that step's `choices`.
    pub choice: usize,
}

/// Why an attempt cannot be scored. Returned as a value so the caller decides whether to
/// restart the attempt or report a content error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizError {
    /// The plan names a question that the module no longer has (the content changed after
    /// the attempt was started).
    MissingQuestion(String),
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuizError::MissingQuestion(id) => {
                write!(
                    f,
                    "the quiz refers to question \"{id}\", which the module no longer has"
                )
            }
        }
    }
}

impl std::error::Error for QuizError {}

/// How many questions a quiz for `role` has: the module's `quiz_size`, or fewer when the
/// role's pool is smaller. The quiz intro announces it; [`draw_quiz`] draws exactly that many.
pub fn quiz_length(module: &crate::content::Module, role: crate::content::Role) -> usize {
    module
        .questions
        .iter()
        .filter(|q| q.is_for(role))
        .count()
        .min(module.quiz_size)
}
