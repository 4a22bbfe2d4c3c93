//! "Are you sure?" before something that cannot be undone (deleting progress, clearing the
//! roster): a labelled alert dialog in the page flow, with the safe choice last.

use yew::prelude::*;

/// Whether a page's confirm box is showing, and the callbacks around it.
pub struct Confirm {
    pub shown: bool,
    /// Shows the box (the trigger button's `onclick`).
    pub ask: Callback<MouseEvent>,
    /// Hides the box and sends focus back to the trigger button ("no").
    pub cancel: Callback<MouseEvent>,
    /// Hides the box once the action was confirmed (call from the "yes" handler).
    pub done: Callback<()>,
}

/// The state behind a [`ConfirmBox`] shown in place of the button with id `trigger`.
#[hook]
pub fn use_confirm(trigger: &'static str) -> Confirm {
    let shown = use_state(|| false);
    let set = |value: bool| {
        let shown = shown.clone();
        move || shown.set(value)
    };
    let (show, hide, hide_too) = (set(true), set(false), set(false));
    Confirm {
        shown: *shown,
        ask: Callback::from(move |_| show()),
        cancel: Callback::from(move |_| {
            hide();
            crate::course::quiz::focus_soon(trigger);
        }),
        done: Callback::from(move |_| hide_too()),
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmBoxProps {
    /// Prefix for the element ids; the title gets `{id}-title` and takes focus when shown.
    pub id: AttrValue,
    pub title: AttrValue,
    pub text: AttrValue,
    pub yes: AttrValue,
    pub no: AttrValue,
    pub on_yes: Callback<MouseEvent>,
    pub on_no: Callback<MouseEvent>,
}

#[component]
pub fn ConfirmBox(props: &ConfirmBoxProps) -> Html {
    let title_id = format!("{}-title", props.id);
    let text_id = format!("{}-text", props.id);
    {
        let title_id = title_id.clone();
        use_effect_with((), move |_| {
            crate::shared::browser::document::focus(&title_id)
        });
    }
    html! {
        <div class="confirm-box" role="alertdialog" aria-labelledby={title_id.clone()} aria-describedby={text_id.clone()}>
            <p id={title_id} tabindex="-1"><strong>{ props.title.clone() }</strong></p>
            <p id={text_id}>{ props.text.clone() }</p>
            <p class="button-row">
                <button type="button" class="button danger" onclick={props.on_yes.clone()}>{ props.yes.clone() }</button>
                <button type="button" class="button secondary" onclick={props.on_no.clone()}>{ props.no.clone() }</button>
            </p>
        </div>
    }
}
