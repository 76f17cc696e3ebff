//! A round's rules as fields of the setup screen: which rules a round type has, how each is edited
//! (a number within a range, a flag, a choice, a list), and reading and setting each one, kept
//! within its range.

use crate::domain::contest::rules::{AfterWrong, BuzzRules, RoundRules, TiebreakRules, TurnOrder};

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
