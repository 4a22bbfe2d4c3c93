//! Small builders for modules and questions, shared by the quiz and progress tests. Built
//! in Rust rather than parsed from JSON so these tests depend only on the content types.
#![allow(dead_code)]

use trygg_core::content::{
    AnswerOption, Lang, Module, OrderingStep, Question, QuestionKind, Role, ScenarioChoice,
    ScenarioStep, Section, Source, Text,
};
use trygg_core::quiz::{scenario_next_step, Answer, ScenarioPick};

/// A text in the one language these modules are filled in.
pub fn text(s: &str) -> Text {
    Text::new(s)
}

/// The id of the `i`-th option, step or choice: `a`, `b`, `c` …
pub fn letter(i: usize) -> String {
    char::from(b'a' + i as u8).to_string()
}

fn source() -> Source {
    Source {
        seed: "seed.txt".into(),
        section: "Section".into(),
        points: Vec::new(),
    }
}

pub fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        roles: Vec::new(),
        source: source(),
        prompt: text(id),
        explanation: text("because"),
        kind,
    }
}

pub fn for_roles(mut q: Question, roles: &[Role]) -> Question {
    q.roles = roles.to_vec();
    q
}

fn options(n: usize, correct: &[usize]) -> Vec<AnswerOption> {
    (0..n)
        .map(|i| AnswerOption {
            id: letter(i),
            text: text(&format!("option {i}")),
            correct: correct.contains(&i),
        })
        .collect()
}

pub fn single(id: &str, n: usize, correct: usize) -> Question {
    question(
        id,
        QuestionKind::Single {
            options: options(n, &[correct]),
        },
    )
}

pub fn multiple(id: &str, n: usize, correct: &[usize]) -> Question {
    question(
        id,
        QuestionKind::Multiple {
            options: options(n, correct),
        },
    )
}

pub fn true_false(id: &str, answer: bool) -> Question {
    question(id, QuestionKind::TrueFalse { answer })
}

pub fn ordering(id: &str, n: usize) -> Question {
    let steps = (0..n)
        .map(|i| OrderingStep {
            id: letter(i),
            text: text(&format!("step {i}")),
        })
        .collect();
    question(id, QuestionKind::Ordering { steps })
}

pub fn scenario(id: &str, steps: Vec<ScenarioStep>) -> Question {
    question(id, QuestionKind::Scenario { steps })
}

/// A scenario step; its choices get the ids `a`, `b` … in order.
pub fn step(id: &str, choices: Vec<ScenarioChoice>) -> ScenarioStep {
    let choices = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| ScenarioChoice { id: letter(i), ..c })
        .collect();
    ScenarioStep {
        id: id.into(),
        text: text(id),
        choices,
    }
}

/// A choice, given its id by [`step`].
pub fn choice(correct: bool, next: Option<&str>) -> ScenarioChoice {
    ScenarioChoice {
        id: String::new(),
        text: text(if correct { "wise" } else { "unwise" }),
        feedback: text("feedback"),
        correct,
        next: next.map(str::to_string),
    }
}

pub fn section(id: &str) -> Section {
    Section {
        id: id.into(),
        title: text(id),
        roles: Vec::new(),
        source: source(),
        blocks: Vec::new(),
    }
}

pub fn module(id: &str, quiz_size: usize, sections: usize, questions: Vec<Question>) -> Module {
    Module {
        schema: None,
        id: id.into(),
        title: text(id),
        summary: text("summary"),
        minutes: 10,
        quiz_size,
        role_draw: Default::default(),
        sections: (0..sections).map(|i| section(&format!("s{i}"))).collect(),
        questions,
        // Filled in: every text above is in this one language.
        texts: Lang::parse("en"),
    }
}

/// One of each kind, including a branching scenario: a → (wise) c, (unwise) b → c.
pub fn mixed_module(id: &str, quiz_size: usize) -> Module {
    module(
        id,
        quiz_size,
        3,
        vec![
            single("q-single", 4, 2),
            multiple("q-multiple", 5, &[0, 3]),
            true_false("q-tf", false),
            ordering("q-order", 4),
            branching_scenario("q-scenario"),
        ],
    )
}

/// Step a: choice 0 is wise and skips to c, choice 1 is unwise and goes on to b.
/// Step b: choice 0 unwise, choice 1 wise; both continue to c. Step c: choice 0 wise.
pub fn branching_scenario(id: &str) -> Question {
    scenario(
        id,
        vec![
            step("a", vec![choice(true, Some("c")), choice(false, None)]),
            step("b", vec![choice(false, None), choice(true, None)]),
            step("c", vec![choice(true, None), choice(false, None)]),
        ],
    )
}

pub fn pick(step: &str, choice: usize) -> ScenarioPick {
    ScenarioPick {
        step: step.into(),
        choice,
    }
}

/// The answer that scores full marks (for a scenario: the first wise choice at each step,
/// which must lead to an end).
pub fn perfect_answer(q: &Question) -> Answer {
    match &q.kind {
        QuestionKind::Single { options } => Answer::Single {
            option: options.iter().position(|o| o.correct).unwrap(),
        },
        QuestionKind::Multiple { options } => Answer::Multiple {
            options: (0..options.len()).filter(|&i| options[i].correct).collect(),
        },
        QuestionKind::TrueFalse { answer } => Answer::TrueFalse { value: *answer },
        QuestionKind::Ordering { steps } => Answer::Ordering {
            steps: (0..steps.len()).collect(),
        },
        QuestionKind::Scenario { steps } => {
            let mut picks = Vec::new();
            while let Some(step) = scenario_next_step(q, &picks) {
                let choice = step.choices.iter().position(|c| c.correct).unwrap();
                picks.push(pick(&step.id, choice));
                assert!(picks.len() <= steps.len() * 4, "scenario does not end");
            }
            Answer::Scenario { choices: picks }
        }
    }
}

/// Gives the running attempt at `m` the right answer to every question, at `now_ms`.
pub fn answer_all_right(p: &mut trygg_core::progress::Progress, m: &Module, now_ms: u64) {
    let plan = p.attempt(&m.id).expect("a running attempt").plan.clone();
    for (i, item) in plan.items.iter().enumerate() {
        let q = m
            .questions
            .iter()
            .find(|q| q.id == item.question_id)
            .expect("planned question");
        p.record_answer(&m.id, i, perfect_answer(q), now_ms)
            .expect("answer");
    }
}
