//! A question read from a sheet row, kept until the bank is checked as the row's own cells (about
//! the row's size), not as the question it makes: the question is made again from the cells when
//! the validator takes it, and dropped once judged.
//!
//! Before, each row was kept as its question's compact JSON, some 120–180 bytes whatever the row
//! (a JSON tree, before that, about 4 KB), and the bank's JSON assembled from them all for the
//! validator: a sheet of 4-byte rows (`a,Z`) took over a hundred bytes per byte. Beside the cells
//! only what the later steps read is kept: the id (ids are given once every row is read), the
//! option columns, the type, the topic cell and how many texts lack English.

use super::english::{drop_empty_english, missing_english};
use super::header::Header;
use super::normalise::TypeWord;
use super::row::{read_row, Draft};
use super::settings::IntakeSettings;
use crate::domain::bank::QuestionType;
use serde_json::Value;

/// A question read from a row, as kept until the bank is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Its id: the id cell as written, until ids are given.
    pub id: String,
    /// For each option, the sheet's option number (1–6) it came from; `None` for the default
    /// true/false options.
    pub option_columns: Box<[Option<u8>]>,
    /// The type, when known or inferred.
    pub kind: Option<QuestionType>,
    /// The 知识点/tags cell as written (for the summary).
    pub topic_text: Box<str>,
    /// Whether the question has tags.
    pub tags: bool,
    /// How many of its `{zh, en}` texts lack English.
    pub missing_english: u32,
    /// The type a section title above the row announced.
    section: Option<TypeWord>,
    /// The row's cells, without the empty ones at its end.
    cells: Box<[Box<str>]>,
}

impl Kept {
    /// Keeps a row's question: `draft` is what `read_row` made of `cells` (see [`row_cells`])
    /// under `section`.
    pub fn new(draft: Draft, cells: Box<[Box<str>]>, section: Option<TypeWord>) -> Kept {
        let question = Value::Object(draft.question);
        Kept {
            id: draft.raw_id,
            option_columns: draft.option_columns.into(),
            kind: draft.kind,
            topic_text: draft.topic_text.into(),
            tags: question.get("tags").is_some(),
            missing_english: u32::try_from(missing_english(&question)).unwrap_or(u32::MAX),
            section,
            cells,
        }
    }

    /// The question in the bank format, with its id, made again from its row under `header`
    /// (the one it was read with), without its empty English when `chinese_only` (as a
    /// Chinese-only bank writes it). The row's cells are freed: this is done once.
    pub fn take_question(
        &mut self,
        header: &Header,
        settings: &IntakeSettings,
        chinese_only: bool,
    ) -> Value {
        let cells = std::mem::take(&mut self.cells);
        let mut question = read_row(header, &cells, self.section, settings).question;
        drop(cells);
        question.insert("id".into(), Value::String(self.id.clone()));
        let mut question = Value::Object(question);
        if chinese_only {
            drop_empty_english(&mut question);
        }
        question
    }
}

/// A sheet row's cells as a question is read from and kept: without the empty ones at its end.
pub fn row_cells(cells: Vec<String>) -> Box<[Box<str>]> {
    let filled = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    cells
        .into_iter()
        .take(filled)
        .map(String::into_boxed_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::header::find_header;
    use super::*;

    #[test]
    fn a_kept_row_makes_the_question_it_was_read_as() {
        let rows: Vec<Vec<String>> = [
            vec!["题号", "题型", "题干", "选项A", "选项B", "答案", "", ""],
            vec!["q1", "", "问\"题\"", "是", "否", "A", "", ""],
            vec!["", "判断", "二", "", "", "对", "", ""],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        let header = find_header(&rows).unwrap();
        let settings = IntakeSettings::new(crate::domain::date::Date::new(2026, 12, 6).unwrap());
        for chinese_only in [false, true] {
            for (n, cells) in rows.iter().enumerate().skip(1) {
                let cells = row_cells(cells.clone());
                assert_eq!(cells.len(), 6, "the empty cells at the end are left");
                let draft = read_row(&header, &cells, None, &settings);
                let mut expected = Value::Object(draft.question.clone());
                expected["id"] = Value::from(format!("given-{n}"));
                if chinese_only {
                    drop_empty_english(&mut expected);
                }
                let mut kept = Kept::new(draft, cells, None);
                kept.id = format!("given-{n}");
                assert_eq!(
                    kept.take_question(&header, &settings, chinese_only),
                    expected
                );
                assert!(kept.cells.is_empty(), "the cells are freed");
            }
        }
    }
}
