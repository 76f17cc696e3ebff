//! A round's questions and answers: which questions, in which order, what was answered, and
//! where the player is.
//!
//! A round is one of two flows, and each is its own type: a [`Practice`] reveals every answer at
//! once (asking → revealed → … → finished); a [`Quiz`] keeps answers open, with one set of ticks
//! per question and an optional time limit, until it is handed in. A call that belongs to one flow
//! (`submit`, `advance`; `go_to`, `hand_in`, `unanswered`) is not callable on the other, and the
//! fields are private, so that only the transitions below can change a round.
//!
//! Plain data with transition methods that return `Result`; the score and progress are derived
//! from the recorded answers, never stored beside them. The UI wraps one `Session` in a signal.
//! Stored sessions keep the flat shape of earlier builds (see `wire`), checked when read.

mod practice;
mod quiz;
mod wire;

pub use practice::{Practice, PracticeStep};
pub use quiz::{Quiz, QuizState};
pub use wire::StoredSessionError;

use crate::domain::bank::{
    option_letter, Bank, BankId, OptionId, Question, QuestionId, QuestionType,
};
use crate::domain::date::Date;
use crate::domain::plan::Mode;
use crate::domain::rng::Rng;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Mixed into the seed for the option shuffles, so they do not repeat the question shuffle.
const OPTION_SALT: u64 = 0x0B71_0A5E_ED00_0001;

/// One question of the round with the order its options are shown in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The bank the question comes from.
    pub bank: BankId,
    /// The question.
    pub question: QuestionId,
    /// Option ids in display order (A, B, C …).
    pub options: Vec<OptionId>,
}

/// What the player answered to one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The options chosen.
    pub chosen: Vec<OptionId>,
    /// Whether that was exactly right, judged when answered.
    pub correct: bool,
}

/// Why a transition was refused (the UI ignores these: they come from double taps and stale clicks).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The bank has no current question.
    #[error("the bank has no current questions")]
    NoQuestions,
    /// Selecting or submitting when not asking.
    #[error("not waiting for an answer")]
    NotAsking,
    /// Submitting with nothing selected.
    #[error("nothing selected")]
    NothingSelected,
    /// An option that is not part of the shown question.
    #[error("option {0} is not part of this question")]
    UnknownOption(OptionId),
    /// Moving on before the answer was revealed.
    #[error("the answer has not been revealed yet")]
    NotRevealed,
    /// Moving to a question that is not open (back in a timed quiz, or past the end).
    #[error("cannot move to question {0}")]
    CannotMove(usize),
    /// The session refers to a question the bank no longer has.
    #[error("question {0} is not in the bank")]
    MissingQuestion(QuestionId),
}

/// The result of submitting an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Whether the answer was exactly right.
    pub correct: bool,
    /// The right option ids.
    pub answer: Vec<OptionId>,
}

/// The questions of a round in the order asked, with the seed they were drawn from. Never empty.
///
/// The items never change during a round: they are shared, so a copy of the session (the screen
/// keeps one per step) shares them, and two copies compare them by address first.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Draw {
    /// The seed the order was drawn from (kept so the round can be reproduced).
    seed: u64,
    /// The questions in the order asked; at least one.
    items: Arc<[Item]>,
}

impl Draw {
    /// `pool` in the order given. `seed` shuffles the options of single- and multiple-choice
    /// questions; true/false keeps true first.
    fn new(pool: Vec<(&BankId, &Question)>, seed: u64) -> Result<Draw, SessionError> {
        if pool.is_empty() {
            return Err(SessionError::NoQuestions);
        }
        let mut rng = Rng::new(seed ^ OPTION_SALT);
        let items = pool
            .into_iter()
            .map(|(bank, q)| {
                let mut options: Vec<OptionId> = q.options.iter().map(|o| o.id.clone()).collect();
                if q.kind != QuestionType::TrueFalse {
                    rng.shuffle(&mut options);
                }
                Item {
                    bank: bank.clone(),
                    question: q.id.clone(),
                    options,
                }
            })
            .collect::<Arc<[Item]>>();
        Ok(Draw { seed, items })
    }
}

