//! What the device remembers about one learner's questions: each question's review state (a
//! Leitner box and the day it is due again), the wrong-answer book (错题本) and bookmarks (收藏).
//! Plain data and the rules that change it; the history of finished rounds is `history`, storage
//! lives in the platform layer.

use crate::domain::bank::{BankId, Question, QuestionId};
use crate::domain::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Days until a question is due again, by Leitner box (box 1 … box 5).
pub const BOX_DAYS: [i64; 5] = [1, 2, 4, 8, 16];
/// Right answers in a row that take a question out of the wrong-answer book.
pub const CLEAR_AFTER: u8 = 2;

/// The storage key of one question: `bank/question` (ids never contain `/`).
pub fn question_key(bank: &BankId, question: &QuestionId) -> String {
    format!("{bank}/{question}")
}

/// A list of questions the learner keeps: the wrong-answer book fills itself, bookmarks by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Shelf {
    /// 错题本: questions missed and not yet answered right twice in a row.
    WrongBook,
    /// 收藏: questions the learner bookmarked.
    Bookmarks,
}

/// The review state of one question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Times answered.
    pub seen: u32,
    /// Times answered right.
    pub right: u32,
    /// Leitner box, 1 to 5 (0 before the first answer).
    pub level: u8,
    /// Day number (days since 1970-01-01) from which it is due again.
    pub due: i64,
    /// Right answers in a row.
    pub streak: u8,
    /// Whether it is in the wrong-answer book.
    pub in_book: bool,
    /// Whether the learner bookmarked it.
    #[serde(default)]
    pub bookmarked: bool,
}

impl Review {
    /// Whether the question is on `shelf`.
    pub fn is_on(&self, shelf: Shelf) -> bool {
        match shelf {
            Shelf::WrongBook => self.in_book,
            Shelf::Bookmarks => self.bookmarked,
        }
    }

    /// How well the question is known today, 0.0 to 1.0: the box, halved for every box interval
    /// it is overdue (so mastery fades when the learner stays away). A question whose last answer
    /// was wrong is not known at all.
    pub fn strength(&self, today: Date) -> f64 {
        if self.level == 0 || self.streak == 0 {
            return 0.0;
        }
        let base = f64::from(self.level) / 5.0;
        let interval = BOX_DAYS[usize::from(self.level.clamp(1, 5)) - 1];
        let overdue = (today.days_since_epoch() - self.due).max(0);
        base * halved(overdue as f64 / interval as f64)
    }
}

/// One half to the power `times` (`times` ≥ 0; 1.0 below 0): the whole halvings by multiplying,
/// the fraction left by the series of 2^-f. `0.5f64.powf(x)` gives the same within 1e-12 but
/// links the math library's `exp2`, whose 4 KB table lands in the start-up wasm of every page.
fn halved(times: f64) -> f64 {
    if times.is_nan() || times <= 0.0 {
        return 1.0;
    }
    // Past 1,100 halvings a f64 is 0.
    if times >= 1100.0 {
        return 0.0;
    }
    let whole = times.floor();
    // 2^-f = e^(-f ln 2), with -f ln 2 in (-0.7, 0]: 16 terms are exact to rounding.
    let y = -(times - whole) * std::f64::consts::LN_2;
    let mut term = 1.0;
    let mut fraction = 1.0;
    for n in 1..=16 {
        term *= y / f64::from(n);
        fraction += term;
    }
    let mut value = fraction;
    for _ in 0..whole as u32 {
        value *= 0.5;
    }
    value
}

/// Everything remembered about the learner's questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Review state by `question_key`.
    pub reviews: BTreeMap<String, Review>,
    /// How many questions have left the wrong-answer book by being answered right.
    pub cleared: u32,
}

impl Progress {
    /// Records an answer. A right answer to a question that is new or due moves it up one box
    /// (and sets its next due day); a right answer before the due day keeps the box and the due
    /// day, so answering again and again in one sitting does not climb the boxes. Either way it
    /// counts toward the run that clears the wrong-answer book. A wrong answer drops to box 1,
    /// due tomorrow, and puts the question in the book.
    pub fn record(&mut self, key: &str, correct: bool, today: Date) {
        let day = today.days_since_epoch();
        let review = self.reviews.entry(key.to_owned()).or_default();
        let due = review.level == 0 || review.due <= day;
        review.seen += 1;
        if correct {
            review.right += 1;
            review.streak = review.streak.saturating_add(1);
            if review.in_book && review.streak >= CLEAR_AFTER {
                review.in_book = false;
                self.cleared += 1;
            }
            if !due {
                return;
            }
            review.level = (review.level + 1).min(5);
        } else {
            review.level = 1;
            review.streak = 0;
            review.in_book = true;
        }
        review.due = day + BOX_DAYS[usize::from(review.level) - 1];
    }

