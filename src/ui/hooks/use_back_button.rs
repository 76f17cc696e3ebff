//! The back button (Android's, or the browser's) inside a one-page app: while the app is away
//! from its first screen it keeps a history entry of its own, so back comes to the page as a
//! `popstate` instead of leaving it. Coming back to the first screen by a button removes the entry.

use crate::platform::page;
use leptos::prelude::*;

/// Keeps the history entry in step with `at_start` (whether the first screen is shown) and calls
/// `on_back` when back is pressed away from it. If the app is still away from its first screen
/// afterwards (a quiz asks before leaving), the entry is put back. At the first screen, back
/// leaves the app as usual.
pub fn use_back_button(at_start: Signal<bool>, on_back: Callback<()>) {
    let entry = StoredValue::new(false);
    let skip_pop = StoredValue::new(false);
    Effect::new(move |_| {
        let home = at_start.get();
        if !home && !entry.get_value() {
            entry.set_value(page::push_history_entry().is_ok());
        } else if home && entry.get_value() {
            // Home by a button: remove the entry, and ignore the event that removing it fires.
            entry.set_value(false);
            skip_pop.set_value(page::history_back().is_ok());
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        if skip_pop.get_value() {
            skip_pop.set_value(false);
            return;
        }
        entry.set_value(false);
        if at_start.get_untracked() {
            return;
        }
        on_back.run(());
        if !at_start.get_untracked() {
            entry.set_value(page::push_history_entry().is_ok());
        }
    });
}
