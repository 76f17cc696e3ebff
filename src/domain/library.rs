//! The banks loaded in this visit, and the rounds drawn across them: one bank, the daily set
//! (每日一练), the wrong-answer book (错题本) and bookmarks (收藏).

use crate::domain::bank::{Audience, Bank, BankId, Question, QuestionId, Topic};
use crate::domain::date::Date;
use crate::domain::history::RoundLabel;
use crate::domain::order::sort_by_number;
use crate::domain::plan::{Mode, Order, Plan, DEFAULT_QUESTION_COUNT};
use crate::domain::progress::{question_key, Progress, Shelf};
use crate::domain::rng::{stable_hash, Rng};
use crate::domain::session::{Practice, Quiz, Session, SessionError};
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
    /// The daily set of a date for a group.
    Daily(DailySet),
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

/// Which daily set (每日一练): a day's, for a group of learners.
///
/// The set is a function of the date, the group and the ids of the questions that exist that day:
/// every current question given to the group is ranked by a stable hash of (date, bank id, question
/// id), and the best-ranked are taken round-robin over the topics (each topic's best first, the
/// topics in the order of their best), so five questions span min(5, topics) topics. Adding a
/// question changes at most one of the five, and a bank that fails to load takes out only its own
/// questions: the other topics keep theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DailySet {
    /// The (Beijing) date it is for.
    pub date: Date,
    /// Whose set it is: the learner's group (`Everyone` draws from every question).
    pub audience: Audience,
}

impl DailySet {
    /// The set of `date` for `audience`.
    pub fn new(date: Date, audience: Audience) -> DailySet {
        DailySet { date, audience }
    }

    /// Where a question ranks in this day's set (lower first); the same on every device and in every
    /// build, whatever else the banks hold.
    pub fn rank(&self, bank: &BankId, question: &QuestionId) -> u64 {
        stable_hash(&[&self.date.to_string(), bank.as_str(), question.as_str()])
    }
}

/// Stored as earlier builds stored a daily round's date (`"2026-12-04"`) when the set is everyone's,
/// so a build rolled back to still reads it; otherwise as `{"date": …, "audience": …}`.
impl Serialize for DailySet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Stored {
            date: Date,
            audience: Audience,
        }
        if self.audience == Audience::Everyone {
            self.date.serialize(s)
        } else {
            Stored {
                date: self.date,
                audience: self.audience,
            }
            .serialize(s)
        }
    }
}

