//! Reading cell values the ways banks write them: answers (`B`, `abd`, `A,B,D`, `A、C`), true/false
//! words (对/错, 正确/错误, √/×, 是/否, T/F, TRUE/FALSE), question types (单选题, 多选, 判断题,
//! single …), difficulty (易/中/难, 简单/中等/困难, easy/medium/hard, 1–3) and dates as Excel
//! writes them (2026/11/26, 2026-1-5, 2026年11月26日, serial numbers). Pure functions.

use super::workbook::excel_serial_date;
use crate::domain::bank::QuestionType;
use crate::domain::date::Date;

/// An answer cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Option positions (0-based) named by letters, in the order written, without repeats.
    Letters(Vec<usize>),
    /// A true/false word: `true` is right.
    TrueFalse(bool),
    /// Nothing written.
    Empty,
    /// Something else (kept as written, e.g. the template's own option ids).
    Other(String),
}

/// The characters that separate answer letters: `,，、;；/| ` and spaces.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '；' | '/' | '|' | '.' | '．') || c.is_whitespace()
}

/// A letter A–F in any case or width, as a 0-based position.
fn letter_position(c: char) -> Option<usize> {
    let c = match c {
        'Ａ'..='Ｆ' | 'ａ'..='ｆ' => char::from_u32(u32::from(c) - 0xFEE0)?,
        c => c,
    };
    match c.to_ascii_uppercase() {
        l @ 'A'..='Z' => Some(usize::from(l as u8 - b'A')),
        _ => None,
    }
}

/// Reads an answer cell. True/false words win only where the question can be true/false
/// (`true_false_possible`), since `F` is also option F.
pub fn read_answer(cell: &str, true_false_possible: bool) -> Answer {
    let cell = cell.trim();
    if cell.is_empty() {
        return Answer::Empty;
    }
    if let Some(value) = true_false_word(cell) {
        let letter_like = matches!(cell, "F" | "f" | "T" | "t");
        if true_false_possible || !letter_like {
            return Answer::TrueFalse(value);
        }
    }
    let mut letters = Vec::new();
    for c in cell.chars() {
        if is_separator(c) {
            continue;
        }
        match letter_position(c) {
            Some(p) => {
                if !letters.contains(&p) {
                    letters.push(p);
                }
            }
            None => return Answer::Other(cell.to_owned()),
        }
    }
    if letters.is_empty() {
        Answer::Other(cell.to_owned())
    } else {
        Answer::Letters(letters)
    }
}

/// A true/false word: 对/错, 正确/错误, √/×, 是/否, T/F, true/false, yes/no (any case).
pub fn true_false_word(cell: &str) -> Option<bool> {
    let word = cell
        .trim()
        .trim_end_matches(['。', '.', '!', '！'])
        .to_lowercase();
    match word.as_str() {
        "对" | "正确" | "√" | "✓" | "✔" | "是" | "t" | "true" | "yes" | "y" | "对的" | "正确的"
        | "correct" | "right" => Some(true),
        "错" | "错误" | "×" | "✗" | "✘" | "✕" | "x" | "否" | "f" | "false" | "no" | "n"
        | "错的" | "不正确" | "incorrect" | "wrong" => Some(false),
        _ => None,
    }
}

/// What a type cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeWord {
    /// A known type.
    Known(QuestionType),
    /// 不定项: multiple when it has two or more answers, else single.
    Either,
}

/// Reads a type cell: 单选题/单选/单项选择题/single, 多选题/多选/multiple, 判断题/判断/是非题/
/// true_false, 不定项选择题 ….
pub fn type_word(cell: &str) -> Option<TypeWord> {
    let word: String = cell
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '/'))
        .collect();
    let known = |t| Some(TypeWord::Known(t));
    match word.as_str() {
        "single" | "singlechoice" | "单选" | "单选题" | "单项选择" | "单项选择题" | "单" => {
            known(QuestionType::Single)
        }
        "multiple" | "multi" | "multiplechoice" | "多选" | "多选题" | "多项选择" | "多项选择题"
        | "多" => known(QuestionType::Multiple),
        "truefalse" | "tf" | "judge" | "judgment" | "judgement" | "判断" | "判断题" | "是非题"
        | "对错题" | "判" => known(QuestionType::TrueFalse),
        "不定项" | "不定项选择" | "不定项选择题" => Some(TypeWord::Either),
        _ => None,
    }
}

/// A section title row ("一、单选题", "第二部分 多选题（每题2分）"): the type it announces.
pub fn section_type(cell: &str) -> Option<TypeWord> {
    let has = |w: &str| cell.contains(w);
    if cell.chars().count() > 30 {
        return None;
    }
    if has("单选") || has("单项选择") {
        Some(TypeWord::Known(QuestionType::Single))
    } else if has("多选") || has("多项选择") {
        Some(TypeWord::Known(QuestionType::Multiple))
    } else if has("判断") || has("是非题") {
        Some(TypeWord::Known(QuestionType::TrueFalse))
    } else if has("不定项") {
        Some(TypeWord::Either)
    } else {
        None
    }
}

