//! The balance figures `trygg content check` prints per module, and when they warn: each
//! aim at its edges, in each language. (The fixture course's exact figures are checked in
//! `content_checks`.)

mod quiz_support;

use std::collections::BTreeMap;

use quiz_support::*;
use serde_json::json;
use trygg_core::content::{
    AnswerOption, Balance, ChanceCount, CueLexicon, CueSplit, KeyRank, Lang, LanguageCues, Module,
    Question, QuestionKind, Role, ScenarioChoice, Text,
};

/// The shipped languages' cue words (`content/languages/<tag>/cues.json`), as the check reads
/// them.
fn cue_words() -> CueLexicon {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let files: Vec<(String, Vec<u8>)> = ["sv", "en", "fi"]
        .iter()
        .map(|tag| {
            let path = format!("languages/{tag}/cues.json");
            let bytes = std::fs::read(root.join(&path)).expect("shipped cue words");
            (path, bytes)
        })
        .collect();
    CueLexicon::from_files(&files).expect("the shipped cue words read")
}

/// Which of a pair of texts a module version is filled with: the tests write each text in
/// Swedish and English side by side, and measure the module as filled in each, as `trygg
/// content check` measures the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum In {
    Sv,
    En,
}

impl In {
    fn tag(self) -> &'static str {
        match self {
            In::Sv => "sv",
            In::En => "en",
        }
    }

    fn pick(self, sv: &str, en: &str) -> Text {
        Text::new(if self == In::Sv { sv } else { en })
    }
}

/// `questions` in a module filled in one language.
fn version(lang: In, questions: Vec<Question>) -> Module {
    let mut m = module("m", 1, 1, questions);
    m.texts = Lang::parse(lang.tag());
    m
}

/// The module as filled in Swedish and in English, Swedish first, the course's order.
fn versions(questions: impl Fn(In) -> Vec<Question>) -> [Module; 2] {
    [
        version(In::Sv, questions(In::Sv)),
        version(In::En, questions(In::En)),
    ]
}

/// The figures of the module in both languages.
fn balance(questions: impl Fn(In) -> Vec<Question>) -> Balance {
    let [sv, en] = versions(questions);
    Balance::of(&[&sv, &en], &cue_words())
}

/// The figures of questions whose texts are the same in both languages.
fn balance_of_same(questions: Vec<Question>) -> Balance {
    balance(|_| questions.clone())
}

fn tf_module(answers: &[bool]) -> Balance {
    let questions = answers
        .iter()
        .enumerate()
        .map(|(i, a)| true_false(&format!("q{i}"), *a))
        .collect();
    balance_of_same(questions)
}

fn opt(l: In, sv: &str, en: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        id: String::new(),
        text: l.pick(sv, en),
        correct,
    }
}

/// An option written the same in both languages.
fn same(text: &str, correct: bool) -> AnswerOption {
    opt(In::Sv, text, text, correct)
}

/// Options get the ids `a`, `b` … in order.
fn with_ids(options: Vec<AnswerOption>) -> Vec<AnswerOption> {
    options
        .into_iter()
        .enumerate()
        .map(|(i, o)| AnswerOption { id: letter(i), ..o })
        .collect()
}

fn single_with(id: &str, options: Vec<AnswerOption>) -> Question {
    let options = with_ids(options);
    question(id, QuestionKind::Single { options })
}

/// A four-option single-choice question whose key has the given length rank (0 longest, 1
/// middle, 2 shortest) in both languages; the other options are 2, 4 and 6 letters long
/// around it.
fn ranked(id: &str, rank: usize) -> Question {
    let key = ["xxxxxxxx", "xxxxx", "x"][rank];
    let others = [
        ["xx", "xxxx", "xxxxxx"],
        ["xx", "xxxxxxxx", "xxxx"],
        ["xx", "xxxx", "xxxxxx"],
    ][rank];
    let mut options = vec![same(key, true)];
    options.extend(others.iter().map(|o| same(o, false)));
    single_with(id, options)
}

fn ranked_balance(ranks: &[usize]) -> Balance {
    let questions = ranks
        .iter()
        .enumerate()
        .map(|(i, &r)| ranked(&format!("q{i}"), r))
        .collect();
    balance_of_same(questions)
}

/// The figures of one language.
fn lang<'b>(b: &'b Balance, tag: &str) -> &'b LanguageCues {
    b.cues
        .iter()
        .find(|c| c.lang.code() == tag)
        .expect("language measured")
}

fn statement(l: In, id: &str, sv: &str, en: &str, answer: bool) -> Question {
    let mut q = true_false(id, answer);
    q.prompt = l.pick(sv, en);
    q
}

