//! Times as each SCORM version writes them: a span of time (the session's length, the time a
//! learner took over a question) and a moment (when a question was answered). The LMS adds
//! the session time to the learner's total, so a malformed one is lost or, as Moodle does
//! with an empty 2004 duration, stored as the invalid `P`.

use super::ScormVersion;
use crate::date::Date;

/// The longest span SCORM 1.2 can write (`CMITimespan`, four digits of hours).
const MAX_SCORM12_CS: u64 = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

/// A span of `ms` milliseconds in `version`'s format, to the hundredth of a second (rounded
/// down): SCORM 1.2's `HHHH:MM:SS.SS` (`0000:12:30.50`, at most `9999:59:59.99`), SCORM
/// 2004's ISO 8601 duration (`PT12M30.5S`, `PT0S` for nothing).
pub fn timespan(version: ScormVersion, ms: u64) -> String {
    let cs = ms / 10;
    match version {
        ScormVersion::Scorm12 => {
            let cs = cs.min(MAX_SCORM12_CS);
            let (h, m, s, frac) = split(cs);
            format!("{h:04}:{m:02}:{s:02}.{frac:02}")
        }
        ScormVersion::Scorm2004 => {
            let (h, m, s, frac) = split(cs);
            let mut out = String::from("PT");
            if h > 0 {
                out.push_str(&format!("{h}H"));
            }
            if m > 0 {
                out.push_str(&format!("{m}M"));
            }
            if s > 0 || frac > 0 || (h == 0 && m == 0) {
                out.push_str(&s.to_string());
                match frac {
                    0 => {}
                    f if f % 10 == 0 => out.push_str(&format!(".{}", f / 10)),
                    f => out.push_str(&format!(".{f:02}")),
                }
                out.push('S');
            }
            out
        }
    }
}

/// Hundredths of a second as hours, minutes, seconds and hundredths.
/// The time of day of a moment on the learner's clock, as SCORM 1.2's `CMITime` writes it
/// (`14:05:09`): `ms` is unix ms, `minutes_ahead` how far the learner's clock is ahead of UTC
/// then. 1.2 has no date or zone for an interaction, so the learner's own clock is what a
/// report can show.
pub fn time_of_day(ms: u64, minutes_ahead: i32) -> String {
    const DAY_S: i64 = 24 * 3600;
    let seconds = i64::try_from(ms / 1000).unwrap_or(0) + i64::from(minutes_ahead) * 60;
    let s = seconds.rem_euclid(DAY_S);
    format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

fn split(cs: u64) -> (u64, u64, u64, u64) {
    let seconds = cs / 100;
    (seconds / 3600, seconds / 60 % 60, seconds % 60, cs % 100)
}

/// A moment as SCORM 2004's `time (second,10,0)` in UTC, to the hundredth of a second:
/// `2026-11-22T09:05:03.25Z`. The standard allows a zone only after a fraction of a second,
/// so the fraction is always written.
pub fn timestamp(unix_ms: u64) -> String {
    let date = Date::from_unix_ms(unix_ms);
    let in_day = unix_ms % 86_400_000;
    let (h, m, s, frac) = split(in_day / 10);
    format!(
        "{:04}-{:02}-{:02}T{h:02}:{m:02}:{s:02}.{frac:02}Z",
        date.year, date.month, date.day
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_both_formats() {
        let cases = [
            (0, "0000:00:00.00", "PT0S"),
            (9, "0000:00:00.00", "PT0S"),
            (500, "0000:00:00.50", "PT0.5S"),
            (750_250, "0000:12:30.25", "PT12M30.25S"),
            (3_600_000, "0001:00:00.00", "PT1H"),
            (3_661_010, "0001:01:01.01", "PT1H1M1.01S"),
            (120_000, "0000:02:00.00", "PT2M"),
        ];
        for (ms, twelve, twenty04) in cases {
            assert_eq!(timespan(ScormVersion::Scorm12, ms), twelve, "{ms}");
            assert_eq!(timespan(ScormVersion::Scorm2004, ms), twenty04, "{ms}");
        }
        let years = 2 * 365 * 86_400_000;
        assert_eq!(timespan(ScormVersion::Scorm12, years), "9999:59:59.99");
        assert_eq!(timespan(ScormVersion::Scorm2004, years), "PT17520H");
    }

    #[test]
    fn moments_in_utc() {
        // 2026-11-22 09:05:03.257 UTC.
        assert_eq!(timestamp(1_795_338_303_257), "2026-11-22T09:05:03.25Z");
        assert_eq!(timestamp(0), "1970-01-01T00:00:00.00Z");
    }
}
