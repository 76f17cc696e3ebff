//! One sheet row into one question of the bank format (as JSON, for the validator to judge):
//! answers, types, true/false options, difficulty, audience and dates normalised; the settings'
//! defaults where a cell is empty. What cannot be normalised is passed on as written, so the
//! validator names it at its cell.

use super::header::{Field, Header};
use super::issues::SheetIssue;
use super::normalise::{
    date_word, difficulty_word, read_answer, split_list, true_false_word, type_word, Answer,
    TypeWord,
};
use super::settings::IntakeSettings;
use crate::domain::bank::{is_valid_id, option_letter, split_options, Audience, QuestionType};
use crate::domain::text::Lang;
use serde_json::{json, Map, Value};

/// Most options a sheet row has.
pub const SHEET_OPTIONS: u8 = 6;

/// A row read as a question, before the bank is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The question in the bank format (its id filled in later for sheets without ids).
    pub question: Map<String, Value>,
    /// For each option of `question`, the sheet's option number (1–6) it came from; `None` for
    /// the default true/false options.
    pub option_columns: Vec<Option<u8>>,
    /// The type, when known or inferred.
    pub kind: Option<QuestionType>,
    /// The 知识点/tags cell as written (for the summary).
    pub topic_text: String,
    /// The id cell as written.
    pub raw_id: String,
    /// Problems found in the row itself, with the column they concern.
    pub issues: Vec<(Option<Field>, SheetIssue)>,
}

/// The default true/false option texts.
const TRUE_TEXT: (&str, &str) = ("正确", "Correct");
const FALSE_TEXT: (&str, &str) = ("错误", "Incorrect");

