//! What can be wrong with a sheet or file as a whole, beyond what the bank validator judges: an
//! unreadable file, a header that is not found, columns missing or unused, answers that cannot be
//! read, template rows left in, translation rows that match nothing. Each with its severity, a
//! stable code and its wording in both languages (saying what to do).

use crate::domain::bank::sheet::META;
use crate::domain::bank::{field_names, shown, Severity};
use crate::domain::text::Lang;

/// A problem of the sheet itself, found by the import before or beside the validator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetIssue {
    /// A row left over from the template: its example questions or placeholder text.
    TemplateLeftover {
        /// The text that gave it away.
        text: String,
    },
    /// An answer letter past the last option ("D" for a question with three options).
    AnswerBeyondOptions {
        /// The letter as written.
        letter: char,
        /// How many options the question has.
        options: usize,
    },
    /// An answer cell that is neither option letters nor a true/false word.
    UnreadableAnswer {
        /// The cell as written.
        value: String,
    },
    /// No row of the sheet looks like a header: said once, with what was found and what is needed.
    HeaderNotFound {
        /// The cells of the likeliest row (at most a dozen).
        found: Vec<String>,
        /// The columns needed, in words.
        needed: Vec<&'static str>,
    },
    /// Header cells the importer does not use (their columns are ignored).
    IgnoredColumns {
        /// The header cells.
        names: Vec<String>,
    },
    /// A column the bank needs is absent from the sheet, so every question lacks it.
    MissingColumn {
        /// The field, e.g. `explanation`.
        field: &'static str,
        /// How many questions lack it.
        questions: usize,
    },
    /// The file could not be read as a sheet or a bank at all.
    Unreadable {
        /// Why.
        why: Unreadable,
    },
    /// A quoted CSV cell is never closed: everything after it would be one cell.
    UnclosedQuote {
        /// 1-based line of the text where the quote opened.
        line: usize,
    },
    /// A row of the translation sheet names a question or field the bank does not have.
    TranslationUnmatched {
        /// The question id as written.
        question: String,
        /// The field as written.
        field: String,
    },
    /// A `@` row of the template layout that is not one of the bank rows.
    UnknownBankRow {
        /// The first cell.
        name: String,
    },
    /// A question id written again on a later row (our template's layout, where ids are kept).
    RepeatedId {
        /// The id.
        id: String,
        /// The row where it was first written.
        first_row: usize,
    },
    /// 知识点/tag values that are not tag words (a-z, 0-9, -): kept for the summary, not written.
    TagsNotWritten {
        /// How many questions had such a value.
        count: usize,
        /// The first such value.
        example: String,
    },
}

/// Why a file is neither a sheet nor a bank. The words of the reader that failed (calamine's,
/// in English) are kept for the English message only: the Chinese one says what happened in
/// Chinese and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// No bytes at all.
    Empty,
    /// Not text, and not a workbook either (an image, random bytes).
    NotText,
    /// A bank's JSON given where a translation sheet was expected.
    BankNotTranslation,
    /// A workbook with an open password (encrypted).
    Encrypted,
    /// Looks like a workbook (a zip or an old `.xls` container) but cannot be opened.
    Damaged {
        /// The workbook reader's words.
        detail: String,
    },
}

impl Unreadable {
    /// The reason for a workbook the reader could not open, from its words.
    pub fn workbook(detail: String) -> Unreadable {
        let lower = detail.to_ascii_lowercase();
        if lower.contains("password") || lower.contains("encrypt") {
            Unreadable::Encrypted
        } else {
            Unreadable::Damaged { detail }
        }
    }

    fn message(&self, zh: bool) -> String {
        const SAVE_ZH: &str = "请另存为 Excel 工作簿（.xlsx）或 CSV 后再试。";
        const SAVE_EN: &str = "Save it as an Excel workbook (.xlsx) or as CSV and try again.";
        match self {
            Unreadable::Empty => pick(zh, format!("这个文件是空的（0 字节）。{SAVE_ZH}"), format!("The file is empty (0 bytes). {SAVE_EN}")),
            Unreadable::NotText => pick(zh, format!("这不是表格或题库文件（像是图片或其他非文字文件）。{SAVE_ZH}"), format!("This is not a sheet or a bank (it looks like an image or other non-text file). {SAVE_EN}")),
            Unreadable::BankNotTranslation => pick(zh, "这是题库的 JSON 文件，不是翻译表。请选“下载翻译表”得到的那个表格文件。".to_owned(), "This is a bank's JSON file, not a translation sheet. Choose the sheet that \"Download the translation sheet\" gave.".to_owned()),
            Unreadable::Encrypted => pick(zh, "这个 Excel 工作簿设了打开密码，无法读取。请在 Excel 或 WPS 里去掉密码后另存，再试。".to_owned(), "This workbook is protected by a password and cannot be read. Remove the password in Excel or WPS, save it and try again.".to_owned()),
            Unreadable::Damaged { detail } => pick(zh, format!("这个文件像是 Excel 工作簿，但已损坏，打不开。请在 Excel 或 WPS 里打开后重新另存。{SAVE_ZH}"), format!("This file looks like an Excel workbook but is damaged and cannot be opened ({}). {SAVE_EN}", shown(detail))),
        }
    }
}

