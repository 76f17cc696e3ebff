//! What a learner chooses before a practice or a quiz: topics, who it is for, order, length,
//! difficulty, time limit and pass mark. Plain data with the defaults of the setup screen; the
//! library turns a plan into a session (`Library::draw`).

use crate::domain::bank::{Audience, Question, Topic};
use crate::domain::order::in_order;
use serde::{Deserialize, Serialize};

/// How many questions a round draws when nothing else is asked for.
pub const DEFAULT_QUESTION_COUNT: usize = 10;

/// Accuracy (%) a quiz needs to pass, unless the plan says otherwise.
pub const PASS_PERCENT: u32 = 80;
/// Question counts offered for a quiz.
pub const QUIZ_COUNTS: [usize; 4] = [5, 10, 20, 30];
/// Lengths offered for a practice: 10, 20, or every question that matches (`None`).
pub const PRACTICE_COUNTS: [Option<usize>; 3] = [Some(10), Some(20), None];
/// A practice's length unless the learner chose another: one short sitting, like a quiz.
pub const PRACTICE_COUNT: Option<usize> = Some(DEFAULT_QUESTION_COUNT);
/// Time limits per question offered for a quiz, in seconds (none is the default).
pub const TIME_LIMITS: [u32; 2] = [30, 60];
/// The difficulty levels a bank may use.
pub const DIFFICULTIES: [u8; 3] = [1, 2, 3];

/// How a round reveals answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// 练习: each answer is revealed at once, with the explanation.
    #[default]
    Practice,
    /// 测验: answers can be changed until the whole quiz is handed in; revealed at the end.
    Quiz,
}

/// The order practice goes through its questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// 顺序练习: bank by bank, in file order.
    #[default]
    Sequential,
    /// 随机练习: shuffled once per round.
    Random,
}

/// A practice or quiz as chosen on the setup screen (or by a deep link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Practice or quiz.
    pub mode: Mode,
    /// Topics to draw from; empty means every topic.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Who the questions are for; `Everyone` means every question.
    #[serde(default = "everyone")]
    pub audience: Audience,
    /// Practice: the order.
    #[serde(default)]
    pub order: Order,
    /// How many questions at most; `None` (a practice only) goes through every one that matches.
    /// Plans saved before practices had a length read as `None`, the whole pool they always had.
    #[serde(default)]
    pub count: Option<usize>,
    /// Quiz: difficulty levels to draw from; empty means all.
    #[serde(default)]
    pub difficulties: Vec<u8>,
    /// Quiz: seconds per question, if timed.
    #[serde(default)]
    pub limit_seconds: Option<u32>,
    /// Quiz: accuracy (%) needed to pass.
    #[serde(default = "pass_percent")]
    pub pass_percent: u32,
}

fn everyone() -> Audience {
    Audience::Everyone
}

fn pass_percent() -> u32 {
    PASS_PERCENT
}

impl Plan {
    /// A practice of `topics` (all of them when empty), in file order, `PRACTICE_COUNT` long.
    pub fn practice(topics: Vec<Topic>) -> Plan {
        Plan {
            mode: Mode::Practice,
            topics,
            audience: Audience::Everyone,
            order: Order::Sequential,
            count: PRACTICE_COUNT,
            difficulties: Vec::new(),
            limit_seconds: None,
            pass_percent: PASS_PERCENT,
        }
    }

    /// A quiz of `DEFAULT_QUESTION_COUNT` questions on `topics`, untimed, every difficulty.
    pub fn quiz(topics: Vec<Topic>) -> Plan {
        Plan {
            mode: Mode::Quiz,
            count: Some(DEFAULT_QUESTION_COUNT),
            ..Plan::practice(topics)
        }
    }

