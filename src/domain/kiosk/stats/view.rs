//! What staff and head office see of the counts: every count under 5 suppressed, and the CSV.
//!
//! **The suppression rule.** A count under 5 (0 included) is never shown: its [`Cell`] is
//! [`Cell::Under5`], written "<5". A percentage ([`Share`]) is computed from the exact counts but
//! shown only when its denominator is 5 or more *and* its numerator is 5 or more: with a
//! denominator under 5 there is no percentage ([`Share::NoBase`], "—"), and with a numerator under
//! 5 the percentage would give the small count away, so it is shown as [`Share::Under5`] ("<5").
//! This is a cell rule: it does not hide a small count that could be worked out by subtracting
//! two shown counts (the counts are of answers and sessions, never of named people).
//!
//! Nothing here reads the exact counts back out of a view: the panel, the CSV and the printed
//! report are all made from [`StatsView`].

use super::{ChoiceKey, KioskStats};
use crate::domain::bank::{OptionId, Question};
use crate::domain::date::Date;
use crate::domain::text::Lang;

/// Counts under this are suppressed.
pub const SUPPRESS_UNDER: u32 = 5;

/// A count as shown: exact, or "<5".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// 5 or more, shown as is.
    Exact(u32),
    /// Under 5 (0 included), shown as "<5".
    Under5,
}

impl Cell {
    /// The shown form of `count`.
    pub fn of(count: u32) -> Cell {
        if count < SUPPRESS_UNDER {
            Cell::Under5
        } else {
            Cell::Exact(count)
        }
    }

    /// The count, if it may be shown.
    pub fn exact(self) -> Option<u32> {
        match self {
            Cell::Exact(n) => Some(n),
            Cell::Under5 => None,
        }
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Exact(n) => write!(f, "{n}"),
            Cell::Under5 => f.write_str("<5"),
        }
    }
}

/// A percentage as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    /// Whole percent, rounded to nearest.
    Percent(u32),
    /// The numerator is under 5: the percentage would give it away.
    Under5,
    /// The denominator is under 5: no percentage.
    NoBase,
}

impl Share {
    /// `part` of `whole`, under the suppression rule.
    pub fn of(part: u32, whole: u32) -> Share {
        if whole < SUPPRESS_UNDER {
            Share::NoBase
        } else if part < SUPPRESS_UNDER {
            Share::Under5
        } else {
            let percent = (u64::from(part) * 100 + u64::from(whole) / 2) / u64::from(whole);
            Share::Percent(u32::try_from(percent).unwrap_or(u32::MAX))
        }
    }

    /// The percentage, if it may be shown.
    pub fn percent(self) -> Option<u32> {
        match self {
            Share::Percent(p) => Some(p),
            _ => None,
        }
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Share::Percent(p) => write!(f, "{p}%"),
            Share::Under5 => f.write_str("<5"),
            Share::NoBase => f.write_str("—"),
        }
    }
}

/// One topic choice's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicRow {
    /// The choice.
    pub choice: ChoiceKey,
    /// Sessions started with it.
    pub sessions: Cell,
    /// Share of its answers that were right.
    pub accuracy: Share,
}

/// One question's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRow {
    /// Its progress key (`bank/question`).
    pub key: String,
    /// Times answered.
    pub asked: Cell,
    /// Times answered wrong.
    pub wrong: Cell,
    /// Share answered right.
    pub right: Share,
    /// The wrong choices (option ids joined by `+`), most chosen first.
    pub wrong_choices: Vec<(String, Cell)>,
}

/// The suppressed view of the counts, for the panel, the CSV and the printed report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsView {
    /// The branch names.
    pub branches: Vec<String>,
    /// The period: its first day, and the last day with a session.
    pub period: Option<(Date, Date)>,
    /// Sessions started.
    pub started: Cell,
    /// Sessions completed.
    pub completed: Cell,
    /// Completed of started.
    pub completion: Share,
    /// Right of all answers (each answer weighs the same).
    pub accuracy: Share,
    /// Completed sessions by questions per session, then by right answers (`0..=total`).
    pub scores: Vec<(u32, Vec<Cell>)>,
    /// Per topic choice, most sessions first.
    pub topics: Vec<TopicRow>,
    /// Per question, most wrong answers first.
    pub questions: Vec<QuestionRow>,
    /// Sessions by hour of day, 0–23.
    pub hours: Vec<Cell>,
    /// Sessions by day.
    pub days: Vec<(Date, Cell)>,
    /// Sessions in elder mode, and their share.
    pub elder: (Cell, Share),
    /// Sessions by language, and their share.
    pub langs: Vec<(Lang, Cell, Share)>,
    /// Prize codes issued.
    pub prizes_issued: Cell,
    /// Prize codes redeemed.
    pub prizes_redeemed: Cell,
}

