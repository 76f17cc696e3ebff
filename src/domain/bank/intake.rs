//! Intake: any file a bank's content staff have — an Excel/WPS workbook, a CSV or tab-separated
//! sheet in UTF-8, GBK or UTF-16, our own template, or a bank JSON — read into a checked bank with
//! every problem placed by sheet, row and column, and a summary first.
//!
//! The entry point is [`read`]; it does no IO, so the desk page (`desk.html`), the command-line
//! tool and tests all call it with bytes. Submodules, from the bytes up: `source` (kind and
//! encoding, by content), `workbook` (calamine), `header` (which column holds what), `normalise`
//! (answers, true/false, types, difficulty, dates as banks write them), `row` (one row into one
//! question), `template` (leftover template rows), `kept` (a question kept as its row's cells
//! until the validator takes it), `build` (all sheets into the bank's questions, with `ids` giving
//! ids, `bank_fields` the bank's own fields and `english` deciding the languages), `place` (problems back onto rows and columns), `merge`
//! (one list, repeats merged, capped at `MAX_PROBLEMS`), `partial` (what of a file with errors can be
//! previewed already), `report` (the result types), `issues`
//! (the sheet's own problems), `translate` (the translator's sheet out and back), `settings`.
//!
//! It must not be reached from the phone's app: calamine and encoding_rs live only behind this
//! module, and `parse_bank_on_device` stays the app's small, fast loader.

mod bank_fields;
mod build;
mod english;
mod header;
mod ids;
mod issues;
mod kept;
mod merge;
mod normalise;
mod partial;
mod place;
mod report;
mod row;
mod settings;
mod source;
mod template;
mod translate;
mod workbook;

pub use header::{Field, HEADER_SEARCH_ROWS};
pub use issues::{SheetIssue, Unreadable};
pub use normalise::{
    date_word, difficulty_word, read_answer, true_false_word, type_word, Answer, TypeWord,
};
pub use place::column_letters;
pub use report::{ColumnRef, Finding, KindCount, Place, PlacedProblem, Summary};
pub use settings::{IntakeSettings, LanguageChoice};
pub use source::{decode_text, detect_delimiter, FileKind, TextEncoding};
pub use translate::{apply_translations, missing_english_count, translation_sheet, Translated};

use super::validate::check_listed;
use super::{parse_bank, Bank, BankIndex, IndexError, QuestionType, Topic};
use build::build;
use partial::partial;
use source::{read_source, Contents, Grid};

/// One recognised column of a sheet, for the desk's "we read these columns" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnReport {
    /// Its letter and header.
    pub column: ColumnRef,
    /// The bank field it fills (`prompt`, `options`, `answer` …).
    pub field: &'static str,
}

/// What was found in one sheet's header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetHeader {
    /// The sheet's name (`None` for a text file).
    pub sheet: Option<String>,
    /// The header's spreadsheet row; `None` when no header was found.
    pub row: Option<usize>,
    /// The recognised columns.
    pub columns: Vec<ColumnReport>,
    /// Header cells not used.
    pub ignored: Vec<String>,
    /// Whether it is our own template's layout.
    pub template: bool,
    /// How many questions were read from it.
    pub questions: usize,
}

/// The file as read: its kind and encoding and each sheet's header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderReport {
    /// The kind of file, when it could be read.
    pub kind: Option<FileKind>,
    /// The text encoding, for text files.
    pub encoding: Option<TextEncoding>,
    /// The delimiter, for text sheets.
    pub delimiter: Option<char>,
    /// Each sheet, in order.
    pub sheets: Vec<SheetHeader>,
}

/// Where a question of the bank came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionPlace {
    /// The question's id in the bank.
    pub id: String,
    /// The sheet's name.
    pub sheet: Option<String>,
    /// Its spreadsheet row.
    pub row: usize,
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    /// The bank, when it has no errors.
    pub bank: Option<Bank>,
    /// When the bank has errors but its own fields are fine: the bank of its questions that have
    /// no error, for the preview (see `BankReport::partial`).
    pub partial: Option<Bank>,
    /// The bank file's text, when there is a bank.
    pub bank_json: Option<String>,
    /// The bank file's name (`<id>.json`).
    pub json_file: String,
    /// Counts first.
    pub summary: Summary,
    /// Every problem, placed; repeats down a column merged.
    pub problems: Vec<PlacedProblem>,
    /// How the file was read.
    pub header: HeaderReport,
    /// Where each question came from (empty for a JSON bank).
    pub questions: Vec<QuestionPlace>,
}

