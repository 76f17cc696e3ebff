//! What a match leaves on paper: the results as CSV (one row per team: place, each round's points,
//! the adjustments, the score), the log as text, and the log's summary for the printed sheet
//! (questions played, fouls, adjustments with their reasons, steps undone).

use super::events::Event;
use super::log::Outcome;
use super::words::{log_line, team_name, ContestMsg};
use super::Match;
use crate::domain::text::Lang;
use std::collections::BTreeSet;

/// What the printed sheet says about the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogSummary {
    /// Questions played (shown to the teams, or settled).
    pub questions: usize,
    /// Fouls.
    pub fouls: usize,
    /// Adjustments by hand that stand, each as (team, points, reason).
    pub adjustments: Vec<(super::setup::TeamId, i32, String)>,
    /// Steps undone.
    pub undone: usize,
}

/// A field of a CSV row, quoted when it needs to be (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

impl Match {
    /// The results as CSV in `lang` (with a byte-order mark so spreadsheet programs read the
    /// Chinese right).
    pub fn results_csv(&self, lang: Lang) -> String {
        let mut header = vec![
            ContestMsg::ColPlace.text(lang).to_owned(),
            ContestMsg::ColTeam.text(lang).to_owned(),
            ContestMsg::ColStart.text(lang).to_owned(),
        ];
        header
            .extend((1..=self.setup.rounds.len()).map(|r| ContestMsg::ColRound.fill(lang, &[&r])));
        header.push(ContestMsg::ColAdjusted.text(lang).to_owned());
        header.push(ContestMsg::ColTotal.text(lang).to_owned());
        let mut lines = vec![header
            .iter()
            .map(|h| field(h))
            .collect::<Vec<_>>()
            .join(",")];
        for row in self.results() {
            let mut cells = vec![
                row.place.to_string(),
                field(&team_name(&self.setup, row.team)),
                self.setup.starting_score.to_string(),
            ];
            cells.extend(row.rounds.iter().map(i32::to_string));
            cells.push(row.adjusted.to_string());
            cells.push(row.score.to_string());
            lines.push(cells.join(","));
        }
        format!("\u{feff}{}\r\n", lines.join("\r\n"))
    }

    /// The whole log as text, one line per step, numbered from 1.
    pub fn log_text(&self, lang: Lang) -> String {
        let mut text = format!("{}\n", self.setup.title);
        for (i, entry) in self.log.iter().enumerate() {
            text.push_str(&format!(
                "{}. {}\n",
                i + 1,
                log_line(entry, &self.setup, lang)
            ));
        }
        text
    }

    /// The log's summary for the printed sheet. An adjustment undone (and not redone) is left out.
    pub fn log_summary(&self) -> LogSummary {
        let mut undone: BTreeSet<usize> = BTreeSet::new();
        for entry in &self.log {
            match entry.outcome {
                Outcome::Undid(i) => {
                    undone.insert(i);
                }
                Outcome::Redid(i) => {
                    undone.remove(&i);
                }
                _ => {}
            }
        }
        // A question counts once it is settled (answered, out of time, void, passed, declined).
        let questions: BTreeSet<_> = self
            .log
            .iter()
            .enumerate()
            .filter(|(i, _)| !undone.contains(i))
            .filter(|(_, e)| {
                matches!(
                    e.outcome,
                    Outcome::Right
                        | Outcome::Wrong { rebound: false }
                        | Outcome::TimedOut { rebound: false }
                        | Outcome::Void
                ) || (e.outcome == Outcome::Done && matches!(e.event, Event::Pass | Event::Decline))
            })
            .filter_map(|(_, e)| e.question.clone())
            .collect();
        let fouls = self
            .log
            .iter()
            .enumerate()
            .filter(|(i, e)| e.outcome == Outcome::Foul && !undone.contains(i))
            .count();
        let adjustments = self
            .log
            .iter()
            .enumerate()
            .filter(|(i, _)| !undone.contains(i))
            .filter_map(|(_, e)| match &e.event {
                Event::Adjust {
                    team,
                    delta,
                    reason,
                } => Some((*team, *delta, reason.clone())),
                _ => None,
            })
            .collect();
        LogSummary {
            questions: questions.len(),
            fouls,
            adjustments,
            undone: undone.len(),
        }
    }
}
