//! The match log: every action in order — when, which round and question, which team, what
//! happened and how the scores changed. It only grows: an undo is written as a line of its own
//! with the changes it takes back, so starting score plus every change in the log is always each
//! team's score, and the judges can read what was undone.

use super::events::Event;
use super::setup::{QuestionKey, TeamId};
use serde::{Deserialize, Serialize};

/// A change of one team's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreChange {
    /// Whose.
    pub team: TeamId,
    /// By how much.
    pub delta: i32,
}

/// Why a buzz was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ignored {
    /// Another team buzzed first; `same_ms` when both presses carry the same millisecond (the
    /// first event wins).
    LockedOut {
        /// The team that buzzed first.
        first: TeamId,
        /// Whether the presses carry the same time.
        same_ms: bool,
    },
    /// The team already fouled this question (one penalty per question).
    AlreadyFouled,
    /// The team may not answer this question: it fouled, or answered it already.
    ShutOut,
    /// The team is not in the tiebreak.
    NotInTiebreak,
    /// Buzzing had closed when the buzzer was pressed.
    TooLate,
}

/// What came of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It was done.
    Done,
    /// A buzz before buzzing opened.
    Foul,
    /// A buzz not taken.
    Ignored(Ignored),
    /// A right answer.
    Right,
    /// A wrong answer; `rebound` when the question goes to the other teams.
    Wrong {
        /// Whether it rebounds.
        rebound: bool,
    },
    /// The team ran out of time; `rebound` as for a wrong answer.
    TimedOut {
        /// Whether it rebounds.
        rebound: bool,
    },
    /// Nobody buzzed in time: the question is void.
    Void,
    /// A tiebreak round was not needed (no tie) and was skipped.
    TiebreakSkipped,
    /// Undid the step logged at this index.
    Undid(usize),
    /// Did again the step logged at this index.
    Redid(usize),
}

/// One line of the match log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// When (Unix ms, as the shell passed it).
    pub at_ms: u64,
    /// The round in play (its index), if one was.
    pub round: Option<usize>,
    /// The question in play, if one was.
    pub question: Option<QuestionKey>,
    /// The team it concerns, if one.
    pub team: Option<TeamId>,
    /// What the host (or a buzzer) did.
    pub event: Event,
    /// What came of it.
    pub outcome: Outcome,
    /// How the scores changed.
    pub changes: Vec<ScoreChange>,
}
