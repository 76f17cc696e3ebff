//! The knowledge competition (知识竞赛, `contest.html`, issue 13) as data: a [`Match`] set up
//! before it starts ([`MatchSetup`]: teams, starting score, rounds with their rules, questions
//! fixed by a seeded draw or one by one), then played through one entry point,
//! [`Match::apply`], which takes the host's actions and the buzzers' presses ([`Event`]) with the
//! time from outside ([`Env`]). It does no IO, reads no clock and draws no random number, so
//! every rule — each round's scoring, fouls, rebounds, passes, void questions, ties and
//! tiebreaks, adjustments, undo and redo — is a native test, and the whole match is plain
//! serialisable data: the shell saves it after every action and a reload goes on exactly where
//! it was, timer included.
//!
//! Undo keeps a stack of past states, not of events to replay from the setup. A state is small
//! (where the match is, the question in play, the points per team and round; the setup and the
//! log are outside it), so a whole evening of steps costs little, an undo is one pop whatever the
//! match's length, and a match saved by one build undoes to exactly the states that build
//! produced — replaying events through newer rules could land elsewhere. The log is not undone:
//! an undo is logged as a line of its own that takes the step's score changes back.
//!
//! Words: a *match* (一场比赛) is the whole contest; its *rounds* (必答轮, 抢答轮…) are parts of the
//! match, not the learner's rounds (`library::RoundKind`); the question *in play* is the one the
//! host is on, shown or not; a question is *settled* once answered, timed out, void, passed or
//! declined. A team is a [`TeamId`], its place in the setup.
//!
//! Around the match, for the contest page (`ui::contest`): setting it up on screen (`editing`),
//! the keyboard in the hall (`keys`: shortcuts and buzzers), what the screens derive from it
//! (`view`), its words (`words`), what it leaves on paper (`sheet`) and which window hosts (`claim`).
//!
//! It must not import the learner app's or the kiosk's models.

use crate::domain::library::Library;
use serde::{Deserialize, Serialize};

pub mod claim;
mod draw;
mod editing;
mod events;
mod keys;
mod log;
mod play;
mod rules;
mod setup;
mod sheet;
mod standings;
mod state;
mod timer;
mod view;
pub mod words;

pub use draw::{draw_questions, Draw, DrawError, DrawFilters};
pub use editing::{FieldKind, RoundKind, RuleField, SetupFile, SetupFileError, SETUP_FILE_FORMAT};
pub use events::{Effect, Env, Event, Refused, Verdict};
pub use keys::{is_host_key, Command, KeyMap, KeyPress, KeyProblem, Press, ADJUST_KEY};
pub use log::{Ignored, LogEntry, Outcome, ScoreChange};
pub use rules::{
    AfterWrong, BuzzRules, CompulsoryRules, RiskRules, RoundRules, TiebreakRules, TurnOrder,
};
pub use setup::{
    MatchSetup, QuestionKey, RoundSetup, SetupError, Team, TeamColour, TeamId, MAX_NAME_CHARS,
    MAX_TEAMS, MIN_TEAMS,
};
pub use sheet::LogSummary;
pub use standings::{podium, ranking, tied_teams, Standing, PODIUM};
pub use state::{Buzz, Ending, MatchState, Phase, Play};
pub use timer::{Run, Timer};
pub use view::{Wire, CHANNEL, KEYS_KEY, MATCH_KEY, SETUP_KEY};
pub use words::ContestMsg;

/// A state the match was in, and the log line of the step that left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Snapshot {
    state: MatchState,
    entry: usize,
}

/// One team's line on the result sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultRow {
    /// The team.
    pub team: TeamId,
    /// The points it won in each round, in order.
    pub rounds: Vec<i32>,
    /// The points changed by hand.
    pub adjusted: i32,
    /// Its score.
    pub score: i32,
    /// Its place.
    pub place: usize,
}

/// A match: its setup, where it is, the steps that can be undone and redone, and its log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    setup: MatchSetup,
    state: MatchState,
    past: Vec<Snapshot>,
    future: Vec<Snapshot>,
    log: Vec<LogEntry>,
}

