//! End to end through the built binary: sample → verify → roster.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

fn trygg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trygg"))
        .args(args)
        .output()
        .expect("run trygg")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trygg-e2e-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn sample_then_verify_then_roster() {
    let dir = temp_dir("flow");
    let files = dir.join("files");
    let out = trygg(&[
        "sample",
        "--count",
        "40",
        "--out",
        files.to_str().unwrap(),
        "--seed",
        "3",
        "--today",
        "2025-06-15",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let mut names: Vec<PathBuf> = fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert_eq!(names.len(), 40);
    let first = names[0].to_str().unwrap().to_owned();
    let out = trygg(&["verify", &first, names[1].to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("OK"), "{stdout}");
    assert!(stdout.contains("2 of 2 files verified"), "{stdout}");

    // Edit one file: verify flags it, the roster still runs and reports it on stderr.
    let mut record: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&names[0]).unwrap()).unwrap();
    record["valid_until"] = serde_json::json!("2099-01-01");
    let edited = serde_json::to_string_pretty(&record).unwrap();
    fs::write(&names[0], &edited).unwrap();
    fs::write(files.join("junk.json"), "not json at all").unwrap();
    let out = trygg(&["verify", &first]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).starts_with("FLAGGED"),
        "{}",
        text(&out.stdout)
    );

    let csv = dir.join("roster.csv");
    let json = dir.join("roster.json");
    let out = trygg(&[
        "roster",
        "--csv",
        csv.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--separator",
        ",",
        "--course",
        "trygg-exempelregionen",
        "--today",
        "2025-06-15",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert!(stdout.contains("Files read:          41"), "{stdout}");
    assert!(stdout.contains("Certificates:        39"), "{stdout}");
    assert!(stdout.contains("1 edited after issue"), "{stdout}");
    assert!(
        stderr.contains("junk.json: The file is not a completion file"),
        "{stderr}"
    );
    assert!(stderr.contains("changed after it was issued"), "{stderr}");
    let csv = fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with("\u{FEFF}\"Namn\",\"Anställningsnummer\""));
    assert!(csv.contains("\"Flaggad\""));
    let exported: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(exported.len(), 39);

    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn own_errors_are_the_only_failures_of_roster() {
    let dir = temp_dir("errors");
    let d = dir.to_str().unwrap();
    assert_eq!(trygg(&["roster", d]).status.code(), Some(0));
    assert_eq!(
        trygg(&["roster", "--separator", "tab", d]).status.code(),
        Some(2)
    );
    assert_eq!(trygg(&["roster"]).status.code(), Some(2));
    let unwritable = dir.join("no").join("such").join("out.csv");
    let out = trygg(&["roster", "--csv", unwritable.to_str().unwrap(), d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("could not write"));
    assert_eq!(trygg(&["verify"]).status.code(), Some(2));
    assert_eq!(trygg(&["sample", "--count", "1"]).status.code(), Some(2));
    let _ = fs::remove_dir_all(&dir);
}
