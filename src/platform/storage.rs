//! Device storage: `localStorage` through gloo-storage when the browser allows it, memory otherwise.
//!
//! `gloo-storage` throws out of wasm when `window.localStorage` is null (Android WebView without DOM
//! storage) or throws (blocked storage), so `Store::open` probes it first with a test write and falls
//! back to an in-memory map. Values are JSON; every key is prefixed with `anxin.`.
//!
//! A key whose stored value must not be touched this visit (written by a newer version of the app,
//! or storage refused to read it) is *held*: the app works on a memory copy of that key, and the
//! device's value stays as it was for the version that can read it.

use super::{describe, PlatformError};
use crate::domain::saved::KeptReason;
use gloo_storage::{LocalStorage, Storage as _};
use serde::{de::DeserializeOwned, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

const PREFIX: &str = "anxin.";
const PROBE_KEY: &str = "anxin.probe";

#[derive(Debug)]
enum Backend {
    Local,
    Memory {
        map: Mutex<HashMap<String, String>>,
        /// Most bytes (keys and values) the map may hold; `None` for no limit.
        quota: Option<usize>,
    },
}

/// Where the app keeps what it remembers. Cheap to clone; holds no JS value, so it can be shared
/// through Leptos context.
#[derive(Debug, Clone)]
pub struct Store {
    backend: Arc<Backend>,
    /// Held keys and their value for this visit (`None`: nothing written yet this visit).
    held: Arc<Mutex<HashMap<String, Option<String>>>>,
}

impl Store {
    fn with_backend(backend: Backend) -> Store {
        Store {
            backend: Arc::new(backend),
            held: Arc::default(),
        }
    }

    /// Opens `localStorage` if a test write succeeds, otherwise a memory store.
    pub fn open() -> Store {
        if probe_local_storage() {
            Store::with_backend(Backend::Local)
        } else {
            Store::memory()
        }
    }

    /// A store that keeps everything in memory only (tests, or storage known to be unusable).
    pub fn memory() -> Store {
        Store::with_backend(Backend::Memory {
            map: Mutex::default(),
            quota: None,
        })
    }

    /// A memory store that refuses writes past `bytes` (keys and values together), as a full
    /// `localStorage` does: for testing what the app does when storage runs out of room.
    pub fn memory_with_quota(bytes: usize) -> Store {
        Store::with_backend(Backend::Memory {
            map: Mutex::default(),
            quota: Some(bytes),
        })
    }

    /// Whether values survive a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(*self.backend, Backend::Local)
    }

    /// Whether `key` is held: worked on in memory this visit, its stored value left untouched.
    pub fn is_held(&self, key: &str) -> bool {
        lock(&self.held).contains_key(key)
    }

    /// Holds `key` from now on (see the module's notes).
    pub fn hold(&self, key: &str) {
        lock(&self.held).entry(key.to_owned()).or_insert(None);
    }

    /// Reads and decodes `key`; `Ok(None)` when absent, `Err(Corrupt)` when not JSON of type `T`,
    /// `Err(Storage)` when storage refused to read.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, PlatformError> {
        self.get_text(key)?
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(|e| PlatformError::Corrupt {
                key: key.to_owned(),
                detail: e.to_string(),
            })
    }

    /// The text stored under `key`, as it is (a held key's from memory).
    fn get_text(&self, key: &str) -> Result<Option<String>, PlatformError> {
        if let Some(held) = lock(&self.held).get(key) {
            return Ok(held.clone());
        }
        let full = format!("{PREFIX}{key}");
        match &*self.backend {
            // Not gloo's `get`: it aborts the app when `getItem` throws (a webview's storage
            // hiccup, a SecurityError), which is exactly the case that must be survived.
            Backend::Local => LocalStorage::raw()
                .get_item(&full)
                .map_err(|js| PlatformError::Storage(describe(&js))),
            Backend::Memory { map, .. } => Ok(lock(map).get(&full).cloned()),
        }
    }

    /// Encodes and writes `value` under `key` (in memory only, for a held key).
    pub fn set<T: Serialize>(&self, key: &str, value: &T) -> Result<(), PlatformError> {
        let text =
            serde_json::to_string(value).map_err(|e| PlatformError::Storage(e.to_string()))?;
        self.put(key, Cow::Owned(text))
    }

    /// Writes `text`, already encoded, under `key` (in memory only, for a held key).
    pub fn set_text(&self, key: &str, text: &str) -> Result<(), PlatformError> {
        self.put(key, Cow::Borrowed(text))
    }

    /// Writes `text` under `key`; kept in memory as it is when owned (no copy).
    fn put(&self, key: &str, text: Cow<'_, str>) -> Result<(), PlatformError> {
        if let Some(held) = lock(&self.held).get_mut(key) {
            *held = Some(text.into_owned());
            return Ok(());
        }
        let full = format!("{PREFIX}{key}");
        match &*self.backend {
            Backend::Local => LocalStorage::raw().set_item(&full, &text).map_err(|js| {
                match js_error_name(&js).as_deref() {
                    Some("QuotaExceededError") => PlatformError::QuotaExceeded,
                    _ => PlatformError::Storage(describe(&js)),
                }
            }),
            Backend::Memory { map, quota } => {
                let mut map = lock(map);
                if let Some(quota) = quota {
                    let others: usize = map
                        .iter()
                        .filter(|(k, _)| **k != full)
                        .map(|(k, v)| k.len() + v.len())
                        .sum();
                    if others + full.len() + text.len() > *quota {
                        return Err(PlatformError::QuotaExceeded);
                    }
                }
                map.insert(full, text.into_owned());
                Ok(())
            }
        }
    }

    /// Removes `key` (absent keys are fine). A held key is only forgotten in memory.
    pub fn remove(&self, key: &str) {
        if let Some(held) = lock(&self.held).get_mut(key) {
            *held = None;
            return;
        }
        self.remove_from_device(key);
    }

    /// Removes `key` from the device even when held, and stops holding it ("clear my records").
    pub fn erase(&self, key: &str) {
        lock(&self.held).remove(key);
        self.remove_from_device(key);
    }

    fn remove_from_device(&self, key: &str) {
        let full = format!("{PREFIX}{key}");
        match &*self.backend {
            // Not gloo's `delete`, which aborts the app when `removeItem` throws.
            Backend::Local => {
                if let Err(js) = LocalStorage::raw().remove_item(&full) {
                    super::log::warn(&format!("could not remove {key}: {}", describe(&js)));
                }
            }
            Backend::Memory { map, .. } => {
                lock(map).remove(&full);
            }
        }
    }
}

