//! Setting a match up on screen: a first setup with the usual defaults, adding and removing teams
//! and rounds, each round's rules as a list of fields the setup screen shows one by one
//! (`editing/fields.rs`), drawing a
//! round's questions or picking them one by one, and the setup as a file (export, load on another
//! PC). The screen only shows these and sends the host's edits here.

use super::draw::{draw_questions, Draw, DrawError, DrawFilters};
use super::rules::{BuzzRules, CompulsoryRules, RiskRules, RoundRules, TiebreakRules};
use super::setup::{MatchSetup, QuestionKey, RoundSetup, Team, TeamColour, MAX_TEAMS, MIN_TEAMS};
use crate::domain::date::Date;
use crate::domain::library::Library;
use serde::{Deserialize, Serialize};

mod fields;
pub use fields::{FieldKind, RuleField};

/// A round's type, without its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoundKind {
    /// 必答.
    Compulsory,
    /// 抢答.
    BuzzIn,
    /// 风险.
    Risk,
    /// 加赛.
    Tiebreak,
}

impl RoundKind {
    /// Every kind, in the usual order of a match.
    pub const ALL: [RoundKind; 4] = [
        RoundKind::Compulsory,
        RoundKind::BuzzIn,
        RoundKind::Risk,
        RoundKind::Tiebreak,
    ];

    /// The word used in CSS classes and form values.
    pub fn as_str(self) -> &'static str {
        match self {
            RoundKind::Compulsory => "compulsory",
            RoundKind::BuzzIn => "buzz_in",
            RoundKind::Risk => "risk",
            RoundKind::Tiebreak => "tiebreak",
        }
    }

    /// Reads a form value.
    pub fn parse(value: &str) -> Option<RoundKind> {
        RoundKind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// The kind's default rules (the usual Chinese contest rules).
    pub fn default_rules(self) -> RoundRules {
        match self {
            RoundKind::Compulsory => RoundRules::Compulsory(CompulsoryRules::default()),
            RoundKind::BuzzIn => RoundRules::BuzzIn(BuzzRules::default()),
            RoundKind::Risk => RoundRules::Risk(RiskRules::default()),
            RoundKind::Tiebreak => RoundRules::Tiebreak(TiebreakRules::default()),
        }
    }
}

impl RoundRules {
    /// The round's type.
    pub fn kind(&self) -> RoundKind {
        match self {
            RoundRules::Compulsory(_) => RoundKind::Compulsory,
            RoundRules::BuzzIn(_) => RoundKind::BuzzIn,
            RoundRules::Risk(_) => RoundKind::Risk,
            RoundRules::Tiebreak(_) => RoundKind::Tiebreak,
        }
    }
}

impl MatchSetup {
    /// A first setup: `title`, three teams named by `team_name(n)` (1-based), a starting score of
    /// 100, and one round of each type in the usual order, without questions yet.
    pub fn starter(title: &str, team_name: impl Fn(usize) -> String) -> MatchSetup {
        let mut setup = MatchSetup {
            title: title.to_owned(),
            teams: Vec::new(),
            starting_score: 100,
            rounds: RoundKind::ALL
                .into_iter()
                .map(|kind| RoundSetup {
                    rules: kind.default_rules(),
                    questions: Vec::new(),
                    draw: None,
                })
                .collect(),
        };
        for _ in 0..3 {
            setup.add_team(&team_name);
        }
        setup
    }

    /// Adds a team with the first colour and number label not taken; `false` at [`MAX_TEAMS`].
    pub fn add_team(&mut self, team_name: impl Fn(usize) -> String) -> bool {
        if self.teams.len() >= MAX_TEAMS {
            return false;
        }
        let colour = TeamColour::ALL
            .into_iter()
            .find(|c| self.teams.iter().all(|t| t.colour != *c))
            .unwrap_or(TeamColour::Red);
        let number = (1..=MAX_TEAMS + 1)
            .find(|n| self.teams.iter().all(|t| t.label != n.to_string()))
            .unwrap_or(1);
        self.teams.push(Team {
            name: team_name(number),
            colour,
            label: number.to_string(),
        });
        true
    }

