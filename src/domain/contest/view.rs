//! What the screens read from a match, derived and never stored: whether the audience sees the
//! question and its answer, whose turn it is, who buzzed, the last score changes (the scoreboard
//! animates them), whether a step applies now (the console's buttons), and the keys the match is
//! saved under.

use super::events::{Env, Event};
use super::log::ScoreChange;
use super::rules::RoundRules;
use super::setup::TeamId;
use super::state::{Ending, Phase};
use super::Match;

/// Storage key of the match in play (the page's own key: never one of the learner's).
pub const MATCH_KEY: &str = "contest.match";
/// Storage key of the setup being edited.
pub const SETUP_KEY: &str = "contest.setup";
/// Storage key of the buzzer keys.
pub const KEYS_KEY: &str = "contest.keys";
/// The name of the channel the host's window tells the audience's on.
pub const CHANNEL: &str = "anxin-contest";

impl Match {
    /// Whether `event` would be accepted now (the match is not changed).
    pub fn allows(&self, event: &Event, env: &Env) -> bool {
        match event {
            Event::Undo => self.can_undo(),
            Event::Redo => self.can_redo(),
            event => self
                .state
                .clone()
                .step(&self.setup, event, env)
                .is_ok_and(|s| s.changed),
        }
    }

    /// The rules of the round in play (none once finished).
    pub fn rules(&self) -> Option<&RoundRules> {
        self.state.round_setup(&self.setup).map(|r| &r.rules)
    }

    /// Whether the question in play is on screen (read, answered or over).
    pub fn is_shown(&self) -> bool {
        matches!(
            self.state.phase(),
            Phase::Reading
                | Phase::Open
                | Phase::Answering(_)
                | Phase::Settled(_)
                | Phase::Revealed(_)
        )
    }

    /// Whether the answer and explanation are shown.
    pub fn is_revealed(&self) -> bool {
        matches!(self.state.phase(), Phase::Revealed(_))
    }

    /// How the question in play ended, once it has.
    pub fn ending(&self) -> Option<Ending> {
        match self.state.phase() {
            Phase::Settled(e) | Phase::Revealed(e) => Some(e),
            _ => None,
        }
    }

    /// The team whose turn it is or who answers, if one.
    pub fn team_up(&self) -> Option<TeamId> {
        match self.state.phase() {
            Phase::Choosing(t) | Phase::Ready(Some(t)) | Phase::Answering(t) => Some(t),
            _ => None,
        }
    }

    /// The team that buzzed first on the question in play, while it answers or once it is over.
    pub fn buzzed(&self) -> Option<TeamId> {
        self.state.play().buzz.map(|b| b.team)
    }

    /// The score changes of the last step that changed any, and that step's place in the log
    /// (the scoreboard shows them once, keyed by that place).
    pub fn last_changes(&self) -> Option<(usize, &[ScoreChange])> {
        self.log
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| !e.changes.is_empty())
            .map(|(i, e)| (i, e.changes.as_slice()))
    }

    /// Whether the match is over.
    pub fn is_finished(&self) -> bool {
        self.state.phase() == Phase::Finished
    }
}
