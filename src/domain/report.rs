//! What a finished round reports: right answers by topic, the entry it leaves in the history, and
//! the advice of the results screen (what to study next). It sits above the library, which knows
//! each question's bank and so its topic; the points themselves are `score`'s.

use crate::domain::bank::Topic;
use crate::domain::date::Date;
use crate::domain::history::{RoundRecord, TopicScore};
use crate::domain::library::{Library, RoundKind};
use crate::domain::order::sort_by_number;
use crate::domain::score::points;
use crate::domain::session::Session;

/// The answered part of `session` by topic, in topic order (questions whose bank is not in
/// `library` are left out).
pub fn by_topic(session: &Session, library: &Library) -> Vec<TopicScore> {
    let mut scores: Vec<TopicScore> = Vec::new();
    for (item, answer) in session.items().iter().zip(session.answers()) {
        let Some(topic) = library.bank(&item.bank).map(|b| b.topic) else {
            continue;
        };
        let correct = u32::from(answer.correct);
        match scores.iter_mut().find(|s| s.topic == topic) {
            Some(s) => {
                s.correct += correct;
                s.total += 1;
            }
            None => scores.push(TopicScore {
                topic,
                correct,
                total: 1,
            }),
        }
    }
    sort_by_number(&mut scores, |s| s.topic as u64);
    scores
}

/// The history entry of a finished `session` of `kind`.
pub fn record(
    kind: &RoundKind,
    session: &Session,
    library: &Library,
    date: Date,
    seconds: u32,
) -> RoundRecord {
    let parts = by_topic(session, library);
    let accuracy = u32::try_from(session.accuracy_percent()).unwrap_or(0);
    RoundRecord {
        date,
        topics: parts.iter().map(|p| p.topic).collect(),
        total: u32::try_from(session.total()).unwrap_or(u32::MAX),
        correct: u32::try_from(session.correct()).unwrap_or(u32::MAX),
        seconds,
        label: kind.label(),
        points: points(session.answers()),
        parts,
        passed: kind.pass_percent().map(|pass| accuracy >= pass),
    }
}

/// One piece of advice on the results screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// Practise this topic next: its accuracy was the lowest, and under the pass mark.
    StudyTopic(Topic),
    /// Questions wait in the wrong-answer book.
    ReviewBook(usize),
    /// Questions are due for review today.
    ReviewDue(usize),
    /// Everything at or over the pass mark: keep going, and share with the family.
    WellDone,
}

