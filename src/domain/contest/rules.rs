//! The rules of each round type, with the usual Chinese contest defaults (see
//! `../shared/REFERENCE.md`): 必答 compulsory, 抢答 buzz-in, 风险 risk and 加赛 tiebreak. Every rule
//! is a field a setup may change; points are signed (a deduction is negative).

use super::setup::SetupError;
use serde::{Deserialize, Serialize};

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

/// The rules of round `round` that cannot be played.
pub(super) fn check_rules(round: usize, rules: &RoundRules) -> Vec<SetupError> {
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
