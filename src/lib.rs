//! Trygg's browser app: a thin Yew shell over `trygg-core`. Components render state and
//! call the methods of their context; browser APIs live in `browser/`. Four wasm modules
//! are built from this library, one folder each: `shell/`, `course/`, `records/` and
//! `manager/`, over `shared/`; one renders the page at a time ([`shared::handover`]).

pub mod course;
pub mod manager;
pub mod records;
pub mod shared;
pub mod shell;
