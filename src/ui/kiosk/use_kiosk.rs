//! The kiosk's state, wired (the kiosk's `use_app`): the kiosk model in one signal, the
//! anonymous statistics beside it, and `dispatch`, which applies an event to the model and at once
//! writes what the model says to persist — an outcome into the statistics, the device's settings —
//! under the kiosk's own storage keys. Nothing of a customer is ever written.
//!
//! The clock is passed in, so this wiring runs natively under a reactive owner: the tests below
//! open it over an in-memory store, play sessions, and open it again over the same store as a
//! reload would.

use crate::domain::date::Date;
use crate::domain::kiosk::prize::{PrizeBook, PrizeError};
use crate::domain::kiosk::stats::{Counted, StatsPeriods};
use crate::domain::kiosk::{
    Event, KioskEnv, KioskModel, KioskOverrides, KioskPersist, KioskStats, Outcome, Screen,
    StillThere, EARLIER_STATS_KEY, PRIZES_KEY, SETTINGS_KEY, STATS_KEY,
};
use crate::domain::saved::no_migration;
use crate::domain::text::Lang;
use crate::platform::log;
use crate::platform::storage::{Loaded, Store};
use crate::ui::hooks::Clock;
use crate::ui::services::Locale;
use leptos::prelude::*;

/// The kiosk model, its statistics and the way to change them.
#[derive(Debug, Clone, Copy)]
pub struct UseKiosk {
    /// The kiosk model (read it; change it only through `dispatch`).
    pub model: ReadSignal<KioskModel>,
    /// The anonymous statistics as stored: the current period (`None` until a first session is
    /// counted) and the periods closed by bank updates.
    pub stats: ReadSignal<StatsPeriods>,
    /// The language shown, following the model (for the widgets that read the locale).
    pub locale: Locale,
    /// Applies an event and writes what it asks for.
    pub dispatch: Callback<Event>,
    /// Resets the statistics: every period's counts are forgotten, on the device too.
    pub reset_stats: Callback<()>,
    /// The prize codes' book (`None` until prizes are first turned on and a session ends).
    pub prizes: ReadSignal<Option<PrizeBook>>,
    /// Marks a typed prize code redeemed (if genuine and unused) and counts it.
    pub redeem: Callback<String, Result<(), PrizeError>>,
    /// The clock the kiosk runs on.
    pub clock: Clock,
}

/// What a customer can see of the model: an event that changes none of it (a tick or a touch
/// while nothing is due) does not wake the page up.
fn visible(model: &KioskModel) -> (Screen, Option<StillThere>, Lang, bool) {
    (
        model.screen().clone(),
        model.still_there().copied(),
        model.lang(),
        model.elder(),
    )
}

/// Reads one of the kiosk's values; anything unreadable counts as absent (and is said so).
pub(super) fn read<T: serde::de::DeserializeOwned>(store: &Store, key: &str) -> Option<T> {
    match store.load(key, no_migration) {
        Loaded::Value(value) => Some(value),
        Loaded::Absent => None,
        Loaded::Dropped | Loaded::Kept(_) => {
            log::warn(&format!(
                "kiosk: {key} could not be read; starting without it"
            ));
            None
        }
    }
}

/// Reads the statistics' periods from their two keys.
fn read_stats(store: &Store) -> StatsPeriods {
    StatsPeriods::from_stored(
        read::<KioskStats>(store, STATS_KEY),
        read::<Vec<KioskStats>>(store, EARLIER_STATS_KEY).unwrap_or_default(),
    )
}

/// Writes the statistics' periods: the closed ones first, so a write cut in between leaves the
/// closed period twice (which reading undoes), never lost.
pub(super) fn save_stats(store: &Store, periods: &StatsPeriods) {
    let written = if periods.earlier.is_empty() {
        store.remove(EARLIER_STATS_KEY);
        Ok(())
    } else {
        store.save(EARLIER_STATS_KEY, &periods.earlier)
    }
    .and_then(|()| match &periods.current {
        Some(current) => store.save(STATS_KEY, current),
        None => {
            store.remove(STATS_KEY);
            Ok(())
        }
    });
    if let Err(e) = written {
        log::warn(&format!("kiosk: the statistics could not be saved: {e}"));
    }
}

