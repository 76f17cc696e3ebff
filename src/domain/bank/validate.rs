//! The bank validator: turns the bytes of a bank file into a `Bank` and a list of every problem.
//!
//! One checker for both places a bank is read: the app (when it loads a bank) and the `anxin-bank`
//! command-line tool. It never stops at the first problem. Each problem names the file, the question
//! (by id, or by position when the id itself is broken) and the field, in words a content editor reads.

use super::json::{self, RepeatedKey, Step};
use super::{
    AnswerOption, Audience, Bank, BankId, OptionId, Question, QuestionId, QuestionType, ReadAloud,
    Topic, FORMAT_VERSION,
};
use crate::domain::date::Date;
use crate::domain::text::{Lang, LocalText};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The bank still loads; an editor should look.
    Warning,
    /// The bank is not offered until this is fixed.
    Error,
}

/// Character limits that keep a question readable on a kiosk screen (warnings beyond them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimits {
    /// Most characters in Chinese.
    pub zh: usize,
    /// Most characters in English.
    pub en: usize,
}

impl TextLimits {
    /// Limit for a prompt.
    pub const PROMPT: TextLimits = TextLimits { zh: 120, en: 320 };
    /// Limit for one option.
    pub const OPTION: TextLimits = TextLimits { zh: 40, en: 110 };
    /// Limit for an explanation.
    pub const EXPLANATION: TextLimits = TextLimits { zh: 220, en: 600 };
    /// Limit for an option's feedback.
    pub const FEEDBACK: TextLimits = TextLimits { zh: 100, en: 260 };
    /// Limit for a source.
    pub const SOURCE: TextLimits = TextLimits { zh: 120, en: 300 };
    /// Limit for a bank title.
    pub const TITLE: TextLimits = TextLimits { zh: 20, en: 60 };
    /// Limit for a bank description.
    pub const DESCRIPTION: TextLimits = TextLimits { zh: 80, en: 220 };

