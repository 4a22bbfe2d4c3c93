//! Reads formats 1 and 2 of the suspend data (the layout is in `suspend_write`). Every part is
//! checked; the first that does not read is named in [`SuspendError::Damaged`].

use std::collections::BTreeMap;

use super::suspend::SuspendError;
use super::text::{read_digit_list, read_number, unescape};
use crate::content::Role;
use crate::progress::{Attempt, Learner, ModuleProgress, PassRecord, Progress, PROGRESS_VERSION};
use crate::quiz::{Answer, PlannedQuestion, QuizPlan, ScenarioPick};

fn damaged(what: impl Into<String>) -> SuspendError {
    SuspendError::Damaged { what: what.into() }
}

fn num(text: &str, what: &str) -> Result<u64, SuspendError> {
    read_number(text).ok_or_else(|| damaged(format!("{what} is not a number")))
}

fn small<T: TryFrom<u64>>(text: &str, what: &str) -> Result<T, SuspendError> {
    T::try_from(num(text, what)?).map_err(|_| damaged(format!("{what} is out of range")))
}

fn optional(text: &str, what: &str) -> Result<Option<u64>, SuspendError> {
    if text.is_empty() {
        Ok(None)
    } else {
        num(text, what).map(Some)
    }
}

fn flag(text: &str, what: &str) -> Result<bool, SuspendError> {
    match text {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(damaged(format!("{what} is not 0 or 1"))),
    }
}

fn text(raw: &str, what: &str) -> Result<String, SuspendError> {
    unescape(raw).ok_or_else(|| damaged(format!("{what} is not escaped text")))
}

fn digits(raw: &str, what: &str) -> Result<Vec<usize>, SuspendError> {
    read_digit_list(raw).ok_or_else(|| damaged(format!("{what} is not a list of digits")))
}

/// `body` is everything after `T1|` or `T2|`; `format` says which. Returns the progress and
/// the language the text names, if any.
pub(super) fn read_body(
    body: &str,
    format: u32,
) -> Result<(Progress, Option<String>), SuspendError> {
    let fields: Vec<&str> = body.split('|').collect();
    // Format 2 moved the language out of the flags into a field of its own, as a tag.
    let (course, flags, language, rest) = match (format, &fields[..]) {
        (1, [course, flags, rest @ ..]) if rest.len() == 7 => (*course, *flags, None, rest),
        (2, [course, flags, language, rest @ ..]) if rest.len() == 7 => {
            (*course, *flags, Some(*language), rest)
        }
        _ => {
            return Err(damaged(format!(
                "expected {} top-level fields, found {}",
                if format == 1 { 9 } else { 10 },
                fields.len()
            )))
        }
    };
    let [updated, revision, name, number, unit, email, modules] = rest[..] else {
        return Err(damaged("the top-level fields"));
    };
    let mut flags = flags.chars();
    let (language, role, shared) = match (format, language) {
        (2, Some(tag)) => match (flags.next(), flags.next(), flags.next()) {
            (Some(r), Some(s), None) => (text(tag, "the language")?, r, s),
            _ => return Err(damaged("the role and shared flags")),
        },
        _ => match (flags.next(), flags.next(), flags.next(), flags.next()) {
            (Some(l), Some(r), Some(s), None) => {
                let language = match l {
                    's' => "sv",
                    'e' => "en",
                    '-' => "",
                    _ => return Err(damaged("the language")),
                };
                (language.to_string(), r, s)
            }
            _ => return Err(damaged("the language, role and shared flags")),
        },
    };
    let role = match role {
        'e' => Some(Role::Employee),
        'm' => Some(Role::Manager),
        'l' => Some(Role::Elected),
        '-' => None,
        _ => return Err(damaged("the role")),
    };
    let mut modules_read = BTreeMap::new();
    for (i, m) in modules.split('!').filter(|m| !m.is_empty()).enumerate() {
        let (id, module) = read_module(m, i + 1)?;
        modules_read.insert(id, module);
    }
    let progress = Progress {
        version: PROGRESS_VERSION,
        course_id: text(course, "the course id")?,
        role,
        shared_computer: flag(&shared.to_string(), "the shared-computer flag")?,
        learner: Learner {
            full_name: text(name, "the learner's name")?,
            employee_number: text(number, "the employee number")?,
            unit: text(unit, "the unit")?,
            email: text(email, "the e-mail")?,
        },
        modules: modules_read,
        updated_ms: num(updated, "the update time")?,
        revision: num(revision, "the revision")?,
    };
    Ok((progress, Some(language).filter(|l| !l.is_empty())))
}

