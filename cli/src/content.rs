//! `trygg content check` and `trygg content schema`: what a security officer runs after
//! editing the course, and what CI runs so broken content never ships.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::args::{self, Arg, Args, Subcommand};
use trygg_core::content::{
    figure, language_reports, load_course_in, module_file, parse_organisation, schemas,
    ContentIssue, ContentSummary, Course, CueLexicon, LanguageCues, LanguageReport, CUES_FILE,
    QUESTION_TYPES, TRANSLATED_FROM_FILE,
};
use trygg_core::language::{course_texts_file, language_dir, module_texts_file, words_file};

const USAGE: &str = "\
Usage:
  trygg content check DIR [--json]   check the content folder DIR (organisation.json,
                                     sources.json, modules/ and languages/); exit 1 on any
                                     problem, warnings for gaps in a translation
  trygg content schema DIR           write the JSON Schemas of organisation.json, sources.json,
                                     modules/ and the language files (texts, ui) to DIR
  trygg content export --lang TAG [--out FILE] DIR
                                     write language TAG's texts as a PO file for translators
  trygg content import FILE DIR      read a translated PO file back into its language's files";

/// Each `trygg content` command by name, with the function that runs it on the arguments
/// after the name. A new command is one more row here and a line in [`USAGE`].
const COMMANDS: [(&str, Subcommand); 4] = [
    ("check", check),
    ("schema", schema),
    ("export", crate::translation::export),
    ("import", crate::translation::import),
];

/// Runs `trygg content ARGS`; returns the exit code: 0 when all is well, 1 when the content
/// has problems, 2 for bad arguments or a folder that cannot be read or written.
pub fn run(args: Args) -> i32 {
    let mut parser = args::parser(args);
    match args::next(&mut parser) {
        Ok(Some(Arg::Value(name))) => {
            match args::subcommand(&COMMANDS, "content command", &name, &mut parser) {
                Ok((command, rest)) => command(rest),
                Err(problem) => usage_error(&problem),
            }
        }
        Ok(Some(Arg::Short('h') | Arg::Long("help"))) => {
            say!("{USAGE}");
            0
        }
        Ok(Some(other)) => usage_error(&args::unexpected(other)),
        Ok(None) => usage_error("missing content command"),
        Err(problem) => usage_error(&problem),
    }
}

fn usage_error(message: &str) -> i32 {
    complain!("trygg content: {message}\n\n{USAGE}");
    2
}

/// What `trygg content check` was asked to do.
struct CheckOptions {
    as_json: bool,
    dir: PathBuf,
}

fn parse_check(args: Args) -> Result<Option<CheckOptions>, String> {
    let mut parser = args::parser(args);
    let mut as_json = false;
    let mut dirs = Vec::new();
    while let Some(arg) = args::next(&mut parser)? {
        match arg {
            Arg::Long("json") => as_json = true,
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Value(dir) => dirs.push(PathBuf::from(dir)),
            other => return Err(args::unexpected(other)),
        }
    }
    let Ok([dir]) = <[PathBuf; 1]>::try_from(dirs) else {
        return Err("check takes exactly one folder".into());
    };
    Ok(Some(CheckOptions { as_json, dir }))
}

