//! Import: a sheet saved as CSV becomes the bank's JSON, checked by the bank validator, with each
//! problem placed at its spreadsheet row and column.

use super::csv::{parse_csv, UnclosedQuote};
use super::{columns, SheetImport, SheetProblem, META, SHEET_OPTIONS};
use crate::domain::bank::{
    option_letter, parse_bank, shown, BankReport, QuestionType, FORMAT_VERSION, MAX_PROBLEMS,
};
use crate::domain::date::Date;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The spreadsheet's name for a 1-based column number: 1 → A, 27 → AA.
fn column_letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The import's answer to an unclosed quote: one error at the cell where it opened, named by its
/// header when the header row comes before it.
fn unclosed_quote_problem(open: &UnclosedQuote) -> SheetProblem {
    let column = open
        .rows_before
        .iter()
        .find(|r| r.first().map(|c| c.trim()) == Some("id"))
        .and_then(|header| header.get(open.column - 1))
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| column_letters(open.column));
    let line = open.line;
    SheetProblem {
        row: Some(open.row),
        column: Some(column),
        problem: None,
        sheet_message: Some((
            format!("这一格里的英文双引号 \" 没有配对（文件第 {line} 行）：从它开始直到文件末尾的内容都被当成了这一格，所以整张表没有导入。请补上结尾的引号；格子里要写的引号本身要写成两个 \"\"。"),
            format!("This cell has a double quote (\") that is never closed (line {line} of the file): everything from it to the end of the file would be this one cell, so nothing was imported. Close the quote; a quote that belongs in the text is written twice (\"\")."),
        )),
    }
}

/// Adds a sheet-level problem while fewer than `MAX_PROBLEMS` are listed; past that, counts it
/// (a problem per row or per column can come every two bytes: `x,x,x,…`).
fn note(problems: &mut Vec<SheetProblem>, more: &mut usize, problem: SheetProblem) {
    if problems.len() < MAX_PROBLEMS {
        problems.push(problem);
    } else {
        *more += 1;
    }
}

