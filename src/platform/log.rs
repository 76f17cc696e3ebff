//! Messages for the developer console (the front-end team's view); customers never see these.

/// Logs a warning to the browser console (standard error in native tests, where there is none).
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("warning: {message}");
}

/// Logs a note to the browser console (standard error in native tests).
pub fn info(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::info_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("info: {message}");
}
