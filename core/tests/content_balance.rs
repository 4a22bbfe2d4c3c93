//! The balance figures `trygg content check` prints per module, and when they warn: each
//! aim at its edges, in each language. (The fixture course's exact figures are checked in
//! `content_checks`.)

mod quiz_support;

use std::collections::BTreeMap;

use quiz_support::*;
use serde_json::json;
use trygg_core::content::{
    AnswerOption, Balance, ChanceCount, CueSplit, KeyRank, LanguageCues, Question, QuestionKind,
    Role, ScenarioChoice, Text,
};

fn tf_module(answers: &[bool]) -> Balance {
    let questions = answers
        .iter()
        .enumerate()
        .map(|(i, a)| true_false(&format!("q{i}"), *a))
        .collect();
    Balance::of(&module("m", 1, 1, questions))
}

fn opt(sv: &str, en: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        text: Text {
            sv: sv.into(),
            en: en.into(),
        },
        correct,
    }
}

fn single_with(id: &str, options: Vec<AnswerOption>) -> Question {
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
    let mut options = vec![opt(key, key, true)];
    options.extend(others.iter().map(|o| opt(o, o, false)));
    single_with(id, options)
}

fn ranked_balance(ranks: &[usize]) -> Balance {
    let questions = ranks
        .iter()
        .enumerate()
        .map(|(i, &r)| ranked(&format!("q{i}"), r))
        .collect();
    Balance::of(&module("m", 1, 1, questions))
}

/// The figures of one language.
fn lang<'b>(b: &'b Balance, tag: &str) -> &'b LanguageCues {
    b.cues
        .iter()
        .find(|c| c.lang == tag)
        .expect("language measured")
}

fn statement(id: &str, sv: &str, en: &str, answer: bool) -> Question {
    let mut q = true_false(id, answer);
    q.prompt = Text {
        sv: sv.into(),
        en: en.into(),
    };
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
    Balance::of(&module("m", 1, 1, questions))
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
    let questions = vec![
        statement(
            "a",
            "Du ska alltid larma.",
            "You must always raise the alarm.",
            true,
        ),
        statement(
            "b",
            "Hot behöver inte rapporteras.",
            "Threats need not be reported.",
            false,
        ),
        statement(
            "c",
            "Det gäller aldrig chefer.",
            "It never applies to managers.",
            false,
        ),
        statement("d", "Rapportera samma dag.", "Report the same day.", true),
    ];
    let b = Balance::of(&module("m", 1, 1, questions));
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
    let questions = vec![
        statement("a", "Du ska alltid stanna.", "You should stay put.", false),
        statement(
            "b",
            "Du ska aldrig larma.",
            "You should not raise the alarm.",
            false,
        ),
        statement(
            "c",
            "Larma och gå därifrån.",
            "Raise the alarm and leave.",
            true,
        ),
        statement("d", "Lämna platsen.", "Leave the place.", true),
    ];
    let b = Balance::of(&module("m", 1, 1, questions));
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
    let questions = vec![
        statement("a", "Larma direkt.", "Raise the alarm at once.", true),
        statement("b", "Rapportera samma dag.", "Report the same day.", true),
        statement(
            "c",
            "Du ska aldrig larma.",
            "You should never raise the alarm.",
            false,
        ),
        statement(
            "d",
            "Du ska alltid larma.",
            "You must always raise the alarm.",
            true,
        ),
        statement(
            "e",
            "Hot behöver inte rapporteras.",
            "Threats need not be reported.",
            false,
        ),
        statement(
            "f",
            "Då behöver du inte larma.",
            "Then you do not need to raise the alarm.",
            true,
        ),
        statement("g", "Allt kan vänta.", "Everything can wait.", false),
    ];
    let b = Balance::of(&module("m", 1, 1, questions));
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
        vec![
            opt("same", "same", true),
            opt("also", "also", false),
            opt("x", "x", false),
        ],
    );
    let b = Balance::of(&module("m", 1, 1, vec![tie]));
    let rank = lang(&b, "sv").single_key;
    assert_eq!((rank.longest, rank.middle, rank.shortest), (0, 1, 0));
    // Chance: "x" is the one shortest, the tied pair is middle.
    assert_eq!(rank.chance_hundredths, [0, 67, 33]);
}

fn choice(text: &str, correct: bool) -> ScenarioChoice {
    ScenarioChoice {
        text: Text {
            sv: text.into(),
            en: text.into(),
        },
        feedback: Text {
            sv: "ok".into(),
            en: "ok".into(),
        },
        correct,
        next: None,
    }
}