/// Reads both stored forms: a bare date (earlier builds: everyone's set) or date and group.
impl<'de> Deserialize<'de> for DailySet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Date(Date),
            Full {
                date: Date,
                audience: Option<Audience>,
            },
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Date(date) => DailySet::new(date, Audience::Everyone),
            Stored::Full { date, audience } => {
                DailySet::new(date, audience.unwrap_or(Audience::Everyone))
            }
        })
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

    /// Every bank, by id.
    pub fn banks(&self) -> impl Iterator<Item = &Arc<Bank>> {
        self.banks.values()
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

    /// Checks that every question of `session` is still in the library, with the same options
    /// (after a reload or a bank update).
    pub fn check(&self, session: &Session) -> Result<(), SessionError> {
        for item in session.items() {
            let q = self
                .question(&item.bank, &item.question)
                .ok_or_else(|| SessionError::MissingQuestion(item.question.clone()))?;
            if item.options.len() != q.options.len()
                || item.options.iter().any(|o| q.option(o).is_none())
            {
                return Err(SessionError::MissingQuestion(item.question.clone()));
            }
        }
        Ok(())
    }

    /// Every current question, in a fixed order (bank id, then file order).
    pub fn current_questions(&self, today: Date) -> Vec<(&BankId, &Question)> {
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
                // Due reviews first, then questions never answered, then the rest: a practice of
                // 10 in file order moves on through the bank instead of repeating its first 10.
                sort_by_number(&mut pool, |(b, q)| {
                    let key = question_key(b, &q.id);
                    u64::from(!progress.is_due(&key, today)) * 2 + u64::from(progress.is_seen(&key))
                });
                if let Some(n) = plan.count {
                    pool.truncate(n);
                }
                Practice::from_pool(pool, seed).map(Session::Practice)
            }
            Mode::Quiz => {
                rng.shuffle(&mut pool);
                sort_by_number(&mut pool, |(b, q)| {
                    u64::from(progress.is_seen(&question_key(b, &q.id)))
                });
                pool.truncate(plan.count.unwrap_or(DEFAULT_QUESTION_COUNT));
                rng.shuffle(&mut pool);
                Quiz::from_pool(pool, seed, plan.limit_seconds).map(Session::Quiz)
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
            RoundKind::Daily(set) => self.daily(*set),
            RoundKind::Shelf(shelf) => Session::draw(
                self.shelf_questions(*shelf, progress, today),
                seed,
                count.min(BOOK_ROUND),
            ),
        }
    }

    /// The daily set's questions, in the order asked (see `DailySet`): at most `DAILY_COUNT`.
    pub fn daily_questions(&self, set: DailySet) -> Vec<(&BankId, &Question)> {
        let mut by_topic: BTreeMap<Topic, Vec<Ranked<'_>>> = BTreeMap::new();
        for bank in self.banks.values() {
            let ranked = bank
                .current_questions(set.date)
                .filter(|q| set.audience.includes(q))
                .map(|q| (set.rank(&bank.id, &q.id), &bank.id, q));
            by_topic.entry(bank.topic).or_default().extend(ranked);
        }
        let mut topics: Vec<Vec<Ranked<'_>>> = by_topic
            .into_values()
            .filter(|list| !list.is_empty())
            .map(|mut list| {
                sort_by_number(&mut list, |(rank, _, _)| *rank);
                list
            })
            .collect();
        sort_by_number(&mut topics, |list| {
            list.first().map_or(u64::MAX, |(rank, _, _)| *rank)
        });
        let mut picks = Vec::with_capacity(DAILY_COUNT);
        for round in 0.. {
            let before = picks.len();
            for list in &topics {
                if picks.len() == DAILY_COUNT {
                    return picks;
                }
                if let Some((_, bank, q)) = list.get(round) {
                    picks.push((*bank, *q));
                }
            }
            if picks.len() == before {
                break;
            }
        }
        picks
    }

    /// The daily set as a round, its options shuffled by its date.
    pub fn daily(&self, set: DailySet) -> Result<Session, SessionError> {
        Practice::from_pool(self.daily_questions(set), daily_seed(set.date)).map(Session::Practice)
    }

    /// The questions on `shelf` that can be practised on `today`: in a loaded bank and current
    /// (an expired question stays on the shelf but is neither listed nor drawn, and comes back if
    /// the date was a wrong clock's). In bank order, then file order. The shelf screen lists exactly
    /// these and its round draws from exactly these.
    pub fn shelf_questions<'a>(
        &'a self,
        shelf: Shelf,
        progress: &'a Progress,
        today: Date,
    ) -> Vec<(&'a BankId, &'a Question)> {
        self.banks
            .values()
            .flat_map(|b| {
                b.current_questions(today)
                    .filter(move |q| {
                        progress
                            .reviews
                            .get(&question_key(&b.id, &q.id))
                            .is_some_and(|r| r.is_on(shelf))
                    })
                    .map(move |q| (&b.id, q))
            })
            .collect()
    }

    /// `shelf_questions` grouped by bank (in bank order), for the shelf screen.
    pub fn shelf_by_bank<'a>(
        &'a self,
        shelf: Shelf,
        progress: &'a Progress,
        today: Date,
    ) -> Vec<(&'a Arc<Bank>, Vec<&'a Question>)> {
        let mut groups: Vec<(&'a Arc<Bank>, Vec<&'a Question>)> = Vec::new();
        for (id, q) in self.shelf_questions(shelf, progress, today) {
            match groups.last_mut() {
                Some((bank, qs)) if &bank.id == id => qs.push(q),
                _ => {
                    if let Some(bank) = self.banks.get(id) {
                        groups.push((bank, vec![q]));
                    }
                }
            }
        }
        groups
    }
}

/// A question with its rank in a daily set. Questions are ordered by rank; equal ranks (a 64-bit
/// hash collision, practically never) stay in the library's order: banks by id, questions as filed.
type Ranked<'a> = (u64, &'a BankId, &'a Question);

