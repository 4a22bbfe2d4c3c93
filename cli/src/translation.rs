//! `trygg content export` and `trygg content import`: the translators' round trip. Export
//! writes one language's texts as a gettext PO file for a translator's tool; import reads the
//! translated file back into that language's files, after checking every text, and leaves the
//! structure and every other language alone. The rules are in the core
//! (`trygg_core::content::{export_po, import_po}`); this file reads and writes the files.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use trygg_core::content::{export_po, import_po, ContentIssue, ImportError};
use trygg_core::language::Lang;

use crate::args::{self, Arg, Args};
use crate::content::{read_course_files, CourseFiles};

const USAGE: &str = "\
Usage:
  trygg content export --lang TAG [--out FILE] DIR
      write the texts of language TAG of the content folder DIR as a gettext PO file (to
      FILE, or to standard output) for Poedit, Weblate, memoQ, Trados, Lokalise …
  trygg content import FILE DIR
      read a translated PO file back into its language's files in DIR (the language is the
      one the file's header names); every text is checked first, and one problem refuses
      the whole file, with exit code 1";

/// `trygg content export`.
pub fn export(args: Args) -> i32 {
    export_with(args, &mut std::io::stdout(), &mut std::io::stderr())
}

/// `trygg content import`.
pub fn import(args: Args) -> i32 {
    import_with(args, &mut std::io::stdout(), &mut std::io::stderr())
}

struct ExportArgs {
    lang: Lang,
    out: Option<PathBuf>,
    dir: PathBuf,
}

/// Reads `--lang TAG`, `--out FILE` and one folder; `Ok(None)` for help.
fn export_args(args: Args) -> Result<Option<ExportArgs>, String> {
    let mut parser = args::parser(args);
    let mut lang = None;
    let mut out = None;
    let mut dirs = Vec::new();
    while let Some(arg) = args::next(&mut parser)? {
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Long("lang") => lang = Some(args::lang(&mut parser, "--lang")?),
            Arg::Long("out") => out = Some(args::path(&mut parser, "--out")?),
            Arg::Value(dir) => dirs.push(PathBuf::from(dir)),
            other => return Err(args::unexpected(other)),
        }
    }
    let lang = lang.ok_or("--lang TAG is required: the language to export")?;
    let Ok([dir]) = <[PathBuf; 1]>::try_from(dirs) else {
        return Err("export takes exactly one content folder".into());
    };
    Ok(Some(ExportArgs { lang, out, dir }))
}

/// Reads the PO file and the folder; `Ok(None)` for help.
fn import_args(args: Args) -> Result<Option<(PathBuf, PathBuf)>, String> {
    let Some(operands) = args::operands_only(args)? else {
        return Ok(None);
    };
    let Ok([po, dir]) = <[OsString; 2]>::try_from(operands) else {
        return Err("import takes a PO file and a content folder".into());
    };
    Ok(Some((po.into(), dir.into())))
}

