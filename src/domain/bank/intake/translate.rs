//! The translator's round trip: the texts of a bank that lack English, as a sheet (CSV, UTF-8 with
//! BOM, so Excel opens it as such: question id, field, the Chinese, an empty English column), and
//! that sheet taken back, its English filled into the bank. Rows that match no question or field
//! are reported by row; the translator may save the sheet in any format `read` takes.

use super::issues::{SheetIssue, Unreadable};
use super::report::{ColumnRef, Finding, Place, PlacedProblem};
use super::source::{read_source, Contents};
use crate::domain::bank::sheet::csv::write_csv;
use crate::domain::bank::{Bank, Languages};
use crate::domain::text::LocalText;

/// The id the sheet gives the bank's own texts (title, description).
const BANK_ROW_ID: &str = "@bank";

/// The header of the translation sheet.
const HEADER: [&str; 4] = ["id", "field", "中文 Chinese", "English"];

/// Every text of the bank with its id and field, in order.
fn texts_mut(bank: &mut Bank) -> Vec<(String, String, &mut LocalText)> {
    let mut out: Vec<(String, String, &mut LocalText)> = Vec::new();
    out.push((BANK_ROW_ID.to_owned(), "title".to_owned(), &mut bank.title));
    out.push((
        BANK_ROW_ID.to_owned(),
        "description".to_owned(),
        &mut bank.description,
    ));
    for q in &mut bank.questions {
        let id = q.id.to_string();
        out.push((id.clone(), "prompt".to_owned(), &mut q.prompt));
        for (i, o) in q.options.iter_mut().enumerate() {
            out.push((id.clone(), format!("options[{}].text", i + 1), &mut o.text));
            if let Some(f) = &mut o.feedback {
                out.push((id.clone(), format!("options[{}].feedback", i + 1), f));
            }
        }
        out.push((id.clone(), "explanation".to_owned(), &mut q.explanation));
        out.push((id, "source".to_owned(), &mut q.source));
    }
    out
}

/// How many texts of the bank lack English.
pub fn missing_english_count(bank: &Bank) -> usize {
    let mut copy = bank.clone();
    texts_mut(&mut copy)
        .iter()
        .filter(|(_, _, t)| t.en.trim().is_empty())
        .count()
}

/// The texts lacking English as a CSV sheet (UTF-8 with BOM) for a translator.
pub fn translation_sheet(bank: &Bank) -> String {
    let mut copy = bank.clone();
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|s| s.to_string()).collect()];
    for (id, field, text) in texts_mut(&mut copy) {
        if text.en.trim().is_empty() {
            rows.push(vec![id, field, text.zh.clone(), String::new()]);
        }
    }
    format!("\u{feff}{}", write_csv(&rows))
}

/// The bank with the translator's English filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// The bank, English filled in; bilingual once no text lacks English.
    pub bank: Bank,
    /// How many texts were filled.
    pub filled: usize,
    /// How many texts still lack English.
    pub remaining: usize,
    /// Rows that could not be used, placed by row.
    pub problems: Vec<PlacedProblem>,
}

/// Takes a filled translation sheet back into `bank`.
pub fn apply_translations(bank: &Bank, file_name: &str, bytes: &[u8]) -> Translated {
    let mut out = bank.clone();
    let mut problems = Vec::new();
    let mut filled = 0;
    let unreadable = |issue: SheetIssue| PlacedProblem {
        place: Place::default(),
        rows: Vec::new(),
        finding: Finding::Sheet(issue),
    };
    let grids = match read_source(file_name, bytes).map(|s| s.contents) {
        Ok(Contents::Grids(grids)) => grids,
        Ok(Contents::Json(_)) => {
            problems.push(unreadable(SheetIssue::Unreadable {
                why: Unreadable::BankNotTranslation,
            }));
            Vec::new()
        }
        Err(unread) => {
            problems.push(unreadable(unread.issue));
            Vec::new()
        }
    };
    for grid in &grids {
        let Some(h) = grid
            .rows
            .iter()
            .position(|r| r.first().map(|c| c.trim()) == Some("id"))
        else {
            continue;
        };
        let position = |names: &[&str]| grid.rows[h].iter().position(|c| names.contains(&c.trim()));
        let (Some(field_col), Some(en_col)) =
            (position(&["field"]), position(&["English", "英文"]))
        else {
            continue;
        };
        for (i, row) in grid.rows.iter().enumerate().skip(h + 1) {
            let cell = |c: usize| row.get(c).map(|s| s.trim()).unwrap_or("");
            let (id, field, en) = (cell(0), cell(field_col), cell(en_col));
            if en.is_empty() {
                continue;
            }
            let mut texts = texts_mut(&mut out);
            match texts.iter_mut().find(|(i, f, _)| i == id && f == field) {
                Some((_, _, text)) => {
                    text.en = en.to_owned();
                    filled += 1;
                }
                None => {
                    let row_number = grid.first_row + i;
                    problems.push(PlacedProblem {
                        place: Place {
                            sheet: grid.name.clone(),
                            row: Some(row_number),
                            column: Some(ColumnRef {
                                letter: "A".to_owned(),
                                header: "id".to_owned(),
                            }),
                            question: Some(id.to_owned()),
                            field: field.to_owned(),
                        },
                        rows: vec![row_number],
                        finding: Finding::Sheet(SheetIssue::TranslationUnmatched {
                            question: id.to_owned(),
                            field: field.to_owned(),
                        }),
                    });
                }
            }
        }
    }
    let remaining = missing_english_count(&out);
    if remaining == 0 {
        out.languages = Languages::Bilingual;
    }
    Translated {
        bank: out,
        filled,
        remaining,
        problems,
    }
}
