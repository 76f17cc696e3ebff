//! A screen's own copy of a long-lived value: the fix for the kiosk's memory growth (issue 14).
//!
//! Leptos 0.8 (reactive_graph 0.2) never takes a disposed effect or memo out of the subscriber list
//! of what it read: the entry, and the allocation it points to, stay until that value next changes,
//! and forever when it is a memo (a memo's subscribers are cloned, not taken, when it changes). A
//! screen renders dozens of closures that read the page's language or elder mode, which hardly
//! ever change, so every screen shown left ~100 bytes per closure behind: 18 KB per kiosk session.
//!
//! [`use_scoped`] puts one memo of the screen's own between the long-lived value and the screen:
//! the screen's closures subscribe to the copy, which is dropped with the screen's owner, and on
//! that owner's cleanup the copy takes itself out of the long-lived value's list. Nothing of a
//! screen that has gone stays.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// A copy of `source` that lives with the current owner (a screen): read it in place of
/// `source`, and when the owner is cleaned up it unsubscribes from `source`.
pub fn use_scoped<T>(source: Signal<T>) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let copy = ArcMemo::new(move |_| source.get());
    let held = copy.clone();
    Owner::on_cleanup(move || held.clear_sources(&held.to_any_subscriber()));
    copy.into()
}
