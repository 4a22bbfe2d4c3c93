//! What more than one wasm module ships: the browser interfaces, the components of the page
//! frame, the UI strings, the routes, the app and learner contexts, the hand-over between
//! modules, and the root of the two modules that run the course.

pub mod browser;
pub mod components;
pub mod content_error;
pub mod content_loader;
pub mod course_module;
pub mod handover;
pub mod hooks;
pub mod i18n;
pub mod landing;
pub mod learner;
pub mod lms_banner;
pub mod lms_session;
pub mod not_found;
pub mod route;
pub mod state;