fn check(args: Args) -> i32 {
    let CheckOptions { as_json, dir } =
        match args::parsed_or_exit("content", USAGE, parse_check(args)) {
            Ok(options) => options,
            Err(code) => return code,
        };
    let dir = dir.as_path();
    if !dir.is_dir() {
        complain!("trygg content: {} is not a folder", dir.display());
        return 2;
    }
    // The built folder a security officer edits holds the content one level down.
    let inner = dir.join("content");
    if !dir.join("organisation.json").exists() && inner.join("organisation.json").is_file() {
        complain!(
            "trygg content: {} has no organisation.json; the content of a built folder is in {}: check that folder",
            dir.display(),
            inner.display()
        );
        return 2;
    }

    let CourseFiles {
        files,
        unreadable,
        listed,
    } = read_course_files(dir);
    // Without a readable module list every file would look unlisted; that issue comes first.
    let warnings = listed
        .map(|listed| extra_module_files(dir, &listed))
        .unwrap_or_default();

    match with_sources(load_every_language(&files), &files, &unreadable) {
        Err(issues) => {
            let unreadable_files: HashSet<&str> =
                unreadable.iter().map(|i| i.file.as_str()).collect();
            // A file broken in a way two readings meet (its language's course and the
            // translation report) is one problem, listed once.
            let mut seen = HashSet::new();
            let issues: Vec<&ContentIssue> = unreadable
                .iter()
                .chain(issues.iter().filter(|i| {
                    !(unreadable_files.contains(i.file.as_str()) && i.message == "file is missing")
                }))
                .filter(|i| seen.insert((&i.file, &i.path, &i.message)))
                .collect();
            if as_json {
                emit(&pretty(
                    &json!({ "ok": false, "issues": issues, "warnings": warnings }),
                ));
            } else {
                let mut out = String::new();
                for issue in &issues {
                    let file = dir.join(&issue.file).display().to_string();
                    let issue = ContentIssue::new(file, &issue.path, &issue.message);
                    let _ = writeln!(out, "{issue}");
                }
                for warning in &warnings {
                    let _ = writeln!(out, "warning: {warning}");
                }
                let _ = writeln!(out, "{}", plural(issues.len(), "problem") + " found");
                emit(&out);
            }
            1
        }
        Ok((courses, reports, lexicon)) => {
            let summary = ContentSummary::of(&courses, &lexicon);
            let without_cue_words: Vec<String> = summary
                .languages
                .iter()
                .filter(|tag| lexicon.for_lang(tag).is_none())
                .cloned()
                .collect();
            let mut warnings = warnings;
            warnings.extend(summary.uncovered.iter().map(|u| {
                let by = if u.missing_in == "lesson" {
                    "lesson section"
                } else {
                    "question"
                };
                format!("point \"{}\" is not cited by any {by}", u.point)
            }));
            warnings.extend(balance_warnings(&summary));
            for report in &reports {
                let dir = format!("languages/{}", report.lang);
                warnings.extend(report.warnings().into_iter().map(|w| format!("{dir}: {w}")));
            }
            if as_json {
                let mut out = serde_json::to_value(&summary).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut out {
                    map.insert("ok".into(), Value::Bool(true));
                    map.insert("translations".into(), json!(reports));
                    map.insert("without_cue_words".into(), json!(without_cue_words));
                    map.insert("warnings".into(), json!(warnings));
                }
                emit(&pretty(&out));
            } else {
                emit(&summary_text(
                    &summary,
                    &reports,
                    &without_cue_words,
                    &warnings,
                ));
            }
            0
        }
    }
}

/// The course in each of its languages (its own first), each language's report and the cue
/// words the languages give, or every problem found in any of them.
fn load_every_language(
    files: &[(String, Vec<u8>)],
) -> Result<(Vec<Course>, Vec<LanguageReport>, CueLexicon), Vec<ContentIssue>> {
    let source = load_course_in(files, None)?;
    let mut issues = Vec::new();
    let lexicon = CueLexicon::from_files(files).unwrap_or_else(|e| {
        issues.extend(e);
        CueLexicon::default()
    });
    let mut courses = vec![source.clone()];
    for info in source.organisation.languages.iter().skip(1) {
        match load_course_in(files, Some(info.tag)) {
            Ok(course) => courses.push(course),
            Err(e) => issues.extend(e),
        }
    }
    // The words the app reads, against what its code fills in: the source language's file
    // has no other to be measured against.
    issues.extend(trygg_core::language::course_ui_issues(files, &source));
    let reports = language_reports(files, &source).map_err(|e| {
        let mut all = issues.clone();
        all.extend(e);
        all
    })?;
    // A placeholder lost or made up shows the reader a brace or loses a value (a score, a
    // count): an error, as `trygg content import` refuses it, not a warning.
    for report in &reports {
        issues.extend(report.placeholders.iter().map(|p| {
            ContentIssue::new(
                format!("languages/{}/{}", report.lang, p.file),
                &p.key,
                p.message(),
            )
        }));
    }
    if issues.is_empty() {
        Ok((courses, reports, lexicon))
    } else {
        Err(issues)
    }
}

