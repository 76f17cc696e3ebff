//! Fetching the app's own static files (the bank index and banks), same-origin only.

use super::{describe, PlatformError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How a request may use the HTTP cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheMode {
    /// Use the cache as usual (URLs that carry a content hash).
    Default,
    /// Always revalidate with the server (files whose name never changes, like `index.json`).
    Revalidate,
}

/// Fetches `url` (relative to the page) and returns its bytes.
pub async fn fetch_bytes(url: &str, cache: CacheMode) -> Result<Vec<u8>, PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(match cache {
        CacheMode::Default => web_sys::RequestCache::Default,
        CacheMode::Revalidate => web_sys::RequestCache::NoCache,
    });
    let network = |e: wasm_bindgen::JsValue| PlatformError::Network {
        url: url.to_owned(),
        detail: describe(&e),
    };
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?;
    let response: web_sys::Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(PlatformError::Status {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
