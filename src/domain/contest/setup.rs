//! A match as set up before it starts: the teams, the starting score, the rounds in order with
//! their rules, and the questions fixed for each round. Plain serialisable data, so a setup can be
//! saved, exported as a file and loaded on another PC; [`MatchSetup::check`] lists every problem.

use super::draw::Draw;
use super::rules::{check_rules, RoundRules};
use crate::domain::bank::{BankId, QuestionId};
use crate::domain::library::Library;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Fewest teams in a match.
pub const MIN_TEAMS: usize = 2;
/// Most teams in a match.
pub const MAX_TEAMS: usize = 8;
/// Longest team name, in characters (the setup form's field takes no more; a file may).
pub const MAX_NAME_CHARS: usize = 30;

/// A team, by its place in the setup's list (0 for the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TeamId(pub u8);

impl TeamId {
    /// The index into the setup's teams.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A team's colour on screen (never the only signal: every team also has a label).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamColour {
    /// Red.
    Red,
    /// Blue.
    Blue,
    /// Green.
    Green,
    /// Orange.
    Orange,
    /// Purple.
    Purple,
    /// Teal.
    Teal,
    /// Brown.
    Brown,
    /// Pink.
    Pink,
}

impl TeamColour {
    /// Every colour, in the order new teams get them.
    pub const ALL: [TeamColour; 8] = [
        TeamColour::Red,
        TeamColour::Blue,
        TeamColour::Green,
        TeamColour::Orange,
        TeamColour::Purple,
        TeamColour::Teal,
        TeamColour::Brown,
        TeamColour::Pink,
    ];

    /// The word used in files and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            TeamColour::Red => "red",
            TeamColour::Blue => "blue",
            TeamColour::Green => "green",
            TeamColour::Orange => "orange",
            TeamColour::Purple => "purple",
            TeamColour::Teal => "teal",
            TeamColour::Brown => "brown",
            TeamColour::Pink => "pink",
        }
    }
}

/// One team on stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// Its name, as announced ("城东支行队").
    pub name: String,
    /// Its colour.
    pub colour: TeamColour,
    /// A short label shown with the colour ("1", "A"), so colour is never the only signal.
    pub label: String,
}

/// A question fixed for a match: `bank/question`, as the progress keys are written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct QuestionKey {
    /// The bank.
    pub bank: BankId,
    /// The question in it.
    pub question: QuestionId,
}

impl QuestionKey {
    /// The key of `question` in `bank`.
    pub fn new(bank: BankId, question: QuestionId) -> QuestionKey {
        QuestionKey { bank, question }
    }

    /// Reads `bank/question`; `None` without a slash or with an empty side.
    pub fn parse(text: &str) -> Option<QuestionKey> {
        let (bank, question) = text.split_once('/')?;
        if bank.is_empty() || question.is_empty() {
            return None;
        }
        Some(QuestionKey::new(
            BankId::from(bank),
            QuestionId::from(question),
        ))
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.bank, self.question)
    }
}

impl TryFrom<String> for QuestionKey {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        QuestionKey::parse(&text).ok_or_else(|| format!("not a `bank/question` key: {text:?}"))
    }
}

impl From<QuestionKey> for String {
    fn from(key: QuestionKey) -> String {
        key.to_string()
    }
}

/// One round as set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSetup {
    /// Its type and rules.
    pub rules: RoundRules,
    /// Its questions, in the order asked, fixed before the match.
    pub questions: Vec<QuestionKey>,
    /// How they were drawn, if drawn (the seed is shown on screen so the judges can redo it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw: Option<Draw>,
}

/// A match as set up before it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchSetup {
    /// The match's title ("2026年金融知识竞赛决赛").
    pub title: String,
    /// The teams, in the order they take turns.
    pub teams: Vec<Team>,
    /// Every team's score before the first question (often 100).
    pub starting_score: i32,
    /// The rounds, in order.
    pub rounds: Vec<RoundSetup>,
}

