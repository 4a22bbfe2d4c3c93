//! The few document-level effects the app needs: `<html lang>`, the title, focus.

use trygg_core::content::Lang;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Removes the static loading screen once the app renders its own page.
pub fn remove_boot_screen() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("boot")) {
        el.remove();
    }
}

/// Keeps `<html lang>` in step with the chosen language, for screen readers and hyphenation.
pub fn set_lang(lang: Lang) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
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
