//! A page's `<h1>`: the target focus moves to on navigation, and the document title.

use yew::prelude::*;

use crate::browser::document;

#[derive(Properties, PartialEq)]
pub struct PageTitleProps {
    pub text: AttrValue,
}

#[component]
pub fn PageTitle(props: &PageTitleProps) -> Html {
    let text = props.text.clone();
    use_effect_with(text.clone(), |text| {
        document::set_title(&format!("{text} – Trygg"));
    });
    html! { <h1 id="page-title" tabindex="-1">{ text }</h1> }
}
