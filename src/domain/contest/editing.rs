//! Setting a match up on screen: a first setup with the usual defaults, adding and removing teams
//! and rounds, each round's rules as a list of fields the setup screen shows one by one, drawing a
//! round's questions or picking them one by one, and the setup as a file (export, load on another
//! PC). The screen only shows these and sends the host's edits here.

use super::draw::{draw_questions, Draw, DrawError, DrawFilters};
use super::rules::{
    AfterWrong, BuzzRules, CompulsoryRules, RiskRules, RoundRules, TiebreakRules, TurnOrder,
};
use super::setup::{MatchSetup, QuestionKey, RoundSetup, Team, TeamColour, MAX_TEAMS, MIN_TEAMS};
use crate::domain::date::Date;
use crate::domain::library::Library;
use serde::{Deserialize, Serialize};

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

/// One rule of a round, as a field of the setup screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleField {
    /// Seconds to answer (compulsory, risk).
    Seconds,
    /// Seconds buzzing stays open.
    BuzzSeconds,
    /// Seconds to answer after a buzz.
    AnswerSeconds,
    /// Points for a right answer.
    Right,
    /// Points for a wrong answer.
    Wrong,
    /// Points for running out of time (compulsory).
    Timeout,
    /// Points for a foul.
    Foul,
    /// A team that fouled may not answer (flag).
    FoulExcludes,
    /// After a wrong answer: 0 rebound, 1 pass.
    AfterWrong,
    /// Most teams answering one question.
    MaxAnswers,
    /// Risk: the values offered (a list).
    Values,
    /// Risk: a team may decline (flag).
    MayDecline,
    /// Risk: running out of time loses the value (flag).
    TimeoutLoses,
    /// Risk: 0 as listed, 1 highest first, 2 lowest first.
    Order,
    /// Tiebreak: the places decided.
    Places,
}

/// How a rule is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A whole number within a range.
    Number {
        /// Smallest value.
        min: i32,
        /// Largest value.
        max: i32,
    },
    /// On or off.
    Flag,
    /// One of `n` choices, numbered from 0.
    Choice(u8),
    /// A list of values, separated by commas.
    List,
}

impl RuleField {
    /// How it is edited.
    pub fn kind(self) -> FieldKind {
        let points = FieldKind::Number {
            min: -100,
            max: 100,
        };
        match self {
            RuleField::Seconds | RuleField::BuzzSeconds | RuleField::AnswerSeconds => {
                FieldKind::Number { min: 0, max: 600 }
            }
            RuleField::Right | RuleField::Wrong | RuleField::Timeout | RuleField::Foul => points,
            RuleField::MaxAnswers | RuleField::Places => FieldKind::Number { min: 1, max: 8 },
            RuleField::FoulExcludes | RuleField::MayDecline | RuleField::TimeoutLoses => {
                FieldKind::Flag
            }
            RuleField::AfterWrong => FieldKind::Choice(2),
            RuleField::Order => FieldKind::Choice(3),
            RuleField::Values => FieldKind::List,
        }
    }

    /// The word used in form ids.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleField::Seconds => "seconds",
            RuleField::BuzzSeconds => "buzz-seconds",
            RuleField::AnswerSeconds => "answer-seconds",
            RuleField::Right => "right",
            RuleField::Wrong => "wrong",
            RuleField::Timeout => "timeout",
            RuleField::Foul => "foul",
            RuleField::FoulExcludes => "foul-excludes",
            RuleField::AfterWrong => "after-wrong",
            RuleField::MaxAnswers => "max-answers",
            RuleField::Values => "values",
            RuleField::MayDecline => "may-decline",
            RuleField::TimeoutLoses => "timeout-loses",
            RuleField::Order => "order",
            RuleField::Places => "places",
        }
    }
}

const BUZZ_FIELDS: [RuleField; 8] = [
    RuleField::BuzzSeconds,
    RuleField::AnswerSeconds,
    RuleField::Right,
    RuleField::Wrong,
    RuleField::Foul,
    RuleField::FoulExcludes,
    RuleField::AfterWrong,
    RuleField::MaxAnswers,
];

fn clamp(value: i64, kind: FieldKind) -> i32 {
    match kind {
        FieldKind::Number { min, max } => value.clamp(i64::from(min), i64::from(max)) as i32,
        FieldKind::Flag => i32::from(value != 0),
        FieldKind::Choice(n) => value.clamp(0, i64::from(n) - 1) as i32,
        FieldKind::List => 0,
    }
}

