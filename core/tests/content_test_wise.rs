//! A learner who knows nothing of the subject but every trick of taking tests plays each
//! module's quiz in the shipped course, as each role that takes it and in each shipped
//! language, over the course's own draw rules and scoring. The tricks are the ones such
//! learners are taught: an absolute or a "need not" makes a statement false, options carrying
//! a reason or an absolute are made-up ones, the key is neither the longest nor the shortest
//! (or it is the longest), and the longest option of a "select all" question is the odd one
//! out. If the wording and the lengths give nothing away, no trick does better than guessing.
//!
//! A language is played as its learners read it, so only once it is complete: a language
//! whose report has texts missing (shown in its fallback language) or made from a source
//! text that has changed since is skipped, with a note, until its translation is done. A
//! language whose cue words `content::cues` does not know is played on lengths alone.
//!
//! `cargo test -p trygg-core --test content_test_wise -- --nocapture` prints the figures.

mod content_support;

use std::collections::HashMap;

use content_support::{shipped_course, shipped_cue_words, shipped_files, shipped_languages};
use trygg_core::content::{
    language_reports, load_course_in, plain_words, rank_of, Course, CueLexicon, CueWords, Lang,
    Module, Question, QuestionKind, Rank, Role,
};
use trygg_core::quiz::{
    draw_quiz, question_by_id, scenario_next_step, score_attempt, shuffle, Answer, QuizPlan,
    QuizRng, ScenarioPick,
};

/// Quizzes drawn per module, role, language and learner.
const DRAWS: u64 = 1000;

/// The shipped course filled in each shipped language that is complete, the course's own
/// first; each language left out is named with the reason.
fn complete_languages() -> (Vec<Course>, Vec<String>) {
    let files = shipped_files();
    let source = shipped_course();
    let reports = language_reports(&files, &source).expect("every language file reads");
    let mut courses = Vec::new();
    let mut skipped = Vec::new();
    for lang in shipped_languages() {
        let report = reports
            .iter()
            .find(|r| r.lang == lang.code())
            .expect("a report for every language");
        if !report.missing.is_empty() || !report.stale.is_empty() {
            skipped.push(format!(
                "{lang}: skipped until its translation is complete ({} texts missing, {} stale)",
                report.missing.len(),
                report.stale.len()
            ));
            continue;
        }
        courses.push(load_course_in(&files, Some(lang)).expect("content loads"));
    }
    (courses, skipped)
}

/// How a learner without the knowledge picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Learner {
    /// Uniformly at random: the chance every trick is measured against.
    Blind,
    /// Drops options with a reason or an absolute, then the longest and the shortest.
    WordsThenMiddle,
    /// Drops options with a reason or an absolute, then takes the longest.
    WordsThenLongest,
    /// Drops the longest and the shortest option.
    Middle,
    /// Takes the longest option.
    Longest,
}

const TRICKS: [Learner; 4] = [
    Learner::WordsThenMiddle,
    Learner::WordsThenLongest,
    Learner::Middle,
    Learner::Longest,
];

impl Learner {
    fn reads_words(self) -> bool {
        matches!(self, Learner::WordsThenMiddle | Learner::WordsThenLongest)
    }

    /// The options it would still pick among, for a question with one answer.
    fn candidates(self, texts: &[&str], words: Option<&CueWords>) -> Vec<usize> {
        let mut left: Vec<usize> = (0..texts.len()).collect();
        if let Some(words) = words.filter(|_| self.reads_words()) {
            let plain: Vec<usize> = left
                .iter()
                .copied()
                .filter(|&i| !(words.has_reason(texts[i]) || words.has_absolute(texts[i])))
                .collect();
            if !plain.is_empty() {
                left = plain;
            }
        }
        let shown: Vec<&str> = left.iter().map(|&i| texts[i]).collect();
        let rank = |k: usize| rank_of(&shown, k);
        match self {
            Learner::Blind => left,
            Learner::WordsThenMiddle | Learner::Middle => {
                let middle: Vec<usize> = (0..left.len())
                    .filter(|&k| rank(k) == Some(Rank::Middle))
                    .map(|k| left[k])
                    .collect();
                if left.len() >= 3 && !middle.is_empty() {
                    middle
                } else {
                    left
                }
            }
            Learner::WordsThenLongest | Learner::Longest => {
                // Length as the learner sees it: the words, not their markup.
                let shown_len = |t: &str| plain_words(t).chars().count();
                let longest = shown.iter().map(|t| shown_len(t)).max().unwrap_or(0);
                left.into_iter()
                    .filter(|&i| shown_len(texts[i]) == longest)
                    .collect()
            }
        }
    }

