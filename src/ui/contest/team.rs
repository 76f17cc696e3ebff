//! A team as every contest screen shows it: its number on its colour, then its name (colour is
//! never the only signal), and the scoreboard of every team.

use super::use_words;
use crate::domain::contest::words::signed;
use crate::domain::contest::{ContestMsg, Match, Team};
use leptos::prelude::*;

/// A team's number on its colour, and its name.
#[component]
pub fn TeamChip(
    /// The team.
    team: Team,
) -> impl IntoView {
    view! {
        <span class=format!("team-chip team-{}", team.colour.as_str())>
            <span class="team-label">{team.label}</span>
            <span class="team-name">{team.name}</span>
        </span>
    }
}

/// Every team's score in the setup's order; the change made by the last step (if it changed
/// scores) pops up beside the teams it touched.
#[component]
pub fn Scoreboard(
    /// The match.
    game: Match,
) -> impl IntoView {
    let words = use_words();
    let scores = game.scores();
    let last = game.log().len().checked_sub(1);
    let changes = game
        .last_changes()
        .filter(|(at, _)| Some(*at) == last)
        .map(|(_, c)| c.to_vec())
        .unwrap_or_default();
    let rows = game
        .setup()
        .team_ids()
        .zip(game.setup().teams.clone())
        .map(|(id, team)| {
            let score = scores.get(id.index()).copied().unwrap_or(0);
            let delta = changes.iter().find(|c| c.team == id).map(|c| c.delta);
            let up = game.team_up() == Some(id);
            view! {
                <li class={if delta.is_some() { "score-row is-changed" } else if up { "score-row is-up" } else { "score-row" }}>
                    <TeamChip team=team />
                    <span class="score-value">{move || words.fill(ContestMsg::Points, &[&score])}</span>
                    {delta.map(|d| view! {
                        <span class={if d > 0 { "score-delta is-gain" } else { "score-delta is-loss" }}>{signed(d)}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="scoreboard" aria-label=move || words.t(ContestMsg::Scoreboard)>
            <ol class="score-list" role="list">{rows}</ol>
        </section>
    }
}
