//! `trygg roster`: builds the roster from a folder of completion files without the browser,
//! for the manager of a large organisation (or a scheduled job) with tens of thousands of
//! files. Bad files are reported and skipped; the run itself succeeds.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::args::{self, Arg, Args};
use crate::roster_files::{check_files, collect_files, FileOutcome};
use trygg_core::content::Lang;
use trygg_core::date::Date;
use trygg_core::roster::{
    export_member_name, CsvWords, CsvWriter, Merged, Roster, Row, Status, Summary,
};

const USAGE: &str =
    "usage: trygg roster [--csv FILE] [--json FILE] [--separator ';'|','] [--lang TAG]
                    [--content DIR] [--course ID] [--content-version V] [--today YYYY-MM-DD]
                    [--threads N] PATH...

Reads completion files (.json, and certificate .pdf files with the record embedded) from
each PATH, recursing into folders, and prints a summary. Each refused file is listed on
stderr with the reason. --csv writes one row per person (UTF-8 with BOM, ';' by default for
Swedish Excel), its headings in --lang (default sv; a language the content adds is read
from --content DIR's languages/); --json writes the merged, verified certificates. --today sets the day the
statuses are computed for (default: today, UTC). --threads sets how many threads read and
check files (default: one per core); the output is the same for any number.
Exit code 0 when the roster was built (even if some files were refused), 2 for bad
arguments, 1 when an output file could not be written.";

struct Options {
    csv: Option<PathBuf>,
    json: Option<PathBuf>,
    separator: char,
    lang: Lang,
    /// Where to read `--lang`'s words from, when not a shipped language.
    content: Option<PathBuf>,
    course: Option<String>,
    content_version: Option<String>,
    today: Option<Date>,
    threads: Option<usize>,
    paths: Vec<PathBuf>,
}

fn parse_args(args: Args) -> Result<Option<Options>, String> {
    let mut o = Options {
        csv: None,
        json: None,
        separator: ';',
        lang: Lang::parse("sv").ok_or("the default language tag")?,
        content: None,
        course: None,
        content_version: None,
        today: None,
        threads: None,
        paths: Vec::new(),
    };
    let mut parser = args::parser(args);
    while let Some(arg) = args::next(&mut parser)? {
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Value(path) => o.paths.push(PathBuf::from(path)),
            Arg::Long("csv") => o.csv = Some(args::path(&mut parser, "--csv")?),
            Arg::Long("json") => o.json = Some(args::path(&mut parser, "--json")?),
            Arg::Long("separator") => {
                o.separator = match args::text(&mut parser, "--separator")?.as_str() {
                    ";" => ';',
                    "," => ',',
                    other => return Err(format!("--separator must be ';' or ',', not '{other}'")),
                }
            }
            Arg::Long("lang") => o.lang = args::lang(&mut parser, "--lang")?,
            Arg::Long("content") => o.content = Some(args::path(&mut parser, "--content")?),
            Arg::Long("course") => o.course = Some(args::text(&mut parser, "--course")?),
            Arg::Long("content-version") => {
                o.content_version = Some(args::text(&mut parser, "--content-version")?);
            }
            Arg::Long("today") => o.today = Some(args::date(&mut parser, "--today")?),
            Arg::Long("threads") => {
                let v = args::text(&mut parser, "--threads")?;
                let n = v
                    .parse::<NonZeroUsize>()
                    .map_err(|_| format!("--threads must be a whole number from 1 up, not {v}"))?;
                o.threads = Some(n.get());
            }
            other => return Err(args::unexpected(other)),
        }
    }
    if o.paths.is_empty() {
        return Err("no files or folders given".into());
    }
    for path in &o.paths {
        if fs::metadata(path).is_err() {
            return Err(format!("{} does not exist", path.display()));
        }
    }
    Ok(Some(o))
}

/// Runs the subcommand on the arguments after `roster`; returns the exit code.
pub fn run(args: Args) -> i32 {
    small_pages_only();
    let mut err = BufWriter::new(io::stderr().lock());
    let code = run_with(args, &mut io::stdout().lock(), &mut err);
    let _ = err.flush();
    code
}

