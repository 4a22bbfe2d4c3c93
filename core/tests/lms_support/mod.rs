//! The shipped course and learners going through it, for the LMS tests: progress as the app
//! would have written it after real draws and answers.

#![allow(dead_code)]

#[path = "../content_support/mod.rs"]
mod content_support;

use trygg_core::content::{Course, Module, QuestionKind, Role};
use trygg_core::progress::{Learner, Progress};
use trygg_core::quiz::{
    draw_quiz, question_by_id, scenario_next_step, score_attempt, shuffle, Answer, QuizRng,
    ScenarioPick,
};

pub const DAY_MS: u64 = 86_400_000;
pub const START_MS: u64 = 1_790_000_000_000;

/// The course in `<workspace>/content`, in its first language.
pub fn real_course() -> Course {
    content_support::shipped_course()
}

/// The role with the most required modules (the longest path).
pub fn longest_role(course: &Course) -> Role {
    Role::ALL
        .into_iter()
        .max_by_key(|&r| course.required_modules(r).len())
        .expect("three roles")
}

/// A plausible answer to the question, drawn from `rng`: any option, any subset, any order,
/// and a scenario walked to its end.
pub fn some_answer(module: &Module, question_id: &str, rng: &mut QuizRng) -> Answer {
    let q = question_by_id(module, question_id).expect("planned question exists");
    match &q.kind {
        QuestionKind::Single { options } => Answer::Single {
            option: rng.below(options.len()),
        },
        QuestionKind::Multiple { options } => Answer::Multiple {
            options: (0..options.len()).filter(|_| rng.below(2) == 1).collect(),
        },
        QuestionKind::TrueFalse { .. } => Answer::TrueFalse {
            value: rng.below(2) == 1,
        },
        QuestionKind::Ordering { steps } => {
            let mut order: Vec<usize> = (0..steps.len()).collect();
            shuffle(rng, &mut order);
            Answer::Ordering { steps: order }
        }
        QuestionKind::Scenario { .. } => {
            let mut picks: Vec<ScenarioPick> = Vec::new();
            while let Some(step) = scenario_next_step(q, &picks) {
                picks.push(ScenarioPick {
                    step: step.id.clone(),
                    choice: rng.below(step.choices.len()),
                });
                if picks.len() > 20 {
                    break;
                }
            }
            Answer::Scenario { choices: picks }
        }
    }
}

/// The right answer to the question (for a scenario: every wise choice).
pub fn right_answer(module: &Module, question_id: &str) -> Answer {
    let q = question_by_id(module, question_id).expect("planned question exists");
    match &q.kind {
        QuestionKind::Single { options } => Answer::Single {
            option: options.iter().position(|o| o.correct).unwrap_or(0),
        },
        QuestionKind::Multiple { options } => Answer::Multiple {
            options: (0..options.len()).filter(|&i| options[i].correct).collect(),
        },
        QuestionKind::TrueFalse { answer } => Answer::TrueFalse { value: *answer },
        QuestionKind::Ordering { steps } => Answer::Ordering {
            steps: (0..steps.len()).collect(),
        },
        QuestionKind::Scenario { .. } => {
            let mut picks: Vec<ScenarioPick> = Vec::new();
            while let Some(step) = scenario_next_step(q, &picks) {
                picks.push(ScenarioPick {
                    step: step.id.clone(),
                    choice: step.choices.iter().position(|c| c.correct).unwrap_or(0),
                });
                if picks.len() > 20 {
                    break;
                }
            }
            Answer::Scenario { choices: picks }
        }
    }
}

/// A learner with typed details of a realistic length, Swedish letters included.
pub fn learner() -> Learner {
    Learner {
        full_name: "Åsa-Märta Lindqvist Öberg".into(),
        employee_number: "HR-0042917".into(),
        unit: "Vårdcentralen Österväg, Hälso- och sjukvårdsförvaltningen".into(),
        email: "asa-marta.lindqvist.oberg@exempelregionen.se".into(),
    }
}

pub fn fresh(course: &Course, role: Role) -> Progress {
    let mut p = Progress::new(&course.organisation.course_id);
    p.set_role(role, START_MS);
    p
}

/// Reads every lesson of the module, then takes one quiz: every question answered by
/// `answer`, finished and scored. Returns whether it passed.
pub fn take_quiz(
    p: &mut Progress,
    course: &Course,
    module: &Module,
    role: Role,
    seed: u64,
    now: u64,
    mut answer: impl FnMut(&Module, &str) -> Answer,
) -> bool {
    p.record_lesson_step(&module.id, module.sections.len(), now);
    p.finish_lessons(&module.id, now);
    let plan = draw_quiz(module, role, seed);
    let ids: Vec<String> = plan.items.iter().map(|i| i.question_id.clone()).collect();
    p.start_attempt(&module.id, plan, now);
    for (i, id) in ids.iter().enumerate() {
        p.record_answer(&module.id, i, answer(module, id), now + 1000)
            .expect("answer");
        p.advance(&module.id, now + 1000).expect("advance");
    }
    let attempt = p.attempt(&module.id).expect("attempt").clone();
    let score = score_attempt(
        module,
        &attempt.plan,
        &attempt.answers,
        course.organisation.pass_mark,
    )
    .expect("scores");
    p.finish_attempt(&module.id, &score, now + 2000)
        .expect("finish");
    score.passed
}

