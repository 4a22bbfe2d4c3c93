use trygg_core::date::{days_in_month, is_leap_year, Date};

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| panic!("bad test date {text}"))
}

#[test]
fn leap_years_follow_the_gregorian_rules() {
    assert!(is_leap_year(2024));
    assert!(is_leap_year(2000));
    assert!(is_leap_year(2400));
    assert!(!is_leap_year(1900));
    assert!(!is_leap_year(2100));
    assert!(!is_leap_year(2023));
    assert_eq!(days_in_month(2024, 2), 29);
    assert_eq!(days_in_month(2023, 2), 28);
    assert_eq!(days_in_month(2100, 2), 28);
    assert_eq!(days_in_month(2024, 13), 0);
    assert_eq!(days_in_month(2024, 0), 0);
}

#[test]
fn parse_iso_accepts_only_existing_days() {
    assert_eq!(d("2024-02-29"), Date::new(2024, 2, 29).unwrap());
    for bad in [
        "2023-02-29",
        "2100-02-29",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "2024-1-01",
        "24-01-01",
        "2024/01/01",
        "2024-01-01T00:00",
        " 2024-01-01",
        "",
        "+2024-01-1",
        "２０２４-01-01",
    ] {
        assert_eq!(Date::parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn display_is_iso_and_round_trips() {
    for text in [
        "2024-02-29",
        "1970-01-01",
        "0001-01-01",
        "9999-12-31",
        "2025-10-05",
    ] {
        assert_eq!(d(text).to_string(), text);
    }
    assert_eq!(Date::new(2025, 3, 7).unwrap().to_basic(), "20250307");
}

#[test]
fn unix_ms_maps_to_utc_days() {
    // 2024-02-29T23:59:59.999Z is still the 29th; one ms later it is March.
    let leap_day = d("2024-02-29");
    let start = leap_day.to_unix_ms();
    assert_eq!(start, 1_709_164_800_000);
    assert_eq!(Date::from_unix_ms(start), leap_day);
    assert_eq!(Date::from_unix_ms(start + 86_399_999), leap_day);
    assert_eq!(Date::from_unix_ms(start + 86_400_000), d("2024-03-01"));
    assert_eq!(Date::from_unix_ms(start - 1), d("2024-02-28"));
    // Before 1970 there is no u64 instant.
    assert_eq!(d("1969-12-31").to_unix_ms(), 0);
}

#[test]
fn add_months_clamps_to_month_end() {
    assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
    assert_eq!(d("2023-01-31").add_months(1), d("2023-02-28"));
    assert_eq!(d("2024-02-29").add_months(12), d("2025-02-28"));
    assert_eq!(d("2024-02-29").add_months(48), d("2028-02-29"));
    assert_eq!(d("2024-03-31").add_months(1), d("2024-04-30"));
    assert_eq!(d("2024-08-31").add_months(1), d("2024-09-30"));
    assert_eq!(d("2024-12-31").add_months(2), d("2025-02-28"));
    assert_eq!(d("2024-11-15").add_months(2), d("2025-01-15"));
    assert_eq!(d("2024-05-10").add_months(0), d("2024-05-10"));
    assert_eq!(d("2024-05-10").add_months(24), d("2026-05-10"));
    assert_eq!(d("1999-12-31").add_months(2), d("2000-02-29"));
    assert_eq!(d("2099-12-31").add_months(2), d("2100-02-28"));
}

#[test]
fn add_days_crosses_month_year_and_leap_day() {
    assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
    assert_eq!(d("2024-02-29").add_days(1), d("2024-03-01"));
    assert_eq!(d("2023-02-28").add_days(1), d("2023-03-01"));
    assert_eq!(d("2024-12-31").add_days(1), d("2025-01-01"));
    assert_eq!(d("2025-01-01").add_days(-1), d("2024-12-31"));
    assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
    assert_eq!(d("2024-01-01").add_days(366), d("2025-01-01"));
    assert_eq!(d("2023-01-01").add_days(365), d("2024-01-01"));
    assert_eq!(d("2025-06-15").add_days(-30), d("2025-05-16"));
}

#[test]
fn days_until_is_signed_and_consistent_with_add_days() {
    assert_eq!(d("2024-01-01").days_until(&d("2025-01-01")), 366);
    assert_eq!(d("2023-01-01").days_until(&d("2024-01-01")), 365);
    assert_eq!(d("2025-01-01").days_until(&d("2024-01-01")), -366);
    assert_eq!(d("2024-02-28").days_until(&d("2024-03-01")), 2);
    assert_eq!(d("2024-05-05").days_until(&d("2024-05-05")), 0);
    let base = d("2000-02-29");
    for n in [-100_000i64, -366, -1, 0, 1, 59, 365, 10_000] {
        assert_eq!(base.days_until(&base.add_days(n)), n);
    }
}

#[test]
fn ordering_is_chronological() {
    assert!(d("2024-02-29") < d("2024-03-01"));
    assert!(d("2023-12-31") < d("2024-01-01"));
    assert!(d("2024-10-02") > d("2024-09-30"));
}

#[test]
fn serde_uses_iso_strings_and_validates() {
    let json = serde_json::to_string(&d("2024-02-29")).unwrap();
    assert_eq!(json, "\"2024-02-29\"");
    let back: Date = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d("2024-02-29"));
    assert!(serde_json::from_str::<Date>("\"2023-02-29\"").is_err());
    assert!(serde_json::from_str::<Date>("20240229").is_err());
    assert!(serde_json::from_str::<Date>("{\"year\":2024,\"month\":2,\"day\":29}").is_err());
    let err = serde_json::from_str::<Date>("\"2024-31-12\"").unwrap_err();
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}
