//! The questions of a bank as a list: each read as the JSON reader hands it over, ids unique
//! across the list, and the problems of the list as a whole (none at all, repeated prompts, all
//! expired).
//!
//! A question's English may be optional (a Chinese-only bank, `"languages": ["zh"]`), and JSON
//! lets the bank's `languages` come after its `questions`. Until the field has been read, a
//! question that lacks English somewhere is judged both ways — as in a Chinese-only bank and as
//! in a bilingual one — and each verdict kept for its case (see [`Found`]); the bank's fields,
//! read at the end, say which one stands. A question with all its English is judged once, the
//! same either way. When `languages` comes first, every question is judged by it directly.

use super::ctx::Ctx;
use super::hazards::RepeatedPrompts;
use super::problems::{ProblemKind, Severity};
use super::question::read_question;
use super::{declared_languages, is_valid_id, question_label, Warnings};
use crate::domain::bank::json::{Item, Listener};
use crate::domain::bank::{Languages, Question};
use crate::domain::date::Date;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The questions' problems so far, in file order.
enum Found {
    /// The bank's languages were read before its questions: one list.
    Known(Ctx),
    /// Not yet: the list as it stands if the bank is bilingual, and as it stands if the bank is
    /// Chinese-only. They differ only in the questions that lack English somewhere.
    Pending { bilingual: Ctx, chinese: Ctx },
}

/// The questions of a bank, read one at a time as the JSON reader hands them over; their problems
/// are kept apart until the bank's own fields have been checked, so that the report lists them
/// after those, in file order, wherever the file puts its `questions`.
pub(super) struct Questions {
    file: String,
    today: Date,
    warnings: Option<Warnings>,
    count: usize,
    /// The valid ids read so far.
    seen: HashSet<Box<str>>,
    found: Found,
    /// The questions read, each with the languages it was read for (`None`: either).
    out: Vec<(Question, Option<Languages>)>,
    /// The Chinese prompts, when the repeated-prompt warnings are wanted.
    prompts: RepeatedPrompts,
    /// The labels of the questions with a repeated key inside, for those repeats' messages.
    pub(super) labels: HashMap<usize, String>,
}

impl Questions {
    pub(super) fn new(file: &str, today: Date, warnings: Option<Warnings>) -> Self {
        Questions {
            file: file.to_owned(),
            today,
            warnings,
            count: 0,
            seen: HashSet::new(),
            found: Found::Pending {
                bilingual: Ctx::new(file, Languages::Bilingual, warnings),
                chinese: Ctx::new(file, Languages::ChineseOnly, warnings),
            },
            out: Vec::new(),
            prompts: RepeatedPrompts::default(),
            labels: HashMap::new(),
        }
    }

    /// Reads the question at `index` of the list.
    pub(super) fn add(&mut self, index: usize, value: &Value, has_repeats: bool) {
        self.count += 1;
        let label = question_label(value, index);
        if has_repeats {
            self.labels.insert(index, label.clone());
        }
        if let Some(w) = self.warnings {
            let zh = value.pointer("/prompt/zh").and_then(Value::as_str);
            (w.note_prompt)(&mut self.prompts, index, &label, zh.unwrap_or(""));
        }
        // The question's id, once for every case: a question read has a valid id, its label.
        let id_valid = value
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(is_valid_id);
        let repeated = id_valid && !self.seen.insert(label.as_str().into());
        if let Found::Known(ctx) = &self.found {
            let (found, question) = self.read(value, &label, ctx.languages, repeated);
            self.found.add(found);
            self.keep(question, None);
            return;
        }
        let (chinese, question) = self.read(value, &label, Languages::ChineseOnly, repeated);
        if chinese.missing_english == 0 {
            // All its English is there: judged the same either way.
            self.found.add(chinese);
            self.keep(question, None);
            return;
        }
        let (bilingual, other) = self.read(value, &label, Languages::Bilingual, repeated);
        self.found.add_each(bilingual, chinese);
        self.keep(question, Some(Languages::ChineseOnly));
        self.keep(other, Some(Languages::Bilingual));
    }

