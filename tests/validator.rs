//! The validator against a corpus of broken banks (tests/broken-banks, written by make.py): each
//! file yields its own specific problem, naming the question and field.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::{
    is_numbered, parse_bank, points_at_other_options, shown, BankReport, Problem, ProblemKind,
    Severity, MAX_PROBLEMS,
};
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

/// `name`'s report when the bank still loads (warnings only).
fn loads_with_warnings(name: &str) -> Vec<Problem> {
    let report = check(name);
    assert!(
        report.bank.is_some(),
        "{name}: warnings must not stop a bank: {:#?}",
        report.problems
    );
    assert!(report
        .problems
        .iter()
        .all(|p| p.severity() == Severity::Warning));
    report.problems
}

/// Checks an inline bank built from `base.json` by `edit`.
fn check_edited(edit: impl FnOnce(&mut serde_json::Value)) -> BankReport {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-banks/base.json");
    let mut bank: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    edit(&mut bank);
    parse_bank(
        "base.json",
        serde_json::to_string(&bank).unwrap().as_bytes(),
        Date::new(2026, 11, 26).unwrap(),
    )
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
fn the_base_of_every_broken_bank_has_no_problem() {
    let report = check("base");
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(report.bank.is_some());
}

#[test]
fn a_key_written_twice_is_an_error_not_a_silently_changed_answer() {
    let p = only_error("duplicate-key");
    at(&p, Some("q1"), "answer");
    assert_eq!(
        p.kind,
        ProblemKind::DuplicateKey {
            key: "answer".into(),
            first_line: Some(50),
            line: Some(53),
        }
    );
    assert!(
        p.line(Lang::Zh).contains("第 50 行和第 53 行"),
        "{}",
        p.line(Lang::Zh)
    );
    assert!(
        p.line(Lang::En).contains("lines 50 and 53"),
        "{}",
        p.line(Lang::En)
    );
}

#[test]
fn a_key_written_twice_is_found_at_every_level() {
    let report = check("duplicate-keys");
    assert!(report.bank.is_none());
    let places: Vec<(Option<&str>, &str)> = report
        .problems
        .iter()
        .map(|p| {
            assert!(matches!(p.kind, ProblemKind::DuplicateKey { .. }), "{p:?}");
            (p.question.as_deref(), p.field.as_str())
        })
        .collect();
    assert_eq!(
        places,
        [
            (None, "topic"),
            (Some("q1"), "options[2].text.en"),
            (Some("q1"), "options[3].id"),
            (Some("q3"), "read_aloud.zh"),
        ]
    );
}

#[test]
fn a_key_written_twice_inside_a_list_of_texts_is_found_in_an_inline_bank() {
    // A key spelt with an escape is the same key.
    let text = String::from_utf8(
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-banks/base.json"))
            .unwrap(),
    )
    .unwrap()
    .replacen(
        "\"difficulty\": 2,",
        "\"difficulty\": 2, \"difficult\\u0079\": 3,",
        1,
    );
    let report = parse_bank(
        "base.json",
        text.as_bytes(),
        Date::new(2026, 11, 26).unwrap(),
    );
    let p = report
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::DuplicateKey { .. }))
        .unwrap();
    at(p, Some("q2"), "difficulty");
    assert!(report.bank.is_none());
}

#[test]
fn control_characters_in_text_are_errors_named_visibly() {
    let report = check("control-characters");
    assert!(report.bank.is_none());
    let found: Vec<(Option<&str>, &str, &ProblemKind)> = report
        .problems
        .iter()
        .map(|p| (p.question.as_deref(), p.field.as_str(), &p.kind))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("q1"),
                "prompt.en",
                &ProblemKind::ControlCharacter {
                    lang: Lang::En,
                    character: '\u{1B}',
                    position: 1
                }
            ),
            (
                Some("q1"),
                "options[2].text.zh",
                &ProblemKind::ControlCharacter {
                    lang: Lang::Zh,
                    character: '\u{202E}',
                    position: 3
                }
            ),
            (
                Some("q2"),
                "explanation.zh",
                &ProblemKind::ControlCharacter {
                    lang: Lang::Zh,
                    character: '\u{0}',
                    position: 5
                }
            ),
        ]
    );
    let line = report.problems[1].line(Lang::En);
    assert!(line.contains("\\u{202E}"), "{line}");
    assert!(!line.contains('\u{202E}'), "{line}");
}

