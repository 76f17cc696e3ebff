//! Switching to a new version of the app, which the service worker (see `public/loader.js`) has
//! installed in the background. The app asks for it only at a safe moment: on the home screen.
//!
//! The loader looks for a new version by itself (every hour, and when the page comes back into
//! view), and fires [`UPDATE_READY_EVENT`] when one is waiting, or when another tab has switched to
//! it while this page kept running the old one.

use wasm_bindgen::{JsCast, JsValue};

/// The event the loader fires when a new version is installed and waiting, or already in charge
/// (switched to by another tab).
pub const UPDATE_READY_EVENT: &str = "anxin-update-ready";

/// Switches to a new version (the page then reloads into it): one that is waiting, or one another tab
/// already switched to. Only this page reloads; other tabs are told and switch on their home screen.
/// Returns whether there was a new version.
pub fn apply_waiting_update() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(apply) = js_sys::Reflect::get(&window, &JsValue::from_str("anxinApplyUpdate")) else {
        return false;
    };
    apply
        .dyn_ref::<js_sys::Function>()
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .is_some_and(|v| v.as_bool() == Some(true))
}
