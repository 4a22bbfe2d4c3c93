//! Site footer: where the learner's data goes (only this browser on the website; the
//! organisation's LMS inside one) and links to the about and data pages.

use yew::prelude::*;

use crate::shared::i18n::WordsHtml;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[component]
pub fn Footer() -> Html {
    let app = use_app();
    let words = app.words();
    let privacy = if app.in_lms {
        "footer.privacy.lms"
    } else {
        "footer.privacy"
    };
    html! {
        <footer class="site-footer">
            <p data-privacy="">{ words.html(privacy) }</p>
            <p>
                <a href={Route::MyData.href()}>{ words.html("nav.data") }</a>
                { " · " }
                <a href={Route::About.href()}>{ words.html("footer.accessibility") }</a>
            </p>
        </footer>
    }
}
