//! Leptos components: `app` (the learner's page, `index.html`), `kiosk` (the branch kiosk's page,
//! `kiosk.html`), `contest` (the competition's page, `contest.html`), `services` (what every page
//! provides through context), `hooks/`, `screens/` (one per screen) and `widgets/` (reusable
//! pieces). Each page is a small `main` that calls `mount` with its root component: `src/main.rs`,
//! `src/bin/kiosk.rs`, `src/bin/contest.rs`. A page's wasm holds only what its root reaches.

pub mod app;
pub mod contest;
pub mod desk;
pub mod hooks;
pub mod kiosk;
pub mod screens;
pub mod services;
pub mod widgets;

pub use app::App;

/// Mounts a page's root component into `#app` (or the body) in place of the markup shown during
/// the download, and leaves it running.
///
/// `?selftest=panic` panics on purpose, so staff and the end-to-end tests can check that the
/// recovery screen appears (its "restart" link drops the query string).
pub fn mount<N: leptos::IntoView + 'static>(root: fn() -> N) {
    mount_into(root, false);
}

/// Like [`mount`], but one task later (the task that instantiated the wasm ends sooner), and the
/// markup shown during the download stays until the root takes it away
/// (`platform::page::drop_boot`): for a root whose first task builds no view. The learner's page
/// builds its model first and its shell one task later.
pub fn mount_behind_boot<N: leptos::IntoView + 'static>(root: fn() -> N) {
    crate::platform::page::in_next_task(move || mount_into(root, true));
}

fn mount_into<N: leptos::IntoView + 'static>(root: fn() -> N, keep_boot: bool) {
    if crate::platform::page::query_param("selftest").as_deref() == Some("panic") {
        panic!("self-test: panic requested by ?selftest=panic");
    }
    match crate::platform::page::app_root(keep_boot) {
        Ok(element) => leptos::mount::mount_to(element, root).forget(),
        Err(_) => leptos::mount::mount_to_body(root),
    }
}
