//! The start page: what the training is and how to begin.

use yew::prelude::*;

use crate::components::page_title::PageTitle;
use crate::i18n::t;
use crate::route::Route;
use crate::state::use_app;

#[component]
pub fn StartPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let example = app
        .course()
        .is_some_and(|c| c.organisation.example)
        .then(|| html! { <p class="callout warning">{ t(lang, "start.example") }</p> });
    html! {
        <section class="page">
            <PageTitle text={t(lang, "start.title")} />
            <p class="lead">{ t(lang, "start.lead") }</p>
            { example.unwrap_or_default() }
            <p>{ t(lang, "start.privacy") }</p>
            <p><a class="button" href={Route::Training.href()}>{ t(lang, "start.begin") }</a></p>
        </section>
    }
}