/// Reads one row. `section` is the type announced by a section title above it, if any.
pub fn read_row(
    header: &Header,
    cells: &[Box<str>],
    section: Option<TypeWord>,
    settings: &IntakeSettings,
) -> Draft {
    let get = |field: Field| -> String {
        header
            .column(field)
            .and_then(|c| cells.get(c.index))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut issues = Vec::new();
    // The options as written: (sheet number, zh, en, feedback zh, feedback en).
    let written: Vec<(u8, String, String, String, String)> = (1..=SHEET_OPTIONS)
        .map(|n| {
            (
                n,
                get(Field::Option(n, Lang::Zh)),
                get(Field::Option(n, Lang::En)),
                get(Field::Feedback(n, Lang::Zh)),
                get(Field::Feedback(n, Lang::En)),
            )
        })
        .filter(|(_, zh, en, _, _)| !zh.is_empty() || !en.is_empty())
        .collect();
    let written = if written.is_empty() {
        options_from_one_cell(
            &get(Field::OptionsCell(Lang::Zh)),
            &get(Field::OptionsCell(Lang::En)),
        )
    } else {
        written
    };
    let type_cell = get(Field::Type);
    let stated = if type_cell.is_empty() {
        section
    } else {
        type_word(&type_cell)
    };
    let tf_options = written.len() == 2
        && written
            .iter()
            .all(|(_, zh, en, ..)| true_false_word(zh).or(true_false_word(en)).is_some());
    let tf_possible = match stated {
        Some(TypeWord::Known(QuestionType::TrueFalse)) => true,
        Some(_) => false,
        None => written.is_empty() || tf_options,
    };
    let answer_cell = get(Field::Answer);
    let answer = read_answer(&answer_cell, tf_possible);
    let kind = match stated {
        Some(TypeWord::Known(t)) => Some(t),
        _ if !type_cell.is_empty() && stated.is_none() => None,
        _ => Some(match &answer {
            Answer::TrueFalse(_) => QuestionType::TrueFalse,
            _ if tf_options && stated.is_none() => QuestionType::TrueFalse,
            Answer::Letters(l) if l.len() >= 2 => QuestionType::Multiple,
            _ => QuestionType::Single,
        }),
    };
    let mut q = Map::new();
    q.insert("id".into(), Value::String(get(Field::Id)));
    q.insert(
        "type".into(),
        Value::String(kind.map_or(type_cell.clone(), |k| k.as_str().to_owned())),
    );
    q.insert(
        "prompt".into(),
        text(&get(Field::Prompt(Lang::Zh)), &get(Field::Prompt(Lang::En))),
    );
    let given_ids = split_list(&get(Field::OptionIds));
    let mut options = Vec::new();
    let mut option_columns = Vec::new();
    let true_false = kind == Some(QuestionType::TrueFalse);
    let mut written = written;
    if true_false && tf_options {
        // "错误" written before "正确": true first, as the format wants.
        written.sort_by_key(|(_, zh, en, ..)| {
            !true_false_word(zh).or(true_false_word(en)).unwrap_or(true)
        });
    }
    for (position, (n, zh, en, fzh, fen)) in written.iter().enumerate() {
        let default_id = if true_false {
            ["true", "false"]
                .get(position)
                .map_or_else(|| format!("x{n}"), |s| s.to_string())
        } else {
            option_letter(position).to_ascii_lowercase().to_string()
        };
        let mut o = Map::new();
        o.insert(
            "id".into(),
            Value::String(given_ids.get(position).cloned().unwrap_or(default_id)),
        );
        let en = if en.is_empty() && true_false && tf_options && !header.template {
            match true_false_word(zh) {
                Some(true) => TRUE_TEXT.1.to_owned(),
                _ => FALSE_TEXT.1.to_owned(),
            }
        } else {
            en.clone()
        };
        o.insert("text".into(), text(zh, &en));
        if !fzh.is_empty() || !fen.is_empty() {
            o.insert("feedback".into(), text(fzh, fen));
        }
        options.push(Value::Object(o));
        option_columns.push(Some(*n));
    }
    if true_false && written.is_empty() {
        for (id, (zh, en)) in [("true", TRUE_TEXT), ("false", FALSE_TEXT)] {
            options.push(json!({ "id": id, "text": { "zh": zh, "en": en } }));
            option_columns.push(None);
        }
    }
    let ids: Vec<String> = options
        .iter()
        .map(|o| o["id"].as_str().unwrap_or("").to_owned())
        .collect();
    let answer_ids: Vec<String> = match answer {
        Answer::Empty => Vec::new(),
        Answer::TrueFalse(b) if true_false => vec![if b { "true" } else { "false" }.to_owned()],
        Answer::Letters(letters) if given_ids.is_empty() => {
            let mut out = Vec::new();
            for p in letters {
                // A letter names a column (B is 选项B); its option sits where that column does
                // among the filled ones. In our template, letters are the ids a, b, c ….
                let at = if header.template {
                    (p < ids.len()).then_some(p)
                } else {
                    option_columns
                        .iter()
                        .position(|n| *n == u8::try_from(p + 1).ok())
                };
                match at.and_then(|i| ids.get(i)) {
                    Some(id) => out.push(id.clone()),
                    None if header.template => {
                        out.push(option_letter(p).to_ascii_lowercase().to_string())
                    }
                    None => issues.push((
                        Some(Field::Answer),
                        SheetIssue::AnswerBeyondOptions {
                            letter: option_letter(p),
                            options: written.len(),
                        },
                    )),
                }
            }
            out
        }
        _ if header.template => split_list(&answer_cell),
        _ => {
            issues.push((
                Some(Field::Answer),
                SheetIssue::UnreadableAnswer {
                    value: answer_cell.clone(),
                },
            ));
            Vec::new()
        }
    };
    q.insert("options".into(), Value::Array(options));
    if !issues.is_empty() && answer_ids.is_empty() {
        // The answer is already reported; a placeholder keeps the validator from adding NoAnswer.
        q.insert(
            "answer".into(),
            json!([ids.first().cloned().unwrap_or_default()]),
        );
    } else {
        q.insert(
            "answer".into(),
            Value::Array(answer_ids.into_iter().map(Value::String).collect()),
        );
    }
    let explanation = (
        get(Field::Explanation(Lang::Zh)),
        get(Field::Explanation(Lang::En)),
    );
    if !explanation.0.is_empty() || !explanation.1.is_empty() || header.template {
        q.insert("explanation".into(), text(&explanation.0, &explanation.1));
    }
    let source = (get(Field::Source(Lang::Zh)), get(Field::Source(Lang::En)));
    if !source.0.is_empty() || !source.1.is_empty() {
        q.insert("source".into(), text(&source.0, &source.1));
    } else if !settings.source.zh.is_empty() {
        q.insert(
            "source".into(),
            text(&settings.source.zh, &settings.source.en),
        );
    } else if header.template {
        q.insert("source".into(), text("", ""));
    }
    let difficulty = get(Field::Difficulty);
    q.insert(
        "difficulty".into(),
        match difficulty_word(&difficulty) {
            Some(d) => Value::from(d),
            None if difficulty.is_empty() && !header.template => Value::from(settings.difficulty),
            None => difficulty
                .parse::<u64>()
                .map(Value::from)
                .unwrap_or(Value::String(difficulty)),
        },
    );
    let audience = get(Field::Audience);
    let audience: Vec<String> = if audience.is_empty() && !header.template {
        settings
            .audience
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect()
    } else {
        split_list(&audience)
            .iter()
            .map(|a| audience_word(a))
            .collect()
    };
    q.insert(
        "audience".into(),
        Value::Array(audience.into_iter().map(Value::String).collect()),
    );
    let topic_text = get(Field::Tags);
    let tags: Vec<String> = split_list(&topic_text);
    let tags: Vec<String> = if header.template {
        tags
    } else {
        tags.into_iter().filter(|t| is_valid_id(t)).collect()
    };
    if !tags.is_empty() {
        q.insert(
            "tags".into(),
            Value::Array(tags.into_iter().map(Value::String).collect()),
        );
    }
    let until = get(Field::ValidUntil);
    if !until.is_empty() {
        let value = date_word(&until).map_or(until, |d| d.to_string());
        q.insert("valid_until".into(), Value::String(value));
    }
    let (rzh, ren) = (
        get(Field::ReadAloud(Lang::Zh)),
        get(Field::ReadAloud(Lang::En)),
    );
    if !rzh.is_empty() || !ren.is_empty() {
        let mut r = Map::new();
        for (code, value) in [("zh", rzh), ("en", ren)] {
            if !value.is_empty() {
                r.insert(code.into(), Value::String(value));
            }
        }
        q.insert("read_aloud".into(), Value::Object(r));
    }
    Draft {
        question: q,
        option_columns,
        kind,
        topic_text,
        raw_id: get(Field::Id),
        issues,
    }
}

/// Options kept in one cell per language, split by their letters or lines; numbered as the
/// option columns are (A → 1), so answer letters find them.
fn options_from_one_cell(zh: &str, en: &str) -> Vec<(u8, String, String, String, String)> {
    let en = split_options(en);
    split_options(zh)
        .into_iter()
        .filter_map(|(letter, text)| {
            let n = u8::try_from(letter + 1)
                .ok()
                .filter(|n| *n <= SHEET_OPTIONS)?;
            let english = en
                .iter()
                .find(|(l, _)| *l == letter)
                .map(|(_, t)| t.clone())
                .unwrap_or_default();
            Some((n, text, english, String::new(), String::new()))
        })
        .collect()
}

/// An audience word in Chinese or English as the format's word (unknown words as written).
fn audience_word(word: &str) -> String {
    let known = match word.to_lowercase().as_str() {
        "老年人" | "老年" | "老人" | "长者" => Some(Audience::Elderly),
        "青年" | "青少年" | "学生" | "大学生" | "年轻人" => Some(Audience::Youth),
        "新市民" | "外来务工人员" => Some(Audience::Newcomers),
        "所有人" | "全部" | "大众" | "公众" | "通用" | "全体" => {
            Some(Audience::Everyone)
        }
        w => Audience::parse(w),
    };
    known.map_or_else(|| word.to_owned(), |a| a.as_str().to_owned())
}

fn text(zh: &str, en: &str) -> Value {
    json!({ "zh": zh, "en": en })
}