    fn get(self, lang: Lang) -> usize {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Largest share of a bank's true/false questions one answer (`true` or `false`) may have before a
/// warning. Only true/false options keep their order on screen; the others are shuffled.
pub const MAX_TRUE_FALSE_SHARE_PERCENT: usize = 70;

/// Fewest true/false questions for which their balance is judged.
pub const MIN_TRUE_FALSE_FOR_BALANCE: usize = 6;

/// Most characters of a value a message quotes; longer values are cut and end in "…".
pub const SHOWN_CHARS: usize = 40;

/// What is wrong, in terms an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not UTF-8 text (e.g. saved as GBK/ANSI).
    NotUtf8,
    /// The file is UTF-16 (saved as "Unicode" in Notepad or Excel).
    Utf16,
    /// The file starts with a byte-order mark; tolerated.
    ByteOrderMark,
    /// The JSON itself is broken.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        detail: String,
    },
    /// `format` is missing.
    MissingFormat,
    /// `format` names a version this app does not read.
    UnsupportedFormat {
        /// What the file says.
        found: String,
    },
    /// A field the format does not have (often a typo).
    UnknownField {
        /// The field as written.
        name: String,
        /// The known field it most resembles.
        suggestion: Option<&'static str>,
    },
    /// A required field is absent.
    Missing,
    /// The value has the wrong kind (text where a number belongs …).
    WrongType {
        /// What the field should hold, in plain words.
        expected: &'static str,
    },
    /// Text is empty in one language.
    EmptyText {
        /// The empty language.
        lang: Lang,
    },
    /// An id uses characters other than a-z, 0-9 and "-".
    BadId {
        /// The id as written.
        value: String,
    },
    /// The bank id is not the file name.
    IdNotFileName {
        /// The id written.
        id: String,
        /// The id the file name implies.
        expected: String,
    },
    /// Two questions share an id.
    DuplicateQuestion {
        /// The repeated id.
        id: String,
    },
    /// Two options of one question share an id.
    DuplicateOption {
        /// The repeated id.
        id: String,
    },
    /// An unknown topic.
    UnknownTopic {
        /// The topic as written.
        value: String,
    },
    /// An unknown question type.
    UnknownType {
        /// The type as written.
        value: String,
    },
    /// An unknown audience.
    UnknownAudience {
        /// The audience as written.
        value: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    BadDate {
        /// The date as written.
        value: String,
    },
    /// A whole number outside its range.
    OutOfRange {
        /// The number as written.
        value: String,
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
    },
    /// An answer that is not one of the option ids.
    AnswerNotAnOption {
        /// The answer as written.
        answer: String,
    },
    /// An answer listed twice.
    DuplicateAnswer {
        /// The repeated id.
        answer: String,
    },
    /// No answer at all.
    NoAnswer,
    /// A single-choice or true/false question with more than one answer.
    OneAnswerOnly {
        /// How many answers were given.
        count: usize,
    },
    /// A multiple-choice question with fewer than two answers.
    MultipleNeedsTwo {
        /// How many answers were given.
        count: usize,
    },
    /// Too few options for the question type.
    TooFewOptions {
        /// Options given.
        count: usize,
        /// Options needed.
        min: usize,
    },
    /// Too many options to show on one screen.
    TooManyOptions {
        /// Options given.
        count: usize,
        /// Most allowed.
        max: usize,
    },
    /// A true/false question whose options are not exactly `true` then `false`.
    TrueFalseOptions,
    /// The bank has no questions.
    NoQuestions,
    /// The question's `valid_until` has passed: the app hides it.
    Expired {
        /// The date it expired.
        date: Date,
    },
    /// Every question has expired.
    AllExpired,
    /// Text longer than fits on a kiosk screen.
    TooLong {
        /// The language that is too long.
        lang: Lang,
        /// Characters written.
        length: usize,
        /// The limit.
        limit: usize,
    },
    /// Too many of the true/false questions share one answer, so always ticking it scores well
    /// (true/false is the one type whose options are not shuffled).
    TrueFalseImbalance {
        /// The answer most of them have: `"true"` or `"false"`.
        answer: &'static str,
        /// How many true/false questions have it.
        count: usize,
        /// How many true/false questions the bank has.
        total: usize,
    },
    /// `read_aloud` has neither language.
    EmptyReadAloud,
    /// An object has the same key twice; JSON readers keep only one of the two values.
    DuplicateKey {
        /// The key as written.
        key: String,
        /// 1-based line of the first one, when known.
        first_line: Option<usize>,
        /// 1-based line of the repeat, when known.
        line: Option<usize>,
    },
    /// Text holds a control character (NUL, escape, bidirectional override …) that is invisible,
    /// shows as garbage, or reorders the line on screen.
    ControlCharacter {
        /// The language of the text.
        lang: Lang,
        /// The character.
        character: char,
        /// Its 1-based position in the text.
        position: usize,
    },
    /// Text holds an invisible character (zero-width space, soft hyphen …), usually pasted by accident.
    InvisibleCharacter {
        /// The language of the text.
        lang: Lang,
        /// The character.
        character: char,
        /// Its 1-based position in the text.
        position: usize,
    },
    /// Text looks like HTML (`<b>`, `&nbsp;`); the app shows it as written, not as markup.
    HtmlMarkup {
        /// The language of the text.
        lang: Lang,
        /// The first piece of markup found.
        markup: String,
    },
    /// An option that points at other options ("以上都对", "all of the above", "A and B"), which
    /// shuffling makes wrong.
    PositionalOption {
        /// The option's text.
        text: String,
    },
    /// An option that starts with its own letter or number ("A.", "1、", "(A)"); the app adds letters
    /// itself, after shuffling.
    NumberedOption {
        /// The option's text.
        text: String,
    },
}

impl ProblemKind {
    /// How serious this kind of problem is.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::ByteOrderMark
            | ProblemKind::Expired { .. }
            | ProblemKind::TooLong { .. }
            | ProblemKind::TrueFalseImbalance { .. }
            | ProblemKind::InvisibleCharacter { .. }
            | ProblemKind::HtmlMarkup { .. }
            | ProblemKind::NumberedOption { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The problem in a content editor's words.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let lang_name = |l: Lang| match (zh, l) {
            (true, Lang::Zh) => "中文",
            (true, Lang::En) => "英文",
            (false, Lang::Zh) => "Chinese",
            (false, Lang::En) => "English",
        };
        match self {
            ProblemKind::NotUtf8 => pick(zh, "文件不是 UTF-8 编码（可能存成了 GBK/ANSI）。请用“UTF-8”编码另存。".into(), "The file is not UTF-8 text (perhaps saved as GBK/ANSI). Save it again as UTF-8.".into()),
            ProblemKind::Utf16 => pick(zh, "文件是 UTF-16（“Unicode”）编码。请用“UTF-8”编码另存。".into(), "The file is UTF-16 (\"Unicode\"). Save it again as UTF-8.".into()),
            ProblemKind::ByteOrderMark => pick(zh, "文件开头有 BOM 标记；已忽略，建议存为无 BOM 的 UTF-8。".into(), "The file starts with a byte-order mark; it was ignored, but save as UTF-8 without BOM.".into()),
            ProblemKind::Syntax { line, column, detail } => { let detail = escaped(detail); pick(zh, format!("JSON 格式错误，第 {line} 行第 {column} 列：{detail}（常见原因：漏了逗号、多了逗号、引号不成对、用了中文引号）"), format!("JSON syntax error at line {line}, column {column}: {detail} (often a missing or extra comma, an unclosed quote, or Chinese quotation marks)")) }
            ProblemKind::MissingFormat => pick(zh, format!("缺少 format 字段，应为 {FORMAT_VERSION}。"), format!("The format field is missing; it should be {FORMAT_VERSION}.")),
            ProblemKind::UnsupportedFormat { found } => { let found = shown(found); pick(zh, format!("本程序只能读取第 {FORMAT_VERSION} 版题库格式，此文件是 {found}。"), format!("This app reads bank format {FORMAT_VERSION} only; this file says {found}.")) }
            ProblemKind::UnknownField { name, suggestion } => {
                let hint = suggestion.map(|s| pick(zh, format!("，是不是想写 “{s}”？"), format!(" Did you mean \"{s}\"?"))).unwrap_or_default();
                let name = shown(name);
                pick(zh, format!("未知字段 “{name}”{hint}"), format!("Unknown field \"{name}\".{hint}"))
            }
            ProblemKind::Missing => pick(zh, "缺少此项，必须填写。".into(), "This is required but missing.".into()),
            ProblemKind::WrongType { expected } => pick(zh, format!("格式不对，这里应当是{}。", expected_zh(expected)), format!("Wrong kind of value: expected {expected}.")),
            ProblemKind::EmptyText { lang: l } => pick(zh, format!("{}内容为空。", lang_name(*l)), format!("The {} text is empty.", lang_name(*l))),
            ProblemKind::BadId { value } => { let value = shown(value); pick(zh, format!("编号 “{value}” 只能用小写字母、数字和连字符（-），最长 40 个字符。"), format!("The id \"{value}\" may only use lowercase letters, digits and \"-\" (at most 40 characters).")) }
            ProblemKind::IdNotFileName { id, expected } => { let (id, expected) = (shown(id), shown(expected)); pick(zh, format!("题库编号 “{id}” 与文件名不一致，应为 “{expected}”。"), format!("The bank id \"{id}\" does not match the file name; it should be \"{expected}\".")) }
            ProblemKind::DuplicateQuestion { id } => { let id = shown(id); pick(zh, format!("题目编号 “{id}” 重复了，每题编号必须唯一。"), format!("The question id \"{id}\" is used twice; ids must be unique.")) }
            ProblemKind::DuplicateOption { id } => { let id = shown(id); pick(zh, format!("选项编号 “{id}” 在本题中重复了。"), format!("The option id \"{id}\" is used twice in this question.")) }
            ProblemKind::UnknownTopic { value } => { let value = shown(value); pick(zh, format!("未知主题 “{value}”，可选：fraud、privacy、investing、rights。"), format!("Unknown topic \"{value}\"; use fraud, privacy, investing or rights.")) }
            ProblemKind::UnknownType { value } => { let value = shown(value); pick(zh, format!("未知题型 “{value}”，可选：single（单选）、multiple（多选）、true_false（判断）。"), format!("Unknown question type \"{value}\"; use single, multiple or true_false.")) }
            ProblemKind::UnknownAudience { value } => { let value = shown(value); pick(zh, format!("未知人群 “{value}”，可选：elderly、youth、newcomers、everyone。"), format!("Unknown audience \"{value}\"; use elderly, youth, newcomers or everyone.")) }
            ProblemKind::BadDate { value } => { let value = shown(value); pick(zh, format!("日期 “{value}” 无效，应写成 2026-03-15 这样的格式。"), format!("The date \"{value}\" is not valid; write it like 2026-03-15.")) }
            ProblemKind::OutOfRange { value, min, max } => pick(zh, format!("数值 {value} 超出范围，应为 {min} 到 {max} 的整数。"), format!("The number {value} is out of range; use a whole number from {min} to {max}.")),
            ProblemKind::AnswerNotAnOption { answer } => { let answer = shown(answer); pick(zh, format!("答案 “{answer}” 不是本题任何一个选项的编号。"), format!("The answer \"{answer}\" is not the id of any option of this question.")) }
            ProblemKind::DuplicateAnswer { answer } => { let answer = shown(answer); pick(zh, format!("答案 “{answer}” 写了两次。"), format!("The answer \"{answer}\" is listed twice.")) }
            ProblemKind::NoAnswer => pick(zh, "没有填写正确答案。".into(), "No correct answer is given.".into()),
            ProblemKind::OneAnswerOnly { count } => pick(zh, format!("单选题和判断题只能有一个正确答案，这里有 {count} 个。"), format!("Single-choice and true/false questions have exactly one answer; this one has {count}.")),
            ProblemKind::MultipleNeedsTwo { count } => pick(zh, format!("多选题至少要有两个正确答案，这里只有 {count} 个；只有一个答案请改为单选题。"), format!("A multiple-choice question needs at least two answers; this one has {count}. With one answer, make it single.")),
            ProblemKind::TooFewOptions { count, min } => pick(zh, format!("只有 {count} 个选项，至少需要 {min} 个。"), format!("Only {}; at least {min} are needed.", english_count(*count, "option", "options"))),
            ProblemKind::TooManyOptions { count, max } => pick(zh, format!("有 {count} 个选项，一屏最多显示 {max} 个。"), format!("{}; at most {max} fit on one screen.", english_count(*count, "option", "options"))),
            ProblemKind::TrueFalseOptions => pick(zh, "判断题必须正好有两个选项，编号依次为 true 和 false。".into(), "A true/false question has exactly two options, with ids true then false.".into()),
            ProblemKind::NoQuestions => pick(zh, "题库里没有题目。".into(), "The bank has no questions.".into()),
            ProblemKind::Expired { date } => pick(zh, format!("本题有效期至 {date}，已过期，程序不再显示。"), format!("This question expired on {date}; the app no longer shows it.")),
            ProblemKind::AllExpired => pick(zh, "所有题目都已过期，程序里这个题库将没有题目。".into(), "Every question has expired; the bank will show no questions.".into()),
            ProblemKind::TooLong { lang: l, length, limit } => pick(zh, format!("{}文字有 {length} 个字符，超过自助终端一屏建议的 {limit} 个。", lang_name(*l)), format!("The {} text has {}, more than the {limit} that fit a kiosk screen.", lang_name(*l), english_count(*length, "character", "characters"))),
            ProblemKind::TrueFalseImbalance { answer, count, total } => {
                let percent = count * 100 / (*total).max(1);
                let (word_zh, other_zh) = if *answer == "true" { ("正确", "错误") } else { ("错误", "正确") };
                pick(zh, format!("{total} 道判断题中有 {count} 道的答案是“{word_zh}”（{percent}%），超过 {MAX_TRUE_FALSE_SHARE_PERCENT}%：总选“{word_zh}”就能答对大多数。请把其中几道改写成答案为“{other_zh}”的说法。"), format!("{count} of the {total} true/false questions ({percent}%) have the answer {answer}, more than {MAX_TRUE_FALSE_SHARE_PERCENT}%: always answering {answer} would score well. Reword some so their answer is the other one."))
            }
            ProblemKind::EmptyReadAloud => pick(zh, "read_aloud 至少要填写 zh 或 en 之一。".into(), "read_aloud needs zh, en or both.".into()),
            ProblemKind::DuplicateKey { key, first_line, line } => {
                let key = shown(key);
                let lines = match (first_line, line) {
                    (Some(a), Some(b)) => pick(zh, format!("（第 {a} 行和第 {b} 行）"), format!(" (lines {a} and {b})")),
                    (None, Some(b)) => pick(zh, format!("（第二次在第 {b} 行）"), format!(" (again on line {b})")),
                    _ => String::new(),
                };
                pick(zh, format!("字段 “{key}” 写了两次{lines}；程序只会采用其中一个，另一个会被悄悄丢掉。请删去多余的一个。"), format!("The field \"{key}\" is written twice{lines}; only one of the two would be used, the other silently dropped. Delete the extra one."))
            }
            ProblemKind::ControlCharacter { lang: l, character, position } => pick(zh, format!("{}文字的第 {position} 个字符是控制字符 {}：它看不见，或显示成乱码，或会打乱整行的显示顺序。请删去。", lang_name(*l), escape_char(*character)), format!("The {} text has a control character, {}, at character {position}: it is invisible, shows as garbage or reorders the line on screen. Delete it.", lang_name(*l), escape_char(*character))),
            ProblemKind::InvisibleCharacter { lang: l, character, position } => pick(zh, format!("{}文字的第 {position} 个字符是看不见的字符 {}（多半是复制粘贴带进来的）。请删去。", lang_name(*l), escape_char(*character)), format!("The {} text has an invisible character, {}, at character {position} (usually pasted in by accident). Delete it.", lang_name(*l), escape_char(*character))),
            ProblemKind::HtmlMarkup { lang: l, markup } => { let markup = shown(markup); pick(zh, format!("{}文字里有 HTML 标记 “{markup}”：题库只用纯文本，程序会把它原样显示出来。请改成普通文字。", lang_name(*l)), format!("The {} text has HTML markup, \"{markup}\": banks are plain text, and the app would show it as written. Use plain words.", lang_name(*l))) }
            ProblemKind::PositionalOption { text } => { let text = shown(text); pick(zh, format!("选项 “{text}” 指向其他选项，但单选、多选题的选项会被打乱顺序，“以上”“A和B”就不再对得上。请把意思直接写出来，或改成多选题。"), format!("The option \"{text}\" points at other options, but single and multiple choice options are shuffled, so \"the above\" or \"A and B\" no longer match. Say it directly, or make it a multiple-choice question.")) }
            ProblemKind::NumberedOption { text } => { let text = shown(text); pick(zh, format!("选项 “{text}” 自带了序号；程序会在打乱顺序后自己加上 A、B、C，请去掉这个序号。"), format!("The option \"{text}\" carries its own letter or number; the app adds A, B, C itself after shuffling. Remove it.")) }
        }
    }
}

