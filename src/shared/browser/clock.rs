//! The wall clock, read in one place so the core stays clock-free.

use trygg_core::date::{Date, LocalClock};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

/// A seed that differs between quiz attempts; stored with the attempt so a resume is
/// identical.
pub fn fresh_seed() -> u64 {
    let random = (js_sys::Math::random() * (u32::MAX as f64)) as u64;
    now_ms().rotate_left(21) ^ (random << 11) ^ random
}

/// The learner's clock: now, and their wall clock's offset from UTC at any instant, so a
/// pass after local midnight is dated that day.
pub fn local_clock() -> LocalClock {
    LocalClock {
        now_ms: now_ms(),
        minutes_ahead,
    }
}

/// The learner's day at an instant, such as when a module was passed.
pub fn local_day(ms: u64) -> Date {
    local_clock().day_of(ms)
}

/// Minutes the browser's clock is ahead of UTC at `ms`; `getTimezoneOffset` counts the
/// other way (behind UTC) and knows the summer time of that instant.
fn minutes_ahead(ms: u64) -> i32 {
    let offset =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset();
    if offset.is_finite() && offset.abs() < 24.0 * 60.0 {
        -(offset as i32)
    } else {
        0
    }
}
