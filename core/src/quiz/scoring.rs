//! Scoring. The rules (also in `core/SCORING.md`):
//!
//! * Every question is worth exactly 1 point, whatever its kind.
//! * `single` and `true_false`: 1 for the right answer, else 0.
//! * `multiple`: all or nothing; the chosen set must equal the set of correct options.
//! * `ordering`: 1 only for the exact right order.
//! * `scenario`: the fraction of the steps the learner visited that were answered with a
//!   correct choice. A step reached but not yet answered counts as visited and wrong, so an
//!   abandoned scenario cannot score full marks.
//! * An unanswered question, or an answer of the wrong kind, scores 0.
//! * `percent = floor(100 × Σ question fractions ÷ number of questions)`, computed exactly
//!   with integers, so the app and the CLI agree to the last point. Passed means
//!   `percent >= pass_mark`.

use serde::{Deserialize, Serialize};

use super::plan::question_by_id;
use super::scenario::scenario_walk;
use super::{Answer, QuizError, QuizPlan};
use crate::content::{Module, Question, QuestionKind};

/// One question's result as an exact fraction `earned / possible` of its single point.
/// Integers, not floats, so a score is the same on every platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionScore {
    pub question_id: String,
    pub answered: bool,
    pub earned: u32,
    /// Never 0: 1 for every kind except a scenario, where it is the number of steps visited.
    pub possible: u32,
}

impl QuestionScore {
    /// Full marks: the test for "correct" in the review and in `correct_count`.
    pub fn is_full(&self) -> bool {
        self.possible > 0 && self.earned >= self.possible
    }

    /// Some marks but not all (a scenario with some steps answered well): the review says
    /// "partly right" rather than "wrong" for what the score counted in part.
    pub fn is_partial(&self) -> bool {
        self.earned > 0 && !self.is_full()
    }

    fn unanswered(q: &Question) -> QuestionScore {
        QuestionScore {
            question_id: q.id.clone(),
            answered: false,
            earned: 0,
            possible: 1,
        }
    }
}

/// The result of a whole attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptScore {
    /// 0–100, rounded down.
    pub percent: u8,
    pub passed: bool,
    /// In plan order.
    pub per_question: Vec<QuestionScore>,
    /// Questions with full marks.
    pub correct_count: usize,
    /// Questions in the plan.
    pub total: usize,
}

/// Scores one answer against its question by the rules in the module docs. Indices that
/// the question does not have make the answer wrong rather than an error: a stale or
/// tampered answer must never crash the quiz.
pub fn score_answer(q: &Question, a: &Answer) -> QuestionScore {
    let (earned, possible) = match (&q.kind, a) {
        (QuestionKind::Single { options }, Answer::Single { option }) => {
            point(options.get(*option).is_some_and(|o| o.correct))
        }
        (QuestionKind::Multiple { options }, Answer::Multiple { options: chosen }) => point(
            chosen_set_is_exact(options.iter().map(|o| o.correct), chosen),
        ),
        (QuestionKind::TrueFalse { answer }, Answer::TrueFalse { value }) => point(answer == value),
        (QuestionKind::Ordering { steps }, Answer::Ordering { steps: order }) => {
            point(order.len() == steps.len() && order.iter().enumerate().all(|(i, &s)| i == s))
        }
        (QuestionKind::Scenario { .. }, Answer::Scenario { choices }) => {
            let walk = scenario_walk(q, choices);
            let visited = walk.visited.len() + usize::from(walk.next.is_some());
            let right = walk.visited.iter().filter(|v| v.correct).count();
            if visited == 0 {
                // A scenario without steps: nothing can be answered right.
                (0, 1)
            } else {
                let possible = u32::try_from(visited).unwrap_or(u32::MAX);
                let earned = u32::try_from(right).unwrap_or(u32::MAX).min(possible);
                (earned, possible)
            }
        }
        _ => (0, 1),
    };
    QuestionScore {
        question_id: q.id.clone(),
        answered: true,
        earned,
        possible,
    }
}

/// Full marks for this answer (for a scenario: every visited step answered well).
pub fn is_correct(q: &Question, a: &Answer) -> bool {
    score_answer(q, a).is_full()
}

fn point(right: bool) -> (u32, u32) {
    (u32::from(right), 1)
}

