//! Messages for the developer console (the front-end team's view); customers never see these.

/// Logs a warning to the browser console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
