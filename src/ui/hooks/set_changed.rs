//! Setting a signal only when the value differs, so that a step wakes only what shows what it
//! changed.

use leptos::prelude::*;

/// Sets `signal` to `value` if it holds something else (its readers are not woken for the same).
pub fn set_changed<T, V>(signal: RwSignal<T>, value: &V)
where
    T: std::borrow::Borrow<V> + Send + Sync + 'static,
    V: PartialEq + ToOwned<Owned = T> + ?Sized,
{
    if signal.with_untracked(|now| now.borrow() != value) {
        signal.set(value.to_owned());
    }
}