/// [`run`] with its output streams passed in, so tests can read what it prints.
pub(crate) fn run_with(args: Args, stdout: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let options = match args::parsed_or_exit_to("roster", USAGE, parse_args(args), stdout, err) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let words = match crate::words::words(options.lang, options.content.as_deref()) {
        Ok(words) => CsvWords::from_words(&words),
        Err(problem) => {
            let _ = writeln!(err, "trygg roster: {problem}");
            return 2;
        }
    };
    let today = options.today.unwrap_or_else(system_today);
    let mut roster = Roster::new();
    if options.json.is_none() {
        roster = roster.for_table_only();
    }
    if let Some(v) = &options.content_version {
        roster = roster.with_content_version(v.clone());
    }

    let mut files = Vec::new();
    let mut walk_errors = Vec::new();
    for path in &options.paths {
        collect_files(path, &mut files, &mut walk_errors);
    }
    let mut stats = Stats {
        unreadable: walk_errors.len(),
        ..Stats::default()
    };
    for (path, e) in &walk_errors {
        let _ = writeln!(err, "{}: could not be read: {e}", path.display());
    }
    let threads = options
        .threads
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, NonZeroUsize::get));
    let intake = roster.intake(today);
    check_files(
        &files,
        &intake,
        options.course.as_deref(),
        threads,
        |path, outcome| {
            stats.files += 1;
            let name = path.display();
            let prepared = match outcome {
                FileOutcome::Checked(prepared) => vec![(None, prepared)],
                FileOutcome::Export(members) => members
                    .into_iter()
                    .enumerate()
                    .map(|(n, prepared)| (Some(n), prepared))
                    .collect(),
                FileOutcome::TooLarge(too_large) => {
                    stats.refused += 1;
                    let _ = writeln!(err, "{name}: {too_large}");
                    return;
                }
                FileOutcome::Unreadable(e) => {
                    stats.unreadable += 1;
                    let _ = writeln!(err, "{name}: could not be read: {e}");
                    return;
                }
            };
            for (member, prepared) in prepared {
                // A record of an export goes by the export's name and its place in it.
                let file_name = || match member {
                    Some(n) => export_member_name(&name.to_string(), n),
                    None => name.to_string(),
                };
                match roster.add_prepared(file_name, prepared) {
                    Merged::Accepted => {}
                    Merged::Duplicate => stats.duplicates += 1,
                    Merged::Rejected(reason) => {
                        stats.refused += 1;
                        if reason.is_tampered() {
                            stats.tampered += 1;
                        }
                        let _ = writeln!(err, "{}: {reason}", file_name());
                    }
                }
            }
        },
    );
    drop(files);
    let certificates = roster.len();
    // Each row goes to the CSV and the counts as it is made, and none is kept.
    let mut csv = CsvOutput::create(options.csv.as_deref(), options.separator, words);
    let mut summary = Summary::default();
    let mut rows = 0;
    let mut take = |row: Row| {
        csv.row(&row);
        summary.count(&row);
        rows += 1;
    };
    // Without --json nothing more is read from the roster: its rows are made by taking it
    // apart. With it, the records are written after the CSV, as they are read.
    let roster = if options.json.is_some() {
        roster.each_row(today, &mut take);
        Some(roster)
    } else {
        roster.into_each_row(today, &mut take);
        None
    };
    let mut code = 0;
    if let (Some(path), Err(e)) = (&options.csv, csv.finish()) {
        let _ = writeln!(err, "trygg roster: could not write {}: {e}", path.display());
        code = 1;
    }
    if let (Some(path), Some(roster)) = (&options.json, &roster) {
        if let Err(e) = write_json(path, roster) {
            let _ = writeln!(err, "trygg roster: could not write {}: {e}", path.display());
            code = 1;
        }
    }
    let english = crate::words::english();
    let status_key = |status: Status| format!("manager.status.{}", status.key());
    let mut out = String::new();
    out.push_str(&format!("Roster on {today}\n"));
    out.push_str(&format!("Files read:          {}\n", stats.files));
    out.push_str(&format!(
        "Certificates:        {} ({} duplicate files merged)\n",
        certificates, stats.duplicates
    ));
    out.push_str(&format!(
        "Refused files:       {} ({} edited after issue, {} unreadable)\n",
        stats.refused + stats.unreadable,
        stats.tampered,
        stats.unreadable
    ));
    out.push_str(&format!("People:              {}\n", summary.total.people));
    for status in Status::ALL {
        out.push_str(&format!(
            "  {:<19}{}\n",
            format!(
                "{}:",
                english.as_ref().map_or(status.key().to_owned(), |w| w
                    .t(&status_key(status))
                    .to_owned())
            ),
            summary.total.get(status)
        ));
    }
    if !summary.per_unit.is_empty() {
        let width = summary
            .per_unit
            .keys()
            .map(|u| u.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(9, 40);
        out.push_str(&format!(
            "\n{:<width$}  {:>7}  {:>7}  {:>11}  {:>7}  {:>7}\n",
            "Unit", "People", "Valid", "Renewal due", "Expired", "Flagged"
        ));
        for (unit, c) in &summary.per_unit {
            let unit = if unit.is_empty() { "(no unit)" } else { unit };
            let shown: String = unit.chars().take(width).collect();
            let pad = width.saturating_sub(shown.chars().count());
            out.push_str(&format!(
                "{shown}{}  {:>7}  {:>7}  {:>11}  {:>7}  {:>7}\n",
                " ".repeat(pad),
                c.people,
                c.valid,
                c.renewal_due,
                c.expired,
                c.flagged
            ));
        }
    }
    if let Some(path) = &options.csv {
        if code == 0 {
            out.push_str(&format!("\nWrote {} rows to {}\n", rows, path.display()));
        }
    }
    let _ = stdout.write_all(out.as_bytes());
    code
}