#[test]
fn true_false_counts_and_percent() {
    let b = tf_module(&[true, false, false, false]);
    assert_eq!(
        serde_json::to_value(b.true_false).unwrap(),
        json!({ "questions": 4, "answered_true": 1, "percent_true": 25 })
    );
    // The share comes first; the cue-free statements then lean the same way in each language.
    assert_eq!(
        b.warnings()[0],
        "1 of 4 true/false questions are answered \"true\" (25 %); aim for 40–60 %"
    );
    assert_eq!(b.warnings().len(), 3);
}

#[test]
fn true_false_aim_is_as_near_half_as_the_count_allows() {
    // (questions, counts of "true" that meet the aim)
    let table: [(usize, &[usize]); 8] = [
        (0, &[0]),
        (1, &[0, 1]),
        (2, &[1]),
        (3, &[1, 2]),
        (4, &[2]),
        (5, &[2, 3]),
        (9, &[4, 5]),
        (10, &[4, 5, 6]),
    ];
    for (n, ok) in table {
        for t in 0..=n {
            let answers: Vec<bool> = (0..n).map(|i| i < t).collect();
            let b = tf_module(&answers);
            assert_eq!(b.true_false.in_aim(), ok.contains(&t), "{t} true of {n}");
            assert_eq!(b.warnings().is_empty(), ok.contains(&t), "{t} of {n}");
        }
    }
}

fn multiple_balance(right_counts: &[usize]) -> Balance {
    let questions = right_counts
        .iter()
        .enumerate()
        .map(|(i, &right)| {
            let correct: Vec<usize> = (0..right).collect();
            multiple(&format!("q{i}"), 5, &correct)
        })
        .collect();
    balance_of_same(questions)
}

#[test]
fn multiple_choice_right_options_are_counted() {
    let b = multiple_balance(&[1, 3, 3, 4, 2, 3]);
    assert_eq!(
        b.multiple_right_options,
        BTreeMap::from([(1, 1), (2, 1), (3, 3), (4, 1)])
    );
    assert_eq!(
        b.multiple_text(),
        "1 right: 1, 2 right: 1, 3 right: 3, 4 right: 1"
    );
    assert!(b.multiple_is_spread());
}

#[test]
fn multiple_choice_all_alike_warns() {
    let b = multiple_balance(&[3, 3, 3]);
    assert!(!b.multiple_is_spread());
    assert_eq!(
        b.warnings(),
        ["multiple-choice questions by number of right options: 3 right: 3; aim for a spread from one to four"]
    );
    // One number may cover at most half the questions, rounded up.
    for (counts, spread) in [
        (&[3][..], true),
        (&[3, 3], false),
        (&[3, 1], true),
        (&[3, 3, 1], true),
        (&[3, 3, 3, 1], false),
        (&[3, 3, 2, 1], true),
        (&[3, 3, 3, 2, 1], true),
        (&[3, 3, 3, 3, 1], false),
    ] {
        assert_eq!(
            multiple_balance(counts).multiple_is_spread(),
            spread,
            "{counts:?}"
        );
    }
}

#[test]
fn absolutes_and_need_not_in_true_and_false_statements() {
    let questions = |l: In| {
        vec![
            statement(
                l,
                "a",
                "Du ska alltid larma.",
                "You must always raise the alarm.",
                true,
            ),
            statement(
                l,
                "b",
                "Hot behöver inte rapporteras.",
                "Threats need not be reported.",
                false,
            ),
            statement(
                l,
                "c",
                "Det gäller aldrig chefer.",
                "It never applies to managers.",
                false,
            ),
            statement(
                l,
                "d",
                "Rapportera samma dag.",
                "Report the same day.",
                true,
            ),
        ]
    };
    let b = balance(questions);
    for tag in ["sv", "en"] {
        let c = lang(&b, tag);
        assert_eq!(
            c.absolutes,
            Some(CueSplit {
                true_with: 1,
                false_with: 1
            }),
            "{tag}"
        );
        assert_eq!(
            c.need_not,
            Some(CueSplit {
                true_with: 0,
                false_with: 1
            }),
            "{tag}"
        );
    }
    assert!(b.warnings().is_empty(), "{:?}", b.warnings());
}

