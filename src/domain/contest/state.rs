//! The live state of a match (everything an undo takes back): where it is — round, question,
//! phase, countdown — what happened to the question in play, and the points each team won in
//! each round. Moving from question to question and round to round lives here; the host's
//! actions on a question are in `play.rs`.

use super::log::Outcome;
use super::rules::{RoundRules, TurnOrder};
use super::setup::{MatchSetup, RoundSetup, TeamId};
use super::standings::tied_teams;
use super::timer::Timer;
use crate::domain::bank::OptionId;
use serde::{Deserialize, Serialize};

/// How a question ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Answered right.
    Right(TeamId),
    /// Answered wrong (by the last team to answer).
    Wrong(TeamId),
    /// The team ran out of time.
    TimedOut(TeamId),
    /// Nobody buzzed in time.
    Void,
    /// Passed by the host.
    Passed,
    /// Risk: the team declined it.
    Declined(TeamId),
}

/// Where the match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The round's title and rules are on screen, before its first question.
    RoundStart,
    /// Risk: the team in turn picks a value (its question is not shown yet).
    Choosing(TeamId),
    /// The question is chosen but not shown: for a team's own question (compulsory, risk) or
    /// for every team (buzz-in, `None`).
    Ready(Option<TeamId>),
    /// Buzz-in: the question is shown and read; buzzing is closed (a buzz now is a foul).
    Reading,
    /// Buzz-in: buzzing is open.
    Open,
    /// A team answers.
    Answering(TeamId),
    /// The question is over.
    Settled(Ending),
    /// The question is over and its answer and explanation are shown.
    Revealed(Ending),
    /// Every round has been played.
    Finished,
}

/// The first buzz taken on the question in play.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buzz {
    /// Whose.
    pub team: TeamId,
    /// When it was pressed.
    pub at_ms: u64,
}

/// What has happened to the question in play (cleared for the next one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    /// Risk: the value the team picked.
    pub stake: Option<u32>,
    /// The buzz that gave the team answering its turn (none when the host picked it).
    pub buzz: Option<Buzz>,
    /// The teams that fouled this question.
    pub fouled: Vec<TeamId>,
    /// The teams that answered it wrong (or ran out of time), in order.
    pub tried: Vec<TeamId>,
    /// The options the last team said, when the host marked them.
    pub said: Option<Vec<OptionId>>,
}

/// The live state of a match. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchState {
    /// The round in play (the number of rounds once finished).
    pub(super) round: usize,
    /// The question in play, in the round's list.
    pub(super) question: usize,
    pub(super) phase: Phase,
    pub(super) timer: Option<Timer>,
    pub(super) play: Play,
    /// The round's order of turns (compulsory, risk).
    pub(super) order: Vec<TeamId>,
    /// A tiebreak's tied teams: the only ones who may buzz.
    pub(super) contenders: Vec<TeamId>,
    /// Points won in each round: `points[team][round]`.
    pub(super) points: Vec<Vec<i32>>,
    /// Points changed by hand, per team.
    pub(super) adjusted: Vec<i32>,
}

impl MatchState {
    /// A match before its first round's title card.
    pub(super) fn start(setup: &MatchSetup) -> MatchState {
        let teams = setup.teams.len();
        let mut state = MatchState {
            round: 0,
            question: 0,
            phase: Phase::RoundStart,
            timer: None,
            play: Play::default(),
            order: Vec::new(),
            contenders: Vec::new(),
            points: vec![vec![0; setup.rounds.len()]; teams],
            adjusted: vec![0; teams],
        };
        state.enter_round(setup, 0);
        state
    }

    /// Where the match is.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The round in play (the number of rounds once finished).
    pub fn round(&self) -> usize {
        self.round
    }

    /// The question in play, as its place in the round's list.
    pub fn question(&self) -> usize {
        self.question
    }

    /// The countdown of the question in play, if one is set.
    pub fn timer(&self) -> Option<&Timer> {
        self.timer.as_ref()
    }

    /// What has happened to the question in play.
    pub fn play(&self) -> &Play {
        &self.play
    }

    /// The tied teams a tiebreak is played between (empty outside one).
    pub fn contenders(&self) -> &[TeamId] {
        &self.contenders
    }

    /// The order of turns of the round in play (compulsory, risk).
    pub fn order(&self) -> &[TeamId] {
        &self.order
    }

    /// The points `team` won in `round`.
    pub fn points(&self, team: TeamId, round: usize) -> i32 {
        self.points
            .get(team.index())
            .and_then(|p| p.get(round))
            .copied()
            .unwrap_or(0)
    }