/// The check needs `sources.json`, which the structure loads without (the browser never
/// reads it): without it no lesson's or question's source would be looked up. Its absence
/// comes right after the organisation's problems, where its own would. A file that exists
/// but cannot be read fails the check too, even when a fallback language covered for it.
fn with_sources<T>(
    result: Result<T, Vec<ContentIssue>>,
    files: &[(String, Vec<u8>)],
    unreadable: &[ContentIssue],
) -> Result<T, Vec<ContentIssue>> {
    let has_sources = files.iter().any(|(f, _)| f == SOURCES_FILE);
    if has_sources && unreadable.is_empty() {
        return result;
    }
    let mut issues = result.err().unwrap_or_default();
    if !has_sources {
        let at = issues
            .iter()
            .position(|i| i.file != "organisation.json")
            .unwrap_or(issues.len());
        issues.insert(at, ContentIssue::new(SOURCES_FILE, "", "file is missing"));
    }
    Err(issues)
}

const SOURCES_FILE: &str = "sources.json";

/// Each module's figures outside the balance aims, named by the module's file.
fn balance_warnings(summary: &ContentSummary) -> Vec<String> {
    summary
        .modules
        .iter()
        .flat_map(|m| {
            let file = module_file(&m.id);
            m.balance_warnings()
                .into_iter()
                .map(move |w| format!("{file}: {w}"))
        })
        .collect()
}

/// A course folder as read from disk, ready for `load_course`.
pub struct CourseFiles {
    /// `(relative path, bytes)` of every course file that could be read.
    pub files: Vec<(String, Vec<u8>)>,
    /// Files that exist but could not be read.
    pub unreadable: Vec<ContentIssue>,
    /// The module ids `organisation.json` lists, when it parses.
    pub listed: Option<Vec<String>>,
}

