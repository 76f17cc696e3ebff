//! Device storage: `localStorage` through gloo-storage when the browser allows it, memory otherwise.
//!
//! `gloo-storage` throws out of wasm when `window.localStorage` is null (Android WebView without DOM
//! storage) or throws (blocked storage), so `Store::open` probes it first with a test write and falls
//! back to an in-memory map. Values are JSON; every key is prefixed with `anxin.`.

use super::{describe, PlatformError};
use gloo_storage::{errors::StorageError, LocalStorage, Storage as _};
use serde::{de::DeserializeOwned, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

const PREFIX: &str = "anxin.";
const PROBE_KEY: &str = "anxin.probe";

#[derive(Debug)]
enum Backend {
    Local,
    Memory(Mutex<HashMap<String, String>>),
}

/// Where the app keeps what it remembers. Cheap to clone; holds no JS value, so it can be shared
/// through Leptos context.
#[derive(Debug, Clone)]
pub struct Store {
    backend: Arc<Backend>,
}

impl Store {
    /// Opens `localStorage` if a test write succeeds, otherwise a memory store.
    pub fn open() -> Store {
        let backend = if probe_local_storage() {
            Backend::Local
        } else {
            Backend::Memory(Mutex::default())
        };
        Store {
            backend: Arc::new(backend),
        }
    }

    /// A store that keeps everything in memory only (tests, or storage known to be unusable).
    pub fn memory() -> Store {
        Store {
            backend: Arc::new(Backend::Memory(Mutex::default())),
        }
    }

    /// Whether values survive a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(*self.backend, Backend::Local)
    }

    /// Reads and decodes `key`; `Ok(None)` when absent, `Err(Corrupt)` when unreadable.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, PlatformError> {
        let full = format!("{PREFIX}{key}");
        match &*self.backend {
            Backend::Local => match LocalStorage::get::<T>(&full) {
                Ok(v) => Ok(Some(v)),
                Err(StorageError::KeyNotFound(_)) => Ok(None),
                Err(StorageError::SerdeError(e)) => Err(PlatformError::Corrupt {
                    key: key.to_owned(),
                    detail: e.to_string(),
                }),
                Err(StorageError::JsError(e)) => Err(PlatformError::Storage(e.to_string())),
            },
            Backend::Memory(map) => match lock(map).get(&full) {
                None => Ok(None),
                Some(text) => {
                    serde_json::from_str(text)
                        .map(Some)
                        .map_err(|e| PlatformError::Corrupt {
                            key: key.to_owned(),
                            detail: e.to_string(),
                        })
                }
            },
        }
    }

    /// Encodes and writes `value` under `key`.
    pub fn set<T: Serialize>(&self, key: &str, value: &T) -> Result<(), PlatformError> {
        let full = format!("{PREFIX}{key}");
        match &*self.backend {
            Backend::Local => LocalStorage::set(&full, value).map_err(|e| match e {
                StorageError::JsError(js) if js.name == "QuotaExceededError" => {
                    PlatformError::QuotaExceeded
                }
                other => PlatformError::Storage(other.to_string()),
            }),
            Backend::Memory(map) => {
                let text = serde_json::to_string(value)
                    .map_err(|e| PlatformError::Storage(e.to_string()))?;
                lock(map).insert(full, text);
                Ok(())
            }
        }
    }

    /// Removes `key` (absent keys are fine).
    pub fn remove(&self, key: &str) {
        let full = format!("{PREFIX}{key}");
        match &*self.backend {
            Backend::Local => LocalStorage::delete(&full),
            Backend::Memory(map) => {
                lock(map).remove(&full);
            }
        }
    }
}

/// The memory map; a poisoned lock (a panic while writing) still holds usable data.
fn lock(map: &Mutex<HashMap<String, String>>) -> MutexGuard<'_, HashMap<String, String>> {
    map.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether `localStorage` exists and accepts a write and a read-back.
fn probe_local_storage() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // Each step can throw (SecurityError when storage is blocked) or give null (WebView without
    // DOM storage); any of them means "use memory".
    let storage = match window.local_storage() {
        Ok(Some(s)) => s,
        Ok(None) => return false,
        Err(e) => {
            web_sys::console::warn_1(&format!("localStorage unavailable: {}", describe(&e)).into());
            return false;
        }
    };
    let ok = storage.set_item(PROBE_KEY, "1").is_ok()
        && matches!(storage.get_item(PROBE_KEY), Ok(Some(v)) if v == "1");
    let _ = storage.remove_item(PROBE_KEY);
    ok
}

/// What reading a versioned value gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored under the key.
    Absent,
    /// The value, migrated if it was older.
    Value(T),
    /// The stored value could not be read; it has been removed.
    Dropped,
}

impl Store {
    /// Reads a `{"v", "data"}` value (see `domain::saved`), dropping it if it cannot be read.
    pub fn load<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
    ) -> Loaded<T> {
        let raw = match self.get::<serde_json::Value>(key) {
            Ok(None) => return Loaded::Absent,
            Ok(Some(raw)) => raw,
            Err(e) => {
                super::log::warn(&format!("dropping {key}: {e}"));
                self.remove(key);
                return Loaded::Dropped;
            }
        };
        match crate::domain::saved::open(raw, migrate) {
            Ok(value) => Loaded::Value(value),
            Err(e) => {
                super::log::warn(&format!("dropping {key}: {e}"));
                self.remove(key);
                Loaded::Dropped
            }
        }
    }

    /// Writes `data` under `key` as a versioned value.
    pub fn save<T: Serialize>(&self, key: &str, data: &T) -> Result<(), PlatformError> {
        self.set(key, &crate::domain::saved::seal(data))
    }
}
