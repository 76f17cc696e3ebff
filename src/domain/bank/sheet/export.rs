//! Export: a bank as sheet rows and as CSV text, in the layout import reads back.

use super::csv::write_csv;
use super::{columns, SHEET_OPTIONS};
use crate::domain::bank::{option_letter, Bank, QuestionType};

/// The bank as sheet rows (bank rows, header, one row per question).
pub fn export_rows(bank: &Bank) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = vec![
        vec!["@id".into(), bank.id.to_string()],
        vec!["@topic".into(), bank.topic.as_str().into()],
        vec!["@version".into(), bank.version.to_string()],
        vec!["@reviewed".into(), bank.reviewed.to_string()],
        vec!["@title_zh".into(), bank.title.zh.clone()],
        vec!["@title_en".into(), bank.title.en.clone()],
        vec!["@description_zh".into(), bank.description.zh.clone()],
        vec!["@description_en".into(), bank.description.en.clone()],
    ];
    if !bank.languages.is_bilingual() {
        rows.push(vec!["@languages".into(), "zh".into()]);
    }
    let cols = columns();
    rows.push(cols.clone());
    for q in &bank.questions {
        let default_ids: Vec<String> = (0..q.options.len())
            .map(|i| {
                if q.kind == QuestionType::TrueFalse {
                    ["true", "false"]
                        .get(i)
                        .map_or_else(String::new, |s| s.to_string())
                } else {
                    option_letter(i).to_ascii_lowercase().to_string()
                }
            })
            .collect();
        let ids: Vec<String> = q.options.iter().map(|o| o.id.to_string()).collect();
        let mut cells = vec![
            q.id.to_string(),
            q.kind.as_str().to_owned(),
            q.difficulty.to_string(),
            q.audience
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            q.tags.join(";"),
            q.prompt.zh.clone(),
            q.prompt.en.clone(),
            if ids == default_ids {
                String::new()
            } else {
                ids.join(";")
            },
        ];
        for n in 0..SHEET_OPTIONS {
            let o = q.options.get(n);
            let f = o.and_then(|o| o.feedback.as_ref());
            cells.push(o.map(|o| o.text.zh.clone()).unwrap_or_default());
            cells.push(o.map(|o| o.text.en.clone()).unwrap_or_default());
            cells.push(f.map(|f| f.zh.clone()).unwrap_or_default());
            cells.push(f.map(|f| f.en.clone()).unwrap_or_default());
        }
        cells.push(
            q.answer
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(";"),
        );
        cells.push(q.explanation.zh.clone());
        cells.push(q.explanation.en.clone());
        cells.push(q.source.zh.clone());
        cells.push(q.source.en.clone());
        cells.push(q.valid_until.map(|d| d.to_string()).unwrap_or_default());
        let r = q.read_aloud.as_ref();
        cells.push(r.and_then(|r| r.zh.clone()).unwrap_or_default());
        cells.push(r.and_then(|r| r.en.clone()).unwrap_or_default());
        debug_assert_eq!(cells.len(), cols.len());
        rows.push(cells);
    }
    rows
}

/// The bank as CSV text with a UTF-8 BOM (so Excel opens it as UTF-8).
pub fn export_csv(bank: &Bank) -> String {
    format!("\u{feff}{}", write_csv(&export_rows(bank)))
}
