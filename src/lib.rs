//! Trygg's browser app: a thin Yew shell over `trygg-core`. Components render state and
//! send messages; browser APIs live in `browser/`.

pub mod app;
pub mod browser;
pub mod components;
pub mod content_loader;
pub mod course_app;
pub mod i18n;
pub mod lazy_mount;
pub mod learner;
pub mod pages;
pub mod route;
pub mod state;

/// Replaces the static loading screen with the app.
pub fn start() {
    i18n::use_areas(&[&i18n::SHELL]);
    browser::document::remove_boot_screen();
    yew::Renderer::<app::App>::new().render();
}
