//! Chinese-only banks (`"languages": ["zh"]`): English becomes optional, its absence is one
//! warning with a count, and every shipped bank still promises both languages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::{parse_bank, BankReport, Languages, ProblemKind, Severity};
use anxin::domain::date::Date;
use anxin::domain::text::Lang;
use serde_json::Value;
use std::path::Path;

fn quizzes() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes")
}

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
}

/// rights.json after `edit`.
fn rights_edited(edit: impl FnOnce(&mut Value)) -> BankReport {
    let text = std::fs::read_to_string(quizzes().join("rights.json")).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    edit(&mut value);
    parse_bank("rights.json", &serde_json::to_vec(&value).unwrap(), today())
}

/// Removes every English text of the bank's questions (prompt, options, explanation, source).
fn strip_english(value: &mut Value) {
    for q in value["questions"].as_array_mut().unwrap() {
        for field in ["prompt", "explanation", "source"] {
            q[field].as_object_mut().unwrap().remove("en");
        }
        for o in q["options"].as_array_mut().unwrap() {
            o["text"].as_object_mut().unwrap().remove("en");
            if let Some(f) = o.get_mut("feedback") {
                f.as_object_mut().unwrap().remove("en");
            }
        }
    }
}

#[test]
fn a_chinese_only_bank_loads_with_one_warning_counting_the_missing_english() {
    let report = rights_edited(|v| {
        v["languages"] = serde_json::json!(["zh"]);
        strip_english(v);
    });
    let bank = report.bank.expect("a Chinese-only bank loads");
    assert_eq!(bank.languages, Languages::ChineseOnly);
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    let p = &report.problems[0];
    assert_eq!(p.severity(), Severity::Warning);
    assert_eq!(p.field, "languages");
    let ProblemKind::EnglishMissing { count } = p.kind else {
        panic!("{p:?}")
    };
    assert!(count > 32 * 4, "every prompt, option, explanation: {count}");
    // The English interface shows the Chinese, and knows it does.
    let q = &bank.questions[0];
    assert_eq!(q.prompt.get(Lang::En), q.prompt.zh);
    assert!(q.prompt.falls_back(Lang::En));
    assert!(q.falls_back(Lang::En) && !q.falls_back(Lang::Zh));
    // Written back, the bank says it is Chinese-only and still has no English.
    let json = bank.to_json();
    assert!(json.contains("\"languages\": [\n    \"zh\"\n  ]"), "{json}");
    let again = parse_bank("rights.json", json.as_bytes(), today());
    assert_eq!(again.bank, Some(bank));
}

#[test]
fn a_bilingual_bank_still_needs_every_english_text() {
    let report = rights_edited(strip_english);
    assert!(report.bank.is_none());
    assert!(report
        .problems
        .iter()
        .all(|p| p.kind == ProblemKind::Missing && p.field.ends_with(".en")));
}

#[test]
fn chinese_stays_required_in_a_chinese_only_bank() {
    let report = rights_edited(|v| {
        v["languages"] = serde_json::json!(["zh"]);
        v["questions"][0]["prompt"]["zh"] = "".into();
    });
    assert!(report.bank.is_none());
    assert!(report
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::EmptyText { lang: Lang::Zh }));
}

#[test]
fn an_unknown_languages_value_is_an_error() {
    for bad in [
        serde_json::json!(["en"]),
        serde_json::json!("zh"),
        serde_json::json!(["zh", "fr"]),
    ] {
        let report = rights_edited(|v| v["languages"] = bad.clone());
        assert!(report.bank.is_none(), "{bad}");
        assert!(
            matches!(report.problems[0].kind, ProblemKind::BadLanguages { .. }),
            "{bad}: {:?}",
            report.problems
        );
    }
    // Naming both languages is the same as leaving the field out.
    let report = rights_edited(|v| v["languages"] = serde_json::json!(["zh", "en"]));
    assert_eq!(report.bank.unwrap().languages, Languages::Bilingual);
}

#[test]
fn every_shipped_bank_keeps_both_languages() {
    let mut checked = 0;
    for entry in std::fs::read_dir(quizzes()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.extension().is_none_or(|e| e != "json") || name == "index.json" {
            continue;
        }
        let bank = parse_bank(&name, &std::fs::read(&path).unwrap(), today())
            .bank
            .unwrap();
        assert_eq!(bank.languages, Languages::Bilingual, "{name}");
        let text: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert!(text.get("languages").is_none(), "{name} declares languages");
        checked += 1;
    }
    assert!(checked >= 4);
}

/// rights.json with half its questions' English prompts removed, `languages` written as `value`
/// (JSON text) first or last in the file; `None` leaves the field out.
fn rights_with_languages(value: Option<&str>, last: bool) -> BankReport {
    let text = std::fs::read_to_string(quizzes().join("rights.json")).unwrap();
    let mut bank: Value = serde_json::from_str(&text).unwrap();
    for q in bank["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .step_by(2)
    {
        q["prompt"].as_object_mut().unwrap().remove("en");
    }
    let body = serde_json::to_string(&bank).unwrap();
    let inner = body.strip_prefix('{').unwrap().strip_suffix('}').unwrap();
    let text = match (value, last) {
        (None, _) => body.clone(),
        (Some(v), false) => format!("{{\"languages\":{v},{inner}}}"),
        (Some(v), true) => format!("{{{inner},\"languages\":{v}}}"),
    };
    parse_bank("rights.json", text.as_bytes(), today())
}

#[test]
fn the_questions_are_judged_by_the_languages_wherever_the_file_declares_them() {
    // The questions are checked as they are read, so a `languages` after them is read too late
    // to judge them directly: the verdict must not depend on where it is.
    let first = rights_with_languages(Some(r#"["zh"]"#), false);
    let last = rights_with_languages(Some(r#"["zh"]"#), true);
    assert_eq!(first, last);
    assert!(last.bank.is_some(), "{:?}", last.problems);
    assert_eq!(
        last.problems.last().map(|p| &p.kind),
        Some(&ProblemKind::EnglishMissing { count: 16 })
    );
    // A bilingual bank: every missing English prompt is an error, wherever `languages` is.
    let absent = rights_with_languages(None, false);
    let first = rights_with_languages(Some(r#"["zh","en"]"#), false);
    let last = rights_with_languages(Some(r#"["zh","en"]"#), true);
    assert_eq!(first, last);
    assert_eq!(absent, last);
    assert!(absent.bank.is_none());
    let missing = absent
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Missing && p.field == "prompt.en")
        .count();
    assert_eq!(missing, 16, "{:?}", absent.problems);
    // A broken value judges the questions as bilingual, besides its own error.
    let broken = rights_with_languages(Some(r#"["en"]"#), true);
    assert_eq!(broken.problems.len(), absent.problems.len() + 1);
}