/// Reads a difficulty cell: 易/中/难, 简单/中等/困难, easy/medium/hard, 1/2/3 (also `2.0`).
pub fn difficulty_word(cell: &str) -> Option<u8> {
    let word = cell.trim().to_lowercase();
    match word.as_str() {
        "1" | "1.0" | "易" | "简单" | "容易" | "较易" | "低" | "初级" | "easy" | "★" => {
            Some(1)
        }
        "2" | "2.0" | "中" | "中等" | "一般" | "适中" | "普通" | "中级" | "medium" | "normal"
        | "★★" => Some(2),
        "3" | "3.0" | "难" | "困难" | "较难" | "高" | "高级" | "hard" | "difficult" | "★★★" => {
            Some(3)
        }
        _ => None,
    }
}

/// Reads a date as Excel and people write it: `2026-11-26`, `2026/11/26`, `2026/1/5`, `2026-1-5`,
/// `2026.1.5`, `2026年11月26日`, an Excel serial number (`46352`), or with a time after it.
pub fn date_word(cell: &str) -> Option<Date> {
    let cell = cell.trim();
    if let Some(d) = Date::parse(cell) {
        return Some(d);
    }
    if !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit()) && cell.len() <= 6 {
        return excel_serial_date(cell.parse().ok()?);
    }
    let day_part = cell.split([' ', 'T']).next().unwrap_or(cell);
    let parts: Vec<&str> = day_part
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Splits a list cell (audience, tags) at `;`, `,`, `、`, `，`, `；` and spaces.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split([';', ',', '、', '，', '；', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_in_every_usual_spelling() {
        for cell in [
            "ABD",
            "abd",
            "A,B,D",
            "A，B，D",
            "A、B、D",
            "A;B;D",
            "A；B；D",
            "A/B/D",
            "A|B|D",
            "A B D",
            " a b  d ",
            "ＡＢＤ",
            "ABDA",
        ] {
            assert_eq!(
                read_answer(cell, false),
                Answer::Letters(vec![0, 1, 3]),
                "{cell}"
            );
        }
        assert_eq!(read_answer("c", false), Answer::Letters(vec![2]));
        assert_eq!(read_answer("", false), Answer::Empty);
        assert_eq!(read_answer("甲", false), Answer::Other("甲".into()));
        // F is option F unless the question can be true/false.
        assert_eq!(read_answer("F", false), Answer::Letters(vec![5]));
        assert_eq!(read_answer("F", true), Answer::TrueFalse(false));
        assert_eq!(read_answer("错", false), Answer::TrueFalse(false));
    }

    #[test]
    fn true_false_words_are_read() {
        for yes in [
            "对", "正确", "√", "是", "T", "true", "TRUE", "True", "yes", "✓",
        ] {
            assert_eq!(true_false_word(yes), Some(true), "{yes}");
        }
        for no in ["错", "错误", "×", "否", "F", "false", "FALSE", "no", "✗"] {
            assert_eq!(true_false_word(no), Some(false), "{no}");
        }
        assert_eq!(true_false_word("A"), None);
    }

    #[test]
    fn type_words_are_read() {
        use QuestionType::*;
        for (cell, t) in [
            ("单选题", Single),
            ("单选", Single),
            ("单项选择题", Single),
            ("single", Single),
            ("多选题", Multiple),
            ("多选", Multiple),
            ("Multiple", Multiple),
            ("判断题", TrueFalse),
            ("判断", TrueFalse),
            ("true_false", TrueFalse),
            ("是非题", TrueFalse),
        ] {
            assert_eq!(type_word(cell), Some(TypeWord::Known(t)), "{cell}");
        }
        assert_eq!(type_word("不定项选择题"), Some(TypeWord::Either));
        assert_eq!(type_word("填空题"), None);
        assert_eq!(
            section_type("一、单选题（每题1分）"),
            Some(TypeWord::Known(Single))
        );
        assert_eq!(section_type("三、判断题"), Some(TypeWord::Known(TrueFalse)));
    }

    #[test]
    fn difficulty_words_are_read() {
        for (cell, d) in [
            ("易", 1),
            ("简单", 1),
            ("easy", 1),
            ("1", 1),
            ("中", 2),
            ("中等", 2),
            ("Medium", 2),
            ("2.0", 2),
            ("难", 3),
            ("困难", 3),
            ("HARD", 3),
            ("3", 3),
        ] {
            assert_eq!(difficulty_word(cell), Some(d), "{cell}");
        }
        assert_eq!(difficulty_word("4"), None);
    }

    #[test]
    fn dates_are_read_as_excel_writes_them() {
        let nov = Date::new(2026, 11, 26);
        for cell in [
            "2026-11-26",
            "2026/11/26",
            "2026年11月26日",
            "2026.11.26",
            "46352",
            "2026/11/26 0:00",
        ] {
            assert_eq!(date_word(cell), nov, "{cell}");
        }
        let jan = Date::new(2026, 1, 5);
        for cell in ["2026/1/5", "2026-1-5", "2026年1月5日"] {
            assert_eq!(date_word(cell), jan, "{cell}");
        }
        assert_eq!(date_word("2026/2/30"), None);
        assert_eq!(date_word("soon"), None);
    }
}
