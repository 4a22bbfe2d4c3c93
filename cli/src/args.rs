//! Reading the command line, shared by every subcommand.
//!
//! Arguments stay what the operating system handed over (`OsString`) until a subcommand
//! says what each one is: a path is used as it is, so a file or folder whose name is not
//! UTF-8 (an old Windows share, a Latin-1 archive) works like any other; only values that
//! are text (a course id, a date, a language) must be UTF-8, and say so when they are not.
//!
//! The tokenising (`--name value`, `--name=value`, `-h`, `--` before paths that start with
//! `-`) is `lexopt`'s. It was chosen over `clap` because it is one small crate without
//! dependencies or procedural macros, so the CLI that `make test` builds cold in CI stays
//! quick to build and small, and because it leaves the usage text and every message in the
//! project's own words: a person sees the same sentences as before, and tests can rely on
//! them. What clap would add (generated help, shell completions) is not worth its build time
//! for a tool with a handful of subcommands.
//!
//! Every problem is a `String` in plain words; [`parsed_or_exit`] prints it with the
//! subcommand's usage and exits 2.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;

pub use lexopt::Arg;
use lexopt::Parser;
use trygg_core::content::{Lang, Role};
use trygg_core::date::Date;

/// The arguments after a subcommand's name, as the operating system gave them.
pub type Args = Vec<OsString>;

/// A subcommand: runs on the arguments after its name and returns the exit code.
pub type Subcommand = fn(Args) -> i32;

/// A parser over `args`, for a subcommand's options and operands.
pub fn parser(args: Args) -> Parser {
    Parser::from_args(args)
}

/// The next option or operand; `None` after the last. An empty operand (`""`, easily made by
/// an unset shell variable) is refused rather than taken for the current folder.
pub fn next(parser: &mut Parser) -> Result<Option<Arg<'_>>, String> {
    match parser.next() {
        Ok(Some(Arg::Value(value))) if value.is_empty() => Err(EMPTY_ARGUMENT.into()),
        Ok(arg) => Ok(arg),
        Err(e) => Err(problem(e)),
    }
}

const EMPTY_ARGUMENT: &str = "an argument is empty (\"\")";

/// The operands of a subcommand that takes no options but `-h`/`--help`; `None` for help.
pub fn operands_only(args: Args) -> Result<Option<Vec<OsString>>, String> {
    let mut parser = parser(args);
    let mut operands = Vec::new();
    while let Some(arg) = next(&mut parser)? {
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Value(value) => operands.push(value),
            other => return Err(unexpected(other)),
        }
    }
    Ok(Some(operands))
}

/// The value of option `name`, just read: inline (`--out=x`) or the next argument. It may
/// be any bytes, but not empty.
pub fn value(parser: &mut Parser, name: &str) -> Result<OsString, String> {
    let value = parser.value().map_err(problem)?;
    if value.is_empty() {
        return Err(format!("{name} needs a value"));
    }
    Ok(value)
}

/// An option value that names a file or folder.
pub fn path(parser: &mut Parser, name: &str) -> Result<PathBuf, String> {
    value(parser, name).map(PathBuf::from)
}

/// An option value that is text, such as a course id: it must be UTF-8.
pub fn text(parser: &mut Parser, name: &str) -> Result<String, String> {
    value(parser, name)?
        .into_string()
        .map_err(|raw| format!("{name} must be text (UTF-8), not {}", shown(&raw)))
}

/// The subcommand that `name` selects from `table`, with the arguments that follow it
/// for it to parse; `kind` names the table in the message for an unknown name.
pub fn subcommand(
    table: &[(&str, Subcommand)],
    kind: &str,
    name: &OsStr,
    parser: &mut Parser,
) -> Result<(Subcommand, Args), String> {
    let name = name.to_string_lossy();
    let Some((_, run)) = table.iter().find(|(known, _)| *known == name) else {
        return Err(format!("unknown {kind} \"{name}\""));
    };
    let rest = parser.raw_args().map_err(problem)?.collect();
    Ok((*run, rest))
}

/// The message for an option or operand the subcommand does not take.
pub fn unexpected(arg: Arg<'_>) -> String {
    problem(arg.unexpected())
}

/// An argument as a message shows it: bytes that are not UTF-8 become U+FFFD.
pub fn shown(raw: &OsStr) -> String {
    raw.to_string_lossy().into_owned()
}

/// lexopt's errors in the words the rest of the CLI uses.
fn problem(e: lexopt::Error) -> String {
    use lexopt::Error;
    match e {
        Error::MissingValue { option: Some(name) } => format!("{name} needs a value"),
        Error::MissingValue { option: None } => "a value is missing".into(),
        Error::UnexpectedOption(name) => format!("unknown option {name}"),
        Error::UnexpectedArgument(value) => format!("unexpected argument {}", shown(&value)),
        Error::UnexpectedValue { option, value } => {
            format!("{option} takes no value (was given {})", shown(&value))
        }
        Error::NonUnicodeValue(value) => format!("{} is not UTF-8 text", shown(&value)),
        Error::ParsingFailed { value, error } => format!("{value}: {error}"),
        Error::Custom(error) => error.to_string(),
    }
}

