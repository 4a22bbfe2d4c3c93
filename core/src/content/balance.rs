//! Whether a module's quiz measures knowledge rather than test-wiseness: true/false answers
//! near half true, a spread in how many options of a multiple-choice question are right, and,
//! in each language, no cue in the wording or the lengths of the options that points to the
//! key more often than chance would (see `content::cue_figures`). `trygg content check` prints
//! these figures per module and warns when they leave the aims, for the whole module and for
//! each role's own pool, so each edition of the course stays as balanced as the last.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cue_figures::LanguageCues;
use super::model::{Lang, Module, Question, QuestionKind, Role};

/// The aim for the share of true/false statements answered "true", in percent. Small counts
/// are judged by what they can reach (see [`near_half`]).
pub const TRUE_SHARE_AIM: (u32, u32) = (40, 60);

/// One pool's balance figures: a module's whole pool, or the questions one role gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub true_false: TrueFalseBalance,
    /// How many `multiple` questions have 1, 2, 3 … right options.
    pub multiple_right_options: BTreeMap<usize, usize>,
    /// Per language, in the course's order, what a test-wise learner could read.
    pub cues: Vec<LanguageCues>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrueFalseBalance {
    pub questions: usize,
    /// How many are answered "true".
    pub answered_true: usize,
    /// `answered_true` as a whole percentage of `questions` (0 when there are none).
    pub percent_true: u32,
}

impl TrueFalseBalance {
    /// Between 40 and 60 % answered "true", or as near as the count allows.
    pub fn in_aim(&self) -> bool {
        near_half(self.answered_true, self.questions)
    }
}

/// Whether `t` of `n` is between 40 and 60 %, or as near as `n` allows: with three, one or two
/// is as close to half as three can come.
pub fn near_half(t: usize, n: usize) -> bool {
    let (n, t) = (n as u32, t as u32);
    let (lo_pct, hi_pct) = TRUE_SHARE_AIM;
    let lo = (n * lo_pct).div_ceil(100);
    let hi = n * hi_pct / 100;
    if lo <= hi {
        (lo..=hi).contains(&t)
    } else {
        // No count falls inside the band; the two either side of it are the nearest.
        t == hi || t == lo
    }
}

impl Balance {
    /// The figures of a module's whole pool.
    pub fn of(module: &Module) -> Balance {
        let pool: Vec<&Question> = module.questions.iter().collect();
        Balance::of_pool(&pool)
    }

    /// The figures of the questions `role` gets from `module`.
    pub fn of_role(module: &Module, role: Role) -> Balance {
        let pool: Vec<&Question> = module.questions.iter().filter(|q| q.is_for(role)).collect();
        Balance::of_pool(&pool)
    }

    /// The figures of any pool of questions.
    pub fn of_pool(pool: &[&Question]) -> Balance {
        let mut tf = (0, 0);
        let mut multiple_right_options = BTreeMap::new();
        for question in pool {
            match &question.kind {
                QuestionKind::TrueFalse { answer } => {
                    tf.0 += 1;
                    tf.1 += usize::from(*answer);
                }
                QuestionKind::Multiple { options } => {
                    let right = options.iter().filter(|o| o.correct).count();
                    *multiple_right_options.entry(right).or_insert(0) += 1;
                }
                _ => {}
            }
        }
        Balance {
            true_false: TrueFalseBalance {
                questions: tf.0,
                answered_true: tf.1,
                percent_true: percent(tf.1, tf.0),
            },
            multiple_right_options,
            cues: Lang::ALL
                .iter()
                .map(|&lang| LanguageCues::of(lang.code(), pool, move |t| t.get(lang)))
                .collect(),
        }
    }

    /// True when one number of right options is used by more than half of the multiple-
    /// choice questions (rounded up): with four questions at most two may share a number.
    pub fn multiple_is_spread(&self) -> bool {
        let total: usize = self.multiple_right_options.values().sum();
        let most = self.multiple_right_options.values().max().copied();
        total < 2 || most.is_none_or(|most| most <= total.div_ceil(2))
    }

    /// What leaves the aims, one sentence each, with the figures.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let tf = &self.true_false;
        if !tf.in_aim() {
            let (lo, hi) = TRUE_SHARE_AIM;
            out.push(format!(
                "{} of {} true/false questions are answered \"true\" ({} %); aim for {lo}–{hi} %",
                tf.answered_true, tf.questions, tf.percent_true
            ));
        }
        if !self.multiple_is_spread() {
            out.push(format!(
                "multiple-choice questions by number of right options: {}; aim for a spread from one to four",
                self.multiple_text()
            ));
        }
        out.extend(self.cues.iter().flat_map(LanguageCues::warnings));
        out
    }

    /// `1 right: 2, 3 right: 4`, or `none`.
    pub fn multiple_text(&self) -> String {
        if self.multiple_right_options.is_empty() {
            return "none".into();
        }
        let parts: Vec<String> = self
            .multiple_right_options
            .iter()
            .map(|(right, n)| format!("{right} right: {n}"))
            .collect();
        parts.join(", ")
    }
}

/// A whole percentage, 0 of nothing.
fn percent(part: usize, whole: usize) -> u32 {
    (part * 100).checked_div(whole).unwrap_or(0) as u32
}
