//! Site footer: the privacy promise and links to the about and data pages.

use yew::prelude::*;

use crate::shared::i18n::t;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn Footer() -> Html {
    let lang = use_app().lang;
    html! {
        <footer class="site-footer">
            <p>{ t(lang, "footer.privacy") }</p>
            <p>
                <a href={Route::MyData.href()}>{ t(lang, "nav.data") }</a>
                { " · " }
                <a href={Route::About.href()}>{ t(lang, "footer.accessibility") }</a>
            </p>
        </footer>
    }
}
