//! What a learner who does not know the answer could still read from one language's text of
//! a quiz, set against what chance alone would give: absolutes and "need not" in true/false
//! statements, where the key ranks by length among the options, whether the longest option
//! of a multiple-choice question is right, and options carrying a reason or an absolute.
//!
//! Every measure takes plain `&str` texts of one language, so it runs the same on any
//! language the course is written in. The aims are "no better than chance, as near as the
//! counts allow": see [`KeyRank::in_aim`], [`ChanceCount::in_aim`] and [`CueSplit::in_aim`].

use serde::Serialize;

use super::cues::CueWords;
use super::inline::plain_words;
use super::model::{Lang, Question, QuestionKind};

/// A question's or scenario step's options in one language: each text and whether it is right.
pub type Choices<'a> = Vec<(&'a str, bool)>;

/// The cue figures of one language over a pool of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageCues {
    /// The language the figures were read in, e.g. `sv`.
    pub lang: Lang,
    /// True/false statements with an absolute ("always", "never", "only" …).
    pub absolutes: Option<CueSplit>,
    /// True/false statements saying something is unnecessary ("need not").
    pub need_not: Option<CueSplit>,
    /// True/false statements with neither cue: a learner who takes a cue for "false" takes
    /// its absence for "true", so these must be as near half true as the others.
    pub plain: Option<CueSplit>,
    /// Where the right option of single-choice questions ranks by length.
    pub single_key: KeyRank,
    /// Where the one wise choice of scenario steps ranks by length.
    pub scenario_key: KeyRank,
    /// Multiple-choice questions with one longest option: how often that option is right.
    pub multiple_longest_right: ChanceCount,
    /// Options and choices carrying a reason ("because …"): how many are right.
    pub reason_right: Option<ChanceCount>,
    /// Options and choices with an absolute: how many are right.
    pub absolute_right: Option<ChanceCount>,
    /// Multiple-choice questions whose prompt asks for one thing ("Which one …").
    pub singular_multiple: Option<Vec<String>>,
}

/// How many true/false statements with a cue are true, and how many are false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CueSplit {
    pub true_with: usize,
    pub false_with: usize,
}

/// Where the one right option ranks by length, counted over items, beside what chance gives
/// (in hundredths of an item, so the figures stay exact integers in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KeyRank {
    pub items: usize,
    pub longest: usize,
    pub middle: usize,
    pub shortest: usize,
    /// How many keys chance would make the longest, middle and shortest, × 100.
    pub chance_hundredths: [u32; 3],
}

/// How many of some options are right, beside how many chance alone would make right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChanceCount {
    /// Items counted: questions for the longest option, options for reasons and absolutes.
    pub items: usize,
    pub right: usize,
    /// × 100.
    pub chance_hundredths: u32,
}

/// Where one text ranks by length among its item's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    Longest,
    Middle,
    Shortest,
}

impl CueSplit {
    /// The cue says nothing when the statements carrying it are as near half true as their
    /// count allows (the same band as the true/false share of a module).
    pub fn in_aim(&self) -> bool {
        super::balance::near_half(self.true_with, self.true_with + self.false_with)
    }
}

impl KeyRank {
    /// No rank holds the key more often than chance, rounded up: with ten four-option
    /// questions at most three keys may be the longest, three the shortest and five middle.
    pub fn in_aim(&self) -> bool {
        let seen = [self.longest, self.middle, self.shortest];
        seen.iter()
            .zip(self.chance_hundredths)
            .all(|(&n, chance)| n as u32 * 100 <= round_up(chance))
    }
}

impl ChanceCount {
    /// As many right as chance gives, rounded down or up: a cue either way is a cue.
    pub fn in_aim(&self) -> bool {
        let right = self.right as u32 * 100;
        round_down(self.chance_hundredths) <= right && right <= round_up(self.chance_hundredths)
    }

    /// The whole numbers the aim allows, e.g. `(2, 3)`.
    pub fn aim(&self) -> (u32, u32) {
        (
            round_down(self.chance_hundredths) / 100,
            round_up(self.chance_hundredths) / 100,
        )
    }
}

fn round_up(hundredths: u32) -> u32 {
    hundredths.div_ceil(100) * 100
}

fn round_down(hundredths: u32) -> u32 {
    hundredths / 100 * 100
}

/// Where the text at `index` ranks by length among `texts`: strictly longest, strictly
/// shortest, or anything else (including a tie at either end, which gives nothing away).
/// Length is counted in the words the learner sees, so marking a term as Swedish does not
/// make its option look longer than it reads.
pub fn rank_of(texts: &[&str], index: usize) -> Option<Rank> {
    let lengths: Vec<usize> = texts
        .iter()
        .map(|t| plain_words(t).chars().count())
        .collect();
    let own = *lengths.get(index)?;
    let longer = lengths.iter().filter(|&&l| l > own).count();
    let shorter = lengths.iter().filter(|&&l| l < own).count();
    let same = lengths.iter().filter(|&&l| l == own).count();
    Some(match (longer, shorter, same) {
        (0, s, 1) if s > 0 => Rank::Longest,
        (l, 0, 1) if l > 0 => Rank::Shortest,
        _ => Rank::Middle,
    })
}

