//! Shown for any hash route the app does not know.

use yew::prelude::*;

use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::t;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn NotFoundPage() -> Html {
    let lang = use_app().lang;
    html! {
        <section class="page">
            <PageTitle text={t(lang, "page.not_found")} />
            <p>{ t(lang, "not_found.text") }</p>
            <p><a class="button" href={Route::Start.href()}>{ t(lang, "not_found.home") }</a></p>
        </section>
    }
}