#[derive(Default)]
struct Stats {
    files: usize,
    duplicates: usize,
    refused: usize,
    tampered: usize,
    unreadable: usize,
}

/// The CSV file as rows are written to it: none asked for, being written, or the first
/// error met, after which the rest of the rows are only counted.
enum CsvOutput {
    None,
    /// Boxed: the writer carries its words (every heading, role and status).
    Writing(Box<CsvWriter<BufWriter<File>>>),
    Failed(io::Error),
}

impl CsvOutput {
    fn create(path: Option<&Path>, separator: char, words: CsvWords) -> CsvOutput {
        let Some(path) = path else {
            return CsvOutput::None;
        };
        // Larger than the default buffer: 100,000 rows are 11 MB.
        let created = File::create(path)
            .and_then(|f| CsvWriter::new(BufWriter::with_capacity(1 << 16, f), separator, words));
        match created {
            Ok(writer) => CsvOutput::Writing(Box::new(writer)),
            Err(e) => CsvOutput::Failed(e),
        }
    }

    fn row(&mut self, row: &Row) {
        if let CsvOutput::Writing(writer) = self {
            if let Err(e) = writer.row(row) {
                *self = CsvOutput::Failed(e);
            }
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            CsvOutput::None => Ok(()),
            CsvOutput::Writing(writer) => writer.into_inner().flush(),
            CsvOutput::Failed(e) => Err(e),
        }
    }
}

/// Writes the verified records as [`Roster::to_json`] gives them, without building the text.
fn write_json(path: &Path, roster: &Roster) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    roster.write_json(&mut out)?;
    out.flush()
}

/// Asks Linux for ordinary 4 KB pages from here on. mimalloc asks for transparent huge
/// pages, and each one is zeroed (and memory compacted to find it) on first touch: for a
/// run that grows to tens of MB in a second, at region scale that was a tenth of the CPU
/// time and 15 MB of the peak memory, for no gain. Best effort: where it cannot be turned
/// off the run is only slower.
fn small_pages_only() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

