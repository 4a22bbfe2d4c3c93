//! The manager view (`#/manager`): a manager collects the completion files their team
//! handed in, by picker, folder or drop, and sees who is valid, due for renewal, expired or
//! flagged, per person and per unit, with CSV and JSON export. There is no server: the
//! files are checked here by the same core as `trygg verify` and `trygg roster`, and the
//! result is kept in this browser's IndexedDB until the manager clears it.

mod chart;
mod files;
mod reason;
mod session;
mod table;

use std::rc::Rc;

use trygg_core::content::{Lang, Role};
use trygg_core::roster::{summarise, Counts, Row, Status, Summary};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::chart::UnitChart;
use self::reason::refusal_text;
use self::session::{Keeping, Report, SharedSession};
use self::table::RosterTable;
use crate::shared::browser::document;
use crate::shared::browser::roster_store::RosterStoreError;
use crate::shared::components::confirm_box::ConfirmBox;
use crate::shared::hooks::{use_confirm, use_downloads};
use crate::shared::i18n::{fill, t};
use crate::shared::state::use_app;

/// Refused files listed before "show all": the list stays readable when a whole folder of
/// the wrong files was dropped.
const REFUSED_SHOWN: usize = 100;

/// A value shared with child components, compared by identity: the roster's rows are only
/// rebuilt when the roster changes, and comparing 10,000 rows per render would cost more
/// than the render.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The manager view's content for one course. It runs in its own wasm module (`manager/`),
/// mounted by the app's manager page, so learners never download it.
#[derive(Properties, PartialEq)]
pub struct ManagerViewProps {
    pub course_id: AttrValue,
    pub content_version: AttrValue,
}

/// What the roster looks like at one revision; rebuilt only when files were added or
/// cleared.
struct Derived {
    rows: Shared<Vec<Row>>,
    summary: Summary,
    units: Shared<Vec<String>>,
    unit_counts: Shared<Vec<(String, Counts)>>,
}