#[test]
fn absolutes_only_in_false_statements_warn_in_the_language_that_has_them() {
    let questions = |l: In| {
        vec![
            statement(
                l,
                "a",
                "Du ska alltid stanna.",
                "You should stay put.",
                false,
            ),
            statement(
                l,
                "b",
                "Du ska aldrig larma.",
                "You should not raise the alarm.",
                false,
            ),
            statement(
                l,
                "c",
                "Larma och gå därifrån.",
                "Raise the alarm and leave.",
                true,
            ),
            statement(l, "d", "Lämna platsen.", "Leave the place.", true),
        ]
    };
    let b = balance(questions);
    // In Swedish the absolutes mark the false statements, so the plain ones are the true ones;
    // in English neither side leans.
    assert_eq!(
        b.warnings(),
        [
            "sv: true/false statements with an absolute (always, never, only …): 0 true, 2 false; aim for as near half true as the count allows",
            "sv: true/false statements with neither an absolute nor \"need not\": 2 true, 0 false; aim for as near half true as the count allows",
        ]
    );
    assert!(CueSplit {
        true_with: 1,
        false_with: 2
    }
    .in_aim());
    assert!(!CueSplit {
        true_with: 0,
        false_with: 3
    }
    .in_aim());
    assert!(CueSplit {
        true_with: 0,
        false_with: 1
    }
    .in_aim());
}

#[test]
fn statements_without_a_cue_are_as_near_half_true_as_those_with_one() {
    // Every cue-free statement is true and every one with a cue false: a learner who reads
    // "no absolute" as "true" is right every time, though each cue alone is balanced.
    let questions = |l: In| {
        vec![
            statement(l, "a", "Larma direkt.", "Raise the alarm at once.", true),
            statement(
                l,
                "b",
                "Rapportera samma dag.",
                "Report the same day.",
                true,
            ),
            statement(
                l,
                "c",
                "Du ska aldrig larma.",
                "You should never raise the alarm.",
                false,
            ),
            statement(
                l,
                "d",
                "Du ska alltid larma.",
                "You must always raise the alarm.",
                true,
            ),
            statement(
                l,
                "e",
                "Hot behöver inte rapporteras.",
                "Threats need not be reported.",
                false,
            ),
            statement(
                l,
                "f",
                "Då behöver du inte larma.",
                "Then you do not need to raise the alarm.",
                true,
            ),
            statement(l, "g", "Allt kan vänta.", "Everything can wait.", false),
        ]
    };
    let b = balance(questions);
    assert_eq!(
        b.warnings(),
        [
            "sv: true/false statements with neither an absolute nor \"need not\": 2 true, 0 false; aim for as near half true as the count allows",
            "en: true/false statements with neither an absolute nor \"need not\": 2 true, 0 false; aim for as near half true as the count allows",
        ]
    );
    // "behöver du inte" is "need not" too, with the subject after the verb.
    assert_eq!(
        lang(&b, "sv").need_not,
        Some(CueSplit {
            true_with: 1,
            false_with: 1
        })
    );
}

#[test]
fn single_choice_keys_are_ranked_by_length_against_chance() {
    // Four four-option questions: chance puts one key at each end and two in the middle.
    let b = ranked_balance(&[0, 1, 1, 2]);
    let c = lang(&b, "en");
    assert_eq!(
        c.single_key,
        KeyRank {
            items: 4,
            longest: 1,
            middle: 2,
            shortest: 1,
            chance_hundredths: [100, 200, 100]
        }
    );
    assert!(b.warnings().is_empty(), "{:?}", b.warnings());
    // Every key in the middle: "drop the longest and the shortest" would double the odds.
    let b = ranked_balance(&[1, 1, 1, 1]);
    assert_eq!(
        b.warnings(),
        [
            "sv: single-choice keys by length: longest 0, middle 4, shortest 0 of 4; chance gives 1, 2, 1; aim for no more than chance, rounded up, in each",
            "en: single-choice keys by length: longest 0, middle 4, shortest 0 of 4; chance gives 1, 2, 1; aim for no more than chance, rounded up, in each",
        ]
    );
    // Rounded up: five questions give 1.25 at each end, so two longest keys are fine, three not.
    assert!(ranked_balance(&[0, 0, 1, 1, 2]).warnings().is_empty());
    assert!(!ranked_balance(&[0, 0, 0, 1, 2]).warnings().is_empty());
}

#[test]
fn a_tie_at_either_end_counts_as_middle() {
    let tie = single_with(
        "tie",
        vec![same("same", true), same("also", false), same("x", false)],
    );
    let b = balance_of_same(vec![tie]);
    let rank = lang(&b, "sv").single_key;
    assert_eq!((rank.longest, rank.middle, rank.shortest), (0, 1, 0));
    // Chance: "x" is the one shortest, the tied pair is middle.
    assert_eq!(rank.chance_hundredths, [0, 67, 33]);
}

