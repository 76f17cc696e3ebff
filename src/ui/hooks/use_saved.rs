//! The learner's saved state: read once at start (dropping, and naming, any value that cannot be
//! read), held in signals, and written back after every change. Storage-full errors trim the oldest
//! history and try again.

use crate::domain::i18n::Msg;
use crate::domain::progress::{push_history, Progress, RoundRecord, Shelf};
use crate::domain::saved::{
    no_migration, settings_from_legacy_lang, SavedAttempt, Settings, ATTEMPT_KEY, HISTORY_KEY,
    LEGACY_LANG_KEY, PRACTICE_KEY, PROGRESS_KEY, SETTINGS_KEY,
};
use crate::platform::storage::{Loaded, Store};
use crate::platform::PlatformError;
use leptos::prelude::*;

/// The saved state and the actions that change it.
#[derive(Debug, Clone, Copy)]
pub struct UseSaved {
    /// Settings.
    pub settings: RwSignal<Settings>,
    /// Review state, wrong-answer book, bookmarks.
    pub progress: RwSignal<Progress>,
    /// Finished rounds, oldest first.
    pub history: RwSignal<Vec<RoundRecord>>,
    /// A practice left part-way, to continue from the home screen.
    pub parked: RwSignal<Option<SavedAttempt>>,
    /// The round that was in progress when the app started, if any.
    pub resumable: StoredValue<Option<SavedAttempt>>,
    /// What could not be read at start and was dropped (for one notice).
    pub dropped: StoredValue<Vec<Msg>>,
    store: StoredValue<Store>,
    on_full: Callback<()>,
}

/// The value read, if any; a value that could not be read is named in `dropped`.
fn value_or_none<T>(loaded: Loaded<T>, what: Msg, dropped: &mut Vec<Msg>) -> Option<T> {
    match loaded {
        Loaded::Value(v) => Some(v),
        Loaded::Absent => None,
        Loaded::Dropped => {
            dropped.push(what);
            None
        }
    }
}

fn value_or_default<T: Default>(loaded: Loaded<T>, what: Msg, dropped: &mut Vec<Msg>) -> T {
    value_or_none(loaded, what, dropped).unwrap_or_default()
}

/// Reads everything saved on the device; `on_full` hears when storage ran out of room (the oldest
/// history has then been removed).
pub fn use_saved(store: Store, on_full: Callback<()>) -> UseSaved {
    let mut dropped = Vec::new();
    let settings = match store.load::<Settings>(SETTINGS_KEY, no_migration) {
        // Before schema 1 only the language was kept, under its own key.
        Loaded::Absent => match store.get::<serde_json::Value>(LEGACY_LANG_KEY) {
            Ok(Some(old)) => {
                let migrated = settings_from_legacy_lang(&old);
                if store.save(SETTINGS_KEY, &migrated).is_ok() {
                    store.remove(LEGACY_LANG_KEY);
                }
                migrated
            }
            _ => Settings::default(),
        },
        other => value_or_default(other, Msg::SavedSettings, &mut dropped),
    };
    let progress = value_or_default(
        store.load(PROGRESS_KEY, no_migration),
        Msg::SavedProgress,
        &mut dropped,
    );
    let history = value_or_default(
        store.load(HISTORY_KEY, no_migration),
        Msg::SavedHistory,
        &mut dropped,
    );
    let resumable = value_or_none(
        store.load::<SavedAttempt>(ATTEMPT_KEY, no_migration),
        Msg::SavedAttempt,
        &mut dropped,
    );
    let parked = value_or_none(
        store.load::<SavedAttempt>(PRACTICE_KEY, no_migration),
        Msg::SavedPractice,
        &mut dropped,
    );
    UseSaved {
        parked: RwSignal::new(parked),
        settings: RwSignal::new(settings),
        progress: RwSignal::new(progress),
        history: RwSignal::new(history),
        resumable: StoredValue::new(resumable),
        dropped: StoredValue::new(dropped),
        store: StoredValue::new(store),
        on_full,
    }
}

impl UseSaved {
    /// Writes one value; when storage is full, drops the oldest half of the history and retries.
    fn write<T: serde::Serialize>(self, key: &str, value: &T) {
        let store = self.store.get_value();
        // Other failures (blocked storage mid-visit): the app keeps working on what it holds.
        if let Err(PlatformError::QuotaExceeded) = store.save(key, value) {
            self.history.update(|h| {
                let half = h.len().div_ceil(2);
                h.drain(..half);
            });
            let _ = self.history.with_untracked(|h| store.save(HISTORY_KEY, h));
            // Either way the learner is told the oldest history went; if even that was not
            // enough, the value lives on in memory for this visit.
            let _ = store.save(key, value);
            self.on_full.run(());
        }
    }

    /// Changes the settings and saves them.
    pub fn update_settings(self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        self.settings
            .with_untracked(|s| self.write(SETTINGS_KEY, s));
    }

    /// Records answers (`(question key, right?)`, in order) and saves the progress once.
    pub fn record_answers(self, answers: &[(String, bool)], today: crate::domain::date::Date) {
        self.progress.update(|p| {
            for (key, correct) in answers {
                p.record(key, *correct, today);
            }
        });
        self.progress
            .with_untracked(|p| self.write(PROGRESS_KEY, p));
    }

    /// Takes a question off a shelf by hand and saves the progress.
    pub fn take_off(self, shelf: Shelf, key: &str) {
        self.progress.update(|p| p.take_off(shelf, key));
        self.progress
            .with_untracked(|p| self.write(PROGRESS_KEY, p));
    }

    /// Bookmarks or un-bookmarks a question and saves the progress.
    pub fn toggle_bookmark(self, key: &str) {
        self.progress.update(|p| {
            p.toggle_bookmark(key);
        });
        self.progress
            .with_untracked(|p| self.write(PROGRESS_KEY, p));
    }

    /// Forgets everything the app keeps on the device (the language stays for this visit).
    pub fn clear_all(self) {
        self.progress.set(Progress::default());
        self.history.set(Vec::new());
        self.resumable.set_value(None);
        self.parked.set(None);
        self.settings.set(Settings::default());
        self.store.with_value(|s| {
            for key in [
                PROGRESS_KEY,
                HISTORY_KEY,
                ATTEMPT_KEY,
                PRACTICE_KEY,
                SETTINGS_KEY,
                LEGACY_LANG_KEY,
            ] {
                s.remove(key);
            }
        });
    }

    /// Saves the round in progress (or forgets it with `None`).
    pub fn save_attempt(self, attempt: Option<&SavedAttempt>) {
        match attempt {
            Some(a) => self.write(ATTEMPT_KEY, a),
            None => self.store.with_value(|s| s.remove(ATTEMPT_KEY)),
        }
    }

    /// Keeps a practice left part-way for later (or forgets it with `None`).
    pub fn park(self, attempt: Option<SavedAttempt>) {
        match &attempt {
            Some(a) => self.write(PRACTICE_KEY, a),
            None => self.store.with_value(|s| s.remove(PRACTICE_KEY)),
        }
        self.parked.set(attempt);
    }

    /// Adds a finished round to the history and saves it.
    pub fn finish_round(self, record: RoundRecord) {
        self.history.update(|h| push_history(h, record));
        self.history.with_untracked(|h| self.write(HISTORY_KEY, h));
    }
}
