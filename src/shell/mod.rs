//! The shell: the first wasm module of every visit (the binary Trunk builds): the start and
//! about pages, which need only `organisation.json`.

pub mod about;
pub mod app;
pub mod start;

use yew::prelude::*;

use crate::shared::not_found::NotFoundPage;
use crate::shared::route::Route;

/// The shell's page for a route it owns.
pub fn render(route: &Route) -> Html {
    match route {
        Route::Start => html! { <start::StartPage /> },
        Route::About => html! { <about::AboutPage /> },
        _ => html! { <NotFoundPage /> },
    }
}
