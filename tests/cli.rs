//! The content team's command-line tool, run as a real process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

fn tool(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_anxin-bank"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn check_passes_on_the_shipped_banks() {
    let (ok, text) = tool(&["check", "--lang", "en", "quizzes/"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("checked 4 banks: 0 errors, 0 warnings"),
        "{text}"
    );
}

#[test]
fn check_lists_every_problem_of_a_broken_bank_and_fails() {
    let (ok, text) = tool(&["check", "tests/broken-banks/many-problems.json"]);
    assert!(!ok);
    let errors = text
        .lines()
        .filter(|l| l.starts_with("错误: many-problems.json"))
        .count();
    assert_eq!(errors, 5, "{text}");
    assert!(text.contains("5 个错误"), "{text}");
}

#[test]
fn import_writes_nothing_when_the_sheet_has_errors_and_a_bank_when_it_has_none() {
    let dir = std::env::temp_dir().join(format!("anxin-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("template.json");
    let (ok, text) = tool(&[
        "import",
        "quizzes/template.csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("\"type\": \"true_false\""));

    let bad_csv = dir.join("bad.csv");
    let sheet =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/template.csv"))
            .unwrap()
            .replace("@topic,fraud", "@topic,loans")
            .replace("@id,template", "@id,bad");
    std::fs::write(&bad_csv, sheet).unwrap();
    let bad_out = dir.join("bad.json");
    let (ok, text) = tool(&[
        "import",
        "--lang",
        "en",
        bad_csv.to_str().unwrap(),
        "-o",
        bad_out.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(text.contains("Unknown topic \"loans\""), "{text}");
    assert!(text.contains("import failed: 1 error;"), "{text}");
    assert!(!bad_out.exists());
    std::fs::remove_dir_all(dir).unwrap();
}

/// A fresh folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("anxin-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn base_bank() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-banks/base.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn english_counts_of_one_are_singular() {
    let dir = scratch("one");
    // One question, so one of everything.
    let mut bank = base_bank();
    bank["id"] = "one".into();
    bank["questions"].as_array_mut().unwrap().truncate(1);
    std::fs::write(dir.join("one.json"), bank.to_string()).unwrap();
    let (ok, text) = tool(&["index", "--lang", "en", dir.to_str().unwrap()]);
    assert!(ok, "{text}");
    assert!(
        text.contains("✓ one: 1 question (1 single, 0 multiple, 0 true/false)"),
        "{text}"
    );
    assert!(
        text.contains("checked 1 bank: 0 errors, 0 warnings"),
        "{text}"
    );
    assert!(text.contains("index.json → 1 bank\n"), "{text}");

    // One error (the id is not the file name) and one warning (a byte-order mark).
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(bank.to_string().bytes());
    std::fs::write(dir.join("other.json"), bytes).unwrap();
    let (ok, text) = tool(&[
        "check",
        "--lang",
        "en",
        dir.join("other.json").to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(
        text.contains("checked 1 bank: 1 error, 1 warning"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn english_counts_of_several_are_plural() {
    let (ok, text) = tool(&[
        "check",
        "--lang",
        "en",
        "tests/broken-banks/many-problems.json",
        "tests/broken-banks/html.json",
    ]);
    assert!(!ok);
    assert!(
        text.contains("checked 2 banks: 5 errors, 2 warnings"),
        "{text}"
    );
    assert!(
        text.contains("✓ html: 3 questions (1 single, 1 multiple, 1 true/false); true/false answers: 1 true, 0 false"),
        "{text}"
    );
    let dir = scratch("several");
    for id in ["one", "two"] {
        let mut bank = base_bank();
        bank["id"] = id.into();
        std::fs::write(dir.join(format!("{id}.json")), bank.to_string()).unwrap();
    }
    let (ok, text) = tool(&["index", "--lang", "en", dir.to_str().unwrap()]);
    assert!(ok, "{text}");
    assert!(text.contains("index.json → 2 banks\n"), "{text}");
    let (_, text) = tool(&["index", dir.to_str().unwrap()]);
    assert!(text.contains("index.json → 2 个题库"), "{text}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_summary_counts_true_false_answers_not_file_positions() {
    let (ok, text) = tool(&["check", "tests/broken-banks/answers-written-first.json"]);
    assert!(ok, "{text}");
    assert!(text.contains("0 个警告"), "{text}");
    assert!(text.contains("判断题答案：正确 1，错误 0"), "{text}");
}

/// A kiosk's export: `sessions` sessions, each answering the first fraud question wrong with
/// its second option, on the bank version `version`.
fn kiosk_export(branch: &str, sessions: u32, version: u64) -> String {
    use anxin::domain::bank::{OptionId, Topic};
    use anxin::domain::date::Date;
    use anxin::domain::kiosk::stats::BankVersions;
    use anxin::domain::kiosk::{Answered, KioskStats, Outcome, TopicChoice};
    use anxin::domain::text::Lang;
    let bank = base_fraud();
    let question = &bank["questions"][0];
    let key = format!("fraud/{}", question["id"].as_str().unwrap());
    let wrong = question["options"][1]["id"].as_str().unwrap();
    let date = Date::new(2025, 3, 1).unwrap();
    let mut stats = KioskStats::new(date, branch);
    let versions = BankVersions::from([("fraud".into(), version)]);
    for i in 0..sessions {
        let outcome = Outcome {
            date,
            hour: 10,
            choice: TopicChoice::Topic(Topic::Fraud),
            total: 1,
            answers: vec![Answered {
                key: key.clone(),
                chosen: vec![OptionId::from(wrong)],
                correct: false,
            }],
            completed: true,
            elder: i.is_multiple_of(2),
            lang: Lang::Zh,
            prize_issued: false,
        };
        stats.record(&outcome, &versions).unwrap();
    }
    stats.to_json()
}

fn base_fraud() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/fraud.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn stats_merge_combines_kiosks_and_prints_the_report_with_question_texts() {
    let dir = scratch("stats");
    let version = base_fraud()["version"].as_u64().unwrap();
    std::fs::write(dir.join("a.json"), kiosk_export("East", 4, version)).unwrap();
    std::fs::write(dir.join("b.json"), kiosk_export("West", 3, version)).unwrap();
    let (out, report) = (dir.join("head-office.json"), dir.join("report.html"));
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    let (ok, text) = tool(&[
        "stats",
        "merge",
        "--lang",
        "en",
        &path(&dir.join("a.json")),
        &path(&dir.join("b.json")),
        "-o",
        &path(&out),
        "--report",
        &path(&report),
        "--banks",
        "quizzes/",
    ]);
    assert!(ok, "{text}");
    assert!(text.contains("2 files → "), "{text}");
    assert!(text.contains("(7 sessions)"), "{text}");
    let merged: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(merged["data"]["started"], 7);
    let html = std::fs::read_to_string(&report).unwrap();
    let question = &base_fraud()["questions"][0];
    let prompt = question["prompt"]["en"].as_str().unwrap();
    let option = question["options"][1]["text"]["en"].as_str().unwrap();
    assert!(html.contains("@page{size:A4"), "{html}");
    assert!(html.contains("<td>East, West</td>"), "{html}");
    assert!(html.contains("<svg role=\"img\""), "{html}");
    assert!(html.contains("<td>Fraud prevention</td>"), "{html}");
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    assert!(html.contains(&escape(prompt)), "{html}");
    assert!(html.contains(&format!("{} (7)", escape(option))), "{html}");
    // 4 elder-mode sessions: under 5, so never shown as a number.
    assert!(
        html.contains("Elder mode</th><td>&lt;5 (&lt;5)</td>"),
        "{html}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn stats_merge_refuses_another_bank_version_and_impossible_counts_naming_the_file() {
    let dir = scratch("stats-bad");
    std::fs::write(dir.join("a.json"), kiosk_export("East", 6, 2)).unwrap();
    std::fs::write(dir.join("b.json"), kiosk_export("West", 6, 3)).unwrap();
    let bad = kiosk_export("North", 6, 2).replace("\"completed\": 6", "\"completed\": 9");
    std::fs::write(dir.join("c.json"), bad).unwrap();
    let out = dir.join("merged.json");
    let file = |n: &str| dir.join(n).to_str().unwrap().to_owned();
    let (ok, text) = tool(&[
        "stats",
        "merge",
        &file("a.json"),
        &file("b.json"),
        "-o",
        &file("merged.json"),
    ]);
    assert!(!ok);
    assert!(
        text.contains(&format!(
            "{}: bank fraud is version 3 there, but version 2 in {}",
            file("b.json"),
            file("a.json")
        )),
        "{text}"
    );
    let (ok, text) = tool(&[
        "stats",
        "merge",
        &file("a.json"),
        &file("c.json"),
        "-o",
        &file("merged.json"),
    ]);
    assert!(!ok);
    assert!(
        text.contains(&format!("{}: impossible counts: completed", file("c.json"))),
        "{text}"
    );
    assert!(!out.exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn import_reads_a_gbk_contest_sheet_with_the_settings_as_flags_summary_first() {
    let dir = scratch("gbk");
    let out = dir.join("contest.json");
    let index = dir.join("index.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/index.json"),
        &index,
    )
    .unwrap();
    let (ok, text) = tool(&[
        "import",
        "--lang",
        "en",
        "tests/fixtures/contest-gbk.csv",
        "--audience",
        "elderly;youth",
        "--title",
        "反诈竞赛",
        "-o",
        out.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    let first = text.lines().next().unwrap();
    assert!(
        first.ends_with("5 questions (2 single, 1 multiple, 2 true/false)"),
        "{text}"
    );
    assert!(text.contains("warning ×1 english_missing"), "{text}");
    let bank: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(bank["id"], "contest");
    assert_eq!(bank["languages"], serde_json::json!(["zh"]));
    assert_eq!(bank["title"]["zh"], "反诈竞赛");
    assert_eq!(
        bank["questions"][0]["audience"],
        serde_json::json!(["elderly", "youth"])
    );
    assert!(std::fs::read_to_string(&index)
        .unwrap()
        .contains("\"contest.json\""));
}

#[test]
fn check_places_a_workbook_s_problems_by_sheet_row_and_column() {
    // Without the source column's settings fallback the workbook is fine; ask for English.
    let (ok, text) = tool(&[
        "check",
        "--lang",
        "en",
        "--languages",
        "zh,en",
        "tests/fixtures/contest.xlsx",
    ]);
    assert!(!ok, "{text}");
    // The sheet has no English columns: each field is named once, with its rows.
    for line in [
        "error: sheet 选择题, rows 4, 5, 7 (3 rows), prompt.en: The English text is empty.",
        "error: sheet 选择题, rows 4, 5, 7 (3 rows), options[].text.en: The English text is empty.",
        "error: sheet 判断题, rows 2, 3 (2 rows), explanation.en: The English text is empty.",
    ] {
        assert!(text.contains(line), "{line} not in {text}");
    }
    assert!(
        text.contains("checked 1 bank: 28 errors, 0 warnings"),
        "{text}"
    );
}

#[test]
fn a_translation_sheet_goes_out_and_comes_back_filled() {
    let dir = scratch("translate");
    let bank = dir.join("contest.json");
    let (ok, text) = tool(&[
        "import",
        "tests/fixtures/contest.xlsx",
        "-o",
        bank.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    let sheet = dir.join("to-translate.csv");
    let (ok, text) = tool(&[
        "export",
        "--translation-sheet",
        bank.to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    let filled: String = std::fs::read_to_string(&sheet)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("{line}\r\n")
            } else {
                format!("{line}English {i}\r\n")
            }
        })
        .collect();
    std::fs::write(&sheet, filled).unwrap();
    let (ok, text) = tool(&[
        "import",
        "--lang",
        "en",
        "--translation-sheet",
        sheet.to_str().unwrap(),
        bank.to_str().unwrap(),
        "-o",
        bank.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    assert!(text.contains("filled, 0 still without English"), "{text}");
    let written = std::fs::read_to_string(&bank).unwrap();
    assert!(
        !written.contains("\"languages\""),
        "now bilingual: {written}"
    );
}
