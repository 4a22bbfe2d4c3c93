//! `trygg roster` against files made to hurt it: each is named on stderr, on a line of its
//! own, and the good file beside them still makes it into the roster.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{symlink, PermissionsExt};

use crate::roster::run_with;
use crate::roster_files::MAX_FILE_BYTES;
use crate::test_support::{record, run_captured, temp_dir};

#[test]
fn every_hostile_file_is_named_and_the_rest_still_counts() {
    let dir = temp_dir("hostile");
    let good = record("Åsa Öberg", "Akuten", "2025-01-10");
    fs::write(dir.join("good.json"), &good).unwrap();
    fs::write(dir.join("empty.json"), "").unwrap();
    fs::write(dir.join("truncated.json"), &good[..good.len() / 2]).unwrap();
    let mut bad_utf8 = good.clone().into_bytes();
    let at = good.find("Åsa").unwrap();
    bad_utf8[at] = 0xFF;
    fs::write(dir.join("invalid-utf8.json"), bad_utf8).unwrap();
    let depth = 100_000;
    fs::write(
        dir.join("nested.json"),
        format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
    )
    .unwrap();
    let deep_field = good.replace(
        "\"email\": \"\"",
        &format!("\"email\": {}{}", "[".repeat(200), "]".repeat(200)),
    );
    fs::write(dir.join("nested-field.json"), deep_field).unwrap();
    // Sparse: over the limit on paper, nothing on disk; and a film of 2 GB, which would take
    // seconds to read if it were read.
    File::create(dir.join("huge.json"))
        .and_then(|f| f.set_len(u64::try_from(MAX_FILE_BYTES).unwrap() + 1))
        .unwrap();
    File::create(dir.join("film.json"))
        .and_then(|f| f.set_len(2 << 30))
        .unwrap();
    // A name that is not UTF-8 is still named, as the system shows it.
    fs::write(dir.join(OsStr::from_bytes(b"bad-\xFF.json")), "{").unwrap();
    symlink(dir.join("loop-b.json"), dir.join("loop-a.json")).unwrap();
    symlink(dir.join("loop-a.json"), dir.join("loop-b.json")).unwrap();
    symlink(dir.join("gone.json"), dir.join("dangling.json")).unwrap();
    let locked = dir.join("locked.json");
    fs::write(&locked, &good).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a file whatever its mode; then it is just another copy of good.json.
    let locked_bites = File::open(&locked).is_err();

    // /proc/self/mem opens, says it is empty, and fails on the first read: a file that
    // cannot be read even by root.
    let (code, out, err) = run_captured(
        run_with,
        &[
            "--today",
            "2025-06-01",
            &dir.to_string_lossy(),
            "/proc/self/mem",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let name = |file: &str| dir.join(file).display().to_string();
    let mut expected = vec![
        (name("bad-\u{FFFD}.json"), "it is not valid JSON"),
        (name("dangling.json"), "could not be read: "),
        (name("empty.json"), "The file is empty."),
        (
            name("film.json"),
            "The file is too large to be a completion file (2147483648 bytes",
        ),
        (
            name("huge.json"),
            "The file is too large to be a completion file",
        ),
        (name("invalid-utf8.json"), "it is not valid JSON"),
    ];
    if locked_bites {
        expected.push((name("locked.json"), "could not be read: "));
    }
    expected.extend([
        (name("loop-a.json"), "could not be read: "),
        (name("loop-b.json"), "could not be read: "),
        (name("nested-field.json"), "it is not valid JSON"),
        (name("nested.json"), "it is not valid JSON"),
        (name("truncated.json"), "it is not valid JSON"),
        ("/proc/self/mem".to_owned(), "could not be read: "),
    ]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{err}");
    for (line, (file, reason)) in lines.iter().zip(&expected) {
        let prefix = format!("{file}: ");
        assert!(line.starts_with(&prefix), "{line} should name {file}");
        assert!(line.contains(reason), "{line} should say {reason}");
    }
    let unreadable = if locked_bites { 5 } else { 4 };
    assert!(err.contains("symbolic links"), "{err}");
    assert!(
        out.contains(&format!(
            "Refused files:       {} (0 edited after issue, {unreadable} unreadable)",
            expected.len()
        )),
        "{out}"
    );
    assert!(out.contains("People:              1"), "{out}");
    let _ = fs::remove_dir_all(&dir);
}
