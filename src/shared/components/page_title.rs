//! A page's `<h1>`: the target focus moves to on navigation, and the document title.

use yew::prelude::*;

use crate::shared::browser::document;

#[derive(Properties, PartialEq)]
pub struct PageTitleProps {
    pub text: AttrValue,
    /// What the page belongs to (a module's title), for the document title only: a tab or a
    /// screen reader's page list then tells one quiz or lesson from another.
    #[prop_or_default]
    pub of: Option<AttrValue>,
    /// The heading's own language, when it came from the fallback language.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

#[component]
pub fn PageTitle(props: &PageTitleProps) -> Html {
    let text = props.text.clone();
    use_effect_with((text.clone(), props.of.clone()), |(text, of)| {
        document::set_title(&match of {
            Some(of) => format!("{text} – {of} – Trygg"),
            None => format!("{text} – Trygg"),
        });
    });
    html! { <h1 id="page-title" tabindex="-1" lang={props.lang.clone()}>{ text }</h1> }
}
