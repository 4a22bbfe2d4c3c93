//! The manager view's page in the app: its heading, and a container into which the manager
//! module (a separate wasm, `manager/`) is mounted on first visit. Learners never fetch it.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::browser::lazy::{call_export, load_module};
use crate::components::page_title::PageTitle;
use crate::i18n::{fill, t};
use crate::state::use_app;

#[derive(Clone, PartialEq)]
enum Mount {
    Loading,
    Mounted,
    Failed(String),
}

#[component]
pub fn ManagerPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let root = use_node_ref();
    let mount = use_state(|| Mount::Loading);

    {
        let root = root.clone();
        let mount = mount.clone();
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            if let Some(element) = root.get() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match load_module("tryggManager", "trygg_manager.js").await {
                        Ok(module) => {
                            call_export(&module, "mount", &[element.into(), lang.code().into()])
                                .map(|_| ())
                        }
                        Err(e) => Err(e),
                    };
                    mount.set(match result {
                        Ok(()) => Mount::Mounted,
                        Err(e) => Mount::Failed(e),
                    });
                });
            }
            || {
                wasm_bindgen_futures::spawn_local(async {
                    if let Ok(module) = load_module("tryggManager", "trygg_manager.js").await {
                        let _ = call_export(&module, "unmount", &[JsValue::NULL]);
                    }
                });
            }
        });
    }

    html! {
        <section class="page manager">
            <PageTitle text={t(lang, "page.manager")} />
            { match &*mount {
                Mount::Loading => html! { <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{ t(lang, "manager.loading") }</p> },
                Mount::Mounted => html! {},
                Mount::Failed(reason) => html! {
                    <p class="feedback bad" role="alert">{ fill(t(lang, "manager.load_failed"), &[("reason", reason)]) }</p>
                },
            } }
            <div class="manager-root" ref={root}></div>
        </section>
    }
}
