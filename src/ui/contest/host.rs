//! The host's window: the setup, the console, the buzzer keys and the results, one at a time
//! ([`HostScreen`]). It owns the match (`use_match`), saves it after every action, tells the
//! audience window (and answers one that has just opened), and reads the keyboard: the buzzers'
//! keys and the host's shortcuts, as the match's key map says (`domain::contest::keys`). Only one
//! window hosts at a time (`use_host_claim`); another shows a notice and can take over.

use super::claim::use_host_claim;
use super::console::Console;
use super::hooks::{audience_copy, timer_running, use_clock, use_library, use_match, BanksState};
use super::keys::KeysScreen;
use super::results::ResultsScreen;
use super::setup::SetupScreen;
use super::use_words;
use crate::domain::contest::{
    ContestMsg, Event, KeyMap, Match, MatchSetup, Press, TeamId, Wire, CHANNEL, KEYS_KEY,
    MATCH_KEY, SETUP_KEY,
};
use crate::domain::saved::no_migration;
use crate::platform::hall::{self, Channel};
use crate::platform::page;
use crate::platform::storage::{Loaded, Store};
use crate::ui::hooks::use_memo;
use crate::ui::widgets::{BootGone, InNextTask, LangToggle, MarkReady};
use leptos::prelude::*;

/// The screen the host's window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostScreen {
    /// Setting the match up.
    Setup,
    /// Running it.
    Console,
    /// The buzzer keys and their test.
    Keys,
    /// The results and the printable sheet.
    Results,
}

/// Now, in whole Unix milliseconds.
pub fn now_ms() -> u64 {
    page::now_ms().max(0.0) as u64
}

/// The setup saved on this PC, if any.
fn saved_setup(store: &Store) -> Option<MatchSetup> {
    match store.load::<MatchSetup>(SETUP_KEY, no_migration) {
        Loaded::Value(setup) => Some(setup),
        _ => None,
    }
}

/// The buzzer keys saved on this PC (the usual ones if none).
fn saved_keys(store: &Store) -> KeyMap {
    match store.load::<KeyMap>(KEYS_KEY, no_migration) {
        Loaded::Value(keys) => keys,
        _ => KeyMap::default(),
    }
}