fn unsigned(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

impl BuzzRules {
    fn get(&self, field: RuleField) -> Option<i32> {
        Some(match field {
            RuleField::BuzzSeconds => self.buzz_seconds as i32,
            RuleField::AnswerSeconds => self.answer_seconds as i32,
            RuleField::Right => self.right,
            RuleField::Wrong => self.wrong,
            RuleField::Foul => self.foul,
            RuleField::FoulExcludes => i32::from(self.foul_excludes),
            RuleField::AfterWrong => i32::from(self.after_wrong == AfterWrong::Pass),
            RuleField::MaxAnswers => i32::from(self.max_answers),
            _ => return None,
        })
    }

    fn set(&mut self, field: RuleField, v: i32) {
        match field {
            RuleField::BuzzSeconds => self.buzz_seconds = unsigned(v),
            RuleField::AnswerSeconds => self.answer_seconds = unsigned(v),
            RuleField::Right => self.right = v,
            RuleField::Wrong => self.wrong = v,
            RuleField::Foul => self.foul = v,
            RuleField::FoulExcludes => self.foul_excludes = v != 0,
            RuleField::AfterWrong => {
                self.after_wrong = if v == 0 {
                    AfterWrong::Rebound
                } else {
                    AfterWrong::Pass
                }
            }
            RuleField::MaxAnswers => self.max_answers = u8::try_from(v).unwrap_or(1),
            _ => {}
        }
    }
}

impl RoundRules {
    /// The rules the setup screen shows for this round, in order.
    pub fn fields(&self) -> Vec<RuleField> {
        match self {
            RoundRules::Compulsory(_) => vec![
                RuleField::Seconds,
                RuleField::Right,
                RuleField::Wrong,
                RuleField::Timeout,
            ],
            RoundRules::BuzzIn(_) => BUZZ_FIELDS.to_vec(),
            RoundRules::Risk(_) => vec![
                RuleField::Values,
                RuleField::Seconds,
                RuleField::MayDecline,
                RuleField::TimeoutLoses,
                RuleField::Order,
            ],
            RoundRules::Tiebreak(_) => {
                let mut fields = vec![RuleField::Places];
                fields.extend(BUZZ_FIELDS);
                fields
            }
        }
    }

    /// A number, flag (0/1) or choice rule's value; `None` for a list or a rule the round lacks.
    pub fn get(&self, field: RuleField) -> Option<i32> {
        match (self, field) {
            (RoundRules::Compulsory(r), RuleField::Seconds) => Some(r.seconds as i32),
            (RoundRules::Compulsory(r), RuleField::Right) => Some(r.right),
            (RoundRules::Compulsory(r), RuleField::Wrong) => Some(r.wrong),
            (RoundRules::Compulsory(r), RuleField::Timeout) => Some(r.timeout),
            (RoundRules::Risk(r), RuleField::Seconds) => Some(r.seconds as i32),
            (RoundRules::Risk(r), RuleField::MayDecline) => Some(i32::from(r.may_decline)),
            (RoundRules::Risk(r), RuleField::TimeoutLoses) => Some(i32::from(r.timeout_loses)),
            (RoundRules::Risk(r), RuleField::Order) => Some(match r.order {
                TurnOrder::AsListed => 0,
                TurnOrder::HighestFirst => 1,
                TurnOrder::LowestFirst => 2,
            }),
            (RoundRules::Tiebreak(r), RuleField::Places) => Some(i32::from(r.places)),
            (RoundRules::BuzzIn(b), f)
            | (RoundRules::Tiebreak(TiebreakRules { buzz: b, .. }), f) => b.get(f),
            _ => None,
        }
    }

    /// Sets a number, flag or choice rule, kept within its range.
    pub fn set(&mut self, field: RuleField, value: i64) {
        let v = clamp(value, field.kind());
        match (self, field) {
            (RoundRules::Compulsory(r), RuleField::Seconds) => r.seconds = unsigned(v),
            (RoundRules::Compulsory(r), RuleField::Right) => r.right = v,
            (RoundRules::Compulsory(r), RuleField::Wrong) => r.wrong = v,
            (RoundRules::Compulsory(r), RuleField::Timeout) => r.timeout = v,
            (RoundRules::Risk(r), RuleField::Seconds) => r.seconds = unsigned(v),
            (RoundRules::Risk(r), RuleField::MayDecline) => r.may_decline = v != 0,
            (RoundRules::Risk(r), RuleField::TimeoutLoses) => r.timeout_loses = v != 0,
            (RoundRules::Risk(r), RuleField::Order) => {
                r.order = match v {
                    0 => TurnOrder::AsListed,
                    1 => TurnOrder::HighestFirst,
                    _ => TurnOrder::LowestFirst,
                }
            }
            (RoundRules::Tiebreak(r), RuleField::Places) => r.places = u8::try_from(v).unwrap_or(1),
            (RoundRules::BuzzIn(b), f)
            | (RoundRules::Tiebreak(TiebreakRules { buzz: b, .. }), f) => b.set(f, v),
            _ => {}
        }
    }

    /// A risk round's values, as the setup screen writes them ("10, 20, 30").
    pub fn values_text(&self) -> String {
        match self {
            RoundRules::Risk(r) => r
                .values
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        }
    }

    /// Sets a risk round's values from text: numbers separated by commas (either language's),
    /// spaces or slashes. `false` (nothing changed) when any piece is not a whole number above 0.
    pub fn set_values(&mut self, text: &str) -> bool {
        let RoundRules::Risk(r) = self else {
            return false;
        };
        let values: Option<Vec<u32>> = text
            .split([',', '，', '、', '/', ' '])
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                p.trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|v| (1..=1000).contains(v))
            })
            .collect();
        match values {
            Some(values) if !values.is_empty() => {
                r.values = values;
                true
            }
            _ => false,
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