#[test]
fn newlines_and_tabs_in_text_are_not_control_characters() {
    let report = check_edited(|b| {
        b["questions"][0]["explanation"]["zh"] = "第一行\n第二行\t完".into();
        b["questions"][0]["explanation"]["en"] = "Line one\r\nline two".into();
    });
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn a_control_character_in_read_aloud_is_an_error_too() {
    let report = check_edited(|b| {
        b["questions"][2]["read_aloud"]["zh"] = "接听\u{7}".into();
    });
    let p = &report.problems[0];
    at(p, Some("q3"), "read_aloud.zh");
    assert!(matches!(
        p.kind,
        ProblemKind::ControlCharacter {
            character: '\u{7}',
            ..
        }
    ));
    assert!(report.bank.is_none());
}

#[test]
fn invisible_characters_and_html_are_warnings() {
    let problems = loads_with_warnings("invisible-character");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    at(&problems[0], Some("q1"), "prompt.zh");
    assert_eq!(
        problems[0].kind,
        ProblemKind::InvisibleCharacter {
            lang: Lang::Zh,
            character: '\u{200B}',
            position: 9
        }
    );
    assert!(problems[0].line(Lang::Zh).contains("\\u{200B}"));

    let problems = loads_with_warnings("html");
    let found: Vec<(Option<&str>, &str, &ProblemKind)> = problems
        .iter()
        .map(|p| (p.question.as_deref(), p.field.as_str(), &p.kind))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("q1"),
                "explanation.en",
                &ProblemKind::HtmlMarkup {
                    lang: Lang::En,
                    markup: "<b>".into()
                }
            ),
            (
                Some("q2"),
                "prompt.zh",
                &ProblemKind::HtmlMarkup {
                    lang: Lang::Zh,
                    markup: "&nbsp;".into()
                }
            ),
        ]
    );
}

