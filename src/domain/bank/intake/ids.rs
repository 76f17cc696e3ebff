//! Ids for a sheet's questions: the sheet's own where they can serve, else made from the bank id
//! and the row; in our template, an id written twice reported on its second row and that
//! question judged under a row-made id.

use super::build::{push_found, Built, Found, Placed};
use super::header::Field;
use super::issues::SheetIssue;
use crate::domain::bank::is_valid_id;
use std::collections::{HashMap, HashSet};

/// Ids for a sheet's questions: its own when every row has one and none repeats (numbers become
/// `<bank>-007`), else one per row from the bank id and the row (`<bank>-r12`, `<bank>-s2-r12`
/// on a workbook's second sheet), so a problem is always placed on its own row.
pub fn assign_ids(questions: &mut [Placed], bank: &str) {
    let own: Vec<String> = questions
        .iter()
        .map(|q| {
            let raw = q.question.id.trim().to_lowercase();
            match raw.parse::<u64>() {
                Ok(n) => format!("{bank}-{n:03}"),
                Err(_) => raw,
            }
        })
        .collect();
    let mut seen = HashSet::new();
    let usable = own
        .iter()
        .all(|id| is_valid_id(id) && seen.insert(id.clone()));
    for (q, id) in questions.iter_mut().zip(own) {
        let id = if usable {
            id
        } else if q.grid == 0 {
            format!("{bank}-r{}", q.row)
        } else {
            format!("{bank}-s{}-r{}", q.grid + 1, q.row)
        };
        q.question.id = id;
    }
}

/// Our template keeps its ids: an id written again is reported on its own row, and the question
/// is judged under a row-made id, so each of its problems lands on its own row too (the
/// validator names questions by id).
pub fn rename_repeated_ids(built: &mut Built) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for q in &mut built.questions {
        let id = q.question.id.clone();
        if !is_valid_id(&id) {
            continue;
        }
        match first.get(&id) {
            None => {
                first.insert(id, q.row);
            }
            Some(&first_row) => {
                push_found(
                    &mut built.found,
                    Found {
                        grid: Some(q.grid),
                        repeats: Vec::new(),
                        row: Some(q.row),
                        field: Some(Field::Id),
                        issue: SheetIssue::RepeatedId {
                            id: id.clone(),
                            first_row,
                        },
                    },
                );
                let stem: String = id.chars().take(30).collect();
                q.question.id = format!("{stem}-r{}", q.row);
            }
        }
    }
}