/// The one problem that stands for the `more` sheet-level problems not listed, if any.
fn not_listed(problems: &mut Vec<SheetProblem>, more: usize) {
    if more > 0 {
        problems.push(SheetProblem::sheet(
            None,
            format!("还有 {more} 个表格问题没有逐条列出（最多列出 {MAX_PROBLEMS} 条）。请先改正上面列出的问题，再导入一次。"),
            format!("{more} more problems with the sheet were found but are not listed (at most {MAX_PROBLEMS}). Fix the ones above and import again."),
        ));
    }
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split([';', ',', '、', '，', '；', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn text_value(zh: &str, en: &str) -> Value {
    json!({ "zh": zh, "en": en })
}

/// Imports a sheet saved as CSV (`file` names the bank JSON it becomes, e.g. `fraud.json`).
pub fn import_sheet(file: &str, bytes: &[u8], today: Date) -> SheetImport {
    let fail = |zh: &str, en: &str| SheetImport {
        bank: None,
        problems: vec![SheetProblem::sheet(None, zh.to_owned(), en.to_owned())],
    };
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if body.starts_with(&[0xFF, 0xFE]) || body.starts_with(&[0xFE, 0xFF]) {
        return fail(
            "表格是 UTF-16（“Unicode 文本”）格式。请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”。",
            "The sheet is UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8 (comma delimited)\".",
        );
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return fail(
            "表格不是 UTF-8 编码（Excel 默认的“CSV（逗号分隔）”是 GBK）。请另存为“CSV UTF-8（逗号分隔）”。",
            "The sheet is not UTF-8 (Excel's plain \"CSV\" on Chinese Windows is GBK). Save it as \"CSV UTF-8 (comma delimited)\".",
        );
    };
    let rows = match parse_csv(text) {
        Ok(rows) => rows,
        Err(open) => {
            return SheetImport {
                bank: None,
                problems: vec![unclosed_quote_problem(&open)],
            }
        }
    };
    let mut problems = Vec::new();
    let mut more = 0;
    let mut meta: Map<String, Value> = Map::new();
    let mut header: Option<(usize, Vec<String>)> = None;
    // Each header name's first column, looked up for every cell (a scan of a wide header for each
    // cell took time proportional to the header's width times the sheet's cells).
    let mut column_at: HashMap<String, usize> = HashMap::new();
    let mut questions = Vec::new();
    let mut question_rows: Vec<usize> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let number = i + 1;
        let first = row.first().map(|s| s.trim()).unwrap_or("");
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if header.is_none() {
            if first.starts_with('@') {
                let value = row.get(1).map(|s| s.trim()).unwrap_or("");
                if META.contains(&first) {
                    meta.insert(first.to_owned(), Value::String(value.to_owned()));
                } else {
                    note(
                        &mut problems,
                        &mut more,
                        SheetProblem::sheet(
                            Some(number),
                            format!(
                                "未知的题库信息行“{}”，可用：{}",
                                shown(first),
                                META.join("、")
                            ),
                            format!(
                                "Unknown bank row \"{}\"; use {}",
                                shown(first),
                                META.join(", ")
                            ),
                        ),
                    );
                }
                continue;
            }
            if first == "id" {
                let names: Vec<String> = row.iter().map(|c| c.trim().to_owned()).collect();
                for (at, name) in names.iter().enumerate() {
                    column_at.entry(name.clone()).or_insert(at);
                }
                header = Some((number, names));
                continue;
            }
            note(
                &mut problems,
                &mut more,
                SheetProblem::sheet(
                    Some(number),
                    "在表头（以 id 开头的一行）之前出现了内容。".to_owned(),
                    "Content before the header row (the row starting with id).".to_owned(),
                ),
            );
            continue;
        }
        let get = |col: &str| -> String {
            column_at
                .get(col)
                .and_then(|p| row.get(*p))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        questions.push(question_value(&get));
        question_rows.push(number);
    }
    let Some((header_row, names)) = header else {
        not_listed(&mut problems, more);
        problems.push(SheetProblem::sheet(
            None,
            "找不到表头行（第一格是 id 的一行）。请从 quizzes/template.csv 开始。".to_owned(),
            "No header row (a row whose first cell is id). Start from quizzes/template.csv."
                .to_owned(),
        ));
        return SheetImport {
            bank: None,
            problems,
        };
    };
    let known = columns();
    for name in &names {
        if !name.is_empty() && !known.contains(name) {
            let name = shown(name);
            note(
                &mut problems,
                &mut more,
                SheetProblem::sheet(
                    Some(header_row),
                    format!("未知列“{name}”。列名请与 quizzes/template.csv 保持一致。"),
                    format!(
                        "Unknown column \"{name}\". Keep the column names of quizzes/template.csv."
                    ),
                ),
            );
        }
    }
    not_listed(&mut problems, more);
    let m = |k: &str| meta.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    let number_or_text = |s: String| {
        s.parse::<u64>()
            .map(Value::from)
            .unwrap_or(Value::String(s))
    };
    let mut bank = Map::new();
    bank.insert("format".into(), Value::from(FORMAT_VERSION));
    bank.insert("id".into(), Value::String(m("@id")));
    bank.insert("topic".into(), Value::String(m("@topic")));
    bank.insert("version".into(), number_or_text(m("@version")));
    bank.insert("reviewed".into(), Value::String(m("@reviewed")));
    bank.insert("title".into(), text_value(&m("@title_zh"), &m("@title_en")));
    bank.insert(
        "description".into(),
        text_value(&m("@description_zh"), &m("@description_en")),
    );
    let ids: Vec<String> = questions
        .iter()
        .map(|q| q.get("id").and_then(Value::as_str).unwrap_or("").to_owned())
        .collect();
    // Each id's first question, for placing the validator's problems.
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    for (at, id) in ids.iter().enumerate() {
        first_with_id.entry(id.as_str()).or_insert(at);
    }
    bank.insert("questions".into(), Value::Array(questions));
    let json = serde_json::to_vec(&Value::Object(bank)).unwrap_or_default();
    let report: BankReport = parse_bank(file, &json, today);
    for p in report.problems {
        // The validator names a question by id, or by 1-based position when the id is unusable.
        let row = p.question.as_ref().and_then(|q| {
            let position = match q.strip_prefix('#') {
                Some(n) => n.parse::<usize>().ok()?.checked_sub(1)?,
                None => *first_with_id.get(q.as_str())?,
            };
            question_rows.get(position).copied()
        });
        let column = Some(column_of(p.question.is_some(), &p.field));
        problems.push(SheetProblem {
            row,
            column,
            problem: Some(p),
            sheet_message: None,
        });
    }
    let has_errors = problems.iter().any(SheetProblem::is_error);
    SheetImport {
        bank: if has_errors { None } else { report.bank },
        problems,
    }
}

/// The sheet column for a validator field (`options[2].text.en` → `option_2_en`).
fn column_of(in_question: bool, field: &str) -> String {
    if !in_question {
        return match field {
            "title.zh" | "title.en" | "description.zh" | "description.en" => {
                format!("@{}", field.replace('.', "_"))
            }
            "" | "questions" => String::new(),
            other => format!("@{other}"),
        };
    }
    if let Some(rest) = field.strip_prefix("options[") {
        if let Some((n, tail)) = rest.split_once(']') {
            let tail = tail.trim_start_matches('.');
            return match tail {
                "text.zh" => format!("option_{n}_zh"),
                "text.en" => format!("option_{n}_en"),
                "feedback.zh" => format!("option_{n}_feedback_zh"),
                "feedback.en" => format!("option_{n}_feedback_en"),
                "id" => "option_ids".to_owned(),
                _ => format!("option_{n}_zh"),
            };
        }
    }
    match field {
        "options" => "option_1_zh".to_owned(),
        f => f.replace('.', "_"),
    }
}

fn question_value(get: &dyn Fn(&str) -> String) -> Value {
    let kind = get("type");
    let mut q = Map::new();
    q.insert("id".into(), Value::String(get("id")));
    q.insert("type".into(), Value::String(kind.clone()));
    q.insert(
        "prompt".into(),
        text_value(&get("prompt_zh"), &get("prompt_en")),
    );
    let given_ids = split_list(&get("option_ids"));
    let mut options = Vec::new();
    for n in 1..=SHEET_OPTIONS {
        let zh = get(&format!("option_{n}_zh"));
        let en = get(&format!("option_{n}_en"));
        if zh.is_empty() && en.is_empty() {
            continue;
        }
        let position = options.len();
        let default_id = if kind == QuestionType::TrueFalse.as_str() {
            ["true", "false"]
                .get(position)
                .map_or_else(|| format!("x{n}"), |s| s.to_string())
        } else {
            option_letter(position).to_ascii_lowercase().to_string()
        };
        let id = given_ids.get(position).cloned().unwrap_or(default_id);
        let mut option = Map::new();
        option.insert("id".into(), Value::String(id));
        option.insert("text".into(), text_value(&zh, &en));
        let fzh = get(&format!("option_{n}_feedback_zh"));
        let fen = get(&format!("option_{n}_feedback_en"));
        if !fzh.is_empty() || !fen.is_empty() {
            option.insert("feedback".into(), text_value(&fzh, &fen));
        }
        options.push(Value::Object(option));
    }
    q.insert("options".into(), Value::Array(options));
    q.insert(
        "answer".into(),
        Value::Array(
            split_list(&get("answer"))
                .into_iter()
                .map(Value::String)
                .collect(),
        ),
    );
    q.insert(
        "explanation".into(),
        text_value(&get("explanation_zh"), &get("explanation_en")),
    );
    q.insert(
        "source".into(),
        text_value(&get("source_zh"), &get("source_en")),
    );
    let difficulty = get("difficulty");
    q.insert(
        "difficulty".into(),
        difficulty
            .parse::<u64>()
            .map(Value::from)
            .unwrap_or(Value::String(difficulty)),
    );
    q.insert(
        "audience".into(),
        Value::Array(
            split_list(&get("audience"))
                .into_iter()
                .map(Value::String)
                .collect(),
        ),
    );
    let tags = split_list(&get("tags"));
    if !tags.is_empty() {
        q.insert(
            "tags".into(),
            Value::Array(tags.into_iter().map(Value::String).collect()),
        );
    }
    let until = get("valid_until");
    if !until.is_empty() {
        q.insert("valid_until".into(), Value::String(until));
    }
    let (rzh, ren) = (get("read_aloud_zh"), get("read_aloud_en"));
    if !rzh.is_empty() || !ren.is_empty() {
        let mut r = Map::new();
        if !rzh.is_empty() {
            r.insert("zh".into(), Value::String(rzh));
        }
        if !ren.is_empty() {
            r.insert("en".into(), Value::String(ren));
        }
        q.insert("read_aloud".into(), Value::Object(r));
    }
    Value::Object(q)
}