fn export_with(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let parsed = match args::parsed_or_exit_to("content", USAGE, export_args(args), out, err) {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    let lang = parsed.lang;
    let files = match read_folder(&parsed.dir, err) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let export = match export_po(&files, lang) {
        Ok(export) => export,
        Err(issues) => return content_problems(err, &parsed.dir, &issues),
    };
    let written = match &parsed.out {
        Some(path) => fs::write(path, &export.po)
            .map(|()| path.display().to_string())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => out
            .write_all(export.po.as_bytes())
            .map(|()| "standard output".to_owned())
            .map_err(|e| format!("cannot write the file: {e}")),
    };
    match written {
        Ok(to) => {
            let _ = writeln!(
                err,
                "wrote {to}: {} entries in {lang}, {} without a translation, {} fuzzy",
                export.entries, export.missing, export.fuzzy
            );
            0
        }
        Err(problem) => {
            let _ = writeln!(err, "trygg content export: {problem}");
            2
        }
    }
}

fn import_with(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (po_path, dir) =
        match args::parsed_or_exit_to("content", USAGE, import_args(args), out, err) {
            Ok(paths) => paths,
            Err(code) => return code,
        };
    let po = match fs::read(&po_path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(
                err,
                "trygg content import: cannot read {}: {e}",
                po_path.display()
            );
            return 2;
        }
    };
    let files = match read_folder(&dir, err) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let import = match import_po(&files, &po) {
        Ok(import) => import,
        Err(ImportError::Content(issues)) => return content_problems(err, &dir, &issues),
        Err(ImportError::Refused(problems)) => {
            for p in &problems {
                let context = if p.context.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", p.context)
                };
                let _ = writeln!(
                    err,
                    "{}:{}: {context}{}",
                    po_path.display(),
                    p.line,
                    p.message
                );
            }
            let _ = writeln!(
                err,
                "{} found; nothing was written",
                count(problems.len(), "problem")
            );
            return 1;
        }
    };
    for warning in &import.warnings {
        let _ = writeln!(err, "warning: {}: {warning}", po_path.display());
    }
    let changed: Vec<(&str, &[u8])> = import
        .files
        .iter()
        .filter(|(rel, text)| fs::read(dir.join(rel)).map_or(true, |old| old != text.as_bytes()))
        .map(|(rel, text)| (rel.as_str(), text.as_bytes()))
        .collect();
    if let Err(problem) = write_all(&dir, &changed) {
        let _ = writeln!(err, "trygg content import: {problem}");
        return 2;
    }
    let changed: Vec<&str> = changed.into_iter().map(|(rel, _)| rel).collect();
    let texts = if import.source {
        count(import.translated, "source text")
    } else {
        format!(
            "{} translated ({} fuzzy), {} without a translation",
            count(import.translated, "text"),
            import.fuzzy,
            import.missing
        )
    };
    let _ = writeln!(
        out,
        "languages/{}: {texts}; {} of {} rewritten{}",
        import.lang,
        changed.len(),
        count(import.files.len(), "file"),
        if changed.is_empty() {
            String::new()
        } else {
            format!(": {}", changed.join(", "))
        }
    );
    0
}

/// The course's files, or the exit code once what could not be read is printed.
fn read_folder(dir: &Path, err: &mut dyn Write) -> Result<Vec<(String, Vec<u8>)>, i32> {
    if !dir.is_dir() {
        let _ = writeln!(err, "trygg content: {} is not a folder", dir.display());
        return Err(2);
    }
    let CourseFiles {
        files, unreadable, ..
    } = read_course_files(dir);
    if unreadable.is_empty() {
        Ok(files)
    } else {
        Err(content_problems(err, dir, &unreadable))
    }
}

/// Problems in the course itself: printed like `trygg content check` prints them.
fn content_problems(err: &mut dyn Write, dir: &Path, issues: &[ContentIssue]) -> i32 {
    for issue in issues {
        let file = dir.join(&issue.file).display().to_string();
        let _ = writeln!(
            err,
            "{}",
            ContentIssue::new(file, &issue.path, &issue.message)
        );
    }
    // A language not listed yet is no fault the check would find: the line above says what
    // to do, and pointing at the check would only send the reader to an "OK".
    let unlisted = issues.len() == 1 && issues[0].path == "languages";
    if !unlisted {
        let _ = writeln!(
            err,
            "{} in the content; fix them first (trygg content check {})",
            count(issues.len(), "problem"),
            dir.display()
        );
    }
    1
}

/// Writes every file beside its place first and moves them into place only once all are
/// written, so a full disk or a folder without write access leaves every file as it was.
fn write_all(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), String> {
    let temp_of = |path: &Path| {
        let mut temp = path.as_os_str().to_owned();
        temp.push(".import-tmp");
        PathBuf::from(temp)
    };
    let mut written = Vec::new();
    let mut failure = None;
    for (rel, bytes) in files {
        let path = dir.join(rel);
        let temp = temp_of(&path);
        let result = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&temp, bytes));
        match result {
            Ok(()) => written.push((temp, path)),
            Err(e) => {
                failure = Some(format!("cannot write {}: {e}", path.display()));
                let _ = fs::remove_file(&temp);
                break;
            }
        }
    }
    if failure.is_none() {
        for (temp, path) in &written {
            if let Err(e) = fs::rename(temp, path) {
                failure = Some(format!("cannot replace {}: {e}", path.display()));
                break;
            }
        }
    }
    for (temp, _) in &written {
        let _ = fs::remove_file(temp);
    }
    failure.map_or(Ok(()), Err)
}

fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