#[test]
fn text_that_only_looks_like_markup_is_not_warned() {
    let report = check_edited(|b| {
        b["questions"][0]["explanation"]["zh"] =
            "年化收益率<3%的产品，A & B 两家 <<民法典>>".into();
        b["questions"][0]["explanation"]["en"] = "Returns < 3% and R&D costs; 1 < 2 > 0".into();
    });
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn an_option_that_points_at_other_options_is_an_error() {
    let p = only_error("positional-option");
    at(&p, Some("q2"), "options[4].text.zh");
    assert_eq!(
        p.kind,
        ProblemKind::PositionalOption {
            text: "以上都对".into()
        }
    );
    assert!(p.line(Lang::En).contains("shuffled"));
    assert!(p.line(Lang::Zh).contains("打乱"));
}

#[test]
fn options_pointing_at_others_are_told_from_ordinary_ones() {
    for text in [
        "以上都对",
        "以上都是",
        "以上皆是",
        "以上都不对",
        "以上均不正确",
        "以上说法都正确。",
        "上述选项都不对",
        "都对",
        "A和B",
        "A、C都对",
        "AB都对",
        "选项A和选项B",
        "All of the above",
        "None of the above.",
        "all the above",
        "Both A and B",
        "A and C",
        "Neither A nor B",
        "B or C",
    ] {
        assert!(points_at_other_options(text), "{text}");
    }
    // Found in the shipped banks, or close to them: none of these refers to another option.
    for text in [
        "十年以上有期徒刑",
        "10年以上",
        "以上海为例",
        "两项都免除",
        "Both are waived",
        "Both loans cost the same total interest",
        "A股和B股都可以",
        "Plan A and plan B",
        "Amounts above 50,000 yuan",
        "都不要理会",
    ] {
        assert!(!points_at_other_options(text), "{text}");
    }
}

#[test]
fn an_option_with_its_own_letter_is_a_warning() {
    let problems = loads_with_warnings("numbered-options");
    assert_eq!(problems.len(), 3, "{problems:#?}");
    at(&problems[0], Some("q1"), "options[1].text.zh");
    assert_eq!(
        problems[0].kind,
        ProblemKind::NumberedOption {
            text: "A、告诉他".into()
        }
    );
    for text in [
        "A. Tell him",
        "A、告诉他",
        "1、告诉他",
        "(A) Tell him",
        "（B）拒绝",
        "c) ask",
        "①告诉他",
        "B．拒绝",
    ] {
        assert!(is_numbered(text), "{text}");
    }
    for text in [
        "1.5倍",
        "A stranger",
        "a.m. calls",
        "10年以上",
        "All of them",
        "ABC",
    ] {
        assert!(!is_numbered(text), "{text}");
    }
}

#[test]
fn true_false_answers_all_alike_are_a_warning() {
    let problems = loads_with_warnings("true-false-imbalance");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    at(&problems[0], None, "questions");
    assert_eq!(
        problems[0].kind,
        ProblemKind::TrueFalseImbalance {
            answer: "true",
            count: 6,
            total: 6
        }
    );
}

#[test]
fn shuffled_options_are_not_judged_by_their_order_in_the_file() {
    // Every single-choice answer is written first; learners see them shuffled.
    let report = check("answers-written-first");
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn every_problem_of_a_kind_without_a_corpus_file_of_its_own_is_named() {
    let p = only_error("bad-id");
    at(&p, Some("#1"), "id");
    assert_eq!(
        p.kind,
        ProblemKind::BadId {
            value: "Q_1".into()
        }
    );
    let p = only_error("duplicate-answer");
    at(&p, Some("q2"), "answer");
    assert_eq!(p.kind, ProblemKind::DuplicateAnswer { answer: "a".into() });
    let p = only_error("no-answer");
    at(&p, Some("q1"), "answer");
    assert_eq!(p.kind, ProblemKind::NoAnswer);
    let p = only_error("too-many-options");
    at(&p, Some("q1"), "options");
    assert_eq!(p.kind, ProblemKind::TooManyOptions { count: 7, max: 6 });
    let p = only_error("all-expired");
    at(&p, None, "questions");
    assert_eq!(p.kind, ProblemKind::AllExpired);
    let p = only_error("empty-read-aloud");
    at(&p, Some("q3"), "read_aloud");
    assert_eq!(p.kind, ProblemKind::EmptyReadAloud);
}

#[test]
fn quoted_values_show_hidden_characters_and_are_shortened() {
    assert_eq!(shown("abc"), "abc");
    assert_eq!(shown("a\u{202E}b\u{200B}c\nd"), "a\\u{202E}b\\u{200B}c\\nd");
    let long = "x".repeat(100);
    assert_eq!(shown(&long), format!("{}…", "x".repeat(40)));
    assert_eq!(shown(&"x".repeat(40)), "x".repeat(40));

    // A hostile id: a right-to-left override and 200 characters.
    let id = format!("\u{202E}{}", "evil".repeat(50));
    let report = check_edited(|b| b["questions"][0]["id"] = id.clone().into());
    let p = &report.problems[0];
    assert_eq!(p.kind, ProblemKind::BadId { value: id.clone() });
    for lang in Lang::ALL {
        let line = p.line(lang);
        assert!(!line.contains('\u{202E}'), "{line}");
        assert!(line.contains("\\u{202E}evil"), "{line}");
        assert!(line.contains('…'), "{line}");
        assert!(line.chars().count() < 200, "{line}");
    }

    // A misspelt field with a bidirectional isolate: the place is shown visibly too.
    let report = check_edited(|b| b["questions"][0]["tags\u{2067}"] = "x".into());
    let line = report.problems[0].line(Lang::En);
    assert!(line.contains("tags\\u{2067}"), "{line}");
    assert!(!line.contains('\u{2067}'), "{line}");
}

#[test]
fn english_counts_agree_with_their_number() {
    // One option left: "Only 1 option", not "1 options".
    let p = only_error("one-option");
    assert!(
        p.line(Lang::En).contains("Only 1 option;"),
        "{}",
        p.line(Lang::En)
    );
    let report = check_edited(|b| {
        b["questions"][0]["options"] = serde_json::json!([]);
        b["questions"][0]["answer"] = serde_json::json!(["a"]);
    });
    let p = report
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::TooFewOptions { .. }))
        .unwrap();
    assert!(
        p.line(Lang::En).contains("Only 0 options;"),
        "{}",
        p.line(Lang::En)
    );
    let p = only_error("too-many-options");
    assert!(
        p.line(Lang::En).contains("7 options;"),
        "{}",
        p.line(Lang::En)
    );
    let report = check("too-long");
    assert!(report.problems[0]
        .line(Lang::En)
        .contains("has 130 characters"));
}

