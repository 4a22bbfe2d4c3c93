//! The certificate page.

use yew::prelude::*;

use crate::components::page_title::PageTitle;
use crate::i18n::t;
use crate::state::use_app;

#[component]
pub fn CertificatePage() -> Html {
    let lang = use_app().lang;
    html! {
        <section class="page">
            <PageTitle text={t(lang, "page.certificate")} />
        </section>
    }
}