fn read_module(raw: &str, n: usize) -> Result<(String, ModuleProgress), SuspendError> {
    let fields: Vec<&str> = raw.split(':').collect();
    let [id, step, done, best, pass_percent, pass_ms, attempts, attempt] = fields[..] else {
        return Err(damaged(format!(
            "module {n}: expected 8 fields, found {}",
            fields.len()
        )));
    };
    let id = text(id, &format!("module {n}'s id"))?;
    let what = |field: &str| format!("module \"{id}\"'s {field}");
    let last_pass = match (
        optional(pass_percent, &what("pass score"))?,
        optional(pass_ms, &what("pass time"))?,
    ) {
        (Some(percent), Some(passed_ms)) => Some(PassRecord {
            percent: u8::try_from(percent).map_err(|_| damaged(what("pass score")))?,
            passed_ms,
        }),
        (None, None) => None,
        _ => return Err(damaged(what("pass"))),
    };
    let best_percent = optional(best, &what("best score"))?
        .map(|b| u8::try_from(b).map_err(|_| damaged(what("best score"))))
        .transpose()?;
    let attempt = if attempt.is_empty() {
        None
    } else {
        Some(read_attempt(attempt, &id, &what("quiz"))?)
    };
    let module = ModuleProgress {
        lesson_step: small(step, &what("lesson step"))?,
        lessons_done: flag(done, &what("lessons-done flag"))?,
        attempt,
        best_percent,
        last_pass,
        pass_content_version: None,
        attempts: small(attempts, &what("attempt count"))?,
    };
    Ok((id, module))
}

fn read_attempt(raw: &str, module_id: &str, what: &str) -> Result<Attempt, SuspendError> {
    let mut parts = raw.split('~');
    let header: Vec<&str> = parts.next().unwrap_or_default().split('.').collect();
    let [seed, started, updated, current, finished] = header[..] else {
        return Err(damaged(format!("{what} has a broken header")));
    };
    let mut items = Vec::new();
    let mut answers = Vec::new();
    for (i, item) in parts.enumerate() {
        let (planned, answer) = read_item(item, &format!("{what}, question {}", i + 1))?;
        items.push(planned);
        answers.push(answer);
    }
    let current: usize = small(current, what)?;
    if current > items.len() {
        return Err(damaged(format!("{what} is past its last question")));
    }
    Ok(Attempt {
        plan: QuizPlan {
            module_id: module_id.to_string(),
            seed: num(seed, what)?,
            items,
        },
        answers,
        current,
        started_ms: num(started, what)?,
        updated_ms: num(updated, what)?,
        finished: flag(finished, what)?,
    })
}

fn read_item(raw: &str, what: &str) -> Result<(PlannedQuestion, Option<Answer>), SuspendError> {
    let fields: Vec<&str> = raw.split('.').collect();
    let [id, order, choice_orders, answer] = fields[..] else {
        return Err(damaged(format!(
            "{what}: expected 4 fields, found {}",
            fields.len()
        )));
    };
    let choice_orders = match choice_orders.strip_prefix('-') {
        None if choice_orders.is_empty() => Vec::new(),
        None => return Err(damaged(format!("{what}'s choice orders"))),
        Some(groups) => groups
            .split('-')
            .map(|g| digits(g, what))
            .collect::<Result<_, _>>()?,
    };
    let planned = PlannedQuestion {
        question_id: text(id, what)?,
        order: digits(order, what)?,
        choice_orders,
    };
    let answer = if answer.is_empty() {
        None
    } else {
        Some(read_answer(answer, what)?)
    };
    Ok((planned, answer))
}

fn read_answer(raw: &str, what: &str) -> Result<Answer, SuspendError> {
    let (kind, rest) = split_first(raw);
    let one_digit = |rest: &str| match digits(rest, what)?[..] {
        [d] => Ok(d),
        _ => Err(damaged(format!("{what}'s answer"))),
    };
    Ok(match kind {
        "s" => Answer::Single {
            option: one_digit(rest)?,
        },
        "m" => Answer::Multiple {
            options: digits(rest, what)?,
        },
        "t" => Answer::TrueFalse {
            value: flag(rest, what)?,
        },
        "o" => Answer::Ordering {
            steps: digits(rest, what)?,
        },
        "c" if rest.is_empty() => Answer::Scenario {
            choices: Vec::new(),
        },
        "c" => Answer::Scenario {
            choices: rest
                .split('*')
                .map(|pick| {
                    let (choice, step) = split_first(pick);
                    Ok(ScenarioPick {
                        step: text(step, what)?,
                        choice: one_digit(choice)?,
                    })
                })
                .collect::<Result<_, SuspendError>>()?,
        },
        _ => return Err(damaged(format!("{what}'s answer has an unknown kind"))),
    })
}

/// The first character and the rest, safe for any text (a damaged one may start with a
/// character of several bytes).
fn split_first(raw: &str) -> (&str, &str) {
    raw.split_at(raw.char_indices().nth(1).map_or(raw.len(), |(i, _)| i))
}
