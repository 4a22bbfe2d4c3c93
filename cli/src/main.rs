//! `trygg`: the command-line side of Trygg. It checks course content before it ships,
//! verifies certificates, and works with rosters, all through the same core as the app.

use std::process::ExitCode;

mod args;
mod content;
mod font;
mod package;
mod package_manifest;
mod roster;
mod roster_files;
// Linux: it reads /proc/self/mem as the file no one can read.
#[cfg(all(test, target_os = "linux"))]
mod roster_hostile;
mod sample;
#[cfg(test)]
mod test_support;
mod translation;
mod verify;
mod words;

// `trygg roster` over 100,000 files makes and frees millions of small strings, many freed
// on another thread than the one that made them; the system allocator spent a quarter of
// the run on that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
trygg — Trygg's command-line tool

Usage:
  trygg content check DIR [--json]   check a content folder; print a summary or every problem
  trygg content schema DIR           write the JSON Schemas for content files into DIR
  trygg content export --lang TAG [--out FILE] DIR
                                     a language's texts as a PO file for translators' tools
  trygg content import FILE DIR      a translated PO file back into its language's files
  trygg verify ...                   verify a certificate
  trygg roster ...                   work with a roster of learners
  trygg sample ...                   produce sample data
  trygg font subset IN.ttf OUT.ttf   cut a font down to the scripts certificates print
  trygg package --format scorm12|scorm2004 --out FILE.zip [--role R] DIST_DIR
                                     pack the release folder as a SCORM package for an LMS
  trygg --help | --version

Exit codes: 0 success, 1 problems found, 2 usage or I/O error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(&args);
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

fn run(args: &[String]) -> i32 {
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return 2;
    };
    let rest = &args[1..];
    match command.as_str() {
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            0
        }
        "-V" | "--version" => {
            println!("trygg {}", env!("CARGO_PKG_VERSION"));
            0
        }
        "content" => content::run(rest),
        "verify" => verify::run(rest),
        "roster" => roster::run(rest),
        "sample" => sample::run(rest),
        "font" => font::run(rest),
        "package" => package::run(rest),
        other => {
            eprintln!("trygg: unknown command \"{other}\"\n\n{USAGE}");
            2
        }
    }
}