impl Intake {
    /// How many errors (each row of a merged problem counted).
    pub fn error_count(&self) -> usize {
        self.summary.errors
    }
}

/// Reads a file a bank's staff have (`file_name` is a hint only; the kind is told by content)
/// into a checked bank, using `settings` where the file is silent.
pub fn read(file_name: &str, bytes: &[u8], settings: &IntakeSettings) -> Intake {
    let source = match read_source(file_name, bytes) {
        Ok(source) => source,
        Err(unread) => {
            let mut problem = PlacedProblem {
                place: Place::default(),
                rows: Vec::new(),
                finding: Finding::Sheet(unread.issue),
            };
            if let Some((row, column)) = unread.at {
                let header = unread
                    .rows_before
                    .iter()
                    .rev()
                    .find_map(|r| header::find_header(std::slice::from_ref(r)).map(|_| r.clone()))
                    .and_then(|r| r.get(column - 1).cloned())
                    .unwrap_or_default();
                problem.place.row = Some(row);
                problem.place.column = Some(ColumnRef {
                    letter: column_letters(column),
                    header: header.trim().to_owned(),
                });
                problem.rows = vec![row];
            }
            let mut summary = Summary::default();
            let problems = vec![problem];
            summary.count_problems(&problems);
            return Intake {
                bank: None,
                partial: None,
                bank_json: None,
                json_file: settings.json_file.clone().unwrap_or_default(),
                summary,
                problems,
                header: HeaderReport::default(),
                questions: Vec::new(),
            };
        }
    };
    let mut header = HeaderReport {
        kind: Some(source.kind),
        encoding: source.encoding,
        delimiter: source.delimiter,
        sheets: Vec::new(),
    };
    match source.contents {
        Contents::Json(text) => read_json(file_name, &text, settings, header),
        Contents::Grids(mut grids) => {
            let built = build(&mut grids, file_name, settings);
            header.sheets = sheet_headers(&grids, &built);
            read_grids(&grids, built, settings, header)
        }
    }
}

fn read_json(
    file_name: &str,
    text: &str,
    settings: &IntakeSettings,
    header: HeaderReport,
) -> Intake {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let json_file = settings
        .json_file
        .clone()
        .unwrap_or_else(|| base.to_owned());
    let report = parse_bank(&json_file, text.as_bytes(), settings.today);
    let problems: Vec<PlacedProblem> = report
        .problems
        .into_iter()
        .map(|p| PlacedProblem {
            place: Place {
                question: p.question.clone(),
                field: p.field.clone(),
                ..Place::default()
            },
            rows: Vec::new(),
            finding: Finding::Bank(p),
        })
        .collect();
    let mut intake = finish(
        report.bank,
        json_file,
        problems,
        header,
        Vec::new(),
        Vec::new(),
    );
    intake.partial = partial(report.partial, &intake.problems, &[]);
    intake
}

