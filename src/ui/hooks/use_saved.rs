//! The learner's saved state: read once at start, held in signals, and written back after every
//! change. A value that cannot be read is dropped alone (and named); a value written by a newer
//! version is left on the device untouched and this visit works on memory for it (and says so).
//!
//! Writes never happen while a signal is borrowed: each value is sealed (copied out as JSON) first,
//! then written, so that running out of room can change the history signal safely. Storage-full
//! errors trim the oldest history and try again; what still does not fit lives on in memory.

use crate::domain::app::Judged;
use crate::domain::history::{push_history, RoundRecord};
use crate::domain::i18n::Msg;
use crate::domain::progress::{Progress, Shelf};
use crate::domain::saved::KeptReason;
use crate::domain::saved::{
    no_migration, settings_from_legacy_lang, SavedRound, SavedScreen, Sealed, Settings,
    HISTORY_KEY, IN_PROGRESS_KEY, LEGACY_LANG_KEY, PRACTICE_KEY, PROGRESS_KEY, SCREEN_KEY,
    SETTINGS_KEY,
};
use crate::platform::storage::{Loaded, Store};
use crate::platform::PlatformError;
use crate::ui::hooks::use_scoped;
use leptos::prelude::*;
use serde_json::Value;

mod follow;

/// What was found at start that the learner should hear about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StartReport {
    /// Values that could not be read and were dropped.
    pub dropped: Vec<Msg>,
    /// Values written by a newer version, kept untouched on the device.
    pub kept: Vec<Msg>,
    /// Values storage refused to read this time, kept untouched on the device.
    pub unread: Vec<Msg>,
    /// The round in progress when the page was left (reload, killed webview), to resume.
    pub resumable: Option<SavedRound>,
    /// The practice parked to continue later.
    pub parked: Option<SavedRound>,
    /// The setup or result screen shown when the page was left.
    pub screen: Option<SavedScreen>,
}

/// The saved state and the actions that change it.
///
/// Components read `settings`, `progress` and `history`: the page's values, or in a screen the
/// screen's own copies of them ([`UseSaved::scoped`]), so that a screen that has gone leaves
/// nothing in the page values' subscribers (issue 14). Only the actions below write, to `page`.
#[derive(Debug, Clone, Copy)]
pub struct UseSaved {
    /// Settings.
    pub settings: Signal<Settings>,
    /// Review state, wrong-answer book, bookmarks.
    pub progress: Signal<Progress>,
    /// Finished rounds, oldest first.
    pub history: Signal<Vec<RoundRecord>>,
    /// What the start found (for one notice each).
    pub report: StoredValue<StartReport>,
    page: PageValues,
    store: StoredValue<Store>,
    on_full: Callback<()>,
}

/// The page's own values, the ones that are written.
#[derive(Debug, Clone, Copy)]
struct PageValues {
    settings: RwSignal<Settings>,
    progress: RwSignal<Progress>,
    history: RwSignal<Vec<RoundRecord>>,
}

/// The value read, if any; a value that was dropped or kept is named in `report`.
fn value_or_none<T>(loaded: Loaded<T>, what: Msg, report: &mut StartReport) -> Option<T> {
    match loaded {
        Loaded::Value(v) => Some(v),
        Loaded::Absent => None,
        Loaded::Dropped => {
            report.dropped.push(what);
            None
        }
        Loaded::Kept(KeptReason::Newer) => {
            report.kept.push(what);
            None
        }
        // `Unreadable` only comes from `Store::load_keeping`, which the learner app does not use.
        Loaded::Kept(KeptReason::ReadFailed | KeptReason::Unreadable) => {
            report.unread.push(what);
            None
        }
    }
}

fn value_or_default<T: Default>(loaded: Loaded<T>, what: Msg, report: &mut StartReport) -> T {
    value_or_none(loaded, what, report).unwrap_or_default()
}

