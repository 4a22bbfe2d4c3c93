//! The app's words. Every word on a page comes from the language's `ui.json` (read as the
//! core's [`Words`], held in the app context) or from the course's language files; what a
//! language does with numbers, counts and dates is the browser's own `Intl`, which costs the
//! wasm nothing and knows more languages than any table we could ship.

use crate::shared::components::inline_text::plain;
use trygg_core::content::Text;
use trygg_core::content::{Lang, Role};
use trygg_core::date::Date;
pub use trygg_core::language::{fill, Words};
use trygg_core::language::{split_at_placeholder, PluralCategory};
use yew::{html, AttrValue, Html};

/// A word as page text. When the learner's language lacks the key and its fallback supplies
/// the text, the text carries the fallback's `lang`, so a screen reader pronounces it in that
/// language (attributes cannot be marked; they take [`Words::t`]).
pub trait WordsHtml {
    fn html(&self, key: &str) -> Html;
    /// [`Words::fill`] as page text, marked like [`WordsHtml::html`].
    fn fill_html(&self, key: &str, values: &[(&str, &str)]) -> Html;
    /// The `lang` an element showing `key` needs: the fallback's, when the text is its.
    fn lang_of(&self, key: &str) -> Option<AttrValue>;
    /// `key`'s text with its `{placeholder}` shown as `value`, markup of its own (a
    /// language's name in that language's `lang`); the text alone if it has no placeholder.
    fn html_with(&self, key: &str, placeholder: &str, value: Html) -> Html;
}

impl WordsHtml for Words {
    fn html(&self, key: &str) -> Html {
        // The same marking as a course text taken from the fallback.
        marked(self, key, self.t(key).to_owned())
    }

    fn fill_html(&self, key: &str, values: &[(&str, &str)]) -> Html {
        marked(self, key, self.fill(key, values))
    }

    fn lang_of(&self, key: &str) -> Option<AttrValue> {
        self.foreign(key)
            .map(|l| AttrValue::from(l.code().to_owned()))
    }

    fn html_with(&self, key: &str, placeholder: &str, value: Html) -> Html {
        match split_at_placeholder(self.t(key), placeholder) {
            Some((before, after)) => html! {
                <>
                    { marked(self, key, before.to_owned()) }
                    { value }
                    { marked(self, key, after.to_owned()) }
                </>
            },
            None => self.html(key),
        }
    }
}

/// `text`, made from `key`'s entry, marked with the fallback's `lang` when the entry is its.
fn marked(words: &Words, key: &str, text: String) -> Html {
    plain(&Text {
        value: text,
        from: words.foreign(key),
    })
}

/// One of the app's words as a text among course texts (an option's label, an answer), in
/// the fallback's language when the learner's lacks it, so it is marked like a course text.
pub fn word_text(words: &Words, key: &str) -> Text {
    Text {
        value: words.t(key).to_owned(),
        from: words.foreign(key),
    }
}

/// [`counted`] as page text, marked like [`WordsHtml::html`].
pub fn counted_html(words: &Words, key: &str, n: usize, values: &[(&str, &str)]) -> Html {
    marked(words, key, counted(words, key, n, values))
}

/// The key of a role's name in `ui.json`.
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Employee => "role.employee",
        Role::Manager => "role.manager",
        Role::Elected => "role.elected",
    }
}

/// A counted text (`{"one": …, "other": …}` in `ui.json`) for `n`, in the category the
/// language's plural rules give `n`, with `{count}`-style placeholders filled in.
pub fn counted(words: &Words, key: &str, n: usize, values: &[(&str, &str)]) -> String {
    fill(words.counted(key, plural_category(words.lang(), n)), values)
}

