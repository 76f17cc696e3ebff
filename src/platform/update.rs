//! Switching to a new version of the app, which the service worker (see `public/loader.js`) has
//! installed in the background. The app asks for it only at a safe moment: on the home screen.

use wasm_bindgen::{JsCast, JsValue};

/// The event the loader fires when a new version is installed and waiting.
pub const UPDATE_READY_EVENT: &str = "anxin-update-ready";

/// Switches to a waiting new version (the page then reloads into it). Returns whether one was waiting.
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
