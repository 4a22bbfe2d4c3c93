//! Following a branching scenario. The route depends on the learner's own choices, so the
//! app (to show the next step) and the scorer (to know which steps were visited) must walk
//! it the same way: both use [`scenario_walk`].

use super::{Answer, ScenarioPick};
use crate::content::{Question, QuestionKind, ScenarioStep};

/// The route a learner's picks take through a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioWalk<'q> {
    /// Each step where a pick was taken, in order. A step can appear more than once if the
    /// content loops back.
    pub visited: Vec<ScenarioVisit<'q>>,
    /// The step waiting for a choice, or `None` when the scenario is over.
    pub next: Option<&'q ScenarioStep>,
}

/// One decision on the route, with enough to show its feedback in a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioVisit<'q> {
    pub step_index: usize,
    pub step: &'q ScenarioStep,
    pub choice: usize,
    pub correct: bool,
}

/// Walks a scenario from its first step, taking the learner's picks in order.
///
/// After a pick the walk goes to the choice's `next` step if it has one, else to the
/// following step in the list; past the last step (or at a `next` naming no step) the
/// scenario is over. A pick that does not belong to the step being shown (another step's
/// id, or a choice index that step does not have) is stale and skipped, so appending a new
/// pick to a damaged list still works. Picks left over after the end are ignored. A
/// question that is not a scenario has no steps: the walk is empty and already over.
pub fn scenario_walk<'q>(q: &'q Question, picks: &[ScenarioPick]) -> ScenarioWalk<'q> {
    let QuestionKind::Scenario { steps } = &q.kind else {
        return ScenarioWalk {
            visited: Vec::new(),
            next: None,
        };
    };
    let mut visited = Vec::new();
    let mut current = if steps.is_empty() { None } else { Some(0) };
    for pick in picks {
        let Some(index) = current else { break };
        let Some(step) = steps.get(index) else { break };
        if pick.step != step.id {
            continue;
        }
        let Some(choice) = step.choices.get(pick.choice) else {
            continue;
        };
        visited.push(ScenarioVisit {
            step_index: index,
            step,
            choice: pick.choice,
            correct: choice.correct,
        });
        current = match &choice.next {
            Some(id) => steps.iter().position(|s| s.id == *id),
            None => Some(index + 1).filter(|&i| i < steps.len()),
        };
    }
    ScenarioWalk {
        visited,
        next: current.and_then(|i| steps.get(i)),
    }
}

/// The step the learner should see next, or `None` when the scenario is finished.
pub fn scenario_next_step<'q>(q: &'q Question, picks: &[ScenarioPick]) -> Option<&'q ScenarioStep> {
    scenario_walk(q, picks).next
}

/// Whether `answer` completes question `q`, so its feedback and the way on are shown: any
/// answer does, except a scenario's, which is complete once its walk is over (each earlier
/// pick only shows that step's feedback and the next step).
pub fn answer_complete(q: &Question, answer: Option<&Answer>) -> bool {
    match (&q.kind, answer) {
        (QuestionKind::Scenario { .. }, Some(Answer::Scenario { choices })) => {
            scenario_walk(q, choices).next.is_none()
        }
        (_, answer) => answer.is_some(),
    }
}