/// What to study next: the weakest topic under `pass_percent` (ties go to the topic with more
/// questions asked), then the wrong-answer book, then due reviews; or well done.
pub fn advice(scores: &[TopicScore], pass_percent: u32, in_book: usize, due: usize) -> Vec<Advice> {
    let mut out = Vec::new();
    let weakest = scores
        .iter()
        .filter(|s| s.total > 0 && s.percent() < pass_percent)
        .min_by_key(|s| (s.percent(), std::cmp::Reverse(s.total)));
    if let Some(s) = weakest {
        out.push(Advice::StudyTopic(s.topic));
    }
    if in_book > 0 {
        out.push(Advice::ReviewBook(in_book));
    }
    if due > 0 {
        out.push(Advice::ReviewDue(due));
    }
    if weakest.is_none() {
        out.insert(0, Advice::WellDone);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands the quiz `session` in, each item answered right (`y`) or wrong (`n`) by `pattern`.
    fn hand_in_as(session: &mut Session, library: &Library, pattern: &str) {
        let quiz = session.quiz_mut().unwrap();
        for (i, verdict) in pattern.chars().enumerate() {
            quiz.go_to(i).unwrap();
            let item = quiz.items()[i].clone();
            let q = library.question(&item.bank, &item.question).unwrap();
            let wrong = q
                .options
                .iter()
                .find(|o| !q.answer.contains(&o.id))
                .unwrap();
            let ticks = if verdict == 'y' {
                q.answer.clone()
            } else {
                vec![wrong.id.clone()]
            };
            for option in &ticks {
                quiz.toggle(q.kind, option).unwrap();
            }
        }
        quiz.hand_in(|item| library.question(&item.bank, &item.question))
            .unwrap();
    }

    fn rights_library(day: Date) -> Library {
        let text = std::fs::read("quizzes/rights.json").unwrap();
        let bank = crate::domain::bank::parse_bank("rights.json", &text, day)
            .bank
            .unwrap();
        let mut library = Library::default();
        library.insert(std::sync::Arc::new(bank));
        library
    }

    #[test]
    fn accuracy_is_independent_of_the_order_points_depend_on() {
        use crate::domain::plan::Plan;
        use crate::domain::progress::Progress;
        let day = Date::new(2026, 11, 26).unwrap();
        let library = rights_library(day);
        let mut plan = Plan::quiz(vec![]);
        plan.count = Some(8);
        plan.pass_percent = 50;
        let kind = RoundKind::Plan(plan);
        let mut front = library
            .draw(&kind, &Progress::default(), day, 3, 10)
            .unwrap();
        let mut spread = front.clone();
        hand_in_as(&mut front, &library, "yyyynnnn");
        hand_in_as(&mut spread, &library, "ynynynyn");
        assert_eq!(front.accuracy_percent(), 50);
        assert_eq!(spread.accuracy_percent(), 50);
        let a = record(&kind, &front, &library, day, 60);
        let b = record(&kind, &spread, &library, day, 60);
        assert_eq!((a.accuracy_percent(), a.passed), (50, Some(true)));
        assert_eq!((b.accuracy_percent(), b.passed), (50, Some(true)));
        assert_eq!(a.parts, b.parts, "the same right answers by topic");
        assert!(a.points > b.points, "{} vs {}", a.points, b.points);
    }

    #[test]
    fn a_finished_quiz_is_recorded_with_its_parts_points_and_verdict() {
        use crate::domain::history::RoundLabel;
        use crate::domain::plan::Plan;
        use crate::domain::progress::Progress;
        let day = Date::new(2026, 11, 26).unwrap();
        let library = rights_library(day);
        let kind = RoundKind::Plan(Plan::quiz(vec![]));
        let mut s = library
            .draw(&kind, &Progress::default(), day, 3, 10)
            .unwrap();
        // Answer the first 8 right, leave the last 2.
        let quiz = s.quiz_mut().unwrap();
        for i in 0..8 {
            quiz.go_to(i).unwrap();
            let item = quiz.items()[i].clone();
            let q = library
                .question(&item.bank, &item.question)
                .unwrap()
                .clone();
            for a in &q.answer {
                quiz.toggle(q.kind, a).unwrap();
            }
        }
        quiz.hand_in(|item| library.question(&item.bank, &item.question))
            .unwrap();
        let r = record(&kind, &s, &library, day, 95);
        assert_eq!((r.correct, r.total, r.accuracy_percent()), (8, 10, 80));
        assert_eq!(r.label, RoundLabel::Quiz);
        assert_eq!(r.passed, Some(true), "80% meets the default pass mark");
        assert_eq!(r.points, points(s.answers()));
        assert_eq!(
            r.parts,
            [TopicScore {
                topic: Topic::Rights,
                correct: 8,
                total: 10
            }]
        );
        let practice = RoundKind::Plan(Plan::practice(vec![]));
        assert_eq!(record(&practice, &s, &library, day, 95).passed, None);
    }

    #[test]
    fn advice_names_the_weakest_topic_under_the_mark_then_the_book() {
        let s = |topic, correct, total| TopicScore {
            topic,
            correct,
            total,
        };
        let scores = [
            s(Topic::Fraud, 4, 5),
            s(Topic::Privacy, 1, 4),
            s(Topic::Investing, 1, 4),
            s(Topic::Rights, 3, 3),
        ];
        assert_eq!(
            advice(&scores[..3], 80, 2, 0),
            [Advice::StudyTopic(Topic::Privacy), Advice::ReviewBook(2)]
        );
        assert_eq!(
            advice(&[scores[0], scores[3]], 80, 0, 3),
            [Advice::WellDone, Advice::ReviewDue(3)]
        );
        assert_eq!(scores[1].percent(), 25);
        assert_eq!(s(Topic::Fraud, 0, 0).percent(), 0);
    }
}
