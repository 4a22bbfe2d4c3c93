//! Browser storage that never throws: localStorage or sessionStorage when they work,
//! memory when they are blocked. Every failure is a value the UI can show.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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
    /// A plain object the page's wasm modules hand to each other, so each of them (separate
    /// wasm instances) see the same data.
    Memory(Object),
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

    /// A store that lives only as long as the page; used when storage is blocked.
    pub fn memory() -> KeyValueStore {
        KeyValueStore {
            persistence: Persistence::Memory,
            backend: Backend::Memory(page_memory()),
        }
    }

    pub fn persistence(&self) -> Persistence {
        self.persistence
    }

    pub fn get(&self, key: &str) -> Option<String> {
        match &self.backend {
            Backend::Web(s) => s.get_item(key).ok().flatten(),
            Backend::Memory(m) => Reflect::get(m, &key.into())
                .ok()
                .and_then(|v| v.as_string()),
        }
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Web(s) => s.set_item(key, value).map_err(classify),
            Backend::Memory(m) => Reflect::set(m, &key.into(), &value.into())
                .map(|_| ())
                .map_err(classify),
        }
    }

    /// Every key in the area (for finding backups).
    pub fn keys(&self) -> Vec<String> {
        match &self.backend {
            Backend::Web(s) => (0..s.length().unwrap_or(0))
                .filter_map(|i| s.key(i).ok().flatten())
                .collect(),
            Backend::Memory(m) => Object::keys(m)
                .iter()
                .filter_map(|k| k.as_string())
                .collect(),
        }
    }

    pub fn remove(&self, key: &str) {
        match &self.backend {
            Backend::Web(s) => {
                let _ = s.remove_item(key);
            }
            Backend::Memory(m) => {
                let _ = Reflect::delete_property(m, &key.into());
            }
        }
    }
}

/// The page's one memory area, handed from module to module.
fn page_memory() -> Object {
    super::page_areas::page_areas().memory
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

fn classify(error: JsValue) -> StorageError {
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