#[test]
fn each_language_is_ranked_on_its_own_lengths() {
    // The same questions in Swedish and in English: the Swedish key is always the shortest,
    // the English one always the longest. Each is a cue to a learner reading that language.
    let q = |l: In| {
        (0..3)
            .map(|i| {
                single_with(
                    &format!("q{i}"),
                    vec![
                        opt(l, "kort", "the longer one", true),
                        opt(l, "längre fel", "short", false),
                        opt(l, "mellan", "middle", false),
                    ],
                )
            })
            .collect()
    };
    let b = balance(q);
    assert_eq!(lang(&b, "sv").single_key.shortest, 3);
    assert_eq!(lang(&b, "en").single_key.longest, 3);
    assert_eq!(
        b.warnings(),
        [
            "sv: single-choice keys by length: longest 0, middle 0, shortest 3 of 3; chance gives 1, 1, 1; aim for no more than chance, rounded up, in each",
            "en: single-choice keys by length: longest 3, middle 0, shortest 0 of 3; chance gives 1, 1, 1; aim for no more than chance, rounded up, in each",
        ]
    );
    // Measured in the order the versions come, which is the course's.
    let [sv, en] = versions(q);
    let tags =
        |b: Balance| -> Vec<String> { b.cues.iter().map(|c| c.lang.code().to_owned()).collect() };
    assert_eq!(tags(Balance::of(&[&sv, &en], &cue_words())), ["sv", "en"]);
    assert_eq!(tags(Balance::of(&[&en, &sv], &cue_words())), ["en", "sv"]);
}

#[test]
fn a_version_without_texts_adds_no_cues_and_no_versions_no_figures() {
    let [sv, _] = versions(|_| vec![true_false("a", true), true_false("b", false)]);
    let mut structure = sv.clone();
    structure.texts = None;
    let b = Balance::of(&[&structure], &cue_words());
    assert_eq!(b.true_false.questions, 2);
    assert!(b.cues.is_empty());
    assert_eq!(Balance::of(&[&structure, &sv], &cue_words()).cues.len(), 1);
    assert_eq!(Balance::of(&[], &cue_words()), Balance::default());
}

fn choice(text: &str, correct: bool) -> ScenarioChoice {
    ScenarioChoice {
        id: String::new(),
        text: Text::new(text),
        feedback: Text::new("ok"),
        correct,
        next: None,
    }
}

#[test]
fn scenario_steps_with_one_wise_choice_are_ranked_too() {
    let questions = |l: In| {
        let steps = (0..3)
            .map(|i| {
                let mut s = step(
                    &format!("s{i}"),
                    vec![
                        choice("the wise and longest one", true),
                        choice("short", false),
                        choice("shorter", false),
                    ],
                );
                s.text = l.pick("Vad gör du?", "What do you do?");
                s
            })
            .collect();
        vec![question("sc", QuestionKind::Scenario { steps })]
    };
    let b = balance(questions);
    let rank = lang(&b, "sv").scenario_key;
    assert_eq!(
        (rank.items, rank.longest, rank.middle, rank.shortest),
        (3, 3, 0, 0)
    );
    assert_eq!(rank.chance_hundredths, [100, 100, 100]);
    assert_eq!(b.warnings().len(), 2, "{:?}", b.warnings());
}

fn multiple_with(id: &str, options: Vec<AnswerOption>) -> Question {
    let options = with_ids(options);
    question(id, QuestionKind::Multiple { options })
}

#[test]
fn the_longest_option_of_multiple_choice_is_right_as_often_as_chance() {
    // With the longest right, two of four are right; with it wrong, three of four are.
    let q = |id: &str, longest_right: bool| {
        multiple_with(
            id,
            vec![
                same("the longest option here", longest_right),
                same("aa", !longest_right),
                same("bb", true),
                same("cc", !longest_right),
            ],
        )
    };
    let b = balance_of_same(vec![q("a", true), q("b", false)]);
    assert_eq!(
        lang(&b, "sv").multiple_longest_right,
        ChanceCount {
            items: 2,
            right: 1,
            chance_hundredths: 125
        }
    );
    assert!(b.warnings().is_empty(), "{:?}", b.warnings());
    let b = balance_of_same(vec![q("a", false), q("b", false), q("c", false)]);
    assert!(b.warnings().contains(
        &"sv: multiple-choice questions whose longest option is right: 0 of 3; chance gives 2.25; aim for 2–3".to_string()
    ));
    // Right too often is as much a cue as wrong too often.
    let b = balance_of_same(vec![q("a", true), q("b", true), q("c", true)]);
    assert!(!b.warnings().is_empty());
}