/// A `YYYY-MM-DD` option value, such as `--today`.
pub fn date(parser: &mut Parser, name: &str) -> Result<Date, String> {
    let text = text(parser, name)?;
    Date::parse_iso(&text).ok_or(format!("{name} must be YYYY-MM-DD, not {text}"))
}

/// A role option value, such as `--role manager`.
pub fn role(parser: &mut Parser, name: &str) -> Result<Role, String> {
    let text = text(parser, name)?;
    Role::from_key(&text).ok_or(format!(
        "{name} must be employee, manager or elected, not {text}"
    ))
}

/// A language tag option value, such as `--lang fi`: any well-formed tag, as a course may
/// add languages of its own.
pub fn lang(parser: &mut Parser, name: &str) -> Result<Lang, String> {
    let text = text(parser, name)?;
    Lang::parse(&text).ok_or(format!(
        "{name} must be a language tag such as sv, en or fi, not {text}"
    ))
}

/// The options a subcommand parsed, or the exit code once help (0) or the problem and the
/// usage (2) have been printed.
pub fn parsed_or_exit<T>(
    command: &str,
    usage: &str,
    parsed: Result<Option<T>, String>,
) -> Result<T, i32> {
    parsed_or_exit_to(
        command,
        usage,
        parsed,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    )
}

/// [`parsed_or_exit`] with its output streams passed in.
pub fn parsed_or_exit_to<T>(
    command: &str,
    usage: &str,
    parsed: Result<Option<T>, String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<T, i32> {
    match parsed {
        Ok(Some(options)) => Ok(options),
        Ok(None) => {
            // A closed pipe (`| head`) is no error.
            let _ = writeln!(out, "{usage}");
            Err(0)
        }
        Err(problem) => {
            let _ = writeln!(err, "trygg {command}: {problem}\n\n{usage}");
            Err(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(list: &[&str]) -> Parser {
        parser(list.iter().map(OsString::from).collect())
    }

    #[test]
    fn values_inline_and_separate_and_never_empty() {
        let mut p = parse(&["--csv=a.csv", "--json", "b.json", "--out", "", "--course"]);
        assert!(matches!(next(&mut p), Ok(Some(Arg::Long("csv")))));
        assert_eq!(path(&mut p, "--csv"), Ok(PathBuf::from("a.csv")));
        assert!(matches!(next(&mut p), Ok(Some(Arg::Long("json")))));
        assert_eq!(path(&mut p, "--json"), Ok(PathBuf::from("b.json")));
        assert!(matches!(next(&mut p), Ok(Some(Arg::Long("out")))));
        assert_eq!(path(&mut p, "--out"), Err("--out needs a value".into()));
        assert!(matches!(next(&mut p), Ok(Some(Arg::Long("course")))));
        assert_eq!(
            text(&mut p, "--course"),
            Err("--course needs a value".into())
        );
        assert!(matches!(next(&mut p), Ok(None)));
        assert_eq!(
            next(&mut parse(&["--version=2"])).map(|_| ()),
            Ok(()),
            "the option itself"
        );
        let mut p = parse(&["--version=2"]);
        let _ = next(&mut p);
        assert_eq!(
            next(&mut p).map(|_| ()),
            Err("--version takes no value (was given 2)".into())
        );
        assert_eq!(
            next(&mut parse(&[""])).map(|_| ()),
            Err(EMPTY_ARGUMENT.into())
        );
    }

    #[test]
    fn dates_and_roles_are_checked() {
        let mut p = parse(&["2026-02-30", "elected", "Manager"]);
        assert!(date(&mut p, "--today").is_err());
        assert_eq!(role(&mut p, "--role"), Ok(Role::Elected));
        assert!(role(&mut p, "--role").is_err());
        let mut p = parse(&["2026-02-28"]);
        assert_eq!(
            date(&mut p, "--today"),
            Date::parse_iso("2026-02-28").ok_or(String::new())
        );
    }

    #[test]
    fn language_tags_are_checked() {
        let mut p = parse(&["se", "sv_SE"]);
        assert_eq!(
            lang(&mut p, "--lang"),
            Lang::parse("se").ok_or(String::new())
        );
        assert_eq!(
            lang(&mut p, "--lang"),
            Err("--lang must be a language tag such as sv, en or fi, not sv_SE".into())
        );
    }

    #[test]
    fn unknown_options_are_named() {
        let mut p = parse(&["--frobnicate", "-x"]);
        let arg = next(&mut p).unwrap().unwrap();
        assert_eq!(unexpected(arg), "unknown option --frobnicate");
        let arg = next(&mut p).unwrap().unwrap();
        assert_eq!(unexpected(arg), "unknown option -x");
        let mut p = parse(&["extra"]);
        let arg = next(&mut p).unwrap().unwrap();
        assert_eq!(unexpected(arg), "unexpected argument extra");
    }
}
