//! What an import tells: every problem placed by sheet, row and column (letter and header) or by
//! question and field, with its message in both languages (problems repeated down a column are
//! merged into one with the rows listed, in `merge`); and the summary that comes first (questions by type and topic,
//! problems by kind with counts and severity). One result type for the desk, the app and the CLI.

use crate::domain::bank::{Languages, Problem, ProblemKind, QuestionType, Severity, Topic};
use crate::domain::text::Lang;

use super::issues::SheetIssue;

/// A column of a sheet: its letter and its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRef {
    /// The spreadsheet letter (`A`, `AB`).
    pub letter: String,
    /// The header cell as written (empty when the header is unknown).
    pub header: String,
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The workbook sheet's name (`None` for a text file or the bank as a whole).
    pub sheet: Option<String>,
    /// The spreadsheet row (1-based), when the problem belongs to one.
    pub row: Option<usize>,
    /// The column, when known.
    pub column: Option<ColumnRef>,
    /// The question's id (or `#N`), when the problem belongs to one.
    pub question: Option<String>,
    /// The bank field, as the validator names it (`options[2].text.en`); empty for the sheet.
    pub field: String,
}

/// What was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A problem the bank validator found.
    Bank(Problem),
    /// A problem of the sheet itself.
    Sheet(SheetIssue),
}

/// One problem, placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedProblem {
    /// Where (the first row, when merged).
    pub place: Place,
    /// Every row with this same problem in this column (one entry unless merged).
    pub rows: Vec<usize>,
    /// What.
    pub finding: Finding,
}

impl PlacedProblem {
    /// How serious it is.
    pub fn severity(&self) -> Severity {
        match &self.finding {
            Finding::Bank(p) => p.severity(),
            Finding::Sheet(i) => i.severity(),
        }
    }

    /// Whether it stops the import.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The kind's stable name.
    pub fn code(&self) -> &'static str {
        match &self.finding {
            Finding::Bank(p) => p.kind.code(),
            Finding::Sheet(i) => i.code(),
        }
    }

    /// The message, which says what to do.
    pub fn message(&self, lang: Lang) -> String {
        match &self.finding {
            Finding::Bank(p) => p.kind.message(lang),
            Finding::Sheet(i) => i.message(lang),
        }
    }

    /// Where, in words: `工作表“单选” 第 12 行 C 列（答案）` / `sheet 单选, row 12, column C (答案)`.
    pub fn where_(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut parts = Vec::new();
        if let Some(sheet) = &self.place.sheet {
            let sheet = crate::domain::bank::shown(sheet);
            parts.push(if zh {
                format!("工作表“{sheet}”")
            } else {
                format!("sheet {sheet}")
            });
        }
        match self.rows.as_slice() {
            [] => {}
            [row] => parts.push(if zh {
                format!("第 {row} 行")
            } else {
                format!("row {row}")
            }),
            rows => parts.push(rows_text(rows, zh)),
        }
        if let Some(c) = &self.place.column {
            let header = crate::domain::bank::shown(&c.header);
            parts.push(match (zh, header.is_empty()) {
                (true, true) => format!("{} 列", c.letter),
                (true, false) => format!("{} 列（{header}）", c.letter),
                (false, true) => format!("column {}", c.letter),
                (false, false) => format!("column {} ({header})", c.letter),
            });
        } else {
            // No column to point at (a JSON bank, or a field the sheet has no column for): the
            // question and the field, as the validator names them.
            if self.rows.is_empty() {
                if let Some(q) = &self.place.question {
                    parts.push(crate::domain::bank::shown(q));
                }
            }
            if !self.place.field.is_empty() {
                let field = if self.rows.len() > 1 {
                    field_shape(&self.place.field)
                } else {
                    self.place.field.clone()
                };
                parts.push(crate::domain::bank::shown(&field));
            }
        }
        parts.join(if zh { " " } else { ", " })
    }

    /// One line for the command-line tool: `错误: 第 12 行 C 列（答案）: …`.
    pub fn line(&self, lang: Lang) -> String {
        let level = severity_word(self.severity(), lang);
        let place = self.where_(lang);
        if place.is_empty() {
            format!("{level}: {}", self.message(lang))
        } else {
            format!("{level}: {place}: {}", self.message(lang))
        }
    }
}

/// "错误"/"error", "警告"/"warning".
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Warning, Lang::En) => "warning",
    }
}

/// "第 3、5、9 行（共 3 行）" / "rows 3, 5, 9 (3 rows)", listing at most eight rows.
fn rows_text(rows: &[usize], zh: bool) -> String {
    // A row may hold the same problem in several cells (options); each row is named once.
    let mut unique: Vec<usize> = Vec::with_capacity(rows.len());
    for row in rows {
        if !unique.contains(row) {
            unique.push(*row);
        }
    }
    let rows = unique.as_slice();
    let shown: Vec<String> = rows.iter().take(8).map(usize::to_string).collect();
    let more = if rows.len() > 8 {
        if zh {
            "…"
        } else {
            ", …"
        }
    } else {
        ""
    };
    if zh {
        format!("第 {}{more} 行（共 {} 行）", shown.join("、"), rows.len())
    } else {
        format!("rows {}{more} ({} rows)", shown.join(", "), rows.len())
    }
}

