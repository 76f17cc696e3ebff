//! Finding the header row of a sheet and what each column holds. Recognises our own template's
//! names (`prompt_zh`, `option_3_en` …, exactly as before) and the names banks use in Chinese
//! and English (题号/序号, 题型, 题干/题目/试题, 选项A–F, A–F, 选项1–6, 答案/正确答案, 解析,
//! 难度, 知识点/标签, 来源/依据, each optionally with `_en`/`（英文）`). Knows nothing of values.

use crate::domain::text::Lang;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The question's id (题号).
    Id,
    /// The question type (题型).
    Type,
    /// The prompt (题干).
    Prompt(Lang),
    /// Option `n` (1-based) text.
    Option(u8, Lang),
    /// All options in one cell ("A.是 B.否", or one per line).
    OptionsCell(Lang),
    /// Option `n`'s feedback.
    Feedback(u8, Lang),
    /// The template's option ids.
    OptionIds,
    /// The answer (答案).
    Answer,
    /// The explanation (解析).
    Explanation(Lang),
    /// The source (来源/依据).
    Source(Lang),
    /// Difficulty (难度).
    Difficulty,
    /// Audience (人群).
    Audience,
    /// Tags or knowledge points (知识点/标签).
    Tags,
    /// Valid until (有效期).
    ValidUntil,
    /// Read-aloud text.
    ReadAloud(Lang),
}

impl Field {
    /// The bank field it fills, as the validator names it (`options`, `prompt` …).
    pub fn bank_field(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Type => "type",
            Field::Prompt(_) => "prompt",
            Field::Option(..) | Field::OptionsCell(_) | Field::OptionIds => "options",
            Field::Feedback(..) => "feedback",
            Field::Answer => "answer",
            Field::Explanation(_) => "explanation",
            Field::Source(_) => "source",
            Field::Difficulty => "difficulty",
            Field::Audience => "audience",
            Field::Tags => "tags",
            Field::ValidUntil => "valid_until",
            Field::ReadAloud(_) => "read_aloud",
        }
    }
}

/// One recognised column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// 0-based position in the row.
    pub index: usize,
    /// The header cell as written.
    pub name: String,
    /// What it holds.
    pub field: Field,
}

/// The header found in a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// 0-based position of the header row in the grid.
    pub row: usize,
    /// The recognised columns.
    pub columns: Vec<Column>,
    /// Header cells not recognised (ignored), as written.
    pub ignored: Vec<String>,
    /// Whether this is our own template's layout (`id`, `prompt_zh` …).
    pub template: bool,
}

impl Header {
    /// The column holding `field`, if any.
    pub fn column(&self, field: Field) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == field)
    }

    /// Whether the sheet has a column for `field`.
    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }
}

/// How many rows from the top a header is looked for in.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The columns a sheet needs, in words, for the message when no header is found.
pub const NEEDED: [&str; 3] = ["题干 (prompt)", "选项 A–F (options)", "答案 (answer)"];

/// Finds the header among the first rows: the row with the most recognised cells that names a
/// prompt and an answer (or is the template's `id` row). `None` when no row does.
pub fn find_header(rows: &[Vec<String>]) -> Option<Header> {
    let mut best: Option<Header> = None;
    for (i, row) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let header = read_header(i, row);
        let usable = header
            .columns
            .iter()
            .any(|c| matches!(c.field, Field::Prompt(_)))
            && (header.has(Field::Answer) || header.template);
        if usable
            && best
                .as_ref()
                .is_none_or(|b| header.columns.len() > b.columns.len())
        {
            best = Some(header);
        }
    }
    best
}

/// The row among the first ones with the most non-empty cells (for the message when no header
/// is found).
pub fn likeliest_header(rows: &[Vec<String>]) -> Vec<String> {
    // The first of the fullest rows (`max_by_key` keeps the last, hence the reversal).
    let first: Vec<&Vec<String>> = rows.iter().take(HEADER_SEARCH_ROWS).collect();
    first
        .into_iter()
        .rev()
        .max_by_key(|r| r.iter().filter(|c| !c.trim().is_empty()).count())
        .map(|r| {
            r.iter()
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
                .take(12)
                .collect()
        })
        .unwrap_or_default()
}

