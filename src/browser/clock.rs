//! The wall clock, read in one place so the core stays clock-free.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}
