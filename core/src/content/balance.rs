//! Whether a module's quiz measures knowledge rather than test-wiseness: true/false answers
//! near half true, a spread in how many options of a multiple-choice question are right, and,
//! in each language, no cue in the wording or the lengths of the options that points to the
//! key more often than chance would (see `content::cue_figures`). `trygg content check` prints
//! these figures per module and warns when they leave the aims, for the whole module and for
//! each role's own pool, so each edition of the course stays as balanced as the last.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cue_figures::LanguageCues;
use super::cues::CueLexicon;
use super::model::{Module, Question, QuestionKind, Role};

/// The aim for the share of true/false statements answered "true", in percent. Small counts
/// are judged by what they can reach (see [`near_half`]).
pub const TRUE_SHARE_AIM: (u32, u32) = (40, 60);

/// One pool's balance figures: a module's whole pool, or the questions one role gets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub true_false: TrueFalseBalance,
    /// How many `multiple` questions have 1, 2, 3 … right options.
    pub multiple_right_options: BTreeMap<usize, usize>,
    /// Per language, in the order the module's versions were given (the course's order),
    /// what a test-wise learner could read.
    pub cues: Vec<LanguageCues>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
    /// The figures of a module's whole pool, given the module filled in each of the course's
    /// languages, the course's own first (see [`crate::content::load_course_in`]). Answers and
    /// right options are the structure's, the same in every version; the cues are read from
    /// each version's texts, one language at a time, since a test-wise learner reads one.
    /// The cue words are each version's language's from `lexicon`.
    pub fn of(versions: &[&Module], lexicon: &CueLexicon) -> Balance {
        Balance::of_pools(versions, lexicon, |_| true)
    }

    /// The figures of the questions `role` gets from `module`, given as for [`Balance::of`].
    pub fn of_role(versions: &[&Module], role: Role, lexicon: &CueLexicon) -> Balance {
        Balance::of_pools(versions, lexicon, |q| q.is_for(role))
    }

    /// The figures of the questions `keep` lets through, in every version. A version whose
    /// texts are not filled in has no language to read, so it adds no cues.
    fn of_pools(
        versions: &[&Module],
        lexicon: &CueLexicon,
        keep: impl Fn(&Question) -> bool,
    ) -> Balance {
        let Some(first) = versions.first() else {
            return Balance::default();
        };
        let mut tf = (0, 0);
        let mut multiple_right_options = BTreeMap::new();
        for question in pool_of(first, &keep) {
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
            cues: versions
                .iter()
                .filter_map(|m| {
                    m.texts.map(|lang| {
                        let words = lexicon.for_lang(lang.code());
                        LanguageCues::of(lang, &pool_of(m, &keep), words)
                    })
                })
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

/// The questions of `module` that `keep` lets through, in the module's order.
fn pool_of<'m>(module: &'m Module, keep: &impl Fn(&Question) -> bool) -> Vec<&'m Question> {
    module.questions.iter().filter(|q| keep(q)).collect()
}

/// A whole percentage, 0 of nothing.
fn percent(part: usize, whole: usize) -> u32 {
    (part * 100).checked_div(whole).unwrap_or(0) as u32
}
