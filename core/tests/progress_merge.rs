//! Merging two tabs' copies of the same progress: nothing the learner did may be lost.

use std::collections::BTreeMap;

use proptest::prelude::*;
use trygg_core::content::Role;
use trygg_core::progress::{
    document_to_adopt, document_to_save, merge, same_content, Attempt, Learner, ModuleProgress,
    PassRecord, Progress, SaveDecision,
};
use trygg_core::quiz::{Answer, PlannedQuestion, QuizPlan};

const COURSE: &str = "course";

fn plan(module: &str, n: usize, seed: u64) -> QuizPlan {
    QuizPlan {
        module_id: module.into(),
        seed,
        items: (0..n)
            .map(|i| PlannedQuestion {
                question_id: format!("q{i}"),
                order: vec![],
                choice_orders: vec![],
            })
            .collect(),
    }
}

fn attempt(answered: usize, updated_ms: u64, finished: bool) -> Attempt {
    Attempt {
        plan: plan("m", 4, 1),
        answers: (0..4)
            .map(|i| (i < answered).then_some(Answer::TrueFalse { value: true }))
            .collect(),
        current: answered,
        started_ms: 1_000,
        updated_ms,
        finished,
    }
}

fn normalised(mut p: Progress) -> Progress {
    p.revision = 0;
    p
}

// ---------- the rules ----------

#[test]
fn two_tabs_answering_the_same_quiz() {
    let mut base = Progress::new(COURSE);
    base.start_attempt("m", plan("m", 4, 1), 1_000);
    let mut tab_a = base.clone();
    let mut tab_b = base.clone();
    tab_a
        .record_answer("m", 0, Answer::TrueFalse { value: true }, 2_000)
        .unwrap();
    tab_b
        .record_answer("m", 0, Answer::TrueFalse { value: false }, 3_000)
        .unwrap();
    tab_b
        .record_answer("m", 1, Answer::TrueFalse { value: false }, 3_500)
        .unwrap();

    let merged = merge(&tab_a, &tab_b);
    let a = merged.attempt("m").unwrap();
    assert_eq!(
        a.answers[0],
        Some(Answer::TrueFalse { value: false }),
        "the newer answer wins"
    );
    assert_eq!(a.answered_count(), 2);
    assert_eq!(merged.updated_ms, 3_500);
    assert_eq!(merged.revision, tab_a.revision.max(tab_b.revision) + 1);
    assert_eq!(merge(&tab_b, &tab_a), merged);
}

#[test]
fn equal_times_prefer_more_answers() {
    let mut a = Progress::new(COURSE);
    let mut b = Progress::new(COURSE);
    a.modules.entry("m".into()).or_default().attempt = Some(attempt(1, 5_000, false));
    b.modules.entry("m".into()).or_default().attempt = Some(attempt(3, 5_000, false));
    assert_eq!(merge(&a, &b).attempt("m").unwrap().answered_count(), 3);
    assert_eq!(merge(&b, &a).attempt("m").unwrap().answered_count(), 3);
}

#[test]
fn results_are_combined_field_by_field() {
    let mut a = Progress::new(COURSE);
    let mut b = Progress::new(COURSE);
    *a.modules.entry("m".into()).or_default() = ModuleProgress {
        lesson_step: 5,
        lessons_done: true,
        attempt: Some(attempt(4, 9_000, true)),
        best_percent: Some(100),
        last_pass: Some(PassRecord {
            percent: 100,
            passed_ms: 9_000,
        }),
        pass_content_version: Some("aaaaaaaaaaaa".into()),
        attempts: 2,
    };
    *b.modules.entry("m".into()).or_default() = ModuleProgress {
        lesson_step: 2,
        lessons_done: false,
        attempt: Some(attempt(1, 12_000, false)),
        best_percent: Some(85),
        last_pass: Some(PassRecord {
            percent: 85,
            passed_ms: 11_000,
        }),
        pass_content_version: Some("bbbbbbbbbbbb".into()),
        attempts: 3,
    };
    let m = merge(&a, &b).modules["m"].clone();
    assert_eq!(m.lesson_step, 5);
    assert!(m.lessons_done);
    assert_eq!(
        m.attempt.unwrap().updated_ms,
        12_000,
        "the newer attempt, even unfinished"
    );
    assert_eq!(m.best_percent, Some(100));
    assert_eq!(
        m.last_pass,
        Some(PassRecord {
            percent: 85,
            passed_ms: 11_000
        }),
        "the latest pass"
    );
    assert_eq!(
        m.pass_content_version.as_deref(),
        Some("bbbbbbbbbbbb"),
        "with the content it was made under"
    );
    assert_eq!(m.attempts, 3);
}

