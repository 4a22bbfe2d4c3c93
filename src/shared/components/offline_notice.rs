//! The quiet line under the header about the service worker: without a network it says the
//! course still works and progress stays on this device, and that a language picked but never
//! fetched here cannot be shown yet; when a new version of the course is installed it offers
//! to reload. It also starts the worker, once the page is usable, so the first visit fetches
//! nothing more before that ([`crate::shared::browser::worker`]).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::shared::browser::worker;
use crate::shared::content_error::{failure_html, not_kept_offline};
use crate::shared::content_loader::page_urls;
use crate::shared::handover::Part;
use crate::shared::i18n::WordsHtml;
use crate::shared::route::Route;
use crate::shared::state::{use_app, AppState};

/// Whether the route's page shows what it needs: the organisation file on the shell's pages
/// and "my data", the course on the course and manager pages, and on a lesson or quiz its
/// module's texts too (read after the course).
pub fn page_usable(app: &AppState, route: &Route) -> bool {
    let module = match route {
        Route::Lesson { module, .. } | Route::Quiz { module } => Some(module.as_str()),
        _ => None,
    };
    match Part::of(route) {
        Part::Shell => app.organisation().is_some(),
        Part::Records if *route == Route::MyData => app.organisation().is_some(),
        Part::Course | Part::Records | Part::Manager => app.course().is_some_and(|course| {
            module.is_none_or(|id| course.module(id).is_none() || course.has_texts(id))
        }),
    }
}

/// Whether a reload may be offered on `route`. Not on a quiz: a choice picked but not yet
/// checked is kept only by the page, and a reload would lose it (every checked answer is saved
/// at once, so every other page can reload without loss).
pub fn reload_allowed(route: &Route) -> bool {
    !matches!(route, Route::Quiz { .. })
}

/// What the line says, read from the browser.
#[derive(Clone, Copy, PartialEq)]
struct Status {
    online: bool,
    /// A worker serves this page, so what it has kept works offline.
    serving: bool,
    update_ready: bool,
}

fn status_now() -> Status {
    Status {
        online: worker::online(),
        serving: worker::serving(),
        update_ready: worker::update_ready(),
    }
}

#[derive(Properties, PartialEq)]
pub struct OfflineNoticeProps {
    pub route: Route,
}

#[component]
pub fn OfflineNotice(props: &OfflineNoticeProps) -> Html {
    let app = use_app();
    let words = app.words();
    let status = use_state(status_now);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                ["online", "offline", worker::CHANGED].map(|event| {
                    let status = status.clone();
                    EventListener::new(&window, event, move |_| status.set(status_now()))
                })
            });
            move || drop(listeners)
        });
    }
    use_effect_with(
        (page_usable(&app, &props.route), words.lang()),
        |(usable, lang)| {
            if *usable {
                worker::start();
                // Every page starts from the organisation file and the language's words and
                // names, read before a worker kept them.
                worker::keep_for_offline(None, page_urls(*lang));
            }
        },
    );

    let accept = Callback::from(|_: MouseEvent| worker::accept_update());
    let offer = status.update_ready && reload_allowed(&props.route);
    let offline = if status.serving {
        "offline.working"
    } else {
        "offline.partial"
    };
    // A language that could not be read, by its own name: not kept on this device while
    // offline, or missing or broken (then the file and the problem, for whoever runs it).
    let unavailable = app.unavailable.as_ref().map(|(lang, failure)| {
        let name = app
            .organisation()
            .and_then(|o| o.language(*lang))
            .map_or_else(|| lang.code().to_owned(), |l| l.name.clone());
        if not_kept_offline(failure) {
            html! { words.fill("offline.language_missing", &[("language", &name)]) }
        } else {
            // The problem goes in as an element of its own, with its own language.
            const PROBLEM: &str = "\u{1}";
            let sentence = words.fill("lang.failed", &[("language", &name), ("problem", PROBLEM)]);
            let (before, after) = sentence.split_once(PROBLEM).unwrap_or((&sentence, ""));
            html! { <>{ before.to_owned() }{ failure_html(failure, &words) }{ after.to_owned() }</> }
        }
    });
    // The live region is always there, so what appears in it is announced.
    html! {
        <div class="offline-notice" role="status">
            if !status.online {
                <p data-offline="">{ words.html(offline) }</p>
            }
            if let Some(text) = unavailable {
                <p data-language="">{ text }</p>
            }
            if app.handover_unread {
                <p data-handover="">{ words.html("handover.unread") }</p>
            }
            if offer {
                <p data-update="">
                    { words.html("offline.update_ready") }{ " " }
                    <button type="button" class="button secondary small" onclick={accept}>{ words.html("offline.update_reload") }</button>
                </p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_is_offered_everywhere_but_a_quiz() {
        assert!(!reload_allowed(&Route::parse("#/module/roles/quiz")));
        for hash in [
            "#/",
            "#/training",
            "#/module/roles/lesson/2",
            "#/certificate",
            "#/data",
            "#/manager",
            "#/about",
            "#/nowhere",
        ] {
            assert!(reload_allowed(&Route::parse(hash)), "{hash}");
        }
    }
}
