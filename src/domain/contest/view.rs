//! What the screens read from a match, derived and never stored: whether the audience sees the
//! question and its answer, whose turn it is, who buzzed, the last score changes (the scoreboard
//! animates them), whether a step applies now (the console's buttons), the keys the match is
//! saved under and the message the host's window sends the audience's ([`Wire`]).

use super::events::{Env, Event};
use super::log::ScoreChange;
use super::rules::RoundRules;
use super::setup::TeamId;
use super::state::{Ending, Phase};
use super::Match;
use crate::domain::saved;
use crate::domain::text::Lang;
use serde::{Deserialize, Serialize};

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

    /// What the audience's window needs of the match, to send it after every step: the setup,
    /// where the match is and the log's last entry (the scoreboard's score changes), without the
    /// undo and redo stacks and the rest of the log. Its size does not grow with the match, so
    /// neither do the message, the time to read it nor the audience window's memory (a whole
    /// match of 200 questions is some 400 KB of text; issue 14's soak found the audience's wasm
    /// memory growing by 3.4 MB from question 100 to 200 when the whole match was sent).
    pub fn for_audience(&self) -> Match {
        Match {
            setup: self.setup.clone(),
            state: self.state.clone(),
            past: Vec::new(),
            future: Vec::new(),
            log: self.log.last().cloned().into_iter().collect(),
        }
    }
}

/// What the host's window sends the audience's: the match (none before one starts) and the
/// language; or, from an audience window that has just opened, a request for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wire {
    /// An audience window asks for the match.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hello: bool,
    /// The host's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub game: Option<Match>,
}

impl Wire {
    /// A message as text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a message: one sent on the channel, or the match as the store saves it (what a
    /// `storage` event carries where the channel is missing). `None` for anything else.
    ///
    /// A message is read straight into its match, and so is the stored form (the whole match,
    /// the fallback where BroadcastChannel is missing), kept as the audience's copy
    /// ([`Match::for_audience`]).
    pub fn read(text: &str) -> Option<Wire> {
        /// The stored form's mark: a `data` field (read without building anything).
        #[derive(Deserialize)]
        struct Stored {
            data: Option<serde::de::IgnoredAny>,
        }
        if serde_json::from_str::<Stored>(text).ok()?.data.is_none() {
            return serde_json::from_str(text).ok();
        }
        let game: Match = saved::open_text(text, saved::no_migration).ok()?;
        Some(Wire {
            hello: false,
            lang: None,
            game: Some(game.for_audience()),
        })
    }
}