    /// The options it ticks in a "select all that apply" question: every one but those it
    /// distrusts (the longest, and for word readers those with a reason or an absolute).
    fn ticks(self, texts: &[&str], words: Option<&CueWords>) -> Vec<usize> {
        let n = texts.len();
        let mut ticked: Vec<usize> = (0..n).collect();
        if let Some(words) = words.filter(|_| self.reads_words()) {
            ticked.retain(|&i| !(words.has_reason(texts[i]) || words.has_absolute(texts[i])));
        }
        if matches!(
            self,
            Learner::WordsThenLongest | Learner::Longest | Learner::Middle
        ) {
            ticked.retain(|&i| rank_of(texts, i) != Some(Rank::Longest));
        }
        if ticked.is_empty() {
            ticked = (0..n).collect();
        }
        ticked
    }

    /// Everything this learner decides from the text of a question (filled in the language
    /// played), worked out once: the draws then only add the random picks.
    fn prepare(self, q: &Question, words: Option<&CueWords>) -> Prepared {
        match &q.kind {
            // Every learner but the blind one reads an absolute or a "need not" as "false".
            QuestionKind::TrueFalse { .. } => {
                Prepared::Verdict((self != Learner::Blind).then(|| {
                    let statement = q.prompt.as_str();
                    !words.is_some_and(|w| w.has_absolute(statement) || w.has_need_not(statement))
                }))
            }
            QuestionKind::Single { options } => {
                let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
                Prepared::Pick(self.candidates(&texts, words))
            }
            QuestionKind::Multiple { options } => {
                let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
                Prepared::Ticks(
                    (self != Learner::Blind).then(|| self.ticks(&texts, words)),
                    texts.len(),
                )
            }
            QuestionKind::Ordering { steps } => Prepared::Order(steps.len()),
            QuestionKind::Scenario { steps } => Prepared::Steps(
                steps
                    .iter()
                    .map(|step| {
                        let texts: Vec<&str> =
                            step.choices.iter().map(|c| c.text.as_str()).collect();
                        self.candidates(&texts, words)
                    })
                    .collect(),
            ),
        }
    }
}

/// A learner's decisions on one question, before the random picks.
enum Prepared {
    /// `None`: a coin toss.
    Verdict(Option<bool>),
    /// The options left to pick among at random.
    Pick(Vec<usize>),
    /// The options ticked (`None`: any non-empty set at random), and how many there are.
    Ticks(Option<Vec<usize>>, usize),
    /// Steps put in a random order.
    Order(usize),
    /// Per scenario step (in content order), the choices left to pick among.
    Steps(Vec<Vec<usize>>),
}

impl Prepared {
    fn answer(&self, q: &Question, rng: &mut QuizRng) -> Answer {
        match self {
            Prepared::Verdict(v) => Answer::TrueFalse {
                value: v.unwrap_or_else(|| rng.below(2) == 0),
            },
            Prepared::Pick(left) => Answer::Single {
                option: left[rng.below(left.len())],
            },
            Prepared::Ticks(Some(ticked), _) => Answer::Multiple {
                options: ticked.clone(),
            },
            Prepared::Ticks(None, n) => loop {
                let set: Vec<usize> = (0..*n).filter(|_| rng.below(2) == 0).collect();
                if !set.is_empty() {
                    break Answer::Multiple { options: set };
                }
            },
            Prepared::Order(n) => {
                let mut order: Vec<usize> = (0..*n).collect();
                shuffle(rng, &mut order);
                Answer::Ordering { steps: order }
            }
            Prepared::Steps(per_step) => {
                let QuestionKind::Scenario { steps } = &q.kind else {
                    return Answer::Scenario {
                        choices: Vec::new(),
                    };
                };
                let mut picks = Vec::new();
                while let Some(step) = scenario_next_step(q, &picks) {
                    let at = steps.iter().position(|s| s.id == step.id).unwrap_or(0);
                    let left = &per_step[at];
                    picks.push(ScenarioPick {
                        step: step.id.clone(),
                        choice: left[rng.below(left.len())],
                    });
                }
                Answer::Scenario { choices: picks }
            }
        }
    }
}

