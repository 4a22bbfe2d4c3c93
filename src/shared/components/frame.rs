//! The page around every module's content: skip link, header, footer, and the document's
//! language. Each wasm module renders it, so the page looks the same whichever is live.

use trygg_core::content::Lang;
use yew::prelude::*;

use crate::shared::browser::worker;
use crate::shared::browser::{document, storage::KeyValueStore};
use crate::shared::components::offline_notice::OfflineNotice;
use crate::shared::components::{footer::Footer, header::Header, page_title::PageTitle};
use crate::shared::content_error::loading;
use crate::shared::handover::{Part, Passing};
use crate::shared::i18n::WordsHtml;
use crate::shared::route::Route;
use crate::shared::state::use_app;

/// Global preference key: the language is needed before the course (and its id) is loaded.
pub const LANG_KEY: &str = "trygg:lang";

/// The language saved by the last visit, else the page's own (`<html lang>` in
/// `index.html`); the course's first language is shown when it does not offer this one.
pub fn saved_lang() -> Lang {
    KeyValueStore::open(false)
        .get(LANG_KEY)
        .and_then(|code| Lang::parse(&code))
        .or_else(document::lang)
        .or_else(|| Lang::parse("und"))
        .unwrap_or_else(|| unreachable!("\"und\" is a well-formed tag"))
}

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub route: Route,
    pub children: Html,
}

/// Nothing until the language's words are read (`boot.js`'s screen stays meanwhile), then the
/// page in that language and direction.
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let app = use_app();
    let words = app.words();
    let ready = app.words.is_some();
    let lang = words.lang();
    let dir = app.dir();
    use_effect_with((lang, dir, ready), |(lang, dir, ready)| {
        if *ready {
            document::set_lang(*lang, *dir);
            document::remove_boot_screen();
            let _ = KeyValueStore::open(false).set(LANG_KEY, lang.code());
        }
    });
    if !ready {
        // A failure before any words are read is told in the start screen's own words.
        if let crate::shared::state::ContentState::Failed(failure) = &app.content {
            document::show_boot_failure(&failure_detail(failure));
        }
        return html! {};
    }
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ words.html("nav.skip") }</a>
            <Header route={props.route.clone()} />
            <OfflineNotice route={props.route.clone()} />
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
    let words = use_app().words();
    {
        // The address names the next page already: the tab's title no longer names the one
        // before while the next module loads.
        let title = format!("{} – Trygg", words.t("loading.content"));
        let loading = matches!(props.passing, Passing::Loading(_));
        use_effect_with((loading, title), |(loading, title)| {
            if *loading {
                document::set_title(title);
            }
        });
    }
    {
        // The page that was shown is gone: focus goes to the heading that says why, not to
        // the document.
        let failed = matches!(props.passing, Passing::Failed(_));
        use_effect_with(failed, |failed| {
            if *failed {
                document::focus("page-title");
            }
        });
    }
    match props.passing {
        Passing::Failed(part) => {
            let retry = props.retry.reform(|_: MouseEvent| ());
            // Offline, the module was never fetched on this device: say that, not "check
            // the connection".
            let title = match part {
                Part::Manager => "manager.unavailable",
                _ => "content_error.title",
            };
            let message = match (part, worker::online()) {
                (Part::Manager, true) => "manager.load_failed_module",
                (Part::Manager, false) => "offline.manager_missing",
                (_, true) => "course.load_failed",
                (_, false) => "offline.module_missing",
            };
            html! {
                <main id="main" tabindex="-1" data-route="module-error">
                    <div class="page" role="alert">
                        <PageTitle text={words.t(title).to_owned()} lang={words.lang_of(title)} />
                        <p>{ words.fill_html(message, &[("file", part.file())]) }</p>
                        <p><button type="button" class="button" onclick={retry}>{ words.html("content_error.retry") }</button></p>
                    </div>
                </main>
            }
        }
        _ => html! {
            <main id="main" tabindex="-1" data-route="loading">{ loading(&words) }</main>
        },
    }
}

/// What failed, for the start screen: the file, or the problems found in it.
fn failure_detail(failure: &crate::shared::state::ContentFailure) -> String {
    match failure {
        crate::shared::state::ContentFailure::Fetch { file, .. } => file.clone(),
        // The first few problems, so whoever fixes the files sees more than one at a time; in
        // the content check's English, as each problem is.
        crate::shared::state::ContentFailure::Invalid(issues) => {
            const SHOWN: usize = 5;
            let mut text: Vec<String> =
                issues.iter().take(SHOWN).map(ToString::to_string).collect();
            if issues.len() > SHOWN {
                text.push(format!("and {} more", issues.len() - SHOWN));
            }
            text.join("; ")
        }
    }
}
