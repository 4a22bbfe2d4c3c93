//! `trygg verify FILE...`: checks completion files (or certificate PDFs) one by one, for a
//! manager or auditor who wants an answer per file without opening the roster.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use trygg_core::certificate::{verify, VerifyError, DEFAULT_MAX_BYTES};

use crate::args::{self, Arg, Args};

const USAGE: &str = "usage: trygg verify [--course ID] FILE...

Checks each completion file (.json, or a certificate .pdf with the record embedded) and
prints OK with the learner's name and verification code, or why the file was refused.
Exits 1 if any file was refused or could not be read.";

/// What `trygg verify` was asked to check.
struct Options {
    course: Option<String>,
    files: Vec<PathBuf>,
}

fn parse_args(args: Args) -> Result<Option<Options>, String> {
    let mut parser = args::parser(args);
    let mut course = None;
    let mut files = Vec::new();
    while let Some(arg) = args::next(&mut parser)? {
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Long("course") => course = Some(args::text(&mut parser, "--course")?),
            Arg::Value(file) => files.push(PathBuf::from(file)),
            other => return Err(args::unexpected(other)),
        }
    }
    if files.is_empty() {
        return Err("no files given".into());
    }
    Ok(Some(Options { course, files }))
}

/// Runs the subcommand on the arguments after `verify`; returns the exit code: 0 when every
/// file verified, 1 when any did not, 2 for a usage error.
pub fn run(args: Args) -> i32 {
    run_with(args, &mut io::stdout().lock(), &mut io::stderr().lock())
}

/// [`run`] with its output streams passed in, so tests can read what it prints.
fn run_with(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Options { course, files } =
        match args::parsed_or_exit_to("verify", USAGE, parse_args(args), out, err) {
            Ok(options) => options,
            Err(code) => return code,
        };

    let mut failed = 0usize;
    for path in &files {
        let file = path.display();
        let line = match read_limited(path, DEFAULT_MAX_BYTES) {
            Err(e) => {
                failed += 1;
                format!("UNREADABLE  {file}: {e}")
            }
            Ok(Err(too_large)) => {
                failed += 1;
                format!("INVALID     {file}: {too_large}")
            }
            Ok(Ok(bytes)) => match verify(&bytes, course.as_deref(), DEFAULT_MAX_BYTES) {
                Ok(r) => format!(
                    "OK          {file}: {} ({}), code {}, valid until {}",
                    r.learner.full_name, r.certificate_id, r.verification_code, r.valid_until
                ),
                Err(e) if e.is_tampered() => {
                    failed += 1;
                    format!("FLAGGED     {file}: {e}")
                }
                Err(e) => {
                    failed += 1;
                    format!("INVALID     {file}: {e}")
                }
            },
        };
        // A closed pipe (`| head`) is not a verification failure; stop writing quietly.
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    if files.len() > 1 {
        let _ = writeln!(
            out,
            "{} of {} files verified.",
            files.len() - failed,
            files.len()
        );
    }
    i32::from(failed > 0)
}

/// Reads at most `max` bytes; a larger file is reported as too large without reading it
/// all, so a stray disk image on the command line costs nothing.
fn read_limited(path: &Path, max: usize) -> io::Result<Result<Vec<u8>, VerifyError>> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::other("is a folder, not a file"));
    }
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        let size = usize::try_from(meta.len())
            .unwrap_or(usize::MAX)
            .max(bytes.len());
        return Ok(Err(VerifyError::TooLarge { size, max }));
    }
    Ok(Ok(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{record, run_captured, temp_dir};

    fn record_json() -> String {
        record("Åsa Öberg", "", "2025-01-31")
    }

    fn run_args(list: &[&str]) -> (i32, String, String) {
        run_captured(run_with, list)
    }

    fn code(list: &[&str]) -> i32 {
        run_args(list).0
    }

    #[test]
    fn good_files_pass_and_edited_or_missing_fail() {
        let dir = temp_dir("files");
        let good = dir.join("good.json");
        std::fs::write(&good, record_json()).unwrap();
        let edited = dir.join("edited.json");
        std::fs::write(&edited, record_json().replace("2026-01-31", "2029-01-31")).unwrap();
        let good = good.to_string_lossy().into_owned();
        let edited = edited.to_string_lossy().into_owned();
        let (status, out, _) = run_args(&[&good]);
        assert_eq!(status, 0);
        assert!(out.starts_with("OK"), "{out}");
        assert!(
            out.contains("Åsa Öberg") && out.contains("valid until 2026-01-31"),
            "{out}"
        );
        assert_eq!(code(&["--course", "c", &good]), 0);
        let (status, out, _) = run_args(&["--course=other", &good]);
        assert_eq!(status, 1);
        assert!(out.contains("for the course \"c\", not \"other\""), "{out}");
        let (status, out, _) = run_args(&[&good, &edited]);
        assert_eq!(status, 1);
        assert!(out.lines().nth(1).unwrap().starts_with("FLAGGED"), "{out}");
        assert!(out.ends_with("1 of 2 files verified.\n"), "{out}");
        let (status, out, _) = run_args(&[&good, "/nonexistent/x.json"]);
        assert_eq!(status, 1);
        assert!(out.contains("UNREADABLE  /nonexistent/x.json"), "{out}");
        assert_eq!(code(&[&dir.to_string_lossy()]), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn usage_errors_exit_2() {
        let (status, out, err) = run_args(&[]);
        assert_eq!((status, out.as_str()), (2, ""));
        assert!(
            err.contains("no files given") && err.contains("usage:"),
            "{err}"
        );
        assert_eq!(code(&["--bogus", "x"]), 2);
        assert_eq!(code(&["--course"]), 2);
        let (status, out, _) = run_args(&["--help"]);
        assert_eq!(status, 0);
        assert!(out.starts_with("usage: trygg verify"));
    }

    #[test]
    fn large_files_are_not_read_whole() {
        let dir = temp_dir("large");
        let path = dir.join("big.bin");
        std::fs::write(&path, vec![b' '; 2000]).unwrap();
        match read_limited(&path, 100).unwrap() {
            Err(VerifyError::TooLarge { size, max }) => assert_eq!((size, max), (2000, 100)),
            other => panic!("{other:?}"),
        }
        assert_eq!(read_limited(&path, 2000).unwrap().unwrap().len(), 2000);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