/// Reads everything saved on the device; `on_full` hears when storage ran out of room (the oldest
/// history has then been removed).
pub fn use_saved(store: Store, on_full: Callback<()>) -> UseSaved {
    let mut report = StartReport::default();
    let settings = match store.load::<Settings>(SETTINGS_KEY, no_migration) {
        // Before schema 1 only the language was kept, under its own key.
        Loaded::Absent => match store.get::<Value>(LEGACY_LANG_KEY) {
            Ok(Some(old)) => {
                let migrated = settings_from_legacy_lang(&old);
                if store.save(SETTINGS_KEY, &migrated).is_ok() {
                    store.remove(LEGACY_LANG_KEY);
                }
                migrated
            }
            _ => Settings::default(),
        },
        other => value_or_default(other, Msg::SavedSettings, &mut report),
    };
    let progress = value_or_default(
        store.load(PROGRESS_KEY, no_migration),
        Msg::SavedProgress,
        &mut report,
    );
    let history = value_or_default(
        store.load(HISTORY_KEY, no_migration),
        Msg::SavedHistory,
        &mut report,
    );
    let resumable = value_or_none(
        store.load::<SavedRound>(IN_PROGRESS_KEY, no_migration),
        Msg::SavedRound,
        &mut report,
    );
    let parked = value_or_none(
        store.load::<SavedRound>(PRACTICE_KEY, no_migration),
        Msg::SavedPractice,
        &mut report,
    );
    let screen = value_or_none(
        store.load::<SavedScreen>(SCREEN_KEY, no_migration),
        Msg::SavedScreen,
        &mut report,
    );
    report.resumable = resumable;
    report.parked = parked;
    report.screen = screen;
    let page = PageValues {
        settings: RwSignal::new(settings),
        progress: RwSignal::new(progress),
        history: RwSignal::new(history),
    };
    UseSaved {
        settings: page.settings.into(),
        progress: page.progress.into(),
        history: page.history.into(),
        page,
        report: StoredValue::new(report),
        store: StoredValue::new(store),
        on_full,
    }
}

/// `data` as stored: sealed with the schema version and encoded straight to text (no JSON tree of
/// it built on the way; the learner's progress is written at every answer). `None`, with a
/// warning, for a value JSON cannot hold, which the app's records never are.
fn sealed<T: serde::Serialize>(data: &T) -> Option<String> {
    serde_json::to_string(&Sealed::new(data))
        .map_err(|e| crate::platform::log::warn(&format!("not saved: {e}")))
        .ok()
}

impl UseSaved {
    /// The same saved state, read through copies that live with the current owner (a screen):
    /// call it on the page's own `UseSaved` where a page switches screens ([`use_scoped`]).
    pub fn scoped(self) -> Self {
        Self {
            settings: use_scoped(self.page.settings.into()),
            progress: use_scoped(self.page.progress.into()),
            history: use_scoped(self.page.history.into()),
            ..self
        }
    }

    /// Writes one sealed value. When storage is full, drops the oldest half of the history, saves
    /// that, and tries once more; either way the learner is told. Other failures (storage blocked
    /// mid-visit) leave the app working on what it holds in memory.
    fn write(self, key: &str, text: Option<String>) {
        let Some(text) = text else {
            return;
        };
        let store = self.store.get_value();
        if let Err(PlatformError::QuotaExceeded) = store.set_text(key, &text) {
            // No signal is borrowed here (callers encode first), so the history can change.
            // The oldest half goes; the newest round (perhaps the one just finished) always stays.
            self.page.history.update(|h| {
                let half = h.len() / 2;
                h.drain(..half);
            });
            if let Some(history) = self.page.history.with_untracked(sealed) {
                let _ = store.set_text(HISTORY_KEY, &history);
            }
            if key != HISTORY_KEY {
                let _ = store.set_text(key, &text);
            }
            self.on_full.run(());
        }
    }

    fn write_progress(self) {
        let text = self.page.progress.with_untracked(sealed);
        self.write(PROGRESS_KEY, text);
    }

    /// Changes the settings and saves them.
    pub fn update_settings(self, change: impl FnOnce(&mut Settings)) {
        self.page.settings.update(change);
        let text = self.page.settings.with_untracked(sealed);
        self.write(SETTINGS_KEY, text);
    }

    /// Records judged answers (in order) and saves the progress once.
    pub fn record_answers(self, answers: &[Judged], today: crate::domain::date::Date) {
        self.page.progress.update(|p| {
            for answer in answers {
                p.record(&answer.key, answer.correct, today);
            }
        });
        self.write_progress();
    }

    /// Takes a question off a shelf by hand and saves the progress.
    pub fn take_off(self, shelf: Shelf, key: &str) {
        self.page.progress.update(|p| p.take_off(shelf, key));
        self.write_progress();
    }

    /// Bookmarks or un-bookmarks a question and saves the progress.
    pub fn toggle_bookmark(self, key: &str) {
        self.page.progress.update(|p| {
            p.toggle_bookmark(key);
        });
        self.write_progress();
    }

    /// Forgets everything the app keeps on the device, values of newer versions included (the
    /// language stays for this visit).
    pub fn clear_all(self) {
        self.page.progress.set(Progress::default());
        self.page.history.set(Vec::new());
        self.page.settings.set(Settings::default());
        self.store.with_value(|s| {
            for key in [
                PROGRESS_KEY,
                HISTORY_KEY,
                IN_PROGRESS_KEY,
                PRACTICE_KEY,
                SCREEN_KEY,
                SETTINGS_KEY,
                LEGACY_LANG_KEY,
            ] {
                s.erase(key);
            }
        });
    }

