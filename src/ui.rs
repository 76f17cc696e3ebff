//! Leptos components: `app` (the shell and its services), `screens/` (one per screen) and
//! `widgets/` (reusable pieces).

pub mod app;
pub mod hooks;
pub mod screens;
pub mod services;
pub mod widgets;

pub use app::App;

/// Mounts the app into `#app` (or the body) and leaves it running.
///
/// `?selftest=panic` panics on purpose, so staff and the end-to-end tests can check that the
/// recovery screen appears (its "restart" link drops the query string).
pub fn mount() {
    if crate::platform::page::query_param("selftest").as_deref() == Some("panic") {
        panic!("self-test: panic requested by ?selftest=panic");
    }
    match crate::platform::page::app_root() {
        Ok(root) => leptos::mount::mount_to(root, App).forget(),
        Err(_) => leptos::mount::mount_to_body(App),
    }
}
