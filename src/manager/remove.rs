//! Taking one person out of the list (a colleague from another unit imported by mistake):
//! a button on each row, an "are you sure?" above the table, and a word on what happened,
//! which takes the focus. Clearing the whole list is `clear`.

use std::hash::{DefaultHasher, Hash, Hasher};

use yew::prelude::*;

use super::session::SessionHandle;
use crate::shared::browser::document;
use crate::shared::components::confirm_box::ConfirmBox;
use crate::shared::i18n::Words;

/// The person a remove button was pressed for, until the manager answers.
#[derive(Clone, PartialEq)]
pub struct Removing {
    pub person_key: AttrValue,
    pub name: AttrValue,
}

/// Where the page is in taking a person out.
#[derive(Clone, PartialEq, Default)]
pub enum RemoveState {
    #[default]
    Idle,
    Asking(Removing),
    /// Done: the name, for the word that says so.
    Removed(AttrValue),
}

/// The id of a row's remove button, so "cancel" can give it the focus back.
pub fn button_id(person_key: &str) -> String {
    let mut hasher = DefaultHasher::new();
    person_key.hash(&mut hasher);
    format!("remove-{:x}", hasher.finish())
}

/// The button on a row; `ask` opens the question for it.
pub fn button(removing: Removing, ask: &Callback<Removing>, words: &Words) -> Html {
    let label = words.fill("manager.remove.label", &[("name", removing.name.as_str())]);
    let id = button_id(&removing.person_key);
    let onclick = ask.reform(move |_: MouseEvent| removing.clone());
    html! {
        <button type="button" class="button secondary small remove-person" {id} aria-label={label} {onclick}>
            { words.t("manager.remove.button").to_owned() }
        </button>
    }
}

/// The question while one is open, the word once a person is out; nothing otherwise.
/// `busy`: an import runs, and "yes" waits for it.
pub fn section(
    session: &SessionHandle,
    state: &UseStateHandle<RemoveState>,
    busy: bool,
    words: &Words,
) -> Html {
    match &**state {
        RemoveState::Idle => html! {},
        RemoveState::Removed(name) => html! {
            <p id="remove-done" class="remove-done" role="status" tabindex="-1">
                { words.fill("manager.remove.done", &[("name", name.as_str())]) }
            </p>
        },
        RemoveState::Asking(removing) => {
            let on_yes = {
                let (session, state, removing) = (session.clone(), state.clone(), removing.clone());
                Callback::from(move |_| {
                    let (session, state, removing) =
                        (session.clone(), state.clone(), removing.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if session.remove_person(&removing.person_key).await {
                            state.set(RemoveState::Removed(removing.name.clone()));
                            document::focus_soon("remove-done");
                        } else {
                            state.set(RemoveState::Idle);
                            document::focus_soon(button_id(&removing.person_key));
                        }
                    });
                })
            };
            let on_no = {
                let (state, id) = (state.clone(), button_id(&removing.person_key));
                Callback::from(move |_| {
                    state.set(RemoveState::Idle);
                    document::focus_soon(&id);
                })
            };
            let name = [("name", removing.name.as_str())];
            html! {
                <ConfirmBox id="confirm-remove" title={words.fill("manager.remove.confirm_title", &name)}
                    text={words.t("manager.remove.confirm_text").to_owned()}
                    yes={words.t("manager.remove.yes").to_owned()} no={words.t("manager.remove.no").to_owned()}
                    {on_yes} {on_no} {busy} waiting={words.t("manager.import.wait_to_confirm").to_owned()} />
            }
        }
    }
}