/// Ticks or unticks `option` of `item` in `selected`. For single and true/false questions a tick
/// replaces the previous one; for multiple choice it toggles.
fn tick(
    selected: &mut Vec<OptionId>,
    item: &Item,
    kind: QuestionType,
    option: &OptionId,
) -> Result<(), SessionError> {
    if !item.options.contains(option) {
        return Err(SessionError::UnknownOption(option.clone()));
    }
    match kind {
        QuestionType::Multiple => {
            if let Some(pos) = selected.iter().position(|o| o == option) {
                selected.remove(pos);
            } else {
                selected.push(option.clone());
            }
        }
        QuestionType::Single | QuestionType::TrueFalse => {
            *selected = vec![option.clone()];
        }
    }
    Ok(())
}

/// One round at a set of questions: a practice or a quiz.
///
/// Stored in the flat shape of earlier builds (`seed`, `items`, `answers`, `phase`, `mode`,
/// `picks`, `limit_seconds`), so a value saved by the build before still reads and a value saved
/// now still reads in the build before. Reading refuses a state no flow can reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "wire::SessionWire", into = "wire::SessionWire")]
pub enum Session {
    /// Each answer is revealed at once.
    Practice(Practice),
    /// Answers stay open until the whole quiz is handed in.
    Quiz(Quiz),
}

impl From<Practice> for Session {
    fn from(practice: Practice) -> Self {
        Session::Practice(practice)
    }
}

impl From<Quiz> for Session {
    fn from(quiz: Quiz) -> Self {
        Session::Quiz(quiz)
    }
}

impl Session {
    /// A practice of up to `count` current questions of `bank` in an order fixed by `seed`.
    pub fn new(bank: &Bank, today: Date, seed: u64, count: usize) -> Result<Session, SessionError> {
        Session::draw(
            bank.current_questions(today)
                .map(|q| (&bank.id, q))
                .collect(),
            seed,
            count,
        )
    }

    /// A practice of up to `count` questions of `pool` in an order fixed by `seed`.
    pub fn draw(
        mut pool: Vec<(&BankId, &Question)>,
        seed: u64,
        count: usize,
    ) -> Result<Session, SessionError> {
        Rng::new(seed).shuffle(&mut pool);
        pool.truncate(count);
        Practice::from_pool(pool, seed).map(Session::Practice)
    }

    fn draw_ref(&self) -> &Draw {
        match self {
            Session::Practice(p) => p.draw(),
            Session::Quiz(q) => q.draw(),
        }
    }

    /// The practice, if this is one.
    pub fn practice(&self) -> Option<&Practice> {
        match self {
            Session::Practice(p) => Some(p),
            Session::Quiz(_) => None,
        }
    }

    /// The practice, to step through, if this is one.
    pub fn practice_mut(&mut self) -> Option<&mut Practice> {
        match self {
            Session::Practice(p) => Some(p),
            Session::Quiz(_) => None,
        }
    }

    /// The quiz, if this is one.
    pub fn quiz(&self) -> Option<&Quiz> {
        match self {
            Session::Quiz(q) => Some(q),
            Session::Practice(_) => None,
        }
    }

    /// The quiz, to move around and hand in, if this is one.
    pub fn quiz_mut(&mut self) -> Option<&mut Quiz> {
        match self {
            Session::Quiz(q) => Some(q),
            Session::Practice(_) => None,
        }
    }

    /// How answers are revealed.
    pub fn mode(&self) -> Mode {
        match self {
            Session::Practice(_) => Mode::Practice,
            Session::Quiz(_) => Mode::Quiz,
        }
    }

    /// The seed the order was drawn from (kept so the round can be reproduced).
    pub fn seed(&self) -> u64 {
        self.draw_ref().seed
    }

    /// The questions in the order asked (at least one).
    pub fn items(&self) -> &[Item] {
        &self.draw_ref().items
    }