/// The message with every quoted value taken out (`"…"` in English, `“…”` in Chinese), so a check
/// of its language looks at the words the validator wrote, not at the bank's content.
fn outside_quotes(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            c if !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Chinese letters or full-width punctuation, which have no place in an English message.
fn has_chinese_writing(text: &str) -> bool {
    has_chinese(text) || text.chars().any(|c| "，。：；（）、！？“”《》".contains(c))
}

/// The message in both languages is in that language: Chinese words in Chinese (beyond the
/// "错误"/"警告" prefix), no Chinese writing in English outside quoted content.
fn assert_reads_in_both_languages(p: &Problem) {
    let zh = p.kind.message(Lang::Zh);
    let en = p.kind.message(Lang::En);
    assert!(has_chinese(&outside_quotes(&zh)), "not Chinese: {zh}");
    assert!(
        !has_chinese_writing(&outside_quotes(&en)),
        "Chinese writing in English: {en}"
    );
    assert_ne!(zh, en);
}

#[test]
fn every_message_of_the_corpus_reads_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-banks");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        for p in check(&name).problems {
            assert!(p.line(Lang::Zh).contains(&format!("{name}.json")));
            assert!(p.line(Lang::En).contains(&format!("{name}.json")));
            assert_reads_in_both_languages(&p);
        }
    }
}

#[test]
fn the_language_checks_can_fail() {
    // The checks above must reject an English message with Chinese in it, even after a quote.
    assert!(has_chinese_writing(&outside_quotes(
        "The answer \"d\" is 不是 an option."
    )));
    assert!(has_chinese_writing(&outside_quotes("Wrong“x”：here")));
    // …and a Chinese message whose only Chinese is the quoted content.
    assert!(!has_chinese(&outside_quotes("Unknown field “编号”")));
}

/// Each problem kind's example: the corpus bank that shows it, and words its message must carry
/// in Chinese and in English.
struct Example {
    kind: &'static str,
    bank: &'static str,
    zh: &'static [&'static str],
    en: &'static [&'static str],
}

