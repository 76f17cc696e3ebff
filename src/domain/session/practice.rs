//! The practice flow: one question at a time, each answer judged and revealed at once.
//!
//! The question shown is derived from the answers given (asking the next one, or revealing the
//! last one), so a position that disagrees with the answers cannot be built.

use super::{tick, Answer, Draw, Item, Outcome, SessionError};
use crate::domain::bank::{BankId, OptionId, Question, QuestionType};
use std::sync::Arc;

/// Where a practice is. The question shown is the one after the last answer (asking) or the last
/// answered one (revealed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PracticeStep {
    /// Choosing options for the next unanswered question.
    Asking {
        /// The options ticked so far.
        selected: Vec<OptionId>,
    },
    /// The last answer's feedback is shown.
    Revealed,
    /// Every question is answered and the player moved past the last.
    Finished,
}

/// A practice: each answer is revealed as soon as it is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    draw: Draw,
    /// One per answered item, in item order; never more than the items.
    answers: Vec<Answer>,
    step: PracticeStep,
}

impl Practice {
    /// A practice of `pool` in the order given, asking the first question. `seed` (kept) shuffles
    /// the options of single- and multiple-choice questions; true/false keeps true first.
    pub fn from_pool(pool: Vec<(&BankId, &Question)>, seed: u64) -> Result<Practice, SessionError> {
        Ok(Practice {
            draw: Draw::new(pool, seed)?,
            answers: Vec::new(),
            step: PracticeStep::Asking {
                selected: Vec::new(),
            },
        })
    }

    /// A practice of one question with its options in the bank's order, not shuffled: the
    /// content desk's preview, whose letters then match the editor's sheet.
    pub fn single(bank: &BankId, question: &Question) -> Practice {
        let item = Item {
            bank: bank.clone(),
            question: question.id.clone(),
            options: question.options.iter().map(|o| o.id.clone()).collect(),
        };
        Practice {
            draw: Draw {
                seed: 0,
                items: Arc::from([item]),
            },
            answers: Vec::new(),
            step: PracticeStep::Asking {
                selected: Vec::new(),
            },
        }
    }

    /// Built from parts already checked (see `wire`).
    pub(super) fn from_parts(draw: Draw, answers: Vec<Answer>, step: PracticeStep) -> Practice {
        Practice {
            draw,
            answers,
            step,
        }
    }

    /// The parts, to store (see `wire`).
    pub(super) fn into_parts(self) -> (Draw, Vec<Answer>, PracticeStep) {
        (self.draw, self.answers, self.step)
    }

    pub(super) fn draw(&self) -> &Draw {
        &self.draw
    }

    /// The questions in the order asked (at least one).
    pub fn items(&self) -> &[Item] {
        &self.draw.items
    }

    /// Where the practice is.
    pub fn step(&self) -> &PracticeStep {
        &self.step
    }

    /// The answers given so far, in item order.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The position of the question shown (none once finished).
    pub fn index(&self) -> Option<usize> {
        match self.step {
            PracticeStep::Asking { .. } => Some(self.answers.len()),
            PracticeStep::Revealed => self.answers.len().checked_sub(1),
            PracticeStep::Finished => None,
        }
    }

    /// The answer whose feedback is shown, once revealed.
    pub fn revealed(&self) -> Option<&Answer> {
        match self.step {
            PracticeStep::Revealed => self.answers.last(),
            PracticeStep::Asking { .. } | PracticeStep::Finished => None,
        }
    }

    /// The options ticked (asking) or chosen (revealed) on the question shown.
    pub fn selected(&self) -> &[OptionId] {
        match &self.step {
            PracticeStep::Asking { selected } => selected,
            PracticeStep::Revealed => self.answers.last().map_or(&[], |a| &a.chosen),
            PracticeStep::Finished => &[],
        }
    }

    /// Whether nothing is ticked or answered yet.
    pub fn is_fresh(&self) -> bool {
        self.answers.is_empty()
            && matches!(&self.step, PracticeStep::Asking { selected } if selected.is_empty())
    }

    /// Whether every question is answered and the player moved past the last.
    pub fn is_finished(&self) -> bool {
        self.step == PracticeStep::Finished
    }

    /// Ticks or unticks an option of the question asked (see `Session::toggle`).
    pub fn toggle(&mut self, kind: QuestionType, option: &OptionId) -> Result<(), SessionError> {
        let PracticeStep::Asking { selected } = &mut self.step else {
            return Err(SessionError::NotAsking);
        };
        let item = self
            .draw
            .items
            .get(self.answers.len())
            .ok_or(SessionError::NotAsking)?;
        tick(selected, item, kind, option)
    }

    /// Submits the ticked options of the current question and reveals the answer.
    pub fn submit(&mut self, question: &Question) -> Result<Outcome, SessionError> {
        let PracticeStep::Asking { selected } = &mut self.step else {
            return Err(SessionError::NotAsking);
        };
        if selected.is_empty() {
            return Err(SessionError::NothingSelected);
        }
        let chosen = std::mem::take(selected);
        let correct = question.is_correct(&chosen);
        self.answers.push(Answer { chosen, correct });
        self.step = PracticeStep::Revealed;
        Ok(Outcome {
            correct,
            answer: question.answer.clone(),
        })
    }

    /// Moves from a revealed answer to the next question, or to the end.
    pub fn advance(&mut self) -> Result<(), SessionError> {
        if self.step != PracticeStep::Revealed {
            return Err(SessionError::NotRevealed);
        }
        self.step = if self.answers.len() < self.draw.items.len() {
            PracticeStep::Asking {
                selected: Vec::new(),
            }
        } else {
            PracticeStep::Finished
        };
        Ok(())
    }
}