/// `value` as a message quotes it: every control, bidirectional and invisible character written
/// out (`\u{202E}`), so it can neither hide nor reorder the line on screen, and at most
/// [`SHOWN_CHARS`] characters, then "…".
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        push_visible(&mut out, c);
    }
    out
}

/// `value` with control, bidirectional and invisible characters written out, at any length.
fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        push_visible(&mut out, c);
    }
    out
}

fn escape_char(c: char) -> String {
    let mut out = String::new();
    push_visible(&mut out, c);
    out
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        // Zero-width joiners and variation selectors are shown too: a message must not hide anything.
        c if is_control(c)
            || is_invisible(c)
            || matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}') =>
        {
            out.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        }
        c => out.push(c),
    }
}

/// A character that has no place in bank text: C0 and C1 controls (newline, tab and carriage return
/// excepted), DEL, and the bidirectional embeddings, overrides and isolates that reorder a line.
fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that shows as nothing: soft hyphen, zero-width space, direction marks, line and
/// paragraph separators, word joiners, byte-order mark, tag characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// `n` with the English noun for it: "1 error", "2 errors".
fn english_count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn pick(zh: bool, zh_text: String, en_text: String) -> String {
    if zh {
        zh_text
    } else {
        en_text
    }
}

fn expected_zh(expected: &str) -> &'static str {
    match expected {
        "a whole number" => "整数",
        "text" => "文字（用英文双引号括起来）",
        "a list" => "列表（用 [ ] 括起来）",
        "an object" => "对象（用 { } 括起来）",
        "a list of option ids" => "选项编号的列表，例如 [\"b\"]",
        "zh and en text" => "中英文两项，例如 {\"zh\": \"…\", \"en\": \"…\"}",
        _ => "另一种格式",
    }
}