#[rustfmt::skip] // one line per kind reads as a table
const EXAMPLES: &[Example] = &[
    Example { kind: "NotUtf8", bank: "gbk", zh: &["不是 UTF-8 编码", "GBK"], en: &["not UTF-8", "GBK"] },
    Example { kind: "Utf16", bank: "utf16", zh: &["UTF-16", "另存"], en: &["UTF-16", "Save it again as UTF-8"] },
    Example { kind: "ByteOrderMark", bank: "bom", zh: &["BOM", "已忽略"], en: &["byte-order mark", "ignored"] },
    Example { kind: "Syntax", bank: "syntax", zh: &["JSON 格式错误", "第 6 行第 3 列", "漏了逗号"], en: &["JSON syntax error", "line 6, column 3", "missing or extra comma"] },
    Example { kind: "MissingFormat", bank: "no-format", zh: &["缺少 format 字段"], en: &["format field is missing"] },
    Example { kind: "UnsupportedFormat", bank: "format-2", zh: &["只能读取第 1 版", "此文件是 2"], en: &["format 1 only", "this file says 2"] },
    Example { kind: "UnknownField", bank: "unknown-field", zh: &["未知字段", "explaination", "是不是想写", "explanation"], en: &["Unknown field", "explaination", "Did you mean \"explanation\"?"] },
    Example { kind: "Missing", bank: "missing-english", zh: &["缺少此项"], en: &["required but missing"] },
    Example { kind: "WrongType", bank: "answer-not-list", zh: &["格式不对", "选项编号的列表"], en: &["Wrong kind of value", "a list of option ids"] },
    Example { kind: "EmptyText", bank: "empty-chinese", zh: &["中文内容为空"], en: &["The Chinese text is empty"] },
    Example { kind: "BadId", bank: "bad-id", zh: &["编号", "Q_1", "小写字母、数字和连字符"], en: &["The id \"Q_1\"", "lowercase letters, digits"] },
    Example { kind: "IdNotFileName", bank: "wrong-file-name", zh: &["与文件名不一致", "another-name", "wrong-file-name"], en: &["does not match the file name", "\"another-name\"", "\"wrong-file-name\""] },
    Example { kind: "DuplicateQuestion", bank: "duplicate-id", zh: &["题目编号", "q1", "重复"], en: &["question id \"q1\" is used twice"] },
    Example { kind: "DuplicateOption", bank: "duplicate-option", zh: &["选项编号", "在本题中重复"], en: &["option id \"a\" is used twice"] },
    Example { kind: "UnknownTopic", bank: "bad-topic", zh: &["未知主题", "loans", "fraud、privacy"], en: &["Unknown topic \"loans\"", "fraud, privacy, investing or rights"] },
    Example { kind: "UnknownType", bank: "bad-type", zh: &["未知题型", "choice", "单选"], en: &["Unknown question type \"choice\"", "single, multiple or true_false"] },
    Example { kind: "UnknownAudience", bank: "bad-audience", zh: &["未知人群", "seniors"], en: &["Unknown audience \"seniors\""] },
    Example { kind: "BadDate", bank: "bad-date", zh: &["日期", "2027-02-30", "无效"], en: &["The date \"2027-02-30\" is not valid"] },
    Example { kind: "OutOfRange", bank: "bad-difficulty", zh: &["数值 5 超出范围", "1 到 3"], en: &["The number 5 is out of range", "from 1 to 3"] },
    Example { kind: "AnswerNotAnOption", bank: "answer-not-option", zh: &["答案", "不是本题任何一个选项的编号"], en: &["The answer \"d\" is not the id of any option"] },
    Example { kind: "DuplicateAnswer", bank: "duplicate-answer", zh: &["答案", "写了两次"], en: &["The answer \"a\" is listed twice"] },
    Example { kind: "NoAnswer", bank: "no-answer", zh: &["没有填写正确答案"], en: &["No correct answer"] },
    Example { kind: "OneAnswerOnly", bank: "single-two-answers", zh: &["只能有一个正确答案", "这里有 2 个"], en: &["exactly one answer", "this one has 2"] },
    Example { kind: "MultipleNeedsTwo", bank: "multiple-one-answer", zh: &["多选题至少要有两个正确答案", "只有 1 个"], en: &["needs at least two answers", "this one has 1"] },
    Example { kind: "TooFewOptions", bank: "one-option", zh: &["只有 1 个选项", "至少需要 2 个"], en: &["Only 1 option;", "at least 2 are needed"] },
    Example { kind: "TooManyOptions", bank: "too-many-options", zh: &["有 7 个选项", "最多显示 6 个"], en: &["7 options;", "at most 6 fit"] },
    Example { kind: "TrueFalseOptions", bank: "true-false-three-options", zh: &["判断题必须正好有两个选项", "true 和 false"], en: &["exactly two options", "true then false"] },
    Example { kind: "NoQuestions", bank: "no-questions", zh: &["没有题目"], en: &["has no questions"] },
    Example { kind: "Expired", bank: "expired", zh: &["有效期至 2020-01-01", "已过期"], en: &["expired on 2020-01-01"] },
    Example { kind: "AllExpired", bank: "all-expired", zh: &["所有题目都已过期"], en: &["Every question has expired"] },
    Example { kind: "TooLong", bank: "too-long", zh: &["中文文字有 130 个字符", "120"], en: &["The Chinese text has 130 characters", "120"] },
    Example { kind: "TrueFalseImbalance", bank: "true-false-imbalance", zh: &["6 道判断题中有 6 道的答案是“正确”", "100%", "70%"], en: &["6 of the 6 true/false questions (100%) have the answer true", "70%"] },
    Example { kind: "EmptyReadAloud", bank: "empty-read-aloud", zh: &["read_aloud 至少要填写"], en: &["read_aloud needs zh, en or both"] },
    Example { kind: "DuplicateKey", bank: "duplicate-key", zh: &["字段 “answer” 写了两次", "第 50 行和第 53 行", "只会采用其中一个"], en: &["The field \"answer\" is written twice", "lines 50 and 53", "silently dropped"] },
    Example { kind: "ControlCharacter", bank: "control-characters", zh: &["英文文字的第 1 个字符是控制字符", "\\u{1B}"], en: &["The English text has a control character, \\u{1B}, at character 1"] },
    Example { kind: "InvisibleCharacter", bank: "invisible-character", zh: &["中文文字的第 9 个字符是看不见的字符", "\\u{200B}"], en: &["invisible character, \\u{200B}, at character 9"] },
    Example { kind: "HtmlMarkup", bank: "html", zh: &["HTML 标记", "<b>", "纯文本"], en: &["HTML markup, \"<b>\"", "plain text"] },
    Example { kind: "PositionalOption", bank: "positional-option", zh: &["选项 “以上都对” 指向其他选项", "打乱顺序"], en: &["points at other options", "shuffled"] },
    Example { kind: "NumberedOption", bank: "numbered-options", zh: &["选项 “A、告诉他” 自带了序号"], en: &["carries its own letter or number"] },
    Example { kind: "BadLanguages", bank: "bad-languages", zh: &["languages", "[\"zh\"]"], en: &["languages is [\"en\"]", "Chinese only"] },
    Example { kind: "EnglishMissing", bank: "chinese-only", zh: &["只有中文", "2 处没有英文", "翻译表"], en: &["Chinese-only", "2 texts have no English", "translation sheet"] },
    Example { kind: "NumberedPrompt", bank: "numbered-prompt", zh: &["开头带着题号"], en: &["starts with its own question number"] },
    Example { kind: "GluedOptions", bank: "glued-options", zh: &["好几个选项", "A.告诉他 B.拒绝"], en: &["seems to hold several options"] },
    Example { kind: "DuplicatePrompt", bank: "duplicate-prompt", zh: &["题干与 q1 相同"], en: &["the same as q1's"] },
    Example { kind: "MoreProblems", bank: "too-many-problems", zh: &["还有 800 个错误和 0 个警告没有逐条列出", "最多列出 1000 条"], en: &["800 errors and 0 warnings more were found but are not listed", "at most 1000"] },
];