/// The host's window.
#[component]
pub fn HostPage() -> impl IntoView {
    let words = use_words();
    let store = Store::open();
    let persistent = store.is_persistent();
    let banks = use_library();
    let channel = StoredValue::new_local(None::<Channel>);
    let lang_now = move || words.lang();
    let tell = move |game: Option<Match>| {
        let wire = Wire {
            hello: false,
            lang: Some(lang_now()),
            game,
        };
        channel.with_value(|c| {
            if let Some(c) = c {
                c.post(&wire.to_text());
            }
        });
    };
    let host = use_match(store.clone(), banks.library, now_ms, Callback::new(tell));
    let game = host.game;
    let keys = RwSignal::new(saved_keys(&store));
    let store_taken = store.clone();
    let claim = use_host_claim(
        store.clone(),
        Callback::new(move |()| {
            host.reload.run(());
            keys.set(saved_keys(&store_taken));
        }),
    );
    // Every step is taken only while this window hosts (checked against storage each time).
    let dispatch = Callback::new(move |event: Event| {
        if claim.may_act.run(()) {
            host.dispatch.run(event);
        }
    });
    channel.set_value(Some(Channel::open(CHANNEL, MATCH_KEY, move |text| {
        if Wire::read(&text).is_some_and(|w| w.hello) {
            tell(game.with_untracked(audience_copy));
        }
    })));
    Effect::new(move |_| {
        let _ = words.lang();
        tell(game.with_untracked(audience_copy));
    });

    let store_keys = store.clone();
    let save_keys = Callback::new(move |map: KeyMap| {
        keys.set(map.clone());
        if let Err(e) = store_keys.save(KEYS_KEY, &map) {
            crate::platform::log::warn(&format!("buzzer keys not saved: {e}"));
        }
    });

    let screen = RwSignal::new(if game.with_untracked(Option::is_some) {
        HostScreen::Console
    } else {
        HostScreen::Setup
    });
    let single = RwSignal::new(false);
    // The buzzer test on the keys screen hears the buzzers instead of the match.
    let tested = RwSignal::new(Vec::<TeamId>::new());
    let capturing = RwSignal::new(None::<TeamId>);
    let adjust_focus = RwSignal::new(0u32);

    let ticking = use_memo(move |_| game.with(timer_running));
    let now = use_clock(
        ticking.into(),
        now_ms,
        Callback::new(move |now: u64| {
            let up = game.with_untracked(|g| {
                g.as_ref()
                    .and_then(|g| g.state().timer())
                    .is_some_and(|t| t.is_up(now))
            });
            if up {
                dispatch.run(Event::TimeUp);
            }
        }),
    );

    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if hall::typed_in_field(&ev) {
            return;
        }
        let press = hall::key_press(&ev);
        if press.repeat {
            return;
        }
        let teams = game.with_untracked(|g| g.as_ref().map_or(0, |g| g.setup().teams.len()));
        match screen.get_untracked() {
            HostScreen::Keys => {
                if let Some(team) = capturing.get_untracked() {
                    if press.key != "Escape" && press.key != "Tab" && !press.other_modifier {
                        hall::prevent_default(&ev);
                        let mut map = keys.get_untracked();
                        map.set(team, &press.key);
                        save_keys.run(map);
                    }
                    capturing.set(None);
                    return;
                }
                if let Some(team) = keys.with_untracked(|k| k.team_of(&press.key, 8)) {
                    hall::prevent_default(&ev);
                    tested.update(|t| {
                        if !t.contains(&team) {
                            t.push(team);
                        }
                    });
                }
            }
            HostScreen::Console => {
                let Some(read) = keys.with_untracked(|k| k.read(&press, teams)) else {
                    return;
                };
                hall::prevent_default(&ev);
                if read == Press::Adjust {
                    adjust_focus.update(|n| *n += 1);
                    return;
                }
                let at_ms = hall::event_time_ms(&ev);
                let events = game.with_untracked(|g| {
                    g.as_ref()
                        .map(|g| g.events_for(read, at_ms))
                        .unwrap_or_default()
                });
                // Pause/resume: the first that applies. Buzzes are always sent (the match logs them).
                let allowed = banks.library.with_untracked(|library| {
                    let env = crate::domain::contest::Env {
                        now_ms: now_ms(),
                        library,
                    };
                    game.with_untracked(|g| {
                        g.as_ref()
                            .and_then(|g| events.iter().find(|e| g.allows(e, &env)).cloned())
                    })
                });
                let chosen = match read {
                    Press::Buzzer(_) => events.into_iter().next(),
                    _ => allowed.or_else(|| events.into_iter().next()),
                };
                if let Some(event) = chosen {
                    dispatch.run(event);
                }
            }
            HostScreen::Setup | HostScreen::Results => {}
        }
    });

    let blocked = RwSignal::new(false);
    let open_audience = Callback::new(move |()| {
        let query = format!("screen=audience&lang={}", words.lang().code());
        if !hall::open_this_page(&query, "anxin-audience") {
            crate::platform::log::warn("the audience window was blocked");
            blocked.set(true);
        }
    });
    let change_lang = Callback::new(move |lang| words.set(lang));

    let nav = move |to: HostScreen, msg: ContestMsg| {
        view! {
            <button
                type="button"
                class="button button-small"
                aria-current=move || (screen.get() == to).then_some("page")
                on:click=move |_| {
                    tested.set(Vec::new());
                    screen.set(to);
                }
            >
                {move || words.t(msg)}
            </button>
        }
    };
    let has_game = use_memo(move |_| game.with(Option::is_some));
    let loading = move || match banks.state.get() {
        BanksState::Loading { .. } => Some(
            view! { <p class="notice notice-info" role="status">{move || words.t(ContestMsg::Loading)}</p> },
        ),
        _ => None,
    };

    // The wiring above is built in one task (while contest.html's "loading" line stays), the top
    // bar one task later (`ui::mount_behind_boot`), the screen one more, and the setup's rounds
    // one each after that: at 4× CPU the start was one task of over 200 ms, and with the bar and
    // the screen in one, and the rounds in one, tasks of 55–120 ms (the long tasks `make bench`
    // counts).
    let store = StoredValue::new(store);
    view! {
        <InNextTask>
            <BootGone />
            <div class=move || if single.get() && screen.get() == HostScreen::Console { "contest host is-single" } else { "contest host" }>
                <header class="contest-bar">
                    <p class="brand">
                        <span class="brand-mark" aria-hidden="true">"安"</span>
                        <span class="brand-name">{move || words.t(ContestMsg::PageTitle)}</span>
                    </p>
                    <nav class="contest-nav" aria-label=move || words.t(ContestMsg::StepsHeading)>
                        {nav(HostScreen::Setup, ContestMsg::SetupHeading)}
                        <Show when=move || has_game.get()>
                            {nav(HostScreen::Console, ContestMsg::ConsoleHeading)}
                            {nav(HostScreen::Results, ContestMsg::Results)}
                        </Show>
                        {nav(HostScreen::Keys, ContestMsg::BuzzerKeys)}
                        <button type="button" class="button button-small" on:click=move |_| open_audience.run(())>
                            {move || words.t(ContestMsg::OpenAudience)}
                        </button>
                        <Show when=move || screen.get() == HostScreen::Console>
                            <button type="button" class="button button-small" aria-pressed=move || single.get().to_string() on:click=move |_| single.update(|s| *s = !*s)>
                                {move || words.t(ContestMsg::SingleScreen)}
                            </button>
                        </Show>
                        <LangToggle on_change=change_lang />
                    </nav>
                </header>
                <Show when=move || !persistent>
                    <p class="notice notice-warn" role="alert">{move || words.t(ContestMsg::NoStorage)}</p>
                </Show>
                <Show when=move || host.storage_full.get()>
                    <p class="notice notice-warn" role="alert">{move || words.t(ContestMsg::StorageFull)}</p>
                </Show>
                <Show when=move || blocked.get()>
                    <p class="notice notice-warn" role="alert">{move || words.t(ContestMsg::PopupBlocked)}</p>
                </Show>
                {loading}
                <InNextTask>
                    <main id="main" class="contest-main">
                        {move || match screen.get() {
                            _ if claim.elsewhere.get() => view! {
                                <section class="host-elsewhere" role="alert" aria-labelledby="elsewhere-title">
                                    <h1 id="elsewhere-title">{move || words.t(ContestMsg::HostElsewhere)}</h1>
                                    <p>{move || words.t(ContestMsg::HostElsewhereText)}</p>
                                    <button type="button" class="button button-primary" on:click=move |_| claim.take.run(())>
                                        {move || words.t(ContestMsg::HostHere)}
                                    </button>
                                </section>
                            }.into_any(),
                            HostScreen::Setup => view! {
                                <SetupScreen
                                    library=banks.library
                                    store=store.get_value()
                                    saved_game=has_game
                                    on_start=Callback::new(move |m: Match| {
                                        if claim.may_act.run(()) {
                                            host.start.run(m);
                                            screen.set(HostScreen::Console);
                                        }
                                    })
                                    on_resume=Callback::new(move |()| screen.set(HostScreen::Console))
                                />
                            }.into_any(),
                            HostScreen::Console => view! {
                                <Console
                                    game=game
                                    library=banks.library
                                    banks=banks.state
                                    now=now
                                    dispatch=dispatch
                                    refusal=host.refusal
                                    single=single
                                    adjust_focus=adjust_focus
                                />
                            }.into_any(),
                            HostScreen::Keys => view! {
                                <KeysScreen
                                    keys=keys
                                    game=game
                                    draft=store.with_value(saved_setup)
                                    tested=tested
                                    capturing=capturing
                                    on_change=save_keys
                                />
                            }.into_any(),
                            HostScreen::Results => view! { <ResultsScreen game=game /> }.into_any(),
                        }}
                    </main>
                    <MarkReady />
                </InNextTask>
            </div>
        </InNextTask>
    }
}
