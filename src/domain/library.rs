//! The banks loaded in this visit, and the rounds drawn across them: one bank, the daily set
//! (每日一练), the wrong-answer book (错题本) and bookmarks (收藏).

use crate::domain::bank::{Bank, BankId, Question, QuestionId};
use crate::domain::date::Date;
use crate::domain::plan::{Order, Plan};
use crate::domain::progress::{question_key, Progress, RoundLabel, Shelf};
use crate::domain::rng::Rng;
use crate::domain::session::{Mode, DEFAULT_QUESTION_COUNT};
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
    /// A practice or quiz as planned on the setup screen.
    Plan(Plan),
    /// One bank (rounds saved by earlier versions).
    Bank(BankId),
    /// The daily set of this date.
    Daily(Date),
    /// Questions from the wrong-answer book or the bookmarks.
    Shelf(Shelf),
}

impl RoundKind {
    /// How the history labels a round of this kind.
    pub fn label(&self) -> RoundLabel {
        match self {
            RoundKind::Plan(p) if p.mode == Mode::Quiz => RoundLabel::Quiz,
            RoundKind::Plan(_) | RoundKind::Bank(_) => RoundLabel::Practice,
            RoundKind::Daily(_) => RoundLabel::Daily,
            RoundKind::Shelf(Shelf::WrongBook) => RoundLabel::WrongBook,
            RoundKind::Shelf(Shelf::Bookmarks) => RoundLabel::Bookmarks,
        }
    }

    /// The pass mark, for a quiz.
    pub fn pass_percent(&self) -> Option<u32> {
        match self {
            RoundKind::Plan(p) if p.mode == Mode::Quiz => Some(p.pass_percent),
            _ => None,
        }
    }
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

    /// The questions a plan draws from, in file order (bank id, then file order).
    pub fn pool(&self, plan: &Plan, today: Date) -> Vec<(&BankId, &Question)> {
        self.banks
            .values()
            .flat_map(|b| {
                b.current_questions(today)
                    .filter(|q| plan.admits(b.topic, q))
                    .map(move |q| (&b.id, q))
            })
            .collect()
    }