    /// Reads one question as in a bank of `languages`: its problems and the question, if valid.
    fn read(
        &self,
        value: &Value,
        label: &str,
        languages: Languages,
        repeated: bool,
    ) -> (Ctx, Option<Question>) {
        let mut ctx = Ctx::new(&self.file, languages, self.warnings);
        ctx.limit = self.found.room();
        ctx.question = Some(label.to_owned());
        let question = read_question(&mut ctx, value, self.today);
        if repeated {
            let id = label.to_owned();
            ctx.error("id", ProblemKind::DuplicateQuestion { id });
        }
        // Only a question without an error of its own is kept (for the desk's preview of a bank
        // that has errors elsewhere; a bank with any error is not given to a device at all).
        let clean = ctx.more.0 == 0 && ctx.problems.iter().all(|p| p.severity() != Severity::Error);
        let question = question.filter(|_| !repeated && clean);
        (ctx, question)
    }

    fn keep(&mut self, question: Option<Question>, only: Option<Languages>) {
        if let Some(question) = question {
            self.out.push((question, only));
        }
    }

    /// The questions, their problems moved into `ctx` after the bank's own, judged by the bank's
    /// languages (`ctx.languages`).
    pub(super) fn finish(self, ctx: &mut Ctx) -> Vec<Question> {
        if self.count == 0 {
            ctx.error("questions", ProblemKind::NoQuestions);
        }
        let languages = ctx.languages;
        let found = match self.found {
            Found::Known(found) => found,
            Found::Pending { bilingual, .. } if languages.is_bilingual() => bilingual,
            Found::Pending { chinese, .. } => chinese,
        };
        ctx.append(found);
        if let Some(w) = ctx.warnings {
            (w.duplicates)(ctx, self.prompts);
        }
        let out: Vec<Question> = self
            .out
            .into_iter()
            .filter(|(_, only)| only.is_none_or(|l| l == languages))
            .map(|(q, _)| q)
            .collect();
        if !out.is_empty() && out.iter().all(|q| !q.is_current(self.today)) {
            ctx.error("questions", ProblemKind::AllExpired);
        }
        out
    }
}

impl Found {
    /// The most problems a question can still add to a list.
    fn room(&self) -> usize {
        match self {
            Found::Known(all) => all.room(),
            Found::Pending { bilingual, chinese } => bilingual.room().max(chinese.room()),
        }
    }

    /// Adds the problems of a question judged the same whatever the bank's languages.
    fn add(&mut self, found: Ctx) {
        match self {
            Found::Known(all) => all.append(found),
            Found::Pending { bilingual, chinese } => {
                bilingual.append(found.found());
                chinese.append(found);
            }
        }
    }

    /// Adds the problems of a question judged as in a bilingual bank and as in a Chinese-only one.
    fn add_each(&mut self, bilingual: Ctx, chinese: Ctx) {
        match self {
            Found::Known(all) if all.languages.is_bilingual() => all.append(bilingual),
            Found::Known(all) => all.append(chinese),
            Found::Pending {
                bilingual: bilingual_all,
                chinese: chinese_all,
            } => {
                bilingual_all.append(bilingual);
                chinese_all.append(chinese);
            }
        }
    }
}

impl Listener for Questions {
    /// The bank's `languages`, when the file gives it before any question: the questions are
    /// then judged by it as they come.
    fn field(&mut self, key: &str, value: &Value) {
        if key == "languages" && self.count == 0 {
            let languages = declared_languages(Some(value));
            self.found = Found::Known(Ctx::new(&self.file, languages, self.warnings));
        }
    }

    fn item(&mut self, item: Item) {
        self.add(item.index, &item.value, item.has_repeats);
    }
}