    /// Removes team `index`; `false` at [`MIN_TEAMS`].
    pub fn remove_team(&mut self, index: usize) -> bool {
        if self.teams.len() <= MIN_TEAMS || index >= self.teams.len() {
            return false;
        }
        self.teams.remove(index);
        true
    }

    /// Adds a round of `kind` with its default rules and no questions.
    pub fn add_round(&mut self, kind: RoundKind) {
        self.rounds.push(RoundSetup {
            rules: kind.default_rules(),
            questions: Vec::new(),
            draw: None,
        });
    }

    /// Moves round `index` one place up (`-1`) or down (`1`).
    pub fn move_round(&mut self, index: usize, up: bool) {
        let other = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        if let Some(other) = other.filter(|o| *o < self.rounds.len()) {
            self.rounds.swap(index, other);
        }
    }

    /// Changes round `index`'s type, with that type's default rules (its questions stay).
    pub fn set_round_kind(&mut self, index: usize, kind: RoundKind) {
        if let Some(round) = self.rounds.get_mut(index) {
            if round.rules.kind() != kind {
                round.rules = kind.default_rules();
            }
        }
    }

    /// The questions of every round but `index`.
    fn taken_by_others(&self, index: usize) -> Vec<QuestionKey> {
        self.rounds
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .flat_map(|(_, r)| r.questions.iter().cloned())
            .collect()
    }

    /// Draws round `index`'s questions (replacing them) from `library`: `filters`, shuffled by
    /// `seed`, none asked in another round; the draw is kept so the judges can redo it.
    pub fn draw_round(
        &mut self,
        index: usize,
        library: &Library,
        filters: DrawFilters,
        seed: u64,
        today: Date,
    ) -> Result<(), DrawError> {
        let taken = self.taken_by_others(index);
        let questions = draw_questions(library, &filters, seed, today, &taken)?;
        if let Some(round) = self.rounds.get_mut(index) {
            round.questions = questions;
            round.draw = Some(Draw {
                filters,
                seed,
                date: today,
            });
        }
        Ok(())
    }

    /// Adds `key` to round `index` by hand (a picked round is no longer a draw); `false` when it is
    /// already in the match.
    pub fn pick_question(&mut self, index: usize, key: QuestionKey) -> bool {
        if self.rounds.iter().any(|r| r.questions.contains(&key)) {
            return false;
        }
        match self.rounds.get_mut(index) {
            Some(round) => {
                round.questions.push(key);
                round.draw = None;
                true
            }
            None => false,
        }
    }

    /// Takes `key` out of round `index`.
    pub fn unpick_question(&mut self, index: usize, key: &QuestionKey) {
        if let Some(round) = self.rounds.get_mut(index) {
            round.questions.retain(|k| k != key);
            round.draw = None;
        }
    }
}

/// The setup as a file: `{"anxin_contest_setup": 1, "setup": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupFile {
    /// The file format's version.
    pub anxin_contest_setup: u32,
    /// The setup.
    pub setup: MatchSetup,
}

/// The file format this build writes and reads.
pub const SETUP_FILE_FORMAT: u32 = 1;

/// Why a setup file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupFileError {
    /// Not a setup file (or broken JSON): the parser's words.
    #[error("not a contest setup file: {0}")]
    NotASetup(String),
    /// A setup file of a newer format.
    #[error("a setup file of format {0}, newer than this page")]
    Newer(u32),
}

impl SetupFile {
    /// The file's text (pretty JSON, for people to read too).
    pub fn write(setup: &MatchSetup) -> String {
        let file = SetupFile {
            anxin_contest_setup: SETUP_FILE_FORMAT,
            setup: setup.clone(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads a setup file (its questions are checked against the banks by [`MatchSetup::check`]).
    pub fn read(text: &str) -> Result<MatchSetup, SetupFileError> {
        let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| SetupFileError::NotASetup(e.to_string()))?;
        let format = value
            .get("anxin_contest_setup")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| SetupFileError::NotASetup("no anxin_contest_setup field".into()))?;
        if format > u64::from(SETUP_FILE_FORMAT) {
            return Err(SetupFileError::Newer(
                u32::try_from(format).unwrap_or(u32::MAX),
            ));
        }
        serde_json::from_value::<SetupFile>(value)
            .map(|f| f.setup)
            .map_err(|e| SetupFileError::NotASetup(e.to_string()))
    }
}
