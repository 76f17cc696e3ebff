//! The questions of a bank as a list: each read as the JSON reader hands it over, ids unique
//! across the list, and the problems of the list as a whole (none at all, all expired).

use super::problems::ProblemKind;
use super::question::read_question;
use super::{is_valid_id, question_label, Ctx};
use crate::domain::bank::{Question, QuestionId};
use crate::domain::date::Date;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The questions of a bank, read one at a time as the JSON reader hands them over; their problems
/// are kept apart until the bank's own fields have been checked, so that the report lists them
/// after those, in file order, wherever the file puts its `questions`.
pub(super) struct Questions {
    ctx: Ctx,
    today: Date,
    count: usize,
    seen: HashSet<QuestionId>,
    out: Vec<Question>,
    /// The labels of the questions with a repeated key inside, for those repeats' messages.
    pub(super) labels: HashMap<usize, String>,
}

impl Questions {
    pub(super) fn new(file: &str, today: Date) -> Self {
        Questions {
            ctx: Ctx::new(file),
            today,
            count: 0,
            seen: HashSet::new(),
            out: Vec::new(),
            labels: HashMap::new(),
        }
    }

    pub(super) fn add(&mut self, index: usize, value: &Value, has_repeats: bool) {
        self.count += 1;
        let ctx = &mut self.ctx;
        let label = question_label(value, index);
        if has_repeats {
            self.labels.insert(index, label.clone());
        }
        ctx.question = Some(label.clone());
        if let Some(q) = read_question(ctx, value, self.today) {
            if self.seen.insert(q.id.clone()) {
                self.out.push(q);
            } else {
                ctx.error("id", ProblemKind::DuplicateQuestion { id: label });
            }
        } else if value
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(is_valid_id)
            && !self.seen.insert(QuestionId(label.clone()))
        {
            ctx.error("id", ProblemKind::DuplicateQuestion { id: label });
        }
        ctx.question = None;
    }

    /// The questions, their problems moved into `ctx` after the bank's own.
    pub(super) fn finish(self, ctx: &mut Ctx) -> Vec<Question> {
        if self.count == 0 {
            ctx.error("questions", ProblemKind::NoQuestions);
        }
        ctx.append(self.ctx);
        let out = self.out;
        if !out.is_empty() && out.iter().all(|q| !q.is_current(self.today)) {
            ctx.error("questions", ProblemKind::AllExpired);
        }
        out
    }
}