/// The chance, in exact fractions of one, that an option drawn at random is the longest, a
/// middle one or the shortest: `(longest, middle, shortest, out of)`.
fn rank_chance(texts: &[&str]) -> [f64; 3] {
    let k = texts.len();
    if k == 0 {
        return [0.0; 3];
    }
    let mut counts = [0usize; 3];
    for i in 0..k {
        match rank_of(texts, i) {
            Some(Rank::Longest) => counts[0] += 1,
            Some(Rank::Shortest) => counts[2] += 1,
            _ => counts[1] += 1,
        }
    }
    counts.map(|c| c as f64 / k as f64)
}

fn hundredths(x: f64) -> u32 {
    // The sums are of simple fractions; rounding to the nearest hundredth keeps 2/3 + 1/3
    // at exactly one.
    (x * 100.0).round() as u32
}

/// Tallies where the key of one-right items ranks.
#[derive(Default)]
struct RankTally {
    items: usize,
    seen: [usize; 3],
    chance: [f64; 3],
}

impl RankTally {
    fn add(&mut self, choices: &[(&str, bool)]) {
        let right: Vec<usize> = (0..choices.len()).filter(|&i| choices[i].1).collect();
        let [key] = right[..] else {
            return;
        };
        if choices.len() < 2 {
            return;
        }
        let texts: Vec<&str> = choices.iter().map(|(t, _)| *t).collect();
        self.items += 1;
        match rank_of(&texts, key) {
            Some(Rank::Longest) => self.seen[0] += 1,
            Some(Rank::Shortest) => self.seen[2] += 1,
            _ => self.seen[1] += 1,
        }
        for (sum, p) in self.chance.iter_mut().zip(rank_chance(&texts)) {
            *sum += p;
        }
    }

    fn finish(&self) -> KeyRank {
        KeyRank {
            items: self.items,
            longest: self.seen[0],
            middle: self.seen[1],
            shortest: self.seen[2],
            chance_hundredths: self.chance.map(hundredths),
        }
    }
}

/// Tallies how many of some counted things are right against chance.
#[derive(Default)]
struct ChanceTally {
    items: usize,
    right: usize,
    chance: f64,
}

impl ChanceTally {
    fn add(&mut self, right: bool, chance: f64) {
        self.items += 1;
        self.right += usize::from(right);
        self.chance += chance;
    }

    fn finish(&self) -> ChanceCount {
        ChanceCount {
            items: self.items,
            right: self.right,
            chance_hundredths: hundredths(self.chance),
        }
    }
}

impl LanguageCues {
    /// The figures for `questions` as filled in `lang`, reading `words` (that language's cue
    /// words, if the content gives any; length cues are measured either way).
    pub fn of(lang: Lang, questions: &[&Question], words: Option<&CueWords>) -> LanguageCues {
        let mut absolutes = CueSplit {
            true_with: 0,
            false_with: 0,
        };
        let mut need_not = absolutes;
        let mut plain = absolutes;
        let (mut single, mut scenario) = (RankTally::default(), RankTally::default());
        let mut longest = ChanceTally::default();
        let (mut reasons, mut option_absolutes) = (ChanceTally::default(), ChanceTally::default());
        let mut singular = Vec::new();

        let mut options = |choices: &Choices, words: Option<&CueWords>| {
            let right = choices.iter().filter(|(_, r)| *r).count();
            let chance = right as f64 / choices.len().max(1) as f64;
            for &(t, is_right) in choices {
                if let Some(w) = words {
                    if w.has_reason(t) {
                        reasons.add(is_right, chance);
                    }
                    if w.has_absolute(t) {
                        option_absolutes.add(is_right, chance);
                    }
                }
            }
        };
        for q in questions {
            match &q.kind {
                QuestionKind::TrueFalse { answer } => {
                    let statement = q.prompt.as_str();
                    let tally = |split: &mut CueSplit| {
                        if *answer {
                            split.true_with += 1;
                        } else {
                            split.false_with += 1;
                        }
                    };
                    if let Some(w) = words {
                        let (absolute, needless) =
                            (w.has_absolute(statement), w.has_need_not(statement));
                        if absolute {
                            tally(&mut absolutes);
                        }
                        if needless {
                            tally(&mut need_not);
                        }
                        if !(absolute || needless) {
                            tally(&mut plain);
                        }
                    }
                }
                QuestionKind::Single { options: opts } => {
                    let choices: Choices =
                        opts.iter().map(|o| (o.text.as_str(), o.correct)).collect();
                    single.add(&choices);
                    options(&choices, words);
                }
                QuestionKind::Multiple { options: opts } => {
                    let choices: Choices =
                        opts.iter().map(|o| (o.text.as_str(), o.correct)).collect();
                    let texts: Vec<&str> = choices.iter().map(|(t, _)| *t).collect();
                    if let Some(i) =
                        (0..texts.len()).find(|&i| rank_of(&texts, i) == Some(Rank::Longest))
                    {
                        let right = choices.iter().filter(|(_, r)| *r).count();
                        longest.add(choices[i].1, right as f64 / choices.len() as f64);
                    }
                    if words.is_some_and(|w| w.asks_in_singular(q.prompt.as_str())) {
                        singular.push(q.id.clone());
                    }
                    options(&choices, words);
                }
                QuestionKind::Scenario { steps } => {
                    for step in steps {
                        let choices: Choices = step
                            .choices
                            .iter()
                            .map(|c| (c.text.as_str(), c.correct))
                            .collect();
                        scenario.add(&choices);
                        options(&choices, words);
                    }
                }
                QuestionKind::Ordering { .. } => {}
            }
        }
        LanguageCues {
            lang,
            absolutes: words.map(|_| absolutes),
            need_not: words.map(|_| need_not),
            plain: words.map(|_| plain),
            single_key: single.finish(),
            scenario_key: scenario.finish(),
            multiple_longest_right: longest.finish(),
            reason_right: words.map(|_| reasons.finish()),
            absolute_right: words.map(|_| option_absolutes.finish()),
            singular_multiple: words.map(|_| singular),
        }
    }