    /// A practice or quiz. Practice: file order or shuffled, questions due for review first.
    /// Quiz: `count` questions, no repeats, questions never answered before preferred.
    fn draw_plan(
        &self,
        plan: &Plan,
        progress: &Progress,
        today: Date,
        seed: u64,
    ) -> Result<Session, SessionError> {
        let mut pool = self.pool(plan, today);
        let mut rng = Rng::new(seed);
        match plan.mode {
            Mode::Practice => {
                if plan.order == Order::Random {
                    rng.shuffle(&mut pool);
                }
                pool.sort_by_cached_key(|(b, q)| !progress.is_due(&question_key(b, &q.id), today));
                if let Some(n) = plan.count {
                    pool.truncate(n);
                }
                Session::from_pool(pool, seed, Mode::Practice, None)
            }
            Mode::Quiz => {
                rng.shuffle(&mut pool);
                pool.sort_by_cached_key(|(b, q)| progress.is_seen(&question_key(b, &q.id)));
                pool.truncate(plan.count.unwrap_or(DEFAULT_QUESTION_COUNT));
                rng.shuffle(&mut pool);
                Session::from_pool(pool, seed, Mode::Quiz, plan.limit_seconds)
            }
        }
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
            RoundKind::Plan(plan) => self.draw_plan(plan, progress, today, seed),
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

    fn mixed_library() -> Library {
        // Bank "a" is fraud: q0..q5 with difficulty 1, 2, 3, 1, 2, 3; even ones tagged elderly.
        let mut a = (*bank("a", 6)).clone();
        for (i, q) in a.questions.iter_mut().enumerate() {
            q.difficulty = [1, 2, 3][i % 3];
            if i % 2 == 0 {
                q.audience = vec![crate::domain::bank::Audience::Elderly];
            }
        }
        let mut b = (*bank("b", 4)).clone();
        b.topic = crate::domain::bank::Topic::Privacy;
        let mut library = Library::default();
        library.insert(Arc::new(a));
        library.insert(Arc::new(b));
        library
    }

    fn keys(s: &Session) -> Vec<String> {
        s.items
            .iter()
            .map(|i| question_key(&i.bank, &i.question))
            .collect()
    }

    #[test]
    fn a_plan_draws_from_its_topics_audience_and_difficulties() {
        use crate::domain::bank::{Audience, Topic};
        let library = mixed_library();
        let mut plan = Plan::practice(vec![Topic::Fraud]);
        assert_eq!(library.pool(&plan, today()).len(), 6);
        plan.audience = Audience::Elderly;
        assert_eq!(library.pool(&plan, today()).len(), 3);
        plan.topics = vec![];
        plan.audience = Audience::Everyone;
        assert_eq!(library.pool(&plan, today()).len(), 10);
        let mut quiz = Plan::quiz(vec![Topic::Fraud]);
        quiz.difficulties = vec![3];
        let s = library
            .draw(&RoundKind::Plan(quiz), &Progress::default(), today(), 5, 10)
            .unwrap();
        assert_eq!(s.mode, Mode::Quiz);
        let mut got = keys(&s);
        got.sort();
        assert_eq!(got, ["a/q2", "a/q5"]);
        let mut none = Plan::quiz(vec![Topic::Privacy]);
        none.audience = Audience::Elderly;
        assert_eq!(
            library.draw(&RoundKind::Plan(none), &Progress::default(), today(), 5, 10),
            Err(SessionError::NoQuestions)
        );
    }

    #[test]
    fn sequential_practice_keeps_file_order_with_due_questions_first() {
        let library = mixed_library();
        let plan = RoundKind::Plan(Plan::practice(vec![]));
        let mut progress = Progress::default();
        let s = library.draw(&plan, &progress, today(), 1, 10).unwrap();
        assert_eq!(keys(&s)[..4], ["a/q0", "a/q1", "a/q2", "a/q3"]);
        assert_eq!(s.total(), 10, "practice goes through the whole pool");
        // b/q2 was missed two days ago: due today, so it comes first.
        let two_days_ago = Date::from_days(today().days_since_epoch() - 2);
        progress.record("b/q2", false, two_days_ago);
        progress.record("a/q1", true, today());
        let s = library.draw(&plan, &progress, today(), 1, 10).unwrap();
        assert_eq!(keys(&s)[..3], ["b/q2", "a/q0", "a/q1"]);
        let mut random = Plan::practice(vec![]);
        random.order = Order::Random;
        let r1 = library
            .draw(&RoundKind::Plan(random.clone()), &progress, today(), 9, 10)
            .unwrap();
        let r2 = library
            .draw(&RoundKind::Plan(random), &progress, today(), 9, 10)
            .unwrap();
        assert_eq!(r1, r2, "the same seed gives the same order");
        assert_eq!(keys(&r1)[0], "b/q2", "due first in random order too");
        assert_ne!(keys(&r1), keys(&s));
    }

    #[test]
    fn a_quiz_prefers_questions_never_answered() {
        let library = mixed_library();
        let mut progress = Progress::default();
        for i in 0..6 {
            progress.record(&format!("a/q{i}"), true, today());
        }
        let mut plan = Plan::quiz(vec![]);
        plan.count = Some(4);
        for seed in 0..20 {
            let s = library
                .draw(&RoundKind::Plan(plan.clone()), &progress, today(), seed, 10)
                .unwrap();
            assert_eq!(s.total(), 4);
            assert!(
                keys(&s).iter().all(|k| k.starts_with("b/")),
                "{:?}",
                keys(&s)
            );
        }
        plan.count = Some(7);
        let s = library
            .draw(&RoundKind::Plan(plan), &progress, today(), 3, 10)
            .unwrap();
        assert_eq!(keys(&s).iter().filter(|k| k.starts_with("b/")).count(), 4);
    }

    #[test]
    fn mastery_and_due_count_over_a_topic() {
        use crate::domain::bank::Topic;
        let library = mixed_library();
        let fraud = library.pool(&Plan::practice(vec![Topic::Fraud]), today());
        let mut progress = Progress::default();
        assert_eq!(progress.mastery_percent(fraud.iter().copied(), today()), 0);
        let earlier = Date::from_days(today().days_since_epoch() - 1);
        progress.record("a/q0", true, earlier);
        progress.record("a/q1", false, earlier);
        // a/q0: box 1, due today, strength 0.2 of 6 questions → 3%; a/q1 was missed: not known.
        assert_eq!(progress.mastery_percent(fraud.iter().copied(), today()), 3);
        assert_eq!(progress.due_count(fraud, today()), 2);
        assert_eq!(progress.due_count(library.current(today()), today()), 2);
    }
}
