//! The few document-level effects the app needs: `<html lang>`, the title, focus.

use trygg_core::content::{Direction, Lang};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Removes the static loading screen once the app renders its own page.
pub fn remove_boot_screen() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("boot")) {
        el.remove();
    }
}

/// Keeps `<html lang>` and `dir` in step with the shown language, for screen readers,
/// hyphenation and right-to-left layout.
pub fn set_lang(lang: Lang, dir: Direction) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", dir.key());
    }
}

/// The page's own language (`<html lang>`, Swedish in the shipped `index.html`).
pub fn lang() -> Option<Lang> {
    let root = document()?.document_element()?;
    Lang::parse(&root.get_attribute("lang")?)
}

/// Says on the start screen, in its own two languages, that the training could not be
/// loaded (naming `detail`, a file or a problem in it), and offers to try again: for a
/// failure before any language's words are read.
pub fn show_boot_failure(detail: &str) {
    web_sys::console::error_1(&detail.into());
    let Some(doc) = document() else {
        return;
    };
    if let Some(message) = doc.get_element_by_id("boot-message") {
        let _ = message.set_attribute("hidden", "");
    }
    if let Some(failed) = doc.get_element_by_id("boot-failed") {
        let _ = failed.remove_attribute("hidden");
    }
    if let Some(detail_el) = doc.get_element_by_id("boot-detail") {
        detail_el.set_text_content(Some(detail));
    }
    if let Some(retry) = doc.get_element_by_id("boot-retry") {
        let _ = retry.remove_attribute("hidden");
    }
    focus("boot-retry");
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Moves focus to an element by id, so keyboard and screen-reader users land on the new page.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// [`focus_soon`], with the element's top scrolled to the top of the screen: a table taller
/// than the screen would otherwise be shown wherever the browser finds it "in view".
pub fn focus_at_top_soon(id: impl Into<String>) {
    let id = id.into();
    gloo::timers::callback::Timeout::new(0, move || {
        focus(&id);
        if let Some(el) = document().and_then(|d| d.get_element_by_id(&id)) {
            el.scroll_into_view();
        }
    })
    .forget();
}

/// Focus after Yew has rendered the element: for an element the same event brings in.
pub fn focus_soon(id: impl Into<String>) {
    let id = id.into();
    gloo::timers::callback::Timeout::new(0, move || focus(&id)).forget();
}

/// The current location hash, e.g. `#/about`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn set_location_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// A new, empty container at the end of `<body>` for a module's app to render into.
pub fn new_app_root() -> Option<web_sys::Element> {
    let document = document()?;
    let root = document.create_element("div").ok()?;
    root.set_class_name("app-root");
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// A plain message in both languages when no app can render the page (a wasm module failed
/// to start after the previous one had gone), with what went wrong for the console.
pub fn show_static_failure(detail: &str) {
    web_sys::console::error_1(&detail.into());
    let Some(root) = new_app_root() else {
        return;
    };
    root.set_attribute("role", "alert").ok();
    root.set_class_name("app-root boot-card");
    root.set_text_content(Some(
        "Sidan kunde inte visas. Ladda om sidan. / The page could not be shown. Reload the page.",
    ));
}
