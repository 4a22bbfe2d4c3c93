//! A module's quiz.

use yew::prelude::*;

use crate::components::page_title::PageTitle;
use crate::i18n::t;
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub module: AttrValue,
}

#[component]
pub fn QuizPage(props: &QuizProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let title = app
        .course()
        .and_then(|c| c.module(&props.module))
        .map(|m| m.title.get(lang).to_string())
        .unwrap_or_default();
    html! {
        <section class="page">
            <p class="eyebrow">{ title }</p>
            <PageTitle text={t(lang, "page.quiz")} />
        </section>
    }
}