/// The CLDR plural category of `n` in `lang`, as the browser's `Intl.PluralRules` knows it.
#[cfg(target_arch = "wasm32")]
pub fn plural_category(lang: Lang, n: usize) -> PluralCategory {
    let locales = js_sys::Array::of1(&lang.code().into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    let name = rules.select(n as f64).as_string().unwrap_or_default();
    PluralCategory::from_name(&name).unwrap_or(PluralCategory::Other)
}

/// Outside a browser (native unit tests) there is no `Intl`: one is "one", the rest "other".
#[cfg(not(target_arch = "wasm32"))]
pub fn plural_category(_lang: Lang, n: usize) -> PluralCategory {
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

thread_local! {
    /// `organisation.json`'s `country`, once read: each wasm module reads the file itself.
    static COUNTRY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Where the organisation is: dates and numbers are then written as each language writes them
/// there ([`Lang::format_locale`]). Set as `organisation.json` is read.
pub fn set_country(country: Option<&str>) {
    COUNTRY.with(|c| *c.borrow_mut() = country.map(str::to_owned));
}

/// The locales `Intl` formats `lang`'s dates and numbers in: the language as written in the
/// organisation's country, then the language alone should the browser not know that pair.
#[cfg(target_arch = "wasm32")]
fn format_locales(lang: Lang) -> js_sys::Array {
    let own = COUNTRY.with(|c| lang.format_locale(c.borrow().as_deref()));
    js_sys::Array::of2(&own.into(), &lang.code().into())
}

/// A date as the language writes it ("6 december 2026", "6.12.2026", "6 December 2026"), by
/// the browser's `Intl.DateTimeFormat`; ISO 8601 where there is none.
pub fn date(lang: Lang, date: Date) -> String {
    written_date(lang, date, "long")
}

/// A date as the language writes it in a table's column ("6 dec. 2026", "6.12.2026").
pub fn short_date(lang: Lang, date: Date) -> String {
    written_date(lang, date, "medium")
}

#[cfg(target_arch = "wasm32")]
fn written_date(lang: Lang, date: Date, style: &str) -> String {
    let locales = format_locales(lang);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &style.into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    // A date-only ISO string is read as midnight UTC, the day formatted in UTC above.
    let when = js_sys::Date::new(&date.to_string().into());
    format
        .format()
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &when)
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.is_empty() && s != "Invalid Date")
        .unwrap_or_else(|| date.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn written_date(_lang: Lang, date: Date, _style: &str) -> String {
    date.to_string()
}

/// A whole number as the language writes it (`12 345`, `12,345`), by `Intl.NumberFormat`.
#[cfg(target_arch = "wasm32")]
pub fn number(lang: Lang, n: usize) -> String {
    let locales = format_locales(lang);
    let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new());
    format
        .format()
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &(n as f64).into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn number(_lang: Lang, n: usize) -> String {
    n.to_string()
}

/// Every shipped language's words (`content/languages/*/ui.json`), for native tests.
#[cfg(test)]
pub fn shipped_words() -> Vec<Words> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/languages");
    let mut all = Vec::new();
    for entry in std::fs::read_dir(&root)
        .expect("content/languages")
        .flatten()
    {
        let tag = entry.file_name().to_string_lossy().into_owned();
        let Some(lang) = Lang::parse(&tag) else {
            continue;
        };
        if let Ok(text) = std::fs::read(entry.path().join("ui.json")) {
            let words = trygg_core::language::parse_words("ui.json", lang, &text)
                .expect("a shipped ui.json parses");
            all.push(words);
        }
    }
    all.sort_by_key(|w| w.lang());
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The source language's words, as shipped.
    fn source_keys() -> BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("content/languages/sv/ui.json"))
            .expect("the shipped Swedish ui.json");
        let lang = Lang::parse("sv").expect("a tag");
        let words = trygg_core::language::parse_words("ui.json", lang, text.as_bytes())
            .expect("the shipped ui.json parses");
        words.entries.iter().map(|(k, _)| k.clone()).collect()
    }

    #[test]
    fn every_key_used_in_the_source_is_in_the_shipped_words() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let known = source_keys();
        let prefixes: BTreeSet<&str> = known.iter().filter_map(|k| k.split('.').next()).collect();
        let mut missing = Vec::new();
        let mut check = |path: &str, text: &str| {
            // Every string literal shaped like `area.key` whose area is one `ui.json` uses.
            for literal in text.split('"').skip(1).step_by(2) {
                let shaped = literal.contains('.')
                    && !literal.ends_with('.')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                let area = literal.split('.').next().unwrap_or_default();
                if shaped && prefixes.contains(area) && !known.contains(literal) {
                    missing.push(format!("{path}: {literal}"));
                }
            }
        };
        for dir in ["src", "course/src", "manager/src", "pdf/src"] {
            visit(&root.join(dir), &mut check);
        }
        assert!(
            missing.is_empty(),
            "keys used but not in ui.json: {missing:?}"
        );
    }

    fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&str, &str)) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                f(&path.to_string_lossy(), &text);
            }
        }
    }
}
