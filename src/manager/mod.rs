//! The manager view (`#/manager`): a manager collects the completion files their team
//! handed in, by picker, folder or drop, and sees who is valid, due for renewal, expired or
//! flagged, per person and per unit, with CSV and JSON export. There is no server: the
//! files are checked here by the same core as `trygg verify` and `trygg roster`, and the
//! result is kept in this browser's IndexedDB until the manager clears it.

mod chart;
mod clear;
mod files;
mod import_panel;
mod refused;
mod remove;
mod session;
mod summary;
mod table;

pub use self::session::{use_sessions, Sessions};

use std::rc::Rc;

use trygg_core::content::Role;
use trygg_core::roster::{summarise, Counts, Row, Status, Summary};
use yew::prelude::*;

use self::chart::UnitChart;
use self::remove::{RemoveState, Removing};
use self::session::{Keeping, SessionHandle};
use self::table::RosterTable;
use crate::shared::browser::document;
use crate::shared::browser::roster_store::RosterStoreError;
use crate::shared::hooks::{use_confirm, use_downloads};
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;
use crate::shared::state::use_app;

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
    /// Where the session is kept: in the module's root, so it outlives this view.
    pub sessions: Sessions,
}

/// What the roster looks like at one revision; rebuilt only when files were added or
/// cleared.
struct Derived {
    rows: Shared<Vec<Row>>,
    summary: Summary,
    units: Shared<Vec<String>>,
    unit_counts: Shared<Vec<(String, Counts)>>,
}

impl Derived {
    fn of(session: &SessionHandle) -> Self {
        let rows = session.rows();
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
    }
}

#[component]
pub fn ManagerView(props: &ManagerViewProps) -> Html {
    let words = use_app().words();
    let course_id = props.course_id.to_string();
    let session = use_session(&props.sessions, &course_id, &props.content_version);
    let revision = session.borrow().revision;
    let derived = {
        let session = session.clone();
        use_memo((course_id.clone(), revision), move |_| {
            Derived::of(&session)
        })
    };
    let confirm = use_confirm("clear-roster");
    let dragging = use_state_eq(|| false);
    import_panel::use_stray_drops_refused();
    let show_all_refused = use_state(|| false);
    let removing = use_state(RemoveState::default);
    let on_remove = {
        let removing = removing.clone();
        use_callback((), move |asked: Removing, _| {
            removing.set(RemoveState::Asking(asked))
        })
    };
    let downloads = use_downloads();
    let stem = file_stem(&course_id, &words);
    let on_export_json = {
        let session = session.clone();
        let stem = stem.clone();
        let downloads = downloads.clone();
        Callback::from(move |_| {
            let json = session.roster_json();
            downloads.offer(&format!("{stem}.json"), "application/json", json.as_bytes());
        })
    };

    let s = session.borrow();
    let running = s.running();
    let people = derived.summary.total.people;
    let refused_count = s.import.refused().len();
    // Above the table; once the last person is out, where the table was.
    let removal = remove::section(&session, &removing, running, &words);

    html! {
        <>
            <p class="lead">{ words.html("manager.intro") }</p>
            <p>{ words.html("manager.privacy") }</p>
            { keeping_banner(&s.keeping, s.save_error.as_ref(), &words) }

            <h2 id="manager-import-title" tabindex="-1">{ words.html("manager.import.title") }</h2>
            { import_panel::drop_zone(&session, &dragging, &words) }
            { import_panel::progress_and_result(&s, &words) }

            if people == 0 {
                <p class="empty-roster">{ words.html(if running { "manager.empty.wait" } else { "manager.empty" }) }</p>
                // The last person taken out: the word that says so stays.
                { removal }
            } else {
                <h2>{ words.html("manager.summary.title") }</h2>
                { summary::figures(&derived.summary, s.import.roster().len(), refused_count, &words) }
                // The chart below is named by this heading (`aria-labelledby`), not by a
                // hidden copy of it that a screen reader would read twice.
                <h3 id="unit-chart-title">{ words.html("manager.chart.heading") }</h3>
                <UnitChart units={derived.unit_counts.clone()} />
                <h2>{ words.html("manager.table.title") }</h2>
                { removal }
                <RosterTable rows={derived.rows.clone()} units={derived.units.clone()}
                    file_stem={stem} on_export_json={on_export_json} {downloads}
                    {on_remove} />
            }

            if refused_count > 0 {
                { refused::list(s.import.refused(), &show_all_refused, &words) }
            }

            if people > 0 || refused_count > 0 {
                { clear::section(&session, &confirm, running, &words) }
            }
        </>
    }
}

/// The session outlives the view (an import runs on whatever happens to the page it started
/// on), so the view takes it from the root's [`use_sessions`] and subscribes to it for as
/// long as it is mounted instead of holding the state.
#[hook]
fn use_session(sessions: &Sessions, course_id: &str, content_version: &AttrValue) -> SessionHandle {
    let session = {
        let sessions = sessions.clone();
        let version = content_version.clone();
        use_memo(course_id.to_string(), move |id| {
            sessions.for_course(id, &version)
        })
    };
    let session = (*session).clone();
    let force = use_force_update();
    {
        let session = session.clone();
        use_effect_with(course_id.to_string(), move |_| {
            let notify = Callback::from(move |_| force.force_update());
            session.watch(Some(notify.clone()));
            // The saved roster may have been opened (or found missing) between the first
            // render and this effect, with no one yet to tell: render once more to catch up.
            notify.emit(());
            let session = session.clone();
            move || session.watch(None)
        });
    }
    {
        // After an import, focus moves to its result so keyboard and screen-reader users
        // land on what happened.
        let session = session.clone();
        use_effect(move || {
            if session.take_focus_result() {
                document::focus("manager-result");
            }
        });
    }
    session
}

/// The exports' file name without its ending: the course, the list in the manager's words
/// (`file.roster`) and the day, so a folder of exports sorts by course and date.
fn file_stem(course_id: &str, words: &Words) -> String {
    format!(
        "{course_id}-{}-{}",
        words.t("file.roster"),
        session::today()
    )
}

fn keeping_banner(keeping: &Keeping, save_error: Option<&RosterStoreError>, words: &Words) -> Html {
    let message = match (keeping, save_error) {
        (Keeping::Memory(_), _) => Some(words.t("manager.keeping.memory").to_owned()),
        (_, Some(RosterStoreError::Full)) => Some(words.t("manager.keeping.full").to_owned()),
        (_, Some(RosterStoreError::Unavailable(_))) => Some(words.fill(
            "manager.keeping.failed",
            &[("reason", words.t("manager.keeping.reason.unavailable"))],
        )),
        (_, Some(RosterStoreError::Failed(_))) => Some(words.fill(
            "manager.keeping.failed",
            &[("reason", words.t("manager.keeping.reason.refused"))],
        )),
        _ => None,
    };
    match message {
        Some(message) => html! { <div class="banner" role="alert"><p>{ message }</p></div> },
        None => html! {},
    }
}

/// The status word; the same words the core writes into the CSV.
pub(crate) fn status_label(status: Status, words: &Words) -> &str {
    words.t(match status {
        Status::Valid => "manager.status.valid",
        Status::RenewalDue => "manager.status.renewal_due",
        Status::Expired => "manager.status.expired",
        Status::Flagged => "manager.status.flagged",
    })
}

pub(crate) fn role_label(role: Role, words: &Words) -> &str {
    words.t(match role {
        Role::Employee => "manager.role.employee",
        Role::Manager => "manager.role.manager",
        Role::Elected => "manager.role.elected",
    })
}
