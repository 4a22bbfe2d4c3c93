//! Renders content text with `**strong**` and links as nodes, never as HTML, so no content
//! file can inject markup.

use trygg_core::content::{parse_inline, Inline};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InlineTextProps {
    pub text: AttrValue,
}

#[component]
pub fn InlineText(props: &InlineTextProps) -> Html {
    match parse_inline(&props.text) {
        Ok(parts) => parts.into_iter().map(render).collect::<Html>(),
        // Validation rejects bad markup before this point; show the raw text if it slips by.
        Err(_) => html! { { props.text.clone() } },
    }
}

fn render(part: Inline) -> Html {
    match part {
        Inline::Text(text) => html! { { text } },
        Inline::Strong(text) => html! { <strong>{ text }</strong> },
        Inline::Link { label, href } => html! {
            <a href={href} rel="noopener noreferrer">{ label }</a>
        },
    }
}
