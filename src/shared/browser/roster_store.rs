//! Keeps the manager's imported roster in IndexedDB, so a folder of thousands of completion
//! files survives a reload without being picked again. localStorage is too small for that
//! (a few megabytes, synchronous), so this is the one place the app uses IndexedDB.
//!
//! The store is deliberately dumb: one object store of strings (the page decides what they
//! mean), written in one transaction per batch. Every failure (blocked storage, private
//! mode, a full quota) comes back as a value, so the page can fall back to memory.

use std::fmt;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{EventTarget, IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransactionMode};

const STORE: &str = "files";
const VERSION: u32 = 1;

/// Why the store could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterStoreError {
    /// The browser offers no IndexedDB here (disabled, sandboxed frame, some private modes).
    Unavailable(String),
    /// The browser's storage quota is used up.
    Full,
    /// Any other refusal, with the browser's own words.
    Failed(String),
}

impl fmt::Display for RosterStoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RosterStoreError::Unavailable(why) => write!(f, "IndexedDB is unavailable: {why}"),
            RosterStoreError::Full => f.write_str("the storage quota is used up"),
            RosterStoreError::Failed(why) => write!(f, "IndexedDB refused: {why}"),
        }
    }
}

/// One course's roster database, `trygg-<course_id>-roster`, so two courses served from the
/// same site never mix their rosters.
#[derive(Clone)]
pub struct RosterStore {
    db: IdbDatabase,
    course_id: String,
}

impl PartialEq for RosterStore {
    fn eq(&self, other: &Self) -> bool {
        self.db == other.db
    }
}

impl RosterStore {
    /// Opens (creating on first use) the course's roster database.
    pub async fn open(course_id: &str) -> Result<RosterStore, RosterStoreError> {
        let unavailable = |why: &str| RosterStoreError::Unavailable(why.to_owned());
        let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
        let factory = window
            .indexed_db()
            .map_err(|e| RosterStoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| unavailable("no indexedDB"))?;
        let request = factory
            .open_with_u32(&format!("trygg-{course_id}-roster"), VERSION)
            .map_err(|e| RosterStoreError::Unavailable(describe(&e)))?;
        // Runs before `success` when the database is new: create the one object store.
        let upgrade_request = request.clone();
        let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let Some(db) = upgrade_request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            else {
                return;
            };
            if !db.object_store_names().contains(STORE) {
                let params = IdbObjectStoreParameters::new();
                params.set_auto_increment(true);
                let _ = db.create_object_store_with_optional_parameters(STORE, &params);
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let outcome = wait(&request, "success", &["error", "blocked"]).await;
        request.set_onupgradeneeded(None);
        drop(on_upgrade);
        if let Err(event) = outcome {
            return Err(RosterStoreError::Unavailable(request_error(
                &request, &event,
            )));
        }
        let db = request
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            .ok_or_else(|| unavailable("the database did not open"))?;
        Ok(RosterStore {
            db,
            course_id: course_id.to_owned(),
        })
    }

    /// Adds `values` in one transaction: all are kept or none, and one commit per batch
    /// keeps a 10,000-file import from costing 10,000 disk flushes.
    pub async fn put_all(&self, values: &[String]) -> Result<(), RosterStoreError> {
        if values.is_empty() {
            return Ok(());
        }
        self.write(values, false).await
    }

    /// Replaces everything stored for the course with `values`, in one transaction: a page
    /// closed halfway keeps the old values, never none.
    pub async fn replace_all(&self, values: &[String]) -> Result<(), RosterStoreError> {
        self.write(values, true).await
    }

    /// Removes everything stored for the course.
    pub async fn clear(&self) -> Result<(), RosterStoreError> {
        self.write(&[], true).await
    }

    /// `values` added, after everything stored is removed when `replace`, in one transaction;
    /// the other tabs are told once it is done.
    async fn write(&self, values: &[String], replace: bool) -> Result<(), RosterStoreError> {
        let tx = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(|e| failed(&e))?;
        let store = tx.object_store(STORE).map_err(|e| failed(&e))?;
        if replace {
            store.clear().map_err(|e| failed(&e))?;
        }
        for value in values {
            store
                .put(&JsValue::from_str(value))
                .map_err(|e| failed(&e))?;
        }
        match wait(&tx, "complete", &["error", "abort"]).await {
            Ok(()) => {
                announce_change(&self.course_id);
                Ok(())
            }
            Err(_) => Err(match tx.error() {
                Some(e) if e.name() == "QuotaExceededError" => RosterStoreError::Full,
                Some(e) => RosterStoreError::Failed(format!("{}: {}", e.name(), e.message())),
                None => RosterStoreError::Failed("the transaction was aborted".to_owned()),
            }),
        }
    }

    /// Every value stored, in the order it was added.
    pub async fn get_all(&self) -> Result<Vec<String>, RosterStoreError> {
        let tx = self
            .db
            .transaction_with_str(STORE)
            .map_err(|e| failed(&e))?;
        let request = tx
            .object_store(STORE)
            .and_then(|s| s.get_all())
            .map_err(|e| failed(&e))?;
        if let Err(event) = wait(&request, "success", &["error"]).await {
            return Err(RosterStoreError::Failed(request_error(&request, &event)));
        }
        let result = request.result().map_err(|e| failed(&e))?;
        let values = result
            .dyn_into::<Array>()
            .map_err(|_| RosterStoreError::Failed("getAll gave no array".to_owned()))?;
        Ok(values.iter().filter_map(|v| v.as_string()).collect())
    }
}

/// The localStorage key through which a tab tells the others that the course's roster
/// changed: IndexedDB says nothing to other tabs, a `storage` event does.
fn changed_key(course_id: &str) -> String {
    format!("trygg:roster-changed:{course_id}")
}

/// Tells the course's other open tabs that its stored roster changed ([`watch_changes`]).
/// Where localStorage is blocked they are not told, and show what they had until reloaded.
fn announce_change(course_id: &str) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    // A value of its own each time: the same value written again tells no one.
    let stamp = format!(
        "{}-{}",
        crate::shared::browser::clock::now_ms(),
        js_sys::Math::random()
    );
    let _ = storage.set_item(&changed_key(course_id), &stamp);
}

