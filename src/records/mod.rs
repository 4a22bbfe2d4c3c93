//! The records module (`records/` crate, `trygg_records.wasm`): the certificate with its
//! documents (PDF, completion file, calendar reminder, pocket card) and "my data" (backup,
//! restore, delete). A learner needs them once, at the end or when moving computers, so the
//! course module that every lesson and quiz runs in carries neither.

pub mod app;
pub mod certificate;
pub mod my_data;

use yew::prelude::*;

use crate::shared::route::Route;

/// The records' page for a route they own.
pub fn render(route: &Route) -> Html {
    match route {
        Route::Certificate => html! { <certificate::CertificatePage /> },
        Route::MyData => html! { <my_data::MyDataPage /> },
        _ => html! {},
    }
}
