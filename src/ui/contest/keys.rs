//! The buzzer keys: each team's key, a "press your buzzer" test (a team's row lights up when its
//! buzzer is pressed; the host's window reads the keys and tells this screen), setting a team's
//! key by pressing it, and every problem with the keys (missing, shared, a host shortcut).

use super::team::TeamChip;
use super::use_words;
use crate::domain::contest::words::key_problem;
use crate::domain::contest::{ContestMsg, KeyMap, Match, MatchSetup, TeamId};
use crate::ui::hooks::use_memo;
use leptos::prelude::*;

/// The buzzer keys screen.
#[component]
pub fn KeysScreen(
    /// The keys.
    #[prop(into)]
    keys: Signal<KeyMap>,
    /// The match (its teams), if one is saved.
    #[prop(into)]
    game: Signal<Option<Match>>,
    /// The setup being edited (its teams, when no match is saved).
    draft: Option<MatchSetup>,
    /// The teams whose buzzer was pressed since the screen opened.
    #[prop(into)]
    tested: Signal<Vec<TeamId>>,
    /// The team whose new key is awaited.
    capturing: RwSignal<Option<TeamId>>,
    /// Called with the keys changed (the problems stay shown until fixed).
    on_change: Callback<KeyMap>,
) -> impl IntoView {
    let words = use_words();
    let setup = use_memo(move |_| {
        game.with(|g| g.as_ref().map(|g| g.setup().clone()))
            .or_else(|| draft.clone())
            .unwrap_or_else(|| {
                let lang = words.lang();
                MatchSetup::starter("", |n| ContestMsg::DefaultTeamName.fill(lang, &[&n]))
            })
    });
    let rows = move || {
        let s = setup.get();
        s.team_ids()
            .zip(s.teams.clone())
            .map(|(id, team)| {
                let name = format!("{} {}", team.label, team.name);
                let pressed = move || tested.with(|t| t.contains(&id));
                view! {
                    <li class=move || if pressed() { "key-row is-pressed" } else { "key-row" }>
                        <TeamChip team=team />
                        <span class="key-name">{move || words.fill(ContestMsg::KeyIs, &[&keys.with(|k| k.key(id).to_owned())])}</span>
                        <span class="key-test">
                            <span aria-hidden="true">{move || if pressed() { "● " } else { "○ " }}</span>
                            {move || words.t(if pressed() { ContestMsg::Pressed } else { ContestMsg::NotPressed })}
                        </span>
                        <button type="button" class="button button-small"
                            aria-pressed=move || (capturing.get() == Some(id)).to_string()
                            on:click=move |_| capturing.set(Some(id))>
                            {move || if capturing.get() == Some(id) {
                                words.t(ContestMsg::PressNewKey).to_owned()
                            } else {
                                words.fill(ContestMsg::SetKey, &[&name])
                            }}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let problems = move || {
        let s = setup.get();
        keys.with(|k| k.problems(s.teams.len()))
            .iter()
            .map(|p| view! { <li>{key_problem(p, &s, words.lang())}</li> })
            .collect_view()
    };
    let reset = move |_| on_change.run(KeyMap::default());
    view! {
        <div class="keys-screen">
            <h1>{move || words.t(ContestMsg::KeysHeading)}</h1>
            <p>{move || words.t(ContestMsg::KeysHint)}</p>
            <ul class="key-list" role="list" aria-live="polite">{rows}</ul>
            <ul class="key-problems" role="alert">{problems}</ul>
            <button type="button" class="button button-small button-quiet" on:click=reset>{move || words.t(ContestMsg::DefaultKeys)}</button>
        </div>
    }
}
