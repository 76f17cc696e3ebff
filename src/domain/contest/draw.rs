//! Drawing a round's questions from the banks before the match: by topic, type and difficulty,
//! shuffled by a seed shown on screen, so the judges can draw again and see the same list.

use super::setup::QuestionKey;
use crate::domain::bank::{QuestionType, Topic};
use crate::domain::date::Date;
use crate::domain::library::Library;
use crate::domain::rng::Rng;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Which questions a draw takes from (an empty list admits everything).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawFilters {
    /// The banks' topics.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The question types.
    #[serde(default)]
    pub types: Vec<QuestionType>,
    /// The difficulties (1–3).
    #[serde(default)]
    pub difficulties: Vec<u8>,
    /// How many questions.
    pub count: usize,
}

/// A draw as made: its filters, the seed shown on screen and the day it was made (expired
/// questions are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draw {
    /// What it took from.
    pub filters: DrawFilters,
    /// The seed.
    pub seed: u64,
    /// The day it was made.
    pub date: Date,
}

/// Why a draw could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    /// Fewer questions match than wanted.
    #[error("{wanted} questions wanted, {found} match")]
    NotEnough {
        /// How many were wanted.
        wanted: usize,
        /// How many match (not counting the questions already taken).
        found: usize,
    },
}

impl Draw {
    /// Draws again: the same list on any device with the same banks.
    pub fn questions(
        &self,
        library: &Library,
        taken: &[QuestionKey],
    ) -> Result<Vec<QuestionKey>, DrawError> {
        draw_questions(library, &self.filters, self.seed, self.date, taken)
    }
}

/// `filters.count` questions current on `today`, none of them in `taken` (the questions of the
/// rounds drawn before), in an order fixed by `seed`. The pool is in the library's order (bank
/// id, then file order) before the shuffle, so the result depends on the banks and the seed alone.
pub fn draw_questions(
    library: &Library,
    filters: &DrawFilters,
    seed: u64,
    today: Date,
    taken: &[QuestionKey],
) -> Result<Vec<QuestionKey>, DrawError> {
    let taken: BTreeSet<&QuestionKey> = taken.iter().collect();
    let mut pool: Vec<QuestionKey> = library
        .current_questions(today)
        .into_iter()
        .filter(|(bank, q)| {
            let topic = library.bank(bank).map(|b| b.topic);
            topic.is_some_and(|t| admits(&filters.topics, t))
                && admits(&filters.types, q.kind)
                && admits(&filters.difficulties, q.difficulty)
        })
        .map(|(bank, q)| QuestionKey::new(bank.clone(), q.id.clone()))
        .filter(|key| !taken.contains(key))
        .collect();
    if pool.len() < filters.count {
        return Err(DrawError::NotEnough {
            wanted: filters.count,
            found: pool.len(),
        });
    }
    Rng::new(seed).shuffle(&mut pool);
    pool.truncate(filters.count);
    Ok(pool)
}

/// Whether `value` passes a filter `list` (empty: everything passes).
fn admits<T: PartialEq>(list: &[T], value: T) -> bool {
    list.is_empty() || list.contains(&value)
}