fn read_header(row_index: usize, row: &[String]) -> Header {
    // Our template starts with `id` and names its prompt `prompt_zh`; a bank's own English
    // header may start with "id" too (id, type, question, A, B, answer) and is read as such.
    let template = row.first().is_some_and(|c| c.trim() == "id")
        && row.iter().any(|c| c.trim() == "prompt_zh");
    let mut header = Header {
        row: row_index,
        template,
        ..Header::default()
    };
    for (index, cell) in row.iter().enumerate() {
        let name = cell.trim();
        if name.is_empty() {
            continue;
        }
        match recognise(name) {
            Some(field) if !header.has(field) => header.columns.push(Column {
                index,
                name: name.to_owned(),
                field,
            }),
            _ => header.ignored.push(name.to_owned()),
        }
    }
    header
}

/// What a header cell names, if anything.
pub fn recognise(cell: &str) -> Option<Field> {
    if let Some(field) = template_name(cell.trim()) {
        return Some(field);
    }
    let (base, lang) = split_language(&simplify(cell));
    let option_number = |s: &str| -> Option<u8> {
        let s = s
            .strip_prefix("选项")
            .or_else(|| s.strip_prefix("option"))
            .or_else(|| s.strip_suffix("选项"))
            .unwrap_or(s);
        let n = match s {
            "a" | "1" | "一" => 1,
            "b" | "2" | "二" => 2,
            "c" | "3" | "三" => 3,
            "d" | "4" | "四" => 4,
            "e" | "5" | "五" => 5,
            "f" | "6" | "六" => 6,
            _ => return None,
        };
        Some(n)
    };
    if let Some(n) = option_number(&base) {
        return Some(Field::Option(n, lang));
    }
    let field = match base.as_str() {
        "题号" | "序号" | "编号" | "题目编号" | "试题编号" | "no" | "number" | "qid" => {
            Field::Id
        }
        "题型" | "类型" | "题目类型" | "试题类型" | "题类" | "type" | "questiontype" => {
            Field::Type
        }
        "题干" | "题目" | "试题" | "问题" | "题目内容" | "试题内容" | "题干内容" | "prompt"
        | "question" | "stem" => Field::Prompt(lang),
        "选项" | "选项内容" | "备选项" | "备选答案" | "options" | "choices" => {
            Field::OptionsCell(lang)
        }
        "答案" | "正确答案" | "参考答案" | "标准答案" | "answer" | "answers" | "correctanswer"
        | "key" => Field::Answer,
        "解析" | "答案解析" | "试题解析" | "题目解析" | "解释" | "explanation" | "analysis" => {
            Field::Explanation(lang)
        }
        "难度" | "难易度" | "难易程度" | "难度等级" | "difficulty" | "level" => {
            Field::Difficulty
        }
        "知识点" | "标签" | "考点" | "分类" | "tags" | "tag" | "category" | "topic" => {
            Field::Tags
        }
        "来源" | "依据" | "出处" | "法律依据" | "政策依据" | "出题依据" | "source"
        | "reference" | "basis" => Field::Source(lang),
        "人群" | "适用人群" | "面向人群" | "对象" | "audience" => Field::Audience,
        "有效期" | "有效期至" | "validuntil" | "expires" => Field::ValidUntil,
        _ => return None,
    };
    match field {
        // Only text columns come in two languages.
        Field::Prompt(_) | Field::Explanation(_) | Field::Source(_) | Field::OptionsCell(_) => {
            Some(field)
        }
        _ if lang == Lang::Zh => Some(field),
        _ => None,
    }
}

/// Our template's own column names, read exactly.
fn template_name(cell: &str) -> Option<Field> {
    let lang_of = |code: &str| match code {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    };
    if let Some(rest) = cell.strip_prefix("option_") {
        if rest == "ids" {
            return Some(Field::OptionIds);
        }
        let (n, tail) = rest.split_once('_')?;
        let n: u8 = n.parse().ok().filter(|n| (1..=6).contains(n))?;
        return match tail.strip_prefix("feedback_") {
            Some(code) => Some(Field::Feedback(n, lang_of(code)?)),
            None => Some(Field::Option(n, lang_of(tail)?)),
        };
    }
    let (base, code) = cell.rsplit_once('_').unwrap_or((cell, ""));
    let lang = lang_of(code);
    Some(match (base, lang) {
        ("prompt", Some(l)) => Field::Prompt(l),
        ("explanation", Some(l)) => Field::Explanation(l),
        ("source", Some(l)) => Field::Source(l),
        ("read_aloud", Some(l)) => Field::ReadAloud(l),
        _ => match cell {
            "id" => Field::Id,
            "type" => Field::Type,
            "difficulty" => Field::Difficulty,
            "audience" => Field::Audience,
            "tags" => Field::Tags,
            "answer" => Field::Answer,
            "valid_until" => Field::ValidUntil,
            _ => return None,
        },
    })
}

