//! The console's panels below the question: a score adjusted by hand with its reason, the
//! shortcut list, and the match log with its export.

use crate::domain::contest::words::{command_name, log_line};
use crate::domain::contest::{Command, ContestMsg, Event, Match, TeamId, ADJUST_KEY};
use crate::platform::{download, page};
use crate::ui::contest::use_words;
use leptos::prelude::*;

/// How many of the log's newest lines the console shows.
pub const LOG_SHOWN: usize = 100;

/// A score changed by hand, with its reason.
#[component]
pub fn Adjust(
    /// The match.
    game: Signal<Option<Match>>,
    /// Sends an event.
    dispatch: Callback<Event>,
    /// Changes when the host presses the adjustment shortcut (the points field takes the focus).
    focus: RwSignal<u32>,
) -> impl IntoView {
    let words = use_words();
    let team = RwSignal::new(0usize);
    let delta = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let delta_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |previous: Option<u32>| {
        let now = focus.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(el) = delta_input.get() {
                let _ = el.focus();
            }
        }
        now
    });
    let teams = move || {
        game.with(|g| {
            g.as_ref()
                .map(|g| {
                    g.setup()
                        .teams
                        .iter()
                        .map(|t| format!("{} {}", t.label, t.name))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let points = delta
            .get_untracked()
            .trim()
            .replace('−', "-")
            .parse::<i32>()
            .unwrap_or(0);
        let Ok(id) = u8::try_from(team.get_untracked()) else {
            return;
        };
        dispatch.run(Event::Adjust {
            team: TeamId(id),
            delta: points,
            reason: reason.get_untracked().trim().to_owned(),
        });
        if points != 0 && !reason.get_untracked().trim().is_empty() {
            delta.set(String::new());
            reason.set(String::new());
        }
    };
    view! {
        <section class="console-adjust" aria-labelledby="adjust-heading">
            <h2 id="adjust-heading">{move || words.t(ContestMsg::AdjustHeading)}</h2>
            <form class="adjust-form" on:submit=submit>
                <label>
                    <span>{move || words.t(ContestMsg::AdjustTeam)}</span>
                    <select on:change=move |ev| team.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {move || teams().into_iter().enumerate().map(|(i, name)| view! {
                            <option value=i.to_string() selected=move || team.get() == i>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || words.t(ContestMsg::AdjustDelta)}</span>
                    <input type="number" step="1" inputmode="numeric" node_ref=delta_input
                        aria-keyshortcuts=ADJUST_KEY.to_string()
                        prop:value=move || delta.get()
                        on:input=move |ev| delta.set(event_target_value(&ev)) />
                </label>
                <label class="adjust-reason">
                    <span>{move || words.t(ContestMsg::AdjustReason)}</span>
                    <input type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="button">{move || words.t(ContestMsg::AdjustApply)}</button>
            </form>
        </section>
    }
}

/// The shortcuts, as a list the host can read before the match.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let words = use_words();
    let rows = Command::ALL
        .into_iter()
        .map(|c| view! { <li><kbd>{c.key().to_string()}</kbd>" "{move || words.t(command_name(c))}</li> })
        .collect_view();
    view! {
        <section class="console-shortcuts" aria-labelledby="shortcuts-heading">
            <h2 id="shortcuts-heading">{move || words.t(ContestMsg::ShortcutsHeading)}</h2>
            <ul class="shortcut-list" role="list">
                {rows}
                <li>{move || words.t(ContestMsg::ShortcutNumber)}</li>
                <li>{move || words.t(ContestMsg::ShortcutAdjust)}</li>
                <li>{move || words.t(ContestMsg::ShortcutBuzzers)}</li>
            </ul>
        </section>
    }
}

/// The match log, newest first (numbered as in the export), and its export.
#[component]
pub fn Log(
    /// The match.
    game: Signal<Option<Match>>,
) -> impl IntoView {
    let words = use_words();
    // The newest lines only: a 200-question match logs over a thousand steps, and every step
    // would otherwise build them all again (their views and text held by the page). The export
    // has them all.
    let total = move || game.with(|g| g.as_ref().map_or(0, |g| g.log().len()));
    let lines = move || {
        game.with(|g| {
            g.as_ref()
                .map(|g| {
                    g.log()
                        .iter()
                        .rev()
                        .take(LOG_SHOWN)
                        .map(|e| log_line(e, g.setup(), words.lang()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let export = move |_| {
        let text = game.with_untracked(|g| g.as_ref().map(|g| g.log_text(words.lang())));
        if let Some(text) = text {
            let name = format!("contest-log-{}.txt", page::today());
            if let Err(e) = download::save_text(&name, "text/plain;charset=utf-8", &text) {
                crate::platform::log::warn(&e.to_string());
            }
        }
    };
    view! {
        <section class="console-log" aria-labelledby="log-heading">
            <h2 id="log-heading">{move || words.t(ContestMsg::LogHeading)}</h2>
            <button type="button" class="button button-small" on:click=export>{move || words.t(ContestMsg::ExportLog)}</button>
            <ol class="log-list" reversed start=total tabindex="0" aria-labelledby="log-heading">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ol>
            {move || {
                let total = total();
                (total > LOG_SHOWN).then(|| {
                    let text = words.fill(ContestMsg::LogShown, &[&LOG_SHOWN, &total]);
                    view! { <p class="host-note">{text}</p> }
                })
            }}
        </section>
    }
}
