//! Whether a module's quiz measures knowledge rather than test-wiseness: true/false answers
//! near half true, a spread in how many options of a multiple-choice question are right,
//! and right answers that are not given away by being the longest. `trygg content check`
//! prints these figures per module and warns when they leave the aims, so each edition of
//! the course stays as balanced as the last.

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::{Module, QuestionKind, Text};

/// The aims, as percentages. Small counts are judged by what they can reach (see
/// [`TrueFalseBalance::in_aim`] and [`Longest::in_aim`]).
pub const TRUE_SHARE_AIM: (u32, u32) = (40, 60);
pub const LONGEST_RIGHT_AIM: u32 = 40;

/// One module's balance figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub true_false: TrueFalseBalance,
    /// How many `multiple` questions have 1, 2, 3 … right options.
    pub multiple_right_options: BTreeMap<usize, usize>,
    /// Single and multiple questions, and scenario steps, whose longest option or choice is
    /// a right one.
    pub right_is_longest: Longest,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TrueFalseBalance {
    pub questions: usize,
    /// How many are answered "true".
    pub answered_true: usize,
    /// `answered_true` as a whole percentage of `questions` (0 when there are none).
    pub percent_true: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Longest {
    /// Questions and scenario steps that have options or choices to compare.
    pub items: usize,
    /// Of those, how many have a right option or choice as the strictly longest one, in any
    /// of the course's languages.
    pub right_longest: usize,
    pub percent: u32,
}

impl TrueFalseBalance {
    /// Between 40 and 60 % answered "true", or as near as the count allows: with three
    /// questions one or two true is as close to half as three can come.
    pub fn in_aim(&self) -> bool {
        let n = self.questions as u32;
        let t = self.answered_true as u32;
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
}

impl Longest {
    /// At most about 40 %: the count may be 40 % of the items, rounded to the nearest whole.
    pub fn in_aim(&self) -> bool {
        let n = self.items as u32;
        let allowed = (2 * n * LONGEST_RIGHT_AIM + 100) / 200;
        (self.right_longest as u32) <= allowed
    }
}

impl Balance {
    /// The figures of one module, given as filled in each of the course's languages (the
    /// structure is the same in all; lengths differ): a cue counts when any language shows it.
    pub fn of(versions: &[&Module]) -> Balance {
        let mut tf = (0, 0);
        let mut multiple_right_options = BTreeMap::new();
        let (mut items, mut right_longest) = (0, 0);
        let mut count = |choices: Vec<Vec<(&Text, bool)>>| {
            if choices.first().is_some_and(|c| c.len() >= 2) {
                items += 1;
                if choices.iter().any(|c| right_is_longest(c)) {
                    right_longest += 1;
                }
            }
        };
        let Some(module) = versions.first() else {
            return Balance::default();
        };
        let kinds = |q: usize| versions.iter().map(move |m| &m.questions[q].kind);
        for (q, question) in module.questions.iter().enumerate() {
            match &question.kind {
                QuestionKind::TrueFalse { answer } => {
                    tf.0 += 1;
                    tf.1 += usize::from(*answer);
                }
                QuestionKind::Single { .. } => count(kinds(q).map(option_texts).collect()),
                QuestionKind::Multiple { options } => {
                    let right = options.iter().filter(|o| o.correct).count();
                    *multiple_right_options.entry(right).or_insert(0) += 1;
                    count(kinds(q).map(option_texts).collect());
                }
                QuestionKind::Scenario { steps } => {
                    for s in 0..steps.len() {
                        count(
                            kinds(q)
                                .map(|k| match k {
                                    QuestionKind::Scenario { steps } => steps[s]
                                        .choices
                                        .iter()
                                        .map(|c| (&c.text, c.correct))
                                        .collect(),
                                    _ => Vec::new(),
                                })
                                .collect(),
                        );
                    }
                }
                QuestionKind::Ordering { .. } => {}
            }
        }
        Balance {
            true_false: TrueFalseBalance {
                questions: tf.0,
                answered_true: tf.1,
                percent_true: percent(tf.1, tf.0),
            },
            multiple_right_options,
            right_is_longest: Longest {
                items,
                right_longest,
                percent: percent(right_longest, items),
            },
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
        let l = &self.right_is_longest;
        if !l.in_aim() {
            out.push(format!(
                "the right option or choice is the longest in {} of {} questions and scenario steps ({} %); aim for at most {LONGEST_RIGHT_AIM} %",
                l.right_longest, l.items, l.percent
            ));
        }
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

fn option_texts(kind: &QuestionKind) -> Vec<(&Text, bool)> {
    match kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            options.iter().map(|o| (&o.text, o.correct)).collect()
        }
        _ => Vec::new(),
    }
}

/// Whether the one longest text is a right one. A tie between a right and a wrong text gives
/// nothing away, so it does not count.
fn right_is_longest(choices: &[(&Text, bool)]) -> bool {
    let len = |t: &Text| t.value.chars().count();
    let longest = choices.iter().map(|(t, _)| len(t)).max().unwrap_or(0);
    let mut at_max = choices.iter().filter(|(t, _)| len(t) == longest);
    at_max.all(|(_, right)| *right)
}

/// A whole percentage, 0 of nothing.
fn percent(part: usize, whole: usize) -> u32 {
    (part * 100).checked_div(whole).unwrap_or(0) as u32
}
