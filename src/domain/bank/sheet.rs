//! Our own spreadsheet layout: a bank as CSV (what Excel or WPS saves) and back.
//!
//! The layout is `quizzes/template.csv`: a few `@key,value` rows for the bank itself, a header row,
//! then one row per question. Export writes it, so a bank can be reviewed in a spreadsheet; the
//! import of this layout and of every other a bank uses is `bank::intake`, which checks the bank
//! with the same validator as everything else and places each problem by row and column.
//!
//! This file owns the layout's names; `sheet/csv.rs` reads and writes CSV text and
//! `sheet/export.rs` turns a bank into a sheet.

pub mod csv;
pub mod export;

/// How many option columns the sheet has.
pub const SHEET_OPTIONS: usize = 6;

/// The bank rows at the top of the sheet, in order (`@languages` is written for a Chinese-only
/// bank only: `zh`).
pub const META: [&str; 9] = [
    "@id",
    "@topic",
    "@version",
    "@reviewed",
    "@title_zh",
    "@title_en",
    "@description_zh",
    "@description_en",
    "@languages",
];

/// The question columns, in order.
pub fn columns() -> Vec<String> {
    let mut cols: Vec<String> = [
        "id",
        "type",
        "difficulty",
        "audience",
        "tags",
        "prompt_zh",
        "prompt_en",
        "option_ids",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for n in 1..=SHEET_OPTIONS {
        for suffix in ["zh", "en", "feedback_zh", "feedback_en"] {
            cols.push(format!("option_{n}_{suffix}"));
        }
    }
    for c in [
        "answer",
        "explanation_zh",
        "explanation_en",
        "source_zh",
        "source_en",
        "valid_until",
        "read_aloud_zh",
        "read_aloud_en",
    ] {
        cols.push(c.to_string());
    }
    cols
}