    /// The points changed by hand for `team`.
    pub fn adjusted(&self, team: TeamId) -> i32 {
        self.adjusted.get(team.index()).copied().unwrap_or(0)
    }

    /// Every team's score, in the setup's order.
    pub fn scores(&self, setup: &MatchSetup) -> Vec<i32> {
        self.points
            .iter()
            .zip(&self.adjusted)
            .map(|(rounds, adjusted)| setup.starting_score + rounds.iter().sum::<i32>() + adjusted)
            .collect()
    }

    pub(super) fn round_setup<'a>(&self, setup: &'a MatchSetup) -> Option<&'a RoundSetup> {
        setup.rounds.get(self.round)
    }

    /// Adds `delta` to `team`'s points in the round in play.
    pub(super) fn score(&mut self, team: TeamId, delta: i32) {
        let round = self.round;
        if let Some(points) = self
            .points
            .get_mut(team.index())
            .and_then(|p| p.get_mut(round))
        {
            *points += delta;
        }
    }

    /// Shows `round`'s title card; a tiebreak that is not needed is skipped (`true`), and after
    /// the last round the match is finished.
    fn enter_round(&mut self, setup: &MatchSetup, round: usize) -> bool {
        let mut skipped = false;
        self.round = round;
        self.question = 0;
        self.timer = None;
        self.play = Play::default();
        self.order.clear();
        self.contenders.clear();
        while let Some(next) = setup.rounds.get(self.round) {
            if let RoundRules::Tiebreak(rules) = &next.rules {
                self.contenders = tied_teams(&self.scores(setup), rules.places);
                if self.contenders.is_empty() {
                    skipped = true;
                    self.round += 1;
                    continue;
                }
            }
            self.phase = Phase::RoundStart;
            return skipped;
        }
        self.phase = Phase::Finished;
        skipped
    }

    /// Goes on from the round's title card or a question that is over.
    pub(super) fn next(&mut self, setup: &MatchSetup) -> Option<Outcome> {
        let skipped = match self.phase {
            Phase::RoundStart => {
                self.order = self.turn_order(setup);
                self.ask(setup);
                false
            }
            Phase::Settled(_) | Phase::Revealed(_) => self.advance(setup),
            _ => return None,
        };
        Some(if skipped {
            Outcome::TiebreakSkipped
        } else {
            Outcome::Done
        })
    }

    fn advance(&mut self, setup: &MatchSetup) -> bool {
        let Some(round) = self.round_setup(setup) else {
            return false;
        };
        if let RoundRules::Tiebreak(rules) = &round.rules {
            self.contenders = tied_teams(&self.scores(setup), rules.places);
            if self.contenders.is_empty() {
                return self.enter_round(setup, self.round + 1);
            }
        }
        if self.question + 1 < round.questions.len() {
            self.question += 1;
            self.ask(setup);
            false
        } else {
            self.enter_round(setup, self.round + 1)
        }
    }

    /// Sets up the question in play: its team (in turn) or every team, nothing shown yet.
    fn ask(&mut self, setup: &MatchSetup) {
        self.play = Play::default();
        self.timer = None;
        let in_turn =
            (!self.order.is_empty()).then(|| self.order[self.question % self.order.len()]);
        self.phase = match (self.round_setup(setup).map(|r| &r.rules), in_turn) {
            (Some(RoundRules::Risk(_)), Some(team)) => Phase::Choosing(team),
            (Some(RoundRules::Compulsory(_)), team) => Phase::Ready(team),
            _ => Phase::Ready(None),
        };
    }

    fn turn_order(&self, setup: &MatchSetup) -> Vec<TeamId> {
        let Some(round) = self.round_setup(setup) else {
            return Vec::new();
        };
        let mut order: Vec<TeamId> = setup.team_ids().collect();
        let scores = self.scores(setup);
        let score = |t: &TeamId| scores.get(t.index()).copied().unwrap_or(0);
        match &round.rules {
            RoundRules::Compulsory(_) => {}
            RoundRules::Risk(rules) => match rules.order {
                TurnOrder::AsListed => {}
                // Stable sorts: equal scores keep the setup's order.
                TurnOrder::HighestFirst => order.sort_by_key(|t| std::cmp::Reverse(score(t))),
                TurnOrder::LowestFirst => order.sort_by_key(score),
            },
            RoundRules::BuzzIn(_) | RoundRules::Tiebreak(_) => order.clear(),
        }
        order
    }
}
