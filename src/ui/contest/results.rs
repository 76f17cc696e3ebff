//! The results: the podium and the ranking, each team's points per round, the adjustments and
//! the log's summary, the date and the judges' and host's signature lines — a sheet the print
//! styles fit on A4 — with its CSV export.

use super::team::TeamChip;
use super::use_words;
use crate::domain::contest::words::{signed, team_name};
use crate::domain::contest::{ContestMsg, Match};
use crate::platform::{download, log, page};
use leptos::prelude::*;

/// The results screen and printable sheet.
#[component]
pub fn ResultsScreen(
    /// The match.
    #[prop(into)]
    game: Signal<Option<Match>>,
) -> impl IntoView {
    let words = use_words();
    let export = move |_| {
        let csv = game.with_untracked(|g| g.as_ref().map(|g| g.results_csv(words.lang())));
        if let Some(csv) = csv {
            let name = format!("contest-results-{}.csv", page::today());
            if let Err(e) = download::save_text(&name, "text/csv;charset=utf-8", &csv) {
                crate::platform::log::warn(&e.to_string());
            }
        }
    };
    let sheet = move || {
        let g = game.get()?;
        let setup = g.setup().clone();
        let rounds = setup.rounds.len();
        let head = (1..=rounds)
            .map(|r| view! { <th scope="col">{move || words.fill(ContestMsg::ColRound, &[&r])}</th> })
            .collect_view();
        let rows = g
            .results()
            .into_iter()
            .filter_map(|row| setup.team(row.team).cloned().map(|t| (row, t)))
            .map(|(row, team)| {
                view! {
                    <tr class={if row.place <= 3 { "is-podium" } else { "" }}>
                        <td>{move || words.fill(ContestMsg::Place, &[&row.place])}</td>
                        <th scope="row"><TeamChip team=team /></th>
                        <td class="num">{setup.starting_score}</td>
                        {row.rounds.iter().map(|p| view! { <td class="num">{signed(*p)}</td> }).collect_view()}
                        <td class="num">{signed(row.adjusted)}</td>
                        <td class="num total">{row.score}</td>
                    </tr>
                }
            })
            .collect_view();
        let summary = g.log_summary();
        let adjustments = summary
            .adjustments
            .iter()
            .map(|(team, delta, reason)| {
                let line = words.fill(
                    ContestMsg::AdjustLine,
                    &[&team_name(&setup, *team), &signed(*delta), reason],
                );
                view! { <li>{line}</li> }
            })
            .collect_view();
        let counts = words.fill(
            ContestMsg::LogSummary,
            &[
                &summary.questions,
                &summary.fouls,
                &summary.adjustments.len(),
                &summary.undone,
            ],
        );
        Some(view! {
            <article class="result-sheet">
                <h1>{setup.title.clone()}" · "{move || words.t(ContestMsg::ResultsHeading)}</h1>
                <p class="sheet-date">{move || words.fill(ContestMsg::DateLine, &[&page::today()])}</p>
                <table class="result-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || words.t(ContestMsg::ColPlace)}</th>
                            <th scope="col">{move || words.t(ContestMsg::ColTeam)}</th>
                            <th scope="col">{move || words.t(ContestMsg::ColStart)}</th>
                            {head}
                            <th scope="col">{move || words.t(ContestMsg::ColAdjusted)}</th>
                            <th scope="col">{move || words.t(ContestMsg::ColTotal)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <h2>{move || words.t(ContestMsg::LogHeading)}</h2>
                <p>{counts}</p>
                <ul class="sheet-adjustments">{adjustments}</ul>
                <div class="signatures">
                    <p><span>{move || words.t(ContestMsg::JudgesSign)}</span><span class="sign-line"></span><span class="sign-line"></span><span class="sign-line"></span></p>
                    <p><span>{move || words.t(ContestMsg::HostSign)}</span><span class="sign-line"></span></p>
                </div>
            </article>
        })
    };
    view! {
        <div class="results-screen">
            <div class="results-actions">
                <button type="button" class="button button-primary" on:click=move |_| {
                    if let Err(e) = download::print() {
                        log::warn(&format!("could not print: {e}"));
                    }
                }>{move || words.t(ContestMsg::Print)}</button>
                <button type="button" class="button" on:click=export>{move || words.t(ContestMsg::ExportCsv)}</button>
            </div>
            {sheet}
        </div>
    }
}
