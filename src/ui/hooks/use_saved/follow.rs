//! Following the learner's other tabs: a value another tab of the app wrote is taken in here, so
//! that this tab's next write carries it instead of writing over it (the app open in two tabs
//! loses no answer, round or setting). The rounds belong to the app model: what another tab did
//! to them is handed back as an [`OtherTab`] event. Nothing here writes.

use super::UseSaved;
use crate::domain::app::OtherTab;
use crate::domain::saved::{
    no_migration, SavedRound, HISTORY_KEY, IN_PROGRESS_KEY, PRACTICE_KEY, PROGRESS_KEY,
    SETTINGS_KEY,
};
use crate::platform::storage::{Loaded, Store};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

impl UseSaved {
    /// Takes in what another tab did to `key` (`removed`: it removed it, as "clear my records"
    /// does there). A key this visit holds (a newer version's value) is left alone, and a value
    /// this version cannot read leaves this tab's own. Returns what the app model must hear.
    pub fn follow(self, key: &str, removed: bool) -> Option<OtherTab> {
        let store = self.store.get_value();
        if store.is_held(key) {
            return None;
        }
        match key {
            PROGRESS_KEY => adopt(&store, key, removed, self.page.progress),
            HISTORY_KEY => adopt(&store, key, removed, self.page.history),
            SETTINGS_KEY => adopt(&store, key, removed, self.page.settings),
            PRACTICE_KEY if removed => return Some(OtherTab::Parked(None)),
            PRACTICE_KEY => {
                let parked = match store.load::<SavedRound>(key, no_migration) {
                    Loaded::Value(round) => Some(round),
                    _ => None,
                };
                return Some(OtherTab::Parked(parked));
            }
            IN_PROGRESS_KEY if !removed => return Some(OtherTab::RoundSaved),
            _ => {}
        }
        None
    }
}

/// Sets `signal` to the value now stored under `key` (its default when removed).
fn adopt<T>(store: &Store, key: &str, removed: bool, signal: RwSignal<T>)
where
    T: DeserializeOwned + Default + Send + Sync + 'static,
{
    if removed {
        signal.set(T::default());
    } else if let Loaded::Value(value) = store.load(key, no_migration) {
        signal.set(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::app::Judged;
    use crate::domain::date::Date;
    use crate::domain::progress::Progress;
    use crate::domain::saved::{seal, Settings, SCHEMA};

    fn day() -> Date {
        Date::new(2026, 12, 5).unwrap()
    }

    fn answer(key: &str) -> Judged {
        Judged {
            key: key.into(),
            correct: false,
        }
    }

    /// Two tabs over one device: two hooks over the same store.
    fn two_tabs() -> (Owner, Store, UseSaved, UseSaved) {
        let owner = Owner::new();
        owner.set();
        let store = Store::memory();
        let a = super::super::use_saved(store.clone(), Callback::new(|()| {}));
        let b = super::super::use_saved(store.clone(), Callback::new(|()| {}));
        (owner, store, a, b)
    }

    fn stored_keys(store: &Store) -> Vec<String> {
        let progress: Option<serde_json::Value> = store.get(PROGRESS_KEY).unwrap();
        let mut keys: Vec<String> = progress.unwrap()["data"]["reviews"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn an_answer_written_by_another_tab_is_kept_by_this_tabs_next_write() {
        let (_owner, store, a, b) = two_tabs();
        a.record_answers(&[answer("fraud/1")], day());
        assert_eq!(b.follow(PROGRESS_KEY, false), None);
        b.record_answers(&[answer("privacy/2")], day());
        assert_eq!(stored_keys(&store), ["fraud/1", "privacy/2"]);
        // And back: the first tab follows the second.
        a.follow(PROGRESS_KEY, false);
        a.record_answers(&[answer("rights/3")], day());
        assert_eq!(stored_keys(&store), ["fraud/1", "privacy/2", "rights/3"]);
    }

    #[test]
    fn records_cleared_in_another_tab_are_cleared_here_too() {
        let (_owner, _store, a, b) = two_tabs();
        b.record_answers(&[answer("fraud/1")], day());
        b.update_settings(|s| s.elder = true);
        a.follow(PROGRESS_KEY, false);
        a.follow(SETTINGS_KEY, false);
        assert!(a.settings.get_untracked().elder);
        for key in [PROGRESS_KEY, SETTINGS_KEY] {
            a.follow(key, true);
        }
        assert_eq!(a.progress.get_untracked(), Progress::default());
        assert_eq!(a.settings.get_untracked(), Settings::default());
    }

    #[test]
    fn a_held_key_and_an_unreadable_value_leave_this_tabs_own() {
        let (_owner, store, a, _b) = two_tabs();
        a.record_answers(&[answer("fraud/1")], day());
        let mine = a.progress.get_untracked();
        store.set(PROGRESS_KEY, &"not a progress").unwrap();
        a.follow(PROGRESS_KEY, false);
        assert_eq!(a.progress.get_untracked(), mine);
        // A newer version wrote it: this tab holds the key from now on (its writes stay in
        // memory, `platform::storage`'s tests) and follows it no more.
        let newer = serde_json::json!({"v": SCHEMA + 1, "data": {}});
        store.set(PROGRESS_KEY, &newer).unwrap();
        a.follow(PROGRESS_KEY, false);
        assert_eq!(a.progress.get_untracked(), mine);
        assert!(store.is_held(PROGRESS_KEY));
        store
            .set(PROGRESS_KEY, &seal(&Progress::default()))
            .unwrap();
        a.follow(PROGRESS_KEY, false);
        assert_eq!(a.progress.get_untracked(), mine);
    }

    #[test]
    fn the_rounds_of_another_tab_are_handed_to_the_model() {
        let (_owner, store, a, _b) = two_tabs();
        assert_eq!(a.follow(PRACTICE_KEY, true), Some(OtherTab::Parked(None)));
        assert_eq!(a.follow(IN_PROGRESS_KEY, false), Some(OtherTab::RoundSaved));
        assert_eq!(a.follow(IN_PROGRESS_KEY, true), None);
        store.set(PRACTICE_KEY, &seal(&"not a round")).unwrap();
        assert_eq!(a.follow(PRACTICE_KEY, false), Some(OtherTab::Parked(None)));
    }
}