fn system_today() -> Date {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0);
    Date::from_unix_ms(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{record, run_captured, temp_dir};

    fn run_args(list: &[&str]) -> (i32, String, String) {
        run_captured(run_with, list)
    }

    fn code(list: &[&str]) -> i32 {
        run_args(list).0
    }

    #[test]
    fn builds_outputs_from_nested_folders_and_survives_bad_files() {
        let dir = temp_dir("nested");
        let inner = dir.join("a").join("b");
        fs::create_dir_all(&inner).unwrap();
        fs::write(
            dir.join("one.json"),
            record("Åsa Öberg", "Akuten", "2025-01-10"),
        )
        .unwrap();
        fs::write(
            inner.join("two.JSON"),
            record("Анна Петрова", "IT", "2024-01-10"),
        )
        .unwrap();
        fs::write(
            inner.join("copy.json"),
            record("Åsa Öberg", "Akuten", "2025-01-10"),
        )
        .unwrap();
        fs::write(inner.join("bad.json"), "{ not json").unwrap();
        fs::write(
            inner.join("edited.json"),
            record("Eva =Ek", "IT", "2025-01-10").replace("Eva =Ek", "=Eva Ek"),
        )
        .unwrap();
        fs::write(inner.join("notes.txt"), "ignored").unwrap();
        let csv = dir.join("out.csv");
        let json = dir.join("out.json");
        let (code, out, err) = run_args(&[
            "--csv",
            &csv.to_string_lossy(),
            "--json",
            &json.to_string_lossy(),
            "--separator",
            ",",
            "--course=c",
            "--today",
            "2025-06-01",
            &dir.to_string_lossy(),
        ]);
        assert_eq!(code, 0);
        assert!(out.contains("Files read:          5"), "{out}");
        assert!(
            out.contains("Certificates:        2 (1 duplicate files merged)"),
            "{out}"
        );
        assert!(
            out.contains("Refused files:       2 (1 edited after issue, 0 unreadable)"),
            "{out}"
        );
        assert!(out.contains("People:              3"), "{out}");
        assert!(out.contains("  Flagged:           1"), "{out}");
        assert!(out.contains("Akuten"), "{out}");
        assert_eq!(err.lines().count(), 2, "{err}");
        assert!(
            err.contains("bad.json: The file is not a completion file"),
            "{err}"
        );
        assert!(
            err.contains("edited.json: The file has been changed"),
            "{err}"
        );
        let csv = fs::read_to_string(&csv).unwrap();
        assert!(csv.starts_with('\u{FEFF}'));
        assert_eq!(csv.matches("\r\n").count(), 4, "{csv}");
        assert!(csv.contains("\"Åsa Öberg\",\"\",\"Akuten\""));
        assert!(csv.contains("\"'=Eva Ek\""));
        assert!(csv.contains("Flaggad"));
        let exported: Vec<serde_json::Value> =
            serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(exported.len(), 2);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_export_read_again_gives_back_its_certificates() {
        let dir = temp_dir("export");
        let first = dir.join("first");
        fs::create_dir_all(&first).unwrap();
        for (file, name, unit) in [("a.json", "Åsa Öberg", "Akuten"), ("b.json", "Bo Ek", "IT")] {
            fs::write(first.join(file), record(name, unit, "2025-01-10")).unwrap();
        }
        let json = dir.join("export.json");
        let (code, _, err) = run_args(&[
            "--json",
            &json.to_string_lossy(),
            "--course=c",
            "--today",
            "2025-06-01",
            &first.to_string_lossy(),
        ]);
        assert_eq!((code, err.as_str()), (0, ""));
        let (code, out, err) = run_args(&[
            "--course=c",
            "--today",
            "2025-06-01",
            &json.to_string_lossy(),
        ]);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert!(out.contains("Files read:          1"), "{out}");
        assert!(out.contains("Certificates:        2"), "{out}");
        assert!(out.contains("Refused files:       0"), "{out}");
        // A record edited inside the export is refused by its place in it.
        let exported: Vec<serde_json::Value> =
            serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        let place = 1 + exported
            .iter()
            .position(|r| r.to_string().contains("Bo Ek"))
            .unwrap();
        let edited = fs::read_to_string(&json)
            .unwrap()
            .replace("Bo Ek", "Bo Eriksson");
        fs::write(&json, edited).unwrap();
        let (_, out, err) = run_args(&[
            "--course=c",
            "--today",
            "2025-06-01",
            &json.to_string_lossy(),
        ]);
        assert!(out.contains("Certificates:        1"), "{out}");
        let refusal = format!("export.json #{place}: The file has been changed");
        assert!(err.contains(&refusal), "{err}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn argument_and_output_errors() {
        let dir = temp_dir("args");
        let d = dir.to_string_lossy().into_owned();
        assert_eq!(code(&[]), 2);
        assert_eq!(code(&["--separator", "|", &d]), 2);
        assert_eq!(code(&["--today", "2025-02-30", &d]), 2);
        assert_eq!(code(&["--csv"]), 2);
        assert_eq!(code(&["--frobnicate", &d]), 2);
        let (status, _, err) = run_args(&["/nonexistent/trygg/folder"]);
        assert_eq!(status, 2);
        assert!(err.contains("does not exist"), "{err}");
        assert_eq!(code(&["--help"]), 0);
        let (status, out, err) = run_args(&[&d]);
        assert_eq!(
            (status, err.as_str()),
            (0, ""),
            "an empty folder is an empty roster"
        );
        assert!(out.contains("People:              0"), "{out}");
        let unwritable = dir.join("missing-folder").join("out.csv");
        let (status, _, err) = run_args(&["--csv", &unwritable.to_string_lossy(), &d]);
        assert_eq!(status, 1);
        assert!(err.contains("could not write"), "{err}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn walk_visits_candidates_in_order() {
        let dir = temp_dir("walk");
        fs::create_dir_all(dir.join("b")).unwrap();
        fs::create_dir_all(dir.join("a")).unwrap();
        for f in ["z.json", "a/y.pdf", "b/x.json", "b/w.txt", "a.json"] {
            fs::write(dir.join(f), "").unwrap();
        }
        let (mut files, mut errors) = (Vec::new(), Vec::new());
        collect_files(&dir, &mut files, &mut errors);
        assert!(errors.is_empty());
        let seen: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(seen, ["a.json", "z.json", "a/y.pdf", "b/x.json"]);
        let _ = fs::remove_dir_all(&dir);
    }
}