    /// What leaves the aims, one sentence each, with the figures.
    pub fn warnings(&self) -> Vec<String> {
        let lang = self.lang;
        let mut out = Vec::new();
        for (split, what) in [
            (&self.absolutes, "an absolute (always, never, only …)"),
            (&self.need_not, "\"need not\""),
            (&self.plain, "neither an absolute nor \"need not\""),
        ] {
            if let Some(s) = split.filter(|s| !s.in_aim()) {
                out.push(format!(
                    "{lang}: true/false statements with {what}: {} true, {} false; aim for as near half true as the count allows",
                    s.true_with, s.false_with
                ));
            }
        }
        for (rank, what) in [
            (&self.single_key, "single-choice keys"),
            (&self.scenario_key, "wise scenario choices"),
        ] {
            if !rank.in_aim() {
                let [l, m, s] = rank.chance_hundredths.map(figure);
                out.push(format!(
                    "{lang}: {what} by length: longest {}, middle {}, shortest {} of {}; chance gives {l}, {m}, {s}; aim for no more than chance, rounded up, in each",
                    rank.longest, rank.middle, rank.shortest, rank.items
                ));
            }
        }
        let counts = [
            (
                Some(&self.multiple_longest_right),
                "multiple-choice questions whose longest option is right",
            ),
            (
                self.reason_right.as_ref(),
                "options with a reason (because …) that are right",
            ),
            (
                self.absolute_right.as_ref(),
                "options with an absolute that are right",
            ),
        ];
        for (count, what) in counts {
            if let Some(c) = count.filter(|c| !c.in_aim()) {
                let (lo, hi) = c.aim();
                let aim = if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo}–{hi}")
                };
                out.push(format!(
                    "{lang}: {what}: {} of {}; chance gives {}; aim for {aim}",
                    c.right,
                    c.items,
                    figure(c.chance_hundredths)
                ));
            }
        }
        if let Some(ids) = self
            .singular_multiple
            .as_ref()
            .filter(|ids| !ids.is_empty())
        {
            out.push(format!(
                "{lang}: multiple-choice prompts that ask for one thing: {}; ask in a form that fits any number of right options",
                ids.join(", ")
            ));
        }
        out
    }
}

/// Hundredths as a short decimal: `250` → `2.5`, `300` → `3`, `267` → `2.67`.
pub fn figure(hundredths: u32) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_by_length_with_ties_in_the_middle() {
        let texts = ["aa", "a", "aaa", "aa"];
        assert_eq!(rank_of(&texts, 2), Some(Rank::Longest));
        assert_eq!(rank_of(&texts, 1), Some(Rank::Shortest));
        assert_eq!(rank_of(&texts, 0), Some(Rank::Middle));
        assert_eq!(rank_of(&["a", "b"], 0), Some(Rank::Middle));
        assert_eq!(rank_of(&["a", "bb"], 0), Some(Rank::Shortest));
        assert_eq!(rank_of(&["a"], 3), None);
        // Markup counts for nothing: the learner sees "Salainen (hemlig)" in both.
        assert_eq!(
            rank_of(&["Salainen ([hemlig]{lang=sv})", "Salainen (hemlig)!"], 0),
            Some(Rank::Shortest)
        );
        assert_eq!(rank_chance(&texts), [0.25, 0.5, 0.25]);
        assert_eq!(rank_chance(&["x", "y", "zz"]), [1.0 / 3.0, 2.0 / 3.0, 0.0]);
    }

    #[test]
    fn figures_read_as_short_decimals() {
        assert_eq!(figure(250), "2.5");
        assert_eq!(figure(300), "3");
        assert_eq!(figure(267), "2.67");
        assert_eq!(figure(5), "0.05");
    }
}