/// Calls `on_write(key, removed)` whenever another tab or window of this origin writes or removes
/// one of the app's keys (`key` without `anxin.`; the browser tells only the other documents). A
/// whole-storage `clear()` there is not passed on: what this tab holds is written back at its next
/// save. Without a window (native tests) nothing is watched.
pub fn watch_other_tabs(on_write: impl Fn(&str, bool) + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if let Some(key) = ev.key().as_deref().and_then(|k| k.strip_prefix(PREFIX)) {
                on_write(key, ev.new_value().is_none());
            }
        });
    match window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref()) {
        // The page listens for its whole life.
        Ok(()) => listener.forget(),
        Err(e) => super::log::warn(&format!("other tabs are not followed: {}", describe(&e))),
    }
}

/// A map behind a lock; a poisoned lock (a panic while writing) still holds usable data.
fn lock<T>(map: &Mutex<T>) -> MutexGuard<'_, T> {
    map.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The `name` of a thrown DOM exception (`QuotaExceededError`, `SecurityError` …).
fn js_error_name(value: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(value, &wasm_bindgen::JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
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
    /// The stored value was corrupt (not JSON, or not of the expected shape); it has been removed.
    Dropped,
    /// The stored value was left untouched; the key is held, so this visit works on memory for it.
    Kept(KeptReason),
}

impl Store {
    /// Reads a `{"v", "data"}` value (see `domain::saved`). Drops it only when it is really
    /// corrupt; a newer value, or one storage would not read, is kept and the key held.
    pub fn load<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
    ) -> Loaded<T> {
        self.load_or(key, migrate, true)
    }

    /// Like [`Store::load`], but a corrupt value is kept untouched too, and the key held
    /// (`Kept(Unreadable)`): for a record whose loss would open something (the kiosk's PIN, whose
    /// absence means "first run: set one").
    pub fn load_keeping<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
    ) -> Loaded<T> {
        self.load_or(key, migrate, false)
    }

    fn load_or<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
        drop_corrupt: bool,
    ) -> Loaded<T> {
        let mut value = None;
        let read = self.read_with(key, drop_corrupt, &mut |text| {
            value = Some(crate::domain::saved::open_text(text, &migrate)?);
            Ok(())
        });
        match read {
            // `read_with` says `Value` only once the text opened, and so `value` is set.
            Loaded::Value(()) => value.map_or(Loaded::Absent, Loaded::Value),
            Loaded::Absent => Loaded::Absent,
            Loaded::Dropped => Loaded::Dropped,
            Loaded::Kept(reason) => Loaded::Kept(reason),
        }
    }

    /// What [`Store::load_or`] does for every type, compiled once: reads the text under `key`
    /// and hands it to `open`; keeps, holds or drops it as `open`'s error says.
    fn read_with(
        &self,
        key: &str,
        drop_corrupt: bool,
        open: &mut dyn FnMut(&str) -> Result<(), crate::domain::saved::SavedError>,
    ) -> Loaded<()> {
        use crate::domain::saved::SavedError;
        let keep = |reason: KeptReason| {
            super::log::warn(&format!("keeping {key} untouched ({reason:?})"));
            self.hold(key);
            Loaded::Kept(reason)
        };
        let text = match self.get_text(key) {
            Ok(None) => return Loaded::Absent,
            Ok(Some(text)) => text,
            Err(e) => {
                super::log::warn(&format!("keeping {key} untouched: {e}"));
                self.hold(key);
                return Loaded::Kept(KeptReason::ReadFailed);
            }
        };
        match open(&text) {
            Ok(()) => Loaded::Value(()),
            Err(e @ SavedError::Newer(_)) => {
                super::log::warn(&format!("keeping {key} untouched: {e}"));
                self.hold(key);
                Loaded::Kept(KeptReason::Newer)
            }
            Err(SavedError::Unreadable(_)) if !drop_corrupt => keep(KeptReason::Unreadable),
            Err(e @ SavedError::Unreadable(_)) => {
                super::log::warn(&format!("dropping {key}: {e}"));
                self.remove(key);
                Loaded::Dropped
            }
        }
    }

    /// Writes `data` under `key` as a versioned value.
    pub fn save<T: Serialize>(&self, key: &str, data: &T) -> Result<(), PlatformError> {
        self.set(key, &crate::domain::saved::Sealed::new(data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::saved::SCHEMA;

    #[test]
    fn a_store_with_a_quota_refuses_what_does_not_fit_and_keeps_the_rest() {
        let store = Store::memory_with_quota(40);
        store.set("a", &"12345").unwrap();
        assert_eq!(
            store.set("b", &"x".repeat(40)),
            Err(PlatformError::QuotaExceeded)
        );
        assert_eq!(store.get::<String>("a").unwrap().as_deref(), Some("12345"));
        assert_eq!(store.get::<String>("b").unwrap(), None);
        // Replacing a value counts its new size, not both.
        store.set("a", &"1234567").unwrap();
    }

    #[test]
    fn load_keeping_keeps_a_corrupt_value_untouched_where_load_drops_it() {
        for (raw, reason) in [
            ("{not json", KeptReason::Unreadable),
            (r#"{"v":1,"data":42}"#, KeptReason::Unreadable),
        ] {
            let store = Store::memory();
            if let Backend::Memory { map, .. } = &*store.backend {
                lock(map).insert("anxin.pin".into(), raw.into());
            }
            let loaded: Loaded<Vec<u32>> =
                store.load_keeping("pin", crate::domain::saved::no_migration);
            assert_eq!(loaded, Loaded::Kept(reason));
            assert!(store.is_held("pin"));
            store.save("pin", &vec![1u32]).unwrap();
            let device = match &*store.backend {
                Backend::Memory { map, .. } => lock(map).get("anxin.pin").cloned(),
                Backend::Local => None,
            };
            assert_eq!(device.as_deref(), Some(raw), "left as it was");
            // The ordinary load drops it.
            let other = Store::memory();
            if let Backend::Memory { map, .. } = &*other.backend {
                lock(map).insert("anxin.pin".into(), raw.into());
            }
            let dropped: Loaded<Vec<u32>> = other.load("pin", crate::domain::saved::no_migration);
            assert_eq!(dropped, Loaded::Dropped);
        }
    }

    #[test]
    fn a_value_from_a_newer_version_is_kept_untouched_and_the_key_runs_in_memory() {
        let store = Store::memory();
        let newer = serde_json::json!({"v": SCHEMA + 1, "data": {"future": true}});
        store.set("history", &newer).unwrap();
        let loaded: Loaded<Vec<u32>> = store.load("history", crate::domain::saved::no_migration);
        assert_eq!(loaded, Loaded::Kept(KeptReason::Newer));
        assert!(store.is_held("history"));
        // Writes and removals this visit do not reach the device's value.
        store.save("history", &vec![1u32]).unwrap();
        assert_eq!(
            store.get::<serde_json::Value>("history").unwrap(),
            Some(crate::domain::saved::seal(&vec![1u32]))
        );
        store.remove("history");
        assert_eq!(store.get::<serde_json::Value>("history").unwrap(), None);
        // A new visit (a new store over the same device) still finds the newer value.
        let device = match &*store.backend {
            Backend::Memory { map, .. } => lock(map).get("anxin.history").cloned(),
            Backend::Local => None,
        };
        assert_eq!(device, Some(newer.to_string()));
        // Clearing the records really erases it.
        store.erase("history");
        assert!(!store.is_held("history"));
        assert_eq!(store.get::<serde_json::Value>("history").unwrap(), None);
    }

    #[test]
    fn only_a_really_corrupt_value_is_dropped() {
        let store = Store::memory();
        if let Backend::Memory { map, .. } = &*store.backend {
            lock(map).insert("anxin.progress".into(), "{not json".into());
            lock(map).insert(
                "anxin.settings".into(),
                r#"{"v":1,"data":{"lang":7}}"#.into(),
            );
        }
        let p: Loaded<serde_json::Value> =
            store.load("progress", crate::domain::saved::no_migration);
        assert_eq!(p, Loaded::Dropped);
        let s: Loaded<crate::domain::saved::Settings> =
            store.load("settings", crate::domain::saved::no_migration);
        assert_eq!(s, Loaded::Dropped);
        assert!(!store.is_held("progress"));
        assert_eq!(store.get::<serde_json::Value>("progress").unwrap(), None);
    }
}
