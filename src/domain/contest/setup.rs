//! A match as set up before it starts: the teams, the starting score, the rounds in order with
//! their rules, and the questions fixed for each round. Plain serialisable data, so a setup can be
//! saved, exported as a file and loaded on another PC; [`MatchSetup::check`] lists every problem.

use super::draw::Draw;
use crate::domain::bank::{BankId, QuestionId};
use crate::domain::library::Library;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Fewest teams in a match.
pub const MIN_TEAMS: usize = 2;
/// Most teams in a match.
pub const MAX_TEAMS: usize = 8;

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

/// 必答 (compulsory): each team in turn answers its own question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompulsoryRules {
    /// Seconds to answer (0: no limit).
    pub seconds: u32,
    /// Points for a right answer.
    pub right: i32,
    /// Points for a wrong answer (0 or negative).
    pub wrong: i32,
    /// Points when the time is up.
    pub timeout: i32,
}

impl Default for CompulsoryRules {
    fn default() -> Self {
        CompulsoryRules {
            seconds: 30,
            right: 10,
            wrong: 0,
            timeout: 0,
        }
    }
}

/// What happens to a buzz-in question after a wrong answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterWrong {
    /// The teams that have not answered it may buzz again (the host opens buzzing again).
    Rebound,
    /// The question is passed (to the audience, or dropped).
    Pass,
}

/// 抢答 (buzz-in): the first team to buzz after the host opens buzzing answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuzzRules {
    /// Seconds buzzing stays open; a question nobody buzzes in that time is void (0: no limit).
    pub buzz_seconds: u32,
    /// Seconds to answer once a team has buzzed (0: no limit).
    pub answer_seconds: u32,
    /// Points for a right answer.
    pub right: i32,
    /// Points for a wrong answer (or running out of time), usually negative.
    pub wrong: i32,
    /// Points for buzzing before buzzing is open (a foul), usually negative.
    pub foul: i32,
    /// Whether a team that fouled may not answer the question.
    pub foul_excludes: bool,
    /// After a wrong answer: rebound to the other teams, or pass.
    pub after_wrong: AfterWrong,
    /// Most teams that may answer one question (with rebounds), at least 1.
    pub max_answers: u8,
}

impl Default for BuzzRules {
    fn default() -> Self {
        BuzzRules {
            buzz_seconds: 20,
            answer_seconds: 15,
            right: 10,
            wrong: -10,
            foul: -10,
            foul_excludes: true,
            after_wrong: AfterWrong::Rebound,
            max_answers: 2,
        }
    }
}

/// In which order teams take their turns in a risk round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TurnOrder {
    /// The setup's order.
    AsListed,
    /// Highest score first when the round starts (equal scores in the setup's order).
    HighestFirst,
    /// Lowest score first when the round starts (equal scores in the setup's order).
    LowestFirst,
}

/// 风险 (risk): the team picks a value before seeing its question, and wins or loses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskRules {
    /// The values a team may pick.
    pub values: Vec<u32>,
    /// Seconds to answer (0: no limit).
    pub seconds: u32,
    /// Whether a team may decline its question (no gain, no loss).
    pub may_decline: bool,
    /// Whether running out of time loses the value (else it scores nothing).
    pub timeout_loses: bool,
    /// The order of turns.
    pub order: TurnOrder,
}

impl Default for RiskRules {
    fn default() -> Self {
        RiskRules {
            values: vec![10, 20, 30],
            seconds: 60,
            may_decline: true,
            timeout_loses: true,
            order: TurnOrder::AsListed,
        }
    }
}

/// 加赛 (tiebreak): sudden-death buzz-in among the tied teams until the tie breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TiebreakRules {
    /// The buzz-in rules of each question.
    pub buzz: BuzzRules,
    /// The places a tie must be broken for (3: the podium; 1: the winner only).
    pub places: u8,
}

impl Default for TiebreakRules {
    fn default() -> Self {
        TiebreakRules {
            buzz: BuzzRules {
                max_answers: 1,
                after_wrong: AfterWrong::Pass,
                ..BuzzRules::default()
            },
            places: 3,
        }
    }
}

/// A round's type with its rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundRules {
    /// 必答.
    Compulsory(CompulsoryRules),
    /// 抢答.
    BuzzIn(BuzzRules),
    /// 风险.
    Risk(RiskRules),
    /// 加赛.
    Tiebreak(TiebreakRules),
}

impl RoundRules {
    /// The buzz-in rules, for the rounds where teams buzz.
    pub fn buzz(&self) -> Option<&BuzzRules> {
        match self {
            RoundRules::BuzzIn(rules) => Some(rules),
            RoundRules::Tiebreak(rules) => Some(&rules.buzz),
            RoundRules::Compulsory(_) | RoundRules::Risk(_) => None,
        }
    }

    /// Whether each team takes its own questions in turn (compulsory and risk).
    pub fn takes_turns(&self) -> bool {
        matches!(self, RoundRules::Compulsory(_) | RoundRules::Risk(_))
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

fn check_rules(round: usize, rules: &RoundRules) -> Vec<SetupError> {
    let bad = |rule| SetupError::BadRule { round, rule };
    let mut problems = Vec::new();
    if let Some(buzz) = rules.buzz() {
        if buzz.max_answers == 0 {
            problems.push(bad("max_answers"));
        }
    }
    match rules {
        RoundRules::Risk(risk) if risk.values.is_empty() || risk.values.contains(&0) => {
            problems.push(bad("values"));
        }
        RoundRules::Tiebreak(tie) if tie.places == 0 => problems.push(bad("places")),
        _ => {}
    }
    problems
}
