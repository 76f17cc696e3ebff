//! The quiz flow: every question stays open, with its own ticks, until the whole quiz is handed
//! in; then every item is judged at once. A timed quiz only moves forward.

use super::{tick, Answer, Draw, Item, SessionError};
use crate::domain::bank::{BankId, OptionId, Question, QuestionType};
use std::num::NonZeroU32;

/// Where a quiz is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizState {
    /// Answers are open; the item at `index` is shown.
    Open {
        /// The item shown.
        index: usize,
        /// The options ticked on each item, one entry per item.
        picks: Vec<Vec<OptionId>>,
    },
    /// Handed in: every item judged, one answer per item (an empty one counts as wrong).
    HandedIn {
        /// One per item, in item order.
        answers: Vec<Answer>,
    },
}

/// A quiz: answers can be changed until the quiz is handed in; revealed at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    draw: Draw,
    /// Seconds allowed per question, if timed.
    limit: Option<NonZeroU32>,
    state: QuizState,
}

impl Quiz {
    /// A quiz of `pool` in the order given, showing the first question. `seed` (kept) shuffles
    /// the options of single- and multiple-choice questions; true/false keeps true first. A
    /// limit of 0 seconds means untimed.
    pub fn from_pool(
        pool: Vec<(&BankId, &Question)>,
        seed: u64,
        limit_seconds: Option<u32>,
    ) -> Result<Quiz, SessionError> {
        let draw = Draw::new(pool, seed)?;
        let picks = vec![Vec::new(); draw.items.len()];
        Ok(Quiz {
            draw,
            limit: limit_seconds.and_then(NonZeroU32::new),
            state: QuizState::Open { index: 0, picks },
        })
    }

    /// Built from parts already checked (see `wire`).
    pub(super) fn from_parts(draw: Draw, limit: Option<NonZeroU32>, state: QuizState) -> Quiz {
        Quiz { draw, limit, state }
    }

    /// The parts, to store (see `wire`).
    pub(super) fn into_parts(self) -> (Draw, Option<NonZeroU32>, QuizState) {
        (self.draw, self.limit, self.state)
    }

    pub(super) fn draw(&self) -> &Draw {
        &self.draw
    }

    /// The questions in the order asked (at least one).
    pub fn items(&self) -> &[Item] {
        &self.draw.items
    }

    /// Where the quiz is.
    pub fn state(&self) -> &QuizState {
        &self.state
    }

    /// Seconds allowed per question, if timed (never 0).
    pub fn limit_seconds(&self) -> Option<u32> {
        self.limit.map(NonZeroU32::get)
    }

    /// Whether answers are still open (not handed in).
    pub fn is_open(&self) -> bool {
        matches!(self.state, QuizState::Open { .. })
    }

    /// Whether the quiz has been handed in.
    pub fn is_handed_in(&self) -> bool {
        matches!(self.state, QuizState::HandedIn { .. })
    }

    /// The position of the item shown, while open.
    pub fn index(&self) -> Option<usize> {
        match self.state {
            QuizState::Open { index, .. } => Some(index),
            QuizState::HandedIn { .. } => None,
        }
    }

    /// The judged answers: none while open, one per item once handed in.
    pub fn answers(&self) -> &[Answer] {
        match &self.state {
            QuizState::Open { .. } => &[],
            QuizState::HandedIn { answers } => answers,
        }
    }

    /// The options ticked on the item shown.
    pub fn selected(&self) -> &[OptionId] {
        match &self.state {
            QuizState::Open { index, picks } => picks.get(*index).map_or(&[], Vec::as_slice),
            QuizState::HandedIn { .. } => &[],
        }
    }

    /// The options ticked on each item, in item order (once handed in, the answers given).
    pub fn picks(&self) -> Vec<&[OptionId]> {
        match &self.state {
            QuizState::Open { picks, .. } => picks.iter().map(Vec::as_slice).collect(),
            QuizState::HandedIn { answers } => {
                answers.iter().map(|a| a.chosen.as_slice()).collect()
            }
        }
    }

    /// The positions (0-based) of items with nothing ticked.
    pub fn unanswered(&self) -> Vec<usize> {
        self.picks()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_empty())
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether any item has an option ticked.
    pub fn has_ticks(&self) -> bool {
        self.picks().iter().any(|p| !p.is_empty())
    }

    /// Whether the first question is shown, open, with nothing ticked anywhere.
    pub fn is_fresh(&self) -> bool {
        matches!(&self.state, QuizState::Open { index: 0, picks } if picks.iter().all(Vec::is_empty))
    }

    /// Ticks or unticks an option of the item shown (see `Session::toggle`).
    pub fn toggle(&mut self, kind: QuestionType, option: &OptionId) -> Result<(), SessionError> {
        let QuizState::Open { index, picks } = &mut self.state else {
            return Err(SessionError::NotAsking);
        };
        let (Some(item), Some(selected)) = (self.draw.items.get(*index), picks.get_mut(*index))
        else {
            return Err(SessionError::NotAsking);
        };
        tick(selected, item, kind, option)
    }

    /// Shows the item at `to`. A timed quiz only moves forward.
    pub fn go_to(&mut self, to: usize) -> Result<(), SessionError> {
        let QuizState::Open { index, .. } = &mut self.state else {
            return Err(SessionError::NotAsking);
        };
        if to >= self.draw.items.len() || (self.limit.is_some() && to < *index) {
            return Err(SessionError::CannotMove(to));
        }
        *index = to;
        Ok(())
    }

    /// Hands the quiz in. Every item gets its answer (an empty one counts as wrong); `question`
    /// looks up an item's question. Returns whether each item was right, in order.
    pub fn hand_in<'q>(
        &mut self,
        question: impl Fn(&Item) -> Option<&'q Question>,
    ) -> Result<Vec<bool>, SessionError> {
        let QuizState::Open { picks, .. } = &self.state else {
            return Err(SessionError::NotAsking);
        };
        let mut answers = Vec::with_capacity(self.draw.items.len());
        for (item, chosen) in self.draw.items.iter().zip(picks) {
            let q = question(item)
                .ok_or_else(|| SessionError::MissingQuestion(item.question.clone()))?;
            answers.push(Answer {
                chosen: chosen.clone(),
                correct: !chosen.is_empty() && q.is_correct(chosen),
            });
        }
        let verdicts = answers.iter().map(|a| a.correct).collect();
        self.state = QuizState::HandedIn { answers };
        Ok(verdicts)
    }
}
