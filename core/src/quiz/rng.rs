//! A tiny seeded random number generator. The quiz needs reproducibility, not secrecy:
//! the same seed must give the same quiz on every platform (native and wasm32), forever,
//! so the algorithm is fixed here instead of borrowed from a crate that may change it.

/// SplitMix64: small, fast, and good enough to shuffle a handful of questions.
///
/// Its output for a given seed is part of the saved-progress contract (a plan's `seed`
/// reproduces its draw), so the algorithm must never change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizRng {
    state: u64,
}

impl QuizRng {
    pub fn new(seed: u64) -> QuizRng {
        QuizRng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform value in `0..bound` (0 when `bound` is 0). Uses Lemire's multiply-and-reject
    /// method so small bounds are not biased towards low values as plain `%` would be.
    pub fn below(&mut self, bound: usize) -> usize {
        let n = bound as u64;
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(n);
            if (product as u64) >= threshold {
                // The high half is < n, which came from a usize, so it fits.
                return (product >> 64) as usize;
            }
        }
    }
}

/// Fisher–Yates shuffle: every permutation equally likely, determined by the generator.
pub fn shuffle<T>(rng: &mut QuizRng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_reference_values() {
        // Published SplitMix64 outputs for seed 0.
        let mut rng = QuizRng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = QuizRng::new(42);
        for bound in 1..50 {
            for _ in 0..100 {
                assert!(rng.below(bound) < bound);
            }
        }
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn shuffle_is_roughly_uniform() {
        // 3 items, 6 permutations: each should show up about 1/6 of the time.
        let mut counts = std::collections::BTreeMap::new();
        let mut rng = QuizRng::new(7);
        for _ in 0..6000 {
            let mut v = [0, 1, 2];
            shuffle(&mut rng, &mut v);
            *counts.entry(v).or_insert(0u32) += 1;
        }
        assert_eq!(counts.len(), 6);
        for (perm, n) in counts {
            assert!((800..1200).contains(&n), "{perm:?} came up {n} times");
        }
    }

    #[test]
    fn shuffle_of_empty_and_single_is_a_no_op() {
        let mut rng = QuizRng::new(1);
        let mut empty: [u8; 0] = [];
        shuffle(&mut rng, &mut empty);
        let mut one = [9];
        shuffle(&mut rng, &mut one);
        assert_eq!(one, [9]);
    }
}