#[test]
fn options_with_a_reason_or_an_absolute_are_right_as_often_as_chance() {
    let questions = |l: In| {
        vec![single_with(
            "q",
            vec![
                opt(
                    l,
                    "Nej, eftersom det inte behövs",
                    "No, because it is not needed",
                    false,
                ),
                opt(l, "Ja, alltid", "Yes, always", true),
                opt(l, "Kanske", "Maybe", false),
            ],
        )]
    };
    let b = balance(questions);
    for tag in ["sv", "en"] {
        let c = lang(&b, tag);
        assert_eq!(
            c.reason_right,
            Some(ChanceCount {
                items: 1,
                right: 0,
                chance_hundredths: 33
            })
        );
        assert_eq!(
            c.absolute_right,
            Some(ChanceCount {
                items: 1,
                right: 1,
                chance_hundredths: 33
            })
        );
    }
    assert!(b.warnings().is_empty(), "{:?}", b.warnings());
    let wrong_reasons = |l: In| {
        (0..3)
            .map(|i| {
                single_with(
                    &format!("q{i}"),
                    vec![
                        opt(
                            l,
                            "Nej, eftersom det tar tid",
                            "No, because it takes time",
                            false,
                        ),
                        opt(l, "Ja", "Yes", true),
                    ],
                )
            })
            .collect()
    };
    let b = balance(wrong_reasons);
    assert!(b.warnings().contains(
        &"sv: options with a reason (because …) that are right: 0 of 3; chance gives 1.5; aim for 1–2".to_string()
    ));
}

#[test]
fn a_select_all_prompt_in_the_singular_is_named() {
    let b = balance(|l| {
        let mut q = multiple("clear-desk", 4, &[0, 1]);
        q.prompt = l.pick(
            "Vilket av följande ska låsas in?",
            "Which of these should be locked away?",
        );
        vec![q]
    });
    assert_eq!(
        lang(&b, "sv").singular_multiple,
        Some(vec!["clear-desk".to_string()])
    );
    assert_eq!(lang(&b, "en").singular_multiple, Some(vec![]));
    assert_eq!(
        b.warnings(),
        ["sv: multiple-choice prompts that ask for one thing: clear-desk; ask in a form that fits any number of right options"]
    );
}

#[test]
fn a_language_without_cue_words_is_measured_on_length_only() {
    let mut de = version(In::Sv, vec![ranked("q", 1), true_false("t", false)]);
    de.texts = Lang::parse("de");
    let b = Balance::of(&[&de], &cue_words());
    let c = lang(&b, "de");
    assert_eq!(c.single_key.items, 1);
    assert_eq!(
        (c.absolutes, c.reason_right, c.singular_multiple.clone()),
        (None, None, None)
    );
    // A regional variant reads with its language's words.
    let mut sv_fi = version(
        In::Sv,
        vec![statement(In::Sv, "t", "Larma alltid.", "", false)],
    );
    sv_fi.texts = Lang::parse("sv-FI");
    let b = Balance::of(&[&sv_fi], &cue_words());
    assert_eq!(
        lang(&b, "sv-FI").absolutes,
        Some(CueSplit {
            true_with: 0,
            false_with: 1
        })
    );
}

#[test]
fn a_role_pool_is_measured_on_its_own() {
    // The whole pool is balanced, but elected officials get only the false statements.
    let questions = |l: In| {
        let mut questions = vec![
            statement(
                l,
                "a",
                "Du ska alltid larma.",
                "You must always raise the alarm.",
                true,
            ),
            statement(
                l,
                "b",
                "Det gäller aldrig dig.",
                "It never applies to you.",
                false,
            ),
            statement(
                l,
                "c",
                "Du ska aldrig svara.",
                "You should never reply.",
                false,
            ),
        ];
        questions[0].roles = vec![Role::Employee, Role::Manager];
        questions
    };
    let [sv, en] = versions(questions);
    assert!(Balance::of(&[&sv, &en], &cue_words())
        .warnings()
        .iter()
        .all(|w| !w.contains("absolute")));
    let elected = Balance::of_role(&[&sv, &en], Role::Elected, &cue_words());
    assert_eq!(elected.true_false.questions, 2);
    for tag in ["sv", "en"] {
        assert!(
            elected
                .warnings()
                .iter()
                .any(|w| w.starts_with(&format!("{tag}: true/false statements with an absolute"))),
            "{tag}"
        );
    }
}
