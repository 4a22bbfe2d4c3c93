//! A calendar reminder to renew the training. Nothing reminds the learner otherwise (there
//! is no server to send mail), so the certificate page offers an `.ics` file they add to
//! their own calendar.

use super::validity::RENEWAL_WINDOW_DAYS;
use super::CompletionRecord;
use crate::date::Date;
use crate::language::Words;

/// The reminder falls on the first day of the renewal window.
const REMINDER_DAYS: i64 = RENEWAL_WINDOW_DAYS as i64;

/// An RFC 5545 calendar, in the words' language (`ics.*` in `ui.json`), with one all-day event 30 days before `valid_until` (on
/// `valid_until` itself when the certificate is shorter-lived than that) and an alarm at
/// 09:00 that day. A reminder is only useful ahead: when that day is already past on `today`
/// (the file is made late in the window) it falls tomorrow instead, never after
/// `valid_until`. The UID derives from the certificate id, so importing the file again
/// updates the event instead of adding a second one. Lines end in CRLF and are folded at 75
/// octets, as strict calendar clients require.
pub fn renewal_ics(
    record: &CompletionRecord,
    words: &Words,
    org_name: &str,
    today: Date,
) -> String {
    renewal_ics_dated(
        record,
        words,
        org_name,
        today,
        &record.valid_until.to_string(),
    )
}

/// [`renewal_ics`] with the end of validity in its text written as the language writes dates
/// (`valid_until`: "7.12.2027", "7 december 2027", by the browser's `Intl`), where the event's
/// own dates stay RFC 5545's.
pub fn renewal_ics_dated(
    record: &CompletionRecord,
    words: &Words,
    org_name: &str,
    today: Date,
    valid_until: &str,
) -> String {
    let remind_on = reminder_day(record, today);
    // A reminder made once its day has passed falls on a later day than the first one made:
    // the same event revised, which calendars take as an update only with a higher SEQUENCE
    // and a later DTSTAMP (RFC 5545, 3.8.7.4), not as a copy beside the first.
    let moved = planned_day(record).days_until(&remind_on).max(0);
    let stamp = if moved > 0 {
        record.issued_at_ms.max(today.to_unix_ms())
    } else {
        record.issued_at_ms
    };
    let lang = words.lang();
    let org = org_name.trim();
    let summary = if org.is_empty() {
        words.t("ics.summary").to_owned()
    } else {
        words.fill("ics.summary_org", &[("organisation", org)])
    };
    let description = words.fill(
        "ics.description",
        &[
            ("valid_until", valid_until),
            ("certificate_id", &record.certificate_id),
            ("course_id", &record.course_id),
            ("code", &record.verification_code),
        ],
    );
    let alarm = words.t("ics.alarm");

    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!(
            "PRODID:-//Trygg//Trygg {}//{}",
            env!("CARGO_PKG_VERSION"),
            lang.code().to_ascii_uppercase()
        ),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-renewal@trygg", escape_text(&record.certificate_id)),
        format!("DTSTAMP:{}", utc_stamp(stamp)),
        format!("SEQUENCE:{moved}"),
        format!("DTSTART;VALUE=DATE:{}", remind_on.to_basic()),
        format!("DTEND;VALUE=DATE:{}", remind_on.add_days(1).to_basic()),
        format!("SUMMARY;LANGUAGE={}:{}", lang.code(), escape_text(&summary)),
        format!(
            "DESCRIPTION;LANGUAGE={}:{}",
            lang.code(),
            escape_text(&description)
        ),
        "TRANSP:TRANSPARENT".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape_text(alarm)),
        "TRIGGER;RELATED=START:PT9H".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in &lines {
        fold_into(line, &mut out);
    }
    out
}

/// `YYYYMMDDTHHMMSSZ` for a unix-ms instant.
fn utc_stamp(ms: u64) -> String {
    let date = Date::from_unix_ms(ms);
    let secs = (ms % 86_400_000) / 1000;
    format!(
        "{}T{:02}{:02}{:02}Z",
        date.to_basic(),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other control
/// characters dropped (they have no representation).
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded so no physical line exceeds 75 octets (continuations start with a
/// space, which counts), never splitting a UTF-8 character, each ended by CRLF.
fn fold_into(line: &str, out: &mut String) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// The reminder's day: the first day of the renewal window; the last valid day when the
/// window opened before the certificate was issued; tomorrow when the window opened before
/// `today`; never after the last valid day (nothing is issued once that has passed).
fn reminder_day(record: &CompletionRecord, today: Date) -> Date {
    let planned = planned_day(record);
    if planned == record.valid_until || planned > today {
        planned
    } else {
        today.add_days(1).min(record.valid_until)
    }
}

/// The reminder's day as made at once: when the renewal window opens, or the last valid day
/// for a validity shorter than the window.
fn planned_day(record: &CompletionRecord) -> Date {
    let window_opens = record.valid_until.add_days(-REMINDER_DAYS);
    if window_opens <= record.completed_on {
        record.valid_until
    } else {
        window_opens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(1_709_251_199_000), "20240229T235959Z");
    }

    #[test]
    fn text_escapes() {
        assert_eq!(
            escape_text("a\\b;c,d\r\ne\nf\u{7}"),
            "a\\\\b\\;c\\,d\\ne\\nf"
        );
    }

    #[test]
    fn folding_respects_octets_and_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "å".repeat(100));
        fold_into(&line, &mut out);
        for physical in out.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }
}
