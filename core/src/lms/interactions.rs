//! Each answered question as an interaction (`cmi.interactions.n`): which question, of what
//! type, what the learner answered, what was right, and whether they got it, so the LMS's
//! question reports (Moodle's "Interactions report") show which questions people miss.
//!
//! Options, steps and choices are named by their ids in the module's structure file (`a`, `b` …
//! in the shipped course), whatever order the learner saw them in: what a security officer
//! looks up, and stable when an author adds an option. SCORM 1.2 wants one letter or digit per
//! option in a `choice` or `sequencing` answer, which one-character ids give.

use super::duration::{timespan, timestamp};
use super::ScormVersion;
use crate::content::{plain_words, Module, Question, QuestionKind};
use crate::progress::{Attempt, Progress};
use crate::quiz::{is_correct, question_by_id, scenario_walk, Answer, ScenarioPick};

/// SCORM 1.2's limit for an answer or a correct pattern (`CMIFeedback`, 255 characters).
const SCORM12_RESPONSE_LIMIT: usize = 255;
/// SCORM 2004's limit for the parts of a `choice` or `sequencing` answer (36) and the steps
/// of a `performance` answer (125 are guaranteed).
const SCORM2004_LIST_LIMIT: usize = 36;
const SCORM2004_STEP_LIMIT: usize = 125;
/// SCORM 2004's limit for an interaction's description (250 characters are guaranteed).
const SCORM2004_DESCRIPTION_LIMIT: usize = 250;
/// How many interactions SCORM 2004 guarantees an LMS keeps.
pub const SCORM2004_INTERACTION_LIMIT: usize = 250;

/// One answered question, ready to be written in either version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interaction {
    /// `module.question`: unique in the course, and what a report shows.
    pub id: String,
    /// The module's objective (its id), which the interaction counts towards.
    pub module_id: String,
    pub kind: Kind,
    pub response: Response,
    pub correct_response: Response,
    pub correct: bool,
    /// When the answer was given (unix ms).
    pub answered_ms: u64,
    /// How long the learner took, from the question appearing to the answer.
    pub latency_ms: Option<u64>,
    /// The question as the learner read it, in plain words (SCORM 2004's `description`), so
    /// the LMS's report shows the question beside its id; `None` when its texts are not here.
    pub description: Option<String>,
}

/// The SCORM interaction type of each question kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `true_false`.
    TrueFalse,
    /// `single` and `multiple`.
    Choice,
    /// `ordering`.
    Sequencing,
    /// `scenario`: a route of steps, each answered with one choice.
    Performance,
}

impl Kind {
    /// The value of `cmi.interactions.n.type`, the same in both versions.
    pub fn scorm_type(self) -> &'static str {
        match self {
            Kind::TrueFalse => "true-false",
            Kind::Choice => "choice",
            Kind::Sequencing => "sequencing",
            Kind::Performance => "performance",
        }
    }
}

/// An answer (the learner's or the right one) in the content's terms: its ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    TrueFalse(bool),
    /// The chosen options' ids, in content order.
    Choice(Vec<String>),
    /// The steps' ids in the order given.
    Sequence(Vec<String>),
    /// Each step's id with the id of the choice made there.
    Steps(Vec<(String, String)>),
}

/// The interaction for the answer to question `index` of `attempt`, if that answer is whole
/// (a scenario only once its last step is answered) and the question is in `module`.
pub fn interaction(
    module: &Module,
    attempt: &Attempt,
    index: usize,
    answered_ms: u64,
    latency_ms: Option<u64>,
) -> Option<Interaction> {
    let item = attempt.plan.items.get(index)?;
    let answer = attempt.answers.get(index)?.as_ref()?;
    let question = question_by_id(module, &item.question_id)?;
    let (kind, response) = learner_response(question, answer)?;
    Some(Interaction {
        id: format!("{}.{}", module.id, question.id),
        module_id: module.id.clone(),
        kind,
        response,
        correct_response: correct_response(question),
        correct: is_correct(question, answer),
        answered_ms,
        latency_ms,
        description: Some(plain_words(&question.prompt.value))
            .map(|d| {
                d.trim()
                    .chars()
                    .take(SCORM2004_DESCRIPTION_LIMIT)
                    .collect::<String>()
            })
            .filter(|d| !d.is_empty()),
    })
}

