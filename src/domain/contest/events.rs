//! What goes into a match and what comes out: the host's actions and the buzzers' presses, what
//! the match reads from outside for each, what it did, and why it refused one.

use super::setup::TeamId;
use crate::domain::bank::OptionId;
use crate::domain::library::Library;
use serde::{Deserialize, Serialize};

/// How the host judges an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Right.
    Right,
    /// Wrong.
    Wrong,
    /// The options the team said; right if they are exactly the question's answer.
    Said(Vec<OptionId>),
}

/// An action of the host, or a buzzer's press.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Shows the question in play (the host starts reading it).
    ShowQuestion,
    /// Buzz-in: buzzing is open (the host said "开始").
    OpenBuzzing,
    /// A team's buzzer, pressed at `at_ms` (Unix ms, as the key event says).
    Buzz {
        /// Whose buzzer.
        team: TeamId,
        /// When it was pressed.
        at_ms: u64,
    },
    /// The host chooses the team: the team whose turn it is, or the one to answer a buzz-in
    /// question (teams raising hands, no buzzers).
    PickTeam(TeamId),
    /// Risk: the team in turn picks this value.
    ChooseValue(u32),
    /// Risk: the team in turn declines its question.
    Decline,
    /// Starts the countdown set for the question.
    StartTimer,
    /// Pauses the countdown.
    PauseTimer,
    /// Resumes the countdown.
    ResumeTimer,
    /// The countdown reached zero (the shell says so; the match checks it against `now_ms`).
    TimeUp,
    /// Judges the answer of the team answering.
    Judge(Verdict),
    /// Passes the question (to the audience, or drops it): nobody scores.
    Pass,
    /// Shows the answer and the explanation.
    Reveal,
    /// Goes on: to the next question, round, or the end.
    Next,
    /// Changes a team's score by hand, with the reason (a judges' decision).
    Adjust {
        /// Whose score.
        team: TeamId,
        /// By how much.
        delta: i32,
        /// Why.
        reason: String,
    },
    /// Takes back the last step.
    Undo,
    /// Does again the last step taken back.
    Redo,
}

/// What the match reads from outside for one event.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    /// Now, in Unix milliseconds.
    pub now_ms: u64,
    /// The banks, to judge the options a team said.
    pub library: &'a Library,
}

/// What an event did (in both cases the shell saves the match).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The match moved on (a step that can be undone).
    Changed,
    /// Only the log changed: a buzz that came too late or from a team shut out.
    Logged,
}

/// Why an event was refused (nothing changed, nothing to save).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The event does not apply now (judging with nobody answering, reveal before the end…).
    #[error("not now")]
    NotNow,
    /// No such team.
    #[error("no team {0:?}")]
    NoSuchTeam(TeamId),
    /// That team may not answer this question (shut out, or not in the tiebreak).
    #[error("team {0:?} may not answer this question")]
    TeamShutOut(TeamId),
    /// A risk value the rules do not offer.
    #[error("{0} is not a value of this round")]
    NotAValue(u32),
    /// This round does not allow declining.
    #[error("this round does not allow declining")]
    MayNotDecline,
    /// The countdown is not at zero (or there is none).
    #[error("the time is not up")]
    TimeNotUp,
    /// The countdown cannot do that (start twice, resume a timer that runs…).
    #[error("the timer cannot do that now")]
    Timer,
    /// The question is not in the banks loaded.
    #[error("the question is not in the banks")]
    UnknownQuestion,
    /// A manual change of score needs a reason and a change.
    #[error("an adjustment needs a reason and a non-zero change")]
    NoReason,
    /// Nothing to undo.
    #[error("nothing to undo")]
    NothingToUndo,
    /// Nothing to redo.
    #[error("nothing to redo")]
    NothingToRedo,
}
