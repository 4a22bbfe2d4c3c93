//! Site header: the organisation's name, navigation and the language switch.

use trygg_core::content::Lang;
use yew::prelude::*;

use crate::shared::i18n::t;
use crate::shared::route::Route;
use crate::shared::state::{use_app, AppAction};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub route: Route,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let org_name = app
        .organisation()
        .map(|o| o.name.get(lang).to_string())
        .unwrap_or_else(|| "Trygg".to_string());
    let links = [
        (Route::Start, "nav.start"),
        (Route::Training, "nav.training"),
        (Route::Certificate, "nav.certificate"),
        (Route::Manager, "nav.manager"),
        (Route::About, "nav.about"),
    ];
    let current = &props.route;
    let in_training = matches!(current, Route::Lesson { .. } | Route::Quiz { .. });

    html! {
        <header class="site-header">
            <div class="header-top">
                <a class="brand" href="#/">
                    <span class="brand-name">{ "Trygg" }</span>
                    <span class="brand-org">{ org_name }</span>
                </a>
                <div class="lang-switch" role="group" aria-label={t(lang, "lang.switch")}>
                    { for Lang::ALL.into_iter().map(|l| lang_button(&app, l)) }
                </div>
            </div>
            <nav aria-label={t(lang, "nav.label")}>
                <ul class="nav-list">
                    { for links.into_iter().map(|(route, key)| {
                        let active = *current == route || (in_training && route == Route::Training);
                        html! {
                            <li>
                                <a href={route.href()} aria-current={active.then_some("page")}>
                                    { t(lang, key) }
                                </a>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
        </header>
    }
}

fn lang_button(app: &crate::shared::state::AppHandle, lang: Lang) -> Html {
    let pressed = app.lang == lang;
    let onclick = {
        let dispatch = app.dispatcher();
        Callback::from(move |_| dispatch.dispatch(AppAction::SetLang(lang)))
    };
    let label = match lang {
        Lang::Sv => "Svenska",
        Lang::En => "English",
    };
    html! {
        <button type="button" class="lang-button" lang={lang.code()}
            aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
            { label }
        </button>
    }
}
