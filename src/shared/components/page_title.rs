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
    html! { <h1 id="page-title" tabindex="-1">{ text }</h1> }
}

/// Moves focus to the page heading each time a new page is ready: screen-reader and keyboard
/// users then start on the page they asked for. Not on the first page of a visit, unless
/// `focus_first` (the learner navigated here from a page rendered elsewhere).
#[hook]
pub fn use_heading_focus(route: crate::shared::route::Route, ready: bool, focus_first: bool) {
    let skip = use_mut_ref(move || !focus_first);
    use_effect_with((route, ready), move |(_, ready)| {
        if *ready && !std::mem::replace(&mut *skip.borrow_mut(), false) {
            document::focus("page-title");
        }
    });
}
