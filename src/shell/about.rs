//! What Trygg is, what happens to your data (nothing leaves the browser on the website; inside
//! an LMS, what goes to the organisation's LMS), and the
//! accessibility statement required of Swedish public bodies (DOS law, WCAG 2.1 AA).

use yew::prelude::*;

use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::WordsHtml;
use crate::shared::state::use_app;

#[component]
pub fn AboutPage() -> Html {
    let app = use_app();
    let words = app.words();
    let contact = app.organisation().map(|o| {
        let unit = &o.security_unit;
        html! {
            <p>
                { words.html("about.a11y.contact") }{ " " }
                <strong>{ unit.name.value.clone() }</strong>
                { if unit.email.is_empty() { html!{} } else { html!{ <>{ ", " }<a href={format!("mailto:{}", unit.email)}>{ unit.email.clone() }</a></> } } }
                { if unit.phone.is_empty() { html!{} } else { html!{ <>{ ", " }<span class="ltr-value">{ unit.phone.clone() }</span></> } } }
                { "." }
            </p>
        }
    });
    html! {
        <section class="page prose">
            <PageTitle text={words.t("page.about").to_owned()} lang={words.lang_of("page.about")} />
            <p>{ words.html("about.what") }</p>
            <h2>{ words.html("about.data.title") }</h2>
            if app.in_lms {
                <p>{ words.html("about.data.text.lms") }</p>
            } else {
                <p>{ words.html("about.data.text") }</p>
                <p>{ words.html("about.data.shared") }</p>
            }
            <h2>{ words.html("about.a11y.title") }</h2>
            <p>{ words.html("about.a11y.intro") }</p>
            <p>{ words.html("about.a11y.status") }</p>
            <p>{ words.html("about.a11y.known") }</p>
            { contact.unwrap_or_default() }
            <p>{ words.html("about.a11y.dos") }</p>
            <p>{ words.html("about.a11y.date") }</p>
        </section>
    }
}
