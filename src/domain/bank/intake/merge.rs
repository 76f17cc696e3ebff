//! A sheet's problems as the report lists them: build's and the validator's in one order (the
//! sheet's own first, then by sheet and row), each problem repeated down a column with the same
//! message merged into one listing its rows, and the list capped at `MAX_PROBLEMS` with the rest
//! counted in one last `MoreProblems`. Problems are placed and merged one at a time: a sheet with
//! a problem on every row never holds a placed problem per row (a few hundred bytes each).

use super::build::{Built, Found};
use super::place::place_found;
use super::report::{field_shape, Finding, PlacedProblem};
use super::source::Grid;
use crate::domain::bank::{Problem, ProblemKind, Severity, MAX_PROBLEMS};
use crate::domain::text::Lang;
use std::collections::HashMap;

/// What makes two problems one: sheet, column (or field shape), code and message.
type Key = (Option<String>, String, String, String);

/// Where a problem sorts: the sheet's own (no row) first, then by sheet and row.
type Order = (bool, usize, Option<usize>);

/// The problems of `built` (`built.found`) and the validator's (`bank`, already placed), in the
/// report's order, merged and capped; the rest counted in a `MoreProblems` of `json_file`.
pub fn report_problems(
    built: &Built,
    bank: Vec<PlacedProblem>,
    grids: &[Grid],
    json_file: &str,
) -> Vec<PlacedProblem> {
    let sheet_order = |sheet: Option<&str>| {
        grids
            .iter()
            .position(|g| g.name.as_deref() == sheet)
            .unwrap_or(0)
    };
    let found_sheet = |f: &Found| {
        f.grid
            .and_then(|g| grids.get(g))
            .and_then(|g| g.name.as_deref())
    };
    // Build's problems first, then the validator's; sorted (stably) by place.
    let mut order: Vec<(Order, usize)> = built
        .found
        .iter()
        .map(|f| (f.row, found_sheet(f)))
        .chain(bank.iter().map(|p| (p.place.row, p.place.sheet.as_deref())))
        .enumerate()
        .map(|(i, (row, sheet))| ((row.is_some(), sheet_order(sheet), row), i))
        .collect();
    order.sort_by_key(|(key, _)| *key);
    let founds = built.found.len();
    let mut bank: Vec<Option<PlacedProblem>> = bank.into_iter().map(Some).collect();
    let mut merged = Merged::default();
    for (_, i) in order {
        let placed = match i.checked_sub(founds) {
            None => built.found.get(i).map(|f| place_found(f, grids, built)),
            Some(b) => bank.get_mut(b).and_then(Option::take),
        };
        if let Some(p) = placed {
            merged.push(p);
        }
    }
    merged.finish(json_file)
}

/// The list so far: the first `MAX_PROBLEMS` problems, merged, and the rest counted.
#[derive(Default)]
struct Merged {
    out: Vec<PlacedProblem>,
    /// Where each problem kept with one row is, by what makes two problems one.
    by_key: HashMap<Key, usize>,
    errors: usize,
    warnings: usize,
}

impl Merged {
    /// Adds the next problem: merged into a problem kept with the same key, kept while there is
    /// room, else counted (each of its rows). The validator's own `MoreProblems` is only counted.
    /// A problem with rows comes with one, or with the rows of its repeats one after another
    /// (`build::push_found`), which merge as one by one.
    fn push(&mut self, p: PlacedProblem) {
        if let Finding::Bank(Problem {
            kind: ProblemKind::MoreProblems { errors, warnings },
            ..
        }) = &p.finding
        {
            self.errors += errors;
            self.warnings += warnings;
            return;
        }
        let key = (!p.rows.is_empty()).then(|| key(&p));
        if let Some(&at) = key.as_ref().and_then(|k| self.by_key.get(k)) {
            if let Some(kept) = self.out.get_mut(at) {
                kept.rows.extend(p.rows.iter().copied());
                return;
            }
        }
        if self.out.len() < MAX_PROBLEMS {
            if let Some(key) = key {
                self.by_key.insert(key, self.out.len());
            }
            self.out.push(p);
            return;
        }
        // Past the cap, a repeat of a problem not kept is counted just the same.
        let n = p.rows.len().max(1);
        match p.severity() {
            Severity::Error => self.errors += n,
            Severity::Warning => self.warnings += n,
        }
    }

    /// The list, with a last `MoreProblems` when any were counted.
    fn finish(mut self, json_file: &str) -> Vec<PlacedProblem> {
        let (errors, warnings) = (self.errors, self.warnings);
        if errors + warnings > 0 {
            self.out.push(PlacedProblem {
                place: Default::default(),
                rows: Vec::new(),
                finding: Finding::Bank(Problem {
                    file: json_file.to_owned(),
                    question: None,
                    field: String::new(),
                    kind: ProblemKind::MoreProblems { errors, warnings },
                }),
            });
        }
        self.out
    }
}

/// The column, or where the sheet has none for it, the field with positions left out
/// (`options[2].text.en` → `options[].text.en`); with the sheet, code and message.
fn key(p: &PlacedProblem) -> Key {
    let column = match &p.place.column {
        Some(c) => c.letter.clone(),
        None => field_shape(&p.place.field),
    };
    (
        p.place.sheet.clone(),
        column,
        p.code().to_owned(),
        p.message(Lang::En),
    )
}
