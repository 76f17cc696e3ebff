//! Placing problems in the sheet: a validator problem (named by question and field) at the row of
//! its own question and the column of its field; a build problem at its row and column. A
//! question is found by its position, never by the first row with the same id.

use super::build::{Built, Found};
use super::header::{Field, Header};
use super::report::{ColumnRef, Finding, Place, PlacedProblem};
use super::source::Grid;
use crate::domain::bank::{Problem, ProblemKind};
use crate::domain::text::Lang;
use std::borrow::Cow;

/// The spreadsheet's name for a 1-based column number: 1 → A, 27 → AA.
pub fn column_letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The column of `field` in `grid`, by letter and header.
fn column_ref(grid: &Grid, header: &Header, field: Field) -> Option<ColumnRef> {
    let column = header.column(field)?;
    Some(ColumnRef {
        letter: column_letters(grid.first_column + column.index),
        header: column.name.clone(),
    })
}

/// A build problem, placed.
pub fn place_found(found: &Found, grids: &[Grid], built: &Built) -> PlacedProblem {
    let grid = found.grid.and_then(|g| grids.get(g));
    let header = found
        .grid
        .and_then(|g| built.headers.get(g))
        .and_then(Option::as_ref);
    let column = match (grid, header, found.field) {
        (Some(grid), Some(header), Some(field)) => column_ref(grid, header, field),
        _ => None,
    };
    PlacedProblem {
        place: Place {
            sheet: grid.and_then(|g| g.name.clone()),
            row: found.row,
            column,
            question: None,
            field: found
                .field
                .map(|f| f.bank_field().to_owned())
                .unwrap_or_default(),
        },
        rows: found
            .row
            .into_iter()
            .chain(found.repeats.iter().copied())
            .collect(),
        finding: Finding::Sheet(found.issue.clone()),
    }
}

/// The validator's problems, placed at their questions' rows. Problems come in question order,
/// so a question is looked for from the last one placed on (ids may repeat in a sheet).
pub fn place_problems(problems: Vec<Problem>, grids: &[Grid], built: &Built) -> Vec<PlacedProblem> {
    let labels: Vec<Cow<str>> = built
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| match &q.question.id {
            id if crate::domain::bank::is_valid_id(id) => Cow::Borrowed(id.as_str()),
            _ => Cow::Owned(format!("#{}", i + 1)),
        })
        .collect();
    let mut cursor = 0;
    let mut out = Vec::with_capacity(problems.len());
    for p in problems {
        let position = p.question.as_deref().and_then(|label| {
            let found = labels[cursor..]
                .iter()
                .position(|l| l == label)
                .map(|i| cursor + i)
                .or_else(|| labels.iter().position(|l| l == label))?;
            Some(found)
        });
        if let Some(at) = position {
            cursor = cursor.max(at);
        }
        if is_missing_column(&p, built) {
            continue;
        }
        let placed = position.and_then(|at| built.questions.get(at));
        let grid = placed.and_then(|q| grids.get(q.grid));
        let header = placed
            .and_then(|q| built.headers.get(q.grid))
            .and_then(Option::as_ref);
        let mut column = match (placed, grid, header) {
            (Some(q), Some(grid), Some(header)) => field_of(&p.field, &q.question.option_columns)
                .and_then(|f| {
                    column_ref(grid, header, f).or_else(|| match f {
                        // Options kept in one cell: that cell's column.
                        Field::Option(_, lang) => {
                            column_ref(grid, header, Field::OptionsCell(lang))
                        }
                        _ => None,
                    })
                }),
            _ => None,
        };
        let mut row = placed.map(|q| q.row);
        let mut sheet = grid.and_then(|g| g.name.clone());
        if p.question.is_none() {
            // A bank field: the template's `@` row for it, when the sheet has one.
            let name = format!("@{}", p.field.replace('.', "_"));
            if let Some(&(g, r)) = built.bank_rows.get(&name) {
                row = Some(r);
                sheet = grids.get(g).and_then(|g| g.name.clone());
                column = Some(ColumnRef {
                    letter: "B".to_owned(),
                    header: name,
                });
            }
        }
        out.push(PlacedProblem {
            place: Place {
                sheet,
                row,
                column,
                question: p.question.clone(),
                field: p.field.clone(),
            },
            rows: row.into_iter().collect(),
            finding: Finding::Bank(p),
        });
    }
    out
}

/// Whether the problem is a question's missing field whose column the sheet lacks altogether
/// (already reported once as a missing column).
fn is_missing_column(p: &Problem, built: &Built) -> bool {
    let base = p.field.split('.').next().unwrap_or("");
    p.question.is_some()
        && matches!(p.kind, ProblemKind::Missing | ProblemKind::EmptyText { .. })
        && built.missing_columns.contains(&base)
}

/// The sheet field behind a validator field path (`options[2].text.en` → the second filled
/// option's column, in English).
fn field_of(path: &str, option_columns: &[Option<u8>]) -> Option<Field> {
    let lang = |s: &str| {
        if s.ends_with(".en") {
            Lang::En
        } else {
            Lang::Zh
        }
    };
    if let Some(rest) = path.strip_prefix("options[") {
        let (n, tail) = rest.split_once(']')?;
        let position: usize = n.parse().ok()?;
        let column = (*option_columns.get(position.checked_sub(1)?)?)?;
        let tail = tail.trim_start_matches('.');
        return Some(match tail {
            "id" => Field::OptionIds,
            t if t.starts_with("feedback") => Field::Feedback(column, lang(t)),
            t => Field::Option(column, lang(t)),
        });
    }
    let base = path.split('.').next().unwrap_or(path);
    Some(match base {
        "id" => Field::Id,
        "type" => Field::Type,
        "prompt" => Field::Prompt(lang(path)),
        "options" => Field::Option(
            option_columns.iter().flatten().next().copied().unwrap_or(1),
            Lang::Zh,
        ),
        "answer" => Field::Answer,
        "explanation" => Field::Explanation(lang(path)),
        "source" => Field::Source(lang(path)),
        "difficulty" => Field::Difficulty,
        "audience" => Field::Audience,
        "tags" => Field::Tags,
        "valid_until" => Field::ValidUntil,
        "read_aloud" => Field::ReadAloud(lang(path)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(53), "BA");
    }

    #[test]
    fn fields_map_to_the_option_column_they_came_from() {
        // Options from columns A, C, D (B left empty): the second option is column C.
        let columns = [Some(1), Some(3), Some(4)];
        assert_eq!(
            field_of("options[2].text.en", &columns),
            Some(Field::Option(3, Lang::En))
        );
        assert_eq!(
            field_of("options[3].feedback.zh", &columns),
            Some(Field::Feedback(4, Lang::Zh))
        );
        assert_eq!(
            field_of("explanation.zh", &columns),
            Some(Field::Explanation(Lang::Zh))
        );
        assert_eq!(field_of("options[1].text.zh", &[None, None]), None);
    }
}
