//! Clearing the list, behind a confirm box: what this browser keeps cannot be brought back,
//! only imported again.

use trygg_core::content::Lang;
use yew::prelude::*;

use super::session::{self, SharedSession};
use crate::shared::browser::document;
use crate::shared::components::confirm_box::ConfirmBox;
use crate::shared::hooks::Confirm;
use crate::shared::i18n::t;

pub fn section(session: &SharedSession, confirm: &Confirm, running: bool, lang: Lang) -> Html {
    let do_clear = {
        let done = confirm.done.clone();
        let session = session.clone();
        Callback::from(move |_| {
            done.emit(());
            let session = session.clone();
            wasm_bindgen_futures::spawn_local(async move {
                session::clear(session).await;
                document::focus("manager-import-title");
            });
        })
    };
    html! {
        <>
            <h2>{ t(lang, "manager.clear.title") }</h2>
            <p>{ t(lang, "manager.clear.text") }</p>
            if confirm.shown {
                <ConfirmBox id="confirm-clear" title={t(lang, "manager.clear.confirm_title")} text={t(lang, "manager.clear.confirm_text")}
                    yes={t(lang, "manager.clear.yes")} no={t(lang, "manager.clear.no")} on_yes={do_clear} on_no={confirm.cancel.clone()} />
            } else {
                <p>
                    <button type="button" id="clear-roster" class="button secondary" disabled={running} onclick={confirm.ask.clone()}>
                        { t(lang, "manager.clear.button") }
                    </button>
                </p>
            }
        </>
    }
}
