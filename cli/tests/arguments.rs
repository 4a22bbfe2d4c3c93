//! Every subcommand takes any path the operating system accepts, including names that are
//! not UTF-8 (a Latin-1 archive, an old Windows share), and refuses an unknown option, a
//! missing value and an empty argument with a plain message and exit code 2, never a panic.

mod cli_support;

use cli_support::copy_folder;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a run of `trygg` gave: exit code (-1 when killed by a signal), stdout, stderr.
struct Run {
    code: i32,
    out: String,
    err: String,
}

fn trygg<S: AsRef<OsStr>>(args: &[S]) -> Run {
    let run = Command::new(env!("CARGO_BIN_EXE_trygg"))
        .args(args)
        .output()
        .expect("the trygg binary runs");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    Run {
        code: run.status.code().unwrap_or(-1),
        out: text(&run.stdout),
        err: text(&run.stderr),
    }
}

/// `args` are refused as a usage error: exit 2, the problem named on stderr beside the
/// usage, nothing on stdout.
fn assert_refused<S: AsRef<OsStr>>(args: &[S], problem: &str) {
    let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
    let run = trygg(args);
    assert_eq!(run.code, 2, "{shown:?}: {}", run.err);
    assert!(run.err.contains(problem), "{shown:?}: {}", run.err);
    assert!(
        run.err.to_lowercase().contains("usage"),
        "{shown:?}: {}",
        run.err
    );
    assert_eq!(run.out, "", "{shown:?}");
}

/// Each `(arguments, problem)` is refused, as [`assert_refused`] checks.
fn assert_all_refused(cases: &[(&[&str], &str)]) {
    for (args, problem) in cases {
        assert_refused(args, problem);
    }
}

/// `name` followed by bytes that are not UTF-8: "ö" and "ä" in Latin-1 on Unix, a lone
/// surrogate on Windows.
fn not_utf8(name: &str) -> OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        let mut bytes = name.as_bytes().to_vec();
        bytes.extend_from_slice(b"-f\xF6rs\xE4kring");
        OsString::from_vec(bytes)
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStringExt;
        let mut wide: Vec<u16> = name.encode_utf16().collect();
        wide.extend([u16::from(b'-'), 0xD800]);
        OsString::from_wide(&wide)
    }
}

