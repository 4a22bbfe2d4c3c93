//! `trygg package`: the release folder as a SCORM package an LMS accepts: a zip with
//! `imsmanifest.xml` at its root and every release file beside it, nothing else.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use trygg_core::content::{load_course, Role};
use trygg_core::lms::ScormVersion;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::args::{self, Arg, Args};
use crate::package_manifest::{manifest, release_version, ManifestInput};

const USAGE: &str = "usage: trygg package --format scorm12|scorm2004 --out FILE.zip \
[--role employee|manager|elected] DIST_DIR

Packs the release folder DIST_DIR (from `make dist`) as a SCORM 1.2 or SCORM 2004 (4th
edition) package for an LMS. The manifest names the course after content/organisation.json.
With --role the package launches straight into that role (index.html?role=KEY); without it
learners choose their role, as on the website.";

const MANIFEST: &str = "imsmanifest.xml";

struct Options {
    version: ScormVersion,
    out: PathBuf,
    role: Option<Role>,
    dist: PathBuf,
}

fn parse_args(args: Args) -> Result<Option<Options>, String> {
    let (mut version, mut out, mut role, mut dist) = (None, None, None, None);
    let mut parser = args::parser(args);
    while let Some(arg) = args::next(&mut parser)? {
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Long("format") => {
                version = Some(match args::text(&mut parser, "--format")?.as_str() {
                    "scorm12" => ScormVersion::Scorm12,
                    "scorm2004" => ScormVersion::Scorm2004,
                    other => {
                        return Err(format!(
                            "--format must be scorm12 or scorm2004, not {other}"
                        ))
                    }
                })
            }
            Arg::Long("out") => out = Some(args::path(&mut parser, "--out")?),
            Arg::Long("role") => role = Some(args::role(&mut parser, "--role")?),
            Arg::Value(folder) if dist.is_none() => dist = Some(PathBuf::from(folder)),
            other => return Err(args::unexpected(other)),
        }
    }
    Ok(Some(Options {
        version: version.ok_or("--format is required")?,
        out: out.ok_or("--out is required")?,
        role,
        dist: dist.ok_or("the release folder (DIST_DIR) is required")?,
    }))
}

/// Runs the subcommand on the arguments after `package`; returns the exit code: 0 when the
/// package was written, 1 when the folder is not a release or writing failed, 2 for bad
/// arguments.
pub fn run(args: Args) -> i32 {
    let o = match args::parsed_or_exit("package", USAGE, parse_args(args)) {
        Ok(o) => o,
        Err(code) => return code,
    };
    match build(&o) {
        Ok(count) => {
            say!("wrote {} ({} files and {MANIFEST})", o.out.display(), count);
            0
        }
        Err(problem) => {
            complain!("trygg package: {problem}");
            1
        }
    }
}

/// Writes the package; returns how many release files it holds.
fn build(o: &Options) -> Result<usize, String> {
    let dist = &o.dist;
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{}: no index.html; is this the release folder from `make dist`?",
            dist.display()
        ));
    }
    let content = dist.join("content");
    let read = crate::content::read_course_files(&content);
    if let Some(issue) = read.unreadable.first() {
        return Err(format!("{}: {issue}", content.display()));
    }
    let course = load_course(&read.files).map_err(|issues| {
        let lines: Vec<String> = issues
            .iter()
            .map(|i| format!("{}/{i}", content.display()))
            .collect();
        lines.join("\n")
    })?;
    let organisation = course.organisation;
    let source = organisation
        .source_language()
        .ok_or_else(|| format!("{}: the course lists no languages", content.display()))?;
    let words = crate::words::words(source, Some(&content))?;
    let mut files = release_files(dist)?;
    files.retain(|f| !NOT_PACKED.contains(&f.as_str()));
    if files.iter().any(|f| f == MANIFEST) {
        return Err(format!(
            "{}: already holds an {MANIFEST}; pass the release folder itself",
            dist.display()
        ));
    }
    if let (Ok(out), Ok(root)) = (absolute(&o.out), fs::canonicalize(dist)) {
        if out.starts_with(&root) {
            return Err(format!(
                "{}: the package must be written outside the folder it packs",
                o.out.display()
            ));
        }
    }
    let read = read_release(dist, &files)?;
    let named: Vec<(&str, &[u8])> = read
        .iter()
        .map(|(f, b)| (f.as_str(), b.as_slice()))
        .collect();
    let xml = manifest(
        o.version,
        &ManifestInput {
            organisation: &organisation,
            words: &words,
            role: o.role,
            files: &files,
            version: &release_version(&named),
        },
    );
    write_zip(&o.out, &xml, &named).map_err(|e| format!("{}: {e}", o.out.display()))?;
    Ok(files.len())
}

/// `path` made absolute through its existing parent folder (the file itself may not exist).
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or_default();
    Ok(fs::canonicalize(parent)?.join(name))
}

/// Release files a package leaves out: the manager view, which the course never offers inside
/// an LMS (the LMS has its reports). Without its 320 KB a package stays clear of the 2 MB
/// upload limit PHP has by default, which a Moodle site inherits unless raised.
const NOT_PACKED: &[&str] = &["trygg_manager.js", "trygg_manager_bg.wasm"];

/// Every file under `dist`, as `/`-separated paths relative to it, sorted. Hidden files
/// (`.DS_Store`, editor leftovers) are not part of a release and are left out.
fn release_files(dist: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut pending = vec![(dist.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                return Err(format!(
                    "{}: a file name that is not UTF-8 cannot go into a manifest",
                    entry.path().display()
                ));
            };
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let path = entry.path();
            if path.is_dir() {
                pending.push((path, format!("{rel}/")));
            } else {
                files.push(rel);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Every release file's bytes, read once for the fingerprint and the zip (a release is a few
/// megabytes).
fn read_release(dist: &Path, files: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    files
        .iter()
        .map(|f| match fs::read(dist.join(f)) {
            Ok(bytes) => Ok((f.clone(), bytes)),
            Err(e) => Err(format!("{}: {e}", dist.join(f).display())),
        })
        .collect()
}

fn write_zip(out: &Path, manifest: &str, files: &[(&str, &[u8])]) -> io::Result<()> {
    let mut zip = ZipWriter::new(File::create(out)?);
    // No timestamps (the zip default, 1980-01-01): the same release gives the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o644);
    zip.start_file(MANIFEST, options)?;
    zip.write_all(manifest.as_bytes())?;
    for (file, bytes) in files {
        zip.start_file(*file, options)?;
        zip.write_all(bytes)?;
    }
    zip.finish()?;
    Ok(())
}
