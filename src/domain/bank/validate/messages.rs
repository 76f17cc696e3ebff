//! The wording of every problem, in Chinese and English, for content editors: the message of
//! each `ProblemKind`, the one-line form the command-line tool prints, and `shown`, which quotes a
//! value so that it can neither hide nor reorder the line.

mod sheet;

pub use sheet::field_names;

use super::lints::{is_control, is_invisible, MAX_TRUE_FALSE_SHARE_PERCENT};
use super::problems::{Problem, ProblemKind, Severity};
use super::MAX_PROBLEMS;
use crate::domain::bank::FORMAT_VERSION;
use crate::domain::text::Lang;

/// Most characters of a value a message quotes; longer values are cut and end in "…".
pub const SHOWN_CHARS: usize = 40;

impl ProblemKind {
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
            ProblemKind::Syntax { line, column, detail } => { let zh_detail = syntax_in_chinese(detail).map(|d| format!("：{d}")).unwrap_or_default(); let detail = escaped(detail); pick(zh, format!("JSON 格式错误，第 {line} 行第 {column} 列{zh_detail}（常见原因：漏了逗号、多了逗号、引号不成对、用了中文引号）"), format!("JSON syntax error at line {line}, column {column}: {detail} (often a missing or extra comma, an unclosed quote, or Chinese quotation marks)")) }
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
            ProblemKind::MoreProblems { errors, warnings } => pick(zh, format!("还有 {errors} 个错误和 {warnings} 个警告没有逐条列出（每个文件最多列出 {MAX_PROBLEMS} 条）。请先改正上面列出的问题，再检查一次。"), format!("{} and {} more were found but are not listed (a report lists at most {MAX_PROBLEMS}). Fix the ones above and check again.", english_count(*errors, "error", "errors"), english_count(*warnings, "warning", "warnings"))),
            ProblemKind::NumberedOption { text } => { let text = shown(text); pick(zh, format!("选项 “{text}” 自带了序号；程序会在打乱顺序后自己加上 A、B、C，请去掉这个序号。"), format!("The option \"{text}\" carries its own letter or number; the app adds A, B, C itself after shuffling. Remove it.")) }
            other => sheet::message(other, zh).unwrap_or_default(),
        }
    }
}

impl Problem {
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
/// The JSON reader's (serde_json's) words for a syntax error, in Chinese; `None` for words it
/// does not use today (the Chinese message then gives the place alone, never English).
fn syntax_in_chinese(detail: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &str)] = &[
        (
            "EOF while parsing a list",
            "列表 [ ] 还没结束文件就结束了，缺少 ]",
        ),
        (
            "EOF while parsing an object",
            "{ } 还没结束文件就结束了，缺少 }",
        ),
        (
            "EOF while parsing a string",
            "引号里的文字还没结束文件就结束了，缺少结尾的 \"",
        ),
        (
            "EOF while parsing a value",
            "这里还应该有内容，文件却结束了",
        ),
        ("expected `:`", "这里应该是英文冒号 :"),
        ("expected `,` or `]`", "这里应该是英文逗号 , 或列表的结尾 ]"),
        ("expected `,` or `}`", "这里应该是英文逗号 , 或 }"),
        (
            "expected ident",
            "这个词写错了（只能是 true、false 或 null）",
        ),
        ("expected value", "这里缺少一个值（文字要放在英文双引号里）"),
        ("expected `\"`", "这里应该是英文双引号 \""),
        (
            "invalid escape",
            "反斜杠 \\ 后面的写法不对（反斜杠本身要写成 \\\\）",
        ),
        ("invalid number", "数字的写法不对"),
        ("number out of range", "数字太大"),
        ("invalid unicode code point", "\\u 转义的写法不对"),
        ("lone leading surrogate in hex escape", "\\u 转义的写法不对"),
        ("unexpected end of hex escape", "\\u 转义的写法不对"),
        (
            "control character",
            "引号里的文字有换行或制表符（换行要写成 \\n）",
        ),
        ("key must be a string", "字段名要放在英文双引号里"),
        ("trailing comma", "最后一项后面多了一个逗号"),
        ("trailing characters", "题库结束以后还有多余的内容"),
        ("recursion limit exceeded", "括号嵌套的层数太多"),
    ];
    WORDS
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map(|(_, zh)| *zh)
}

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
