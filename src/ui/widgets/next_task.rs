//! A part of a view built one task after the rest.

use crate::platform::page;
use crate::ui::hooks::use_memo;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Builds its children one task of the event loop after it is itself built, so that a large first
/// render runs as two shorter tasks (the browser may paint, and take a tap, between them) instead
/// of one long one: on a cheap phone the app's start was one task of over 100 ms. Until then
/// nothing of the children exists. For what the first moment can do without: on the learner's page
/// at start, the top bar's controls, the frame under it, and (one task later still) the screen.
#[component]
pub fn InNextTask(
    /// Build at once instead: for a part built again later (a list's rows, built anew when one
    /// is added), which has no first screen to wait for and should not go blank for a task.
    #[prop(optional)]
    at_once: bool,
    /// What to build one task later.
    children: ChildrenFn,
) -> impl IntoView {
    let built = RwSignal::new(at_once);
    if !at_once {
        spawn_local(async move {
            page::next_task().await;
            // Gone already (its parent went away in between): nothing to build.
            let _ = built.try_set(true);
        });
    }
    move || built.get().then(|| children())
}

/// Builds its children once the whole app's code is in (`page::rest_loaded`: on a first visit the
/// rest of a split wasm arrives after the first screen), and one task after it is itself built at
/// the soonest. For a part below the first screen whose code need not come with it: that code then
/// stays out of the start-up part (`tools/split.mjs` profiles the first screen with the rest held
/// back), so the first screen waits for fewer bytes. Taps before the rest is in are held by the
/// loader anyway.
#[component]
pub fn WhenWhole(
    /// What to build once the whole app is in.
    children: ChildrenFn,
) -> impl IntoView {
    let built = RwSignal::new(false);
    spawn_local(async move {
        page::next_task().await;
        page::rest_loaded().await;
        // Gone already (its parent went away in between): nothing to build.
        let _ = built.try_set(true);
    });
    move || built.get().then(|| children())
}

/// Builds its children once the page has painted (in a task after the frame), or at once when
/// `now` is or turns true: for a part a later tap shows, prepared while the screen waits for that
/// tap, so the tap only shows it. Built once: `now` turning true later changes nothing.
#[component]
pub fn AfterPaint(
    /// Build now (the part is needed at once: the tap came before the paint).
    #[prop(into)]
    now: Signal<bool>,
    /// What to build.
    children: ChildrenFn,
) -> impl IntoView {
    let painted = RwSignal::new(false);
    page::after_paint(move || {
        // Gone already (its parent went away in between): nothing to build.
        let _ = painted.try_set(true);
    });
    let built = use_memo(move |_| painted.get() || now.get());
    move || built.get().then(|| children())
}

/// Takes away the markup a page shows during the download (`#boot`), as the view that replaces
/// it is built: put first in a page's first view built one task after its model
/// (`ui::mount_behind_boot`), so nothing is blank in between.
#[component]
pub fn BootGone() -> impl IntoView {
    page::drop_boot();
}

/// Marks the page ready (`performance.mark("anxin-ready")`, read by `make bench`) once what is
/// built before it is up: put it after the parts of a page's first screen built in later tasks.
#[component]
pub fn MarkReady() -> impl IntoView {
    Effect::new(|_| page::mark_once("anxin-ready"));
}
