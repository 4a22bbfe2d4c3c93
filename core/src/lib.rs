//! Trygg's domain core. It knows nothing of browsers: the app and the `trygg` CLI both
//! build on it, so a rule (validation, scoring, verification) has exactly one
//! implementation, tested natively in seconds.

pub mod certificate;
pub mod content;
pub mod date;
pub mod language;
pub mod lms;
pub mod progress;
pub mod quiz;
pub mod roster;
pub mod xml;
