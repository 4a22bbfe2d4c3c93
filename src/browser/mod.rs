//! Small interfaces over the browser, so components never touch web-sys directly and the
//! failure modes (blocked storage, failed fetch) become values.

pub mod clock;
pub mod document;
pub mod fetch;
pub mod storage;