/// Adds `outcome` to the stored statistics (the first one starts the period; a bank update a
/// new one) and writes them.
fn count(store: &Store, stats: RwSignal<StatsPeriods>, model: &KioskModel, outcome: &Outcome) {
    let mut periods = stats.get_untracked();
    let branch = &model.settings().branch;
    match periods.record(outcome, &model.bank_versions(), branch) {
        Ok(counted) => {
            if let Counted::NewPeriod { dropped_since, .. } = counted {
                log::info("kiosk: a bank was updated; a new statistics period starts");
                if let Some(since) = dropped_since {
                    let since = since.map_or_else(String::new, |d| d.to_string());
                    log::warn(&format!(
                        "kiosk: the oldest statistics period (since {since}) was dropped"
                    ));
                }
            }
            save_stats(store, &periods);
            stats.set(periods);
        }
        Err(e) => log::warn(&format!("kiosk: a session was not counted: {e}")),
    }
}

/// Writes the prize book.
fn save_prizes(store: &Store, book: &PrizeBook) {
    if let Err(e) = store.save(PRIZES_KEY, book) {
        log::warn(&format!("kiosk: the prize codes could not be saved: {e}"));
    }
}

/// Opens the kiosk over `store`: this device's settings and the statistics are read, the model
/// starts on the attract screen (as after every reload). `secret` draws the random bytes of the
/// prize codes' secret (asked for once, when prizes are first needed).
pub fn use_kiosk(store: Store, clock: Clock, secret: fn() -> Vec<u8>) -> UseKiosk {
    let device: KioskOverrides = read(&store, SETTINGS_KEY).unwrap_or_default();
    let model = KioskModel::new(KioskOverrides::default(), device);
    open_kiosk(store, clock, secret, model)
}

impl UseKiosk {
    /// A stand-in: a copy of the model as it is now, over a store of its own that starts empty
    /// and lives in memory. Its events change the copy, and what it writes (an outcome, a prize
    /// book) goes to that store, never to the kiosk's (the rehearsal, `ui::kiosk::rehearsal`).
    /// Its signals belong to the reactive owner it is made under.
    pub fn stand_in(&self) -> UseKiosk {
        // Its prize codes are never shown or kept: any secret will do.
        let secret = || vec![0; 32];
        open_kiosk(
            Store::memory(),
            self.clock,
            secret,
            self.model.get_untracked(),
        )
    }
}

