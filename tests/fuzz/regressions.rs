//! Regression tests, each for a bug the fuzz test found or led to, and the large bank and sheet
//! whose memory the fuzz run measures (`FUZZ_BIG_MB`).

use super::{big, big_mb, deadline, guard, import, shipped_banks, BUDGET};
use anxin::domain::bank::parse_bank_on_device;
use anxin::domain::bank::sheet::export::export_csv;
use std::path::Path;
use std::sync::Arc;

/// A valid bank of `FUZZ_BIG_MB` megabytes (4 by default, 47 in `make fuzz`) is checked holding
/// little more than its typed copy: each question's JSON tree is dropped once it is checked.
/// (Before, the tree of the whole file was held beside the typed bank: 5.2 bytes per byte,
/// 256 MB for a 49 MB bank.)
#[test]
fn a_large_bank_is_checked_in_memory_proportional_to_its_size() {
    let bytes = big::bank(&shipped_banks(), big_mb() << 20);
    let len = bytes.len();
    let bytes: Arc<[u8]> = bytes.into();
    let run = Arc::clone(&bytes);
    let pass = guard::run(len, BUDGET, deadline(len) * 4, move || {
        let report = parse_bank_on_device("big.json", &run);
        assert!(
            report.bank.is_some(),
            "{:?}",
            &report.problems[..report.problems.len().min(5)]
        );
    })
    .unwrap_or_else(|f| panic!("{f}"));
    eprintln!(
        "big bank: {:.1} MB checked in {:.1} s, peak {:.1} MB ({:.2} bytes per byte)",
        len as f64 / 1e6,
        pass.took.as_secs_f64(),
        pass.peak as f64 / 1e6,
        pass.peak as f64 / len as f64
    );
    assert!(
        pass.peak < len * 3 / 2 + (1 << 20),
        "{} bytes held to check {len}",
        pass.peak
    );
}

/// A large valid sheet (the large bank exported) is imported in memory proportional to its size.
#[test]
fn a_large_sheet_is_imported_in_memory_proportional_to_its_size() {
    let bytes = big::bank(&shipped_banks(), big_mb() << 20);
    let bank = parse_bank_on_device("big.json", &bytes).bank.unwrap();
    let csv = export_csv(&bank).into_bytes();
    drop((bytes, bank));
    let len = csv.len();
    let pass = guard::run(len, BUDGET, deadline(len) * 4, move || {
        let result = import("big.csv", "big.json", &csv);
        assert!(
            result.bank.is_some(),
            "{:?}",
            &result.problems[..result.problems.len().min(5)]
        );
    })
    .unwrap_or_else(|f| panic!("{f}"));
    eprintln!(
        "big sheet: {:.1} MB imported in {:.1} s, peak {:.1} MB ({:.2} bytes per byte)",
        len as f64 / 1e6,
        pass.took.as_secs_f64(),
        pass.peak as f64 / 1e6,
        pass.peak as f64 / len as f64
    );
}

