//! What one customer's kiosk session leaves for the branch's statistics, and nothing more.

use crate::domain::bank::{OptionId, Topic};
use crate::domain::date::Date;
use crate::domain::text::Lang;
use serde::{Deserialize, Serialize};

/// What the customer chose to be asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicChoice {
    /// One topic.
    Topic(Topic),
    /// "A bit of everything" (一样来一点).
    Mixed,
}

/// One question answered in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    /// The question's progress key (`bank/question`).
    pub key: String,
    /// The options the customer chose.
    pub chosen: Vec<OptionId>,
    /// Whether that was exactly right.
    pub correct: bool,
}

/// An anonymous record of one session: when (to the hour), what was chosen, what was answered,
/// how it ended. No identity, no free text, no timestamp finer than the hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The (Beijing) date it started.
    pub date: Date,
    /// The (Beijing) hour it started, 0–23.
    pub hour: u8,
    /// What the customer chose to be asked about.
    pub choice: TopicChoice,
    /// How many questions the session had.
    pub total: u32,
    /// The questions answered, in order (fewer than `total` if the customer walked away).
    pub answers: Vec<Answered>,
    /// Whether the customer reached the end card.
    pub completed: bool,
    /// Whether elder mode was on when the session ended.
    pub elder: bool,
    /// The language when the session ended.
    pub lang: Lang,
    /// Whether the end card showed a prize code.
    pub prize_issued: bool,
}

impl Outcome {
    /// Right answers.
    pub fn correct(&self) -> u32 {
        u32::try_from(self.answers.iter().filter(|a| a.correct).count()).unwrap_or(u32::MAX)
    }
}
