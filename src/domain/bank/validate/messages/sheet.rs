//! The wording of the problems most often found in banks from outside: Chinese-only banks and the
//! hazards of real banks (numbered prompts, glued options, duplicate prompts). Each message says
//! what to do. `field_names` names a bank field for content staff.

use super::{pick, shown};
use crate::domain::bank::validate::problems::ProblemKind;

/// The message of one of the kinds this file words; `None` for the others.
pub(super) fn message(kind: &ProblemKind, zh: bool) -> Option<String> {
    Some(match kind {
        ProblemKind::BadLanguages { value } => { let value = shown(value); pick(zh, format!("languages 写成了 {value}；只能是 [\"zh\", \"en\"]（中英文，默认）或 [\"zh\"]（只有中文）。"), format!("languages is {value}; it must be [\"zh\", \"en\"] (both, the default) or [\"zh\"] (Chinese only).")) }
        ProblemKind::EnglishMissing { count } => pick(zh, format!("本题库只有中文（languages: [\"zh\"]），其中 {count} 处没有英文：英文界面会在这些地方显示中文并注明。需要英文时，用“翻译表”导出这些格子，填好后导回。"), format!("This is a Chinese-only bank (languages: [\"zh\"]); {count} texts have no English, and the English interface shows the Chinese there, labelled. To add English, export them with the translation sheet, fill it in and take it back.")),
        ProblemKind::NumberedPrompt { text } => { let text = shown(text); pick(zh, format!("题干 “{text}” 开头带着题号；程序自己给题目编号，请删去题号。"), format!("The prompt \"{text}\" starts with its own question number; the app numbers questions itself. Remove it.")) }
        ProblemKind::GluedOptions { text } => { let text = shown(text); pick(zh, format!("这一格 “{text}” 里像是写了好几个选项；每个选项请单独放在一列（选项A、选项B……）。"), format!("The cell \"{text}\" seems to hold several options; put each option in its own column (A, B, …).")) }
        ProblemKind::DuplicatePrompt { other, percent } => { let other = shown(other); if *percent >= 100 { pick(zh, format!("题干与 {other} 相同（不计空格和标点）；请删去重复的一题或改写。"), format!("The prompt is the same as {other}'s (ignoring spaces and punctuation); delete one or reword it.")) } else { pick(zh, format!("题干与 {other} 的相似度约 {percent}%；请确认不是重复题。"), format!("The prompt is about {percent}% alike {other}'s; check it is not the same question twice.")) } }
        _ => return None,
    })
}

/// A bank field's name for content staff, in Chinese and English.
pub fn field_names(field: &str) -> (&'static str, &'static str) {
    match field {
        "prompt" => ("题干", "prompt"),
        "options" => ("选项", "options"),
        "answer" => ("答案", "answer"),
        "explanation" => ("解析", "explanation"),
        "source" => ("依据/来源", "source"),
        "difficulty" => ("难度", "difficulty"),
        "audience" => ("面向人群", "audience"),
        "type" => ("题型", "type"),
        "tags" => ("标签", "tags"),
        "feedback" => ("选项反馈", "option feedback"),
        "title" => ("标题", "title"),
        "description" => ("简介", "description"),
        "read_aloud" => ("朗读文字", "read-aloud text"),
        _ => ("该项", "this field"),
    }
}
