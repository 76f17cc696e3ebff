//! The history of finished rounds: what each round was (`RoundLabel`), how it went overall and by
//! topic (`RoundRecord`, `TopicScore`), the bounded list the device keeps, and the best score per
//! topic read from it. Plain data; building a record from a finished session needs the library
//! (`report::record`), and storage lives in the platform layer.

use crate::domain::bank::Topic;
use crate::domain::date::Date;
use serde::{Deserialize, Serialize};

/// How many finished rounds the history keeps.
pub const HISTORY_LIMIT: usize = 100;
/// Fewest questions of a topic a round needs before it counts for that topic's best score.
pub const BEST_MIN_QUESTIONS: u32 = 5;

/// Right answers out of questions asked on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicScore {
    /// The topic.
    pub topic: Topic,
    /// Answered right.
    pub correct: u32,
    /// Questions asked.
    pub total: u32,
}

impl TopicScore {
    /// Right answers as a whole percentage (rounded down).
    pub fn percent(&self) -> u32 {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// What kind of round a history entry was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundLabel {
    /// Practice (and the bank rounds of earlier versions).
    #[default]
    Practice,
    /// A quiz, revealed at the end, with a pass mark.
    Quiz,
    /// The daily set.
    Daily,
    /// A round from the wrong-answer book.
    WrongBook,
    /// A round from the bookmarks.
    Bookmarks,
}

/// One finished round, for the history and "best score".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRecord {
    /// When it finished.
    pub date: Date,
    /// Topics it drew from.
    pub topics: Vec<Topic>,
    /// Questions asked.
    pub total: u32,
    /// Answered right.
    pub correct: u32,
    /// Seconds it took.
    pub seconds: u32,
    /// What kind of round it was.
    #[serde(default)]
    pub label: RoundLabel,
    /// Points, with the streak bonus.
    #[serde(default)]
    pub points: u32,
    /// Right answers by topic.
    #[serde(default)]
    pub parts: Vec<TopicScore>,
    /// For a quiz, whether it reached the pass mark.
    #[serde(default)]
    pub passed: Option<bool>,
}

impl RoundRecord {
    /// Right answers as a whole percentage.
    pub fn accuracy_percent(&self) -> u32 {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// Appends a round to the history, keeping the newest `HISTORY_LIMIT`.
pub fn push_history(history: &mut Vec<RoundRecord>, record: RoundRecord) {
    history.push(record);
    if history.len() > HISTORY_LIMIT {
        let extra = history.len() - HISTORY_LIMIT;
        history.drain(..extra);
    }
}

/// The best accuracy reached on `topic` in any round that asked at least `BEST_MIN_QUESTIONS` of
/// its questions (rounds from before the per-topic breakdown count when they had that one topic).
pub fn best_percent(history: &[RoundRecord], topic: Topic) -> Option<u32> {
    history
        .iter()
        .filter_map(|r| {
            if r.parts.is_empty() {
                (r.topics == [topic] && r.total >= BEST_MIN_QUESTIONS).then(|| r.accuracy_percent())
            } else {
                r.parts
                    .iter()
                    .find(|p| p.topic == topic && p.total >= BEST_MIN_QUESTIONS)
                    .map(TopicScore::percent)
            }
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u8) -> Date {
        Date::new(2026, 11, n).unwrap()
    }

    fn record(topics: Vec<Topic>, total: u32) -> RoundRecord {
        RoundRecord {
            date: day(1),
            topics,
            total,
            correct: 0,
            seconds: 60,
            label: RoundLabel::Practice,
            points: 0,
            parts: vec![],
            passed: None,
        }
    }

    #[test]
    fn history_keeps_the_newest_hundred() {
        let mut h = Vec::new();
        for i in 0..130 {
            push_history(
                &mut h,
                RoundRecord {
                    correct: i % 11,
                    ..record(vec![Topic::Fraud], 10)
                },
            );
        }
        assert_eq!(h.len(), HISTORY_LIMIT);
        assert_eq!(h[0].correct, 30 % 11);
        assert_eq!(best_percent(&h, Topic::Fraud), Some(100));
        assert_eq!(best_percent(&h, Topic::Rights), None);
        let mut mixed = RoundRecord {
            correct: 8,
            parts: vec![
                TopicScore {
                    topic: Topic::Fraud,
                    correct: 5,
                    total: 5,
                },
                TopicScore {
                    topic: Topic::Rights,
                    correct: 3,
                    total: 4,
                },
            ],
            ..record(vec![Topic::Fraud, Topic::Rights], 9)
        };
        let only = |r: &RoundRecord| vec![r.clone()];
        assert_eq!(best_percent(&only(&mixed), Topic::Fraud), Some(100));
        assert_eq!(
            best_percent(&only(&mixed), Topic::Rights),
            None,
            "4 is too few"
        );
        mixed.parts[1].total = 6;
        assert_eq!(best_percent(&only(&mixed), Topic::Rights), Some(50));
        let old: RoundRecord = serde_json::from_str(
            r#"{"date":"2026-11-01","topics":["fraud"],"total":10,"correct":7,"seconds":50}"#,
        )
        .unwrap();
        assert_eq!(
            (old.label, old.points, old.passed),
            (RoundLabel::Practice, 0, None)
        );
        assert_eq!(best_percent(&[old], Topic::Fraud), Some(70));
    }
}
