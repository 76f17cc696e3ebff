//! The branch's anonymous activity statistics: counts since a chosen date, and nothing else.
//!
//! [`KioskStats::record`] only adds an [`Outcome`] to counts; no session, answer sequence or
//! person is ever kept as a row. The same value is stored on the kiosk, exported as JSON (the raw
//! counts, for head office to merge with other kiosks' exports) and shown through the suppressed
//! view in [`view`] (panel, CSV, printed report).
//!
//! Every count has an invariant that [`KioskStats::check`] verifies on every file read, so a
//! hand-edited or corrupted export is refused with the field that is wrong, never merged.

mod check;
pub mod periods;
pub mod report;
pub mod view;

pub use check::{merge_exports, Impossible, StatsFileError};
pub use periods::{Counted, PeriodIndex, StatsPeriods};

use super::outcome::{Outcome, TopicChoice};
use crate::domain::bank::{BankId, Topic};
use crate::domain::date::Date;
use crate::domain::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Schema version of an export (`{"v": STATS_SCHEMA, "data": …}`), bumped only when older
/// builds could not read the new shape.
pub const STATS_SCHEMA: u32 = 1;

/// The version of each bank the counts were made with.
pub type BankVersions = BTreeMap<BankId, u64>;

/// What a customer chose to be asked about, as a map key (`fraud`, …, `mixed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChoiceKey(pub Option<Topic>);

impl ChoiceKey {
    /// The word in exports: the topic's word, or `mixed`.
    pub fn as_str(self) -> &'static str {
        self.0.map_or("mixed", Topic::as_str)
    }

    /// The choice it stands for.
    pub fn choice(self) -> TopicChoice {
        self.0.map_or(TopicChoice::Mixed, TopicChoice::Topic)
    }
}

impl From<TopicChoice> for ChoiceKey {
    fn from(choice: TopicChoice) -> Self {
        match choice {
            TopicChoice::Topic(topic) => ChoiceKey(Some(topic)),
            TopicChoice::Mixed => ChoiceKey(None),
        }
    }
}

impl Serialize for ChoiceKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ChoiceKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match text.as_str() {
            "mixed" => Ok(ChoiceKey(None)),
            word => Topic::parse(word)
                .map(|t| ChoiceKey(Some(t)))
                .ok_or_else(|| serde::de::Error::custom(format!("unknown topic \"{word}\""))),
        }
    }
}

/// Sessions and answers for one topic choice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicCounts {
    /// Sessions started with this choice.
    pub sessions: u32,
    /// Of those, sessions that reached the end card.
    pub completed: u32,
    /// Questions answered in them.
    pub answered: u32,
    /// Of those, answered right.
    pub right: u32,
}

/// One question's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionCounts {
    /// Times it was answered.
    pub asked: u32,
    /// Times it was answered right.
    pub right: u32,
    /// Wrong answers by what was chosen: the chosen option ids, sorted, joined by `+` (`B`,
    /// `A+C`), so a multiple-choice slip shows the whole combination. Adds up to `asked − right`.
    pub wrong: BTreeMap<String, u32>,
}

/// Sessions by the language they ended in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangCounts {
    /// Chinese.
    pub zh: u32,
    /// English.
    pub en: u32,
}

