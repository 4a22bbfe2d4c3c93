//! `trygg roster` gives the same bytes however many threads read the files, and the same
//! bytes as before the files were read in parallel: the digests below were taken from the
//! single-threaded version (commit d59c0c4) on the same fixed sample. If `trygg sample` or
//! the roster's output changes on purpose, take them again from a run of the new version.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn trygg(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trygg"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run trygg")
}

/// FNV-1a, 64 bits: enough to tell outputs apart without keeping them in the repository.
fn digest(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}:{}", bytes.len())
}

/// A fixed sample of 300 files over several batches, with a duplicate, an edited file and
/// a file that is not JSON, in a folder named by a relative path so outputs do not depend
/// on where the test runs.
fn sample(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trygg-threads-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let out = trygg(
        &dir,
        &[
            "sample",
            "--count",
            "300",
            "--out",
            "files",
            "--seed",
            "11",
            "--today",
            "2025-06-15",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let files = dir.join("files");
    let mut names: Vec<PathBuf> = fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    fs::copy(&names[0], files.join("zz-copy.json")).unwrap();
    let mut edited: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&names[150]).unwrap()).unwrap();
    edited["valid_until"] = serde_json::json!("2099-01-01");
    fs::write(&names[150], serde_json::to_string_pretty(&edited).unwrap()).unwrap();
    fs::write(files.join("junk.json"), "{ not json").unwrap();
    dir
}

/// stdout, stderr, CSV and JSON of one run, as digests.
fn run(dir: &Path, threads: &str, json: bool) -> [String; 4] {
    // The same names every run: stdout names the CSV.
    let (csv, out_json) = ("out.csv", "out.json");
    let _ = fs::remove_file(dir.join(out_json));
    let mut args = vec!["roster", "--csv", csv, "--separator", ",", "--today"];
    args.extend(["2025-06-15", "--threads", threads]);
    if json {
        args.extend(["--json", out_json]);
    }
    args.push("files");
    let out = trygg(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json = if json {
        digest(&fs::read(dir.join(out_json)).unwrap())
    } else {
        String::new()
    };
    [
        digest(&out.stdout),
        digest(&out.stderr),
        digest(&fs::read(dir.join(csv)).unwrap()),
        json,
    ]
}

/// [`sample`] with files that take other ways through the threads and the merge: a
/// subfolder, an edited copy named to come before the genuine one, a second edit of another
/// certificate, a 2 GB file refused unread, a name that is not UTF-8, a link to nowhere.
fn harder_sample(name: &str) -> PathBuf {
    let dir = sample(name);
    let files = dir.join("files");
    let mut names: Vec<PathBuf> = fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    let sub = files.join("sub");
    fs::create_dir_all(&sub).unwrap();
    for (i, path) in names.iter().enumerate().step_by(7) {
        fs::copy(path, sub.join(format!("again-{i:03}.json"))).unwrap();
    }
    for (at, into) in [(20, "000-edited.json"), (200, "sub/000-edited.json")] {
        let mut edited: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&names[at]).unwrap()).unwrap();
        edited["learner"]["full_name"] = serde_json::json!("Someone Else");
        fs::write(files.join(into), serde_json::to_string(&edited).unwrap()).unwrap();
    }
    fs::File::create(files.join("film.json"))
        .and_then(|f| f.set_len(2 << 30))
        .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"bad-\xFF.json");
        fs::write(files.join(bad), "[").unwrap();
        std::os::unix::fs::symlink(files.join("nowhere"), files.join("gone.json")).unwrap();
    }
    dir
}

#[test]
fn same_bytes_from_one_thread_or_many() {
    let dir = harder_sample("many");
    let one = run(&dir, "1", true);
    for threads in ["2", "3", "8"] {
        assert_eq!(run(&dir, threads, true), one, "{threads} threads");
    }
    // Without --json the roster keeps only what the table needs; the table is the same.
    let table_only = run(&dir, "2", false);
    assert_eq!(table_only[..3], one[..3]);
    let _ = fs::remove_dir_all(&dir);
}

/// Digests from the single-threaded build, retaken once when certificates became valid until
/// their earliest module's expiry (core/CERTIFICATES.md), which changes every sample file.
#[test]
fn same_bytes_as_before_the_files_were_read_in_parallel() {
    let dir = sample("before");
    let [stdout, stderr, csv, json] = run(&dir, "4", true);
    assert_eq!(stdout, "8a68f7aadcb7f38d:1003");
    assert_eq!(stderr, "62a95befee1a8fe8:284");
    assert_eq!(csv, "b8ddb3a75daa48ec:37329");
    assert_eq!(json, "2df93860838de014:335074");
    let _ = fs::remove_dir_all(&dir);
}