impl SheetIssue {
    /// How serious it is.
    pub fn severity(&self) -> Severity {
        match self {
            SheetIssue::TemplateLeftover { .. }
            | SheetIssue::IgnoredColumns { .. }
            | SheetIssue::TranslationUnmatched { .. }
            | SheetIssue::TagsNotWritten { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The kind's stable name, in snake case (alongside `ProblemKind::code`).
    pub fn code(&self) -> &'static str {
        match self {
            SheetIssue::TemplateLeftover { .. } => "template_leftover",
            SheetIssue::AnswerBeyondOptions { .. } => "answer_beyond_options",
            SheetIssue::UnreadableAnswer { .. } => "unreadable_answer",
            SheetIssue::HeaderNotFound { .. } => "header_not_found",
            SheetIssue::IgnoredColumns { .. } => "ignored_columns",
            SheetIssue::MissingColumn { .. } => "missing_column",
            SheetIssue::Unreadable { .. } => "unreadable",
            SheetIssue::UnclosedQuote { .. } => "unclosed_quote",
            SheetIssue::TranslationUnmatched { .. } => "translation_unmatched",
            SheetIssue::UnknownBankRow { .. } => "unknown_bank_row",
            SheetIssue::TagsNotWritten { .. } => "tags_not_written",
            SheetIssue::RepeatedId { .. } => "repeated_id",
        }
    }

    /// The problem in a content editor's words, with what to do.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
        SheetIssue::TemplateLeftover { text } => { let text = shown(text); pick(zh, format!("这一行像是模板里留下的示例或占位文字（“{text}”）；请删去这一行或换成真正的题目。"), format!("This row looks left over from the template (\"{text}\"); delete it or replace it with a real question.")) }
        SheetIssue::AnswerBeyondOptions { letter, options } => pick(zh, format!("答案 {letter} 超出了选项范围：本题只有 {options} 个选项。请核对答案或补上缺的选项。"), format!("The answer {letter} is past the last option: this question has {options} options. Check the answer or add the missing option.")),
        SheetIssue::UnreadableAnswer { value } => { let value = shown(value); pick(zh, format!("看不懂答案 “{value}”：请写选项字母（如 B，多选写 ABD 或 A,B,D），判断题写 对/错、正确/错误 或 √/×。"), format!("The answer \"{value}\" cannot be read: write option letters (B; ABD or A,B,D for several), or for true/false 对/错, 正确/错误, √/×, true/false.")) }
        SheetIssue::HeaderNotFound { found, needed } => { let found = found.iter().map(|c| shown(c)).collect::<Vec<_>>(); pick(zh, format!("找不到表头行。前几行里最像表头的一行是：{}。至少需要这些列：{}。请在题目上方加一行列名（例如 题型、题干、选项A…、答案、解析）。", found.join("、"), needed.join("、")), format!("No header row found. The likeliest row has: {}. The sheet needs at least these columns: {}. Add a row of column names above the questions (e.g. 题型/type, 题干/prompt, A…, 答案/answer, 解析/explanation).", found.join(", "), needed.join(", "))) }
        SheetIssue::IgnoredColumns { names } => { let names = names.iter().map(|c| shown(c)).collect::<Vec<_>>(); pick(zh, format!("这些列没有用到，已忽略：{}。如果其中有题目内容，请改用能识别的列名。", names.join("、")), format!("These columns are not used and were ignored: {}. If one holds question content, rename it to a recognised name.", names.join(", "))) }
        SheetIssue::MissingColumn { field, questions } => { let (zh_name, en_name) = field_names(field); pick(zh, format!("表格里没有“{zh_name}”这一列，{questions} 道题都缺少{zh_name}。请加上这一列并填写（或在题库设置里给出默认值）。"), format!("The sheet has no {en_name} column, so all {questions} questions lack one. Add the column and fill it in (or give a default in the bank settings).")) }
        SheetIssue::Unreadable { why } => why.message(zh),
        SheetIssue::UnclosedQuote { line } => pick(zh, format!("这一格里的英文双引号 \" 没有配对（文件第 {line} 行）：从它开始直到文件末尾的内容都被当成了这一格，所以整张表没有导入。请补上结尾的引号；格子里要写的引号本身要写成两个 \"\"。"), format!("This cell has a double quote (\") that is never closed (line {line} of the file): everything from it to the end of the file would be this one cell, so nothing was imported. Close the quote; a quote that belongs in the text is written twice (\"\").")),
        SheetIssue::TranslationUnmatched { question, field } => { let (question, field) = (shown(question), shown(field)); pick(zh, format!("翻译表这一行找不到对应的题目或字段（题目 “{question}”，字段 “{field}”），没有填入。请不要改动前几列。"), format!("This row of the translation sheet matches no question or field (question \"{question}\", field \"{field}\"); it was not filled in. Leave the first columns as exported.")) }
            SheetIssue::UnknownBankRow { name } => { let name = shown(name); pick(zh, format!("未知的题库信息行“{name}”，可用：{}", META.join("、")), format!("Unknown bank row \"{name}\"; use {}", META.join(", "))) }
            SheetIssue::RepeatedId { id, first_row } => { let id = shown(id); pick(zh, format!("题目编号 “{id}” 在第 {first_row} 行已经用过，每题编号必须唯一。请改成新的编号。"), format!("The question id \"{id}\" is already used on row {first_row}; ids must be unique. Give this question a new one.")) }
            SheetIssue::TagsNotWritten { count, example } => { let example = shown(example); pick(zh, format!("{count} 道题的知识点/标签（如 “{example}”）不是标签词，只用于统计，没有写入题库。标签只能用小写字母、数字和连字符，如 safe-account。"), format!("{count} questions have a topic/tag (e.g. \"{example}\") that is not a tag word; it is counted in the summary but not written. Tags use lowercase letters, digits and \"-\", e.g. safe-account.")) }
        }
    }
}

