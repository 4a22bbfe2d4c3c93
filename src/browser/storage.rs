//! Browser storage that never throws: localStorage or sessionStorage when they work,
//! memory when they are blocked. Every failure is a value the UI can show.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Where data is being kept; the UI warns unless it is `Local`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// Kept across browser restarts.
    Local,
    /// Kept until the tab closes (shared computers).
    Session,
    /// Storage is blocked or unavailable: kept only while the page is open.
    Memory,
}

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's storage quota is used up.
    Full,
    /// Any other refusal (policy, private mode, sandbox).
    Refused(String),
}

/// A key-value area: the real browser storage, or memory as the fallback.
#[derive(Clone)]
pub struct KeyValueStore {
    persistence: Persistence,
    backend: Backend,
}

#[derive(Clone)]
enum Backend {
    Web(web_sys::Storage),
    Memory(Rc<RefCell<BTreeMap<String, String>>>),
}

impl PartialEq for KeyValueStore {
    fn eq(&self, other: &Self) -> bool {
        self.persistence == other.persistence
    }
}

const PROBE_KEY: &str = "trygg:probe";

impl KeyValueStore {
    /// Opens localStorage (or sessionStorage when `session_only`), proving it works with a
    /// test write first: a blocked storage throws instead of returning an error.
    pub fn open(session_only: bool) -> KeyValueStore {
        let wanted = if session_only {
            Persistence::Session
        } else {
            Persistence::Local
        };
        match probe(session_only) {
            Some(storage) => KeyValueStore {
                persistence: wanted,
                backend: Backend::Web(storage),
            },
            None => KeyValueStore::memory(),
        }
    }

    /// A store that lives only as long as the page; used when storage is blocked, and in tests.
    pub fn memory() -> KeyValueStore {
        KeyValueStore {
            persistence: Persistence::Memory,
            backend: Backend::Memory(Rc::default()),
        }
    }

    pub fn persistence(&self) -> Persistence {
        self.persistence
    }

    pub fn get(&self, key: &str) -> Option<String> {
        match &self.backend {
            Backend::Web(s) => s.get_item(key).ok().flatten(),
            Backend::Memory(m) => m.borrow().get(key).cloned(),
        }
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Web(s) => s.set_item(key, value).map_err(classify),
            Backend::Memory(m) => {
                m.borrow_mut().insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    pub fn remove(&self, key: &str) {
        match &self.backend {
            Backend::Web(s) => {
                let _ = s.remove_item(key);
            }
            Backend::Memory(m) => {
                m.borrow_mut().remove(key);
            }
        }
    }
}

fn probe(session_only: bool) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    let storage = if session_only {
        window.session_storage()
    } else {
        window.local_storage()
    };
    let storage = storage.ok().flatten()?;
    storage.set_item(PROBE_KEY, "1").ok()?;
    storage.remove_item(PROBE_KEY).ok()?;
    Some(storage)
}

fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    use wasm_bindgen::JsCast;
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.name()))
        })
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else {
        StorageError::Refused(name)
    }
}

/// Asks the browser not to evict our data under storage pressure. Best effort.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        if let Ok(promise) = window.navigator().storage().persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
