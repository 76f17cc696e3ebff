//! The panic hook: a panic in wasm cannot be caught, so instead of a dead page it reveals the
//! static bilingual "something went wrong" block that `index.html` already holds.

/// Installs the hook; call first thing in `main`.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Anxin stopped: {info}").into());
        show_crash_screen();
    }));
}

/// Hides the app and shows `#anxin-crash` (with its restart link).
pub fn show_crash_screen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
    if let Some(crash) = doc.get_element_by_id("anxin-crash") {
        let _ = crash.remove_attribute("hidden");
    }
}
