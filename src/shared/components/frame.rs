//! The page around every module's content: skip link, header, footer, and the document's
//! language. Each wasm module renders it, so the page looks the same whichever is live.

use trygg_core::content::Lang;
use yew::prelude::*;

use crate::shared::browser::{document, storage::KeyValueStore};
use crate::shared::components::{footer::Footer, header::Header, page_title::PageTitle};
use crate::shared::content_error::loading;
use crate::shared::handover::{Part, Passing};
use crate::shared::i18n::{fill, t};
use crate::shared::route::Route;
use crate::shared::state::use_app;

/// Global preference key: the language is needed before the course (and its id) is loaded.
pub const LANG_KEY: &str = "trygg:lang";

/// The language saved by the last visit, Swedish on a first one.
pub fn saved_lang() -> Lang {
    KeyValueStore::open(false)
        .get(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Sv)
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub route: Route,
    pub children: Html,
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    use_effect_with(lang, |lang| {
        document::set_lang(*lang);
        let _ = KeyValueStore::open(false).set(LANG_KEY, lang.code());
    });
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ t(lang, "nav.skip") }</a>
            <Header route={props.route.clone()} />
            { props.children.clone() }
            <Footer />
        </>
    }
}

/// The skip link must not change the hash (that is our router), so it moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        document::focus("main");
    })
}

#[derive(Properties, PartialEq)]
pub struct PassingPageProps {
    pub passing: Passing,
    pub retry: Callback<()>,
}

/// `<main>` while another module takes over the page: loading, or why it could not.
#[component]
pub fn PassingPage(props: &PassingPageProps) -> Html {
    let lang = use_app().lang;
    match props.passing {
        Passing::Failed(part) => {
            let retry = props.retry.reform(|_: MouseEvent| ());
            let message = match part {
                Part::Manager => "manager.load_failed_module",
                _ => "course.load_failed",
            };
            html! {
                <main id="main" tabindex="-1" data-route="module-error">
                    <div class="page" role="alert">
                        <PageTitle text={t(lang, "content_error.title")} />
                        <p>{ fill(t(lang, message), &[("file", part.file())]) }</p>
                        <p><button type="button" class="button" onclick={retry}>{ t(lang, "content_error.retry") }</button></p>
                    </div>
                </main>
            }
        }
        _ => html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(lang) }</main>
        },
    }
}
