//! Shown for any hash route the app does not know.

use yew::prelude::*;

use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::WordsHtml;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn NotFoundPage() -> Html {
    let words = use_app().words();
    html! {
        <section class="page">
            <PageTitle text={words.t("page.not_found").to_owned()} lang={words.lang_of("page.not_found")} />
            <p>{ words.html("not_found.text") }</p>
            <p><a class="button" href={Route::Start.href()}>{ words.html("not_found.home") }</a></p>
        </section>
    }
}
