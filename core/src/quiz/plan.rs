//! Drawing a quiz: which questions, in which order, with options in which order.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::rng::{shuffle, QuizRng};
use crate::content::{Module, Question, QuestionKind, Role};

/// One drawn quiz. Saved with the attempt so a reload shows the very same questions in the
/// very same order; the seed is kept for reproducing a draw when investigating a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPlan {
    pub module_id: String,
    pub seed: u64,
    /// The questions in the order they are asked.
    pub items: Vec<PlannedQuestion>,
}

/// A drawn question and how to present it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedQuestion {
    pub question_id: String,
    /// Display order as content indices: `order[k]` is the content index shown at position
    /// `k`. For `single`/`multiple` it permutes the options, for `ordering` it is the
    /// scrambled order the steps start in (never the right order when there are 3 or more
    /// steps, or the question would answer itself). Empty for `true_false` and `scenario`.
    #[serde(default)]
    pub order: Vec<usize>,
    /// For `scenario` questions: per step (in content order), the display order of that
    /// step's choices, so the wise choice is not always where the author wrote it. Empty for
    /// other kinds, and an empty list on a scenario means "content order" (older plans).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choice_orders: Vec<Vec<usize>>,
}

impl PlannedQuestion {
    /// The display order of a scenario step's choices, falling back to content order when
    /// the plan has none, so the app never has to special-case older plans.
    pub fn choice_order(&self, step_index: usize, choice_count: usize) -> Vec<usize> {
        match self.choice_orders.get(step_index) {
            Some(order) if is_permutation(order, choice_count) => order.clone(),
            _ => (0..choice_count).collect(),
        }
    }

    /// `indices` (content indices of options) in the order the question showed them, each
    /// once (a saved answer's repeats count once), so a review lists the learner's picks and
    /// the right options as they saw them. Indices the display order lacks (a plan without
    /// one) keep their content order, after the rest.
    pub fn in_shown_order(&self, indices: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut sorted: Vec<usize> = indices.into_iter().collect();
        sorted.sort_by_key(|i| {
            let shown = self.order.iter().position(|o| o == i);
            (shown.unwrap_or(usize::MAX), *i)
        });
        sorted.dedup();
        sorted
    }
}

/// The question with this id, if the module still has it. The first wins if content
/// (wrongly) repeats an id, the same rule every lookup in the engine uses.
pub fn question_by_id<'m>(module: &'m Module, id: &str) -> Option<&'m Question> {
    module.questions.iter().find(|q| q.id == id)
}

/// Draws a quiz for `role`: `min(quiz_size, pool)` distinct questions from the questions
/// meant for that role, in shuffled order, each with its options shuffled. At least
/// `role_draw` of them (or as many as the pool has) are written for that role alone.
/// The same module, role and seed always give the same plan.
pub fn draw_quiz(module: &Module, role: Role, seed: u64) -> QuizPlan {
    let mut rng = QuizRng::new(seed);
    let mut seen = BTreeSet::new();
    let mut pool: Vec<&Question> = module
        .questions
        .iter()
        .filter(|q| q.is_for(role) && seen.insert(q.id.as_str()))
        .collect();
    shuffle(&mut rng, &mut pool);
    let size = module.quiz_size.min(pool.len());
    if include_own(&mut pool, size, module.role_draw.get(role), role) {
        // Swapped-in questions took the places of the last ones drawn; shuffle again so
        // the role's own questions are not the ones that come last.
        shuffle(&mut rng, &mut pool[..size]);
    }
    pool.truncate(size);
    let items = pool
        .into_iter()
        .map(|q| plan_question(&mut rng, q))
        .collect();
    QuizPlan {
        module_id: module.id.clone(),
        seed,
        items,
    }
}

/// Brings questions written for `role` alone from beyond the first `size` of the shuffled pool
/// into it, each replacing a drawn question that is not, until `wanted` of them are in (or
/// the pool has no more). Which ones come in stays random, because the pool is shuffled.
/// A draw that already has enough is left untouched, so modules without `role_draw` draw
/// exactly as before it existed. Returns whether anything moved.
fn include_own(pool: &mut [&Question], size: usize, wanted: usize, role: Role) -> bool {
    let own = |q: &&Question| q.is_written_for(role);
    let mut have = pool[..size].iter().filter(|q| own(q)).count();
    let (mut next_in, mut last_out) = (size, size);
    let mut moved = false;
    while have < wanted {
        let Some(incoming) = (next_in..pool.len()).find(|&i| own(&pool[i])) else {
            break;
        };
        let Some(outgoing) = (0..last_out).rev().find(|&i| !own(&pool[i])) else {
            break;
        };
        pool.swap(incoming, outgoing);
        have += 1;
        moved = true;
        next_in = incoming + 1;
        last_out = outgoing;
    }
    moved
}

