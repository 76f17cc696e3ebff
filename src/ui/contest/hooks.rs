//! The contest page's reactive wiring, each hook returning a named struct: the banks loaded into
//! a `Library` (through the learner's own loader, `use_banks`), the match with its `dispatch`
//! (apply, save after every action, tell the audience window), and a clock that ticks while a
//! countdown runs. The clock and the way to tell the other window are passed in, so the match's
//! wiring runs natively under a reactive owner over an in-memory store (tests below).

use crate::domain::app::{BankLoad, Event as BankEvent};
use crate::domain::contest::{Env, Event, Match, Refused, Run, MATCH_KEY};
use crate::domain::library::Library;
use crate::domain::saved::no_migration;
use crate::platform::storage::{Loaded, Store};
use crate::platform::PlatformError;
use crate::ui::hooks::use_banks;
use leptos::prelude::*;
use std::time::Duration;

/// Where the banks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BanksState {
    /// Still arriving (how many of how many).
    Loading {
        /// Banks settled.
        settled: usize,
        /// Banks listed.
        listed: usize,
    },
    /// Every bank listed has settled (some may have failed).
    Ready,
    /// The index could not be had.
    Failed,
}

/// The banks, as they arrive.
#[derive(Debug, Clone, Copy)]
pub struct UseLibrary {
    /// Every valid bank so far.
    pub library: ReadSignal<Library>,
    /// Where loading is.
    pub state: ReadSignal<BanksState>,
}

/// Loads every bank (as the learner's page does) into a library.
pub fn use_library() -> UseLibrary {
    let library = RwSignal::new(Library::default());
    let state = RwSignal::new(BanksState::Loading {
        settled: 0,
        listed: 0,
    });
    let on_event = Callback::new(move |event: BankEvent| match event {
        BankEvent::IndexLoaded(None) => state.set(BanksState::Failed),
        BankEvent::IndexLoaded(Some(index)) => {
            let listed = index.banks.len();
            state.set(if listed == 0 {
                BanksState::Ready
            } else {
                BanksState::Loading { settled: 0, listed }
            });
        }
        BankEvent::BankLoaded(_, load) => {
            if let BankLoad::Ready(bank) = load {
                library.update(|l| l.insert(bank));
            }
            state.update(|s| {
                if let BanksState::Loading { settled, listed } = s {
                    *settled += 1;
                    if *settled >= *listed {
                        *s = BanksState::Ready;
                    }
                }
            });
        }
        _ => {}
    });
    use_banks(on_event);
    UseLibrary {
        library: library.read_only(),
        state: state.read_only(),
    }
}

/// What the host's window sends the audience's of `game` ([`Match::for_audience`]).
pub fn audience_copy(game: &Option<Match>) -> Option<Match> {
    game.as_ref().map(Match::for_audience)
}

/// The match in play and the way to change it.
#[derive(Debug, Clone, Copy)]
pub struct UseMatch {
    /// The match (none before the first starts).
    pub game: ReadSignal<Option<Match>>,
    /// Applies a host's action or a buzzer's press, saves the match and tells the other window.
    pub dispatch: Callback<Event>,
    /// Starts a new match in place of the one saved.
    pub start: Callback<Match>,
    /// Why the last action was refused (cleared by the next one taken).
    pub refusal: ReadSignal<Option<Refused>>,
    /// Whether the last save failed because storage is full.
    pub storage_full: ReadSignal<bool>,
    /// Reads the match again from storage (after another window hosted it); a match storage has
    /// lost is saved again from memory.
    pub reload: Callback<()>,
}