/// The kind's name. No wildcard: a new kind does not compile until it is named here, and
/// `every_problem_kind_has_an_example_in_both_languages` then fails until it has an example.
fn kind_name(kind: &ProblemKind) -> &'static str {
    match kind {
        ProblemKind::NotUtf8 => "NotUtf8",
        ProblemKind::Utf16 => "Utf16",
        ProblemKind::ByteOrderMark => "ByteOrderMark",
        ProblemKind::Syntax { .. } => "Syntax",
        ProblemKind::MissingFormat => "MissingFormat",
        ProblemKind::UnsupportedFormat { .. } => "UnsupportedFormat",
        ProblemKind::UnknownField { .. } => "UnknownField",
        ProblemKind::Missing => "Missing",
        ProblemKind::WrongType { .. } => "WrongType",
        ProblemKind::EmptyText { .. } => "EmptyText",
        ProblemKind::BadId { .. } => "BadId",
        ProblemKind::IdNotFileName { .. } => "IdNotFileName",
        ProblemKind::DuplicateQuestion { .. } => "DuplicateQuestion",
        ProblemKind::DuplicateOption { .. } => "DuplicateOption",
        ProblemKind::UnknownTopic { .. } => "UnknownTopic",
        ProblemKind::UnknownType { .. } => "UnknownType",
        ProblemKind::UnknownAudience { .. } => "UnknownAudience",
        ProblemKind::BadDate { .. } => "BadDate",
        ProblemKind::OutOfRange { .. } => "OutOfRange",
        ProblemKind::AnswerNotAnOption { .. } => "AnswerNotAnOption",
        ProblemKind::DuplicateAnswer { .. } => "DuplicateAnswer",
        ProblemKind::NoAnswer => "NoAnswer",
        ProblemKind::OneAnswerOnly { .. } => "OneAnswerOnly",
        ProblemKind::MultipleNeedsTwo { .. } => "MultipleNeedsTwo",
        ProblemKind::TooFewOptions { .. } => "TooFewOptions",
        ProblemKind::TooManyOptions { .. } => "TooManyOptions",
        ProblemKind::TrueFalseOptions => "TrueFalseOptions",
        ProblemKind::NoQuestions => "NoQuestions",
        ProblemKind::Expired { .. } => "Expired",
        ProblemKind::AllExpired => "AllExpired",
        ProblemKind::TooLong { .. } => "TooLong",
        ProblemKind::TrueFalseImbalance { .. } => "TrueFalseImbalance",
        ProblemKind::EmptyReadAloud => "EmptyReadAloud",
        ProblemKind::DuplicateKey { .. } => "DuplicateKey",
        ProblemKind::ControlCharacter { .. } => "ControlCharacter",
        ProblemKind::InvisibleCharacter { .. } => "InvisibleCharacter",
        ProblemKind::HtmlMarkup { .. } => "HtmlMarkup",
        ProblemKind::PositionalOption { .. } => "PositionalOption",
        ProblemKind::NumberedOption { .. } => "NumberedOption",
        ProblemKind::BadLanguages { .. } => "BadLanguages",
        ProblemKind::EnglishMissing { .. } => "EnglishMissing",
        ProblemKind::NumberedPrompt { .. } => "NumberedPrompt",
        ProblemKind::GluedOptions { .. } => "GluedOptions",
        ProblemKind::DuplicatePrompt { .. } => "DuplicatePrompt",
        ProblemKind::MoreProblems { .. } => "MoreProblems",
    }
}