fn plan_question(rng: &mut QuizRng, q: &Question) -> PlannedQuestion {
    let (order, choice_orders) = match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            (shuffled_indices(rng, options.len()), Vec::new())
        }
        QuestionKind::Ordering { steps } => (scrambled_indices(rng, steps.len()), Vec::new()),
        QuestionKind::TrueFalse { .. } => (Vec::new(), Vec::new()),
        QuestionKind::Scenario { steps } => (
            Vec::new(),
            steps
                .iter()
                .map(|s| shuffled_indices(rng, s.choices.len()))
                .collect(),
        ),
    };
    PlannedQuestion {
        question_id: q.id.clone(),
        order,
        choice_orders,
    }
}

fn shuffled_indices(rng: &mut QuizRng, len: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..len).collect();
    shuffle(rng, &mut v);
    v
}

/// A shuffle that is never the identity for 3 or more items. Reshuffles (deterministically,
/// from the same generator) until it differs; identity has probability at most 1/6, so
/// the bound is never reached in practice, but a rotation keeps it total regardless.
fn scrambled_indices(rng: &mut QuizRng, len: usize) -> Vec<usize> {
    const MAX_TRIES: usize = 64;
    let mut v = shuffled_indices(rng, len);
    if len < 3 {
        return v;
    }
    let mut tries = 1;
    while is_identity(&v) {
        if tries == MAX_TRIES {
            v.rotate_left(1);
            break;
        }
        shuffle(rng, &mut v);
        tries += 1;
    }
    v
}

fn is_identity(v: &[usize]) -> bool {
    v.iter().enumerate().all(|(i, &x)| i == x)
}

/// True if `v` holds each of `0..len` exactly once.
pub(crate) fn is_permutation(v: &[usize], len: usize) -> bool {
    if v.len() != len {
        return false;
    }
    let mut seen = vec![false; len];
    for &x in v {
        match seen.get_mut(x) {
            Some(slot) if !*slot => *slot = true,
            _ => return false,
        }
    }
    true
}

/// Whether a saved plan can still be shown and scored against the module as it is now:
/// it belongs to this module, every question still exists (once), and every stored order
/// still fits its question. When false the app restarts the attempt instead of showing a
/// quiz whose options no longer line up with the saved answers.
pub fn plan_is_valid(module: &Module, plan: &QuizPlan) -> bool {
    if plan.module_id != module.id {
        return false;
    }
    let mut ids = BTreeSet::new();
    plan.items.iter().all(|item| {
        ids.insert(item.question_id.as_str())
            && question_by_id(module, &item.question_id).is_some_and(|q| item_fits(item, q))
    })
}

fn item_fits(item: &PlannedQuestion, q: &Question) -> bool {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            is_permutation(&item.order, options.len()) && item.choice_orders.is_empty()
        }
        QuestionKind::Ordering { steps } => {
            is_permutation(&item.order, steps.len()) && item.choice_orders.is_empty()
        }
        QuestionKind::TrueFalse { .. } => item.order.is_empty() && item.choice_orders.is_empty(),
        QuestionKind::Scenario { steps } => {
            item.order.is_empty()
                && (item.choice_orders.is_empty()
                    || (item.choice_orders.len() == steps.len()
                        && item
                            .choice_orders
                            .iter()
                            .zip(steps)
                            .all(|(order, step)| is_permutation(order, step.choices.len()))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutation_check() {
        assert!(is_permutation(&[], 0));
        assert!(is_permutation(&[2, 0, 1], 3));
        assert!(!is_permutation(&[0, 0, 1], 3));
        assert!(!is_permutation(&[0, 1, 3], 3));
        assert!(!is_permutation(&[0, 1], 3));
    }

    #[test]
    fn scrambled_is_never_identity_from_three() {
        for seed in 0..500 {
            let mut rng = QuizRng::new(seed);
            for len in 3..7 {
                let v = scrambled_indices(&mut rng, len);
                assert!(is_permutation(&v, len));
                assert!(!is_identity(&v), "seed {seed} len {len}");
            }
        }
    }

    #[test]
    fn picks_are_listed_in_the_order_shown() {
        let item = PlannedQuestion {
            question_id: "q".into(),
            order: vec![3, 0, 2, 1],
            choice_orders: Vec::new(),
        };
        assert_eq!(item.in_shown_order([0, 1, 3]), vec![3, 0, 1]);
        assert_eq!(item.in_shown_order([2]), vec![2]);
        assert_eq!(
            item.in_shown_order([1, 3, 1]),
            vec![3, 1],
            "repeats count once"
        );
        // A plan without a display order keeps content order.
        let old = PlannedQuestion {
            order: Vec::new(),
            ..item.clone()
        };
        assert_eq!(old.in_shown_order([3, 0, 1]), vec![0, 1, 3]);
        // An index the order lacks comes last.
        let short = PlannedQuestion {
            order: vec![2, 1],
            ..item
        };
        assert_eq!(short.in_shown_order([0, 1, 2]), vec![2, 1, 0]);
    }

    #[test]
    fn scrambled_short_lists_are_permutations() {
        let mut rng = QuizRng::new(3);
        assert_eq!(scrambled_indices(&mut rng, 0), Vec::<usize>::new());
        assert_eq!(scrambled_indices(&mut rng, 1), vec![0]);
        assert!(is_permutation(&scrambled_indices(&mut rng, 2), 2));
    }
}