impl KioskStats {
    /// The counts as they may be shown.
    pub fn view(&self) -> StatsView {
        let mut topics: Vec<_> = self.topics.iter().collect();
        topics.sort_by_key(|(key, t)| (std::cmp::Reverse(t.sessions), **key));
        let mut questions: Vec<_> = self.questions.iter().collect();
        questions.sort_by_key(|(key, q)| (std::cmp::Reverse(q.asked - q.right.min(q.asked)), *key));
        let last = self.days.last_key_value().map(|(&d, _)| d);
        StatsView {
            branches: self.branches.iter().cloned().collect(),
            period: self
                .since
                .map(|since| (since, last.unwrap_or(since).max(since))),
            started: Cell::of(self.started),
            completed: Cell::of(self.completed),
            completion: Share::of(self.completed, self.started),
            accuracy: Share::of(self.right, self.answered),
            scores: self
                .scores
                .iter()
                .map(|(&total, counts)| {
                    let cells = (0..=total as usize)
                        .map(|right| Cell::of(counts.get(right).copied().unwrap_or(0)))
                        .collect();
                    (total, cells)
                })
                .collect(),
            topics: topics
                .into_iter()
                .map(|(&choice, t)| TopicRow {
                    choice,
                    sessions: Cell::of(t.sessions),
                    accuracy: Share::of(t.right, t.answered),
                })
                .collect(),
            questions: questions
                .into_iter()
                .map(|(key, q)| {
                    let mut wrong: Vec<_> = q.wrong.iter().collect();
                    wrong.sort_by_key(|(choice, &n)| (std::cmp::Reverse(n), *choice));
                    QuestionRow {
                        key: key.clone(),
                        asked: Cell::of(q.asked),
                        wrong: Cell::of(q.asked.saturating_sub(q.right)),
                        right: Share::of(q.right, q.asked),
                        wrong_choices: wrong
                            .into_iter()
                            .map(|(choice, &n)| (choice.clone(), Cell::of(n)))
                            .collect(),
                    }
                })
                .collect(),
            hours: self.hours.iter().map(|&n| Cell::of(n)).collect(),
            days: self.days.iter().map(|(&d, &n)| (d, Cell::of(n))).collect(),
            elder: (Cell::of(self.elder), Share::of(self.elder, self.started)),
            langs: Lang::ALL
                .into_iter()
                .map(|lang| {
                    let n = self.langs.get(lang);
                    (lang, Cell::of(n), Share::of(n, self.started))
                })
                .collect(),
            prizes_issued: Cell::of(self.prizes_issued),
            prizes_redeemed: Cell::of(self.prizes_redeemed),
        }
    }
}

/// A question most often missed, with the wrong answer most chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed<'a> {
    /// The question's row.
    pub question: &'a QuestionRow,
    /// The wrong choice most often made, and how often.
    pub chosen: Option<&'a (String, Cell)>,
}

impl StatsView {
    /// The `n` questions answered wrong most often (ties by key), each with the wrong answer
    /// people chose most. Questions never answered wrong are not "missed".
    pub fn most_missed(&self, n: usize) -> Vec<Missed<'_>> {
        self.questions
            .iter()
            .filter(|q| !q.wrong_choices.is_empty())
            .take(n)
            .map(|question| Missed {
                question,
                chosen: question.wrong_choices.first(),
            })
            .collect()
    }

    /// The view as CSV, one row per shown value: `measure,key,count,share`.
    pub fn to_csv(&self) -> String {
        let mut rows = vec![["measure", "key", "count", "share"].map(String::from)];
        let mut row = |measure: &str, key: &str, count: Option<Cell>, share: Option<Share>| {
            rows.push([
                measure.to_owned(),
                key.to_owned(),
                count.map(|c| c.to_string()).unwrap_or_default(),
                share.map(|s| s.to_string()).unwrap_or_default(),
            ]);
        };
        let (from, to) = self
            .period
            .map_or((String::new(), String::new()), |(a, b)| {
                (a.to_string(), b.to_string())
            });
        row("branches", &self.branches.join("; "), None, None);
        row("period", &format!("{from}..{to}"), None, None);
        row("sessions started", "", Some(self.started), None);
        row(
            "sessions completed",
            "",
            Some(self.completed),
            Some(self.completion),
        );
        row("accuracy", "", None, Some(self.accuracy));
        for (total, cells) in &self.scores {
            for (right, &cell) in cells.iter().enumerate() {
                row("score", &format!("{right}/{total}"), Some(cell), None);
            }
        }
        for t in &self.topics {
            row(
                "topic",
                t.choice.as_str(),
                Some(t.sessions),
                Some(t.accuracy),
            );
        }
        for q in &self.questions {
            row("question", &q.key, Some(q.asked), Some(q.right));
            for (choice, cell) in &q.wrong_choices {
                row(
                    "wrong choice",
                    &format!("{} {choice}", q.key),
                    Some(*cell),
                    None,
                );
            }
        }
        for (hour, &cell) in self.hours.iter().enumerate() {
            row("hour", &format!("{hour:02}"), Some(cell), None);
        }
        for (day, cell) in &self.days {
            row("day", &day.to_string(), Some(*cell), None);
        }
        row("elder mode", "", Some(self.elder.0), Some(self.elder.1));
        for (lang, cell, share) in &self.langs {
            row("language", lang.code(), Some(*cell), Some(*share));
        }
        row("prize codes issued", "", Some(self.prizes_issued), None);
        row("prize codes redeemed", "", Some(self.prizes_redeemed), None);
        rows.iter()
            .map(|r| r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\r\n")
            .collect()
    }
}