/// A header cell lowercased, full-width letters and digits made ASCII, spaces, `*` (required
/// marks) and brackets around a language dropped.
fn simplify(cell: &str) -> String {
    cell.trim()
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            }
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '：' | ':'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name without a language mark, and the language (Chinese when unmarked): `题干_en`,
/// `题干(英文)`, `题干英文`, `prompt(en)`, `题干_zh`.
fn split_language(name: &str) -> (String, Lang) {
    for (mark, lang) in [
        ("_en", Lang::En),
        ("-en", Lang::En),
        ("(en)", Lang::En),
        ("(英文)", Lang::En),
        ("英文", Lang::En),
        ("(english)", Lang::En),
        ("_zh", Lang::Zh),
        ("(zh)", Lang::Zh),
        ("(中文)", Lang::Zh),
        ("中文", Lang::Zh),
    ] {
        if let Some(base) = name.strip_suffix(mark) {
            return (base.trim_end_matches(['_', '-']).to_owned(), lang);
        }
    }
    (name.to_owned(), Lang::Zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn chinese_and_english_headers_are_recognised() {
        for (cell, field) in [
            ("题号", Field::Id),
            ("序号", Field::Id),
            ("题型", Field::Type),
            ("试题", Field::Prompt(Lang::Zh)),
            ("题目", Field::Prompt(Lang::Zh)),
            ("题干_en", Field::Prompt(Lang::En)),
            ("题干（英文）", Field::Prompt(Lang::En)),
            ("Question", Field::Prompt(Lang::Zh)),
            ("选项A", Field::Option(1, Lang::Zh)),
            ("选项 F", Field::Option(6, Lang::Zh)),
            ("B", Field::Option(2, Lang::Zh)),
            ("Ｃ", Field::Option(3, Lang::Zh)),
            ("选项3", Field::Option(3, Lang::Zh)),
            ("选项A_en", Field::Option(1, Lang::En)),
            ("选项", Field::OptionsCell(Lang::Zh)),
            ("正确答案", Field::Answer),
            ("参考答案", Field::Answer),
            ("*答案", Field::Answer),
            ("答案解析", Field::Explanation(Lang::Zh)),
            ("难度", Field::Difficulty),
            ("知识点", Field::Tags),
            ("依据", Field::Source(Lang::Zh)),
            ("来源_en", Field::Source(Lang::En)),
            // The template's own names, exactly as before.
            ("prompt_zh", Field::Prompt(Lang::Zh)),
            ("option_4_en", Field::Option(4, Lang::En)),
            ("option_2_feedback_zh", Field::Feedback(2, Lang::Zh)),
            ("option_ids", Field::OptionIds),
            ("read_aloud_en", Field::ReadAloud(Lang::En)),
            ("valid_until", Field::ValidUntil),
        ] {
            assert_eq!(recognise(cell), Some(field), "{cell}");
        }
        for cell in ["备注", "G", "选项7", "难度_en", "出题人"] {
            assert_eq!(recognise(cell), None, "{cell}");
        }
    }

    #[test]
    fn the_header_is_found_below_a_title_row() {
        let rows = vec![
            row(&["2026年反诈知识竞赛题库", "", ""]),
            row(&[""]),
            row(&["序号", "题型", "题目", "A", "B", "C", "D", "答案", "备注"]),
            row(&["1", "单选题", "下列……", "甲", "乙", "丙", "丁", "B", ""]),
        ];
        let header = find_header(&rows).unwrap();
        assert_eq!(header.row, 2);
        assert!(!header.template);
        assert_eq!(header.ignored, ["备注"]);
        assert_eq!(header.column(Field::Option(4, Lang::Zh)).unwrap().index, 6);
    }

    #[test]
    fn an_english_header_starting_with_id_is_not_taken_for_our_template() {
        let rows = vec![row(&["id", "type", "question", "A", "B", "answer"])];
        let header = find_header(&rows).unwrap();
        assert!(!header.template);
        assert_eq!(header.column(Field::Prompt(Lang::Zh)).unwrap().index, 2);
        let ours = vec![row(&["id", "type", "prompt_zh", "prompt_en", "answer"])];
        assert!(find_header(&ours).unwrap().template);
    }

    #[test]
    fn without_prompt_and_answer_there_is_no_header() {
        let rows = vec![row(&["姓名", "部门"]), row(&["题干", "选项A"])];
        assert_eq!(find_header(&rows), None);
        assert_eq!(likeliest_header(&rows), ["姓名", "部门"]);
    }
}
