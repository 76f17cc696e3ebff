//! The part of a file with errors that can be previewed already: its questions that no error
//! names (the content desk's preview while the rest is being fixed).

use super::{Finding, PlacedProblem, QuestionPlace};
use crate::domain::bank::Bank;

/// The bank of a file with errors, keeping only the questions no error names, by id or by row
/// (`places` gives each question's row); `None` when errors went uncounted past the list's cap
/// (a question might have one that is not listed) or no question is left.
pub(super) fn partial(
    bank: Option<Bank>,
    problems: &[PlacedProblem],
    places: &[QuestionPlace],
) -> Option<Bank> {
    let mut bank = bank.filter(|b| !b.questions.is_empty())?;
    let mut ids = std::collections::HashSet::new();
    // The rows with an error, sorted: a list, as a problem repeated down a column names every
    // row of a sheet (a set took some 50 bytes a row).
    let mut rows = Vec::new();
    for problem in problems.iter().filter(|p| p.is_error()) {
        if let Finding::Bank(p) = &problem.finding {
            if matches!(
                p.kind,
                crate::domain::bank::ProblemKind::MoreProblems { .. }
            ) {
                return None;
            }
        }
        ids.extend(problem.place.question.as_deref());
        let sheet = problem.place.sheet.as_deref();
        rows.extend(
            problem
                .rows
                .iter()
                .chain(&problem.place.row)
                .map(|r| (sheet, *r)),
        );
    }
    rows.sort_unstable();
    rows.dedup();
    let row_errors: std::collections::HashSet<&str> = places
        .iter()
        .filter(|q| rows.binary_search(&(q.sheet.as_deref(), q.row)).is_ok())
        .map(|q| q.id.as_str())
        .collect();
    bank.questions
        .retain(|q| !ids.contains(q.id.as_str()) && !row_errors.contains(q.id.as_str()));
    (!bank.questions.is_empty()).then_some(bank)
}
