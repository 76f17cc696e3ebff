//! The state of one check: the file, the question being read, the problems found so far (at most
//! `MAX_PROBLEMS` listed, the rest counted), the bank's languages and which warnings to look for.

use super::problems::{Problem, ProblemKind, Severity};
use super::{Warnings, MAX_PROBLEMS};
use crate::domain::bank::Languages;

/// What the readers of fields and questions share while checking one bank (or one question).
pub(super) struct Ctx {
    pub(super) file: String,
    pub(super) question: Option<String>,
    pub(super) problems: Vec<Problem>,
    /// The errors and warnings found past `limit`, counted only.
    pub(super) more: (usize, usize),
    /// Most problems listed: `MAX_PROBLEMS`, or for one question's the room left in the
    /// bank's list (so a bank past its limit lists nothing more, and makes nothing to list).
    pub(super) limit: usize,
    /// The bank's declared languages: in a Chinese-only bank a missing English text is counted
    /// (`missing_english`), not an error.
    pub(super) languages: Languages,
    pub(super) missing_english: usize,
    /// The warning-only checks, when this check makes them.
    pub(super) warnings: Option<Warnings>,
}

impl Ctx {
    pub(super) fn new(file: &str, languages: Languages, warnings: Option<Warnings>) -> Self {
        Ctx {
            file: file.to_owned(),
            question: None,
            problems: Vec::new(),
            more: (0, 0),
            limit: MAX_PROBLEMS,
            languages,
            missing_english: 0,
            warnings,
        }
    }

    fn push(&mut self, field: &str, kind: ProblemKind) {
        if self.full(kind.severity()) {
            return;
        }
        self.problems.push(Problem {
            file: self.file.clone(),
            question: self.question.clone(),
            field: field.to_owned(),
            kind,
        });
    }

    /// Whether the list is full; if so, counts a problem of `severity` instead.
    fn full(&mut self, severity: Severity) -> bool {
        if self.problems.len() < self.limit {
            return false;
        }
        match severity {
            Severity::Error => self.more.0 += 1,
            Severity::Warning => self.more.1 += 1,
        }
        true
    }

    /// How many more problems this list has room for.
    pub(super) fn room(&self) -> usize {
        self.limit.saturating_sub(self.problems.len())
    }

    /// Takes in the problems of `other` after this one's, within the same limit, and its count
    /// of missing English texts.
    pub(super) fn append(&mut self, other: Ctx) {
        for problem in other.problems {
            if !self.full(problem.severity()) {
                self.problems.push(problem);
            }
        }
        self.more.0 += other.more.0;
        self.more.1 += other.more.1;
        self.missing_english += other.missing_english;
    }

    /// A copy of what `append` takes in (for a question judged the same whatever the languages).
    pub(super) fn found(&self) -> Ctx {
        Ctx {
            file: self.file.clone(),
            question: None,
            problems: self.problems.clone(),
            more: self.more,
            limit: self.limit,
            languages: self.languages,
            missing_english: self.missing_english,
            warnings: self.warnings,
        }
    }

    /// Ends the list: one `MoreProblems` for what was counted past the limit.
    pub(super) fn close(&mut self) {
        let (errors, warnings) = std::mem::take(&mut self.more);
        if errors + warnings > 0 {
            self.problems.push(Problem {
                file: self.file.clone(),
                question: None,
                field: String::new(),
                kind: ProblemKind::MoreProblems { errors, warnings },
            });
        }
    }

    pub(super) fn error(&mut self, field: &str, kind: ProblemKind) {
        debug_assert_eq!(kind.severity(), Severity::Error);
        self.push(field, kind);
    }

    pub(super) fn warn(&mut self, field: &str, kind: ProblemKind) {
        self.push(field, kind);
    }
}