/// The learner's answer as a response, `None` for an unfinished scenario or an answer of
/// another kind than the question.
fn learner_response(q: &Question, answer: &Answer) -> Option<(Kind, Response)> {
    Some(match (&q.kind, answer) {
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse { value }) => {
            (Kind::TrueFalse, Response::TrueFalse(*value))
        }
        (QuestionKind::Single { options }, Answer::Single { option }) => (
            Kind::Choice,
            Response::Choice(vec![options.get(*option)?.id.clone()]),
        ),
        (QuestionKind::Multiple { options }, Answer::Multiple { options: chosen }) => {
            // The set in content order (an option chosen twice counts once); one the
            // question does not have is no answer it can report.
            if chosen.iter().any(|&c| c >= options.len()) {
                return None;
            }
            let set = options
                .iter()
                .enumerate()
                .filter(|(i, _)| chosen.contains(i))
                .map(|(_, o)| o.id.clone())
                .collect();
            (Kind::Choice, Response::Choice(set))
        }
        (QuestionKind::Ordering { steps: all }, Answer::Ordering { steps }) => {
            let order: Option<Vec<String>> = steps
                .iter()
                .map(|&i| Some(all.get(i)?.id.clone()))
                .collect();
            (Kind::Sequencing, Response::Sequence(order?))
        }
        (QuestionKind::Scenario { .. }, Answer::Scenario { choices }) => {
            let walk = scenario_walk(q, choices);
            if walk.next.is_some() {
                return None;
            }
            let steps: Option<Vec<(String, String)>> = walk
                .visited
                .iter()
                .map(|v| Some((v.step.id.clone(), v.step.choices.get(v.choice)?.id.clone())))
                .collect();
            let steps = steps?;
            (Kind::Performance, Response::Steps(steps))
        }
        _ => return None,
    })
}

/// The right answer: the correct options, the steps in content order, or the route a
/// scenario takes when every step gets its first wise choice.
fn correct_response(q: &Question) -> Response {
    match &q.kind {
        QuestionKind::TrueFalse { answer } => Response::TrueFalse(*answer),
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => Response::Choice(
            options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.clone())
                .collect(),
        ),
        QuestionKind::Ordering { steps } => {
            Response::Sequence(steps.iter().map(|s| s.id.clone()).collect())
        }
        QuestionKind::Scenario { steps } => {
            let mut picks: Vec<ScenarioPick> = Vec::new();
            let mut route = Vec::new();
            // A route longer than the steps loops, which validation forbids; stop there.
            while picks.len() < steps.len() {
                let walk = scenario_walk(q, &picks);
                let Some(step) = walk.next else { break };
                let choice = step.choices.iter().position(|c| c.correct).unwrap_or(0);
                let Some(chosen) = step.choices.get(choice) else {
                    break;
                };
                route.push((step.id.clone(), chosen.id.clone()));
                picks.push(ScenarioPick {
                    step: step.id.clone(),
                    choice,
                });
            }
            Response::Steps(route)
        }
    }
}

