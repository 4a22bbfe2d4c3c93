//! Option parsing shared by the subcommands: `--name value` and `--name=value`, and the
//! option values more than one subcommand takes.

use std::io::Write;
use std::slice::Iter;

use trygg_core::content::Role;
use trygg_core::date::Date;

/// Splits `--name=value` into its name and inline value; anything else is its own name.
pub fn split(arg: &str) -> (&str, Option<String>) {
    match arg.split_once('=') {
        Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
        _ => (arg, None),
    }
}

/// The option's value: the inline one, else the next argument.
pub fn value(
    name: &str,
    inline: Option<String>,
    rest: &mut Iter<String>,
) -> Result<String, String> {
    inline
        .or_else(|| rest.next().cloned())
        .ok_or_else(|| format!("{name} needs a value"))
}

/// A `YYYY-MM-DD` option value, such as `--today`.
pub fn date(name: &str, text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or(format!("{name} must be YYYY-MM-DD, not {text}"))
}

/// The options a subcommand parsed, or the exit code once help (0) or the problem and the
/// usage (2) have been printed.
pub fn parsed_or_exit<T>(
    command: &str,
    usage: &str,
    parsed: Result<Option<T>, String>,
) -> Result<T, i32> {
    match parsed {
        Ok(Some(options)) => Ok(options),
        Ok(None) => {
            // A closed pipe (`| head`) is no error.
            let _ = writeln!(std::io::stdout(), "{usage}");
            Err(0)
        }
        Err(problem) => {
            eprintln!("trygg {command}: {problem}\n\n{usage}");
            Err(2)
        }
    }
}

/// A role option value, such as `--role manager`.
pub fn role(name: &str, text: &str) -> Result<Role, String> {
    Role::from_key(text).ok_or(format!(
        "{name} must be employee, manager or elected, not {text}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_separate_values() {
        let rest: Vec<String> = vec!["out.csv".into()];
        assert_eq!(split("--csv=a.csv"), ("--csv", Some("a.csv".to_owned())));
        assert_eq!(split("-x=1"), ("-x=1", None));
        assert_eq!(
            value("--csv", None, &mut rest.iter()),
            Ok("out.csv".to_owned())
        );
        assert_eq!(
            value("--csv", None, &mut [].iter()),
            Err("--csv needs a value".to_owned())
        );
        assert!(date("--today", "2026-02-30").is_err());
        assert_eq!(role("--role", "elected"), Ok(Role::Elected));
        assert!(role("--role", "Manager").is_err());
    }
}