/// Mean score (percent) and pass rate (per mille) of a learner over the given draws, on
/// `module` as filled in the language played. Each language's random picks come from a seed
/// of its own.
fn play(
    module: &Module,
    plans: &[QuizPlan],
    learner: Learner,
    pass_mark: u8,
    lexicon: &CueLexicon,
) -> (f64, u32) {
    let lang = module.texts.expect("the module is filled in a language");
    let words = lexicon.for_lang(lang.code());
    let prepared: HashMap<&str, Prepared> = module
        .questions
        .iter()
        .map(|q| (q.id.as_str(), learner.prepare(q, words)))
        .collect();
    let mut rng = QuizRng::new(0x7e57_3a5e ^ seed_of(lang));
    let (mut sum, mut passed) = (0u64, 0u32);
    for plan in plans {
        let answers: Vec<Option<Answer>> = plan
            .items
            .iter()
            .map(|item| {
                let q = question_by_id(module, &item.question_id).expect("drawn question exists");
                Some(prepared[q.id.as_str()].answer(q, &mut rng))
            })
            .collect();
        let score = score_attempt(module, plan, &answers, pass_mark).expect("scores");
        sum += u64::from(score.percent);
        passed += u32::from(score.passed);
    }
    let n = plans.len().max(1);
    (sum as f64 / n as f64, passed * 1000 / n as u32)
}

#[test]
fn tricks_do_no_better_than_guessing_in_any_module_role_or_language() {
    let (courses, skipped) = complete_languages();
    for note in &skipped {
        eprintln!("note: {note}");
    }
    let Some(course) = courses.first() else {
        panic!("no language is complete: {}", skipped.join("; "));
    };
    assert_eq!(
        course.lang,
        shipped_languages().first().copied(),
        "the language the course is written in is always played"
    );
    let pass_mark = course.organisation.pass_mark;
    let mut failures = Vec::new();
    // `TEST_WISE_MODULE=violence` plays one module only, for a quick look while editing it.
    let only = std::env::var("TEST_WISE_MODULE").ok();
    let lexicon = shipped_cue_words();
    for module in course
        .modules
        .iter()
        .filter(|m| only.as_ref().is_none_or(|id| *id == m.id))
    {
        for role in Role::ALL {
            let takes = course
                .required_modules(role)
                .iter()
                .chain(course.optional_modules(role).iter())
                .any(|m| m.id == module.id);
            if !takes {
                continue;
            }
            // The same quizzes for every learner and language: the draws are the course's
            // own, and they depend on the structure alone.
            let plans: Vec<QuizPlan> = (0..DRAWS)
                .map(|seed| draw_quiz(module, role, seed))
                .collect();
            for version in courses.iter().filter_map(|c| c.module(&module.id)) {
                let lang = version.texts.expect("filled in a language");
                let (blind_mean, blind_pass) =
                    play(version, &plans, Learner::Blind, pass_mark, &lexicon);
                let mut line = format!(
                    "{:13} {:8} {}  blind {blind_mean:5.1} % ({blind_pass:3} ‰)",
                    module.id,
                    role.key(),
                    lang.code()
                );
                for learner in TRICKS {
                    let (mean, pass) = play(version, &plans, learner, pass_mark, &lexicon);
                    line.push_str(&format!("  {learner:?} {mean:5.1} % ({pass:3} ‰)"));
                    if mean > blind_mean + MEAN_MARGIN || pass > blind_pass + PASS_MARGIN {
                        failures.push(format!(
                            "{} as {} in {}: {learner:?} scores {mean:.1} % and passes {pass} ‰; guessing gives {blind_mean:.1} % and {blind_pass} ‰",
                            module.id,
                            role.key(),
                            lang.code()
                        ));
                    }
                }
                eprintln!("{line}");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "tricks that beat guessing:\n{}",
        failures.join("\n")
    );
}

/// A number from a language tag, so each language's picks differ from the others'.
fn seed_of(lang: Lang) -> u64 {
    lang.code()
        .bytes()
        .fold(0, |seed, b| seed.rotate_left(8) ^ u64::from(b))
}

/// How much better than guessing a trick may do before it counts as a cue: about one
/// question in fifteen on the mean, and one pass in a hundred quizzes.
const MEAN_MARGIN: f64 = 6.5;
const PASS_MARGIN: u32 = 10;