/// The seed of a date's daily set (it shuffles the options): the same all day, on every reload.
pub fn daily_seed(date: Date) -> u64 {
    (date.days_since_epoch() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xA11C_E5E7
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::parse_bank;
    use std::collections::BTreeSet;

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
        for item in s.items() {
            let key = question_key(&item.bank, &item.question);
            assert!(progress.reviews[&key].in_book, "{key}");
        }
        let groups = library.shelf_by_bank(Shelf::WrongBook, &progress, today());
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
        s.items()
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
        assert_eq!(s.mode(), Mode::Quiz);
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
    fn sequential_practice_keeps_file_order_with_due_questions_first_and_new_ones_next() {
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
        // a/q1 was answered today: it goes after the questions never answered.
        assert_eq!(keys(&s)[..3], ["b/q2", "a/q0", "a/q2"]);
        assert_eq!(keys(&s).last().map(String::as_str), Some("a/q1"));
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
        assert_eq!(
            progress.due_count(library.current_questions(today()), today()),
            2
        );
    }

    /// A library of `(bank id, topic, questions)`, question ids `<bank>-<i>`.
    fn topical(banks: &[(&str, Topic, usize)]) -> Library {
        let mut library = Library::default();
        for (id, topic, n) in banks {
            let mut b = (*bank(id, *n)).clone();
            b.topic = *topic;
            for q in &mut b.questions {
                q.id = QuestionId(format!("{id}-{}", q.id));
            }
            library.insert(Arc::new(b));
        }
        library
    }

    fn four_topics() -> Library {
        topical(&[
            ("fraud-a", Topic::Fraud, 40),
            ("fraud-b", Topic::Fraud, 12),
            ("privacy", Topic::Privacy, 3),
            ("investing", Topic::Investing, 10),
            ("rights", Topic::Rights, 1),
        ])
    }

    fn days(n: i64) -> impl Iterator<Item = Date> {
        (0..n).map(|i| Date::from_days(today().days_since_epoch() + i))
    }

    fn everyone(date: Date) -> DailySet {
        DailySet::new(date, Audience::Everyone)
    }

    fn daily_keys(library: &Library, set: DailySet) -> Vec<String> {
        library
            .daily_questions(set)
            .into_iter()
            .map(|(b, q)| question_key(b, &q.id))
            .collect()
    }

    fn daily_topics(library: &Library, set: DailySet) -> BTreeSet<Topic> {
        library
            .daily_questions(set)
            .into_iter()
            .map(|(b, _)| library.bank(b).unwrap().topic)
            .collect()
    }

    #[test]
    fn the_daily_five_span_every_topic_however_uneven_the_banks() {
        let library = four_topics();
        for date in days(200) {
            let keys = daily_keys(&library, everyone(date));
            assert_eq!(keys.len(), DAILY_COUNT, "{date}");
            assert_eq!(
                keys.iter().collect::<BTreeSet<_>>().len(),
                DAILY_COUNT,
                "repeats"
            );
            assert_eq!(
                daily_topics(&library, everyone(date)).len(),
                4,
                "{date}: {keys:?}"
            );
        }
        let two = topical(&[("fraud", Topic::Fraud, 50), ("rights", Topic::Rights, 3)]);
        for date in days(50) {
            assert_eq!(daily_topics(&two, everyone(date)).len(), 2, "{date}");
            assert_eq!(daily_keys(&two, everyone(date)).len(), DAILY_COUNT);
        }
        let tiny = topical(&[("fraud", Topic::Fraud, 2), ("rights", Topic::Rights, 1)]);
        assert_eq!(
            daily_keys(&tiny, everyone(today())).len(),
            3,
            "all there is"
        );
    }

    #[test]
    fn adding_a_question_changes_at_most_one_of_the_daily_five() {
        let library = four_topics();
        for date in days(200) {
            let before: BTreeSet<String> =
                daily_keys(&library, everyone(date)).into_iter().collect();
            for id in ["fraud-a", "fraud-b", "privacy", "investing", "rights"] {
                let mut grown = library.clone();
                let mut b = (**grown.bank(&BankId::from(id)).unwrap()).clone();
                let mut extra = b.questions[0].clone();
                extra.id = QuestionId::from("added-by-a-redeploy");
                b.questions.push(extra);
                grown.insert(Arc::new(b));
                let after: BTreeSet<String> =
                    daily_keys(&grown, everyone(date)).into_iter().collect();
                assert_eq!(after.len(), DAILY_COUNT);
                assert!(
                    before.difference(&after).count() <= 1,
                    "{date}, a question added to {id}: {before:?} → {after:?}"
                );
            }
        }
    }

    #[test]
    fn a_bank_that_fails_to_load_leaves_the_other_topics_daily_picks_alone() {
        let library = four_topics();
        for date in days(200) {
            let before = library.daily_questions(everyone(date));
            for gone in ["fraud-a", "fraud-b", "privacy", "investing", "rights"] {
                let mut partial = Library::default();
                for (id, b) in &library.banks {
                    if id.as_str() != gone {
                        partial.insert(Arc::clone(b));
                    }
                }
                let gone_topic = library.bank(&BankId::from(gone)).unwrap().topic;
                let after = daily_keys(&partial, everyone(date));
                for (b, q) in &before {
                    if library.bank(b).unwrap().topic != gone_topic {
                        let key = question_key(b, &q.id);
                        assert!(after.contains(&key), "{date}, {gone} failed: {key} lost");
                    }
                }
                assert_eq!(after.len(), DAILY_COUNT);
            }
        }
    }

    #[test]
    fn the_daily_set_does_not_depend_on_the_order_of_the_files() {
        let library = four_topics();
        let mut reversed = Library::default();
        for b in library.banks.values() {
            let mut b = (**b).clone();
            b.questions.reverse();
            reversed.insert(Arc::new(b));
        }
        for date in days(30) {
            assert_eq!(
                daily_keys(&library, everyone(date)),
                daily_keys(&reversed, everyone(date))
            );
        }
    }

    #[test]
    fn the_daily_set_gives_a_group_only_its_questions() {
        // mixed_library: a/q0, a/q2, a/q4 are for older customers, the rest for everyone.
        let library = mixed_library();
        let mut everyone_saw_others = false;
        for date in days(60) {
            let elder = library.daily_questions(DailySet::new(date, Audience::Elderly));
            assert_eq!(elder.len(), 3, "the three seniors' questions");
            assert!(elder
                .iter()
                .all(|(_, q)| q.audience.contains(&Audience::Elderly)));
            everyone_saw_others |= library
                .daily_questions(everyone(date))
                .iter()
                .any(|(_, q)| !q.audience.contains(&Audience::Elderly));
        }
        assert!(everyone_saw_others);
        assert_eq!(
            library.daily(DailySet::new(today(), Audience::Youth)),
            Err(SessionError::NoQuestions)
        );
    }

    #[test]
    fn the_daily_round_is_the_set_of_its_date_and_group() {
        let library = mixed_library();
        let elder = DailySet::new(today(), Audience::Elderly);
        let s = library
            .draw(
                &RoundKind::Daily(elder),
                &Progress::default(),
                today(),
                5,
                10,
            )
            .unwrap();
        let mut got = keys(&s);
        got.sort();
        assert_eq!(got, ["a/q0", "a/q2", "a/q4"]);
        assert_eq!(RoundKind::Daily(elder).label(), RoundLabel::Daily);
    }

    #[test]
    fn the_daily_set_is_the_same_all_day_and_changes_from_day_to_day() {
        let library = four_topics();
        let kind = RoundKind::Daily(everyone(today()));
        let a = library
            .draw(&kind, &Progress::default(), today(), 1, 10)
            .unwrap();
        let b = library
            .draw(&kind, &Progress::default(), today(), 99, 3)
            .unwrap();
        assert_eq!(a, b, "the round seed and count do not matter");
        let sets: BTreeSet<Vec<String>> = days(30)
            .map(|d| daily_keys(&library, everyone(d)))
            .collect();
        assert!(
            sets.len() >= 25,
            "only {} different sets in 30 days",
            sets.len()
        );
    }

    #[test]
    fn the_daily_set_leaves_out_questions_expired_on_its_date() {
        let library = four_topics();
        let mut expiring = Library::default();
        for b in library.banks.values() {
            let mut b = (**b).clone();
            for q in &mut b.questions {
                q.valid_until = Some(today());
            }
            expiring.insert(Arc::new(b));
        }
        assert_eq!(
            daily_keys(&expiring, everyone(today())),
            daily_keys(&library, everyone(today()))
        );
        let tomorrow = Date::from_days(today().days_since_epoch() + 1);
        assert_eq!(
            daily_keys(&expiring, everyone(tomorrow)),
            Vec::<String>::new()
        );
    }

    fn shelf_list_keys(
        library: &Library,
        shelf: Shelf,
        progress: &Progress,
        day: Date,
    ) -> BTreeSet<String> {
        library
            .shelf_by_bank(shelf, progress, day)
            .into_iter()
            .flat_map(|(b, qs)| qs.into_iter().map(move |q| question_key(&b.id, &q.id)))
            .collect()
    }

    #[test]
    fn the_shelf_lists_exactly_what_its_round_draws_expired_questions_in_neither() {
        let mut library = Library::default();
        let mut a = (*bank("a", 4)).clone();
        a.questions[1].valid_until = Some(today());
        a.questions[2].valid_until = Some(today());
        library.insert(Arc::new(a));
        let mut b = (*bank("b", 2)).clone();
        b.questions[0].valid_until = Some(today());
        b.questions[1].valid_until = Some(today());
        library.insert(Arc::new(b));
        let mut progress = Progress::default();
        for key in ["a/q0", "a/q1", "a/q2", "b/q0", "b/q1", "gone/q1"] {
            progress.record(key, false, today());
            progress.toggle_bookmark(key);
        }
        let tomorrow = Date::from_days(today().days_since_epoch() + 1);
        for shelf in [Shelf::WrongBook, Shelf::Bookmarks] {
            let kind = RoundKind::Shelf(shelf);
            for day in [today(), tomorrow] {
                let listed = shelf_list_keys(&library, shelf, &progress, day);
                let drawn: BTreeSet<String> = library
                    .draw(&kind, &progress, day, 3, BOOK_ROUND)
                    .map(|s| keys(&s).into_iter().collect())
                    .unwrap_or_default();
                assert_eq!(listed, drawn, "{shelf:?} on {day}");
            }
            assert_eq!(
                shelf_list_keys(&library, shelf, &progress, today()).len(),
                5
            );
            // Tomorrow a/q1, a/q2 and all of bank b have expired: b is not listed at all.
            let groups = library.shelf_by_bank(shelf, &progress, tomorrow);
            assert_eq!(
                groups
                    .iter()
                    .map(|(b, qs)| (b.id.as_str(), qs.len()))
                    .collect::<Vec<_>>(),
                [("a", 1)]
            );
        }
        // When every listed question has expired the list is empty, as is the round: the screen
        // says the shelf is empty instead of offering a "practise" that does nothing.
        progress.take_off(Shelf::WrongBook, "a/q0");
        let tomorrow_list = shelf_list_keys(&library, Shelf::WrongBook, &progress, tomorrow);
        assert!(tomorrow_list.is_empty(), "{tomorrow_list:?}");
        assert_eq!(
            library.draw(
                &RoundKind::Shelf(Shelf::WrongBook),
                &progress,
                tomorrow,
                3,
                10
            ),
            Err(SessionError::NoQuestions)
        );
    }

    #[test]
    fn a_daily_round_saved_by_the_previous_version_still_reads() {
        let date = Date::new(2026, 12, 4).unwrap();
        let old: RoundKind = serde_json::from_str(r#"{"Daily":"2026-12-04"}"#).unwrap();
        assert_eq!(old, RoundKind::Daily(everyone(date)));
        // Everyone's set is written exactly as before (a rolled-back build reads it).
        assert_eq!(
            serde_json::to_string(&RoundKind::Daily(everyone(date))).unwrap(),
            r#"{"Daily":"2026-12-04"}"#
        );
        let elder = RoundKind::Daily(DailySet::new(date, Audience::Elderly));
        let text = serde_json::to_string(&elder).unwrap();
        assert_eq!(
            text,
            r#"{"Daily":{"date":"2026-12-04","audience":"elderly"}}"#
        );
        assert_eq!(serde_json::from_str::<RoundKind>(&text).unwrap(), elder);
        let bad = serde_json::from_str::<RoundKind>(r#"{"Daily":"2026-13-04"}"#);
        assert!(bad.is_err());
    }

    #[test]
    fn a_session_still_checks_against_the_library_only_while_its_questions_are_there() {
        let b = bank("b", 6);
        let mut library = Library::default();
        library.insert(Arc::clone(&b));
        let s = Session::new(&b, today(), 8, 6).unwrap();
        let back: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(library.check(&back), Ok(()));
        let mut smaller = (*b).clone();
        smaller.questions.retain(|q| q.id != s.items()[0].question);
        library.insert(Arc::new(smaller));
        assert!(library.check(&back).is_err());
    }

    #[test]
    fn an_all_expired_bank_loads_on_a_device_and_its_topic_counts_no_questions() {
        let text = std::fs::read_to_string("quizzes/rights.json").unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for q in value["questions"].as_array_mut().unwrap() {
            q["valid_until"] = "2026-01-31".into();
        }
        let bytes = serde_json::to_vec(&value).unwrap();
        let bank = crate::domain::bank::parse_bank_on_device("rights.json", &bytes)
            .bank
            .unwrap();
        let mut library = Library::default();
        library.insert(Arc::new(bank));
        let later = Date::new(2026, 12, 4).unwrap();
        assert!(
            library.current_questions(later).is_empty(),
            "the topic counts 0"
        );
        // On a day before the expiry (a clock set back, or the bank seen in time) it is all there.
        let before = Date::new(2026, 1, 31).unwrap();
        assert_eq!(library.current_questions(before).len(), 32);
    }
}