impl LangCounts {
    /// The count for `lang`.
    pub fn get(&self, lang: Lang) -> u32 {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// The anonymous counts of one kiosk (or, merged, of several) since a chosen date.
/// `KioskStats::default()` counts nothing and is the identity of [`KioskStats::merge`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskStats {
    /// The date counting started (the earliest, once merged); `None` for no counts at all.
    pub since: Option<Date>,
    /// The branch names the counts come from.
    pub branches: BTreeSet<String>,
    /// The version of every bank a counted question came from.
    pub banks: BankVersions,
    /// Sessions started (every recorded outcome).
    pub started: u32,
    /// Sessions that reached the end card.
    pub completed: u32,
    /// Questions answered, in all sessions.
    pub answered: u32,
    /// Of those, answered right.
    pub right: u32,
    /// Completed sessions by questions per session, then by right answers (`0..=total`).
    pub scores: BTreeMap<u32, Vec<u32>>,
    /// Sessions by what the customer chose to be asked about.
    pub topics: BTreeMap<ChoiceKey, TopicCounts>,
    /// Each question's counts, by progress key (`bank/question`).
    pub questions: BTreeMap<String, QuestionCounts>,
    /// Sessions by the (Beijing) hour they started, 0–23.
    pub hours: [u32; 24],
    /// Sessions by the (Beijing) date they started.
    pub days: BTreeMap<Date, u32>,
    /// Sessions that ended in elder mode.
    pub elder: u32,
    /// Sessions by the language they ended in.
    pub langs: LangCounts,
    /// Prize codes shown on an end card.
    pub prizes_issued: u32,
    /// Prize codes staff marked redeemed (in this period, whenever issued).
    pub prizes_redeemed: u32,
}

/// Why an outcome was not counted (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// A bank changed version since counting started: the counts of its questions would mix two
    /// editions ([`StatsPeriods::record`] then starts a new period).
    #[error("bank {bank} is version {now}, the counts were made with version {counted}")]
    BankChanged {
        /// The bank.
        bank: BankId,
        /// The version in the counts.
        counted: u64,
        /// The version the outcome was answered with.
        now: u64,
    },
    /// An answered question's bank is not among the versions given.
    #[error("no version given for bank {0}")]
    UnknownBank(String),
    /// The hour is not 0–23.
    #[error("hour {0} is not 0–23")]
    BadHour(u8),
    /// The outcome is dated before the period started.
    #[error("{date} is before the period that started {since}")]
    BeforePeriod {
        /// The outcome's date.
        date: Date,
        /// The period's start.
        since: Date,
    },
}

/// Two sets of counts made with different versions of one bank.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bank {bank}: version {ours} and version {theirs}")]
pub struct VersionConflict {
    /// The bank.
    pub bank: BankId,
    /// The version in the counts merged into.
    pub ours: u64,
    /// The version in the counts merged in.
    pub theirs: u64,
}

/// Adds counts from files, which could be anything: saturating rather than overflowing.
fn add(count: &mut u32, more: u32) {
    *count = count.saturating_add(more);
}

impl KioskStats {
    /// No counts yet, for a period starting on `since` at the branch `branch`.
    pub fn new(since: Date, branch: &str) -> KioskStats {
        KioskStats {
            since: Some(since),
            branches: BTreeSet::from([branch.to_owned()]),
            ..KioskStats::default()
        }
    }

