//! The balance figures `trygg content check` prints per module, and when they warn: each
//! aim at its edges. (The fixture course's exact figures are checked in `content_checks`.)

mod quiz_support;

use std::collections::BTreeMap;

use quiz_support::*;
use serde_json::json;
use trygg_core::content::{AnswerOption, Balance, Module, Question, QuestionKind, Text};

/// The figures of a module filled in one language.
fn balance_of(module: &Module) -> Balance {
    Balance::of(&[module])
}

fn tf_module(answers: &[bool]) -> Balance {
    let questions = answers
        .iter()
        .enumerate()
        .map(|(i, a)| true_false(&format!("q{i}"), *a))
        .collect();
    balance_of(&module("m", 1, 1, questions))
}

fn opt(text: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        id: String::new(),
        text: Text::new(text),
        correct,
    }
}

/// A single-choice question; its options get the ids `a`, `b` … in order.
fn single_with(id: &str, options: Vec<AnswerOption>) -> Question {
    let options = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| AnswerOption { id: letter(i), ..o })
        .collect();
    question(id, QuestionKind::Single { options })
}

/// A single-choice question whose right option is (or is not) the longest.
fn longest(id: &str, right_is_longest: bool) -> Question {
    let (right, wrong) = if right_is_longest {
        ("a longer right answer", "short")
    } else {
        ("short", "a longer wrong answer")
    };
    single_with(id, vec![opt(right, true), opt(wrong, false)])
}

fn longest_balance(right_longest: usize, items: usize) -> Balance {
    let questions = (0..items)
        .map(|i| longest(&format!("q{i}"), i < right_longest))
        .collect();
    balance_of(&module("m", 1, 1, questions))
}

#[test]
fn true_false_counts_and_percent() {
    let b = tf_module(&[true, false, false, false]);
    assert_eq!(
        serde_json::to_value(b.true_false).unwrap(),
        json!({ "questions": 4, "answered_true": 1, "percent_true": 25 })
    );
    assert_eq!(
        b.warnings(),
        ["1 of 4 true/false questions are answered \"true\" (25 %); aim for 40–60 %"]
    );
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
    balance_of(&module("m", 1, 1, questions))
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
fn right_longest_counts_single_multiple_and_scenario_steps() {
    let mut m = module("m", 1, 1, vec![longest("a", true), longest("b", false)]);
    m.questions.push(question(
        "c",
        QuestionKind::Multiple {
            options: vec![
                AnswerOption {
                    id: "a".into(),
                    ..opt("the longest, and right", true)
                },
                AnswerOption {
                    id: "b".into(),
                    ..opt("right", true)
                },
                AnswerOption {
                    id: "c".into(),
                    ..opt("wrong", false)
                },
            ],
        },
    ));
    // branching_scenario has three steps whose choices are all the same length: ties.
    m.questions.push(branching_scenario("d"));
    let b = balance_of(&m);
    assert_eq!(
        serde_json::to_value(b.right_is_longest).unwrap(),
        json!({ "items": 6, "right_longest": 2, "percent": 33 })
    );
    assert!(b.warnings().is_empty());
}

#[test]
fn a_tie_gives_nothing_away_but_either_language_does() {
    let tie = single_with("tie", vec![opt("same", true), opt("also", false)]);
    assert_eq!(
        balance_of(&module("m", 1, 1, vec![tie]))
            .right_is_longest
            .right_longest,
        0
    );
    // The same question in Swedish and in English: only the English right answer is the
    // longest, and that is enough to give it away.
    let sv = module(
        "m",
        1,
        1,
        vec![single_with(
            "q",
            vec![opt("kort", true), opt("längre fel", false)],
        )],
    );
    let en = module(
        "m",
        1,
        1,
        vec![single_with(
            "q",
            vec![opt("the longer one", true), opt("short", false)],
        )],
    );
    let right_longest = |versions: &[&Module]| Balance::of(versions).right_is_longest.right_longest;
    assert_eq!(right_longest(&[&sv]), 0);
    assert_eq!(right_longest(&[&en]), 1);
    assert_eq!(right_longest(&[&sv, &en]), 1);
    assert_eq!(right_longest(&[&en, &sv]), 1);
    assert_eq!(Balance::of(&[&sv, &en]).right_is_longest.items, 1);
}

#[test]
fn right_longest_aim_is_about_forty_percent() {
    // (items, most right-longest that meet the aim)
    for (items, allowed) in [(1, 0), (2, 1), (3, 1), (4, 2), (5, 2), (10, 4), (20, 8)] {
        for k in 0..=items {
            let b = longest_balance(k, items);
            assert_eq!(b.right_is_longest.in_aim(), k <= allowed, "{k} of {items}");
        }
    }
    assert_eq!(
        longest_balance(3, 5).warnings(),
        ["the right option or choice is the longest in 3 of 5 questions and scenario steps (60 %); aim for at most 40 %"]
    );
}