/// A scratch folder unique to this test, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "trygg-arguments-{name}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }

    /// A path inside the scratch folder whose last part is not UTF-8.
    fn odd(&self, name: &str) -> PathBuf {
        self.0.join(not_utf8(name))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// How many files are in `dir` and the folders inside it.
fn files_in(dir: &Path) -> usize {
    fs::read_dir(dir)
        .expect("read folder")
        .map(|entry| entry.expect("entry").path())
        .map(|path| if path.is_dir() { files_in(&path) } else { 1 })
        .sum()
}

/// The shipped course, copied into a folder whose name is not UTF-8.
fn odd_course(scratch: &Scratch) -> PathBuf {
    let dir = scratch.odd("kurs");
    copy_folder(&workspace().join("content"), &dir);
    dir
}

/// One valid completion file from `trygg sample`, moved to a name that is not UTF-8 in a
/// folder whose name is not UTF-8 either.
fn odd_completion_file(scratch: &Scratch) -> PathBuf {
    let made = scratch.0.join("made");
    let run = trygg(&[
        OsStr::new("sample"),
        OsStr::new("--count=1"),
        OsStr::new("--out"),
        made.as_os_str(),
        OsStr::new("--today=2025-06-15"),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let file = fs::read_dir(&made)
        .expect("sample wrote its folder")
        .next()
        .expect("one file")
        .expect("entry")
        .path();
    let folder = scratch.odd("intyg");
    fs::create_dir_all(&folder).expect("mkdir");
    let mut name = not_utf8("anna");
    name.push(".json");
    let moved = folder.join(name);
    fs::rename(file, &moved).expect("rename");
    moved
}

#[test]
fn the_top_level_refuses_what_it_does_not_know() {
    let run = trygg::<&str>(&[]);
    assert_eq!(run.code, 2);
    assert!(run.err.contains("no command given"), "{}", run.err);
    assert_all_refused(&[
        (&["--frobnicate"], "unknown option --frobnicate"),
        (&[""], "an argument is empty"),
        (&["--version=2"], "--version takes no value"),
        (&["--help", "verify"], "unexpected argument verify"),
    ]);
    assert_refused(
        &[not_utf8("verify")],
        "unknown command \"verify-f\u{FFFD}rs",
    );
    let run = trygg(&["--version"]);
    assert_eq!((run.code, run.err.as_str()), (0, ""));
    assert!(run.out.starts_with("trygg "), "{}", run.out);
}

#[test]
fn content_check_and_schema_take_any_folder() {
    let scratch = Scratch::new("content");
    let course = odd_course(&scratch);
    let run = trygg(&[
        OsStr::new("content"),
        OsStr::new("check"),
        course.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);
    assert!(run.out.contains("OK: no problems found"), "{}", run.out);
    let run = trygg(&[
        OsStr::new("content"),
        OsStr::new("check"),
        OsStr::new("--json"),
        course.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.contains("\"ok\": true"), "{}", run.out);

    let schemas = scratch.odd("schemas");
    let run = trygg(&[
        OsStr::new("content"),
        OsStr::new("schema"),
        schemas.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let written = fs::read_dir(&schemas).expect("schema folder").count();
    assert!(written >= 3, "{written} schemas");
    assert_eq!(run.out.lines().count(), written, "{}", run.out);

    assert_all_refused(&[
        (&["content"], "missing content command"),
        (&["content", "--frobnicate"], "unknown option --frobnicate"),
        (&["content", ""], "an argument is empty"),
        (&["content", "check", "--frobnicate", "x"], "unknown option"),
        (
            &["content", "check", "--json=yes", "x"],
            "--json takes no value",
        ),
        (&["content", "check", ""], "an argument is empty"),
        (&["content", "check"], "check takes exactly one folder"),
        (&["content", "schema", "-x", "x"], "unknown option -x"),
        (&["content", "schema", ""], "an argument is empty"),
        (&["content", "schema"], "schema takes exactly one folder"),
    ]);
}

#[test]
fn content_export_and_import_take_any_path() {
    let scratch = Scratch::new("translation");
    let course = odd_course(&scratch);
    let po = scratch.odd("en.po");
    let run = trygg(&[
        OsStr::new("content"),
        OsStr::new("export"),
        OsStr::new("--lang=en"),
        OsStr::new("--out"),
        po.as_os_str(),
        course.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.err.contains("entries in en"), "{}", run.err);
    assert!(fs::read_to_string(&po)
        .expect("the PO file")
        .contains("msgctxt"));
    // Read back unedited: every text checked, no file changed.
    let run = trygg(&[
        OsStr::new("content"),
        OsStr::new("import"),
        po.as_os_str(),
        course.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.starts_with("languages/en: "), "{}", run.out);
    assert!(run.out.contains("; 0 of "), "{}", run.out);

    assert_all_refused(&[
        (&["content", "export", "x"], "--lang TAG is required"),
        (
            &["content", "export", "x", "--lang"],
            "--lang needs a value",
        ),
        (
            &["content", "export", "--lang=", "x"],
            "--lang needs a value",
        ),
        (
            &["content", "export", "--lang", "e n", "x"],
            "--lang must be a language tag",
        ),
        (
            &["content", "export", "--lang=en", "--out", "", "x"],
            "--out needs a value",
        ),
        (
            &["content", "export", "--lang=en", "--colour", "x"],
            "unknown option --colour",
        ),
        (
            &["content", "export", "--lang=en", ""],
            "an argument is empty",
        ),
        (
            &["content", "export", "--lang=en", "x", "y"],
            "export takes exactly one content folder",
        ),
        (
            &["content", "import", "-x", "a.po", "x"],
            "unknown option -x",
        ),
        (&["content", "import", "a.po", ""], "an argument is empty"),
        (
            &["content", "import", "a.po"],
            "import takes a PO file and a content folder",
        ),
    ]);
    let mut odd_lang = OsString::from("--lang=");
    odd_lang.push(not_utf8("fi"));
    assert_refused(
        &[
            OsString::from("content"),
            OsString::from("export"),
            odd_lang,
            course.into_os_string(),
        ],
        "--lang must be text (UTF-8)",
    );
}

#[test]
fn verify_takes_any_file_name() {
    let scratch = Scratch::new("verify");
    let file = odd_completion_file(&scratch);
    let run = trygg(&[OsStr::new("verify"), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);
    assert!(run.out.starts_with("OK "), "{}", run.out);
    assert!(
        run.out.contains("anna-f\u{FFFD}rs\u{FFFD}kring.json"),
        "{}",
        run.out
    );

    // `--` ends the options: a file may be named like one.
    let dashed = scratch.0.join("--course");
    fs::copy(&file, &dashed).expect("copy");
    let run = trygg(&[OsStr::new("verify"), OsStr::new("--"), dashed.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);

    assert_all_refused(&[
        (
            &["verify", "--frobnicate", "x.json"],
            "unknown option --frobnicate",
        ),
        (&["verify", "x.json", "--course"], "--course needs a value"),
        (&["verify", "--course=", "x.json"], "--course needs a value"),
        (&["verify", ""], "an argument is empty"),
        (&["verify"], "no files given"),
    ]);
    let mut odd_course = OsString::from("--course=");
    odd_course.push(not_utf8("kurs"));
    assert_refused(
        &[OsString::from("verify"), odd_course, file.into_os_string()],
        "--course must be text (UTF-8)",
    );
}

#[test]
fn roster_reads_and_writes_any_path() {
    let scratch = Scratch::new("roster");
    let file = odd_completion_file(&scratch);
    let folder = file.parent().expect("its folder");
    let csv = scratch.odd("lista.csv");
    let json = scratch.odd("intyg.json");
    let run = trygg(&[
        OsStr::new("roster"),
        OsStr::new("--csv"),
        csv.as_os_str(),
        OsStr::new("--json"),
        json.as_os_str(),
        OsStr::new("--today=2025-06-15"),
        folder.as_os_str(),
    ]);
    assert_eq!((run.code, run.err.as_str()), (0, ""), "{}", run.out);
    assert!(run.out.contains("Certificates:        1"), "{}", run.out);
    let table = fs::read_to_string(&csv).expect("the CSV at a non-UTF-8 path");
    assert_eq!(table.lines().count(), 2, "{table}");
    assert!(fs::read(&json).expect("the JSON").starts_with(b"["));

    // The CSV's words come from a content folder whose name is not UTF-8 either; the copy's
    // heading differs from the built-in one, so the folder is what was read.
    let content = scratch.odd("innehåll");
    copy_folder(&workspace().join("content"), &content);
    let words = content.join("languages/fi/ui.json");
    let own = fs::read_to_string(&words).expect("fi/ui.json");
    assert!(own.contains(r#""csv.name": "Nimi""#), "the heading moved");
    let own = own.replace(r#""csv.name": "Nimi""#, r#""csv.name": "Nimi (oma)""#);
    fs::write(&words, own).expect("write fi/ui.json");
    let run = trygg(&[
        OsStr::new("roster"),
        OsStr::new("--lang=fi"),
        OsStr::new("--content"),
        content.as_os_str(),
        OsStr::new("--csv"),
        csv.as_os_str(),
        OsStr::new("--today=2025-06-15"),
        folder.as_os_str(),
    ]);
    assert_eq!((run.code, run.err.as_str()), (0, ""), "{}", run.out);
    let table = fs::read_to_string(&csv).expect("the CSV");
    assert!(table.contains("Nimi (oma)"), "{table}");

    assert_all_refused(&[
        (
            &["roster", "--frobnicate", "x"],
            "unknown option --frobnicate",
        ),
        (&["roster", "x", "--csv"], "--csv needs a value"),
        (&["roster", "--json", "", "x"], "--json needs a value"),
        (&["roster", "x", "--content"], "--content needs a value"),
        (&["roster", "--content=", "x"], "--content needs a value"),
        (&["roster", "--lang", "", "x"], "--lang needs a value"),
        (
            &["roster", "--lang=sv_SE!", "x"],
            "--lang must be a language tag",
        ),
        (&["roster", ""], "an argument is empty"),
        (&["roster"], "no files or folders given"),
    ]);
}

#[test]
fn sample_writes_into_any_folder_from_any_content_folder() {
    let scratch = Scratch::new("sample");
    let course = odd_course(&scratch);
    let out = scratch.odd("ut");
    let run = trygg(&[
        OsStr::new("sample"),
        OsStr::new("--count=3"),
        OsStr::new("--out"),
        out.as_os_str(),
        OsStr::new("--content"),
        course.as_os_str(),
        OsStr::new("--today=2025-06-15"),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(fs::read_dir(&out).expect("written").count(), 3);

    assert_all_refused(&[
        (
            &["sample", "--count=1", "--out=x", "--wat"],
            "unknown option --wat",
        ),
        (
            &["sample", "--out", "x", "--count"],
            "--count needs a value",
        ),
        (&["sample", "--count=1", "--out="], "--out needs a value"),
        (
            &["sample", "--count=1", "--out=x", ""],
            "an argument is empty",
        ),
        (
            &["sample", "--count=1", "--out=x", "y"],
            "unexpected argument y",
        ),
    ]);
}

#[test]
fn font_subset_reads_and_writes_any_path() {
    let scratch = Scratch::new("font");
    let input = scratch.odd("in.ttf");
    let dejavu = workspace().join("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
    fs::copy(&dejavu, &input)
        .unwrap_or_else(|e| panic!("{}: {e}; run `make setup`", dejavu.display()));
    let output = scratch.odd("out.ttf");
    let run = trygg(&[
        OsStr::new("font"),
        OsStr::new("subset"),
        input.as_os_str(),
        output.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let size = fs::metadata(&output).expect("the subset").len();
    assert!(size > 0 && size < fs::metadata(&input).expect("in").len() / 4);

    assert_all_refused(&[
        (
            &["font", "subset", "--frobnicate", "a", "b"],
            "unknown option",
        ),
        (&["font", "subset", "a"], "an input and an output font"),
        (&["font", "subset", "a", ""], "an argument is empty"),
        (
            &["font", "shrink", "a", "b"],
            "unknown font command \"shrink\"",
        ),
        (&["font"], "missing font command"),
    ]);
}

#[test]
fn package_packs_any_folder_into_any_file() {
    let scratch = Scratch::new("package");
    let dist = scratch.odd("dist");
    // The package names the course from the content folder it packs: the shipped one.
    copy_folder(&workspace().join("content"), &dist.join("content"));
    fs::write(dist.join("index.html"), "<!doctype html>").expect("index");
    let packed = format!(
        "{} files and imsmanifest.xml",
        1 + files_in(&dist.join("content"))
    );
    let zip = scratch.odd("paket.zip");
    let run = trygg(&[
        OsStr::new("package"),
        OsStr::new("--format=scorm2004"),
        OsStr::new("--out"),
        zip.as_os_str(),
        dist.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.contains(&packed), "{packed}: {}", run.out);
    assert!(fs::metadata(&zip).expect("the zip").len() > 0);

    assert_all_refused(&[
        (
            &["package", "--frobnicate", "d"],
            "unknown option --frobnicate",
        ),
        (
            &["package", "--out=p.zip", "d", "--format"],
            "--format needs a value",
        ),
        (
            &["package", "--format=scorm12", "--out", "", "d"],
            "--out needs a value",
        ),
        (
            &["package", "--format=scorm12", "--out=p.zip", ""],
            "an argument is empty",
        ),
        (
            &["package", "--format=scorm12", "--out=p.zip", "d", "e"],
            "unexpected argument e",
        ),
    ]);
}

#[test]
fn a_reader_that_went_away_is_no_panic() {
    // `trygg … | head -1`: the pipe closes before trygg writes (trygg takes milliseconds to
    // start; the read end is closed at once), which made `println!` panic.
    let scratch = Scratch::new("pipe");
    let schemas = scratch.0.join("schemas");
    for args in [
        vec![OsStr::new("--help")],
        vec![
            OsStr::new("content"),
            OsStr::new("schema"),
            schemas.as_os_str(),
        ],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trygg"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the trygg binary runs");
        drop(child.stdout.take());
        let run = child.wait_with_output().expect("trygg ends");
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