#[component]
pub fn ManagerView(props: &ManagerViewProps) -> Html {
    let lang = use_app().lang;
    let course_id = props.course_id.to_string();
    let session: Rc<SharedSession> = {
        let version = props.content_version.clone();
        use_memo(course_id.clone(), move |id| {
            session::session_for(id, &version)
        })
    };
    let force = use_force_update();
    {
        let session = session.clone();
        use_effect_with(course_id.clone(), move |_| {
            let notify = Callback::from(move |_| force.force_update());
            session::set_notify(&session, Some(notify.clone()));
            // The saved roster may have been opened (or found missing) between the first
            // render and this effect, with no one yet to tell: render once more to catch up.
            notify.emit(());
            let session = session.clone();
            move || session::set_notify(&session, None)
        });
    }
    {
        // After an import, focus moves to its result so keyboard and screen-reader users
        // land on what happened.
        let session = session.clone();
        use_effect(move || {
            let focus = std::mem::take(&mut session.borrow_mut().focus_result);
            if focus {
                document::focus("manager-result");
            }
        });
    }
    let revision = session.borrow().revision;
    let derived = {
        let session = session.clone();
        use_memo((course_id.clone(), revision), move |_| {
            let rows = session::rows(&session);
            let summary = summarise(rows.iter());
            let units: Vec<String> = summary.per_unit.keys().cloned().collect();
            let unit_counts: Vec<(String, Counts)> = summary
                .per_unit
                .iter()
                .map(|(u, c)| (u.clone(), *c))
                .collect();
            Derived {
                rows: Shared(rows),
                summary,
                units: Shared(Rc::new(units)),
                unit_counts: Shared(Rc::new(unit_counts)),
            }
        })
    };
    let confirm = use_confirm("clear-roster");
    let dragging = use_state_eq(|| false);
    let show_all_refused = use_state(|| false);

    let on_pick = |folder: bool| {
        let session = session.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let picked = files::from_input(&input, folder);
            input.set_value("");
            session::import(&session, picked);
        })
    };
    let click_input = |id: &'static str| {
        Callback::from(move |_: MouseEvent| {
            use wasm_bindgen::JsCast;
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                input.click();
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(transfer) = e.data_transfer() {
                transfer.set_drop_effect("copy");
            }
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let session = session.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let dropped = files::dropped(&e);
            let session = session.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let incoming = files::expand(dropped).await;
                session::import(&session, incoming);
            });
        })
    };
    let downloads = use_downloads();
    let on_export_json = {
        let session = session.clone();
        let stem = file_stem(&course_id);
        let downloads = downloads.clone();
        Callback::from(move |_| {
            let json = session.borrow().roster.to_json();
            downloads.offer(&format!("{stem}.json"), "application/json", json.as_bytes());
        })
    };
    let do_clear = {
        let done = confirm.done.clone();
        let session = session.clone();
        Callback::from(move |_| {
            done.emit(());
            let session = session.clone();
            wasm_bindgen_futures::spawn_local(async move {
                session::clear((*session).clone()).await;
                document::focus("manager-import-title");
            });
        })
    };
    let toggle_refused = {
        let show_all_refused = show_all_refused.clone();
        Callback::from(move |_| show_all_refused.set(!*show_all_refused))
    };

    let s = session.borrow();
    let running = s.running();
    let people = derived.summary.total.people;
    let refused_count = s.refused.len();
    let refused_shown = if *show_all_refused {
        refused_count
    } else {
        refused_count.min(REFUSED_SHOWN)
    };

    html! {
        <>
            <p class="lead">{ t(lang, "manager.intro") }</p>
            <p>{ t(lang, "manager.privacy") }</p>
            { keeping_banner(&s.keeping, s.save_error.as_ref(), lang) }

            <h2 id="manager-import-title" tabindex="-1">{ t(lang, "manager.import.title") }</h2>
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                ondragover={on_drag_over.clone()} ondragenter={on_drag_over}
                ondragleave={on_drag_leave} ondrop={on_drop}>
                <p class="drop-text">{ t(lang, "manager.import.drop") }</p>
                <p class="button-row">
                    <button type="button" class="button" onclick={click_input("manager-files")}>
                        { t(lang, "manager.import.pick_files") }
                    </button>
                    <button type="button" class="button secondary" onclick={click_input("manager-folder")}>
                        { t(lang, "manager.import.pick_folder") }
                    </button>
                </p>
                <p class="hint">{ t(lang, "manager.import.hint") }</p>
                <label for="manager-files" class="visually-hidden">{ t(lang, "manager.import.pick_files") }</label>
                <input type="file" id="manager-files" class="visually-hidden" tabindex="-1" multiple=true
                    accept=".json,.pdf,application/json,application/pdf" onchange={on_pick(false)} />
                <label for="manager-folder" class="visually-hidden">{ t(lang, "manager.import.pick_folder") }</label>
                <input type="file" id="manager-folder" class="visually-hidden" tabindex="-1" multiple=true
                    webkitdirectory=true onchange={on_pick(true)} />
            </div>

            if let Some(p) = s.progress {
                <div class="import-progress">
                    <label for="import-progress">
                        { t(lang, if p.restoring { "manager.progress.restoring" } else { "manager.progress.importing" }) }
                    </label>
                    <progress id="import-progress" max={p.total.max(1).to_string()} value={p.done.to_string()}></progress>
                    <span class="progress-count">
                        { fill(t(lang, "manager.progress.count"), &[("done", &p.done.to_string()), ("total", &p.total.to_string())]) }
                    </span>
                </div>
            }
            <div class="manager-status" role="status">
                if running {
                    <p>{ t(lang, "manager.progress.wait") }</p>
                } else if let Some(report) = s.report {
                    <div id="manager-result" class="feedback import-result" tabindex="-1">
                        <p><strong>{ t(lang, "manager.result.done") }</strong></p>
                        <p>{ report_text(&report, lang) }</p>
                        if report.refused > 0 {
                            <p><a href="#refused-title" onclick={focus_link("refused-title")}>{ t(lang, "manager.result.see_refused") }</a></p>
                        }
                    </div>
                }
            </div>

            if people == 0 {
                <p class="empty-roster">{ t(lang, if running { "manager.empty.wait" } else { "manager.empty" }) }</p>
            } else {
                <h2>{ t(lang, "manager.summary.title") }</h2>
                { summary_figures(&derived.summary, s.roster.len(), refused_count, lang) }
                <h3>{ t(lang, "manager.chart.heading") }</h3>
                <UnitChart units={derived.unit_counts.clone()} />
                <h2>{ t(lang, "manager.table.title") }</h2>
                <RosterTable rows={derived.rows.clone()} units={derived.units.clone()}
                    file_stem={file_stem(&course_id)} on_export_json={on_export_json} {downloads} />
            }

            if refused_count > 0 {
                <h2 id="refused-title" tabindex="-1">
                    { fill(t(lang, "manager.refused.title"), &[("count", &refused_count.to_string())]) }
                </h2>
                <p>{ t(lang, "manager.refused.intro") }</p>
                <ul class="refused-list">
                    { for s.refused.iter().take(refused_shown).map(|r| html! {
                        <li>
                            <span class="refused-name">{ &r.file_name }</span>
                            <span class="refused-reason">{ refusal_text(&r.reason, lang) }</span>
                        </li>
                    }) }
                </ul>
                if refused_count > REFUSED_SHOWN {
                    <p>
                        <button type="button" class="button secondary small" onclick={toggle_refused}>
                            { if *show_all_refused {
                                t(lang, "manager.refused.show_fewer").to_owned()
                            } else {
                                fill(t(lang, "manager.refused.show_all"), &[("count", &refused_count.to_string())])
                            } }
                        </button>
                    </p>
                }
            }

            if people > 0 || refused_count > 0 {
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
            }
        </>
    }
}