/// One problem found in a bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file name, e.g. `fraud.json`.
    pub file: String,
    /// The question's id, or `#N` (1-based position) when it has no usable id; `None` for the bank itself.
    pub question: Option<String>,
    /// Where in the question or bank, e.g. `options[2].text.en` (positions are 1-based).
    pub field: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    /// One line for the command-line tool: `fraud.json › fraud-003 › answer: …`.
    pub fn line(&self, lang: Lang) -> String {
        let level = match (self.severity(), lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Warning, Lang::En) => "warning",
        };
        // The file name and a misspelt field come from outside: shown, never printed raw.
        let mut place = escaped(&self.file);
        if let Some(q) = &self.question {
            place.push_str(" › ");
            place.push_str(&shown(q));
        }
        if !self.field.is_empty() {
            place.push_str(" › ");
            let parts: Vec<String> = self.field.split('.').map(shown).collect();
            place.push_str(&parts.join("."));
        }
        format!("{level}: {place}: {}", self.kind.message(lang))
    }
}

/// The result of checking one bank file.
#[derive(Debug, Clone, PartialEq)]
pub struct BankReport {
    /// The bank, when it has no errors (warnings allowed).
    pub bank: Option<Bank>,
    /// Every problem found, errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl BankReport {
    /// How many problems are errors.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .count()
    }

    /// How many problems are warnings.
    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }
}

const BANK_FIELDS: &[&str] = &[
    "format",
    "id",
    "topic",
    "version",
    "reviewed",
    "title",
    "description",
    "questions",
];
const QUESTION_FIELDS: &[&str] = &[
    "id",
    "type",
    "prompt",
    "options",
    "answer",
    "explanation",
    "source",
    "difficulty",
    "audience",
    "tags",
    "valid_until",
    "read_aloud",
];
const OPTION_FIELDS: &[&str] = &["id", "text", "feedback"];
const TEXT_FIELDS: &[&str] = &["zh", "en"];
const MAX_OPTIONS: usize = 6;

/// Checks the bytes of a bank file named `file` (e.g. `fraud.json`) as of `today`.
pub fn parse_bank(file: &str, bytes: &[u8], today: Date) -> BankReport {
    let mut ctx = Ctx {
        file: file.to_owned(),
        question: None,
        problems: Vec::new(),
    };
    let bank = decode(&mut ctx, bytes).and_then(|text| match json::read(text) {
        Ok(doc) => {
            report_repeated_keys(&mut ctx, &doc.value, &doc.repeats);
            read_bank(&mut ctx, &doc.value, today)
        }
        Err(e) => {
            ctx.error(
                "",
                ProblemKind::Syntax {
                    line: e.line(),
                    column: e.column(),
                    detail: syntax_detail(&e),
                },
            );
            None
        }
    });
    let has_errors = ctx.problems.iter().any(|p| p.severity() == Severity::Error);
    BankReport {
        bank: if has_errors { None } else { bank },
        problems: ctx.problems,
    }
}

/// One error per key written twice, named by question and field like every other problem.
fn report_repeated_keys(ctx: &mut Ctx, value: &Value, repeats: &[RepeatedKey]) {
    for repeat in repeats {
        let mut steps = repeat.path.as_slice();
        ctx.question = None;
        if let [Step::Key(list), Step::Index(index), rest @ ..] = steps {
            if list == "questions" {
                ctx.question = Some(question_label(&value["questions"][*index], *index));
                steps = rest;
            }
        }
        let mut field = String::new();
        for step in steps {
            match step {
                Step::Key(key) => field = join(&field, key),
                Step::Index(i) => field.push_str(&format!("[{}]", i + 1)),
            }
        }
        let field = join(&field, &repeat.key);
        ctx.error(
            &field,
            ProblemKind::DuplicateKey {
                key: repeat.key.clone(),
                first_line: repeat.first_line,
                line: repeat.line,
            },
        );
    }
    ctx.question = None;
}

/// A question named by its id when usable, else by its 1-based position (`#3`).
fn question_label(value: &Value, index: usize) -> String {
    value
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| is_valid_id(s))
        .map_or_else(|| format!("#{}", index + 1), str::to_owned)
}

fn syntax_detail(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the position is reported separately.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    }
}

fn decode<'b>(ctx: &mut Ctx, bytes: &'b [u8]) -> Option<&'b str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        ctx.error("", ProblemKind::Utf16);
        return None;
    }
    let body = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => {
            ctx.warn("", ProblemKind::ByteOrderMark);
            rest
        }
        None => bytes,
    };
    match std::str::from_utf8(body) {
        Ok(text) => Some(text),
        Err(_) => {
            ctx.error("", ProblemKind::NotUtf8);
            None
        }
    }
}

struct Ctx {
    file: String,
    question: Option<String>,
    problems: Vec<Problem>,
}