    /// Saves the round in progress (or forgets it with `None`).
    pub fn save_in_progress(self, round: Option<&SavedRound>) {
        match round {
            Some(a) => self.write(IN_PROGRESS_KEY, sealed(a)),
            None => self.store.with_value(|s| s.remove(IN_PROGRESS_KEY)),
        }
    }

    /// Keeps a practice left part-way for later (or forgets it with `None`).
    pub fn park(self, round: Option<&SavedRound>) {
        match round {
            Some(a) => self.write(PRACTICE_KEY, sealed(a)),
            None => self.store.with_value(|s| s.remove(PRACTICE_KEY)),
        }
    }

    /// Keeps the setup or result screen shown, for a reload to open again (or forgets it with
    /// `None`).
    pub fn save_screen(self, screen: Option<&SavedScreen>) {
        match screen {
            Some(s) => self.write(SCREEN_KEY, sealed(s)),
            None => self.store.with_value(|s| s.remove(SCREEN_KEY)),
        }
    }

    /// Adds a finished round to the history and saves it.
    pub fn finish_round(self, record: RoundRecord) {
        self.page.history.update(|h| push_history(h, record));
        let text = self.page.history.with_untracked(sealed);
        self.write(HISTORY_KEY, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::library::RoundKind;
    use crate::domain::plan::Plan;
    use crate::domain::saved::SCHEMA;
    use crate::domain::session::Session;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn day() -> Date {
        Date::new(2026, 12, 4).unwrap()
    }

    fn record(n: u32) -> RoundRecord {
        RoundRecord {
            date: day(),
            topics: Vec::new(),
            total: 10,
            correct: n % 10,
            seconds: 60,
            label: Default::default(),
            points: n,
            parts: Vec::new(),
            passed: None,
        }
    }

    fn round() -> SavedRound {
        SavedRound {
            kind: RoundKind::Plan(Plan::practice(Vec::new())),
            session: serde_json::from_str::<Session>(
                r#"{"seed":7,"items":[{"bank":"b","question":"q","options":["a","b"]}],"answers":[],"phase":{"Asking":{"index":0,"selected":[]}}}"#,
            )
            .unwrap(),
            elapsed_ms: 1_000.0,
            asking: None,
        }
    }

    /// A hook over `store` under a reactive owner, and how often it said "storage full".
    fn open(store: Store) -> (Owner, UseSaved, Arc<AtomicUsize>) {
        let owner = Owner::new();
        owner.set();
        let full = Arc::new(AtomicUsize::new(0));
        let counter = full.clone();
        let saved = use_saved(
            store,
            Callback::new(move |()| {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        );
        (owner, saved, full)
    }

    /// One of the app's writes.
    type Write = Box<dyn Fn(UseSaved)>;

    /// Every write the app makes, each given a name.
    fn writes() -> Vec<(&'static str, Write)> {
        vec![
            (
                "settings",
                Box::new(|s: UseSaved| s.update_settings(|st| st.elder = true)),
            ),
            (
                "answers",
                Box::new(|s: UseSaved| {
                    s.record_answers(
                        &[Judged {
                            key: "fraud/fraud-001".into(),
                            correct: false,
                        }],
                        day(),
                    )
                }),
            ),
            (
                "bookmark",
                Box::new(|s: UseSaved| s.toggle_bookmark("fraud/fraud-002")),
            ),
            (
                "take off",
                Box::new(|s: UseSaved| s.take_off(Shelf::WrongBook, "fraud/fraud-001")),
            ),
            (
                "in progress",
                Box::new(|s: UseSaved| s.save_in_progress(Some(&round()))),
            ),
            ("park", Box::new(|s: UseSaved| s.park(Some(&round())))),
            ("finish", Box::new(|s: UseSaved| s.finish_round(record(1)))),
        ]
    }

    #[test]
    fn a_screens_copy_reads_what_the_page_holds_and_writes_reach_the_page_and_the_device() {
        let store = Store::memory();
        let (_owner, saved, _full) = open(store.clone());
        let screen = Owner::new();
        let copy = screen.with(|| saved.scoped());
        // Writes through the copy land in the page's values, on the device, and in the copy.
        copy.toggle_bookmark("b/q1");
        copy.update_settings(|s| s.elder = true);
        copy.finish_round(record(3));
        let bookmarked = |u: UseSaved| {
            u.progress
                .with(|p| p.reviews.get("b/q1").is_some_and(|r| r.bookmarked))
        };
        assert!(bookmarked(saved) && bookmarked(copy));
        assert!(saved.settings.get().elder && copy.settings.get().elder);
        assert_eq!(saved.history.get(), copy.history.get());
        let stored: Progress = match store.load(PROGRESS_KEY, no_migration) {
            Loaded::Value(p) => p,
            _ => panic!("the progress was not saved"),
        };
        assert!(stored.reviews["b/q1"].bookmarked);
        // Writes through the page reach a copy made before them.
        saved.toggle_bookmark("b/q1");
        assert!(!bookmarked(copy));
        // The screen gone, the page's values go on.
        screen.cleanup();
        saved.toggle_bookmark("b/q2");
        assert!(saved.progress.with(|p| p.reviews["b/q2"].bookmarked));
    }

    #[test]
    fn storage_full_at_every_write_keeps_the_change_in_memory_and_says_so() {
        for (name, write) in writes() {
            // Another page of the same origin filled the storage: nothing of ours can make room.
            let store = Store::memory_with_quota(64);
            store.set("other-page", &"x".repeat(40)).unwrap();
            let (_owner, saved, full) = open(store.clone());
            write(saved);
            assert_eq!(
                full.load(Ordering::SeqCst),
                1,
                "{name}: the learner is told"
            );
            match name {
                "settings" => assert!(saved.settings.get_untracked().elder),
                "answers" => {
                    assert!(saved
                        .progress
                        .with_untracked(|p| p.is_seen("fraud/fraud-001")))
                }
                // The round in progress and the parked practice live on in the app model.
                "take off" | "in progress" | "park" => {}
                "bookmark" => assert_eq!(
                    saved
                        .progress
                        .with_untracked(|p| p.shelf(Shelf::Bookmarks).count()),
                    1
                ),
                "finish" => assert_eq!(saved.history.with_untracked(Vec::len), 1),
                other => panic!("untested write {other}"),
            }
            // The app goes on: the next change works as well.
            saved.update_settings(|s| s.elder = false);
            assert!(!saved.settings.get_untracked().elder, "{name}");
        }
    }

    #[test]
    fn storage_full_on_finishing_a_round_trims_the_oldest_history_and_saves_the_new_round() {
        let history: Vec<RoundRecord> = (0..60).map(record).collect();
        let size = sealed(&history).unwrap().len() + "anxin.history".len();
        let store = Store::memory_with_quota(size + 20);
        store.save(HISTORY_KEY, &history).unwrap();
        let (_owner, saved, full) = open(store.clone());
        saved.finish_round(record(100));
        assert_eq!(full.load(Ordering::SeqCst), 1);
        let kept: Vec<RoundRecord> = match store.load(HISTORY_KEY, no_migration) {
            Loaded::Value(v) => v,
            other => panic!("history not saved: {other:?}"),
        };
        assert_eq!(kept.len(), 31);
        assert_eq!(kept.last(), Some(&record(100)), "the new round is kept");
        assert_eq!(kept.first(), Some(&record(30)), "the oldest went first");
        assert_eq!(saved.history.get_untracked(), kept);
    }

    #[test]
    fn storage_full_on_saving_progress_makes_room_from_the_history() {
        let history: Vec<RoundRecord> = (0..60).map(record).collect();
        let size = sealed(&history).unwrap().len() + "anxin.history".len();
        let store = Store::memory_with_quota(size + 80);
        store.save(HISTORY_KEY, &history).unwrap();
        let (_owner, saved, full) = open(store.clone());
        let answers: Vec<Judged> = (0..20)
            .map(|i| Judged {
                key: format!("fraud/fraud-{i:03}"),
                correct: i % 2 == 0,
            })
            .collect();
        saved.record_answers(&answers, day());
        assert_eq!(full.load(Ordering::SeqCst), 1);
        let progress: Progress = match store.load(PROGRESS_KEY, no_migration) {
            Loaded::Value(v) => v,
            other => panic!("progress not saved: {other:?}"),
        };
        assert_eq!(progress.reviews.len(), 20);
        assert_eq!(saved.history.with_untracked(Vec::len), 30);
    }

    #[test]
    fn values_of_a_newer_version_are_kept_on_the_device_and_named() {
        let store = Store::memory();
        let newer = serde_json::json!({"v": SCHEMA + 1, "data": [{"from": "the future"}]});
        store.set(HISTORY_KEY, &newer).unwrap();
        store.set(PROGRESS_KEY, &"{broken").unwrap();
        let (_owner, saved, _) = open(store.clone());
        let report = saved.report.get_value();
        assert_eq!(report.kept, vec![Msg::SavedHistory]);
        assert_eq!(report.dropped, vec![Msg::SavedProgress]);
        assert!(saved.history.with_untracked(Vec::is_empty));
        // Finishing a round this visit does not overwrite the newer history on the device.
        saved.finish_round(record(1));
        assert_eq!(saved.history.with_untracked(Vec::len), 1);
        assert!(store.is_held(HISTORY_KEY));
    }
}