fn read_grids(
    grids: &[Grid],
    mut built: build::Built,
    settings: &IntakeSettings,
    header: HeaderReport,
) -> Intake {
    let id = built.bank["id"].as_str().unwrap_or("bank").to_owned();
    let json_file = settings
        .json_file
        .clone()
        .unwrap_or_else(|| format!("{id}.json"));
    let no_header = built.headers.iter().all(Option::is_none);
    // Without a header there is nothing for the validator to judge: the one problem says why.
    let report = if no_header && !built.found.is_empty() {
        super::BankReport {
            bank: None,
            partial: None,
            problems: Vec::new(),
        }
    } else {
        // Each row's cells are freed as its question is judged.
        let build::Built {
            questions,
            headers,
            bank,
            chinese_only,
            ..
        } = &mut built;
        let questions = questions.iter_mut().filter_map(|q| {
            let header = headers.get(q.grid)?.as_ref()?;
            Some(q.question.take_question(header, settings, *chinese_only))
        });
        check_listed(&json_file, bank, questions, settings.today)
    };
    let bank_problems = place::place_problems(report.problems, grids, &built);
    let problems = merge::report_problems(&built, bank_problems, grids, &json_file);
    let kinds = built
        .questions
        .iter()
        .map(|q| q.question.kind)
        .collect::<Vec<_>>();
    let topics = topic_counts(built.questions.iter().map(|q| &*q.question.topic_text));
    let question_count = built.questions.len();
    let bank_topic = Topic::parse(built.bank["topic"].as_str().unwrap_or(""));
    let places: Vec<QuestionPlace> = built
        .questions
        .into_iter()
        .map(|q| QuestionPlace {
            id: q.question.id,
            sheet: grids.get(q.grid).and_then(|g| g.name.clone()),
            row: q.row,
        })
        .collect();
    let has_errors = problems.iter().any(PlacedProblem::is_error);
    let (bank, partial_bank) = match report.bank {
        Some(bank) if has_errors => (None, Some(bank)),
        bank => (bank, report.partial),
    };
    let partial_bank = partial(partial_bank, &problems, &places);
    let mut intake = finish(bank, json_file, problems, header, places, topics);
    intake.partial = partial_bank;
    intake.summary.by_type = count_types(kinds.into_iter().flatten());
    intake.summary.questions = question_count;
    if intake.summary.topic.is_none() {
        intake.summary.topic = bank_topic;
    }
    intake
}

/// Each 知识点 written, with how many questions have it, most first (equal counts in the order
/// first written).
fn topic_counts<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut topics: Vec<(String, usize)> = Vec::new();
    for text in texts.map(str::trim).filter(|t| !t.is_empty()) {
        match at.get(text) {
            Some(&i) => {
                if let Some(topic) = topics.get_mut(i) {
                    topic.1 += 1;
                }
            }
            None => {
                at.insert(text, topics.len());
                topics.push((text.to_owned(), 1));
            }
        }
    }
    topics.sort_by_key(|t| std::cmp::Reverse(t.1));
    topics
}

fn finish(
    bank: Option<Bank>,
    json_file: String,
    problems: Vec<PlacedProblem>,
    header: HeaderReport,
    questions: Vec<QuestionPlace>,
    by_topic: Vec<(String, usize)>,
) -> Intake {
    let mut summary = Summary {
        by_topic,
        ..Summary::default()
    };
    summary.count_problems(&problems);
    if let Some(bank) = &bank {
        summary.questions = bank.questions.len();
        summary.by_type = count_types(bank.questions.iter().map(|q| q.kind));
        summary.topic = Some(bank.topic);
        summary.languages = Some(bank.languages);
    }
    Intake {
        bank_json: bank.as_ref().map(Bank::to_json),
        bank,
        partial: None,
        json_file,
        summary,
        problems,
        header,
        questions,
    }
}

fn count_types(kinds: impl Iterator<Item = QuestionType>) -> Vec<(QuestionType, usize)> {
    let kinds: Vec<QuestionType> = kinds.collect();
    QuestionType::ALL
        .into_iter()
        .map(|t| (t, kinds.iter().filter(|k| **k == t).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

fn sheet_headers(grids: &[Grid], built: &build::Built) -> Vec<SheetHeader> {
    grids
        .iter()
        .enumerate()
        .map(|(g, grid)| {
            let found = built.headers.get(g).and_then(Option::as_ref);
            SheetHeader {
                sheet: grid.name.clone(),
                row: found.map(|h| grid.first_row + h.row),
                columns: found
                    .map(|h| {
                        h.columns
                            .iter()
                            .map(|c| ColumnReport {
                                column: ColumnRef {
                                    letter: column_letters(grid.first_column + c.index),
                                    header: c.name.clone(),
                                },
                                field: c.field.bank_field(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                ignored: found.map(|h| h.ignored.clone()).unwrap_or_default(),
                template: found.is_some_and(|h| h.template),
                questions: built.questions.iter().filter(|q| q.grid == g).count(),
            }
        })
        .collect()
}

/// `quizzes/index.json` with `bank`'s entry added or replaced (hash of `bank.to_json()`), as the
/// desk offers it for download beside the bank file.
pub fn updated_index(index_json: &str, bank: &Bank) -> Result<String, IndexError> {
    let index = BankIndex::parse(index_json)?;
    Ok(index.with_bank(bank, bank.to_json().as_bytes()).to_json())
}
