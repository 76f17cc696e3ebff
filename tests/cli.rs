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
            .replace("@topic,fraud", "@topic,loans");
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
    assert!(!bad_out.exists());
    std::fs::remove_dir_all(dir).unwrap();
}