impl Ctx {
    fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            file: self.file.clone(),
            question: self.question.clone(),
            field: field.to_owned(),
            kind,
        });
    }

    fn error(&mut self, field: &str, kind: ProblemKind) {
        debug_assert_eq!(kind.severity(), Severity::Error);
        self.push(field, kind);
    }

    fn warn(&mut self, field: &str, kind: ProblemKind) {
        self.push(field, kind);
    }

    /// `value` as an object whose keys are all in `allowed`; reports unknown keys.
    fn object<'v>(
        &mut self,
        field: &str,
        value: &'v Value,
        allowed: &[&'static str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.error(
                field,
                ProblemKind::WrongType {
                    expected: "an object",
                },
            );
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let name = join(field, key);
                self.error(
                    &name,
                    ProblemKind::UnknownField {
                        name: key.clone(),
                        suggestion: suggest(key, allowed),
                    },
                );
            }
        }
        Some(map)
    }

    fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        parent: &str,
        key: &str,
    ) -> Option<&'v Value> {
        match map.get(key) {
            Some(Value::Null) | None => {
                self.error(&join(parent, key), ProblemKind::Missing);
                None
            }
            Some(v) => Some(v),
        }
    }

    fn string<'v>(&mut self, field: &str, value: &'v Value) -> Option<&'v str> {
        let s = value.as_str();
        if s.is_none() {
            self.error(field, ProblemKind::WrongType { expected: "text" });
        }
        s
    }

    fn id(&mut self, field: &str, value: &Value) -> Option<String> {
        let s = self.string(field, value)?;
        if is_valid_id(s) {
            Some(s.to_owned())
        } else {
            self.error(
                field,
                ProblemKind::BadId {
                    value: s.to_owned(),
                },
            );
            None
        }
    }

    fn whole(&mut self, field: &str, value: &Value, min: u64, max: u64) -> Option<u64> {
        let Some(n) = value.as_u64().or_else(|| {
            value
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                .map(|f| f as u64)
        }) else {
            if value.is_number() {
                self.error(
                    field,
                    ProblemKind::OutOfRange {
                        value: value.to_string(),
                        min,
                        max,
                    },
                );
            } else {
                self.error(
                    field,
                    ProblemKind::WrongType {
                        expected: "a whole number",
                    },
                );
            }
            return None;
        };
        if (min..=max).contains(&n) {
            Some(n)
        } else {
            self.error(
                field,
                ProblemKind::OutOfRange {
                    value: n.to_string(),
                    min,
                    max,
                },
            );
            None
        }
    }

    fn date(&mut self, field: &str, value: &Value) -> Option<Date> {
        let s = self.string(field, value)?;
        let d = Date::parse(s);
        if d.is_none() {
            self.error(
                field,
                ProblemKind::BadDate {
                    value: s.to_owned(),
                },
            );
        }
        d
    }

    /// A `{ "zh": …, "en": … }` text, both non-empty; warns beyond `limits`.
    fn text(&mut self, field: &str, value: &Value, limits: TextLimits) -> Option<LocalText> {
        if !value.is_object() {
            self.error(
                field,
                ProblemKind::WrongType {
                    expected: "zh and en text",
                },
            );
            return None;
        }
        let map = self.object(field, value, TEXT_FIELDS)?;
        let mut out = LocalText::default();
        let mut ok = true;
        for lang in Lang::ALL {
            let sub = join(field, lang.code());
            let Some(v) = self.required(map, field, lang.code()) else {
                ok = false;
                continue;
            };
            let Some(s) = self.string(&sub, v) else {
                ok = false;
                continue;
            };
            let trimmed = s.trim();
            if trimmed.is_empty() {
                self.error(&sub, ProblemKind::EmptyText { lang });
                ok = false;
                continue;
            }
            if !self.plain_text(&sub, lang, trimmed) {
                ok = false;
            }
            let length = trimmed.chars().count();
            if length > limits.get(lang) {
                self.warn(
                    &sub,
                    ProblemKind::TooLong {
                        lang,
                        length,
                        limit: limits.get(lang),
                    },
                );
            }
            match lang {
                Lang::Zh => out.zh = trimmed.to_owned(),
                Lang::En => out.en = trimmed.to_owned(),
            }
        }
        ok.then_some(out)
    }

    /// Checks that `text` is plain text: an error for a control character, warnings for an
    /// invisible character and for HTML. Returns whether there was no error.
    fn plain_text(&mut self, field: &str, lang: Lang, text: &str) -> bool {
        let mut ok = true;
        // One pass; ordinary printable characters (nearly all of them) are passed over at once.
        let (mut control, mut invisible) = (None, None);
        for (i, c) in text.chars().enumerate() {
            if (' '..'\u{7F}').contains(&c) || ('\u{3000}'..'\u{FE00}').contains(&c) {
                continue;
            }
            if control.is_none() && is_control(c) {
                control = Some((i, c));
            } else if invisible.is_none() && is_invisible(c) {
                invisible = Some((i, c));
            }
        }
        if let Some((i, character)) = control {
            self.error(
                field,
                ProblemKind::ControlCharacter {
                    lang,
                    character,
                    position: i + 1,
                },
            );
            ok = false;
        }
        if let Some((i, character)) = invisible {
            self.warn(
                field,
                ProblemKind::InvisibleCharacter {
                    lang,
                    character,
                    position: i + 1,
                },
            );
        }
        if let Some(markup) = html_markup(text) {
            self.warn(
                field,
                ProblemKind::HtmlMarkup {
                    lang,
                    markup: markup.to_owned(),
                },
            );
        }
        ok
    }

    fn list<'v>(&mut self, field: &str, value: &'v Value) -> Option<&'v Vec<Value>> {
        let l = value.as_array();
        if l.is_none() {
            self.error(field, ProblemKind::WrongType { expected: "a list" });
        }
        l
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Whether `s` is a usable id: 1–40 of a-z, 0-9, "-".
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The allowed name closest to a misspelt `key` (edit distance at most 3), if any.
fn suggest(key: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let lower = key.to_lowercase();
    allowed
        .iter()
        .map(|a| (edit_distance(&lower, a), *a))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn read_bank(ctx: &mut Ctx, value: &Value, today: Date) -> Option<Bank> {
    let map = ctx.object("", value, BANK_FIELDS)?;
    // An unknown format version means the rest cannot be judged by these rules.
    match map.get("format") {
        None | Some(Value::Null) => {
            ctx.error("format", ProblemKind::MissingFormat);
            return None;
        }
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => {
            ctx.error(
                "format",
                ProblemKind::UnsupportedFormat {
                    found: v.to_string(),
                },
            );
            return None;
        }
    }
    let expected_id = ctx
        .file
        .strip_suffix(".json")
        .unwrap_or(&ctx.file)
        .to_owned();
    let id = ctx.required(map, "", "id").and_then(|v| ctx.id("id", v));
    if let Some(id) = &id {
        if *id != expected_id {
            ctx.error(
                "id",
                ProblemKind::IdNotFileName {
                    id: id.clone(),
                    expected: expected_id,
                },
            );
        }
    }
    let topic = ctx
        .required(map, "", "topic")
        .and_then(|v| ctx.string("topic", v))
        .and_then(|s| {
            let t = Topic::parse(s);
            if t.is_none() {
                ctx.error(
                    "topic",
                    ProblemKind::UnknownTopic {
                        value: s.to_owned(),
                    },
                );
            }
            t
        });
    let version = ctx
        .required(map, "", "version")
        .and_then(|v| ctx.whole("version", v, 1, u64::from(u32::MAX)));
    let reviewed = ctx
        .required(map, "", "reviewed")
        .and_then(|v| ctx.date("reviewed", v));
    let title = ctx
        .required(map, "", "title")
        .and_then(|v| ctx.text("title", v, TextLimits::TITLE));
    let description = ctx
        .required(map, "", "description")
        .and_then(|v| ctx.text("description", v, TextLimits::DESCRIPTION));
    let questions = ctx
        .required(map, "", "questions")
        .and_then(|v| ctx.list("questions", v))
        .map(|list| read_questions(ctx, list, today));

    let questions = questions?;
    check_true_false_balance(ctx, &questions, today);
    Some(Bank {
        format: FORMAT_VERSION,
        id: BankId(id?),
        topic: topic?,
        version: version?,
        reviewed: reviewed?,
        title: title?,
        description: description?,
        questions,
    })
}

fn read_questions(ctx: &mut Ctx, list: &[Value], today: Date) -> Vec<Question> {
    if list.is_empty() {
        ctx.error("questions", ProblemKind::NoQuestions);
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (index, value) in list.iter().enumerate() {
        let label = question_label(value, index);
        ctx.question = Some(label.clone());
        if let Some(q) = read_question(ctx, value, today) {
            if seen.insert(q.id.clone()) {
                out.push(q);
            } else {
                ctx.error("id", ProblemKind::DuplicateQuestion { id: label });
            }
        } else if value
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(is_valid_id)
            && !seen.insert(QuestionId(label.clone()))
        {
            ctx.error("id", ProblemKind::DuplicateQuestion { id: label });
        }
    }
    ctx.question = None;
    if !out.is_empty() && out.iter().all(|q| !q.is_current(today)) {
        ctx.error("questions", ProblemKind::AllExpired);
    }
    out
}

fn read_question(ctx: &mut Ctx, value: &Value, today: Date) -> Option<Question> {
    let map = ctx.object("", value, QUESTION_FIELDS)?;
    let id = ctx.required(map, "", "id").and_then(|v| ctx.id("id", v));
    let kind = ctx
        .required(map, "", "type")
        .and_then(|v| ctx.string("type", v))
        .and_then(|s| {
            let k = QuestionType::parse(s);
            if k.is_none() {
                ctx.error(
                    "type",
                    ProblemKind::UnknownType {
                        value: s.to_owned(),
                    },
                );
            }
            k
        });
    let prompt = ctx
        .required(map, "", "prompt")
        .and_then(|v| ctx.text("prompt", v, TextLimits::PROMPT));
    let options = ctx
        .required(map, "", "options")
        .and_then(|v| read_options(ctx, v, kind));
    let answer = ctx
        .required(map, "", "answer")
        .and_then(|v| read_answer(ctx, v, kind, options.as_deref()));
    let explanation = ctx
        .required(map, "", "explanation")
        .and_then(|v| ctx.text("explanation", v, TextLimits::EXPLANATION));
    let source = ctx
        .required(map, "", "source")
        .and_then(|v| ctx.text("source", v, TextLimits::SOURCE));
    let difficulty = ctx
        .required(map, "", "difficulty")
        .and_then(|v| ctx.whole("difficulty", v, 1, 3));
    let audience = ctx
        .required(map, "", "audience")
        .and_then(|v| read_audience(ctx, v));
    let tags = match map.get("tags") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => read_tags(ctx, v),
    };
    let valid_until = match map.get("valid_until") {
        None | Some(Value::Null) => Some(None),
        Some(v) => ctx.date("valid_until", v).map(|d| {
            if d < today {
                ctx.warn("valid_until", ProblemKind::Expired { date: d });
            }
            Some(d)
        }),
    };
    let read_aloud = match map.get("read_aloud") {
        None | Some(Value::Null) => Some(None),
        Some(v) => read_read_aloud(ctx, v).map(Some),
    };
    Some(Question {
        id: QuestionId(id?),
        kind: kind?,
        prompt: prompt?,
        options: options?,
        answer: answer?,
        explanation: explanation?,
        source: source?,
        difficulty: u8::try_from(difficulty?).ok()?,
        audience: audience?,
        tags: tags?,
        valid_until: valid_until?,
        read_aloud: read_aloud?,
    })
}

fn read_options(
    ctx: &mut Ctx,
    value: &Value,
    kind: Option<QuestionType>,
) -> Option<Vec<AnswerOption>> {
    let list = ctx.list("options", value)?;
    let min = match kind {
        Some(QuestionType::Multiple) => 3,
        _ => 2,
    };
    let mut ok = true;
    if list.len() < min {
        ctx.error(
            "options",
            ProblemKind::TooFewOptions {
                count: list.len(),
                min,
            },
        );
        ok = false;
    } else if list.len() > MAX_OPTIONS {
        ctx.error(
            "options",
            ProblemKind::TooManyOptions {
                count: list.len(),
                max: MAX_OPTIONS,
            },
        );
        ok = false;
    }
    let mut out = Vec::with_capacity(list.len());
    let mut seen = HashSet::new();
    for (i, item) in list.iter().enumerate() {
        let field = format!("options[{}]", i + 1);
        let Some(map) = ctx.object(&field, item, OPTION_FIELDS) else {
            ok = false;
            continue;
        };
        let id = ctx
            .required(map, &field, "id")
            .and_then(|v| ctx.id(&join(&field, "id"), v));
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                ctx.error(
                    &join(&field, "id"),
                    ProblemKind::DuplicateOption { id: id.clone() },
                );
                ok = false;
            }
        }
        let text = ctx
            .required(map, &field, "text")
            .and_then(|v| ctx.text(&join(&field, "text"), v, TextLimits::OPTION));
        let feedback = match map.get("feedback") {
            None | Some(Value::Null) => Some(None),
            Some(v) => ctx
                .text(&join(&field, "feedback"), v, TextLimits::FEEDBACK)
                .map(Some),
        };
        if let Some(text) = &text {
            ok &= check_option_text(ctx, &field, text);
        }
        match (id, text, feedback) {
            (Some(id), Some(text), Some(feedback)) => out.push(AnswerOption {
                id: OptionId(id),
                text,
                feedback,
            }),
            _ => ok = false,
        }
    }
    if kind == Some(QuestionType::TrueFalse) && ok {
        let ids: Vec<&str> = out.iter().map(|o| o.id.as_str()).collect();
        if ids != ["true", "false"] {
            ctx.error("options", ProblemKind::TrueFalseOptions);
            ok = false;
        }
    }
    ok.then_some(out)
}

