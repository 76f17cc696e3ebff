//! The audience's window (`contest.html?screen=audience`), on the projector: it loads the banks,
//! reads the match the host's window saved, asks that window for it on opening, and follows every
//! message from it (or, where BroadcastChannel is missing, every new value it saves). It never
//! changes the match.

use super::hooks::{timer_running, use_clock, use_library};
use super::host::now_ms;
use super::stage::Stage;
use super::use_words;
use crate::domain::contest::{Match, Wire, CHANNEL, MATCH_KEY};
use crate::domain::saved::no_migration;
use crate::platform::hall::Channel;
use crate::platform::storage::{Loaded, Store};
use crate::ui::hooks::use_memo;
use leptos::prelude::*;

/// The audience's window.
#[component]
pub fn AudiencePage() -> impl IntoView {
    let words = use_words();
    let store = Store::open();
    let banks = use_library();
    let saved = match store.load::<Match>(MATCH_KEY, no_migration) {
        Loaded::Value(game) => Some(Match::for_audience(&game)),
        _ => None,
    };
    let game = RwSignal::new(saved);
    let channel = Channel::open(CHANNEL, MATCH_KEY, move |text| {
        let Some(wire) = Wire::read(&text) else {
            return;
        };
        if wire.hello {
            return;
        }
        if let Some(lang) = wire.lang {
            if lang != words.lang() {
                words.set(lang);
            }
        }
        game.set(wire.game);
    });
    channel.post(
        &Wire {
            hello: true,
            lang: None,
            game: None,
        }
        .to_text(),
    );
    let ticking = use_memo(move |_| game.with(timer_running));
    let now = use_clock(ticking.into(), now_ms, Callback::new(|_| {}));
    view! {
        <main class="contest audience">
            <Stage game=game library=banks.library now=now />
        </main>
    }
}