#[test]
fn modules_in_one_copy_only_are_kept() {
    let mut a = Progress::new(COURSE);
    let mut b = Progress::new(COURSE);
    a.record_lesson_step("only-a", 2, 10);
    b.record_lesson_step("only-b", 1, 20);
    b.modules.get_mut("only-b").unwrap().last_pass = Some(PassRecord {
        percent: 90,
        passed_ms: 20,
    });
    let m = merge(&a, &b);
    assert_eq!(m.modules.len(), 2);
    assert_eq!(m.modules["only-a"].lesson_step, 2);
    assert!(m.modules["only-b"].last_pass.is_some());
}

#[test]
fn settings_come_from_the_newer_copy() {
    let mut old = Progress::new(COURSE);
    old.set_learner(
        Learner {
            full_name: "Old Name".into(),
            ..Default::default()
        },
        100,
    );
    old.set_role(Role::Manager, 100);
    let mut new = Progress::new(COURSE);
    new.set_learner(
        Learner {
            full_name: "New Name".into(),
            ..Default::default()
        },
        200,
    );
    new.set_shared_computer(true, 200);
    for m in [merge(&old, &new), merge(&new, &old)] {
        assert_eq!(m.learner.full_name, "New Name");
        assert_eq!(
            m.role,
            Some(Role::Manager),
            "the newer copy had not chosen a role"
        );
        assert!(m.shared_computer);
        assert_eq!(m.updated_ms, 200);
    }
}

/// A tab opened before the learner chose a role, then used for a quiz, saves later than the
/// tab where the role was chosen: the choice and the details survive its save.
#[test]
fn a_copy_that_never_chose_keeps_the_other_copys_choice() {
    let mut chosen = Progress::new(COURSE);
    chosen.set_role(Role::Elected, 100);
    chosen.set_learner(
        Learner {
            full_name: "Chosen Name".into(),
            ..Default::default()
        },
        110,
    );
    let mut busy = Progress::new(COURSE);
    busy.record_lesson_step("m", 2, 500);
    for m in [merge(&chosen, &busy), merge(&busy, &chosen)] {
        assert_eq!(m.role, Some(Role::Elected));
        assert_eq!(m.learner.full_name, "Chosen Name");
        assert_eq!(m.modules["m"].lesson_step, 2);
    }
}

#[test]
fn merging_with_itself_changes_only_the_revision() {
    let mut p = Progress::new(COURSE);
    p.record_lesson_step("m", 3, 10);
    p.modules.get_mut("m").unwrap().attempt = Some(attempt(2, 10, false));
    let m = merge(&p, &p);
    assert_eq!(m.revision, p.revision + 1);
    assert_eq!(normalised(m), normalised(p));
}

// ---------- properties ----------

fn any_attempt(module: &'static str) -> impl Strategy<Value = Attempt> {
    (
        1usize..4,
        any::<u64>(),
        prop::collection::vec(prop::option::of(any::<bool>()), 3),
        0u64..5,
        0u64..5,
        any::<bool>(),
    )
        .prop_map(
            move |(n, seed, answers, started, updated, finished)| Attempt {
                plan: plan(module, n, seed % 3),
                answers: answers
                    .into_iter()
                    .take(n)
                    .map(|a| a.map(|value| Answer::TrueFalse { value }))
                    .collect(),
                current: 0,
                started_ms: started,
                updated_ms: started + updated,
                finished,
            },
        )
}

fn any_module_progress(module: &'static str) -> impl Strategy<Value = ModuleProgress> {
    (
        0usize..5,
        any::<bool>(),
        prop::option::of(any_attempt(module)),
        prop::option::of(50u8..=100),
        prop::option::of((50u8..=100, 0u64..5, prop::option::of(0u8..2))),
        0u32..4,
    )
        .prop_map(
            |(lesson_step, lessons_done, attempt, best_percent, pass, attempts)| ModuleProgress {
                lesson_step,
                lessons_done,
                attempt,
                best_percent,
                last_pass: pass.map(|(percent, passed_ms, _)| PassRecord { percent, passed_ms }),
                pass_content_version: pass.and_then(|(.., v)| v).map(|v| format!("v{v}")),
                attempts,
            },
        )
}

