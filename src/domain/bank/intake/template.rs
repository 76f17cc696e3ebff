//! Rows left over from a template: our own template's example questions (`quizzes/template.csv`,
//! read at build time so the list cannot drift from the file) and the placeholder text that
//! templates of every origin carry ("请输入题干", "示例题目", "xxx").

use super::row::Draft;
use crate::domain::bank::sheet::csv::parse_csv;

/// Our template, as shipped.
const TEMPLATE: &str = include_str!("../../../../quizzes/template.csv");

/// Prompts (whole, after trimming) that are placeholders, not questions.
const PLACEHOLDERS: [&str; 12] = [
    "题干",
    "题目",
    "试题",
    "问题",
    "请输入题干",
    "请输入题目",
    "在此输入题干",
    "此处填写题干",
    "题干内容",
    "xxx",
    "XXX",
    "……",
];

/// Openings that mark an example or a placeholder.
const OPENINGS: [&str; 8] = [
    "示例",
    "例题",
    "（示例）",
    "(示例)",
    "【示例】",
    "请在此",
    "此处填写",
    "在此输入",
];

/// The template's example prompts, in Chinese and English.
pub fn template_prompts() -> Vec<String> {
    let Ok(rows) = parse_csv(TEMPLATE.trim_start_matches('\u{feff}')) else {
        return Vec::new();
    };
    let Some(header) = rows
        .iter()
        .find(|r| r.first().map(String::as_str) == Some("id"))
    else {
        return Vec::new();
    };
    let columns: Vec<usize> = ["prompt_zh", "prompt_en"]
        .iter()
        .filter_map(|name| header.iter().position(|c| c == name))
        .collect();
    rows.iter()
        .skip_while(|r| r.first() != header.first())
        .skip(1)
        .flat_map(|r| columns.iter().filter_map(|c| r.get(*c).cloned()))
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// The text that shows a row is a template leftover, if it is one (`examples`: from
/// [`template_prompts`]).
pub fn leftover(draft: &Draft, examples: &[String]) -> Option<String> {
    let prompt = draft
        .question
        .get("prompt")
        .unwrap_or(&serde_json::Value::Null);
    let zh = prompt["zh"].as_str().unwrap_or("").trim();
    let en = prompt["en"].as_str().unwrap_or("").trim();
    if PLACEHOLDERS.contains(&zh) || OPENINGS.iter().any(|o| zh.starts_with(o)) {
        return Some(zh.to_owned());
    }
    [zh, en]
        .into_iter()
        .find(|p| !p.is_empty() && examples.iter().any(|e| e.trim() == *p))
        .map(str::to_owned)
}