/// Opens the match saved in `store` (if any). `now_ms` is the clock; `library` the banks (to judge
/// the options said); `on_saved` hears the audience's copy of the match after every change, once
/// it is saved (the host tells the audience: [`Match::for_audience`]).
pub fn use_match(
    store: Store,
    library: ReadSignal<Library>,
    now_ms: fn() -> u64,
    on_saved: Callback<Option<Match>>,
) -> UseMatch {
    let saved = |store: &Store| match store.load::<Match>(MATCH_KEY, no_migration) {
        Loaded::Value(game) => Some(game),
        _ => None,
    };
    let game = RwSignal::new(saved(&store));
    let refusal = RwSignal::new(None);
    let storage_full = RwSignal::new(false);
    let store = StoredValue::new(store);
    let save = move || {
        let result = game.with_untracked(|g| match g {
            Some(g) => store.with_value(|s| s.save(MATCH_KEY, g)),
            None => Ok(()),
        });
        storage_full.set(matches!(result, Err(PlatformError::QuotaExceeded)));
        if let Err(e) = result {
            crate::platform::log::warn(&format!("the match was not saved: {e}"));
        }
        on_saved.run(game.with_untracked(audience_copy));
    };
    let dispatch = Callback::new(move |event: Event| {
        let now = now_ms();
        let result = library.with_untracked(|library| {
            let env = Env {
                now_ms: now,
                library,
            };
            game.try_maybe_update(|g| match g {
                Some(g) => {
                    let result = g.apply(event, &env);
                    (result.is_ok(), result)
                }
                None => (false, Err(Refused::NotNow)),
            })
            .unwrap_or(Err(Refused::NotNow))
        });
        match result {
            Ok(_) => {
                if refusal.get_untracked().is_some() {
                    refusal.set(None);
                }
                save();
            }
            Err(e) => refusal.set(Some(e)),
        }
    });
    let start = Callback::new(move |new: Match| {
        game.set(Some(new));
        refusal.set(None);
        save();
    });
    // The stored match, if there is one; if storage lost it (cleared by another tab), the match
    // in memory is kept and saved again.
    let reload = Callback::new(move |()| {
        match store.with_value(saved) {
            Some(stored) => {
                game.set(Some(stored));
                on_saved.run(game.with_untracked(audience_copy));
            }
            None => save(),
        }
        refusal.set(None);
    });
    UseMatch {
        game: game.read_only(),
        dispatch,
        start,
        refusal: refusal.read_only(),
        storage_full: storage_full.read_only(),
        reload,
    }
}

/// Whether the match has a countdown running.
pub fn timer_running(game: &Option<Match>) -> bool {
    game.as_ref()
        .and_then(|g| g.state().timer())
        .is_some_and(|t| matches!(t.run(), Run::Running { .. }))
}

