//! Site header: the organisation's name, navigation and the language switch.

use trygg_core::content::LanguageInfo;
use yew::prelude::*;

use crate::shared::components::inline_text::plain;
use crate::shared::i18n::WordsHtml;
use crate::shared::route::Route;
use crate::shared::state::{use_app, AppHandle};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub route: Route,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let app = use_app();
    let words = app.words();
    let organisation = app.organisation();
    let org_name = organisation.map_or_else(|| html! { { "Trygg" } }, |o| plain(&o.name));
    let languages = organisation
        .map(|o| o.languages.clone())
        .unwrap_or_default();
    let links = [
        (Route::Start, "nav.start"),
        (Route::Training, "nav.training"),
        (Route::Certificate, "nav.certificate"),
        (Route::Manager, "nav.manager"),
        (Route::About, "nav.about"),
    ];
    // Inside an LMS the LMS is the frame: learners there never need the manager view.
    let links = links
        .into_iter()
        .filter(|(route, _)| !(app.in_lms && *route == Route::Manager));
    let current = &props.route;
    let in_training = matches!(current, Route::Lesson { .. } | Route::Quiz { .. });

    html! {
        <header class="site-header">
            <div class="header-top">
                <a class="brand" href="#/">
                    <span class="brand-name">{ "Trygg" }</span>
                    <span class="brand-org">{ org_name }</span>
                </a>
                if languages.len() > 1 {
                    <div class="lang-switch" role="group" aria-label={words.t("lang.switch").to_owned()}>
                        { for languages.iter().map(|l| lang_button(&app, l)) }
                    </div>
                }
            </div>
            <nav aria-label={words.t("nav.label").to_owned()}>
                <ul class="nav-list">
                    { for links.map(|(route, key)| {
                        let active = *current == route || (in_training && route == Route::Training);
                        html! {
                            <li>
                                <a href={route.href()} aria-current={active.then_some("page")}>
                                    { words.html(key) }
                                </a>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
        </header>
    }
}

/// A language's button, named in that language. Pressed for the language the learner asked
/// for: it reads as chosen at once, while its files load.
fn lang_button(app: &AppHandle, language: &LanguageInfo) -> Html {
    let lang = language.tag;
    let pressed = app.wanted == lang;
    let onclick = {
        let app = app.clone();
        Callback::from(move |_| app.choose_lang(lang))
    };
    html! {
        <button type="button" class="lang-button" lang={lang.code().to_owned()} dir={language.dir.key()}
            aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
            { language.name.clone() }
        </button>
    }
}
