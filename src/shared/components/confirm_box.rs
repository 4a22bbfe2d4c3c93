//! "Are you sure?" before something that cannot be undone (deleting progress, clearing the
//! roster): a labelled alert dialog in the page flow, with the safe choice last.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmBoxProps {
    /// Prefix for the element ids; the title gets `{id}-title` and takes focus when shown.
    pub id: AttrValue,
    pub title: AttrValue,
    pub text: AttrValue,
    pub yes: AttrValue,
    pub no: AttrValue,
    pub on_yes: Callback<MouseEvent>,
    /// "No": the button, or Escape anywhere in the box, as in a dialog.
    pub on_no: Callback<()>,
    /// "Yes" cannot be done just now (an import began while the box was open): its button is
    /// disabled until it can, rather than doing nothing when pressed.
    #[prop_or_default]
    pub busy: bool,
    /// Why "yes" waits, shown under the buttons while `busy`.
    #[prop_or_default]
    pub waiting: AttrValue,
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
    let onkeydown = {
        let on_no = props.on_no.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_no.emit(());
            }
        })
    };
    html! {
        <div class="confirm-box" role="alertdialog" aria-labelledby={title_id.clone()} aria-describedby={text_id.clone()} {onkeydown}>
            <p id={title_id} tabindex="-1"><strong>{ props.title.clone() }</strong></p>
            <p id={text_id}>{ props.text.clone() }</p>
            <p class="button-row">
                <button type="button" class="button danger" disabled={props.busy} onclick={props.on_yes.clone()}>{ props.yes.clone() }</button>
                <button type="button" class="button secondary" onclick={props.on_no.reform(|_: MouseEvent| ())}>{ props.no.clone() }</button>
            </p>
            <p class="hint" role="status">
                if props.busy {
                    { props.waiting.clone() }
                }
            </p>
        </div>
    }
}
