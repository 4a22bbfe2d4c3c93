//! Small interfaces over the browser, so components never touch web-sys directly and the
//! failure modes (blocked storage, failed fetch) become values.

pub mod clock;
pub mod document;
pub mod download;
pub mod fetch;
pub mod file_read;
pub mod idle;
pub mod lazy;
pub mod lms;
pub mod page_areas;
pub mod progress_store;
pub mod roster_store;
pub mod storage;
pub mod worker;