fn read_answer(
    ctx: &mut Ctx,
    value: &Value,
    kind: Option<QuestionType>,
    options: Option<&[AnswerOption]>,
) -> Option<Vec<OptionId>> {
    let Some(list) = value.as_array() else {
        ctx.error(
            "answer",
            ProblemKind::WrongType {
                expected: "a list of option ids",
            },
        );
        return None;
    };
    let mut out: Vec<OptionId> = Vec::with_capacity(list.len());
    let mut ok = true;
    for item in list {
        let Some(s) = item.as_str() else {
            ctx.error(
                "answer",
                ProblemKind::WrongType {
                    expected: "a list of option ids",
                },
            );
            return None;
        };
        let id = OptionId::from(s);
        if out.contains(&id) {
            ctx.error(
                "answer",
                ProblemKind::DuplicateAnswer {
                    answer: s.to_owned(),
                },
            );
            ok = false;
            continue;
        }
        if let Some(options) = options {
            if !options.iter().any(|o| o.id == id) {
                ctx.error(
                    "answer",
                    ProblemKind::AnswerNotAnOption {
                        answer: s.to_owned(),
                    },
                );
                ok = false;
            }
        }
        out.push(id);
    }
    match (kind, out.len()) {
        (_, 0) => {
            ctx.error("answer", ProblemKind::NoAnswer);
            ok = false;
        }
        (Some(QuestionType::Single | QuestionType::TrueFalse), n) if n > 1 => {
            ctx.error("answer", ProblemKind::OneAnswerOnly { count: n });
            ok = false;
        }
        (Some(QuestionType::Multiple), 1) => {
            ctx.error("answer", ProblemKind::MultipleNeedsTwo { count: 1 });
            ok = false;
        }
        _ => {}
    }
    ok.then_some(out)
}