fn chosen_set_is_exact(correct: impl ExactSizeIterator<Item = bool>, chosen: &[usize]) -> bool {
    let mut picked = vec![false; correct.len()];
    for &c in chosen {
        match picked.get_mut(c) {
            Some(slot) => *slot = true,
            None => return false,
        }
    }
    correct.zip(picked).all(|(want, got)| want == got)
}

/// Scores an attempt. `answers[i]` answers `plan.items[i]`; a missing or `None` entry is
/// unanswered and extra entries are ignored. Fails if the plan names a question the module
/// no longer has, so the caller can restart the attempt rather than score it unfairly.
/// `pass_mark` is clamped to 1–100; an empty plan scores 0 and never passes.
pub fn score_attempt(
    module: &Module,
    plan: &QuizPlan,
    answers: &[Option<Answer>],
    pass_mark: u8,
) -> Result<AttemptScore, QuizError> {
    let per_question = plan
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let q = question_by_id(module, &item.question_id)
                .ok_or_else(|| QuizError::MissingQuestion(item.question_id.clone()))?;
            Ok(match answers.get(i).and_then(Option::as_ref) {
                Some(a) => score_answer(q, a),
                None => QuestionScore::unanswered(q),
            })
        })
        .collect::<Result<Vec<_>, QuizError>>()?;
    let percent = percent_of(&per_question);
    let total = per_question.len();
    Ok(AttemptScore {
        percent,
        passed: total > 0 && percent >= pass_mark.clamp(1, 100),
        correct_count: per_question.iter().filter(|s| s.is_full()).count(),
        total,
        per_question,
    })
}

/// `floor(100 × Σ earned/possible ÷ n)`, exactly: the fractions are summed over a common
/// denominator. Should that overflow (only thinkable for absurd, tampered scenario routes)
/// it falls back to summing each fraction in parts per 10^15, still deterministic.
pub(crate) fn percent_of(scores: &[QuestionScore]) -> u8 {
    let n = scores.len() as u128;
    if n == 0 {
        return 0;
    }
    let fractions = scores.iter().map(|s| {
        let possible = u128::from(s.possible.max(1));
        (u128::from(s.earned).min(possible), possible)
    });
    let percent = match exact_percent(fractions.clone(), n) {
        Some(percent) => percent,
        None => {
            const PARTS: u128 = 1_000_000_000_000_000;
            let sum: u128 = fractions.map(|(e, p)| e * PARTS / p).sum();
            sum * 100 / (PARTS * n)
        }
    };
    u8::try_from(percent.min(100)).unwrap_or(100)
}

fn exact_percent(fractions: impl Iterator<Item = (u128, u128)>, n: u128) -> Option<u128> {
    let (mut num, mut den) = (0u128, 1u128);
    for (e, p) in fractions {
        let lcm = (den / gcd(den, p)).checked_mul(p)?;
        num = num
            .checked_mul(lcm / den)?
            .checked_add(e.checked_mul(lcm / p)?)?;
        den = lcm;
        let g = gcd(num, den).max(1);
        num /= g;
        den /= g;
    }
    Some(num.checked_mul(100)? / den.checked_mul(n)?)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(earned: u32, possible: u32) -> QuestionScore {
        QuestionScore {
            question_id: String::new(),
            answered: true,
            earned,
            possible,
        }
    }

    #[test]
    fn percent_is_exact_not_rounded_per_question() {
        // 1/3 + 2/3 = 1 of 2 questions = exactly 50 %, where parts-per-10 000 would give 49.
        assert_eq!(percent_of(&[s(1, 3), s(2, 3)]), 50);
        assert_eq!(percent_of(&[s(1, 1), s(1, 1), s(0, 1)]), 66);
        assert_eq!(percent_of(&[s(2, 3)]), 66);
        assert_eq!(percent_of(&vec![s(1, 1); 7]), 100);
        assert_eq!(percent_of(&[]), 0);
    }

    #[test]
    fn percent_survives_huge_denominators() {
        // Pairwise-coprime denominators whose product overflows u128 force the fallback.
        let primes = [
            4_294_967_291u32,
            4_294_967_279,
            4_294_967_231,
            4_294_967_197,
            4_294_967_189,
        ];
        let scores: Vec<_> = primes.iter().map(|&p| s(p - 1, p)).collect();
        assert_eq!(percent_of(&scores), 99);
        let full: Vec<_> = primes.iter().map(|&p| s(p, p)).collect();
        assert_eq!(percent_of(&full), 100);
    }

    #[test]
    fn earned_above_possible_is_capped() {
        assert_eq!(percent_of(&[s(5, 1)]), 100);
    }
}