/// Calls `changed` each time another tab of this browser changes the course's stored
/// roster (an import stored, the list cleared), until the returned listener is dropped.
pub fn watch_changes(
    course_id: &str,
    changed: impl Fn() + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    let key = changed_key(course_id);
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |event| {
            let ours = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(|e| e.key())
                .is_some_and(|k| k == key);
            if ours {
                changed();
            }
        },
    ))
}

type Listener = Closure<dyn FnMut(JsValue)>;

/// Resolves when `target` fires `ok`, fails with the event when it fires one of `bad`. The
/// listeners are removed again, so nothing is leaked per request.
async fn wait(target: &EventTarget, ok: &str, bad: &[&str]) -> Result<(), JsValue> {
    let mut listeners: Vec<(String, Listener)> = Vec::new();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_ok = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &event);
        });
        listeners.push((ok.to_owned(), on_ok));
        for name in bad {
            let reject = reject.clone();
            let on_bad = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &event);
            });
            listeners.push(((*name).to_owned(), on_bad));
        }
    });
    for (name, listener) in &listeners {
        let _ = target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    let outcome = JsFuture::from(promise).await;
    for (name, listener) in &listeners {
        let _ = target.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    outcome.map(|_| ())
}

fn failed(error: &JsValue) -> RosterStoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => RosterStoreError::Full,
        _ => RosterStoreError::Failed(describe(error)),
    }
}

fn request_error(request: &IdbRequest, event: &JsValue) -> String {
    match request.error() {
        Ok(Some(e)) => format!("{}: {}", e.name(), e.message()),
        _ => js_sys::Reflect::get(event, &JsValue::from_str("type"))
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_else(|| "unknown error".to_owned()),
    }
}

fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(error, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Resolves after a zero-delay timeout: long jobs `await` it between batches so the page
/// keeps painting and answering clicks while they run.
pub async fn next_tick() {
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let scheduled = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0)
        });
        if !matches!(scheduled, Some(Ok(_))) {
            // No timer to wait for: carry on at once rather than hang.
            if let Ok(f) = callback.dyn_into::<Function>() {
                let _ = f.call0(&JsValue::NULL);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}
