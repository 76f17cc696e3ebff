//! How a session is stored: the flat shape every earlier build wrote (`seed`, `items`, `answers`,
//! `phase`, `mode`, `picks`, `limit_seconds`), converted to and from the flows with checks.
//!
//! Writing keeps that shape field for field, so the build before reads what this one saves (a
//! rollback loses no round). Reading refuses what no flow can reach — a practice left open, a quiz
//! asking, a position past the end, answers that disagree with the position, ticks on options the
//! question does not show — so the caller drops that value alone, as for any corrupt value.

use super::{Answer, Draw, Item, Practice, PracticeStep, Quiz, QuizState, Session};
use crate::domain::bank::OptionId;
use crate::domain::plan::Mode;
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;

/// Where the player is, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Phase {
    /// Practice: choosing options for the item at `index`.
    Asking {
        index: usize,
        selected: Vec<OptionId>,
    },
    /// Practice: the item at `index` has been answered; its feedback is shown.
    Revealed { index: usize },
    /// Quiz: the item at `index` is shown, answers open.
    Open { index: usize },
    /// The practice is over, or the quiz handed in.
    Finished,
}

/// A session as stored (the field names, order and shapes of earlier builds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct SessionWire {
    seed: u64,
    items: Vec<Item>,
    answers: Vec<Answer>,
    phase: Phase,
    /// Absent in values saved before quizzes existed: those are practices.
    #[serde(default)]
    mode: Mode,
    #[serde(default)]
    picks: Vec<Vec<OptionId>>,
    #[serde(default)]
    limit_seconds: Option<u32>,
}

/// Why a stored session was refused: a state neither flow can reach.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredSessionError {
    /// No questions at all.
    #[error("the session has no questions")]
    NoItems,
    /// A phase of the other flow (a practice `Open`, a quiz `Asking` or `Revealed`).
    #[error("a {mode:?} session cannot be in phase {phase}")]
    WrongFlow {
        /// The stored mode.
        mode: Mode,
        /// The stored phase's name.
        phase: &'static str,
    },
    /// A practice with a quiz's ticks or time limit.
    #[error("a practice has no picks or time limit")]
    QuizFieldsInPractice,
    /// A position past the last question.
    #[error("question {index} is past the end ({total} questions)")]
    IndexOutOfRange {
        /// The stored position.
        index: usize,
        /// How many questions there are.
        total: usize,
    },
    /// A number of answers the phase cannot have.
    #[error("{found} answers stored where the phase implies {expected}")]
    AnswerCount {
        /// How many are stored.
        found: usize,
        /// How many the phase implies.
        expected: usize,
    },
    /// A quiz whose ticks are not one per question.
    #[error("{picks} sets of ticks for {items} questions")]
    PickCount {
        /// How many sets are stored.
        picks: usize,
        /// How many questions there are.
        items: usize,
    },
    /// A handed-in quiz whose answer differs from the ticks it was judged from.
    #[error("the answer to question {0} differs from its ticks")]
    AnswerNotPicks(usize),
    /// A tick on an option the question does not show.
    #[error("question {index} shows no option {option}")]
    UnknownOption {
        /// The question's position.
        index: usize,
        /// The option ticked.
        option: OptionId,
    },
    /// A time limit of zero seconds (untimed is stored as no limit).
    #[error("a time limit of 0 seconds")]
    ZeroLimit,
}

impl Phase {
    fn name(&self) -> &'static str {
        match self {
            Phase::Asking { .. } => "Asking",
            Phase::Revealed { .. } => "Revealed",
            Phase::Open { .. } => "Open",
            Phase::Finished => "Finished",
        }
    }
}

/// Checks that every option in `ticks` is one item `index` shows.
fn known(items: &[Item], index: usize, ticks: &[OptionId]) -> Result<(), StoredSessionError> {
    let item = items
        .get(index)
        .ok_or(StoredSessionError::IndexOutOfRange {
            index,
            total: items.len(),
        })?;
    match ticks.iter().find(|o| !item.options.contains(o)) {
        Some(option) => Err(StoredSessionError::UnknownOption {
            index,
            option: option.clone(),
        }),
        None => Ok(()),
    }
}

/// Checks that `index` is a position of the round.
fn in_range(index: usize, total: usize) -> Result<(), StoredSessionError> {
    if index < total {
        Ok(())
    } else {
        Err(StoredSessionError::IndexOutOfRange { index, total })
    }
}

impl TryFrom<SessionWire> for Session {
    type Error = StoredSessionError;