impl Response {
    /// As `version` writes it in `learner_response`/`student_response` or a correct pattern;
    /// `None` when it does not fit the version's format or limits (then the field is left out
    /// and the interaction still says which question and whether it was right).
    pub fn format(&self, version: ScormVersion) -> Option<String> {
        let twelve = version == ScormVersion::Scorm12;
        let (list, record) = if twelve { (",", ".") } else { ("[,]", "[.]") };
        let ids = |ids: &[String]| -> Option<String> {
            (twelve || ids.len() <= SCORM2004_LIST_LIMIT).then(|| ids.join(list))
        };
        let text = match self {
            Response::TrueFalse(value) => match (twelve, value) {
                (true, true) => "t".to_string(),
                (true, false) => "f".to_string(),
                (false, value) => value.to_string(),
            },
            Response::Choice(options) => ids(options)?,
            Response::Sequence(steps) => ids(steps)?,
            Response::Steps(steps) => {
                if !twelve && steps.len() > SCORM2004_STEP_LIMIT {
                    return None;
                }
                let records: Vec<String> = steps
                    .iter()
                    .map(|(step, choice)| format!("{step}{record}{choice}"))
                    .collect();
                records.join(list)
            }
        };
        if twelve && text.chars().count() > SCORM12_RESPONSE_LIMIT {
            return None;
        }
        Some(text)
    }

    /// As a correct-response pattern: a 2004 scenario's route says its order matters.
    fn pattern(&self, version: ScormVersion) -> Option<String> {
        let text = self.format(version)?;
        Some(match (self, version) {
            (Response::Steps(_), ScormVersion::Scorm2004) => {
                format!("{{order_matters=true}}{text}")
            }
            _ => text,
        })
    }
}

impl Interaction {
    /// The interaction's fields for `version` at position `index`, in the order an LMS takes
    /// them (the id first, the type before any answer). 1.2's result is `correct`/`wrong`,
    /// 2004's `correct`/`incorrect`; 2004 gets the moment of the answer, both the latency.
    pub fn values(&self, version: ScormVersion, index: usize) -> Vec<(String, String)> {
        let e = version.elements();
        let field = |name: &str| e.interaction(index, name);
        let mut out = vec![
            (field("id"), self.id.clone()),
            (field("type"), self.kind.scorm_type().to_string()),
            (field("objectives.0.id"), self.module_id.clone()),
        ];
        if let Some(name) = e.interaction_timestamp {
            out.push((field(name), timestamp(self.answered_ms)));
        }
        if let (ScormVersion::Scorm2004, Some(description)) = (version, &self.description) {
            out.push((field("description"), description.clone()));
        }
        if let Some(pattern) = self.correct_response.pattern(version) {
            out.push((field("correct_responses.0.pattern"), pattern));
        }
        if let Some(response) = self.response.format(version) {
            out.push((field(e.learner_response), response));
        }
        let result = match (self.correct, version) {
            (true, _) => "correct",
            (false, ScormVersion::Scorm12) => "wrong",
            (false, ScormVersion::Scorm2004) => "incorrect",
        };
        out.push((field("result"), result.to_string()));
        if let Some(latency) = self.latency_ms {
            out.push((field("latency"), timespan(version, latency)));
        }
        out
    }
}

/// The answers that became whole between `before` and `after` (the same learner a moment
/// apart), as interactions, in course order. An answer counts when its attempt is the same one
/// (same draw, same start) and it was missing or unfinished before; a new attempt's answers
/// all count. `presented_ms` says when each module's current question appeared, for the
/// latency; `now_ms` is the moment of the answer.
pub fn new_interactions(
    before: &Progress,
    after: &Progress,
    modules: &[Module],
    presented_ms: &dyn Fn(&str) -> Option<u64>,
    now_ms: u64,
) -> Vec<Interaction> {
    let mut out = Vec::new();
    for module in modules {
        let Some(attempt) = after.attempt(&module.id) else {
            continue;
        };
        let earlier = before
            .attempt(&module.id)
            .filter(|a| a.plan.seed == attempt.plan.seed && a.started_ms == attempt.started_ms);
        for index in 0..attempt.answers.len() {
            let was_whole = earlier.is_some_and(|a| {
                interaction(module, a, index, 0, None).is_some()
                    && a.answers.get(index) == attempt.answers.get(index)
            });
            if was_whole {
                continue;
            }
            let latency = presented_ms(&module.id).map(|shown| now_ms.saturating_sub(shown));
            if let Some(i) = interaction(module, attempt, index, now_ms, latency) {
                out.push(i);
            }
        }
    }
    out
}