/// A problem with a setup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    /// Fewer than [`MIN_TEAMS`] teams.
    #[error("a match needs at least {MIN_TEAMS} teams; it has {count}")]
    TooFewTeams {
        /// How many there are.
        count: usize,
    },
    /// More than [`MAX_TEAMS`] teams.
    #[error("a match takes at most {MAX_TEAMS} teams; it has {count}")]
    TooManyTeams {
        /// How many there are.
        count: usize,
    },
    /// A team without a name or label.
    #[error("team {team} has no name or no label")]
    BlankTeam {
        /// Its index.
        team: usize,
    },
    /// A team name longer than [`MAX_NAME_CHARS`] (from a file: the form takes no more).
    #[error(
        "team {team}'s name has {length} characters; at most {MAX_NAME_CHARS} fit the screens"
    )]
    LongName {
        /// Its index.
        team: usize,
        /// Its length in characters.
        length: usize,
    },
    /// Two teams with the same name.
    #[error("two teams are called {name:?}")]
    DuplicateName {
        /// The name.
        name: String,
    },
    /// Two teams with the same label.
    #[error("two teams have the label {label:?}")]
    DuplicateLabel {
        /// The label.
        label: String,
    },
    /// Two teams with the same colour.
    #[error("two teams are {}", colour.as_str())]
    DuplicateColour {
        /// The colour.
        colour: TeamColour,
    },
    /// No round at all.
    #[error("the match has no rounds")]
    NoRounds,
    /// A round without questions.
    #[error("round {round} has no questions")]
    RoundWithoutQuestions {
        /// The round's index.
        round: usize,
    },
    /// A compulsory or risk round whose questions do not go round the teams evenly.
    #[error("round {round} has {questions} questions for {teams} teams: each team needs as many")]
    UnevenTurns {
        /// The round's index.
        round: usize,
        /// Its questions.
        questions: usize,
        /// The teams.
        teams: usize,
    },
    /// A rule that cannot be played (no risk values, a value of 0, no answers allowed, no places).
    #[error("round {round} has an unplayable rule: {rule}")]
    BadRule {
        /// The round's index.
        round: usize,
        /// Which rule.
        rule: &'static str,
    },
    /// A question asked twice in the match.
    #[error("question {key} is asked twice")]
    RepeatedQuestion {
        /// The question.
        key: QuestionKey,
    },
    /// A question that is not in the banks loaded.
    #[error("round {round}: question {key} is not in the banks")]
    UnknownQuestion {
        /// The round's index.
        round: usize,
        /// The question.
        key: QuestionKey,
    },
}

impl MatchSetup {
    /// Every problem with the setup (empty when it can be played): the teams, the rounds and their
    /// rules, and each question against `library`.
    pub fn check(&self, library: &Library) -> Vec<SetupError> {
        let mut problems = self.check_teams();
        if self.rounds.is_empty() {
            problems.push(SetupError::NoRounds);
        }
        let mut seen = BTreeSet::new();
        for (round, setup) in self.rounds.iter().enumerate() {
            problems.extend(check_rules(round, &setup.rules));
            let questions = setup.questions.len();
            if questions == 0 {
                problems.push(SetupError::RoundWithoutQuestions { round });
            } else if setup.rules.takes_turns() && questions % self.teams.len().max(1) != 0 {
                problems.push(SetupError::UnevenTurns {
                    round,
                    questions,
                    teams: self.teams.len(),
                });
            }
            for key in &setup.questions {
                if !seen.insert(key) {
                    problems.push(SetupError::RepeatedQuestion { key: key.clone() });
                }
                if library.question(&key.bank, &key.question).is_none() {
                    problems.push(SetupError::UnknownQuestion {
                        round,
                        key: key.clone(),
                    });
                }
            }
        }
        problems
    }

    fn check_teams(&self) -> Vec<SetupError> {
        let mut problems = Vec::new();
        let count = self.teams.len();
        if count < MIN_TEAMS {
            problems.push(SetupError::TooFewTeams { count });
        } else if count > MAX_TEAMS {
            problems.push(SetupError::TooManyTeams { count });
        }
        let (mut names, mut labels, mut colours) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for (team, t) in self.teams.iter().enumerate() {
            let (name, label) = (t.name.trim(), t.label.trim());
            if name.is_empty() || label.is_empty() {
                problems.push(SetupError::BlankTeam { team });
                continue;
            }
            let length = name.chars().count();
            if length > MAX_NAME_CHARS {
                problems.push(SetupError::LongName { team, length });
            }
            if !names.insert(name) {
                problems.push(SetupError::DuplicateName { name: name.into() });
            }
            if !labels.insert(label) {
                problems.push(SetupError::DuplicateLabel {
                    label: label.into(),
                });
            }
            if !colours.insert(t.colour.as_str()) {
                problems.push(SetupError::DuplicateColour { colour: t.colour });
            }
        }
        problems
    }

    /// The team, if `team` is one of the setup's.
    pub fn team(&self, team: TeamId) -> Option<&Team> {
        self.teams.get(team.index())
    }

    /// Every team's id, in the setup's order.
    pub fn team_ids(&self) -> impl Iterator<Item = TeamId> {
        (0..self.teams.len()).filter_map(|i| u8::try_from(i).ok().map(TeamId))
    }
}
