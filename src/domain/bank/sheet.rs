//! Spreadsheet round trip: a bank as CSV (what Excel or WPS saves) and back.
//!
//! The layout is `quizzes/template.csv`: a few `@key,value` rows for the bank itself, a header row,
//! then one row per question. Import builds the bank's JSON and checks it with the same validator as
//! everything else, then reports each problem by spreadsheet row and column. Export writes the same
//! layout, so a bank can be reviewed in a spreadsheet and imported again without loss.
//!
//! This file owns the layout both directions share and what an import reports; `sheet/csv.rs`
//! reads and writes CSV text, `sheet/import.rs` turns a sheet into a checked bank and
//! `sheet/export.rs` a bank into a sheet.

pub mod csv;
pub mod export;
pub mod import;

use super::{shown, Bank, Problem};

/// How many option columns the sheet has.
pub const SHEET_OPTIONS: usize = 6;

/// The bank rows at the top of the sheet, in order.
const META: [&str; 8] = [
    "@id",
    "@topic",
    "@version",
    "@reviewed",
    "@title_zh",
    "@title_en",
    "@description_zh",
    "@description_en",
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

/// A problem found while importing, placed in the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    /// 1-based spreadsheet row, when the problem belongs to one.
    pub row: Option<usize>,
    /// The column (header name) it concerns, when known.
    pub column: Option<String>,
    /// The validator's problem (for the message and severity); `None` for a sheet-level problem.
    pub problem: Option<Problem>,
    /// A sheet-level message (bad encoding, missing header …) in both languages.
    pub sheet_message: Option<(String, String)>,
}

impl SheetProblem {
    fn sheet(row: Option<usize>, zh: String, en: String) -> Self {
        Self {
            row,
            column: None,
            problem: None,
            sheet_message: Some((zh, en)),
        }
    }

    /// Whether this problem stops the import.
    pub fn is_error(&self) -> bool {
        self.problem
            .as_ref()
            .is_none_or(|p| p.severity() == super::Severity::Error)
    }

    /// One line for the command-line tool.
    pub fn line(&self, lang: crate::domain::text::Lang) -> String {
        use crate::domain::text::Lang;
        let mut place = Vec::new();
        if let Some(row) = self.row {
            place.push(match lang {
                Lang::Zh => format!("第 {row} 行"),
                Lang::En => format!("row {row}"),
            });
        }
        if let Some(col) = &self.column {
            let col = shown(col);
            place.push(match lang {
                Lang::Zh => format!("“{col}”列"),
                Lang::En => format!("column {col}"),
            });
        }
        let level = match (self.is_error(), lang) {
            (true, Lang::Zh) => "错误",
            (true, Lang::En) => "error",
            (false, Lang::Zh) => "警告",
            (false, Lang::En) => "warning",
        };
        let message = match (&self.sheet_message, &self.problem) {
            (Some((zh, en)), _) => match lang {
                Lang::Zh => zh.clone(),
                Lang::En => en.clone(),
            },
            (None, Some(p)) => p.kind.message(lang),
            (None, None) => String::new(),
        };
        if place.is_empty() {
            format!("{level}: {message}")
        } else {
            format!("{level}: {}: {message}", place.join(" "))
        }
    }
}

/// The result of importing a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetImport {
    /// The bank, when there are no errors.
    pub bank: Option<Bank>,
    /// Every problem, placed by row and column where possible.
    pub problems: Vec<SheetProblem>,
}