impl Match {
    /// A match of `setup`, at its first round's title card; every problem with the setup if it
    /// cannot be played with the questions of `library`.
    pub fn new(setup: MatchSetup, library: &Library) -> Result<Match, Vec<SetupError>> {
        let problems = setup.check(library);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Match {
            state: MatchState::start(&setup),
            setup,
            past: Vec::new(),
            future: Vec::new(),
            log: Vec::new(),
        })
    }

    /// The setup.
    pub fn setup(&self) -> &MatchSetup {
        &self.setup
    }

    /// Where the match is.
    pub fn state(&self) -> &MatchState {
        &self.state
    }

    /// The log, oldest first.
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Every team's score, in the setup's order.
    pub fn scores(&self) -> Vec<i32> {
        self.state.scores(&self.setup)
    }

    /// The ranking now (equal scores share a place).
    pub fn ranking(&self) -> Vec<Standing> {
        ranking(&self.scores())
    }

    /// The question in play, from the moment it is chosen (shown or not: see the phase).
    pub fn question(&self) -> Option<&QuestionKey> {
        match self.state.phase() {
            Phase::RoundStart | Phase::Finished => None,
            _ => self
                .state
                .round_setup(&self.setup)?
                .questions
                .get(self.state.question()),
        }
    }

    /// The result sheet: one row per team, in the ranking's order.
    pub fn results(&self) -> Vec<ResultRow> {
        self.ranking()
            .into_iter()
            .map(|s| ResultRow {
                team: s.team,
                rounds: (0..self.setup.rounds.len())
                    .map(|r| self.state.points(s.team, r))
                    .collect(),
                adjusted: self.state.adjusted(s.team),
                score: s.score,
                place: s.place,
            })
            .collect()
    }

    /// Applies one event. `Ok` when the match changed (save it); `Err` when the event does not
    /// apply now, and then nothing changed.
    pub fn apply(&mut self, event: Event, env: &Env) -> Result<Effect, Refused> {
        match event {
            Event::Undo => self.undo(env.now_ms),
            Event::Redo => self.redo(env.now_ms),
            event => {
                let mut next = self.state.clone();
                let step = next.step(&self.setup, &event, env)?;
                let changes = self.changes(&next);
                let entry = LogEntry {
                    at_ms: env.now_ms,
                    round: self.round_in_play(),
                    question: self.question().cloned(),
                    team: step.team,
                    event,
                    outcome: step.outcome,
                    changes,
                };
                if step.changed {
                    let before = std::mem::replace(&mut self.state, next);
                    self.past.push(Snapshot {
                        state: before,
                        entry: self.log.len(),
                    });
                    self.future.clear();
                }
                self.log.push(entry);
                Ok(if step.changed {
                    Effect::Changed
                } else {
                    Effect::Logged
                })
            }
        }
    }

    fn round_in_play(&self) -> Option<usize> {
        (self.state.round() < self.setup.rounds.len()).then_some(self.state.round())
    }

    /// How the scores differ between now and `other`.
    fn changes(&self, other: &MatchState) -> Vec<ScoreChange> {
        let before = self.scores();
        let after = other.scores(&self.setup);
        self.setup
            .team_ids()
            .zip(before.iter().zip(&after))
            .filter(|(_, (b, a))| a != b)
            .map(|(team, (b, a))| ScoreChange { team, delta: a - b })
            .collect()
    }

    fn undo(&mut self, now_ms: u64) -> Result<Effect, Refused> {
        let back = self.past.pop().ok_or(Refused::NothingToUndo)?;
        let entry = back.entry;
        let undone = self.travel(back.state, Event::Undo, Outcome::Undid(entry), now_ms);
        self.future.push(Snapshot {
            state: undone,
            entry,
        });
        Ok(Effect::Changed)
    }

    fn redo(&mut self, now_ms: u64) -> Result<Effect, Refused> {
        let forward = self.future.pop().ok_or(Refused::NothingToRedo)?;
        let entry = forward.entry;
        let left = self.travel(forward.state, Event::Redo, Outcome::Redid(entry), now_ms);
        self.past.push(Snapshot { state: left, entry });
        Ok(Effect::Changed)
    }

    /// Puts the match back in `state` (an undo or redo), logs it, and returns the state left.
    fn travel(
        &mut self,
        state: MatchState,
        event: Event,
        outcome: Outcome,
        now_ms: u64,
    ) -> MatchState {
        let team = match outcome {
            Outcome::Undid(i) | Outcome::Redid(i) => self.log.get(i).and_then(|e| e.team),
            _ => None,
        };
        let changes = self.changes(&state);
        let left = std::mem::replace(&mut self.state, state);
        self.log.push(LogEntry {
            at_ms: now_ms,
            round: self.round_in_play(),
            question: self.question().cloned(),
            team,
            event,
            outcome,
            changes,
        });
        left
    }
}

#[cfg(test)]
mod tests;
