//! The validator against a corpus of broken banks (tests/broken-banks, written by make.py): each
//! file yields its own specific problem, naming the question and field.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::{parse_bank, BankReport, Problem, ProblemKind, Severity};
use anxin::domain::date::Date;
use anxin::domain::text::Lang;
use std::path::Path;

fn check(name: &str) -> BankReport {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/broken-banks")
        .join(format!("{name}.json"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_bank(
        &format!("{name}.json"),
        &bytes,
        Date::new(2026, 11, 26).unwrap(),
    )
}

/// The only problem of `name`'s report, which must be an error that rejects the bank.
fn only_error(name: &str) -> Problem {
    let report = check(name);
    assert!(
        report.bank.is_none(),
        "{name}: a bank with errors must not load"
    );
    let errors: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.severity() == Severity::Error)
        .collect();
    assert_eq!(
        errors.len(),
        1,
        "{name}: expected one error, got {:#?}",
        report.problems
    );
    errors[0].clone()
}

fn at(p: &Problem, question: Option<&str>, field: &str) {
    assert_eq!(p.question.as_deref(), question, "{p:?}");
    assert_eq!(p.field, field, "{p:?}");
}

#[test]
fn broken_json_names_line_and_column() {
    let p = only_error("syntax");
    match &p.kind {
        ProblemKind::Syntax { line, column, .. } => {
            assert_eq!((*line, *column), (6, 3), "{p:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(p.line(Lang::Zh).contains("第 6 行第 3 列"));
    assert!(p.line(Lang::En).contains("line 6, column 3"));
    assert!(matches!(
        only_error("chinese-quotes").kind,
        ProblemKind::Syntax { .. }
    ));
}

#[test]
fn wrong_encodings_are_named() {
    assert_eq!(only_error("gbk").kind, ProblemKind::NotUtf8);
    assert_eq!(only_error("utf16").kind, ProblemKind::Utf16);
    let bom = check("bom");
    assert!(bom.bank.is_some(), "a UTF-8 BOM is tolerated");
    assert_eq!(bom.problems.len(), 1);
    assert_eq!(bom.problems[0].kind, ProblemKind::ByteOrderMark);
    assert_eq!(bom.problems[0].severity(), Severity::Warning);
}

#[test]
fn unknown_format_is_refused_clearly() {
    let p = only_error("format-2");
    assert_eq!(p.kind, ProblemKind::UnsupportedFormat { found: "2".into() });
    assert!(p.line(Lang::En).contains("reads bank format 1 only"));
    assert_eq!(only_error("no-format").kind, ProblemKind::MissingFormat);
}

#[test]
fn a_misspelt_field_is_an_error_with_a_suggestion() {
    let report = check("unknown-field");
    assert!(report.bank.is_none());
    let unknown = report
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::UnknownField { .. }))
        .unwrap();
    at(unknown, Some("q1"), "explaination");
    assert_eq!(
        unknown.kind,
        ProblemKind::UnknownField {
            name: "explaination".into(),
            suggestion: Some("explanation")
        }
    );
    assert!(unknown
        .line(Lang::En)
        .contains("Did you mean \"explanation\"?"));
    // …and the real field is then missing.
    let missing = report
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Missing)
        .unwrap();
    at(missing, Some("q1"), "explanation");
}

#[test]
fn missing_or_empty_text_names_the_language() {
    let p = only_error("missing-english");
    at(&p, Some("q2"), "prompt.en");
    assert_eq!(p.kind, ProblemKind::Missing);
    let p = only_error("empty-chinese");
    at(&p, Some("q1"), "options[3].text.zh");
    assert_eq!(p.kind, ProblemKind::EmptyText { lang: Lang::Zh });
}

#[test]
fn duplicate_ids_are_caught() {
    let p = only_error("duplicate-id");
    assert_eq!(p.kind, ProblemKind::DuplicateQuestion { id: "q1".into() });
    let p = only_error("duplicate-option");
    at(&p, Some("q1"), "options[3].id");
    assert_eq!(p.kind, ProblemKind::DuplicateOption { id: "a".into() });
}

#[test]
fn answers_must_match_the_options_and_the_type() {
    let p = only_error("answer-not-option");
    at(&p, Some("q1"), "answer");
    assert_eq!(
        p.kind,
        ProblemKind::AnswerNotAnOption { answer: "d".into() }
    );
    assert!(matches!(
        only_error("answer-not-list").kind,
        ProblemKind::WrongType { .. }
    ));
    assert_eq!(
        only_error("single-two-answers").kind,
        ProblemKind::OneAnswerOnly { count: 2 }
    );
    let p = only_error("multiple-one-answer");
    at(&p, Some("q2"), "answer");
    assert_eq!(p.kind, ProblemKind::MultipleNeedsTwo { count: 1 });
}

#[test]
fn option_counts_follow_the_type() {
    let p = only_error("true-false-three-options");
    at(&p, Some("q3"), "options");
    assert_eq!(p.kind, ProblemKind::TrueFalseOptions);
    let p = only_error("one-option");
    assert_eq!(p.kind, ProblemKind::TooFewOptions { count: 1, min: 2 });
}

#[test]
fn explanation_and_source_are_required() {
    let p = only_error("missing-explanation");
    at(&p, Some("q2"), "explanation");
    assert_eq!(p.kind, ProblemKind::Missing);
    let p = only_error("missing-source");
    at(&p, Some("q3"), "source");
    assert_eq!(p.kind, ProblemKind::Missing);
}

#[test]
fn unknown_words_and_bad_values_are_named() {
    assert_eq!(
        only_error("bad-type").kind,
        ProblemKind::UnknownType {
            value: "choice".into()
        }
    );
    assert_eq!(
        only_error("bad-difficulty").kind,
        ProblemKind::OutOfRange {
            value: "5".into(),
            min: 1,
            max: 3
        }
    );
    assert_eq!(
        only_error("bad-audience").kind,
        ProblemKind::UnknownAudience {
            value: "seniors".into()
        }
    );
    assert_eq!(
        only_error("bad-date").kind,
        ProblemKind::BadDate {
            value: "2027-02-30".into()
        }
    );
    let p = only_error("bad-topic");
    at(&p, None, "topic");
    assert_eq!(
        p.kind,
        ProblemKind::UnknownTopic {
            value: "loans".into()
        }
    );
    let p = only_error("wrong-file-name");
    assert_eq!(
        p.kind,
        ProblemKind::IdNotFileName {
            id: "another-name".into(),
            expected: "wrong-file-name".into()
        }
    );
    assert_eq!(only_error("no-questions").kind, ProblemKind::NoQuestions);
}

#[test]
fn expiry_and_length_are_warnings_and_the_bank_still_loads() {
    let report = check("expired");
    let bank = report.bank.expect("expired questions only warn");
    assert_eq!(report.problems.len(), 1);
    at(&report.problems[0], Some("q1"), "valid_until");
    assert!(matches!(
        report.problems[0].kind,
        ProblemKind::Expired { .. }
    ));
    // The app hides the expired question.
    assert_eq!(
        bank.current_questions(Date::new(2026, 11, 26).unwrap())
            .count(),
        2
    );

    let report = check("too-long");
    assert!(report.bank.is_some());
    assert_eq!(report.problems.len(), 1);
    at(&report.problems[0], Some("q1"), "prompt.zh");
    assert_eq!(
        report.problems[0].kind,
        ProblemKind::TooLong {
            lang: Lang::Zh,
            length: 130,
            limit: 120
        }
    );
}

#[test]
fn every_problem_in_a_file_is_reported_not_just_the_first() {
    let report = check("many-problems");
    let kinds: Vec<&ProblemKind> = report.problems.iter().map(|p| &p.kind).collect();
    assert!(report.bank.is_none());
    assert!(
        kinds.contains(&&ProblemKind::UnknownTopic {
            value: "loans".into()
        }),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&&ProblemKind::AnswerNotAnOption { answer: "z".into() }),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&&ProblemKind::EmptyText { lang: Lang::En }),
        "{kinds:?}"
    );
    assert!(kinds.contains(&&ProblemKind::Missing), "{kinds:?}");
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, ProblemKind::UnknownField { .. })),
        "{kinds:?}"
    );
    assert_eq!(report.error_count(), 5, "{kinds:?}");
}

#[test]
fn every_message_reads_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-banks");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        for p in check(&name).problems {
            let zh = p.line(Lang::Zh);
            let en = p.line(Lang::En);
            assert!(zh.contains(&format!("{name}.json")) && en.contains(&format!("{name}.json")));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || en.contains('“'),
                "{en}"
            );
        }
    }
}