    /// Adds one session's outcome to the counts. `versions` are the loaded banks' versions.
    /// On an error nothing is counted.
    pub fn record(
        &mut self,
        outcome: &Outcome,
        versions: &BankVersions,
    ) -> Result<(), RecordError> {
        let hour = usize::from(outcome.hour);
        if hour >= self.hours.len() {
            return Err(RecordError::BadHour(outcome.hour));
        }
        if let Some(since) = self.since.filter(|&s| outcome.date < s) {
            return Err(RecordError::BeforePeriod {
                date: outcome.date,
                since,
            });
        }
        let mut used = BankVersions::new();
        for answer in &outcome.answers {
            let bank = answer
                .key
                .split_once('/')
                .map_or(answer.key.as_str(), |(b, _)| b);
            let bank = BankId::from(bank);
            let &now = versions
                .get(&bank)
                .ok_or_else(|| RecordError::UnknownBank(bank.to_string()))?;
            if let Some(&counted) = self.banks.get(&bank).filter(|&&c| c != now) {
                return Err(RecordError::BankChanged { bank, counted, now });
            }
            used.insert(bank, now);
        }
        self.banks.extend(used);
        self.since.get_or_insert(outcome.date);
        let right = outcome.correct();
        let answered = u32::try_from(outcome.answers.len()).unwrap_or(u32::MAX);
        self.started += 1;
        self.answered += answered;
        self.right += right;
        let topic = self.topics.entry(outcome.choice.into()).or_default();
        topic.sessions += 1;
        topic.answered += answered;
        topic.right += right;
        if outcome.completed {
            self.completed += 1;
            topic.completed += 1;
            let total = outcome.total.max(right);
            let scores = self.scores.entry(total).or_default();
            scores.resize(scores.len().max(total as usize + 1), 0);
            if let Some(n) = scores.get_mut(right as usize) {
                *n += 1;
            }
        }
        for answer in &outcome.answers {
            let question = self.questions.entry(answer.key.clone()).or_default();
            question.asked += 1;
            if answer.correct {
                question.right += 1;
            } else {
                let mut chosen: Vec<&str> = answer.chosen.iter().map(|o| o.as_str()).collect();
                chosen.sort_unstable();
                *question.wrong.entry(chosen.join("+")).or_default() += 1;
            }
        }
        self.hours[hour] += 1;
        *self.days.entry(outcome.date).or_default() += 1;
        self.elder += u32::from(outcome.elder);
        match outcome.lang {
            Lang::Zh => self.langs.zh += 1,
            Lang::En => self.langs.en += 1,
        }
        self.prizes_issued += u32::from(outcome.prize_issued);
        Ok(())
    }

    /// Counts one prize code marked redeemed by staff.
    pub fn record_redeemed(&mut self) {
        self.prizes_redeemed += 1;
    }

