//! Writes format 2 of the suspend data. The layout (the reader, `suspend_read`, takes
//! exactly this, and format 1 as well):
//!
//! ```text
//! T2|course|RS|language|updated|revision|name|employee number|unit|e-mail|module!module…
//! module  = id:lesson step:lessons done:best %:pass %:pass time:attempts:attempt
//! attempt = seed.started.updated.current.finished~item~item…
//! item    = question id.option order.choice orders.answer
//! ```
//!
//! `R` is the role (`e`mployee, `m`anager, e`l`ected, `-`), `S` the shared-computer flag
//! (`0`/`1`), `language` the tag of the language the learner uses (`sv`, `en`, `fi` …; empty
//! for none). Format 1 had no language field and a one-letter language flag before `RS`
//! (`s`, `e`, `-`), read as `sv`, `en` and none. Numbers are base 62, text is escaped (see
//! `text`), flags are `0`/`1`, an empty field is "none". Option and step orders are one digit
//! per index; choice orders are `-` before each step's digits; an answer is `s2` (single),
//! `m02` (multiple), `t1` (true/false), `o3012` (ordering) or `c1s1*0s3` (scenario: choice
//! digit, then the step id, per pick).

use std::collections::BTreeSet;

use super::suspend::Cut;
use super::text::{digit, digit_list, escape, number};
use crate::content::Role;
use crate::progress::{Attempt, ModuleProgress, Progress};
use crate::quiz::{Answer, PlannedQuestion};

/// What to leave out of the text.
#[derive(Debug, Default)]
pub(super) struct Omit {
    attempts: BTreeSet<String>,
    learner: bool,
}

impl Omit {
    pub(super) fn add(&mut self, cut: &Cut) {
        match cut {
            Cut::Review { module_id } | Cut::RunningQuiz { module_id } => {
                self.attempts.insert(module_id.clone());
            }
            Cut::LearnerDetails => self.learner = true,
        }
    }
}

/// The whole text; attempts that cannot be written are left out and pushed onto `unwritable`.
pub(super) fn write_v2(
    progress: &Progress,
    language: &str,
    omit: &Omit,
    unwritable: &mut Vec<Cut>,
) -> String {
    let role = match progress.role {
        Some(Role::Employee) => 'e',
        Some(Role::Manager) => 'm',
        Some(Role::Elected) => 'l',
        None => '-',
    };
    let shared = flag(progress.shared_computer);
    let learner = &progress.learner;
    let details: [&str; 4] = if omit.learner {
        ["", "", "", ""]
    } else {
        [
            &learner.full_name,
            &learner.employee_number,
            &learner.unit,
            &learner.email,
        ]
    };
    let modules: Vec<String> = progress
        .modules
        .iter()
        .map(|(id, m)| module(id, m, omit, unwritable))
        .collect();
    let mut fields = vec![
        format!("T{}", super::suspend::SUSPEND_FORMAT),
        escape(&progress.course_id),
        format!("{role}{shared}"),
        escape(language),
        number(progress.updated_ms),
        number(progress.revision),
    ];
    fields.extend(details.iter().map(|d| escape(d)));
    fields.push(modules.join("!"));
    fields.join("|")
}

fn flag(value: bool) -> char {
    if value {
        '1'
    } else {
        '0'
    }
}

fn module(id: &str, m: &ModuleProgress, omit: &Omit, unwritable: &mut Vec<Cut>) -> String {
    let attempt = match &m.attempt {
        Some(a) if !omit.attempts.contains(id) => attempt(a).unwrap_or_else(|| {
            let module_id = id.to_string();
            unwritable.push(if a.finished {
                Cut::Review { module_id }
            } else {
                Cut::RunningQuiz { module_id }
            });
            String::new()
        }),
        _ => String::new(),
    };
    let optional = |v: Option<u64>| v.map(number).unwrap_or_default();
    [
        escape(id),
        number(m.lesson_step as u64),
        flag(m.lessons_done).to_string(),
        optional(m.best_percent.map(u64::from)),
        optional(m.last_pass.map(|p| u64::from(p.percent))),
        optional(m.last_pass.map(|p| p.passed_ms)),
        number(u64::from(m.attempts)),
        attempt,
    ]
    .join(":")
}

fn attempt(a: &Attempt) -> Option<String> {
    let header = [
        number(a.plan.seed),
        number(a.started_ms),
        number(a.updated_ms),
        number(a.current as u64),
        flag(a.finished).to_string(),
    ]
    .join(".");
    let mut parts = vec![header];
    for (item, answer) in a.plan.items.iter().zip(&a.answers) {
        parts.push(planned(item, answer.as_ref())?);
    }
    Some(parts.join("~"))
}

fn planned(item: &PlannedQuestion, answer: Option<&Answer>) -> Option<String> {
    let mut choice_orders = String::new();
    for order in &item.choice_orders {
        choice_orders.push('-');
        choice_orders.push_str(&digit_list(order)?);
    }
    let answer = match answer {
        None => String::new(),
        Some(a) => write_answer(a)?,
    };
    Some(
        [
            escape(&item.question_id),
            digit_list(&item.order)?,
            choice_orders,
            answer,
        ]
        .join("."),
    )
}

fn write_answer(answer: &Answer) -> Option<String> {
    Some(match answer {
        Answer::Single { option } => format!("s{}", digit(*option)?),
        Answer::Multiple { options } => format!("m{}", digit_list(options)?),
        Answer::TrueFalse { value } => format!("t{}", flag(*value)),
        Answer::Ordering { steps } => format!("o{}", digit_list(steps)?),
        Answer::Scenario { choices } => {
            let picks: Option<Vec<String>> = choices
                .iter()
                .map(|p| Some(format!("{}{}", digit(p.choice)?, escape(&p.step))))
                .collect();
            format!("c{}", picks?.join("*"))
        }
    })
}