/// The bank `{"format": 1, …, "questions": [<item>, <item>, …]}` of about `bytes` bytes.
fn bank_of(item: &str, bytes: usize) -> Vec<u8> {
    let mut text = String::from(r#"{"format": 1, "id": "fuzz", "questions": ["#);
    while text.len() < bytes {
        text.push_str(item);
        text.push(',');
    }
    text.push_str(item);
    text.push_str("]}");
    text.into_bytes()
}

/// Regression: a list of empty questions is nine problems per three bytes; the report kept every
/// one (hundreds of bytes each): 1 MB of `{},` took over a gigabyte. Now a report lists 1,000.
/// (Half a megabyte each here, still hundreds of times the budget before the fix.)
#[test]
fn a_list_of_empty_questions_is_reported_in_bounded_memory() {
    for item in ["{}", "1", "[]", r#"{"id": "q"}"#] {
        let bytes = bank_of(item, 1 << 19);
        let len = bytes.len();
        let pass = guard::run(len, BUDGET, deadline(len), move || {
            let report = parse_bank_on_device("fuzz.json", &bytes);
            assert_eq!(report.problems.len(), anxin::domain::bank::MAX_PROBLEMS + 1);
        })
        .unwrap_or_else(|f| panic!("{item}: {f}"));
        assert!(pass.peak < len + (4 << 20), "{item}: {} bytes", pass.peak);
    }
}

/// The template with `columns` more header cells right after `id` (blank, or named `x0`, `x1` …
/// which are unknown; the question rows are left as they are) and its questions repeated to `rows`
/// rows.
fn wide_sheet(columns: usize, named: bool, rows: usize) -> Vec<u8> {
    let template =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/template.csv"))
            .unwrap();
    let mut rows_in = anxin::domain::bank::sheet::csv::parse_csv(&template).unwrap();
    let header = rows_in.iter().position(|r| r[0] == "id").unwrap();
    let extra: Vec<String> = (0..columns)
        .map(|i| {
            if named {
                format!("x{i}")
            } else {
                String::new()
            }
        })
        .collect();
    rows_in[header].splice(1..1, extra);
    let questions: Vec<Vec<String>> = rows_in.drain(header + 1..).collect();
    for i in 0..rows {
        let mut row = questions[i % questions.len()].clone();
        row[0] = format!("q{i}");
        rows_in.push(row);
    }
    anxin::domain::bank::sheet::csv::write_csv(&rows_in).into_bytes()
}

/// Regression: every cell of every row looked its column up in the header, so a header with
/// many columns took time proportional to its width for each of the ~60 cells of each row: this
/// sheet of 2 MB took minutes.
#[test]
fn a_sheet_with_a_very_wide_header_imports_in_linear_time() {
    let bytes = wide_sheet(100_000, false, 2_000);
    let len = bytes.len();
    let pass = guard::run(len, BUDGET, deadline(len), move || {
        let result = import("template.csv", "template.json", &bytes);
        assert!(
            result.bank.is_none(),
            "the cells are under the wrong columns"
        );
    })
    .unwrap_or_else(|f| panic!("{f}"));
    eprintln!("wide sheet: {len} bytes in {:?}", pass.took);
}

/// Regression: each unknown column was one problem with its two messages, a few hundred bytes
/// for a two-byte column (`x,`).
#[test]
fn a_sheet_with_thousands_of_unknown_columns_is_reported_in_bounded_memory() {
    let bytes = wide_sheet(200_000, true, 3);
    let len = bytes.len();
    guard::run(len, BUDGET, deadline(len), move || {
        let result = import("template.csv", "template.json", &bytes);
        assert!(result.bank.is_none());
    })
    .unwrap_or_else(|f| panic!("{f}"));
}

/// Regression: cells and rows grown in place kept up to twice their size. A sheet of commas is
/// the worst case for the CSV reader (a 24-byte cell per byte); it must stay near that.
#[test]
fn a_sheet_of_commas_is_read_in_memory_near_its_cells() {
    let row = ",".repeat(10_000) + "\r\n";
    let text = row.repeat(200);
    let len = text.len();
    let pass = guard::run(len, BUDGET, deadline(len), move || {
        let rows = anxin::domain::bank::sheet::csv::parse_csv(&text).unwrap();
        assert_eq!(rows.len(), 200);
    })
    .unwrap_or_else(|f| panic!("{f}"));
    let per_byte = pass.peak as f64 / len as f64;
    assert!(per_byte < 26.0, "{per_byte:.1} bytes per byte");
}

/// Regression, found by the merge's targeted runs and then by the long run: a sheet of
/// near-empty rows (`a,b,c,Z`: 8 bytes; `a,Z`: 4 bytes under a 题干,答案 header), each row a
/// question. First each row was held as a whole question (its JSON tree and a copy in the bank's
/// tree, about 10 KB a row whatever its size): 81 MB for 64 KB. Then as its compact JSON (some
/// 120–180 bytes) in the bank's JSON, beside the validator's list of every prompt, a set of 50
/// bytes a row in the preview's error rows and a copy of every id: 67 and 101 bytes per byte, past
/// the budget from 3 MB up. Now a row is held as its own cells and its question made again for
/// the validator; only distinct prompts, the first repeats and the error rows as a sorted list are
/// kept: about 28 and 47 bytes per byte. Real sheets (the shipped banks exported) take about 3.
#[test]
fn a_sheet_of_near_empty_rows_is_imported_within_the_budget() {
    for (header, row, most) in [
        ("题干,选项A,选项B,答案\n", "a,b,c,Z\n", 32.0),
        ("题干,答案\n", "a,Z\n", 52.0),
    ] {
        let mut text = String::from(header);
        while text.len() < 1 << 20 {
            text.push_str(row);
        }
        let len = text.len();
        let pass = guard::run(len, BUDGET, deadline(len) * 4, move || {
            let result = import("junk.csv", "junk.json", text.as_bytes());
            assert!(result.bank.is_none());
            assert_eq!(result.summary.questions, (len - header.len()) / row.len());
        })
        .unwrap_or_else(|f| panic!("{row:?}: {f}"));
        let per_byte = pass.peak as f64 / len as f64;
        eprintln!(
            "near-empty rows {row:?}: {len} bytes, peak {:.1} MB ({per_byte:.1} bytes per byte)",
            pass.peak as f64 / 1e6,
        );
        assert!(per_byte < most, "{row:?}: {per_byte:.1} bytes per byte");
    }
}
