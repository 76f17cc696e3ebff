//! The rehearsal's timing, shared by the learner's page (`ui::app::rehearsal`) and the kiosk
//! (`ui::kiosk::rehearsal`): begin once, when every bank has settled, if the page still waits
//! where it started; then play the taps on two stand-ins, one tap per task, the one ahead doing the
//! model's part a task before the one shown builds its screen; stop at the next task boundary once
//! the page no longer waits; then drop everything it built and, when it came to the end, mark
//! `anxin-rehearsed`. What is played and shown is each page's own.

use crate::platform::page;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Runs `rehearse` once, when `settled` turns true while `waiting` holds. A page that stopped
/// waiting before has run that code already: then it never runs.
pub fn use_rehearsal<F>(
    settled: Signal<bool>,
    waiting: Signal<bool>,
    rehearse: impl Fn() -> F + 'static,
) where
    F: std::future::Future<Output = ()> + 'static,
{
    // `true` once it has begun, or can no longer be of use.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !waiting.get() {
            return true;
        }
        if !settled.get() {
            return false;
        }
        spawn_local(rehearse());
        true
    });
}

/// One rehearsal: `stand_ins` makes the two stand-ins (under the rehearsal's own owner, so that
/// all it builds is dropped at the end), `screen` the screen of the one shown, built in an element
/// that is never in the document; `step` gives each tap and `run` applies it. `parts`, asked after
/// each of the stand-in ahead's taps, gives the parts of the screen that tap leads to which are
/// built alone first, in a task of their own (and dropped at once), so that the code they run is
/// compiled before the screen's own task, which would otherwise be a long one (issue 11: the
/// round screen's first build was a task of 60–66 ms at 4× CPU).
pub async fn rehearse<S, E, N>(
    waiting: Signal<bool>,
    stand_ins: impl FnOnce() -> (S, S),
    screen: impl FnOnce(S) -> N + 'static,
    parts: impl Fn(S) -> Option<AnyView>,
    step: impl Fn(S) -> Option<E>,
    run: impl Fn(S, E),
) where
    S: Copy + 'static,
    N: IntoView + 'static,
{
    let Ok(parent) = page::detached_element() else {
        return;
    };
    let owner = Owner::new();
    let (ahead, shown) = owner.with(stand_ins);
    // The first screen alone first, so that leaving it is rehearsed too (dropping a screen runs
    // code of its own).
    if !go_on(waiting).await {
        owner.cleanup();
        return;
    }
    let mounted = owner.with(|| leptos::mount::mount_to(parent, move || screen(shown)));
    let taps = Taps {
        step,
        run,
        parts,
        owner: owner.clone(),
    };
    let completed = play_taps(waiting, ahead, shown, taps).await;
    drop(mounted);
    owner.cleanup();
    if completed {
        // For the end-to-end tests and `make bench`: the rehearsal is over.
        page::mark_once("anxin-rehearsed");
    }
}

/// Waits a task, then says whether to go on (the page still waits).
async fn go_on(waiting: Signal<bool>) -> bool {
    page::next_task().await;
    waiting.try_get_untracked().unwrap_or(false)
}

/// What a rehearsal plays: `step` gives each tap, `run` applies it, `parts` gives the parts of a
/// screen to build alone first (see [`rehearse`]), under `owner` (the rehearsal's).
struct Taps<Step, Run, Parts> {
    step: Step,
    run: Run,
    parts: Parts,
    owner: Owner,
}

/// Plays the taps `step` gives, on `ahead` a task before `shown` (`run` applies one), one per
/// task, while `waiting` holds; between them, in a task of their own, the parts of the next screen
/// `parts` gives, built out of sight and dropped. `true` when it came to the end of its taps.
async fn play_taps<S: Copy, E>(
    waiting: Signal<bool>,
    ahead: S,
    shown: S,
    taps: Taps<impl Fn(S) -> Option<E>, impl Fn(S, E), impl Fn(S) -> Option<AnyView>>,
) -> bool {
    let Taps {
        step,
        run,
        parts,
        owner,
    } = taps;
    loop {
        // The model's part of the tap first, on the stand-in ahead (drawing a round, say).
        if !go_on(waiting).await {
            return false;
        }
        if let Some(event) = step(ahead) {
            run(ahead, event);
        }
        // Then, in a task of their own, some parts of the screen that tap leads to (if it is a
        // large one), built alone and dropped at once.
        if !go_on(waiting).await {
            return false;
        }
        let built = owner.with(Owner::new);
        if let (Some(view), Ok(parent)) = (built.with(|| parts(ahead)), page::detached_element()) {
            drop(built.with(|| leptos::mount::mount_to(parent, move || view)));
        }
        built.cleanup();
        // Then the tap on the stand-in shown: its screen changes as the user's would.
        if !go_on(waiting).await {
            return false;
        }
        let Some(event) = step(shown) else {
            return true;
        };
        run(shown, event);
    }
}
