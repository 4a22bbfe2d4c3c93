//! Renders content text with `**strong**`, links and words in another language as nodes,
//! never as HTML, so no content file can inject markup. A text taken from the fallback
//! language (the shown language's file lacks it) carries that language's `lang`, so a screen
//! reader pronounces it right.

use trygg_core::content::{parse_inline, Inline, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InlineTextProps {
    pub text: AttrValue,
    /// The text's own language, when it is not the page's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

#[component]
pub fn InlineText(props: &InlineTextProps) -> Html {
    let nodes = match parse_inline(&props.text) {
        Ok(parts) => parts.into_iter().map(render).collect::<Html>(),
        // Validation rejects bad markup before this point; show the raw text if it slips by.
        Err(_) => html! { { props.text.clone() } },
    };
    match &props.lang {
        Some(lang) => html! { <span lang={lang.clone()}>{ nodes }</span> },
        None => nodes,
    }
}

fn render(part: Inline) -> Html {
    match part {
        Inline::Text(text) => html! { { text } },
        Inline::Strong(text) => html! { <strong>{ text }</strong> },
        Inline::Link { label, href } => html! {
            <a href={href} rel="noopener noreferrer">{ label }</a>
        },
        Inline::Foreign { text, lang } => html! { <span lang={lang}>{ text }</span> },
    }
}

/// A content text with its markup, in its own language when that is not the page's.
pub fn inline(text: &Text) -> Html {
    html! { <InlineText text={text.value.clone()} lang={foreign_lang(text)} /> }
}

/// A content text as plain words (a title, a name), in its own language when that is not the
/// page's.
pub fn plain(text: &Text) -> Html {
    match foreign_lang(text) {
        Some(lang) => html! { <span lang={lang}>{ text.value.clone() }</span> },
        None => html! { { text.value.clone() } },
    }
}

/// The `lang` a text needs: its own, when it came from the fallback language.
pub fn foreign_lang(text: &Text) -> Option<AttrValue> {
    text.from.map(|l| AttrValue::from(l.code().to_owned()))
}