/// The kiosk over `store`, starting from `model`.
fn open_kiosk(store: Store, clock: Clock, secret: fn() -> Vec<u8>, model: KioskModel) -> UseKiosk {
    let reset_store = store.clone();
    let prize_store = store.clone();
    let prizes = RwSignal::new(read::<PrizeBook>(&store, PRIZES_KEY));
    let stats = RwSignal::new(read_stats(&store));
    let model = RwSignal::new(model);
    let locale = Locale::new(model.with_untracked(KioskModel::lang));
    let dispatch = Callback::new(move |event: Event| {
        let quiet = matches!(event, Event::Tick | Event::Touch);
        // The code a session ending now would show (only "next" ends one), from a book made
        // the first time prizes are needed.
        let offered = (event == Event::Next
            && model.with_untracked(|m| m.settings().prize_threshold.is_some()))
        .then(|| {
            if prizes.with_untracked(Option::is_none) {
                match PrizeBook::new(&secret()) {
                    Ok(book) => {
                        save_prizes(&store, &book);
                        prizes.set(Some(book));
                    }
                    Err(e) => log::warn(&format!("kiosk: no prize codes: {e}")),
                }
            }
            prizes.with_untracked(|b| b.as_ref().map(PrizeBook::next_code))
        })
        .flatten();
        let env = KioskEnv {
            now_ms: (clock.now_ms)(),
            seed: (clock.seed)(),
            prize_code: offered.as_deref(),
        };
        let mut out = Vec::new();
        model.maybe_update(|m| {
            let before = quiet.then(|| visible(m));
            out = m.apply(event, &env);
            before.is_none_or(|b| b != visible(m))
        });
        for what in out {
            match what {
                KioskPersist::Outcome(outcome) => {
                    if outcome.prize_issued {
                        prizes.update(|book| {
                            if let Some(book) = book {
                                book.issue();
                                save_prizes(&store, book);
                            }
                        });
                    }
                    model.with_untracked(|m| count(&store, stats, m, &outcome));
                }
                KioskPersist::Settings(device) => {
                    if let Err(e) = store.save(SETTINGS_KEY, &device) {
                        log::warn(&format!("kiosk: the settings could not be saved: {e}"));
                    }
                }
            }
        }
        let lang = model.with_untracked(KioskModel::lang);
        if locale.lang_untracked() != lang {
            locale.set(lang);
        }
    });
    let reset_stats = Callback::new(move |()| {
        let empty = StatsPeriods::default();
        save_stats(&reset_store, &empty);
        stats.set(empty);
    });
    let redeem = Callback::new(move |typed: String| {
        let mut book = prizes.get_untracked().ok_or(PrizeError::NotGenuine)?;
        book.redeem(&typed)?;
        save_prizes(&prize_store, &book);
        prizes.set(Some(book));
        let mut periods = stats.get_untracked();
        let today = Date::beijing_from_unix_ms((clock.now_ms)());
        model.with_untracked(|m| periods.record_redeemed(today, &m.settings().branch));
        save_stats(&prize_store, &periods);
        stats.set(periods);
        Ok(())
    });
    UseKiosk {
        model: model.read_only(),
        stats: stats.read_only(),
        locale,
        dispatch,
        reset_stats,
        prizes: prizes.read_only(),
        redeem,
        clock,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{parse_bank_on_device, BankIndex, Topic};
    use crate::domain::date::Date;
    use crate::domain::kiosk::{TopicChoice, KEYS};
    use std::cell::Cell;
    use std::sync::Arc;

    thread_local! {
        /// Each test's fake clock (tests run on their own threads), moved by the test.
        static NOW_MS: Cell<f64> = const { Cell::new(0.0) };
    }

    fn start_of_test() -> f64 {
        let days = Date::new(2026, 12, 5).unwrap().days_since_epoch() as f64;
        days * 86_400_000.0 + 2.5 * 3_600_000.0
    }

    fn clock() -> Clock {
        Clock {
            today: || Date::new(2026, 12, 5).unwrap(),
            now_ms: || NOW_MS.with(Cell::get),
            seed: || 42,
            later: |work| work(),
        }
    }

    /// 2026-12-05 10:30 in Beijing, or later.
    fn set_now(ms: f64) {
        NOW_MS.with(|now| now.set(ms));
    }

    fn wait(kiosk: &UseKiosk, seconds: f64) {
        set_now((clock().now_ms)() + seconds * 1000.0);
        kiosk.dispatch.run(Event::Tick);
    }

    /// The kiosk over `store` under a reactive owner, with every bank loaded.
    fn open(store: &Store) -> (Owner, UseKiosk) {
        let owner = Owner::new();
        owner.set();
        let kiosk = use_kiosk(store.clone(), clock(), || vec![5; 32]);
        let index =
            BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap();
        for entry in index.banks {
            let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
            let bank = Arc::new(parse_bank_on_device(&entry.file, &bytes).bank.unwrap());
            kiosk.dispatch.run(Event::BankLoaded(bank));
        }
        (owner, kiosk)
    }

    /// Answers the question shown (rightly) and goes on.
    fn answer(kiosk: &UseKiosk) {
        let answer = kiosk.model.with_untracked(|m| {
            let (_, item) = m.round().unwrap().session.shown().unwrap();
            m.library()
                .question(&item.bank, &item.question)
                .unwrap()
                .answer
                .clone()
        });
        for option in answer {
            kiosk.dispatch.run(Event::Toggle(option));
        }
        kiosk.dispatch.run(Event::Submit);
        kiosk.dispatch.run(Event::Next);
    }

    /// Every key `store` holds a value under, among the learner's, the kiosk's and a few more.
    fn keys(store: &Store) -> Vec<&'static str> {
        let candidates = [
            "settings",
            "progress",
            "history",
            "practice",
            "attempt",
            "lang",
            "kiosk.settings",
            "kiosk.stats",
            "kiosk.stats.earlier",
            "kiosk.pin",
            "kiosk.prizes",
            "kiosk.session",
            "kiosk.lang",
        ];
        candidates
            .into_iter()
            .filter(|k| store.get::<serde_json::Value>(k).unwrap().is_some())
            .collect()
    }

    #[test]
    fn a_stand_in_plays_a_first_session_and_the_kiosk_keeps_nothing_of_it() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        // Prize codes on: "next" then makes a prize book, in the stand-in's store only.
        kiosk.dispatch.run(Event::DeploymentLoaded(KioskOverrides {
            prize_threshold: Some(Some(1)),
            ..KioskOverrides::default()
        }));
        let before = kiosk.model.get_untracked();
        let stand_in = kiosk.stand_in();
        let now = (clock().now_ms)();
        let mut taps = 0;
        while let Some(event) = stand_in.model.with_untracked(|m| m.rehearsal_step(now)) {
            stand_in.dispatch.run(event);
            taps += 1;
        }
        assert_eq!(taps, 5);
        let shown = stand_in
            .model
            .with_untracked(|m| m.round().and_then(|r| r.session.shown()).map(|(i, _)| i));
        assert_eq!(
            shown,
            Some(1),
            "the stand-in went on to its second question"
        );
        assert_eq!(
            kiosk.model.get_untracked(),
            before,
            "the kiosk's model is as it was"
        );
        assert!(
            keys(&store).is_empty(),
            "the kiosk's store is untouched: {:?}",
            keys(&store)
        );
        assert!(kiosk.prizes.get_untracked().is_none());
        assert!(
            stand_in.prizes.get_untracked().is_some(),
            "the stand-in made its own book"
        );
    }

    #[test]
    fn a_session_is_counted_once_and_a_reload_keeps_the_counts_and_nothing_else() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        kiosk.dispatch.run(Event::Start);
        kiosk.dispatch.run(Event::SetLang(Lang::En));
        assert_eq!(kiosk.locale.lang_untracked(), Lang::En);
        kiosk
            .dispatch
            .run(Event::ChooseTopic(TopicChoice::Topic(Topic::Fraud)));
        for _ in 0..5 {
            answer(&kiosk);
        }
        assert!(matches!(
            kiosk.model.with_untracked(|m| m.screen().clone()),
            Screen::EndCard(_)
        ));
        kiosk.dispatch.run(Event::Done);
        assert_eq!(
            kiosk.locale.lang_untracked(),
            Lang::Zh,
            "back to the default"
        );
        let counted = kiosk.stats.get_untracked().current.unwrap();
        assert_eq!(
            (counted.started, counted.completed, counted.right),
            (1, 1, 5)
        );
        assert_eq!((counted.langs.en, counted.answered), (1, 5));
        assert_eq!(keys(&store), ["kiosk.stats"]);

        // A reload: a new kiosk over the same storage, on the attract screen, counts intact.
        let (_owner, again) = open(&store);
        assert_eq!(
            again.model.with_untracked(|m| m.screen().clone()),
            Screen::Attract
        );
        assert_eq!(again.stats.get_untracked().current, Some(counted));
    }

    #[test]
    fn an_idle_reset_counts_the_abandoned_session_and_leaves_only_the_kiosks_keys() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        kiosk.dispatch.run(Event::Start);
        kiosk.dispatch.run(Event::SetElder(true));
        kiosk.dispatch.run(Event::ChooseTopic(TopicChoice::Mixed));
        answer(&kiosk);
        answer(&kiosk);
        let idle = kiosk
            .model
            .with_untracked(|m| m.settings().idle_seconds + m.settings().countdown_seconds);
        wait(&kiosk, 45.0);
        assert!(kiosk.model.with_untracked(|m| m.still_there().is_some()));
        wait(&kiosk, f64::from(idle));
        kiosk.model.with_untracked(|m| {
            assert_eq!(m.screen(), &Screen::Attract);
            assert!(!m.elder(), "the next customer starts without elder mode");
        });
        let counted = kiosk.stats.get_untracked().current.unwrap();
        assert_eq!(
            (counted.started, counted.completed, counted.elder),
            (1, 0, 1)
        );
        assert_eq!((counted.answered, counted.right), (2, 2));
        assert!(
            keys(&store).iter().all(|k| KEYS.contains(k)),
            "{:?}",
            keys(&store)
        );
    }

    #[test]
    fn settings_saved_by_staff_are_read_again_after_a_reload() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        let device = KioskOverrides {
            questions_per_session: Some(3),
            branch: Some("人民路支行".into()),
            ..KioskOverrides::default()
        };
        kiosk.dispatch.run(Event::SetOverrides(device));
        let (_owner, again) = open(&store);
        again.model.with_untracked(|m| {
            assert_eq!(m.settings().questions_per_session, 3);
            assert_eq!(m.settings().branch, "人民路支行");
        });
        assert_eq!(keys(&store), ["kiosk.settings"]);
    }

    #[test]
    fn a_bank_update_keeps_the_old_period_apart_and_counts_on_in_a_new_one() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        let play = |kiosk: &UseKiosk| {
            kiosk.dispatch.run(Event::Start);
            kiosk
                .dispatch
                .run(Event::ChooseTopic(TopicChoice::Topic(Topic::Fraud)));
            for _ in 0..5 {
                answer(kiosk);
            }
            kiosk.dispatch.run(Event::Done);
        };
        play(&kiosk);
        // A deployment brings the fraud bank's next version; the kiosk reloads.
        let (_owner, again) = open(&store);
        let mut bank = again
            .model
            .with_untracked(|m| (**m.library().bank(&"fraud".into()).unwrap()).clone());
        bank.version += 1;
        again.dispatch.run(Event::BankLoaded(Arc::new(bank)));
        play(&again);
        let periods = again.stats.get_untracked();
        assert_eq!(periods.earlier.len(), 1, "the old period is kept");
        assert_eq!(periods.earlier[0].started, 1);
        let current = periods.current.unwrap();
        assert_eq!(current.started, 1, "the new period counts the new session");
        assert_ne!(current.banks, periods.earlier[0].banks);
        assert_eq!(keys(&store), ["kiosk.stats", "kiosk.stats.earlier"]);
        // And a reload reads both back.
        let (_owner, third) = open(&store);
        assert_eq!(third.stats.get_untracked().earlier.len(), 1);
    }

    #[test]
    fn resetting_the_statistics_forgets_every_period_on_the_device_too() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        kiosk.dispatch.run(Event::Start);
        kiosk.dispatch.run(Event::ChooseTopic(TopicChoice::Mixed));
        answer(&kiosk);
        kiosk.dispatch.run(Event::Done);
        assert_eq!(keys(&store), ["kiosk.stats"]);
        kiosk.reset_stats.run(());
        assert!(kiosk.stats.get_untracked().is_empty());
        assert!(keys(&store).is_empty(), "{:?}", keys(&store));
        let (_owner, again) = open(&store);
        assert!(again.stats.get_untracked().is_empty());
    }

    #[test]
    fn a_prize_code_is_issued_at_the_threshold_checked_once_and_counted() {
        set_now(start_of_test());
        let store = Store::memory();
        let (_owner, kiosk) = open(&store);
        let device = KioskOverrides {
            prize_threshold: Some(Some(5)),
            ..KioskOverrides::default()
        };
        kiosk.dispatch.run(Event::SetOverrides(device));
        kiosk.dispatch.run(Event::Start);
        kiosk.dispatch.run(Event::ChooseTopic(TopicChoice::Mixed));
        for _ in 0..5 {
            answer(&kiosk);
        }
        let code = kiosk.model.with_untracked(|m| match m.screen() {
            Screen::EndCard(card) => card.prize_code.clone().unwrap(),
            other => panic!("{other:?}"),
        });
        kiosk.dispatch.run(Event::Done);
        let counted = kiosk.stats.get_untracked().current.unwrap();
        assert_eq!((counted.prizes_issued, counted.prizes_redeemed), (1, 0));
        // A reload: the book is stored, the code is genuine once.
        let (_owner, again) = open(&store);
        assert_eq!(
            again
                .prizes
                .with_untracked(|b| b.as_ref().map(|b| b.verify(&code))),
            Some(Ok(0))
        );
        assert_eq!(again.redeem.run(code.to_lowercase()), Ok(()));
        assert_eq!(again.redeem.run(code.clone()), Err(PrizeError::Used));
        assert_eq!(
            again.redeem.run("ZZZZZZ".into()),
            Err(PrizeError::NotGenuine)
        );
        let counted = again.stats.get_untracked().current.unwrap();
        assert_eq!((counted.prizes_issued, counted.prizes_redeemed), (1, 1));
        let stored: serde_json::Value = store.get("kiosk.prizes").unwrap().unwrap();
        assert!(!stored.to_string().contains(&code), "codes are not stored");
    }
}
