//! `trygg`: the command-line side of Trygg. It checks course content before it ships,
//! verifies certificates, and works with rosters, all through the same core as the app.
//!
//! Arguments are read as the operating system hands them over (`OsString`), so any path
//! the OS accepts works, and a bad argument is refused with a plain message and exit code 2,
//! never a panic. The parsing is `lexopt`'s rather than `clap`'s: one small crate without
//! dependencies or macros keeps the cold build in CI short and the binary small, and the
//! usage texts and messages stay the project's own (`args.rs` says more).

use std::process::ExitCode;

use args::{Arg, Args, Subcommand};

#[macro_use]
mod console;

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

/// Each subcommand by the name that selects it, with the function that runs it on the
/// arguments after that name and returns the exit code. A new subcommand is one more row
/// here and a line in [`USAGE`].
const SUBCOMMANDS: [(&str, Subcommand); 6] = [
    ("content", content::run),
    ("verify", verify::run),
    ("roster", roster::run),
    ("sample", sample::run),
    ("font", font::run),
    ("package", package::run),
];

fn main() -> ExitCode {
    let code = run(std::env::args_os().skip(1).collect());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// What the first argument asks for.
enum Command {
    Help,
    Version,
    /// A subcommand's function and the arguments after its name.
    Run(Subcommand, Args),
}

fn run(args: Args) -> i32 {
    match command(args) {
        Ok(Command::Help) => {
            say!("{USAGE}");
            0
        }
        Ok(Command::Version) => {
            say!("trygg {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Ok(Command::Run(subcommand, rest)) => subcommand(rest),
        Err(problem) => {
            complain!("trygg: {problem}\n\n{USAGE}");
            2
        }
    }
}

fn command(args: Args) -> Result<Command, String> {
    let mut parser = args::parser(args);
    let wanted = match args::next(&mut parser)? {
        None => return Err("no command given".into()),
        Some(Arg::Short('h') | Arg::Long("help")) => Command::Help,
        Some(Arg::Short('V') | Arg::Long("version")) => Command::Version,
        Some(Arg::Value(name)) if name == "help" => Command::Help,
        Some(Arg::Value(name)) => {
            let (run, rest) = args::subcommand(&SUBCOMMANDS, "command", &name, &mut parser)?;
            return Ok(Command::Run(run, rest));
        }
        Some(other) => return Err(args::unexpected(other)),
    };
    // `--help` and `--version` stand alone.
    match args::next(&mut parser)? {
        None => Ok(wanted),
        Some(other) => Err(args::unexpected(other)),
    }
}
