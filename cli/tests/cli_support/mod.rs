//! Running the built `trygg` binary from the CLI's integration tests, and the course copies
//! they run it on.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `trygg` with `args`: its exit code (-1 when killed by a signal), stdout and stderr.
pub fn trygg(args: &[&str]) -> (i32, String, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_trygg"))
        .args(args)
        .output()
        .expect("the trygg binary runs");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        run.status.code().unwrap_or(-1),
        text(&run.stdout),
        text(&run.stderr),
    )
}

/// Copies every file under `from` into `to`, folders and all.
pub fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Copies the core's fixture course into `to`, its words made whole: each of its `ui.json`
/// keeps its own texts and takes every other text the app reads from the shipped file of its
/// language, as a real course has them (`trygg content check` holds the source language's
/// words to `core/src/language/ui_catalogue.txt`; the core's own tests keep the fixture small).
pub fn copy_fixture(to: &Path) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    copy_folder(&workspace.join("core/tests/fixtures/content"), to);
    // The Swedish texts as written, in order: the English record below is made from them.
    let mut swedish: Vec<(String, serde_json::Value)> = Vec::new();
    for lang in ["sv", "en"] {
        let file = |root: &Path| root.join(format!("languages/{lang}/ui.json"));
        let read = |path: PathBuf| -> serde_json::Map<String, serde_json::Value> {
            let text = fs::read_to_string(&path).expect("ui.json");
            serde_json::from_str(&text).expect("ui.json is JSON")
        };
        let own = read(file(to));
        let shipped = read(file(&workspace.join("content")));
        let merged: Vec<(String, serde_json::Value)> = own
            .iter()
            .chain(shipped.iter().filter(|(key, _)| !own.contains_key(*key)))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        let entries: Vec<String> = merged
            .iter()
            .map(|(key, value)| {
                let value = serde_json::to_string_pretty(value).expect("JSON");
                let key = serde_json::Value::from(key.as_str());
                format!("  {key}: {}", value.replace('\n', "\n  "))
            })
            .collect();
        fs::write(file(to), format!("{{\n{}\n}}\n", entries.join(",\n"))).expect("write");
        if lang == "sv" {
            swedish = merged;
        }
    }
    // The English record of what its texts were made from, as `trygg content import` writes
    // it: a hash of each Swedish text, in the Swedish file's order.
    let lines: Vec<String> = swedish
        .iter()
        .filter(|(key, _)| !key.starts_with('$'))
        .map(|(key, value)| {
            let text = value
                .as_str()
                .or_else(|| value["other"].as_str())
                .unwrap_or("");
            let key = serde_json::Value::from(key.as_str());
            format!("    {key}: \"{}\"", trygg_core::content::text_hash(text))
        })
        .collect();
    let record = to.join("languages/en/translated-from.json");
    let original = fs::read_to_string(&record).expect("record");
    let open = "\"ui.json\": {";
    let start = original.find(open).expect("a ui.json section") + open.len();
    let end = start + original[start..].find("\n  }").expect("its end");
    let text = format!(
        "{}\n{}{}",
        &original[..start],
        lines.join(",\n"),
        &original[end..]
    );
    fs::write(&record, text).expect("write");
}
