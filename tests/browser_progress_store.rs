//! Runs in headless Chromium (wasm-bindgen-test): the progress store against the real
//! localStorage: corrupted data is backed up, a newer version is never overwritten, and a
//! save merges what another tab wrote instead of overwriting it.
#![cfg(target_arch = "wasm32")]

use trygg_app::shared::browser::progress_store::{OpenOutcome, ProgressStore, SaveOutcome};
use trygg_app::shared::browser::storage::KeyValueStore;
use trygg_core::content::Role;
use trygg_core::progress::{progress_key, to_json, Progress};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> KeyValueStore {
    KeyValueStore::open(false)
}

#[wasm_bindgen_test]
fn a_fresh_store_saves_and_reloads() {
    let course = "test-fresh";
    local().remove(&progress_key(course));
    let (store, mut progress, opened) = ProgressStore::open_in(local(), course, 1);
    assert_eq!(opened, OpenOutcome::Fresh);
    progress.set_role(Role::Manager, 2);
    assert_eq!(store.save(&progress), Ok(SaveOutcome::Saved));
    let (_, again, opened) = ProgressStore::open_in(local(), course, 3);
    assert_eq!(opened, OpenOutcome::Loaded);
    assert_eq!(again.role, Some(Role::Manager));
}

#[wasm_bindgen_test]
fn corrupted_data_is_backed_up_before_a_fresh_start() {
    let course = "test-corrupt";
    let key = progress_key(course);
    local().set(&key, "{\"version\": 2, broken").expect("write");
    let (store, progress, opened) = ProgressStore::open_in(local(), course, 42);
    let OpenOutcome::Recovered { backup_key, .. } = opened else {
        panic!("expected a recovery, got {opened:?}");
    };
    assert_eq!(backup_key, format!("{key}:backup:42"));
    assert_eq!(
        store.backup(&backup_key).as_deref(),
        Some("{\"version\": 2, broken")
    );
    assert_eq!(progress.revision, 0);
    local().remove(&backup_key);
}

#[wasm_bindgen_test]
fn a_newer_version_is_opened_read_only_and_never_overwritten() {
    let course = "test-newer";
    let key = progress_key(course);
    let newer = format!("{{\"version\": 99, \"course_id\": \"{course}\", \"future\": true}}");
    local().set(&key, &newer).expect("write");
    let (store, mut progress, opened) = ProgressStore::open_in(local(), course, 1);
    assert!(matches!(opened, OpenOutcome::NewerVersion { .. }));
    progress.set_role(Role::Employee, 2);
    assert_eq!(store.save(&progress), Ok(SaveOutcome::Skipped));
    assert_eq!(local().get(&key).as_deref(), Some(newer.as_str()));
    local().remove(&key);
}

#[wasm_bindgen_test]
fn a_save_merges_what_another_tab_wrote() {
    let course = "test-tabs";
    let key = progress_key(course);
    local().remove(&key);
    let (store, mut ours, _) = ProgressStore::open_in(local(), course, 1);
    ours.set_role(Role::Employee, 2);
    store.save(&ours).expect("first save");
    // Another tab records a lesson step in a module we have not touched.
    let mut theirs = ours.clone();
    theirs.record_lesson_step("violence", 3, 5);
    local()
        .set(&key, &to_json(&theirs))
        .expect("other tab writes");
    // We record a step elsewhere and save: both steps must survive.
    ours.record_lesson_step("roles", 2, 6);
    let Ok(SaveOutcome::Merged(merged)) = store.save(&ours) else {
        panic!("expected a merge");
    };
    assert_eq!(merged.module("violence").map(|m| m.lesson_step), Some(3));
    assert_eq!(merged.module("roles").map(|m| m.lesson_step), Some(2));
    let stored: Progress = serde_json::from_str(&local().get(&key).expect("saved")).expect("valid");
    assert_eq!(stored.module("violence").map(|m| m.lesson_step), Some(3));
    // The other tab learns of it without writing back.
    assert_eq!(store.external_change(&merged), None);
    local().remove(&key);
}

#[wasm_bindgen_test]
fn a_document_set_aside_is_kept_as_a_backup_and_the_key_starts_afresh() {
    let course = "test-set-aside";
    let key = progress_key(course);
    let mut earlier = Progress::new(course);
    earlier.set_role(Role::Elected, 1);
    local().set(&key, &to_json(&earlier)).expect("write");
    let (store, _, _) = ProgressStore::open_in(local(), course, 2);
    assert!(store.set_aside(77));
    assert_eq!(local().get(&key), None, "the key starts afresh");
    assert_eq!(store.backups(), vec![format!("{key}:backup:77")]);
    assert_eq!(
        store.backup(&format!("{key}:backup:77")),
        Some(to_json(&earlier))
    );
    // The new start saves under the key without touching the backup; nothing left to set aside
    // twice.
    assert_eq!(store.save(&Progress::new(course)), Ok(SaveOutcome::Saved));
    assert_eq!(store.backups().len(), 1);
    let (empty, _, _) = ProgressStore::open_in(local(), "test-set-aside-none", 3);
    assert!(!empty.set_aside(78), "nothing saved, nothing set aside");
    for k in store.backups() {
        local().remove(&k);
    }
    local().remove(&key);
}
