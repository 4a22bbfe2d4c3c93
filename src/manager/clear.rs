//! Clearing the list, behind a confirm box: what this browser keeps cannot be brought back,
//! only imported again.

use yew::prelude::*;

use super::session::SessionHandle;
use crate::shared::browser::document;
use crate::shared::components::confirm_box::ConfirmBox;
use crate::shared::hooks::Confirm;
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;

pub fn section(session: &SessionHandle, confirm: &Confirm, running: bool, words: &Words) -> Html {
    let do_clear = {
        let done = confirm.done.clone();
        let session = session.clone();
        Callback::from(move |_| {
            done.emit(());
            let session = session.clone();
            wasm_bindgen_futures::spawn_local(async move {
                session.clear().await;
                document::focus("manager-import-title");
            });
        })
    };
    html! {
        <>
            <h2>{ words.html("manager.clear.title") }</h2>
            <p>{ words.html("manager.clear.text") }</p>
            if confirm.shown {
                <ConfirmBox id="confirm-clear" title={words.t("manager.clear.confirm_title").to_owned()} text={words.t("manager.clear.confirm_text").to_owned()}
                    yes={words.t("manager.clear.yes").to_owned()} no={words.t("manager.clear.no").to_owned()} on_yes={do_clear} on_no={confirm.cancel.clone()}
                    busy={running} waiting={words.t("manager.import.wait_to_confirm").to_owned()} />
            } else {
                <p>
                    <button type="button" id="clear-roster" class="button secondary" onclick={confirm.ask.clone()}>
                        { words.html("manager.clear.button") }
                    </button>
                </p>
            }
        </>
    }
}
