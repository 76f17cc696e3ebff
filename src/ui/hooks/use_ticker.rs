//! A clock that ticks once a second, only while asked to (a timed question on screen): no timer
//! wakes a phone up when nothing needs one.

use leptos::prelude::*;
use std::time::Duration;

/// While `running`, reads `now()` into the returned signal and calls `on_tick` once a second.
pub fn use_ticker(running: Signal<bool>, now: fn() -> f64, on_tick: Callback<()>) -> Signal<f64> {
    let time = RwSignal::new(now());
    Effect::new(move |_| {
        if !running.get() {
            return;
        }
        time.set(now());
        let tick = move || {
            time.set(now());
            on_tick.run(());
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    });
    time.into()
}