    fn try_from(w: SessionWire) -> Result<Session, StoredSessionError> {
        let total = w.items.len();
        if total == 0 {
            return Err(StoredSessionError::NoItems);
        }
        if w.answers.len() > total {
            return Err(StoredSessionError::AnswerCount {
                found: w.answers.len(),
                expected: total,
            });
        }
        for (i, answer) in w.answers.iter().enumerate() {
            known(&w.items, i, &answer.chosen)?;
        }
        let wrong_flow = |phase: &Phase| StoredSessionError::WrongFlow {
            mode: w.mode,
            phase: phase.name(),
        };
        let draw = |items| Draw {
            seed: w.seed,
            items,
        };
        match w.mode {
            Mode::Practice => {
                if !w.picks.is_empty() || w.limit_seconds.is_some() {
                    return Err(StoredSessionError::QuizFieldsInPractice);
                }
                let (step, expected) = match w.phase {
                    Phase::Asking { index, selected } => {
                        in_range(index, total)?;
                        known(&w.items, index, &selected)?;
                        (PracticeStep::Asking { selected }, index)
                    }
                    Phase::Revealed { index } => {
                        in_range(index, total)?;
                        (PracticeStep::Revealed, index + 1)
                    }
                    Phase::Finished => (PracticeStep::Finished, total),
                    phase @ Phase::Open { .. } => return Err(wrong_flow(&phase)),
                };
                if w.answers.len() != expected {
                    return Err(StoredSessionError::AnswerCount {
                        found: w.answers.len(),
                        expected,
                    });
                }
                Ok(Session::Practice(Practice::from_parts(
                    draw(w.items),
                    w.answers,
                    step,
                )))
            }
            Mode::Quiz => {
                let limit = match w.limit_seconds {
                    Some(s) => Some(NonZeroU32::new(s).ok_or(StoredSessionError::ZeroLimit)?),
                    None => None,
                };
                if w.picks.len() != total {
                    return Err(StoredSessionError::PickCount {
                        picks: w.picks.len(),
                        items: total,
                    });
                }
                for (i, ticks) in w.picks.iter().enumerate() {
                    known(&w.items, i, ticks)?;
                }
                let state = match w.phase {
                    Phase::Open { index } => {
                        in_range(index, total)?;
                        if !w.answers.is_empty() {
                            return Err(StoredSessionError::AnswerCount {
                                found: w.answers.len(),
                                expected: 0,
                            });
                        }
                        QuizState::Open {
                            index,
                            picks: w.picks,
                        }
                    }
                    Phase::Finished => {
                        if w.answers.len() != total {
                            return Err(StoredSessionError::AnswerCount {
                                found: w.answers.len(),
                                expected: total,
                            });
                        }
                        if let Some(i) = w
                            .answers
                            .iter()
                            .zip(&w.picks)
                            .position(|(a, p)| a.chosen != *p)
                        {
                            return Err(StoredSessionError::AnswerNotPicks(i));
                        }
                        QuizState::HandedIn { answers: w.answers }
                    }
                    phase @ (Phase::Asking { .. } | Phase::Revealed { .. }) => {
                        return Err(wrong_flow(&phase))
                    }
                };
                Ok(Session::Quiz(Quiz::from_parts(draw(w.items), limit, state)))
            }
        }
    }
}

impl From<Session> for SessionWire {
    fn from(session: Session) -> SessionWire {
        match session {
            Session::Practice(p) => {
                let (Draw { seed, items }, answers, step) = p.into_parts();
                let phase = match step {
                    PracticeStep::Asking { selected } => Phase::Asking {
                        index: answers.len(),
                        selected,
                    },
                    PracticeStep::Revealed => Phase::Revealed {
                        index: answers.len().saturating_sub(1),
                    },
                    PracticeStep::Finished => Phase::Finished,
                };
                SessionWire {
                    seed,
                    items,
                    answers,
                    phase,
                    mode: Mode::Practice,
                    picks: Vec::new(),
                    limit_seconds: None,
                }
            }
            Session::Quiz(q) => {
                let (Draw { seed, items }, limit, state) = q.into_parts();
                let (answers, phase, picks) = match state {
                    QuizState::Open { index, picks } => (Vec::new(), Phase::Open { index }, picks),
                    QuizState::HandedIn { answers } => {
                        // The ticks a quiz was judged from are its answers' choices.
                        let picks = answers.iter().map(|a| a.chosen.clone()).collect();
                        (answers, Phase::Finished, picks)
                    }
                };
                SessionWire {
                    seed,
                    items,
                    answers,
                    phase,
                    mode: Mode::Quiz,
                    picks,
                    limit_seconds: limit.map(NonZeroU32::get),
                }
            }
        }
    }
}
