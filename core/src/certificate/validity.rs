//! How long a pass and a certificate stay valid, and when they are due for renewal. One
//! rule for "my training", the certificate, its calendar reminder, the manager's roster and
//! `trygg roster`, so none of them can tell a learner something the others contradict.
//! The rule in prose is in `core/CERTIFICATES.md`.

use super::ModuleResult;
use crate::date::Date;

/// Days before the last valid day from which a pass or a certificate counts as due for
/// renewal (that many days left included). The calendar reminder falls on the first of them.
pub const RENEWAL_WINDOW_DAYS: u32 = 30;

/// The last day a module pass is valid: the pass's UTC date plus `validity_months`, clamped
/// to the month's end (a pass on 31 January with 1 month is valid through 28 or 29 February).
pub fn pass_valid_until(passed_on: Date, validity_months: u8) -> Date {
    passed_on.add_months(u32::from(validity_months))
}

/// The last day a certificate listing `modules` is valid: the earliest of its modules' own
/// last valid days, so a certificate never claims more than the passes behind it. `None`
/// for a certificate without modules.
pub fn certificate_valid_until(modules: &[ModuleResult], validity_months: u8) -> Option<Date> {
    modules
        .iter()
        .map(|m| pass_valid_until(m.passed_on, validity_months))
        .min()
}

/// Where something valid through `valid_until` stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// More than [`RENEWAL_WINDOW_DAYS`] days left.
    Valid,
    /// Still valid; `days_left` is 0 on the last valid day.
    RenewalDue { days_left: u32 },
    /// The last valid day has passed.
    Expired,
}

impl Validity {
    pub fn on(valid_until: Date, today: Date) -> Validity {
        let left = today.days_until(&valid_until);
        match u32::try_from(left) {
            Err(_) => Validity::Expired,
            Ok(days_left) if days_left <= RENEWAL_WINDOW_DAYS => Validity::RenewalDue { days_left },
            Ok(_) => Validity::Valid,
        }
    }

    /// Valid or due for renewal: still counts towards a certificate.
    pub fn is_valid(self) -> bool {
        !matches!(self, Validity::Expired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse_iso(s).expect("test date")
    }

    #[test]
    fn the_window_starts_thirty_days_before_the_last_valid_day() {
        let until = day("2027-03-31");
        assert_eq!(Validity::on(until, day("2027-02-28")), Validity::Valid);
        assert_eq!(
            Validity::on(until, day("2027-03-01")),
            Validity::RenewalDue { days_left: 30 }
        );
        assert_eq!(
            Validity::on(until, until),
            Validity::RenewalDue { days_left: 0 }
        );
        assert_eq!(Validity::on(until, day("2027-04-01")), Validity::Expired);
    }
}
