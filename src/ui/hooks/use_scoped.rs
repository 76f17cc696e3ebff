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
use leptos::reactive::graph::{AnySubscriber, Subscriber, ToAnySubscriber};

/// A copy of `source` that lives with the current owner (a screen): read it in place of
/// `source`, and when the owner is cleaned up it unsubscribes from `source`.
pub fn use_scoped<T>(source: Signal<T>) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    use_memo(move |_| source.get()).into()
}

/// A memo that takes itself out of the subscribers of what it read when the current owner (a
/// screen) is cleaned up: use it in place of `Memo::new` in anything shown and dropped again.
///
/// A plain memo that reads a value living longer than it (the page's model) stays in that
/// value's subscribers once dropped, with the allocation behind it (some 110 bytes), for as long
/// as the value lives: a signal's subscribers are copied, not taken, when it changes, and only a
/// subscriber that runs again takes itself out. Each kiosk screen's memos on the kiosk model left
/// six such entries per attract → topics → attract, two more per answered question (issue 14's
/// soak, found with a counting allocator in the page).
pub fn use_memo<T>(fun: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(fun);
    forget_sources_on_cleanup(memo.to_any_subscriber());
    memo.into()
}

/// On the current owner's cleanup, takes `subscriber` out of the subscribers of everything it
/// read (one closure type for every memo).
fn forget_sources_on_cleanup(subscriber: AnySubscriber) {
    Owner::on_cleanup(move || subscriber.clear_sources(&subscriber));
}
