//! The only code that touches the browser: storage, fetch, the page (URL, `<html lang>`, title),
//! the clock and randomness, and the panic screen.
//!
//! Every fallible call returns `Result<_, PlatformError>`; nothing here panics on a JS value.

pub mod download;
pub mod fetch;
pub mod files;
pub mod focus;
pub mod frame;
pub mod hall;
pub mod log;
pub mod page;
pub mod panic;
pub mod speech;
pub mod storage;
pub mod taps;
pub mod update;

/// What can go wrong when talking to the browser.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlatformError {
    /// No `window` or `document` (not in a browser page).
    #[error("no browser window")]
    NoWindow,
    /// The request failed before a response (offline, blocked, CORS …).
    #[error("request for {url} failed: {detail}")]
    Network {
        /// What was requested.
        url: String,
        /// The browser's description.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("request for {url} answered {status}")]
    Status {
        /// What was requested.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// Storage refused to read or write.
    #[error("storage failed: {0}")]
    Storage(String),
    /// Storage is full.
    #[error("storage is full")]
    QuotaExceeded,
    /// A stored value could not be read back (corrupted or from another version).
    #[error("stored value {key} is unreadable: {detail}")]
    Corrupt {
        /// The storage key.
        key: String,
        /// The decoder's description.
        detail: String,
    },
    /// The browser refused to make or save a file, or to print.
    #[error("file or print refused: {0}")]
    File(String),
}

/// A JS error value as text, for messages.
pub(crate) fn describe(value: &wasm_bindgen::JsValue) -> String {
    if let Some(s) = value.as_string() {
        return s;
    }
    js_sys::Reflect::get(value, &wasm_bindgen::JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
