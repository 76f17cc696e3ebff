//! The kiosk's rehearsal (as the learner's page has, `ui::app::rehearsal`): once every bank is in,
//! while the kiosk waits on the attract screen, the taps of a customer's first session
//! (`KioskModel::rehearsal_step`: "touch to start", a topic, tick, check, next) are played on
//! stand-ins (`UseKiosk::stand_in`: copies of the model over a store of their own, in memory),
//! and the screens they open are built out of sight, in an element outside the page, then
//! dropped. V8 compiles each wasm function the first time it runs, on the main thread: the first
//! customer's own taps then run code already compiled (issue 11).
//!
//! One tap per task, the model's part (on a stand-in kept ahead) a task before the screen's; it
//! stops, and drops what it built, as soon as a customer (or staff) leaves the attract screen.
//! Nothing of it is seen, focused, read out, counted or kept.

use super::{Banks, KioskScreen, UseKiosk};
use crate::ui::hooks::use_rehearsal as rehearsal;
use leptos::prelude::*;

/// Plays the rehearsal once, when every bank has settled, while `waiting` (the attract screen is
/// shown and nobody is at the panel); `waiting` turning false stops it. A kiosk that has left the
/// attract screen before has run that code already: then it never plays.
pub fn use_rehearsal(kiosk: UseKiosk, settled: Signal<bool>, waiting: Signal<bool>) {
    rehearsal::use_rehearsal(settled, waiting, move || rehearse(kiosk, waiting));
}

async fn rehearse(kiosk: UseKiosk, waiting: Signal<bool>) {
    let now = (kiosk.clock.now_ms)();
    let screen = move |shown: UseKiosk| {
        let elder = Signal::derive(move || shown.model.with(|m| m.elder()));
        view! {
            <KioskScreen
                model=shown.model
                dispatch=shown.dispatch
                now=Signal::stored(now)
                banks=Signal::stored(Banks::Ready)
                locale=shown.locale
                elder=elder
            />
        }
    };
    let step = move |of: UseKiosk| of.model.with_untracked(|m| m.rehearsal_step(now));
    let run = |of: UseKiosk, event| of.dispatch.run(event);
    let stand_ins = || (kiosk.stand_in(), kiosk.stand_in());
    // No screen of the kiosk's is too large to build in one short task.
    let parts = |_: UseKiosk| None;
    rehearsal::rehearse(waiting, stand_ins, screen, parts, step, run).await;
}