/// A clock read every 200 ms while `running`, calling `on_tick` each time.
pub fn use_clock(
    running: Signal<bool>,
    now_ms: fn() -> u64,
    on_tick: Callback<u64>,
) -> Signal<u64> {
    let time = RwSignal::new(now_ms());
    Effect::new(move |_| {
        if !running.get() {
            return;
        }
        time.set(now_ms());
        let tick = move || {
            let now = now_ms();
            time.set(now);
            on_tick.run(now);
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(200)) {
            on_cleanup(move || handle.clear());
        }
    });
    time.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{parse_bank_on_device, BankIndex};
    use crate::domain::contest::{
        BuzzRules, MatchSetup, Phase, RoundRules, RoundSetup, TeamId, Verdict,
    };
    use crate::domain::date::Date;
    use std::sync::Arc;

    fn library() -> Library {
        let index =
            BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap();
        let mut library = Library::default();
        for entry in index.banks {
            let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
            library.insert(Arc::new(
                parse_bank_on_device(&entry.file, &bytes).bank.unwrap(),
            ));
        }
        library
    }

    fn a_match(library: &Library) -> Match {
        let today = Date::new(2026, 12, 5).unwrap();
        let keys = library
            .current_questions(today)
            .into_iter()
            .take(2)
            .map(|(b, q)| crate::domain::contest::QuestionKey::new(b.clone(), q.id.clone()))
            .collect();
        let mut setup = MatchSetup::starter("决赛", |n| format!("第{n}队"));
        setup.rounds = vec![RoundSetup {
            rules: RoundRules::BuzzIn(BuzzRules::default()),
            questions: keys,
            draw: None,
        }];
        Match::new(setup, library).unwrap()
    }

    /// The host's wiring over `store`, as a page load would open it.
    fn open(store: &Store, library: &Library) -> (Owner, UseMatch, RwSignal<usize>) {
        let owner = Owner::new();
        owner.set();
        let told = RwSignal::new(0);
        let library = RwSignal::new(library.clone()).read_only();
        let on_saved = Callback::new(move |_: Option<Match>| told.update(|n| *n += 1));
        let hook = use_match(store.clone(), library, || 1_800_000_000_000, on_saved);
        (owner, hook, told)
    }

    #[test]
    fn a_reload_mid_question_rejoins_the_same_buzz_scores_and_timer() {
        let store = Store::memory();
        let library = library();
        let (_owner, host, told) = open(&store, &library);
        assert_eq!(host.game.get_untracked(), None);
        host.start.run(a_match(&library));
        for event in [
            Event::Next,
            Event::ShowQuestion,
            Event::OpenBuzzing,
            Event::Buzz {
                team: TeamId(1),
                at_ms: 1_800_000_000_000,
            },
        ] {
            host.dispatch.run(event);
        }
        assert_eq!(
            told.get_untracked(),
            5,
            "the audience is told after every action"
        );
        let before = host.game.get_untracked().unwrap();
        assert_eq!(before.state().phase(), Phase::Answering(TeamId(1)));

        let (_owner, again, _) = open(&store, &library);
        let after = again.game.get_untracked().unwrap();
        assert_eq!(
            after, before,
            "question, buzz, scores and timer as they were"
        );
        assert!(timer_running(&Some(after)));
        again.dispatch.run(Event::Judge(Verdict::Right));
        assert_eq!(
            again.game.get_untracked().unwrap().scores(),
            [100, 110, 100]
        );
    }

    #[test]
    fn a_refused_step_changes_nothing_and_says_why_until_a_step_is_taken() {
        let store = Store::memory();
        let library = library();
        let (_owner, host, told) = open(&store, &library);
        host.start.run(a_match(&library));
        host.dispatch.run(Event::Reveal);
        assert_eq!(host.refusal.get_untracked(), Some(Refused::NotNow));
        assert_eq!(told.get_untracked(), 1, "nothing new to tell");
        host.dispatch.run(Event::Next);
        assert_eq!(host.refusal.get_untracked(), None);
    }

    #[test]
    fn a_reload_takes_what_another_window_saved_and_keeps_a_match_storage_lost() {
        let store = Store::memory();
        let library = library();
        let (_owner, host, _) = open(&store, &library);
        host.start.run(a_match(&library));
        // Another window hosts for a while, then this one takes over again.
        let (_other_owner, other, _) = open(&store, &library);
        other.dispatch.run(Event::Next);
        let theirs = other.game.get_untracked();
        assert_ne!(host.game.get_untracked(), theirs);
        host.reload.run(());
        assert_eq!(
            host.game.get_untracked(),
            theirs,
            "the other window's step kept"
        );
        // Storage cleared under the match: memory keeps it, and it is saved again.
        store.remove(MATCH_KEY);
        host.reload.run(());
        assert_eq!(host.game.get_untracked(), theirs);
        let (_owner3, again, _) = open(&store, &library);
        assert_eq!(again.game.get_untracked(), theirs, "saved again");
    }

    #[test]
    fn a_full_storage_is_reported_and_the_match_goes_on_in_memory() {
        let store = Store::memory_with_quota(200);
        let library = library();
        let (_owner, host, _) = open(&store, &library);
        host.start.run(a_match(&library));
        assert!(host.storage_full.get_untracked());
        host.dispatch.run(Event::Next);
        assert_eq!(
            host.game.get_untracked().unwrap().state().phase(),
            Phase::Ready(None)
        );
    }
}
