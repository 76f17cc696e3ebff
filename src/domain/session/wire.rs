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
        let draw = |items: Vec<Item>| Draw {
            seed: w.seed,
            items: items.into(),
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
                    items: items.to_vec(),
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
                    items: items.to_vec(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{parse_bank, Bank};
    use crate::domain::date::Date;
    use serde_json::{json, Value};

    // Written by the build before this one (the flat `Session` struct), captured from
    // `serde_json::to_string` of real rounds of quizzes/rights.json, byte for byte.
    /// A practice of 3, the first answered right and revealed.
    const PRACTICE_REVEALED: &str = r#"{"seed":42,"items":[{"bank":"rights","question":"rights-001","options":["a","b","c"]},{"bank":"rights","question":"rights-002","options":["d","c","a","b"]},{"bank":"rights","question":"rights-003","options":["d","b","a","c"]}],"answers":[{"chosen":["a"],"correct":true}],"phase":{"Revealed":{"index":0}},"mode":"practice","picks":[],"limit_seconds":null}"#;
    /// The same practice moved on: asking the second question, one option ticked.
    const PRACTICE_ASKING: &str = r#"{"seed":42,"items":[{"bank":"rights","question":"rights-001","options":["a","b","c"]},{"bank":"rights","question":"rights-002","options":["d","c","a","b"]},{"bank":"rights","question":"rights-003","options":["d","b","a","c"]}],"answers":[{"chosen":["a"],"correct":true}],"phase":{"Asking":{"index":1,"selected":["a"]}},"mode":"practice","picks":[],"limit_seconds":null}"#;
    /// A timed quiz of 3 (30 s): the first ticked, the second shown.
    const QUIZ_OPEN: &str = r#"{"seed":7,"items":[{"bank":"rights","question":"rights-001","options":["c","b","a"]},{"bank":"rights","question":"rights-002","options":["d","a","b","c"]},{"bank":"rights","question":"rights-003","options":["a","d","b","c"]}],"answers":[],"phase":{"Open":{"index":1}},"mode":"quiz","picks":[["a"],[],[]],"limit_seconds":30}"#;
    /// That quiz handed in: one right, two unanswered.
    const QUIZ_HANDED_IN: &str = r#"{"seed":7,"items":[{"bank":"rights","question":"rights-001","options":["c","b","a"]},{"bank":"rights","question":"rights-002","options":["d","a","b","c"]},{"bank":"rights","question":"rights-003","options":["a","d","b","c"]}],"answers":[{"chosen":["a"],"correct":true},{"chosen":[],"correct":false},{"chosen":[],"correct":false}],"phase":"Finished","mode":"quiz","picks":[["a"],[],[]],"limit_seconds":30}"#;
    /// A practice of 1, answered and finished.
    const PRACTICE_FINISHED: &str = r#"{"seed":3,"items":[{"bank":"rights","question":"rights-001","options":["b","a","c"]}],"answers":[{"chosen":["a"],"correct":true}],"phase":"Finished","mode":"practice","picks":[],"limit_seconds":null}"#;

    const ALL: [&str; 5] = [
        PRACTICE_REVEALED,
        PRACTICE_ASKING,
        QUIZ_OPEN,
        QUIZ_HANDED_IN,
        PRACTICE_FINISHED,
    ];

    /// The stored shape exactly as the build before declared it (its `Session` and `Phase`).
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct PreviousSession {
        seed: u64,
        items: Vec<Item>,
        answers: Vec<Answer>,
        phase: PreviousPhase,
        #[serde(default)]
        mode: Mode,
        #[serde(default)]
        picks: Vec<Vec<OptionId>>,
        #[serde(default)]
        limit_seconds: Option<u32>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum PreviousPhase {
        Asking {
            index: usize,
            selected: Vec<OptionId>,
        },
        Revealed {
            index: usize,
        },
        Open {
            index: usize,
        },
        Finished,
    }

    fn rights() -> Bank {
        let day = Date::new(2026, 12, 4).unwrap();
        let text = std::fs::read("quizzes/rights.json").unwrap();
        parse_bank("rights.json", &text, day).bank.unwrap()
    }

    fn read(json: &str) -> Session {
        serde_json::from_str(json).unwrap()
    }

    /// `json` after `edit`, which must be refused; returns why.
    fn refused(json: &str, edit: impl FnOnce(&mut Value)) -> StoredSessionError {
        let mut value: Value = serde_json::from_str(json).unwrap();
        edit(&mut value);
        assert!(
            serde_json::from_value::<Session>(value.clone()).is_err(),
            "{value}"
        );
        let wire: SessionWire = serde_json::from_value(value).unwrap();
        Session::try_from(wire).unwrap_err()
    }

    #[test]
    fn sessions_saved_by_the_build_before_read_and_write_back_byte_for_byte() {
        for json in ALL {
            let session = read(json);
            assert_eq!(serde_json::to_string(&session).unwrap(), json);
        }
        let Session::Practice(p) = read(PRACTICE_REVEALED) else {
            panic!("a practice")
        };
        assert_eq!(
            (p.index(), p.revealed().map(|a| a.correct)),
            (Some(0), Some(true))
        );
        let asking = read(PRACTICE_ASKING);
        assert_eq!(asking.shown().map(|(i, _)| i), Some(1));
        assert_eq!(asking.selected(), [OptionId::from("a")]);
        let Session::Quiz(q) = read(QUIZ_OPEN) else {
            panic!("a quiz")
        };
        assert_eq!((q.index(), q.limit_seconds()), (Some(1), Some(30)));
        assert_eq!(q.unanswered(), [1, 2]);
        let handed_in = read(QUIZ_HANDED_IN);
        assert!(handed_in.is_finished());
        assert_eq!((handed_in.correct(), handed_in.answered()), (1, 3));
        assert!(read(PRACTICE_FINISHED).is_finished());
    }

    #[test]
    fn what_this_build_writes_reads_in_the_build_before() {
        let bank = rights();
        let mut practice = read(PRACTICE_ASKING);
        let mut quiz = read(QUIZ_OPEN);
        let mut written = vec![serde_json::to_string(&practice).unwrap()];
        let p = practice.practice_mut().unwrap();
        let item = p.items()[p.index().unwrap()].clone();
        p.submit(bank.question(&item.question).unwrap()).unwrap();
        written.push(serde_json::to_string(&practice).unwrap());
        quiz.quiz_mut().unwrap().go_to(2).unwrap();
        written.push(serde_json::to_string(&quiz).unwrap());
        quiz.quiz_mut()
            .unwrap()
            .hand_in(|item| bank.question(&item.question))
            .unwrap();
        written.push(serde_json::to_string(&quiz).unwrap());
        for text in &written {
            let previous: PreviousSession = serde_json::from_str(text).unwrap();
            assert_eq!(&serde_json::to_string(&previous).unwrap(), text);
        }
        let previous: PreviousSession = serde_json::from_str(&written[1]).unwrap();
        assert_eq!(previous.phase, PreviousPhase::Revealed { index: 1 });
        assert_eq!(previous.answers.len(), 2);
        let previous: PreviousSession = serde_json::from_str(&written[2]).unwrap();
        assert_eq!(previous.phase, PreviousPhase::Open { index: 2 });
        let previous: PreviousSession = serde_json::from_str(&written[3]).unwrap();
        assert_eq!(
            (previous.phase, previous.mode, previous.limit_seconds),
            (PreviousPhase::Finished, Mode::Quiz, Some(30))
        );
        assert_eq!(previous.picks, [vec![OptionId::from("a")], vec![], vec![]]);
    }

    #[test]
    fn a_session_saved_before_quizzes_existed_reads_as_a_practice() {
        let mut old: Value = serde_json::from_str(PRACTICE_ASKING).unwrap();
        for field in ["mode", "picks", "limit_seconds"] {
            old.as_object_mut().unwrap().remove(field);
        }
        let session: Session = serde_json::from_value(old).unwrap();
        assert_eq!(session, read(PRACTICE_ASKING));
    }

    #[test]
    fn a_practice_left_open_or_a_quiz_asking_is_refused() {
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["phase"] =
                json!({"Open": {"index": 1}})),
            StoredSessionError::WrongFlow {
                mode: Mode::Practice,
                phase: "Open"
            }
        );
        for phase in [
            json!({"Asking": {"index": 1, "selected": []}}),
            json!({"Revealed": {"index": 1}}),
        ] {
            assert!(matches!(
                refused(QUIZ_OPEN, |v| v["phase"] = phase),
                StoredSessionError::WrongFlow {
                    mode: Mode::Quiz,
                    ..
                }
            ));
        }
    }

    #[test]
    fn a_practice_with_quiz_ticks_or_a_time_limit_is_refused() {
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["picks"] = json!([[], [], []])),
            StoredSessionError::QuizFieldsInPractice
        );
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["limit_seconds"] = json!(30)),
            StoredSessionError::QuizFieldsInPractice
        );
    }

    #[test]
    fn a_quiz_without_one_set_of_ticks_per_question_is_refused() {
        assert_eq!(
            refused(QUIZ_OPEN, |v| v["picks"] = json!([["a"], []])),
            StoredSessionError::PickCount { picks: 2, items: 3 }
        );
        assert_eq!(
            refused(QUIZ_OPEN, |v| v["picks"] = json!([])),
            StoredSessionError::PickCount { picks: 0, items: 3 }
        );
    }

    #[test]
    fn a_position_past_the_last_question_is_refused() {
        let past = StoredSessionError::IndexOutOfRange { index: 3, total: 3 };
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["phase"]["Asking"]["index"] =
                json!(3)),
            past
        );
        assert_eq!(
            refused(PRACTICE_REVEALED, |v| v["phase"]["Revealed"]["index"] =
                json!(3)),
            past
        );
        assert_eq!(
            refused(QUIZ_OPEN, |v| v["phase"]["Open"]["index"] = json!(3)),
            past
        );
    }

    #[test]
    fn answers_that_disagree_with_the_position_are_refused() {
        let count = |found, expected| StoredSessionError::AnswerCount { found, expected };
        // Asking the second question with nothing answered.
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["answers"] = json!([])),
            count(0, 1)
        );
        // More answers than questions.
        let four = json!(vec![json!({"chosen": ["a"], "correct": true}); 4]);
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["answers"] = four),
            count(4, 3)
        );
        // A finished practice with a question unanswered.
        assert_eq!(
            refused(PRACTICE_FINISHED, |v| v["answers"] = json!([])),
            count(0, 1)
        );
        // A quiz judged before it was handed in.
        assert_eq!(
            refused(QUIZ_OPEN, |v| v["answers"] =
                json!([{"chosen": ["a"], "correct": true}])),
            count(1, 0)
        );
        // A handed-in quiz with a question not judged.
        assert_eq!(
            refused(QUIZ_HANDED_IN, |v| {
                v["answers"].as_array_mut().unwrap().pop();
            }),
            count(2, 3)
        );
    }

    #[test]
    fn a_handed_in_answer_that_differs_from_its_ticks_is_refused() {
        assert_eq!(
            refused(QUIZ_HANDED_IN, |v| v["picks"][1] = json!(["b"])),
            StoredSessionError::AnswerNotPicks(1)
        );
    }

    #[test]
    fn a_tick_on_an_option_the_question_does_not_show_is_refused() {
        let unknown = |index| StoredSessionError::UnknownOption {
            index,
            option: OptionId::from("zz"),
        };
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["phase"]["Asking"]["selected"] =
                json!(["zz"])),
            unknown(1)
        );
        assert_eq!(
            refused(QUIZ_OPEN, |v| v["picks"][2] = json!(["zz"])),
            unknown(2)
        );
        assert_eq!(
            refused(PRACTICE_REVEALED, |v| v["answers"][0]["chosen"] =
                json!(["zz"])),
            unknown(0)
        );
    }

    #[test]
    fn a_session_without_questions_or_with_a_zero_time_limit_is_refused() {
        assert_eq!(
            refused(PRACTICE_ASKING, |v| v["items"] = json!([])),
            StoredSessionError::NoItems
        );
        assert_eq!(
            refused(QUIZ_OPEN, |v| v["limit_seconds"] = json!(0)),
            StoredSessionError::ZeroLimit
        );
    }
}
