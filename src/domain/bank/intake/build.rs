//! The sheets of a file into one bank: each sheet's header found, its rows read as questions
//! (section titles such as "一、单选题" setting the type of the rows below), our template's `@`
//! rows read as the bank's own fields, ids given where the sheet has none or repeats them, the
//! languages decided. Each row is kept as its own cells (`kept`), which make its question again
//! when the validator takes it, and each grid's rows are dropped as they are read.

use super::bank_fields::bank_fields;
use super::header::{find_header, likeliest_header, Field, Header, NEEDED};
use super::ids::{assign_ids, rename_repeated_ids};
use super::issues::SheetIssue;
use super::kept::{row_cells, Kept};
use super::normalise::{section_type, TypeWord};
use super::row::read_row;
use super::settings::IntakeSettings;
use super::source::Grid;
use super::template::{leftover, template_prompts};
use crate::domain::bank::sheet::META;
use serde_json::Value;
use std::collections::BTreeMap;

/// A question read from a sheet, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Which grid (0-based).
    pub grid: usize,
    /// Its spreadsheet row (1-based).
    pub row: usize,
    /// The question as read.
    pub question: Kept,
}

/// A problem found while building, placed by grid, row and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Which grid (0-based), when it belongs to one.
    pub grid: Option<usize>,
    /// Spreadsheet row (1-based).
    pub row: Option<usize>,
    /// The later rows with this same problem, found one after another (see
    /// [`push_found`]).
    pub repeats: Vec<usize>,
    /// The column it concerns, when known.
    pub field: Option<Field>,
    /// What is wrong.
    pub issue: SheetIssue,
}

/// Everything read from the sheets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Built {
    /// The header of each grid (`None` where none was found).
    pub headers: Vec<Option<Header>>,
    /// The questions, in order.
    pub questions: Vec<Placed>,
    /// The bank's own fields (its `questions` an empty list).
    pub bank: Value,
    /// Whether the bank is Chinese-only (its questions then without their empty English).
    pub chinese_only: bool,
    /// Sheet-level and row-level problems.
    pub found: Vec<Found>,
    /// The template's `@` rows: name → (grid, row).
    pub bank_rows: BTreeMap<String, (usize, usize)>,
    /// Fields whose column no sheet has (reported once; the validator's per-question "missing"
    /// for them is dropped).
    pub missing_columns: Vec<&'static str>,
}

/// Adds a problem to `found`; one that repeats the last one a row or more further down (the same
/// issue in the same column of the same grid) is added to its rows instead, as the report would
/// merge them anyway: a sheet with the same problem on every row keeps one.
pub fn push_found(found: &mut Vec<Found>, new: Found) {
    if let Some(last) = found.last_mut() {
        let last_row = last.repeats.last().copied().or(last.row);
        if let (Some(row), Some(last_row)) = (new.row, last_row) {
            if row >= last_row
                && (last.grid, last.field, &last.issue) == (new.grid, new.field, &new.issue)
            {
                last.repeats.push(row);
                return;
            }
        }
    }
    found.push(new);
}

