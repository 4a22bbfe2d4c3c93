//! The shell: the first wasm module of every visit (the binary Trunk builds). Its pages need
//! only `organisation.json`.

pub mod about;
pub mod app;
pub mod my_data;
pub mod start;

use yew::prelude::*;

use crate::shared::not_found::NotFoundPage;
use crate::shared::route::Route;

/// The shell's page for a route it owns.
pub fn render(route: &Route) -> Html {
    match route {
        Route::Start => html! { <start::StartPage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        Route::About => html! { <about::AboutPage /> },
        _ => html! { <NotFoundPage /> },
    }
}
