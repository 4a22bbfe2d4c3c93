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

/// A seed that differs between quiz attempts; stored with the attempt so a resume is
/// identical.
pub fn fresh_seed() -> u64 {
    let random = (js_sys::Math::random() * (u32::MAX as f64)) as u64;
    now_ms().rotate_left(21) ^ (random << 11) ^ random
}