    /// Whether `key` is due for review on `today` (answered before, and its day has come).
    pub fn is_due(&self, key: &str, today: Date) -> bool {
        self.reviews
            .get(key)
            .is_some_and(|r| r.level > 0 && r.due <= today.days_since_epoch())
    }

    /// Whether `key` has ever been answered.
    pub fn is_seen(&self, key: &str) -> bool {
        self.reviews.get(key).is_some_and(|r| r.seen > 0)
    }

    /// The keys on `shelf`.
    pub fn shelf(&self, shelf: Shelf) -> impl Iterator<Item = &str> {
        self.reviews
            .iter()
            .filter(move |(_, r)| r.is_on(shelf))
            .map(|(k, _)| k.as_str())
    }

    /// The keys in the wrong-answer book.
    pub fn wrong_book(&self) -> impl Iterator<Item = &str> {
        self.shelf(Shelf::WrongBook)
    }

    /// Takes `key` off `shelf` by hand (removing from the book this way does not count as cleared).
    pub fn take_off(&mut self, shelf: Shelf, key: &str) {
        if let Some(r) = self.reviews.get_mut(key) {
            match shelf {
                Shelf::WrongBook => r.in_book = false,
                Shelf::Bookmarks => r.bookmarked = false,
            }
        }
    }

    /// Bookmarks or un-bookmarks `key`; returns whether it is now bookmarked.
    pub fn toggle_bookmark(&mut self, key: &str) -> bool {
        let review = self.reviews.entry(key.to_owned()).or_default();
        review.bookmarked = !review.bookmarked;
        review.bookmarked
    }

