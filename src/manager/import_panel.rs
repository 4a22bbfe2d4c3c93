//! Where files come in: the drop zone with its two pickers, the progress of the import, and
//! its result. The file inputs are hidden, out of the tab order, behind ordinary buttons
//! that look and read like the rest of the page.

use trygg_core::roster::import::Report;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::files;
use super::session::{Session, SessionHandle};
use crate::shared::browser::document;
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{counted, counted_html, Words};

/// Keeps files dropped beside the drop zone from replacing the page: a browser opens a file
/// dropped where no page takes it (a completion file as text, a PDF in its viewer), and the
/// manager would find the view gone. Outside the zone the pointer shows that nothing is taken
/// there; the zone itself handles its events first and marks them handled.
#[hook]
pub fn use_stray_drops_refused() {
    use_effect_with((), |_| {
        let listeners = web_sys::window().map(|window| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let refuse = |name: &'static str| {
                gloo::events::EventListener::new_with_options(&window, name, options, |e| {
                    if e.default_prevented() {
                        return;
                    }
                    e.prevent_default();
                    if let Some(transfer) =
                        e.dyn_ref::<DragEvent>().and_then(DragEvent::data_transfer)
                    {
                        transfer.set_drop_effect("none");
                    }
                })
            };
            [refuse("dragover"), refuse("drop")]
        });
        move || drop(listeners)
    });
}

pub fn drop_zone(session: &SessionHandle, dragging: &UseStateHandle<bool>, words: &Words) -> Html {
    let on_pick = |folder: bool| {
        let session = session.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let picked = files::from_input(&input, folder);
            input.set_value("");
            session.import(picked);
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(transfer) = e.data_transfer() {
                transfer.set_drop_effect("copy");
            }
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let session = session.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let dropped = files::dropped(&e);
            let session = session.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let incoming = files::expand(dropped).await;
                session.import(incoming);
            });
        })
    };
    html! {
        <div class={classes!("drop-zone", dragging.then_some("dragging"))}
            ondragover={on_drag_over.clone()} ondragenter={on_drag_over}
            ondragleave={on_drag_leave} ondrop={on_drop}>
            <p class="drop-text">{ words.html("manager.import.drop") }</p>
            <p class="button-row">
                <button type="button" class="button" onclick={click_input("manager-files")}>
                    { words.html("manager.import.pick_files") }
                </button>
                <button type="button" class="button secondary" onclick={click_input("manager-folder")}>
                    { words.html("manager.import.pick_folder") }
                </button>
            </p>
            <p class="hint">{ words.html("manager.import.hint") }</p>
            // The buttons above open these; hidden, so a screen reader meets each picker once.
            <input type="file" id="manager-files" hidden=true multiple=true
                accept=".json,.pdf,application/json,application/pdf" onchange={on_pick(false)} />
            <input type="file" id="manager-folder" hidden=true multiple=true
                webkitdirectory=true onchange={on_pick(true)} />
        </div>
    }
}

fn click_input(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        use wasm_bindgen::JsCast;
        if let Some(input) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            input.click();
        }
    })
}

/// The status region is always there, empty or not: screen readers announce what appears in
/// a live region that already exists, not in one added with its text.
pub fn progress_and_result(s: &Session, words: &Words) -> Html {
    html! {
        <>
            if let Some(p) = s.import.progress() {
                <div class="import-progress">
                    <label for="import-progress">
                        { words.html(if p.restoring { "manager.progress.restoring" } else { "manager.progress.importing" }) }
                    </label>
                    <progress id="import-progress" max={p.total.max(1).to_string()} value={p.done.to_string()}></progress>
                    <span class="progress-count">
                        { counted_html(words, "manager.progress.count", p.total, &[("done", &p.done.to_string()), ("total", &p.total.to_string())]) }
                    </span>
                </div>
            }
            <div class="manager-status" role="status">
                if s.running() {
                    <p>{ words.html("manager.progress.wait") }</p>
                } else if let Some(report) = s.import.report() {
                    <div id="manager-result" class="feedback import-result" tabindex="-1">
                        <p><strong>{ words.html("manager.result.done") }</strong></p>
                        <p>{ report_text(&report, words) }</p>
                        if report.refused > 0 {
                            <p><a href="#refused-title" onclick={focus_link("refused-title")}>{ words.html("manager.result.see_refused") }</a></p>
                        }
                    </div>
                }
            </div>
        </>
    }
}

/// An in-page link must not change the hash (that is our router): move focus instead.
fn focus_link(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        document::focus(id);
    })
}

fn report_text(report: &Report, words: &Words) -> String {
    let mut text = words.fill(
        "manager.result.counts",
        &[
            ("files", &report.files.to_string()),
            ("accepted", &report.accepted.to_string()),
            ("duplicates", &report.duplicates.to_string()),
            ("refused", &report.refused.to_string()),
        ],
    );
    if report.edited > 0 {
        text.push(' ');
        text.push_str(&counted(
            words,
            "manager.result.edited",
            report.edited,
            &[("count", &report.edited.to_string())],
        ));
    }
    text
}