    /// The item being shown, if any.
    pub fn shown(&self) -> Option<(usize, &Item)> {
        let index = match self {
            Session::Practice(p) => p.index(),
            Session::Quiz(q) => q.index(),
        }?;
        self.items().get(index).map(|item| (index, item))
    }

    /// Ticks or unticks an option of the question shown (asking in a practice, open in a quiz).
    /// For single and true/false questions a tick replaces the previous one; for multiple choice
    /// it toggles.
    pub fn toggle(&mut self, kind: QuestionType, option: &OptionId) -> Result<(), SessionError> {
        match self {
            Session::Practice(p) => p.toggle(kind, option),
            Session::Quiz(q) => q.toggle(kind, option),
        }
    }

    /// Answers judged so far, one per answered item, in item order (a quiz has them all once it
    /// is handed in, none before).
    pub fn answers(&self) -> &[Answer] {
        match self {
            Session::Practice(p) => p.answers(),
            Session::Quiz(q) => q.answers(),
        }
    }

    /// The options ticked on the current question.
    pub fn selected(&self) -> &[OptionId] {
        match self {
            Session::Practice(p) => p.selected(),
            Session::Quiz(q) => q.selected(),
        }
    }

    /// Whether a practice's answer to the question shown has been checked (its feedback shows).
    pub fn revealed(&self) -> bool {
        matches!(self, Session::Practice(p) if *p.step() == PracticeStep::Revealed)
    }

    /// The options the question shown was answered with (none before it is answered).
    pub fn chosen(&self) -> &[OptionId] {
        self.shown()
            .and_then(|(i, _)| self.answers().get(i))
            .map_or(&[], |answer| answer.chosen.as_slice())
    }

    /// Whether the round has just been drawn: nothing ticked, nothing answered.
    pub fn is_fresh(&self) -> bool {
        match self {
            Session::Practice(p) => p.is_fresh(),
            Session::Quiz(q) => q.is_fresh(),
        }
    }

    /// Whether the round is over: every practice answer given and moved past, or the quiz handed
    /// in.
    pub fn is_finished(&self) -> bool {
        match self {
            Session::Practice(p) => p.is_finished(),
            Session::Quiz(q) => q.is_handed_in(),
        }
    }

    /// How many questions the round has.
    pub fn total(&self) -> usize {
        self.items().len()
    }

    /// How many questions have been answered.
    pub fn answered(&self) -> usize {
        self.answers().len()
    }

    /// How many answers were right.
    pub fn correct(&self) -> usize {
        self.answers().iter().filter(|a| a.correct).count()
    }

    /// Right answers as a whole percentage of all questions (rounded down).
    pub fn accuracy_percent(&self) -> usize {
        (self.correct() * 100)
            .checked_div(self.total())
            .unwrap_or(0)
    }
}