    /// Mastery of `questions`, 0–100: the mean strength, unseen questions counting 0.
    pub fn mastery_percent<'a>(
        &self,
        questions: impl IntoIterator<Item = (&'a BankId, &'a Question)>,
        today: Date,
    ) -> u32 {
        let (sum, count) = questions.into_iter().fold((0.0, 0u32), |(sum, n), (b, q)| {
            let s = self
                .reviews
                .get(&question_key(b, &q.id))
                .map_or(0.0, |r| r.strength(today));
            (sum + s, n + 1)
        });
        if count == 0 {
            return 0;
        }
        (sum / f64::from(count) * 100.0).round() as u32
    }

    /// How many of `questions` are due for review on `today`.
    pub fn due_count<'a>(
        &self,
        questions: impl IntoIterator<Item = (&'a BankId, &'a Question)>,
        today: Date,
    ) -> usize {
        questions
            .into_iter()
            .filter(|(b, q)| self.is_due(&question_key(b, &q.id), today))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u8) -> Date {
        Date::new(2026, 11, n).unwrap()
    }

    #[test]
    fn a_missed_question_lands_in_the_book_and_leaves_after_two_right_in_a_row() {
        let mut p = Progress::default();
        p.record("fraud/q1", false, day(1));
        assert_eq!(p.wrong_book().collect::<Vec<_>>(), ["fraud/q1"]);
        p.record("fraud/q1", true, day(2));
        assert_eq!(p.wrong_book().count(), 1, "one right answer is not enough");
        p.record("fraud/q1", false, day(3));
        p.record("fraud/q1", true, day(4));
        assert_eq!(
            p.wrong_book().count(),
            1,
            "the run restarted after the miss"
        );
        p.record("fraud/q1", true, day(5));
        assert_eq!(p.wrong_book().count(), 0);
        assert_eq!(p.cleared, 1);
    }

    fn on(days: i64) -> Date {
        Date::from_days(day(1).days_since_epoch() + days)
    }

    #[test]
    fn right_answers_on_their_due_days_climb_the_boxes_and_a_miss_drops_to_box_one() {
        let mut p = Progress::default();
        // New on day 0, then each answer on the day it falls due: 0, 1, 3, 7, 15.
        let mut when = 0;
        for box_days in [0, 1, 2, 4, 8] {
            when += box_days;
            p.record("k", true, on(when));
        }
        let r = &p.reviews["k"];
        assert_eq!((r.level, r.due), (5, on(15 + 16).days_since_epoch()));
        p.record("k", true, on(31));
        assert_eq!(p.reviews["k"].level, 5, "box 5 is the top");
        p.record("k", false, on(32));
        let r = &p.reviews["k"];
        assert_eq!((r.level, r.due), (1, on(33).days_since_epoch()));
        assert!(!p.is_due("k", on(32)));
        assert!(p.is_due("k", on(33)));
        assert!(!p.is_due("never-seen", on(33)));
    }

    #[test]
    fn right_answers_before_the_due_day_keep_the_box_and_the_due_day() {
        let mut p = Progress::default();
        for _ in 0..5 {
            p.record("k", true, day(1));
        }
        let r = &p.reviews["k"];
        assert_eq!(
            (r.level, r.due, r.streak, r.right, r.seen),
            (1, day(2).days_since_epoch(), 5, 5, 5),
            "five right answers in one afternoon stay in box 1, due tomorrow"
        );
        p.record("k", true, day(2));
        assert_eq!(p.reviews["k"].level, 2, "answered on its due day: promoted");
        p.record("k", true, day(3));
        let r = &p.reviews["k"];
        assert_eq!(
            (r.level, r.due),
            (2, day(4).days_since_epoch()),
            "not due until day 4"
        );
        p.record("k", false, day(3));
        assert_eq!(
            p.reviews["k"].level, 1,
            "a miss drops to box 1 even when not due"
        );
    }

    #[test]
    fn answering_a_question_many_times_in_one_day_does_not_inflate_mastery() {
        let mut p = Progress::default();
        let text = std::fs::read("quizzes/rights.json").unwrap();
        let bank = crate::domain::bank::parse_bank("rights.json", &text, day(1))
            .bank
            .unwrap();
        let q = &bank.questions[0];
        let key = question_key(&bank.id, &q.id);
        for _ in 0..5 {
            p.record(&key, true, day(1));
        }
        assert_eq!(p.mastery_percent([(&bank.id, q)], day(1)), 20, "box 1 of 5");
        p.record(&key, true, day(2));
        assert_eq!(p.mastery_percent([(&bank.id, q)], day(2)), 40, "box 2 of 5");
    }

    #[test]
    fn a_missed_question_cleared_by_right_answers_the_same_day_leaves_the_book() {
        let mut p = Progress::default();
        p.record("k", false, day(1));
        p.record("k", true, day(1));
        p.record("k", true, day(1));
        assert_eq!(p.wrong_book().count(), 0, "two right in a row clear it");
        assert_eq!(p.cleared, 1);
        assert_eq!(p.reviews["k"].level, 1, "but it stays in box 1 until due");
    }

    #[test]
    fn halved_is_one_half_to_the_power() {
        for step in 0..=4000 {
            let times = f64::from(step) / 97.0;
            let want = 0.5f64.powf(times);
            let got = halved(times);
            assert!(
                (got - want).abs() <= want * 1e-12,
                "{times}: {got} vs {want}"
            );
        }
        assert_eq!(halved(0.0), 1.0);
        assert_eq!(halved(-3.0), 1.0);
        assert_eq!(halved(f64::NAN), 1.0);
        assert_eq!(halved(1.0), 0.5);
        assert_eq!(halved(10.0), 1.0 / 1024.0);
        assert_eq!(halved(5000.0), 0.0);
        assert_eq!(halved(1099.5), 0.5f64.powf(1099.5), "both underflow to 0");
    }

    #[test]
    fn strength_fades_when_a_question_is_overdue() {
        let mut p = Progress::default();
        p.record("k", true, day(1));
        p.record("k", true, day(2));
        // Box 2, due on day 4.
        let fresh = p.reviews["k"].strength(day(3));
        let late = p.reviews["k"].strength(day(8));
        assert!((fresh - 0.4).abs() < 1e-9, "{fresh}");
        p.record("k", false, day(3));
        assert_eq!(
            p.reviews["k"].strength(day(3)),
            0.0,
            "a miss is not knowing"
        );
        assert!(late < fresh / 2.0, "{late}");
    }

    #[test]
    fn manual_removal_and_bookmarks() {
        let mut p = Progress::default();
        p.record("a", false, day(1));
        p.take_off(Shelf::WrongBook, "a");
        assert_eq!(p.wrong_book().count(), 0);
        assert_eq!(p.cleared, 0, "removing by hand is not clearing");
        assert!(p.toggle_bookmark("b"));
        assert_eq!(p.shelf(Shelf::Bookmarks).collect::<Vec<_>>(), ["b"]);
        assert!(!p.toggle_bookmark("b"));
        assert_eq!(p.shelf(Shelf::Bookmarks).count(), 0);
        p.toggle_bookmark("c");
        p.take_off(Shelf::Bookmarks, "c");
        assert_eq!(p.shelf(Shelf::Bookmarks).count(), 0);
    }
}