fn any_progress() -> impl Strategy<Value = Progress> {
    (
        prop::option::of(prop::sample::select(Role::ALL.to_vec())),
        any::<bool>(),
        prop::sample::select(vec!["", "Alva", "Bo"]),
        prop::option::of(any_module_progress("a")),
        prop::option::of(any_module_progress("b")),
        0u64..4,
        0u64..4,
    )
        .prop_map(|(role, shared, name, a, b, updated_ms, revision)| {
            let mut modules = BTreeMap::new();
            if let Some(a) = a {
                modules.insert("a".to_string(), a);
            }
            if let Some(b) = b {
                modules.insert("b".to_string(), b);
            }
            Progress {
                role,
                shared_computer: shared,
                learner: Learner {
                    full_name: name.into(),
                    ..Default::default()
                },
                modules,
                updated_ms,
                revision,
                ..Progress::new(COURSE)
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn merge_is_commutative(a in any_progress(), b in any_progress()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_idempotent(a in any_progress(), b in any_progress()) {
        prop_assert_eq!(normalised(merge(&a, &a)), normalised(a.clone()));
        let ab = merge(&a, &b);
        prop_assert_eq!(normalised(merge(&ab, &b)), normalised(ab.clone()));
        prop_assert_eq!(normalised(merge(&ab, &a)), normalised(ab));
    }

    /// Per module the merge is a join, so three tabs agree whatever order they merge in.
    /// (Settings need not: a merged copy's higher revision rightly makes it the newer one
    /// when clocks tie.)
    #[test]
    fn module_merge_is_associative(a in any_progress(), b in any_progress(), c in any_progress()) {
        prop_assert_eq!(
            merge(&merge(&a, &b), &c).modules,
            merge(&a, &merge(&b, &c)).modules
        );
    }

    #[test]
    fn merge_never_loses_progress(a in any_progress(), b in any_progress()) {
        let m = merge(&a, &b);
        prop_assert!(m.revision > a.revision && m.revision > b.revision);
        prop_assert_eq!(m.updated_ms, a.updated_ms.max(b.updated_ms));
        for side in [&a, &b] {
            prop_assert!(side.role.is_none() || m.role.is_some(), "a chosen role was dropped");
            for (id, mp) in &side.modules {
                let merged = &m.modules[id];
                if let Some(pass) = mp.last_pass {
                    let kept = merged.last_pass.expect("a pass was dropped");
                    prop_assert!(kept.passed_ms >= pass.passed_ms);
                }
                prop_assert!(merged.best_percent >= mp.best_percent);
                prop_assert!(merged.attempts >= mp.attempts);
                prop_assert!(merged.lesson_step >= mp.lesson_step);
                prop_assert!(merged.lessons_done >= mp.lessons_done);
                if let Some(att) = &mp.attempt {
                    let kept = merged.attempt.as_ref().expect("an attempt was dropped");
                    prop_assert!(kept.updated_ms >= att.updated_ms);
                    if kept.updated_ms == att.updated_ms {
                        prop_assert!(kept.answered_count() >= att.answered_count());
                    }
                }
            }
        }
    }

    #[test]
    fn merged_documents_load_again(a in any_progress(), b in any_progress()) {
        let m = merge(&a, &b);
        let json = trygg_core::progress::to_json(&m);
        prop_assert_eq!(trygg_core::progress::load_progress(&json, COURSE, 1 << 20).unwrap(), m);
    }
}

fn with_step(step: usize, revision: u64) -> Progress {
    let mut p = Progress::new(COURSE);
    p.modules.insert(
        "m".into(),
        ModuleProgress {
            lesson_step: step,
            ..Default::default()
        },
    );
    p.revision = revision;
    p.updated_ms = revision * 10;
    p
}

#[test]
fn saving_over_a_copy_with_the_same_content_writes_ours() {
    let ours = with_step(2, 5);
    let theirs = with_step(2, 9);
    assert!(same_content(&ours, &theirs));
    assert_eq!(document_to_save(&ours, Some(&theirs)), SaveDecision::Ours);
    assert_eq!(document_to_save(&ours, None), SaveDecision::Ours);
}

#[test]
fn saving_over_another_tabs_progress_merges_it_in() {
    let ours = with_step(2, 5);
    let theirs = with_step(4, 6);
    let SaveDecision::Merged(merged) = document_to_save(&ours, Some(&theirs)) else {
        panic!("another tab's lesson step must be merged in");
    };
    assert_eq!(merged.module("m").map(|m| m.lesson_step), Some(4));
}

#[test]
fn adopting_another_tabs_save() {
    let ours = with_step(2, 5);
    assert_eq!(
        document_to_adopt(&ours, with_step(2, 8)),
        None,
        "nothing new"
    );
    let ahead = with_step(4, 8);
    assert_eq!(
        document_to_adopt(&ours, ahead.clone()),
        Some(ahead),
        "theirs holds everything of ours: adopt it as is, no echo"
    );
    let mut ours_with_pass = with_step(2, 5);
    if let Some(m) = ours_with_pass.modules.get_mut("m") {
        m.last_pass = Some(PassRecord {
            percent: 90,
            passed_ms: 40,
        });
    }
    let adopted = document_to_adopt(&ours_with_pass, with_step(4, 8)).expect("a change");
    let m = adopted.module("m").expect("module");
    assert_eq!(
        (m.lesson_step, m.last_pass.map(|p| p.percent)),
        (4, Some(90))
    );
}