/// Reads `organisation.json`, `sources.json`, the module files it lists and each listed
/// language's files from `dir`; shared by `content check` and `sample --content`, so both see
/// the same course.
pub fn read_course_files(dir: &Path) -> CourseFiles {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    let mut read = |rel: &str| match fs::read(dir.join(rel)) {
        Ok(bytes) => {
            files.push((rel.to_string(), bytes.clone()));
            Some(bytes)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => {
            unreadable.push(ContentIssue::new(rel, "", format!("cannot read: {e}")));
            None
        }
    };
    let org = read("organisation.json")
        .and_then(|bytes| parse_organisation("organisation.json", &bytes).ok());
    read(SOURCES_FILE);
    // A malformed id is reported by validation; never let it reach outside the folder.
    let safe = |id: &&String| !id.is_empty() && !id.contains(['/', '\\', '.']);
    let modules: Vec<&String> = org.iter().flat_map(|o| &o.modules).filter(safe).collect();
    for id in &modules {
        read(&module_file(id));
    }
    for lang in org.iter().flat_map(|o| &o.languages).map(|l| l.tag) {
        read(&words_file(lang));
        read(&course_texts_file(lang));
        read(&format!("{}/{TRANSLATED_FROM_FILE}", language_dir(lang)));
        read(&format!("{}/{CUES_FILE}", language_dir(lang)));
        for id in &modules {
            read(&module_texts_file(lang, id));
        }
    }
    let listed = org.map(|o| o.modules);
    CourseFiles {
        files,
        unreadable,
        listed,
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// Writes to stdout, ignoring a closed pipe (`trygg content check … | head`).
fn emit(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Module files nobody lists are not part of the course; say so, since it is usually a
/// forgotten entry in `organisation.json` rather than a file meant to be ignored.
fn extra_module_files(dir: &Path, listed: &[String]) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir.join("modules")) else {
        return Vec::new();
    };
    let mut extra: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| {
            name.strip_suffix(".json")
                .is_some_and(|id| !listed.iter().any(|l| l == id))
        })
        .map(|name| {
            format!("modules/{name} is not listed in organisation.json and was not checked")
        })
        .collect();
    extra.sort();
    extra
}

fn summary_text(
    summary: &ContentSummary,
    reports: &[LanguageReport],
    without_cue_words: &[String],
    warnings: &[String],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Course {}, content version {}",
        summary.course_id, summary.version
    );
    let _ = writeln!(out, "Languages:");
    for r in reports {
        let role = if r.source { "source" } else { "translation" };
        let _ = writeln!(
            out,
            "  {:5} {role}, {} of {} texts ({} %); missing {}, stale {}, for ids gone {}, placeholders off {}",
            r.lang,
            r.present,
            r.texts,
            r.coverage,
            r.missing.len(),
            r.stale.len(),
            r.orphans.len(),
            r.placeholders.len()
        );
    }
    let _ = writeln!(out, "Modules ({}):", summary.modules.len());
    let width = summary
        .modules
        .iter()
        .map(|m| m.id.len())
        .max()
        .unwrap_or(0);
    for m in &summary.modules {
        let _ = writeln!(
            out,
            "  {:width$}  {} ({}, {})",
            m.id,
            m.title,
            plural(m.sections, "section"),
            plural(m.questions, "question")
        );
    }
    let _ = writeln!(
        out,
        "Balance (true/false answered true; multiple-choice by right options):"
    );
    for m in &summary.modules {
        let tf = &m.balance.true_false;
        let _ = writeln!(
            out,
            "  {:width$}  true/false {} of {} ({} %); multiple {}",
            m.id,
            tf.answered_true,
            tf.questions,
            tf.percent_true,
            m.balance.multiple_text(),
        );
    }
    let _ = writeln!(
        out,
        "Test-wise cues (seen [chance]; L/M/S: the key is the longest, a middle or the shortest option):"
    );
    for m in &summary.modules {
        for cues in &m.balance.cues {
            let _ = writeln!(out, "  {:width$}  {}  {}", m.id, cues.lang, cue_line(cues));
        }
    }
    for tag in without_cue_words {
        let _ = writeln!(
            out,
            "  {tag}: no languages/{tag}/{CUES_FILE}, so only length cues are measured"
        );
    }
    let _ = writeln!(out, "Lesson sections: {}", summary.total_sections);
    let by_type: Vec<String> = QUESTION_TYPES
        .iter()
        .map(|t| {
            format!(
                "{t} {}",
                summary.questions_by_type.get(t).copied().unwrap_or(0)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "Questions: {} ({})",
        summary.total_questions,
        by_type.join(", ")
    );
    let _ = writeln!(out, "Roles:");
    for r in &summary.roles {
        let _ = writeln!(
            out,
            "  {}: {} required, {} optional",
            r.role, r.required, r.optional
        );
    }
    for warning in warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    let _ = writeln!(out, "OK: no problems found");
    out
}

/// One language's cue figures on one line.
fn cue_line(c: &LanguageCues) -> String {
    let mut parts = Vec::new();
    if let (Some(a), Some(n), Some(p)) = (c.absolutes, c.need_not, c.plain) {
        parts.push(format!(
            "true/false absolute {}:{}, need-not {}:{}, neither {}:{} (true:false)",
            a.true_with, a.false_with, n.true_with, n.false_with, p.true_with, p.false_with
        ));
    }
    for (name, r) in [("single", &c.single_key), ("scenario", &c.scenario_key)] {
        let [l, m, s] = r.chance_hundredths.map(figure);
        parts.push(format!(
            "{name} L/M/S {}/{}/{} [{l}/{m}/{s}]",
            r.longest, r.middle, r.shortest
        ));
    }
    let counts = [
        ("multiple longest right", Some(&c.multiple_longest_right)),
        ("reason right", c.reason_right.as_ref()),
        ("absolute right", c.absolute_right.as_ref()),
    ];
    for (name, count) in counts {
        if let Some(n) = count {
            parts.push(format!(
                "{name} {} of {} [{}]",
                n.right,
                n.items,
                figure(n.chance_hundredths)
            ));
        }
    }
    parts.join("; ")
}

/// The one folder `trygg content schema` writes into.
fn parse_schema(args: Args) -> Result<Option<PathBuf>, String> {
    let Some(operands) = args::operands_only(args)? else {
        return Ok(None);
    };
    match <[OsString; 1]>::try_from(operands) {
        Ok([dir]) => Ok(Some(dir.into())),
        Err(_) => Err("schema takes exactly one folder".into()),
    }
}

fn schema(args: Args) -> i32 {
    let dir = match args::parsed_or_exit("content", USAGE, parse_schema(args)) {
        Ok(dir) => dir,
        Err(code) => return code,
    };
    let dir = dir.as_path();
    if let Err(e) = fs::create_dir_all(dir) {
        complain!("trygg content: cannot create {}: {e}", dir.display());
        return 2;
    }
    for (name, text) in schemas() {
        let path = dir.join(name);
        if let Err(e) = fs::write(&path, text) {
            complain!("trygg content: cannot write {}: {e}", path.display());
            return 2;
        }
        say!("wrote {}", path.display());
    }
    0
}
