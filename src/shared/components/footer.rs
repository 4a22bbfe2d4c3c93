//! Site footer: the privacy promise and links to the about and data pages.

use yew::prelude::*;

use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn Footer() -> Html {
    let words = use_app().words();
    html! {
        <footer class="site-footer">
            <p>{ words.t("footer.privacy") }</p>
            <p>
                <a href={Route::MyData.href()}>{ words.t("nav.data") }</a>
                { " · " }
                <a href={Route::About.href()}>{ words.t("footer.accessibility") }</a>
            </p>
        </footer>
    }
}