    /// Adds `other`'s counts to these. Refuses (changing nothing) if a bank was counted with
    /// another version; merging is associative and commutative, and the default is its identity.
    pub fn merge(&mut self, other: &KioskStats) -> Result<(), VersionConflict> {
        for (bank, &theirs) in &other.banks {
            if let Some(&ours) = self.banks.get(bank).filter(|&&v| v != theirs) {
                let bank = bank.clone();
                return Err(VersionConflict { bank, ours, theirs });
            }
        }
        self.since = match (self.since, other.since) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.branches.extend(other.branches.iter().cloned());
        self.banks
            .extend(other.banks.iter().map(|(b, &v)| (b.clone(), v)));
        add(&mut self.started, other.started);
        add(&mut self.completed, other.completed);
        add(&mut self.answered, other.answered);
        add(&mut self.right, other.right);
        for (&total, counts) in &other.scores {
            let ours = self.scores.entry(total).or_default();
            ours.resize(ours.len().max(counts.len()), 0);
            ours.iter_mut().zip(counts).for_each(|(a, b)| add(a, *b));
        }
        for (&key, t) in &other.topics {
            let ours = self.topics.entry(key).or_default();
            add(&mut ours.sessions, t.sessions);
            add(&mut ours.completed, t.completed);
            add(&mut ours.answered, t.answered);
            add(&mut ours.right, t.right);
        }
        for (key, q) in &other.questions {
            let ours = self.questions.entry(key.clone()).or_default();
            add(&mut ours.asked, q.asked);
            add(&mut ours.right, q.right);
            for (choice, n) in &q.wrong {
                add(ours.wrong.entry(choice.clone()).or_default(), *n);
            }
        }
        self.hours
            .iter_mut()
            .zip(other.hours)
            .for_each(|(a, b)| add(a, b));
        for (&day, n) in &other.days {
            add(self.days.entry(day).or_default(), *n);
        }
        add(&mut self.elder, other.elder);
        add(&mut self.langs.zh, other.langs.zh);
        add(&mut self.langs.en, other.langs.en);
        add(&mut self.prizes_issued, other.prizes_issued);
        add(&mut self.prizes_redeemed, other.prizes_redeemed);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::bank::OptionId;
    use crate::domain::kiosk::outcome::Answered;
    use crate::domain::rng::Rng;

    pub(crate) fn day(d: u8) -> Date {
        Date::new(2025, 3, d).unwrap()
    }

    pub(crate) fn versions() -> BankVersions {
        BankVersions::from([("fraud".into(), 2), ("privacy".into(), 3)])
    }

    fn answer(key: &str, chosen: &[&str], correct: bool) -> Answered {
        Answered {
            key: key.into(),
            chosen: chosen.iter().map(|&c| OptionId::from(c)).collect(),
            correct,
        }
    }

    /// Session `i` of a scripted day: every value a function of `i`, so the counts are known.
    pub(crate) fn scripted(i: u32) -> Outcome {
        let questions = [
            "fraud/q1",
            "fraud/q2",
            "privacy/q1",
            "privacy/q2",
            "fraud/q3",
        ];
        let completed = i % 6 != 5; // 5 of every 6 finish
        let answered = if completed { 5 } else { (i % 5) as usize };
        Outcome {
            date: day(1 + (i % 3) as u8),
            hour: 9 + (i % 4) as u8,
            choice: match i % 3 {
                0 => TopicChoice::Topic(Topic::Fraud),
                1 => TopicChoice::Topic(Topic::Privacy),
                _ => TopicChoice::Mixed,
            },
            total: 5,
            // Question n is right unless n < i % 4; a wrong one chose "b", or "a+c" on q2.
            answers: (0..answered)
                .map(|n| {
                    let key = questions[n];
                    let right = n as u32 >= i % 4;
                    let wrong: &[&str] = if n == 1 { &["c", "a"] } else { &["b"] };
                    answer(key, if right { &["a"] } else { wrong }, right)
                })
                .collect(),
            completed,
            elder: i.is_multiple_of(5),
            lang: if i.is_multiple_of(10) {
                Lang::En
            } else {
                Lang::Zh
            },
            prize_issued: completed && i.is_multiple_of(4),
        }
    }

    pub(crate) fn thirty() -> KioskStats {
        let mut stats = KioskStats::new(day(1), "Main St");
        for i in 0..30 {
            stats.record(&scripted(i), &versions()).unwrap();
        }
        stats
    }

    #[test]
    fn recording_30_scripted_outcomes_gives_exactly_the_expected_counts() {
        let stats = thirty();
        // Sessions 5, 11, 17, 23, 29 (all "mixed") walked away after 0, 1, 2, 3, 4 answers.
        assert_eq!((stats.started, stats.completed), (30, 25));
        assert_eq!(stats.answered, 25 * 5 + 10);
        // Completed session i gets 5 − i % 4 right; i % 4 = 0, 1, 2, 3 for 8, 5, 7, 5 of them.
        assert_eq!(stats.scores[&5], vec![0, 0, 5, 7, 5, 8]);
        // 8·5 + 5·4 + 7·3 + 5·2 = 91, and the walk-aways got 0 + 0 + 1 + 0 + 3 right.
        assert_eq!(stats.right, 95);
        let fraud = &stats.topics[&ChoiceKey(Some(Topic::Fraud))];
        assert_eq!((fraud.sessions, fraud.completed), (10, 10));
        let mixed = &stats.topics[&ChoiceKey(None)];
        assert_eq!((mixed.sessions, mixed.completed), (10, 5));
        // q1 is asked in 25 + 4 sessions, wrong whenever i % 4 > 0 (17 + 4 times).
        let q1 = &stats.questions["fraud/q1"];
        assert_eq!((q1.asked, q1.right), (29, 8));
        assert_eq!(q1.wrong, BTreeMap::from([("b".to_owned(), 21)]));
        // q2 is asked in 25 + 3 sessions, wrong when i % 4 ≥ 2 (12 + 1 times), always "a" and "c".
        let q2 = &stats.questions["fraud/q2"];
        assert_eq!((q2.asked, q2.right), (28, 15));
        assert_eq!(q2.wrong, BTreeMap::from([("a+c".to_owned(), 13)]));
        assert_eq!(&stats.hours[9..13], &[8, 8, 7, 7]);
        assert_eq!(stats.hours.iter().sum::<u32>(), 30);
        assert_eq!(
            stats.days.values().copied().collect::<Vec<_>>(),
            vec![10, 10, 10]
        );
        assert_eq!((stats.elder, stats.langs.zh, stats.langs.en), (6, 27, 3));
        assert_eq!(stats.prizes_issued, 8); // i = 0, 4, …, 28, all completed
        assert_eq!(stats.banks, versions());
        stats.check().unwrap();
    }

    #[test]
    fn a_changed_bank_version_is_refused_and_nothing_is_counted() {
        let mut stats = thirty();
        let before = stats.clone();
        let mut newer = versions();
        newer.insert("fraud".into(), 3);
        let err = stats.record(&scripted(0), &newer).unwrap_err();
        assert_eq!(
            err,
            RecordError::BankChanged {
                bank: "fraud".into(),
                counted: 2,
                now: 3
            }
        );
        assert_eq!(stats, before);
        let early = Outcome {
            date: Date::new(2025, 2, 28).unwrap(),
            ..scripted(0)
        };
        assert!(matches!(
            stats.record(&early, &versions()),
            Err(RecordError::BeforePeriod { .. })
        ));
        let late = Outcome {
            hour: 24,
            ..scripted(0)
        };
        assert_eq!(
            stats.record(&late, &versions()),
            Err(RecordError::BadHour(24))
        );
        assert_eq!(stats, before);
    }

    /// Counts from a seeded mix of outcomes on one of three branches.
    fn random_stats(seed: u64) -> KioskStats {
        let mut rng = Rng::new(seed);
        let mut stats = KioskStats::new(day(1 + rng.below(3) as u8), ["A", "B", "C"][rng.below(3)]);
        for _ in 0..rng.below(12) {
            let mut outcome = scripted(rng.below(1000) as u32);
            outcome.date = outcome.date.max(stats.since.unwrap());
            stats.record(&outcome, &versions()).unwrap();
        }
        if rng.below(2) == 0 {
            stats.record_redeemed();
        }
        stats
    }

    fn merged(parts: &[&KioskStats]) -> KioskStats {
        let mut all = KioskStats::default();
        for part in parts {
            all.merge(part).unwrap();
        }
        all
    }

    #[test]
    fn merging_is_commutative_and_associative_and_keeps_the_counts_possible() {
        for seed in 0..60 {
            let (a, b, c) = (
                random_stats(seed),
                random_stats(seed + 100),
                random_stats(seed + 200),
            );
            assert_eq!(merged(&[&a, &b]), merged(&[&b, &a]), "seed {seed}");
            let ab_c = merged(&[&merged(&[&a, &b]), &c]);
            let a_bc = merged(&[&a, &merged(&[&b, &c])]);
            assert_eq!(ab_c, a_bc, "seed {seed}");
            ab_c.check().unwrap();
        }
    }

    #[test]
    fn merging_with_nothing_changes_nothing() {
        for seed in 0..30 {
            let a = random_stats(seed);
            let mut with_empty = a.clone();
            with_empty.merge(&KioskStats::default()).unwrap();
            assert_eq!(with_empty, a);
            assert_eq!(merged(&[&KioskStats::default(), &a]), a);
        }
    }

    #[test]
    fn merging_another_version_of_a_bank_is_refused_and_changes_nothing() {
        let mut a = thirty();
        let before = a.clone();
        let mut b = thirty();
        b.banks.insert("privacy".into(), 4);
        let err = a.merge(&b).unwrap_err();
        assert_eq!(
            err,
            VersionConflict {
                bank: "privacy".into(),
                ours: 3,
                theirs: 4
            }
        );
        assert_eq!(a, before);
    }
}
