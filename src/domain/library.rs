//! The banks loaded in this visit, and the rounds drawn across them: one bank, the daily set
//! (每日一练), the wrong-answer book (错题本) and bookmarks (收藏).

use crate::domain::bank::{Bank, BankId, Question, QuestionId};
use crate::domain::date::Date;
use crate::domain::progress::{question_key, Progress, Shelf};
use crate::domain::session::{Session, SessionError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Questions in the daily set.
pub const DAILY_COUNT: usize = 5;
/// Most questions in one round from a shelf (a short review, as Duolingo's mistakes review).
pub const BOOK_ROUND: usize = 10;

/// What a round draws from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundKind {
    /// One bank.
    Bank(BankId),
    /// The daily set of this date.
    Daily(Date),
    /// Questions from the wrong-answer book or the bookmarks.
    Shelf(Shelf),
}

/// Valid banks by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    banks: BTreeMap<BankId, Arc<Bank>>,
}

impl Library {
    /// Adds or replaces a bank.
    pub fn insert(&mut self, bank: Arc<Bank>) {
        self.banks.insert(bank.id.clone(), bank);
    }

    /// A bank by id.
    pub fn bank(&self, id: &BankId) -> Option<&Arc<Bank>> {
        self.banks.get(id)
    }

    /// Whether no bank is loaded.
    pub fn is_empty(&self) -> bool {
        self.banks.is_empty()
    }

    /// A question by bank and id.
    pub fn question(&self, bank: &BankId, question: &QuestionId) -> Option<&Question> {
        self.banks.get(bank)?.question(question)
    }

    /// A question by its progress key (`bank/question`).
    pub fn by_key(&self, key: &str) -> Option<(&BankId, &Question)> {
        let (bank, question) = key.split_once('/')?;
        let bank = self.banks.get(&BankId::from(bank))?;
        Some((&bank.id, bank.question(&QuestionId::from(question))?))
    }

    /// Every current question, in a fixed order (bank id, then file order).
    pub fn current(&self, today: Date) -> Vec<(&BankId, &Question)> {
        self.banks
            .values()
            .flat_map(|b| b.current_questions(today).map(move |q| (&b.id, q)))
            .collect()
    }

    /// A round of `kind`; `seed` shuffles bank and book rounds (the daily set's seed is its date).
    pub fn draw(
        &self,
        kind: &RoundKind,
        progress: &Progress,
        today: Date,
        seed: u64,
        count: usize,
    ) -> Result<Session, SessionError> {
        match kind {
            RoundKind::Bank(id) => {
                let bank = self.banks.get(id).ok_or(SessionError::NoQuestions)?;
                Session::new(bank, today, seed, count)
            }
            RoundKind::Daily(date) => {
                Session::draw(self.current(*date), daily_seed(*date), DAILY_COUNT)
            }
            RoundKind::Shelf(shelf) => {
                let pool: Vec<(&BankId, &Question)> = progress
                    .shelf(*shelf)
                    .filter_map(|key| self.by_key(key))
                    .filter(|(_, q)| q.is_current(today))
                    .collect();
                Session::draw(pool, seed, count.min(BOOK_ROUND))
            }
        }
    }

    /// The questions on `shelf` that this library can show, grouped by bank (in bank order).
    pub fn shelf_by_bank<'a>(
        &'a self,
        shelf: Shelf,
        progress: &'a Progress,
    ) -> Vec<(&'a Arc<Bank>, Vec<&'a Question>)> {
        self.banks
            .values()
            .map(|b| {
                let qs = b
                    .questions
                    .iter()
                    .filter(|q| {
                        progress
                            .reviews
                            .get(&question_key(&b.id, &q.id))
                            .is_some_and(|r| r.is_on(shelf))
                    })
                    .collect::<Vec<_>>();
                (b, qs)
            })
            .filter(|(_, qs)| !qs.is_empty())
            .collect()
    }
}

/// The seed of a date's daily set: the same set all day, on every reload.
pub fn daily_seed(date: Date) -> u64 {
    (date.days_since_epoch() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xA11C_E5E7
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::parse_bank;

    const BANK: &str = r#"{"format":1,"id":"ID","topic":"fraud","version":1,"reviewed":"2026-01-01",
      "title":{"zh":"题","en":"T"},"description":{"zh":"题","en":"T"},"questions":[QS]}"#;

    fn bank(id: &str, n: usize) -> Arc<Bank> {
        let qs: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id":"q{i}","type":"true_false","prompt":{{"zh":"问{i}","en":"Q{i}"}},
                    "options":[{{"id":"true","text":{{"zh":"对","en":"True"}}}},{{"id":"false","text":{{"zh":"错","en":"False"}}}}],
                    "answer":["true"],"explanation":{{"zh":"解","en":"E"}},"source":{{"zh":"源","en":"S"}},
                    "difficulty":1,"audience":["everyone"]}}"#
                )
            })
            .collect();
        let text = BANK.replace("ID", id).replace("QS", &qs.join(","));
        let report = parse_bank(
            &format!("{id}.json"),
            text.as_bytes(),
            Date::new(2026, 1, 1).unwrap(),
        );
        Arc::new(report.bank.unwrap())
    }

    fn today() -> Date {
        Date::new(2026, 11, 26).unwrap()
    }

    #[test]
    fn the_wrong_book_round_draws_only_book_questions_at_most_ten() {
        let mut library = Library::default();
        library.insert(bank("a", 20));
        library.insert(bank("b", 5));
        let mut progress = Progress::default();
        assert_eq!(
            library.draw(
                &RoundKind::Shelf(Shelf::WrongBook),
                &progress,
                today(),
                1,
                10
            ),
            Err(SessionError::NoQuestions)
        );
        for i in 0..12 {
            progress.record(&format!("a/q{i}"), false, today());
        }
        progress.record("b/q1", false, today());
        progress.record("gone/q1", false, today());
        let s = library
            .draw(
                &RoundKind::Shelf(Shelf::WrongBook),
                &progress,
                today(),
                7,
                10,
            )
            .unwrap();
        assert_eq!(s.total(), BOOK_ROUND);
        for item in &s.items {
            let key = question_key(&item.bank, &item.question);
            assert!(progress.reviews[&key].in_book, "{key}");
        }
        let groups = library.shelf_by_bank(Shelf::WrongBook, &progress);
        assert_eq!(
            groups
                .iter()
                .map(|(b, qs)| (b.id.as_str(), qs.len()))
                .collect::<Vec<_>>(),
            [("a", 12), ("b", 1)]
        );
    }

    #[test]
    fn a_bank_round_and_key_lookup() {
        let mut library = Library::default();
        library.insert(bank("a", 3));
        let s = library
            .draw(
                &RoundKind::Bank(BankId::from("a")),
                &Progress::default(),
                today(),
                1,
                10,
            )
            .unwrap();
        assert_eq!(s.total(), 3);
        assert!(library.by_key("a/q2").is_some());
        assert!(library.by_key("a/q9").is_none());
        assert!(library.by_key("nonsense").is_none());
        assert!(library
            .draw(
                &RoundKind::Bank(BankId::from("zz")),
                &Progress::default(),
                today(),
                1,
                10
            )
            .is_err());
    }
}