/// Starts a quiz and answers its first `answered` questions with `rng`'s picks.
pub fn half_quiz(
    p: &mut Progress,
    module: &Module,
    role: Role,
    seed: u64,
    answered: usize,
    now: u64,
    rng: &mut QuizRng,
) {
    p.finish_lessons(&module.id, now);
    let plan = draw_quiz(module, role, seed);
    let ids: Vec<String> = plan.items.iter().map(|i| i.question_id.clone()).collect();
    p.start_attempt(&module.id, plan, now);
    for (i, id) in ids.iter().take(answered).enumerate() {
        p.record_answer(&module.id, i, some_answer(module, id, rng), now)
            .expect("answer");
        p.advance(&module.id, now).expect("advance");
    }
}

/// The heaviest realistic learner on the role's path: every required module but one
/// passed, each keeping its finished attempt for review, and the last one's quiz half done;
/// details typed in full.
pub fn mid_course(course: &Course, role: Role, seed: u64) -> Progress {
    let mut rng = QuizRng::new(seed);
    let mut p = fresh(course, role);
    p.set_learner(learner(), START_MS);
    let required = course.required_modules(role);
    let (last, passed) = required.split_last().expect("required modules");
    for (i, module) in passed.iter().enumerate() {
        let now = START_MS + (i as u64) * DAY_MS;
        // A failed first try now and then, as real learners have.
        if rng.below(3) == 0 {
            let mut guesses = QuizRng::new(rng.next_u64());
            let seed = rng.next_u64();
            take_quiz(&mut p, course, module, role, seed, now, |m, id| {
                some_answer(m, id, &mut guesses)
            });
        }
        let seed = rng.next_u64();
        let passed = take_quiz(
            &mut p,
            course,
            module,
            role,
            seed,
            now + 60_000,
            right_answer,
        );
        assert!(passed, "right answers pass");
    }
    let quiz_size = draw_quiz(last, role, 0).items.len();
    let now = START_MS + 10 * DAY_MS;
    half_quiz(
        &mut p,
        last,
        role,
        rng.next_u64(),
        quiz_size / 2,
        now,
        &mut rng,
    );
    p
}

/// An LMS for the tests: keeps values, counts commits, logs every call, and refuses what it is
/// told to (a `SetValue` of an element starting with `refuse_set`, or every `Commit`).
#[derive(Debug, Default)]
pub struct FakeLms {
    pub values: std::collections::BTreeMap<String, String>,
    /// `set element=value`, `commit`, `terminate`, in order.
    pub log: Vec<String>,
    pub commits: usize,
    /// The values as of the last commit: what the LMS would keep if the page died now.
    pub committed: std::collections::BTreeMap<String, String>,
    pub terminated: bool,
    pub refuse_set: Option<String>,
    pub refuse_commit: bool,
}

impl FakeLms {
    /// An LMS with these values already there (a learner, saved progress …).
    pub fn with(values: &[(&str, &str)]) -> FakeLms {
        FakeLms {
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..FakeLms::default()
        }
    }

    pub fn value(&self, element: &str) -> Option<&str> {
        self.values.get(element).map(String::as_str)
    }

    /// A new session on what this one committed, as the LMS serves it at the next launch.
    pub fn relaunch(&self) -> FakeLms {
        FakeLms {
            values: self.committed.clone(),
            committed: self.committed.clone(),
            ..FakeLms::default()
        }
    }

    /// The `set` calls logged since `from`, as `element=value`.
    pub fn sets_since(&self, from: usize) -> Vec<String> {
        self.log[from..]
            .iter()
            .filter_map(|l| l.strip_prefix("set ").map(str::to_string))
            .collect()
    }
}

impl trygg_core::lms::ScormApi for FakeLms {
    fn get(&mut self, element: &str) -> String {
        if element.ends_with("._count") {
            let prefix = element.trim_end_matches("_count");
            let count = self
                .values
                .keys()
                .filter_map(|k| k.strip_prefix(prefix))
                .filter_map(|rest| rest.split('.').next()?.parse::<usize>().ok())
                .max()
                .map_or(0, |n| n + 1);
            return count.to_string();
        }
        self.values.get(element).cloned().unwrap_or_default()
    }

    fn set(&mut self, element: &str, value: &str) -> Result<(), trygg_core::lms::Refusal> {
        if self
            .refuse_set
            .as_deref()
            .is_some_and(|r| element.starts_with(r))
        {
            return Err(trygg_core::lms::Refusal {
                call: format!("SetValue({element})"),
                code: "351".into(),
            });
        }
        self.log.push(format!("set {element}={value}"));
        self.values.insert(element.to_string(), value.to_string());
        Ok(())
    }

    fn commit(&mut self) -> Result<(), trygg_core::lms::Refusal> {
        if self.refuse_commit {
            return Err(trygg_core::lms::Refusal {
                call: "Commit".into(),
                code: "391".into(),
            });
        }
        self.log.push("commit".into());
        self.commits += 1;
        self.committed = self.values.clone();
        Ok(())
    }

    fn terminate(&mut self) -> Result<(), trygg_core::lms::Refusal> {
        self.log.push("terminate".into());
        self.terminated = true;
        Ok(())
    }
}

/// Expected `(element, value)` pairs written as string literals.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