/// An in-page link must not change the hash (that is our router): move focus instead.
fn focus_link(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        document::focus(id);
    })
}

fn file_stem(course_id: &str) -> String {
    format!("{course_id}-roster-{}", session::today())
}

fn keeping_banner(keeping: &Keeping, save_error: Option<&RosterStoreError>, lang: Lang) -> Html {
    let message = match (keeping, save_error) {
        (Keeping::Memory(_), _) => Some(t(lang, "manager.keeping.memory").to_owned()),
        (_, Some(RosterStoreError::Full)) => Some(t(lang, "manager.keeping.full").to_owned()),
        (_, Some(RosterStoreError::Unavailable(_))) => Some(fill(
            t(lang, "manager.keeping.failed"),
            &[("reason", t(lang, "manager.keeping.reason.unavailable"))],
        )),
        (_, Some(RosterStoreError::Failed(_))) => Some(fill(
            t(lang, "manager.keeping.failed"),
            &[("reason", t(lang, "manager.keeping.reason.refused"))],
        )),
        _ => None,
    };
    match message {
        Some(message) => html! { <div class="banner" role="alert"><p>{ message }</p></div> },
        None => html! {},
    }
}

fn report_text(report: &Report, lang: Lang) -> String {
    let mut text = fill(
        t(lang, "manager.result.counts"),
        &[
            ("files", &report.files.to_string()),
            ("accepted", &report.accepted.to_string()),
            ("duplicates", &report.duplicates.to_string()),
            ("refused", &report.refused.to_string()),
        ],
    );
    if report.edited > 0 {
        text.push(' ');
        text.push_str(&fill(
            t(lang, "manager.result.edited"),
            &[("count", &report.edited.to_string())],
        ));
    }
    text
}

fn summary_figures(summary: &Summary, certificates: usize, refused: usize, lang: Lang) -> Html {
    let total = &summary.total;
    let figure = |key: &'static str, value: usize, class: &'static str| {
        html! {
            <li class={classes!("figure", class)}>
                <span class="figure-value">{ value }</span>
                <span class="figure-label">{ t(lang, key) }</span>
            </li>
        }
    };
    html! {
        <>
            <ul class="summary-figures" id="manager-summary">
                { figure("manager.summary.people", total.people, "people") }
                { figure("manager.summary.valid", total.valid, "valid") }
                { figure("manager.summary.renewal_due", total.renewal_due, "renewal_due") }
                { figure("manager.summary.expired", total.expired, "expired") }
                { figure("manager.summary.flagged", total.flagged, "flagged") }
            </ul>
            <p class="hint">
                { fill(t(lang, "manager.summary.files"), &[("certificates", &certificates.to_string()), ("refused", &refused.to_string())]) }
            </p>
        </>
    }
}

/// The status word; the same words the core writes into the CSV.
pub(crate) fn status_label(status: Status, lang: Lang) -> &'static str {
    t(
        lang,
        match status {
            Status::Valid => "manager.status.valid",
            Status::RenewalDue => "manager.status.renewal_due",
            Status::Expired => "manager.status.expired",
            Status::Flagged => "manager.status.flagged",
        },
    )
}

pub(crate) fn role_label(role: Role, lang: Lang) -> &'static str {
    t(
        lang,
        match role {
            Role::Employee => "manager.role.employee",
            Role::Manager => "manager.role.manager",
            Role::Elected => "manager.role.elected",
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table and the CSV must not disagree on what a status is called.
    #[test]
    fn status_words_match_the_csv() {
        crate::shared::i18n::use_areas(&[&crate::shared::i18n::MANAGER]);
        for lang in Lang::ALL {
            for status in Status::ALL {
                assert_eq!(status_label(status, lang), status.label(lang));
            }
        }
    }
}