fn read_audience(ctx: &mut Ctx, value: &Value) -> Option<Vec<Audience>> {
    let list = ctx.list("audience", value)?;
    if list.is_empty() {
        ctx.error("audience", ProblemKind::Missing);
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for item in list {
        match item.as_str().map(|s| (s, Audience::parse(s))) {
            Some((_, Some(a))) => {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
            Some((s, None)) => {
                ctx.error(
                    "audience",
                    ProblemKind::UnknownAudience {
                        value: s.to_owned(),
                    },
                );
                ok = false;
            }
            None => {
                ctx.error("audience", ProblemKind::WrongType { expected: "text" });
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

fn read_tags(ctx: &mut Ctx, value: &Value) -> Option<Vec<String>> {
    let list = ctx.list("tags", value)?;
    let mut ok = true;
    let mut out = Vec::new();
    for item in list {
        match ctx.id("tags", item) {
            Some(tag) => out.push(tag),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_read_aloud(ctx: &mut Ctx, value: &Value) -> Option<ReadAloud> {
    let map = ctx.object("read_aloud", value, TEXT_FIELDS)?;
    let mut out = ReadAloud::default();
    let mut ok = true;
    for lang in Lang::ALL {
        let Some(v) = map.get(lang.code()) else {
            continue;
        };
        let field = join("read_aloud", lang.code());
        match ctx.string(&field, v).map(str::trim) {
            Some("") => {
                ctx.error(&field, ProblemKind::EmptyText { lang });
                ok = false;
            }
            Some(s) if !ctx.plain_text(&field, lang, s) => ok = false,
            Some(s) => match lang {
                Lang::Zh => out.zh = Some(s.to_owned()),
                Lang::En => out.en = Some(s.to_owned()),
            },
            None => ok = false,
        }
    }
    if ok && out.zh.is_none() && out.en.is_none() {
        ctx.error("read_aloud", ProblemKind::EmptyReadAloud);
        ok = false;
    }
    ok.then_some(out)
}

/// Warns when most true/false questions share one answer, so that always ticking it scores well.
/// Only true/false questions: the options of every other type are shuffled for each round, so
/// their order in the file says nothing about what a learner sees. Expired questions are not shown
/// and do not count.
fn check_true_false_balance(ctx: &mut Ctx, questions: &[Question], today: Date) {
    let current: Vec<&Question> = questions.iter().filter(|q| q.is_current(today)).collect();
    let (true_count, false_count) = true_false_answers(current.iter().copied());
    let total = true_count + false_count;
    if total < MIN_TRUE_FALSE_FOR_BALANCE {
        return;
    }
    for (answer, count) in [("true", true_count), ("false", false_count)] {
        if count * 100 > total * MAX_TRUE_FALSE_SHARE_PERCENT {
            ctx.warn(
                "questions",
                ProblemKind::TrueFalseImbalance {
                    answer,
                    count,
                    total,
                },
            );
        }
    }
}

/// How many true/false questions have the answer `true`, and how many `false`.
pub fn true_false_answers<'q>(questions: impl IntoIterator<Item = &'q Question>) -> (usize, usize) {
    let mut counts = (0, 0);
    for q in questions {
        if q.kind != QuestionType::TrueFalse {
            continue;
        }
        if q.answer.iter().any(|a| a.as_str() == "true") {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }
    counts
}

/// Checks one option's text in both languages: an error when it points at other options, a
/// warning when it carries its own letter. One of each per option at most.
fn check_option_text(ctx: &mut Ctx, field: &str, text: &LocalText) -> bool {
    let mut ok = true;
    if let Some(lang) = Lang::ALL
        .into_iter()
        .find(|l| points_at_other_options(text.get(*l)))
    {
        ctx.error(
            &format!("{field}.text.{}", lang.code()),
            ProblemKind::PositionalOption {
                text: text.get(lang).to_owned(),
            },
        );
        ok = false;
    }
    if let Some(lang) = Lang::ALL.into_iter().find(|l| is_numbered(text.get(*l))) {
        ctx.warn(
            &format!("{field}.text.{}", lang.code()),
            ProblemKind::NumberedOption {
                text: text.get(lang).to_owned(),
            },
        );
    }
    ok
}

/// Whether an option refers to the others by place or letter: "以上都对", "上述说法均不正确",
/// "A和B", "all of the above", "none of the above", "both A and B". Options are shuffled, so
/// such a reference points at the wrong options.
pub fn points_at_other_options(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['。', '.', '！', '!', '？', '?', '；', ';', ' ']);
    // Chinese openings that always mean "the options before this one".
    const ZH_OPENINGS: [&str; 7] = [
        "上述",
        "前述",
        "前面",
        "其他选项",
        "其它选项",
        "其余选项",
        "所有选项",
    ];
    if ZH_OPENINGS.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    // "以上都对", "以上说法均正确" — but not "以上海为例".
    if let Some(rest) = t.strip_prefix("以上").or_else(|| t.strip_prefix("上面")) {
        match rest.chars().next() {
            None => return true,
            Some(c) if "都均皆全各所说答三两二四五几诸情每任项选内的".contains(c) => {
                return true
            }
            _ => {}
        }
    }
    const ZH_WHOLE: [&str; 18] = [
        "都对",
        "都不对",
        "都正确",
        "都不正确",
        "都是",
        "都不是",
        "全对",
        "全错",
        "全部正确",
        "全部都对",
        "全都对",
        "全都正确",
        "均正确",
        "均不正确",
        "皆是",
        "皆非",
        "都选",
        "全选",
    ];
    if ZH_WHOLE.contains(&t) {
        return true;
    }
    const EN_PHRASES: [&str; 10] = [
        "the above",
        "of above",
        "all above",
        "none above",
        "options above",
        "answers above",
        "choices above",
        "above options",
        "above answers",
        "above choices",
    ];
    if t.bytes().any(|b| b == b'b' || b == b'B') {
        let lower = t.to_lowercase();
        if lower.contains("above") && EN_PHRASES.iter().any(|p| lower.contains(p)) {
            return true;
        }
    }
    // Full-width letters start with the byte 0xEF.
    t.bytes().any(|b| matches!(b, b'A'..=b'F' | 0xEF)) && names_option_letters(t)
}

/// An option letter standing alone (not part of a word such as "AB股" or "Plan A1").
fn is_option_letter(c: char) -> bool {
    matches!(c, 'A'..='F' | 'Ａ'..='Ｆ')
}

/// "A和B", "A、C", "B or C", "neither A nor B", "选项A与选项B", "AB都对", "ABC".
fn names_option_letters(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let alone = |i: usize| {
        chars.get(i).is_some_and(|c| is_option_letter(*c))
            && (i == 0 || !word(i - 1))
            && !word(i + 1)
    };
    let skip_spaces = |mut i: usize| {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i
    };
    let starts = |i: usize, s: &str| {
        let want: Vec<char> = s.chars().collect();
        chars.get(i..i + want.len()) == Some(&want[..])
    };
    for i in 0..chars.len() {
        // A run of two or more letters: "AB", "ACD都对".
        if i == 0 || !word(i - 1) {
            let run = chars[i..]
                .iter()
                .take_while(|c| is_option_letter(**c))
                .count();
            if run >= 2 && !word(i + run) {
                let rest: String = chars[i + run..].iter().collect();
                let rest = rest.trim_start();
                if rest.is_empty()
                    || ["都", "均", "皆", "两", "三", "正确", "对", "项", "选项"]
                        .iter()
                        .any(|p| rest.starts_with(p))
                {
                    return true;
                }
            }
        }
        if !alone(i) {
            continue;
        }
        let mut j = skip_spaces(i + 1);
        let mut joined = false;
        for connector in ["和", "与", "及", "或", "、", ",", "，", "/", "&", "+"] {
            if starts(j, connector) {
                j += 1;
                joined = true;
                break;
            }
        }
        if !joined {
            for connector in ["and", "or", "nor"] {
                let n = connector.chars().count();
                if starts(j, connector) && !word(j + n) {
                    j += n;
                    joined = true;
                    break;
                }
            }
        }
        if !joined {
            continue;
        }
        j = skip_spaces(j);
        for prefix in ["选项", "option ", "Option "] {
            if starts(j, prefix) {
                j = skip_spaces(j + prefix.chars().count());
            }
        }
        if alone(j) {
            return true;
        }
    }
    false
}

/// Whether an option starts with its own letter or number: "A.", "B、", "1、", "(A)", "（1）", "①".
pub fn is_numbered(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    let (Some(first), second, third) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    let mark = |c: char| matches!(c, 'A'..='F' | 'a'..='f' | '1'..='9' | 'Ａ'..='Ｆ' | '１'..='９');
    match first {
        '①'..='⑩' => true,
        '(' | '（' => second.is_some_and(mark) && third.is_some_and(|c| matches!(c, ')' | '）')),
        c if mark(c) => {
            second.is_some_and(|c| matches!(c, '.' | '．' | '、' | ':' | '：' | ')' | '）'))
                // "1.5 times" and "a.m." are not numbering.
                && !third.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// The first piece of HTML in `text`: a tag (`<b>`, `</p>`, `<br/>`, `<!-- … -->`) or a character
/// entity (`&nbsp;`, `&#39;`). "<3%" and "A & B" are not markup.
fn html_markup(text: &str) -> Option<&str> {
    // A byte scan first: almost no text has either character.
    if !text.bytes().any(|b| b == b'<' || b == b'&') {
        return None;
    }
    for (i, c) in text.match_indices(['<', '&']) {
        let rest = &text[i + 1..];
        match c {
            "<" => {
                let mut inner = rest.chars();
                let tag = match inner.next() {
                    Some('/') => inner.next().is_some_and(|c| c.is_ascii_alphabetic()),
                    Some('!') => true,
                    Some(c) => c.is_ascii_alphabetic(),
                    None => false,
                };
                let name_ok = rest
                    .trim_start_matches(['/', '!'])
                    .chars()
                    .find(|c| !c.is_ascii_alphanumeric() && *c != '-')
                    .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace());
                if tag && name_ok || rest.starts_with("!--") {
                    if let Some(end) = rest.find(['>', '<']) {
                        if rest[end..].starts_with('>') {
                            return Some(&text[i..i + 1 + end + 1]);
                        }
                    }
                }
            }
            _ => {
                let name: &str = rest
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                    .next()
                    .unwrap_or("");
                let entity = if let Some(num) = name.strip_prefix("#x").or(name.strip_prefix("#X"))
                {
                    !num.is_empty() && num.chars().all(|c| c.is_ascii_hexdigit())
                } else if let Some(num) = name.strip_prefix('#') {
                    !num.is_empty() && num.chars().all(|c| c.is_ascii_digit())
                } else {
                    (2..=10).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphabetic())
                };
                if entity && rest[name.len()..].starts_with(';') {
                    return Some(&text[i..i + 1 + name.len() + 1]);
                }
            }
        }
    }
    None
}