#[test]
fn scenario_steps_with_one_wise_choice_are_ranked_too() {
    let steps = (0..3)
        .map(|i| trygg_core::content::ScenarioStep {
            id: format!("s{i}"),
            text: Text {
                sv: "Vad gör du?".into(),
                en: "What do you do?".into(),
            },
            choices: vec![
                choice("the wise and longest one", true),
                choice("short", false),
                choice("shorter", false),
            ],
        })
        .collect();
    let b = Balance::of(&module(
        "m",
        1,
        1,
        vec![question("sc", QuestionKind::Scenario { steps })],
    ));
    let rank = lang(&b, "sv").scenario_key;
    assert_eq!(
        (rank.items, rank.longest, rank.middle, rank.shortest),
        (3, 3, 0, 0)
    );
    assert_eq!(rank.chance_hundredths, [100, 100, 100]);
    assert_eq!(b.warnings().len(), 2, "{:?}", b.warnings());
}

fn multiple_with(id: &str, options: Vec<AnswerOption>) -> Question {
    question(id, QuestionKind::Multiple { options })
}

#[test]
fn the_longest_option_of_multiple_choice_is_right_as_often_as_chance() {
    // With the longest right, two of four are right; with it wrong, three of four are.
    let q = |id: &str, longest_right: bool| {
        multiple_with(
            id,
            vec![
                opt(
                    "the longest option here",
                    "the longest option here",
                    longest_right,
                ),
                opt("aa", "aa", !longest_right),
                opt("bb", "bb", true),
                opt("cc", "cc", !longest_right),
            ],
        )
    };
    let b = Balance::of(&module("m", 1, 1, vec![q("a", true), q("b", false)]));
    assert_eq!(
        lang(&b, "sv").multiple_longest_right,
        ChanceCount {
            items: 2,
            right: 1,
            chance_hundredths: 125
        }
    );
    assert!(b.warnings().is_empty(), "{:?}", b.warnings());
    let b = Balance::of(&module(
        "m",
        1,
        1,
        vec![q("a", false), q("b", false), q("c", false)],
    ));
    assert!(b.warnings().contains(
        &"sv: multiple-choice questions whose longest option is right: 0 of 3; chance gives 2.25; aim for 2–3".to_string()
    ));
    // Right too often is as much a cue as wrong too often.
    let b = Balance::of(&module(
        "m",
        1,
        1,
        vec![q("a", true), q("b", true), q("c", true)],
    ));
    assert!(!b.warnings().is_empty());
}

#[test]
fn options_with_a_reason_or_an_absolute_are_right_as_often_as_chance() {
    let q = single_with(
        "q",
        vec![
            opt(
                "Nej, eftersom det inte behövs",
                "No, because it is not needed",
                false,
            ),
            opt("Ja, alltid", "Yes, always", true),
            opt("Kanske", "Maybe", false),
        ],
    );
    let b = Balance::of(&module("m", 1, 1, vec![q]));
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
    let wrong_reasons = (0..3)
        .map(|i| {
            single_with(
                &format!("q{i}"),
                vec![
                    opt(
                        "Nej, eftersom det tar tid",
                        "No, because it takes time",
                        false,
                    ),
                    opt("Ja", "Yes", true),
                ],
            )
        })
        .collect();
    let b = Balance::of(&module("m", 1, 1, wrong_reasons));
    assert!(b.warnings().contains(
        &"sv: options with a reason (because …) that are right: 0 of 3; chance gives 1.5; aim for 1–2".to_string()
    ));
}

#[test]
fn a_select_all_prompt_in_the_singular_is_named() {
    let mut q = multiple("clear-desk", 4, &[0, 1]);
    q.prompt = Text {
        sv: "Vilket av följande ska låsas in?".into(),
        en: "Which of these should be locked away?".into(),
    };
    let b = Balance::of(&module("m", 1, 1, vec![q]));
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
fn a_role_pool_is_measured_on_its_own() {
    // The whole pool is balanced, but elected officials get only the false statements.
    let mut questions = vec![
        statement(
            "a",
            "Du ska alltid larma.",
            "You must always raise the alarm.",
            true,
        ),
        statement(
            "b",
            "Det gäller aldrig dig.",
            "It never applies to you.",
            false,
        ),
        statement(
            "c",
            "Du ska aldrig svara.",
            "You should never reply.",
            false,
        ),
    ];
    questions[0].roles = vec![Role::Employee, Role::Manager];
    let m = module("m", 1, 1, questions);
    assert!(Balance::of(&m)
        .warnings()
        .iter()
        .all(|w| !w.contains("absolute")));
    let elected = Balance::of_role(&m, Role::Elected);
    assert!(elected
        .warnings()
        .iter()
        .any(|w| w.starts_with("sv: true/false statements with an absolute")));
}