    /// Switches mode, keeping the length when the new mode offers it (10 and 20 are offered by
    /// both) and taking the mode's default otherwise.
    pub fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
        match mode {
            Mode::Practice => {
                if !PRACTICE_COUNTS.contains(&self.count) {
                    self.count = PRACTICE_COUNT;
                }
            }
            Mode::Quiz => {
                if !self.count.is_some_and(|n| QUIZ_COUNTS.contains(&n)) {
                    self.count = Some(DEFAULT_QUESTION_COUNT);
                }
            }
        }
    }

    /// Whether `question` of a bank on `topic` belongs in this plan's pool.
    pub fn admits(&self, topic: Topic, question: &Question) -> bool {
        self.covers(topic)
            && self.audience.includes(question)
            && (self.mode == Mode::Practice
                || self.difficulties.is_empty()
                || self.difficulties.contains(&question.difficulty))
    }

    /// Whether the plan covers `topic`.
    pub fn covers(&self, topic: Topic) -> bool {
        self.topics.is_empty() || self.topics.contains(&topic)
    }

    /// Adds or removes a topic (an empty list means every topic, so removing the last one is
    /// refused: the plan always has something to draw from).
    pub fn toggle_topic(&mut self, topic: Topic, all: &[Topic]) {
        if self.topics.is_empty() {
            self.topics = all.to_vec();
        }
        if let Some(pos) = self.topics.iter().position(|t| *t == topic) {
            if self.topics.len() > 1 {
                self.topics.remove(pos);
            }
        } else {
            self.topics.push(topic);
            self.topics = in_order(&Topic::ALL, &self.topics);
        }
        if all.iter().all(|t| self.topics.contains(t)) {
            self.topics.clear();
        }
    }

    /// Adds or removes a difficulty level (none ticked means all).
    pub fn toggle_difficulty(&mut self, level: u8) {
        if let Some(pos) = self.difficulties.iter().position(|d| *d == level) {
            self.difficulties.remove(pos);
        } else {
            self.difficulties.push(level);
            self.difficulties = in_order(&DIFFICULTIES, &self.difficulties);
        }
        if DIFFICULTIES.iter().all(|d| self.difficulties.contains(d)) {
            self.difficulties.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_topics_never_leaves_the_plan_empty_and_all_means_empty() {
        let all = Topic::ALL;
        let mut p = Plan::practice(vec![Topic::Fraud]);
        p.toggle_topic(Topic::Fraud, &all);
        assert_eq!(p.topics, [Topic::Fraud], "the last topic stays");
        p.toggle_topic(Topic::Rights, &all);
        assert_eq!(p.topics, [Topic::Fraud, Topic::Rights]);
        p.toggle_topic(Topic::Privacy, &all);
        p.toggle_topic(Topic::Investing, &all);
        assert!(p.topics.is_empty(), "every topic is stored as 'all'");
        assert!(p.covers(Topic::Rights));
        p.toggle_topic(Topic::Rights, &all);
        assert_eq!(p.topics.len(), 3);
        assert!(!p.covers(Topic::Rights));
    }

    #[test]
    fn difficulties_toggle_and_all_three_mean_all() {
        let mut p = Plan::quiz(vec![]);
        p.toggle_difficulty(3);
        p.toggle_difficulty(1);
        assert_eq!(p.difficulties, [1, 3]);
        p.toggle_difficulty(2);
        assert!(p.difficulties.is_empty());
        p.toggle_difficulty(2);
        p.toggle_difficulty(2);
        assert!(p.difficulties.is_empty());
    }

    #[test]
    fn a_practice_is_ten_questions_unless_the_learner_chooses_twenty_or_all() {
        let p = Plan::practice(vec![Topic::Fraud]);
        assert_eq!(p.count, Some(10));
        assert!(PRACTICE_COUNTS.contains(&p.count));
        assert!(PRACTICE_COUNTS.contains(&None), "'all' is offered");
    }

    #[test]
    fn switching_mode_keeps_a_length_both_modes_offer_and_defaults_the_rest() {
        let mut p = Plan::quiz(vec![]);
        p.count = Some(20);
        p.set_mode(Mode::Practice);
        assert_eq!(p.count, Some(20), "20 is a practice length too");
        p.count = None;
        p.set_mode(Mode::Quiz);
        assert_eq!(
            p.count,
            Some(DEFAULT_QUESTION_COUNT),
            "a quiz is never 'all'"
        );
        p.count = Some(30);
        p.set_mode(Mode::Practice);
        assert_eq!(p.count, PRACTICE_COUNT, "30 is not a practice length");
        p.count = None;
        p.set_mode(Mode::Practice);
        assert_eq!(p.count, None, "'all' stays 'all'");
    }

    #[test]
    fn a_practice_saved_by_the_previous_version_reads_as_the_whole_pool() {
        // The previous version wrote a practice with `"count":null` (it always went through every
        // question), or no count at all.
        for saved in [
            r#"{"mode":"practice","topics":["fraud"],"audience":"everyone","order":"random","count":null,"difficulties":[],"limit_seconds":null,"pass_percent":80}"#,
            r#"{"mode":"practice","topics":["fraud"]}"#,
        ] {
            let mut p: Plan = serde_json::from_str(saved).unwrap();
            assert_eq!(p.count, None);
            p.set_mode(Mode::Practice);
            assert_eq!(p.count, None, "reopening its setup keeps 'all'");
        }
    }

    #[test]
    fn an_older_plan_without_new_fields_reads_with_defaults() {
        let p: Plan = serde_json::from_str(r#"{"mode":"quiz"}"#).unwrap();
        assert_eq!(p.audience, Audience::Everyone);
        assert_eq!(p.pass_percent, PASS_PERCENT);
        assert_eq!(p.order, Order::Sequential);
    }
}