impl Item {
    /// The letters of `ids` in display order, joined by `sep` ("A、C").
    pub fn letters(&self, ids: &[OptionId], sep: &str) -> String {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| ids.contains(o))
            .map(|(i, _)| option_letter(i).to_string())
            .collect::<Vec<_>>()
            .join(sep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::{AnswerOption, Audience, BankId, Topic};
    use crate::domain::text::LocalText;

    fn text(s: &str) -> LocalText {
        LocalText::new(s, s)
    }

    fn question(n: usize, kind: QuestionType) -> Question {
        let ids: Vec<&str> = match kind {
            QuestionType::TrueFalse => vec!["true", "false"],
            _ => vec!["a", "b", "c", "d"],
        };
        let answer = match kind {
            QuestionType::Multiple => vec![OptionId::from("a"), OptionId::from("c")],
            QuestionType::TrueFalse => vec![OptionId::from("false")],
            QuestionType::Single => vec![OptionId::from("b")],
        };
        Question {
            id: QuestionId(format!("q{n}")),
            kind,
            prompt: text(&format!("prompt {n}")),
            options: ids
                .into_iter()
                .map(|id| AnswerOption {
                    id: OptionId::from(id),
                    text: text(id),
                    feedback: None,
                })
                .collect(),
            answer,
            explanation: text("why"),
            source: text("law"),
            difficulty: 1,
            audience: vec![Audience::Everyone],
            tags: vec![],
            valid_until: None,
            read_aloud: None,
        }
    }

    fn bank(n: usize) -> Bank {
        let kinds = [
            QuestionType::Single,
            QuestionType::Multiple,
            QuestionType::TrueFalse,
        ];
        Bank {
            format: 1,
            id: BankId::from("b"),
            topic: Topic::Fraud,
            version: 1,
            reviewed: Date::new(2026, 1, 1).unwrap(),
            title: text("t"),
            description: text("d"),
            languages: crate::domain::bank::Languages::Bilingual,
            questions: (0..n).map(|i| question(i, kinds[i % 3])).collect(),
        }
    }

    fn today() -> Date {
        Date::new(2026, 11, 26).unwrap()
    }

    fn answer_current(s: &mut Session, b: &Bank, right: bool) -> Outcome {
        let (_, item) = s.shown().unwrap();
        let q = b.question(&item.question).unwrap().clone();
        let picks: Vec<OptionId> = if right {
            q.answer.clone()
        } else {
            vec![q
                .options
                .iter()
                .find(|o| !q.answer.contains(&o.id))
                .unwrap()
                .id
                .clone()]
        };
        for p in &picks {
            s.toggle(q.kind, p).unwrap();
        }
        s.practice_mut().unwrap().submit(&q).unwrap()
    }

    #[test]
    fn draws_at_most_n_distinct_questions() {
        let b = bank(30);
        let s = Session::new(&b, today(), 1, 10).unwrap();
        assert_eq!(s.total(), 10);
        let mut ids: Vec<_> = s.items().iter().map(|i| i.question.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 10, "no repeats in a round");
        assert_eq!(Session::new(&bank(4), today(), 1, 10).unwrap().total(), 4);
    }

    #[test]
    fn same_seed_gives_the_same_order_of_questions_and_options() {
        let b = bank(30);
        let a = Session::new(&b, today(), 99, 10).unwrap();
        let again = Session::new(&b, today(), 99, 10).unwrap();
        assert_eq!(a, again);
        let other = Session::new(&b, today(), 100, 10).unwrap();
        assert_ne!(a.items(), other.items());
    }

    #[test]
    fn true_false_options_keep_true_first() {
        let b = bank(30);
        for seed in 0..20 {
            let s = Session::new(&b, today(), seed, 30).unwrap();
            for item in s.items() {
                if b.question(&item.question).unwrap().kind == QuestionType::TrueFalse {
                    assert_eq!(
                        item.options,
                        vec![OptionId::from("true"), OptionId::from("false")]
                    );
                }
            }
        }
    }

    #[test]
    fn score_and_accuracy_are_derived_from_the_answers() {
        let b = bank(12);
        let mut s = Session::new(&b, today(), 5, 10).unwrap();
        for i in 0..10 {
            let outcome = answer_current(&mut s, &b, i % 4 != 0);
            assert_eq!(outcome.correct, i % 4 != 0);
            s.practice_mut().unwrap().advance().unwrap();
        }
        assert!(s.is_finished());
        assert_eq!((s.correct(), s.total(), s.accuracy_percent()), (7, 10, 70));
    }

    #[test]
    fn multiple_choice_is_all_or_nothing() {
        let b = bank(3);
        let q = b.questions[1].clone();
        assert_eq!(q.kind, QuestionType::Multiple);
        assert!(q.is_correct(&[OptionId::from("c"), OptionId::from("a")]));
        assert!(!q.is_correct(&[OptionId::from("a")]));
        assert!(!q.is_correct(&[
            OptionId::from("a"),
            OptionId::from("b"),
            OptionId::from("c")
        ]));
    }

    #[test]
    fn toggling_replaces_for_single_and_toggles_for_multiple() {
        let b = bank(3);
        let mut s = Session::new(&b, today(), 1, 3).unwrap();
        let (_, item) = s.shown().unwrap();
        let first = item.options[0].clone();
        let second = item.options[1].clone();
        s.toggle(QuestionType::Single, &first).unwrap();
        s.toggle(QuestionType::Single, &second).unwrap();
        assert_eq!(s.selected(), std::slice::from_ref(&second));
        s.toggle(QuestionType::Multiple, &first).unwrap();
        s.toggle(QuestionType::Multiple, &first).unwrap();
        assert_eq!(s.selected(), std::slice::from_ref(&second));
        assert_eq!(
            s.toggle(QuestionType::Single, &OptionId::from("zz")),
            Err(SessionError::UnknownOption(OptionId::from("zz")))
        );
    }

    #[test]
    fn a_double_tap_cannot_answer_twice_or_skip_a_question() {
        let b = bank(5);
        let mut s = Session::new(&b, today(), 3, 5).unwrap();
        let (_, item) = s.shown().unwrap();
        let q = b.question(&item.question).unwrap().clone();
        let p = s.practice_mut().unwrap();
        assert_eq!(p.submit(&q), Err(SessionError::NothingSelected));
        assert_eq!(p.advance(), Err(SessionError::NotRevealed));
        answer_current(&mut s, &b, true);
        let p = s.practice_mut().unwrap();
        assert_eq!(p.submit(&q), Err(SessionError::NotAsking));
        assert_eq!(
            s.toggle(q.kind, &q.options[0].id),
            Err(SessionError::NotAsking)
        );
        assert_eq!(s.answered(), 1);
        s.practice_mut().unwrap().advance().unwrap();
        assert_eq!(
            s.practice_mut().unwrap().advance(),
            Err(SessionError::NotRevealed)
        );
        assert_eq!(s.shown().map(|(i, _)| i), Some(1));
    }

    #[test]
    fn the_check_reveals_the_options_answered_until_the_next_question() {
        let b = bank(5);
        let mut s = Session::new(&b, today(), 3, 5).unwrap();
        assert!(!s.revealed());
        assert!(s.chosen().is_empty());
        let (_, item) = s.shown().unwrap();
        let q = b.question(&item.question).unwrap().clone();
        s.toggle(q.kind, &q.options[0].id).unwrap();
        assert!(!s.revealed(), "a tick is not a check");
        assert!(s.chosen().is_empty());
        s.practice_mut().unwrap().submit(&q).unwrap();
        assert!(s.revealed());
        assert_eq!(s.chosen(), std::slice::from_ref(&q.options[0].id));
        s.practice_mut().unwrap().advance().unwrap();
        assert!(!s.revealed());
        assert!(
            s.chosen().is_empty(),
            "the next question is not answered yet"
        );
    }

    #[test]
    fn expired_questions_are_not_drawn() {
        let mut b = bank(3);
        b.questions[0].valid_until = Date::new(2025, 1, 1);
        b.questions[1].valid_until = Date::new(2026, 11, 26);
        let s = Session::new(&b, today(), 1, 10).unwrap();
        assert_eq!(s.total(), 2);
        assert!(s.items().iter().all(|i| i.question.as_str() != "q0"));
        b.questions
            .iter_mut()
            .for_each(|q| q.valid_until = Date::new(2020, 1, 1));
        assert_eq!(
            Session::new(&b, today(), 1, 10),
            Err(SessionError::NoQuestions)
        );
    }

    #[test]
    fn letters_follow_the_display_order() {
        let item = Item {
            bank: BankId::from("b"),
            question: QuestionId::from("q"),
            options: ["c", "a", "d", "b"]
                .into_iter()
                .map(OptionId::from)
                .collect(),
        };
        assert_eq!(
            item.letters(&[OptionId::from("a"), OptionId::from("b")], "、"),
            "B、D"
        );
        assert_eq!(option_letter(0), 'A');
    }

    #[test]
    fn a_session_survives_a_round_trip_through_json() {
        let b = bank(6);
        let mut s = Session::new(&b, today(), 8, 6).unwrap();
        answer_current(&mut s, &b, false);
        let json = serde_json::to_string(&s).unwrap();
        let back: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    fn quiz(b: &Bank, seed: u64, limit: Option<u32>) -> Session {
        Quiz::from_pool(
            b.questions.iter().map(|q| (&b.id, q)).collect(),
            seed,
            limit,
        )
        .unwrap()
        .into()
    }

    fn qz(s: &mut Session) -> &mut Quiz {
        s.quiz_mut().unwrap()
    }

    #[test]
    fn a_quiz_keeps_answers_open_until_handed_in_then_scores_all() {
        let b = bank(6);
        let mut s = quiz(&b, 4, None);
        assert!(s.is_fresh());
        assert_eq!(qz(&mut s).unanswered(), [0, 1, 2, 3, 4, 5]);
        // Answer 0 wrong then change it to right; answer 2 right; leave the rest.
        let q0 = b.question(&s.items()[0].question).unwrap().clone();
        let wrong = q0
            .options
            .iter()
            .find(|o| !q0.answer.contains(&o.id))
            .unwrap();
        s.toggle(q0.kind, &wrong.id).unwrap();
        assert!(!s.is_fresh());
        if q0.kind == QuestionType::Multiple {
            s.toggle(q0.kind, &wrong.id).unwrap();
        }
        for a in &q0.answer {
            s.toggle(q0.kind, a).unwrap();
        }
        qz(&mut s).go_to(2).unwrap();
        let q2 = b.question(&s.items()[2].question).unwrap().clone();
        for a in &q2.answer {
            s.toggle(q2.kind, a).unwrap();
        }
        qz(&mut s).go_to(0).unwrap();
        assert_eq!(
            s.selected().len(),
            q0.answer.len(),
            "going back shows the earlier ticks"
        );
        assert_eq!(qz(&mut s).unanswered(), [1, 3, 4, 5]);
        assert_eq!(s.answered(), 0, "nothing is judged before handing in");
        assert_eq!(qz(&mut s).go_to(6), Err(SessionError::CannotMove(6)));
        assert!(s.practice_mut().is_none(), "a quiz has no submit");
        let verdicts = qz(&mut s)
            .hand_in(|item| b.question(&item.question))
            .unwrap();
        assert_eq!(verdicts, [true, false, true, false, false, false]);
        assert!(s.is_finished());
        assert_eq!((s.correct(), s.total(), s.accuracy_percent()), (2, 6, 33));
        assert!(
            s.answers()[1].chosen.is_empty(),
            "unanswered is kept as empty"
        );
        assert!(
            qz(&mut s)
                .hand_in(|item| b.question(&item.question))
                .is_err(),
            "only once"
        );
    }

    #[test]
    fn a_timed_quiz_only_moves_forward() {
        let b = bank(4);
        let mut s = quiz(&b, 4, Some(30));
        qz(&mut s).go_to(2).unwrap();
        assert_eq!(qz(&mut s).go_to(1), Err(SessionError::CannotMove(1)));
        qz(&mut s).go_to(3).unwrap();
        assert_eq!(
            quiz(&b, 4, Some(0)).quiz().unwrap().limit_seconds(),
            None,
            "0 means untimed"
        );
        let mut practice =
            Session::draw(b.questions.iter().map(|q| (&b.id, q)).collect(), 1, 4).unwrap();
        assert!(
            practice.quiz_mut().is_none(),
            "a practice has no time limit and no go_to"
        );
    }

    #[test]
    fn a_quiz_in_progress_survives_json_and_older_sessions_read_as_practice() {
        let b = bank(5);
        let mut s = quiz(&b, 9, Some(60));
        let (_, item) = s.shown().unwrap();
        let first = item.options[0].clone();
        let kind = b.question(&item.question).unwrap().kind;
        s.toggle(kind, &first).unwrap();
        qz(&mut s).go_to(1).unwrap();
        let back: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        let mut old = serde_json::to_value(Session::new(&b, today(), 1, 3).unwrap()).unwrap();
        for field in ["mode", "picks", "limit_seconds"] {
            old.as_object_mut().unwrap().remove(field);
        }
        let old: Session = serde_json::from_value(old).unwrap();
        assert_eq!(old.mode(), Mode::Practice);
    }
}
