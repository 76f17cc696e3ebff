//! A part of a view built one task after the rest.

use crate::platform::page;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Builds its children one task of the event loop after it is itself built, so that a large first
/// render runs as two shorter tasks (the browser may paint, and take a tap, between them) instead
/// of one long one: on a cheap phone the app's start was one task of over 100 ms. Until then
/// nothing of the children exists. For what the first moment can do without: on the learner's page
/// at start, the top bar's controls, the frame under it, and (one task later still) the screen.
#[component]
pub fn InNextTask(
    /// What to build one task later.
    children: ChildrenFn,
) -> impl IntoView {
    let built = RwSignal::new(false);
    spawn_local(async move {
        page::next_task().await;
        // Gone already (its parent went away in between): nothing to build.
        let _ = built.try_set(true);
    });
    move || built.get().then(|| children())
}