/// A CSV field, quoted when it must be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A wrong choice as counted (`b`, `a+c`) in words: each chosen option's text in `lang`, joined
/// as a list; an id the question no longer has stays as it is.
pub fn choice_text(question: &Question, choice: &str, lang: Lang) -> String {
    choice
        .split('+')
        .map(|id| {
            question
                .option(&OptionId::from(id))
                .map_or_else(|| id.to_owned(), |o| o.text.get(lang).to_owned())
        })
        .collect::<Vec<_>>()
        .join(lang.list_separator())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kiosk::stats::tests::thirty;

    #[test]
    fn a_wrong_choice_reads_as_the_texts_of_the_options_chosen() {
        let bytes = std::fs::read("quizzes/fraud.json").unwrap();
        let bank = crate::domain::bank::parse_bank_on_device("fraud.json", &bytes)
            .bank
            .unwrap();
        let q = &bank.questions[0];
        let (a, b) = (&q.options[0], &q.options[1]);
        let choice = format!("{}+{}", a.id.as_str(), b.id.as_str());
        assert_eq!(
            choice_text(q, &choice, Lang::Zh),
            format!("{}、{}", a.text.zh, b.text.zh)
        );
        assert_eq!(
            choice_text(q, "zz", Lang::En),
            "zz",
            "an id no longer there"
        );
    }

    #[test]
    fn counts_under_five_are_shown_as_under_5() {
        assert_eq!(Cell::of(0), Cell::Under5);
        assert_eq!(Cell::of(4), Cell::Under5);
        assert_eq!(Cell::of(5), Cell::Exact(5));
        let view = thirty().view();
        assert_eq!(view.langs[1].1, Cell::Under5); // 3 in English
        assert_eq!(view.hours[0], Cell::Under5);
        assert_eq!(view.hours[9], Cell::Exact(8));
        assert_eq!(view.elder.0, Cell::Exact(6));
    }

    #[test]
    fn percentages_need_a_denominator_and_a_numerator_of_five_or_more() {
        assert_eq!(Share::of(3, 4), Share::NoBase);
        assert_eq!(Share::of(4, 100), Share::Under5);
        assert_eq!(Share::of(5, 8), Share::Percent(63));
        let view = thirty().view();
        assert_eq!(view.completion, Share::Percent(83));
        assert_eq!(view.langs[1].2, Share::Under5);
        assert_eq!(view.accuracy, Share::Percent(70)); // 95 of 135
    }

    #[test]
    fn most_missed_lists_questions_by_wrong_answers_with_the_wrong_choice() {
        let view = thirty().view();
        let missed = view.most_missed(5);
        let keys: Vec<&str> = missed.iter().map(|m| m.question.key.as_str()).collect();
        assert_eq!(keys[..2], ["fraud/q1", "fraud/q2"]);
        assert_eq!(missed[0].question.wrong, Cell::Exact(21));
        assert_eq!(missed[1].chosen, Some(&("a+c".to_owned(), Cell::Exact(13))));
        assert!(missed.len() <= 5);
    }

    #[test]
    fn the_csv_shows_no_count_under_five() {
        let csv = thirty().view().to_csv();
        assert!(csv.starts_with("measure,key,count,share\r\n"), "{csv}");
        assert!(csv.contains("language,en,<5,<5\r\n"), "{csv}");
        assert!(csv.contains("sessions completed,,25,83%\r\n"), "{csv}");
        for line in csv.lines().skip(1) {
            let count = line.split(',').nth(2).unwrap_or("");
            if let Ok(n) = count.parse::<u32>() {
                assert!(n >= 5, "{line}");
            }
        }
    }
}
