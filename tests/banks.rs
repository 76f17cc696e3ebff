//! The shipped banks: every file in quizzes/ validates with no errors, and index.json is current.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::{parse_bank, Audience, Bank, BankIndex, Severity, Topic};
use anxin::domain::date::Date;
use anxin::domain::library::{DailySet, Library, RoundKind, DAILY_COUNT};
use anxin::domain::progress::Progress;
use anxin::domain::session::Session;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

fn quizzes() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes")
}

fn shipped() -> Vec<(Bank, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(quizzes())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json") && p.file_name().unwrap() != "index.json"
        })
        .collect();
    files.sort();
    let today = Date::new(2026, 11, 26).unwrap();
    let mut banks = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let report = parse_bank(&name, &bytes, today);
        problems.extend(
            report
                .problems
                .iter()
                .filter(|p| p.severity() == Severity::Error)
                .map(|p| p.line(anxin::domain::text::Lang::En)),
        );
        if let Some(bank) = report.bank {
            banks.push((bank, bytes));
        }
    }
    assert!(
        problems.is_empty(),
        "shipped banks have errors:\n{}",
        problems.join("\n")
    );
    banks
}

#[test]
fn every_shipped_bank_validates_without_errors() {
    let banks = shipped();
    assert!(
        banks.len() >= 2,
        "expected the shipped banks, found {}",
        banks.len()
    );
    for (bank, _) in &banks {
        assert!(
            bank.questions.len() >= 10,
            "{} has only {} questions",
            bank.id,
            bank.questions.len()
        );
    }
}

#[test]
fn index_json_lists_exactly_the_shipped_banks_with_current_hashes() {
    let banks = shipped();
    let refs: Vec<(&Bank, &[u8])> = banks
        .iter()
        .map(|(b, bytes)| (b, bytes.as_slice()))
        .collect();
    let expected = BankIndex::build(&refs);
    let text = std::fs::read_to_string(quizzes().join("index.json")).unwrap();
    let actual = BankIndex::parse(&text).unwrap();
    assert!(
        actual == expected,
        "quizzes/index.json is out of date: run `make banks` to rewrite it"
    );
}

#[test]
fn every_bank_gives_a_full_round_without_repeats() {
    let today = Date::new(2026, 11, 26).unwrap();
    let mut library = Library::default();
    for (bank, _) in shipped() {
        library.insert(std::sync::Arc::new(bank));
    }
    for (bank, _) in shipped() {
        for seed in [1, 2026, u64::MAX] {
            let s = Session::new(&bank, today, seed, 10).unwrap();
            assert_eq!(s.total(), 10, "{}", bank.id);
            assert_eq!(library.check(&s), Ok(()));
            let distinct: HashSet<_> = s.items().iter().map(|i| &i.question).collect();
            assert_eq!(distinct.len(), s.total(), "{} repeats a question", bank.id);
            for item in s.items() {
                let options: HashSet<_> = item.options.iter().collect();
                assert_eq!(options.len(), item.options.len(), "{}", item.question);
            }
        }
        // A round as long as the bank asks every question exactly once.
        let all = Session::new(&bank, today, 7, usize::MAX).unwrap();
        let distinct: HashSet<_> = all.items().iter().map(|i| &i.question).collect();
        assert_eq!(distinct.len(), bank.questions.len(), "{}", bank.id);
        assert_eq!(all.total(), bank.questions.len(), "{}", bank.id);
    }
}

#[test]
fn the_daily_set_spans_every_topic_for_every_group_and_is_the_same_all_day() {
    let mut library = Library::default();
    let mut topics = BTreeSet::new();
    for (bank, _) in shipped() {
        topics.insert(bank.topic);
        library.insert(std::sync::Arc::new(bank));
    }
    assert_eq!(topics.len(), 4);
    let first = Date::new(2026, 11, 26).unwrap();
    for day in 0..366 {
        let date = Date::from_days(first.days_since_epoch() + day);
        for audience in Audience::ALL {
            let set = library.daily_questions(DailySet::new(date, audience));
            assert_eq!(set.len(), DAILY_COUNT, "{date} {audience:?}");
            let spread: BTreeSet<Topic> = set
                .iter()
                .map(|(b, _)| library.bank(b).unwrap().topic)
                .collect();
            assert_eq!(
                spread, topics,
                "{date} {audience:?}: every topic, not a count"
            );
            assert!(set.iter().all(|(_, q)| audience.includes(q)));
        }
    }
    let today = first;
    let kind = RoundKind::Daily(DailySet::new(today, Audience::Everyone));
    let progress = Progress::default();
    let a = library.draw(&kind, &progress, today, 1, 10).unwrap();
    let b = library.draw(&kind, &progress, today, 999, 10).unwrap();
    assert_eq!(a.items(), b.items(), "the daily set ignores the round seed");
    let tomorrow = Date::new(2026, 11, 27).unwrap();
    let c = library
        .draw(
            &RoundKind::Daily(DailySet::new(tomorrow, Audience::Everyone)),
            &progress,
            tomorrow,
            1,
            10,
        )
        .unwrap();
    assert_ne!(a.items(), c.items());
}

/// Whether `text` cites an article ("第二十五条" / "Art. 25" / "Article 25").
fn cites_article(text: &str) -> bool {
    let numerals = "一二三四五六七八九十百零";
    let zh = text.split('第').skip(1).any(|rest| {
        let digits: String = rest.chars().take_while(|c| numerals.contains(*c)).collect();
        !digits.is_empty() && rest[digits.len()..].starts_with('条')
    });
    let en = ["Art. ", "Article "].iter().any(|w| {
        text.match_indices(w)
            .any(|(i, _)| text[i + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
    });
    zh || en
}

#[test]
fn a_lesson_shown_on_its_own_names_the_law_it_cites() {
    // The kiosk's end card and attract tips show an explanation's first sentence alone, without
    // the question or its source: "第二十五条禁止……" must say which law.
    for (bank, _) in shipped() {
        for question in &bank.questions {
            let lesson = anxin::domain::kiosk::lesson(&question.explanation);
            let unnamed = ["条例", "该法", "本法", "The regulations "];
            assert!(
                !unnamed
                    .iter()
                    .any(|w| lesson.zh.starts_with(w) || lesson.en.starts_with(w)),
                "{}: a law not named: {lesson:?}",
                question.id.as_str()
            );
            for text in [&lesson.zh, &lesson.en] {
                if cites_article(text) {
                    assert!(
                        text.contains('《') || text.contains("Law") || text.contains("Regulation"),
                        "{}: {text}",
                        question.id.as_str()
                    );
                }
            }
        }
    }
    assert!(cites_article("第二十五条禁止") && cites_article("Art. 25 forbids"));
    assert!(!cites_article("第一次转账") && !cites_article("Art. of war"));
}