/// Reads every grid into one bank. Each grid's rows are taken (and dropped as they are read):
/// what follows needs only the grids' names and positions.
pub fn build(grids: &mut [Grid], file_name: &str, settings: &IntakeSettings) -> Built {
    let mut built = Built::default();
    let mut meta: BTreeMap<String, String> = BTreeMap::new();
    let examples = template_prompts();
    for (g, grid) in grids.iter_mut().enumerate() {
        let header = find_header(&grid.rows);
        let Some(header) = header else {
            built.headers.push(None);
            let filled = grid
                .rows
                .iter()
                .any(|r| r.iter().any(|c| !c.trim().is_empty()));
            if filled {
                push_found(
                    &mut built.found,
                    Found {
                        grid: Some(g),
                        repeats: Vec::new(),
                        row: None,
                        field: None,
                        issue: SheetIssue::HeaderNotFound {
                            found: likeliest_header(&grid.rows),
                            needed: NEEDED.to_vec(),
                        },
                    },
                );
            }
            continue;
        };
        for (i, row) in grid.rows.iter().enumerate().take(header.row) {
            let first = row.first().map(|s| s.trim()).unwrap_or("");
            if !first.starts_with('@') {
                continue;
            }
            let number = grid.first_row + i;
            if META.contains(&first) {
                let value = row.get(1).map(|s| s.trim()).unwrap_or("").to_owned();
                meta.insert(first.to_owned(), value);
                built.bank_rows.insert(first.to_owned(), (g, number));
            } else {
                push_found(
                    &mut built.found,
                    Found {
                        grid: Some(g),
                        repeats: Vec::new(),
                        row: Some(number),
                        field: None,
                        issue: SheetIssue::UnknownBankRow {
                            name: first.to_owned(),
                        },
                    },
                );
            }
        }
        if !header.ignored.is_empty() {
            push_found(
                &mut built.found,
                Found {
                    grid: Some(g),
                    repeats: Vec::new(),
                    row: Some(grid.first_row + header.row),
                    field: None,
                    issue: SheetIssue::IgnoredColumns {
                        names: header.ignored.clone(),
                    },
                },
            );
        }
        let mut section: Option<TypeWord> = None;
        let rows = std::mem::take(&mut grid.rows);
        // Room for every row that may be a question, at once: grown by doubling, the list of a
        // sheet of short rows was held twice while it moved.
        let more = rows
            .iter()
            .skip(header.row + 1)
            .filter(|r| {
                let filled = r.iter().filter(|c| !c.trim().is_empty()).take(2).count();
                filled == 2 || (filled == 1 && header.template)
            })
            .count();
        built.questions.reserve_exact(more);
        for (i, cells) in rows.into_iter().enumerate().skip(header.row + 1) {
            let filled: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            match filled.as_slice() {
                [] => continue,
                [only] if !header.template => {
                    // A section title ("二、多选题") or a stray note: not a question.
                    if let Some(t) = section_type(only) {
                        section = Some(t);
                    }
                    continue;
                }
                _ => {}
            }
            let row = grid.first_row + i;
            let cells = row_cells(cells);
            let draft = read_row(&header, &cells, section, settings);
            for (field, issue) in &draft.issues {
                push_found(
                    &mut built.found,
                    Found {
                        grid: Some(g),
                        repeats: Vec::new(),
                        row: Some(row),
                        field: *field,
                        issue: issue.clone(),
                    },
                );
            }
            if let Some(text) = leftover(&draft, &examples) {
                push_found(
                    &mut built.found,
                    Found {
                        grid: Some(g),
                        repeats: Vec::new(),
                        row: Some(row),
                        field: header
                            .columns
                            .iter()
                            .find(|c| matches!(c.field, Field::Prompt(_)))
                            .map(|c| c.field),
                        issue: SheetIssue::TemplateLeftover { text },
                    },
                );
            }
            built.questions.push(Placed {
                grid: g,
                row,
                question: Kept::new(draft, cells, section),
            });
        }
        built.headers.push(Some(header));
    }
    if built.headers.iter().any(Option::is_some) {
        // A sheet without a header beside one with questions is a cover or notes sheet.
        built
            .found
            .retain(|f| !matches!(f.issue, SheetIssue::HeaderNotFound { .. }) || f.grid.is_none());
    }
    let template = built.headers.iter().flatten().any(|h| h.template);
    if template {
        rename_repeated_ids(&mut built);
    } else {
        assign_ids(&mut built.questions, &settings.bank_id_for(None, file_name));
        built.missing_columns = missing_columns(&built, settings);
        for &field in &built.missing_columns {
            push_found(
                &mut built.found,
                Found {
                    grid: None,
                    repeats: Vec::new(),
                    row: None,
                    field: None,
                    issue: SheetIssue::MissingColumn {
                        field,
                        questions: built.questions.len(),
                    },
                },
            );
        }
    }
    let tags_dropped: Vec<&str> = built
        .questions
        .iter()
        .filter(|q| !template && !q.question.tags && !q.question.topic_text.is_empty())
        .map(|q| &*q.question.topic_text)
        .collect();
    if let Some(example) = tags_dropped.first() {
        push_found(
            &mut built.found,
            Found {
                grid: None,
                repeats: Vec::new(),
                row: None,
                field: None,
                issue: SheetIssue::TagsNotWritten {
                    count: tags_dropped.len(),
                    example: (*example).to_owned(),
                },
            },
        );
    }
    let (bank, chinese_only) = bank_fields(&built, &meta, template, file_name, settings);
    built.chinese_only = chinese_only;
    built.bank = Value::Object(bank);
    built
}

/// The required fields no sheet has a column for (and no setting fills).
fn missing_columns(built: &Built, settings: &IntakeSettings) -> Vec<&'static str> {
    if built.questions.is_empty() {
        return Vec::new();
    }
    let has = |pred: &dyn Fn(Field) -> bool| {
        built
            .headers
            .iter()
            .flatten()
            .any(|h| h.columns.iter().any(|c| pred(c.field)))
    };
    let mut out = Vec::new();
    if !has(&|f| matches!(f, Field::Explanation(_))) {
        out.push("explanation");
    }
    if !has(&|f| matches!(f, Field::Source(_))) && settings.source.zh.is_empty() {
        out.push("source");
    }
    out
}