/// A field path without its positions: `options[2].text.en` → `options[].text.en`.
pub fn field_shape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut in_brackets = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_brackets = true;
                out.push(c);
            }
            ']' => {
                in_brackets = false;
                out.push(c);
            }
            _ if in_brackets => {}
            c => out.push(c),
        }
    }
    out
}

/// How many problems of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindCount {
    /// The kind's stable name.
    pub code: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// How many times it occurs (a merged problem counts each of its rows).
    pub count: usize,
    /// The position in `problems` of its first occurrence (for its message).
    pub first: usize,
}

/// The summary shown before the problems.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Questions read.
    pub questions: usize,
    /// Questions by type (types with none left out).
    pub by_type: Vec<(QuestionType, usize)>,
    /// Questions by 知识点/tag as written in the sheet, most first (empty for a JSON bank).
    pub by_topic: Vec<(String, usize)>,
    /// The bank's topic, when known.
    pub topic: Option<Topic>,
    /// The bank's languages, when it was built.
    pub languages: Option<Languages>,
    /// Errors (each row of a merged problem counted).
    pub errors: usize,
    /// Warnings (likewise).
    pub warnings: usize,
    /// Problems by kind: errors first, then by count.
    pub by_kind: Vec<KindCount>,
}

impl Summary {
    /// Counts the problems by kind (the rest of the summary is filled by the caller).
    pub fn count_problems(&mut self, problems: &[PlacedProblem]) {
        for (i, p) in problems.iter().enumerate() {
            let n = match &p.finding {
                // The validator's count of the problems it did not list.
                Finding::Bank(Problem {
                    kind: ProblemKind::MoreProblems { errors, warnings },
                    ..
                }) => {
                    self.errors += errors;
                    self.warnings += warnings;
                    errors + warnings
                }
                _ => {
                    let n = p.rows.len().max(1);
                    match p.severity() {
                        Severity::Error => self.errors += n,
                        Severity::Warning => self.warnings += n,
                    }
                    n
                }
            };
            match self.by_kind.iter_mut().find(|k| k.code == p.code()) {
                Some(k) => k.count += n,
                None => self.by_kind.push(KindCount {
                    code: p.code(),
                    severity: p.severity(),
                    count: n,
                    first: i,
                }),
            }
        }
        self.by_kind
            .sort_by(|a, b| b.severity.cmp(&a.severity).then(b.count.cmp(&a.count)));
    }

    /// The summary as lines for the command-line tool (`problems`: what `count_problems` saw).
    pub fn lines(&self, problems: &[PlacedProblem], lang: Lang) -> Vec<String> {
        let zh = lang == Lang::Zh;
        let mut out = Vec::new();
        let types: Vec<String> = self
            .by_type
            .iter()
            .map(|(t, n)| {
                let name = match (t, zh) {
                    (QuestionType::Single, true) => "单选",
                    (QuestionType::Multiple, true) => "多选",
                    (QuestionType::TrueFalse, true) => "判断",
                    (QuestionType::Single, false) => "single",
                    (QuestionType::Multiple, false) => "multiple",
                    (QuestionType::TrueFalse, false) => "true/false",
                };
                if zh {
                    format!("{name} {n}")
                } else {
                    format!("{n} {name}")
                }
            })
            .collect();
        out.push(if zh {
            format!("共 {} 题（{}）", self.questions, types.join("，"))
        } else {
            format!(
                "{} ({})",
                english_count(self.questions, "question", "questions"),
                types.join(", ")
            )
        });
        if !self.by_topic.is_empty() {
            let topics: Vec<String> = self
                .by_topic
                .iter()
                .take(10)
                .map(|(t, n)| format!("{} {n}", crate::domain::bank::shown(t)))
                .collect();
            out.push(if zh {
                format!("知识点：{}", topics.join("，"))
            } else {
                format!("topics: {}", topics.join(", "))
            });
        }
        if let Some(Languages::ChineseOnly) = self.languages {
            out.push(if zh {
                "语言：只有中文".to_owned()
            } else {
                "languages: Chinese only".to_owned()
            });
        }
        out.push(if zh {
            format!("问题：{} 个错误，{} 个警告", self.errors, self.warnings)
        } else {
            format!(
                "problems: {}, {}",
                english_count(self.errors, "error", "errors"),
                english_count(self.warnings, "warning", "warnings")
            )
        });
        for k in &self.by_kind {
            let example = problems
                .get(k.first)
                .map(|p| p.message(lang))
                .unwrap_or_default();
            let example = cut(&example, 60);
            out.push(format!(
                "  {} ×{} {}: {example}",
                severity_word(k.severity, lang),
                k.count,
                k.code
            ));
        }
        out
    }
}

/// At most `n` characters of `text`, then "…".
fn cut(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// `n` with the English noun for it: "1 error", "2 errors".
fn english_count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
