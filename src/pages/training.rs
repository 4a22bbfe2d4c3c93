//! "My training": the role's modules, in course order.

use trygg_core::content::Role;
use yew::prelude::*;

use crate::components::page_title::PageTitle;
use crate::i18n::t;
use crate::route::Route;
use crate::state::use_app;

#[component]
pub fn TrainingPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(course) = app.course() else {
        return html! {};
    };
    let role = Role::Employee;
    let required = &course.organisation.roles.get(role).required;
    html! {
        <section class="page">
            <PageTitle text={t(lang, "page.training")} />
            <ol class="module-list">
                { for course.modules.iter().filter(|m| required.contains(&m.id)).map(|m| html! {
                    <li class="module-card">
                        <h2><a href={Route::Lesson { module: m.id.clone(), step: 1 }.href()}>{ m.title.get(lang).to_string() }</a></h2>
                        <p>{ m.summary.get(lang).to_string() }</p>
                    </li>
                }) }
            </ol>
        </section>
    }
}
