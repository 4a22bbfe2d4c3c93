//! Calendar dates without a clock. Certificates carry dates ("completed on", "valid until")
//! that must mean the same in the browser, in the CLI and in a spreadsheet, so the core
//! works in plain proleptic Gregorian dates and takes "now" from its caller as unix
//! milliseconds. Which day an instant falls on depends on where the learner is: a
//! [`LocalClock`] carries that, and a plain `u64` means UTC. The arithmetic is Howard
//! Hinnant's days-from-civil algorithm, exact for every year an `i32` can hold.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const MS_PER_DAY: i64 = 86_400_000;

/// A day in the proleptic Gregorian calendar, UTC. Ordered chronologically, so `<` means
/// "earlier". Construct with [`Date::new`] or [`Date::parse_iso`] to be sure it exists;
/// the fields are public for reading and for pattern matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31, never past the end of the month.
    pub day: u8,
}

/// Whether February has a 29th in `year`.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` of `year`; 0 for a month outside 1–12, so a caller
/// validating input gets a plain "no such day" instead of a panic.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 for a civil date (negative before it).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let mp = (month + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + day - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The civil date `days` after 1970-01-01, as (year, month, day) in i64.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8; // [1, 31]
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8; // [1, 12]
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Date {
    /// The earliest and latest dates the type can hold; arithmetic saturates at them
    /// rather than panicking on absurd input from a file.
    pub const MIN: Date = Date {
        year: i32::MIN,
        month: 1,
        day: 1,
    };
    pub const MAX: Date = Date {
        year: i32::MAX,
        month: 12,
        day: 31,
    };

    /// `None` when no such day exists (month 13, 30 February, 29 February in 2023…).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// The UTC day containing the instant; [`LocalClock`] gives the learner's.
    pub fn from_unix_ms(ms: u64) -> Date {
        Date::from_unix_ms_ahead(ms, 0)
    }

    /// The day containing the instant on a wall clock `minutes_ahead` of UTC (120 in
    /// Stockholm in summer): a pass at 00:30 there is dated that day, not the one before.
    pub fn from_unix_ms_ahead(ms: u64, minutes_ahead: i32) -> Date {
        let local = i128::from(ms) + i128::from(minutes_ahead) * 60_000;
        // Any u64 instant shifted by any i32 of minutes stays well inside i64 days.
        let days = local.div_euclid(i128::from(MS_PER_DAY)) as i64;
        Date::from_days(days)
    }

    /// Midnight UTC at the start of this day. Dates before 1970 give 0 and dates past
    /// what a u64 holds give `u64::MAX`, since no certificate lives there.
    pub fn to_unix_ms(&self) -> u64 {
        let ms = i128::from(self.to_days()) * i128::from(MS_PER_DAY);
        u64::try_from(ms.max(0)).unwrap_or(u64::MAX)
    }

    /// Strict `YYYY-MM-DD` with a four-digit year, the only form certificates and CSV use;
    /// anything looser would make two spellings of one date hash differently.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            let mut n = 0u32;
            for &c in &b[range] {
                if !c.is_ascii_digit() {
                    return None;
                }
                n = n * 10 + u32::from(c - b'0');
            }
            Some(n)
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The same day `n` months later; a day that does not exist there becomes the last day
    /// of that month (31 January + 1 month = 28 or 29 February), as validity periods do.
    pub fn add_months(&self, n: u32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let Ok(year) = i32::try_from(year) else {
            return Date::MAX;
        };
        let day = self.day.min(days_in_month(year, month)).max(1);
        Date { year, month, day }
    }

    /// The day `n` days later (earlier for negative `n`), saturating at [`Date::MIN`] and
    /// [`Date::MAX`].
    pub fn add_days(&self, n: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(n))
    }

    /// How many days from `self` to `other`: positive when `other` is later.
    pub fn days_until(&self, other: &Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Days since 1970-01-01; the one number all arithmetic goes through.
    pub fn to_days(&self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// The date `days` after 1970-01-01, saturating outside the `i32` year range.
    pub fn from_days(days: i64) -> Date {
        if days <= Date::MIN.to_days() {
            return Date::MIN;
        }
        if days >= Date::MAX.to_days() {
            return Date::MAX;
        }
        let (year, month, day) = civil_from_days(days);
        match i32::try_from(year) {
            Ok(year) => Date { year, month, day },
            Err(_) if year < 0 => Date::MIN,
            Err(_) => Date::MAX,
        }
    }

    /// `YYYYMMDD`, the basic form iCalendar wants for all-day events.
    pub fn to_basic(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

/// The learner's clock: the instant "now" and how far their wall clock is ahead of UTC at
/// any instant. Module statuses, certificates and the dates they show are counted in the
/// learner's days; the offset is asked per instant, since a pass made in summer time keeps
/// its summer date when read in winter. `From<u64>` gives a clock in UTC, as the CLI and
/// tests use.
#[derive(Debug, Clone, Copy)]
pub struct LocalClock {
    /// Milliseconds since the Unix epoch.
    pub now_ms: u64,
    /// Minutes the wall clock is ahead of UTC at an instant (negative west of Greenwich).
    pub minutes_ahead: fn(u64) -> i32,
}

impl LocalClock {
    /// A clock on UTC's days.
    pub fn utc(now_ms: u64) -> LocalClock {
        LocalClock {
            now_ms,
            minutes_ahead: |_| 0,
        }
    }

    /// The learner's day now.
    pub fn today(&self) -> Date {
        self.day_of(self.now_ms)
    }

    /// The learner's day at another instant, such as when a module was passed.
    pub fn day_of(&self, ms: u64) -> Date {
        Date::from_unix_ms_ahead(ms, (self.minutes_ahead)(ms))
    }
}

impl From<u64> for LocalClock {
    fn from(now_ms: u64) -> LocalClock {
        LocalClock::utc(now_ms)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (0..=9999).contains(&self.year) {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        } else {
            // Outside four digits ISO 8601 wants an explicit sign; such dates never parse
            // back, which is right: no certificate should carry them.
            write!(f, "{:+05}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;

        impl Visitor<'_> for DateVisitor {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY-MM-DD\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse_iso(v).ok_or_else(|| {
                    E::custom(format!(
                        "invalid date \"{v}\", expected an existing day as YYYY-MM-DD"
                    ))
                })
            }
        }

        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trips() {
        let d = Date::from_unix_ms(0);
        assert_eq!(d, Date::new(1970, 1, 1).unwrap());
        assert_eq!(d.to_unix_ms(), 0);
        assert_eq!(d.to_days(), 0);
    }

    #[test]
    fn every_day_for_800_years_round_trips() {
        let start = Date::new(1800, 1, 1).unwrap().to_days();
        let mut prev = Date::from_days(start - 1);
        for days in start..start + 800 * 366 {
            let d = Date::from_days(days);
            assert_eq!(d.to_days(), days);
            assert!(prev < d);
            assert!(Date::new(d.year, d.month, d.day).is_some());
            prev = d;
        }
    }

    #[test]
    fn a_local_day_starts_at_local_midnight() {
        // 2026-06-10 22:30 UTC is 00:30 on 11 June in Stockholm's summer time (UTC+2).
        let ms = Date::new(2026, 6, 10).unwrap().to_unix_ms() + 22 * 3_600_000 + 1_800_000;
        assert_eq!(Date::from_unix_ms(ms), Date::new(2026, 6, 10).unwrap());
        assert_eq!(
            Date::from_unix_ms_ahead(ms, 120),
            Date::new(2026, 6, 11).unwrap()
        );
        assert_eq!(
            Date::from_unix_ms_ahead(ms, 60),
            Date::new(2026, 6, 10).unwrap()
        );
        // West of Greenwich the local day can be the one before UTC's.
        let early = Date::new(2026, 6, 10).unwrap().to_unix_ms() + 3_600_000;
        assert_eq!(
            Date::from_unix_ms_ahead(early, -300),
            Date::new(2026, 6, 9).unwrap()
        );
        assert_eq!(
            Date::from_unix_ms_ahead(0, -60),
            Date::new(1969, 12, 31).unwrap()
        );
        // Absurd offsets from a broken clock move the day without overflowing.
        assert!(Date::from_unix_ms_ahead(u64::MAX, i32::MAX) > Date::from_unix_ms(u64::MAX));
        assert!(Date::from_unix_ms_ahead(0, i32::MIN).year < 0);
    }

    #[test]
    fn a_clock_asks_the_offset_of_each_instant() {
        // Summer time from day 100 of the epoch on: the offset depends on the instant asked.
        let summer_from = 100 * MS_PER_DAY as u64;
        let clock = LocalClock {
            now_ms: 200 * MS_PER_DAY as u64,
            minutes_ahead: |ms| if ms >= 100 * 86_400_000 { 120 } else { 60 },
        };
        let late_winter = summer_from - 30 * 60_000; // 23:30 UTC, 00:30 local at +60
        assert_eq!(clock.day_of(late_winter), Date::from_days(100));
        let late_summer = summer_from + 22 * 3_600_000 + 30 * 60_000; // 22:30 UTC, 00:30 at +120
        assert_eq!(clock.day_of(late_summer), Date::from_days(101));
        assert_eq!(clock.today(), Date::from_days(200));
        assert_eq!(LocalClock::from(late_summer).today(), Date::from_days(100));
    }

    #[test]
    fn extremes_saturate() {
        assert_eq!(Date::from_days(i64::MAX), Date::MAX);
        assert_eq!(Date::from_days(i64::MIN), Date::MIN);
        assert_eq!(Date::MAX.add_days(1), Date::MAX);
        assert_eq!(Date::MIN.add_days(-1), Date::MIN);
        assert_eq!(Date::MAX.add_months(u32::MAX), Date::MAX);
        assert_eq!(Date::MIN.to_unix_ms(), 0);
        assert_eq!(Date::MAX.to_unix_ms(), u64::MAX);
        let far = Date::from_unix_ms(u64::MAX);
        assert!(far.year > 500_000_000);
    }
}