/// The variants of `ProblemKind` as written in the validator's source.
fn kinds_in_source() -> Vec<String> {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain/bank/validate/problems.rs"),
    )
    .unwrap();
    let body = source
        .split_once("pub enum ProblemKind {\n")
        .unwrap()
        .1
        .split_once("\n}\n")
        .unwrap()
        .0;
    body.lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|l| {
            l.split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn every_problem_kind_has_an_example_in_both_languages() {
    let mut in_source = kinds_in_source();
    assert!(in_source.len() >= 39, "{in_source:?}");
    in_source.sort();
    let mut examples: Vec<String> = EXAMPLES.iter().map(|e| e.kind.to_owned()).collect();
    examples.sort();
    assert_eq!(examples, in_source, "every kind needs exactly one example");
    for example in EXAMPLES {
        let report = check(example.bank);
        let p = report
            .problems
            .iter()
            .find(|p| kind_name(&p.kind) == example.kind)
            .unwrap_or_else(|| {
                panic!(
                    "{} shows no {}: {:#?}",
                    example.bank, example.kind, report.problems
                )
            });
        let zh = p.kind.message(Lang::Zh);
        let en = p.kind.message(Lang::En);
        for words in example.zh {
            assert!(
                zh.contains(words),
                "{}: {zh:?} lacks {words:?}",
                example.kind
            );
        }
        for words in example.en {
            assert!(
                en.contains(words),
                "{}: {en:?} lacks {words:?}",
                example.kind
            );
        }
        assert_reads_in_both_languages(p);
    }
}

#[test]
fn a_report_lists_a_thousand_problems_and_counts_the_rest() {
    // 200 empty questions: nine missing fields each. Found with the fuzz test: a list of `{}`
    // took over a thousand bytes of report per byte of file.
    let report = check("too-many-problems");
    assert!(report.bank.is_none());
    assert_eq!(report.problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        report.problems[..MAX_PROBLEMS]
            .iter()
            .filter(|p| p.kind == ProblemKind::Missing)
            .count(),
        MAX_PROBLEMS,
        "the first thousand, in file order"
    );
    let last = report.problems.last().unwrap();
    assert_eq!(
        last.kind,
        ProblemKind::MoreProblems {
            errors: 200 * 9 - MAX_PROBLEMS,
            warnings: 0
        }
    );
    assert_eq!((last.question.as_deref(), last.field.as_str()), (None, ""));
}

#[test]
fn problems_past_the_limit_that_are_only_warnings_do_not_refuse_the_bank() {
    // 1,500 questions each with an invisible character: warnings only, so the bank still loads.
    let report = check_edited(|b| {
        let model = b["questions"][0].clone();
        let list = b["questions"].as_array_mut().unwrap();
        list.clear();
        for i in 0..1500 {
            let mut q = model.clone();
            q["id"] = format!("q{i}").into();
            q["prompt"]["zh"] = "陌生人要你的短信\u{200b}验证码，怎么办？".into();
            list.push(q);
        }
    });
    assert_eq!(report.problems.len(), MAX_PROBLEMS + 1);
    // 1,500 invisible characters and, as every prompt is the first one's, 1,499 repeated prompts.
    assert_eq!(
        report.problems.last().unwrap().kind,
        ProblemKind::MoreProblems {
            errors: 0,
            warnings: 1999
        }
    );
    assert_eq!(report.bank.unwrap().questions.len(), 1500);
}

#[test]
fn a_bank_with_errors_keeps_its_error_free_questions_for_the_desks_preview_only() {
    // q2 loses its prompt, q3 gains a control character: only q1 has no error of its own.
    let edit = |bank: &mut serde_json::Value| {
        bank["questions"][1]
            .as_object_mut()
            .unwrap()
            .remove("prompt");
        bank["questions"][2]["explanation"]["zh"] = "注意\u{7}".into();
    };
    let report = check_edited(edit);
    assert!(report.bank.is_none());
    let partial = report.partial.expect("the bank's own fields are fine");
    let ids: Vec<&str> = partial.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q1"], "{:#?}", report.problems);
    // A device is never given part of a bank.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-banks/base.json");
    let mut bank: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    edit(&mut bank);
    let text = serde_json::to_string(&bank).unwrap();
    let device = anxin::domain::bank::parse_bank_on_device("base.json", text.as_bytes());
    assert!(device.bank.is_none() && device.partial.is_none());
    // Broken own fields: no partial bank either.
    let no_title = check_edited(|bank| {
        bank.as_object_mut().unwrap().remove("title");
    });
    assert!(no_title.bank.is_none() && no_title.partial.is_none());
    // A bank without errors has no partial one.
    assert!(check_edited(|_| {}).partial.is_none());
}

#[test]
fn a_json_syntax_error_is_told_in_chinese_in_the_chinese_message() {
    let cases = [
        ("{\"format\": 1 \"id\": \"x\"}", "这里应该是英文逗号 , 或 }"),
        ("{\"format\": 1,}", "最后一项后面多了一个逗号"),
        ("{\"format\": 1", "缺少 }"),
        ("{\"format\": tru}", "这个词写错了"),
        ("{\"format\" 1}", "英文冒号"),
        ("{\"id\": \"x\ny\"}", "换行"),
        ("{format: 1}", "字段名要放在英文双引号里"),
        ("{} x", "多余的内容"),
        ("{\"questions\": [1 2]}", "列表的结尾 ]"),
    ];
    for (text, words) in cases {
        let report = parse_bank("x.json", text.as_bytes(), Date::new(2026, 11, 26).unwrap());
        let syntax = report
            .problems
            .iter()
            .find(|p| matches!(p.kind, ProblemKind::Syntax { .. }))
            .unwrap_or_else(|| panic!("{text}: {:?}", report.problems));
        let zh = syntax.kind.message(Lang::Zh);
        assert!(zh.contains(words), "{text}: {zh}");
        let english: Vec<&str> = zh
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && !["JSON", "true", "false", "null"].contains(w))
            .collect();
        assert!(english.is_empty(), "{text}: {zh}");
        // The English message keeps the reader's own words.
        assert!(syntax
            .kind
            .message(Lang::En)
            .contains("JSON syntax error at line"));
    }
}