fn pick(zh: bool, zh_text: String, en_text: String) -> String {
    if zh {
        zh_text
    } else {
        en_text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind. No wildcard: a new kind does not compile until it is listed here.
    fn examples() -> Vec<SheetIssue> {
        let all = vec![
            SheetIssue::TemplateLeftover {
                text: "示例".into(),
            },
            SheetIssue::AnswerBeyondOptions {
                letter: 'D',
                options: 3,
            },
            SheetIssue::UnreadableAnswer {
                value: "甲".into()
            },
            SheetIssue::HeaderNotFound {
                found: vec!["姓名".into()],
                needed: vec!["题干"],
            },
            SheetIssue::IgnoredColumns {
                names: vec!["备注".into()],
            },
            SheetIssue::MissingColumn {
                field: "source",
                questions: 3,
            },
            SheetIssue::Unreadable {
                why: Unreadable::Damaged {
                    detail: "invalid Zip archive".into(),
                },
            },
            SheetIssue::UnclosedQuote { line: 4 },
            SheetIssue::TranslationUnmatched {
                question: "q9".into(),
                field: "prompt".into(),
            },
            SheetIssue::UnknownBankRow { name: "@x".into() },
            SheetIssue::RepeatedId {
                id: "q1".into(),
                first_row: 3,
            },
            SheetIssue::TagsNotWritten {
                count: 2,
                example: "安全账户".into(),
            },
        ];
        for issue in &all {
            match issue {
                SheetIssue::TemplateLeftover { .. }
                | SheetIssue::AnswerBeyondOptions { .. }
                | SheetIssue::UnreadableAnswer { .. }
                | SheetIssue::HeaderNotFound { .. }
                | SheetIssue::IgnoredColumns { .. }
                | SheetIssue::MissingColumn { .. }
                | SheetIssue::Unreadable { .. }
                | SheetIssue::UnclosedQuote { .. }
                | SheetIssue::TranslationUnmatched { .. }
                | SheetIssue::UnknownBankRow { .. }
                | SheetIssue::RepeatedId { .. }
                | SheetIssue::TagsNotWritten { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_sheet_issue_reads_in_both_languages_with_its_own_code() {
        let mut codes = Vec::new();
        for issue in examples() {
            let (zh, en) = (issue.message(Lang::Zh), issue.message(Lang::En));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            // English messages start in English, whatever they quote.
            assert!(en.starts_with(|c: char| c.is_ascii_alphanumeric()), "{en}");
            assert!(en.len() > 20 && zh.len() > 20);
            codes.push(issue.code());
        }
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "codes are distinct");
    }

    #[test]
    fn a_refused_file_is_told_in_chinese_without_the_readers_english() {
        let damaged = Unreadable::workbook("invalid Zip archive: EOCD not found".into());
        let locked = Unreadable::workbook("Xlsx error: Workbook is password protected".into());
        assert_eq!(locked, Unreadable::Encrypted);
        for why in [
            Unreadable::Empty,
            Unreadable::NotText,
            Unreadable::BankNotTranslation,
            locked,
            damaged,
        ] {
            let issue = SheetIssue::Unreadable { why };
            let zh = issue.message(Lang::Zh);
            // Only file names and formats in Latin letters (.xlsx, CSV, JSON, Excel, WPS).
            let words: Vec<&str> = zh
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 1)
                .filter(|w| !["xlsx", "CSV", "JSON", "Excel", "WPS"].contains(w))
                .collect();
            assert!(words.is_empty(), "{zh}: {words:?}");
        }
        let en = SheetIssue::Unreadable {
            why: Unreadable::workbook("invalid Zip archive".into()),
        }
        .message(Lang::En);
        assert!(en.contains("invalid Zip archive"), "{en}");
    }
}
