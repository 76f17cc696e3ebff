//! Which window hosts the match (`domain::contest::claim`): the host page claims it, renews the
//! claim while hosting, checks it before every step, and shows a notice (with "host here") when
//! another window hosts.

use super::host::now_ms;
use crate::domain::contest::claim::{Holder, HostClaim, BEAT_MS, HOST_KEY};
use crate::platform::page;
use crate::platform::storage::Store;
use leptos::prelude::*;
use std::time::Duration;

/// Which window hosts the match (`domain::contest::claim`), as the host page uses it.
#[derive(Clone, Copy)]
pub struct HostClaimState {
    /// Whether this window may take a step now: it hosts (renewing its claim), or nobody does
    /// (it claims the match). `false`, and the notice shown, when another window hosts.
    pub may_act: Callback<(), bool>,
    /// Whether another window hosts (this one shows the notice instead of the match).
    pub elsewhere: ReadSignal<bool>,
    /// Hosts in this window from now on (the other window stops at its next step or heartbeat).
    pub take: Callback<()>,
}

/// Claims the match for this window, renews the claim every [`BEAT_MS`] while hosting, and
/// releases it when the page goes away. When another window hosts, this one waits; if that
/// window's claim goes stale (closed, crashed), this one takes over by itself. `on_taken` runs
/// whenever this window takes over from another (read the match again: the other changed it).
pub fn use_host_claim(store: Store, on_taken: Callback<()>) -> HostClaimState {
    let window = page::random_seed();
    let store = StoredValue::new(store);
    let holder = move || {
        let stored = store.with_value(|s| s.get::<HostClaim>(HOST_KEY).ok().flatten());
        HostClaim::holder(stored.as_ref(), window, now_ms())
    };
    let claim = move || {
        let claim = HostClaim {
            window,
            beat_ms: now_ms(),
        };
        if let Err(e) = store.with_value(|s| s.set(HOST_KEY, &claim)) {
            crate::platform::log::warn(&format!("the host claim was not saved: {e}"));
        }
    };
    let elsewhere = RwSignal::new(holder() == Holder::Other);
    if !elsewhere.get_untracked() {
        claim();
    }
    let take = Callback::new(move |()| {
        claim();
        elsewhere.set(false);
        on_taken.run(());
    });
    // Free while this window hosted means its claim was replaced (another window hosted, then
    // closed) or storage was cleared: it takes the match back from storage before going on, and
    // the step pressed on the old screen is not taken.
    let may_act = Callback::new(move |()| match (elsewhere.get_untracked(), holder()) {
        (false, Holder::Mine) => {
            claim();
            true
        }
        (_, Holder::Other) => {
            elsewhere.set(true);
            false
        }
        (_, Holder::Free) | (true, Holder::Mine) => {
            take.run(());
            false
        }
    });
    let beat = move || match (elsewhere.get_untracked(), holder()) {
        (false, Holder::Mine) => claim(),
        (false, Holder::Other) => elsewhere.set(true),
        (_, Holder::Free) => take.run(()),
        (true, _) => {}
    };
    if let Ok(handle) = set_interval_with_handle(beat, Duration::from_millis(BEAT_MS)) {
        on_cleanup(move || handle.clear());
    }
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        if holder() == Holder::Mine {
            store.with_value(|s| s.remove(HOST_KEY));
        }
    });
    HostClaimState {
        may_act,
        elsewhere: elsewhere.read_only(),
        take,
    }
}
