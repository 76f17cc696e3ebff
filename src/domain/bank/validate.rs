//! The bank validator: turns the bytes of a bank file into a `Bank` and a list of every problem.
//!
//! One checker for both places a bank is read: the app (when it loads a bank) and the `anxin-bank`
//! command-line tool. It never stops at the first problem. Each problem names the file, the question
//! (by id, or by position when the id itself is broken) and the field, in words a content editor reads.
//!
//! This file owns the entry point (`parse_bank`): decoding the bytes, the JSON reader's findings,
//! and the bank's own fields. Its submodules own the rest: `problems` (the catalogue of problems),
//! `messages` (their wording), `values` (reading one field's value), `question` (reading one
//! question), `questions` (the list, read one question at a time) and `lints` (hazards in text
//! that is otherwise valid).

pub(super) mod lints;
pub(super) mod messages;
pub(super) mod problems;
mod question;
mod questions;
pub(super) mod values;

use super::json::{self, RepeatedKey, Step};
use super::{Bank, BankId, Topic, FORMAT_VERSION};
use crate::domain::date::Date;
use lints::check_true_false_balance;
use problems::{BankReport, Problem, ProblemKind, Severity};
use questions::Questions;
use serde_json::Value;
use std::collections::HashMap;
use values::TextLimits;

/// Most problems one report lists; the rest are counted in one last `MoreProblems`. A broken file
/// can have a problem every few bytes (a list of `{}` is nine missing fields per three bytes), and
/// listing them all took hundreds of times the file's size in memory; nobody reads past the first
/// screenful anyway.
pub const MAX_PROBLEMS: usize = 1000;

const BANK_FIELDS: &[&str] = &[
    "format",
    "id",
    "topic",
    "version",
    "reviewed",
    "title",
    "description",
    "questions",
];

/// Checks the bytes of a bank file named `file` (e.g. `fraud.json`) as of `today`.
///
/// Each question is checked as soon as the reader has it and its JSON tree dropped, so checking
/// holds the typed bank and one question's tree, not a tree of the whole file (about four times
/// the file).
pub fn parse_bank(file: &str, bytes: &[u8], today: Date) -> BankReport {
    let mut ctx = Ctx::new(file);
    let bank = decode(&mut ctx, bytes).map(|text| {
        let mut questions = Questions::new(file, today);
        let read = json::read_streaming(text, "questions", MAX_PROBLEMS, &mut |item| {
            questions.add(item.index, &item.value, item.has_repeats);
        });
        read.map(|doc| (doc, questions))
    });
    let bank = bank.and_then(|read| match read {
        Ok((doc, questions)) => {
            report_repeated_keys(&mut ctx, &questions.labels, &doc.repeats);
            ctx.more.0 += doc.more_repeats;
            read_bank(&mut ctx, &doc.value, questions, today)
        }
        Err(e) => {
            ctx.error(
                "",
                ProblemKind::Syntax {
                    line: e.line(),
                    column: e.column(),
                    detail: syntax_detail(&e),
                },
            );
            None
        }
    });
    ctx.close();
    let has_errors = ctx.problems.iter().any(|p| p.severity() == Severity::Error);
    BankReport {
        bank: if has_errors { None } else { bank },
        problems: ctx.problems,
    }
}

/// One error per key written twice, named by question and field like every other problem.
/// `labels` holds the label of each question with a repeated key inside, by position.
fn report_repeated_keys(ctx: &mut Ctx, labels: &HashMap<usize, String>, repeats: &[RepeatedKey]) {
    for repeat in repeats {
        let mut steps = repeat.path.as_slice();
        ctx.question = None;
        if let [Step::Key(list), Step::Index(index), rest @ ..] = steps {
            if list == "questions" {
                let label = labels.get(index).cloned();
                ctx.question = Some(label.unwrap_or_else(|| format!("#{}", index + 1)));
                steps = rest;
            }
        }
        let mut field = String::new();
        for step in steps {
            match step {
                Step::Key(key) => field = join(&field, key),
                Step::Index(i) => field.push_str(&format!("[{}]", i + 1)),
            }
        }
        let field = join(&field, &repeat.key);
        ctx.error(
            &field,
            ProblemKind::DuplicateKey {
                key: repeat.key.clone(),
                first_line: repeat.first_line,
                line: repeat.line,
            },
        );
    }
    ctx.question = None;
}

/// A question named by its id when usable, else by its 1-based position (`#3`).
fn question_label(value: &Value, index: usize) -> String {
    value
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| is_valid_id(s))
        .map_or_else(|| format!("#{}", index + 1), str::to_owned)
}

fn syntax_detail(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the position is reported separately.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    }
}

fn decode<'b>(ctx: &mut Ctx, bytes: &'b [u8]) -> Option<&'b str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        ctx.error("", ProblemKind::Utf16);
        return None;
    }
    let body = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => {
            ctx.warn("", ProblemKind::ByteOrderMark);
            rest
        }
        None => bytes,
    };
    match std::str::from_utf8(body) {
        Ok(text) => Some(text),
        Err(_) => {
            ctx.error("", ProblemKind::NotUtf8);
            None
        }
    }
}

struct Ctx {
    file: String,
    question: Option<String>,
    problems: Vec<Problem>,
    /// The errors and warnings found past `MAX_PROBLEMS`, counted only.
    more: (usize, usize),
}

impl Ctx {
    fn new(file: &str) -> Self {
        Ctx {
            file: file.to_owned(),
            question: None,
            problems: Vec::new(),
            more: (0, 0),
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
        if self.problems.len() < MAX_PROBLEMS {
            return false;
        }
        match severity {
            Severity::Error => self.more.0 += 1,
            Severity::Warning => self.more.1 += 1,
        }
        true
    }

    /// Takes in the problems of `other` after this one's, within the same limit.
    fn append(&mut self, other: Ctx) {
        for problem in other.problems {
            if !self.full(problem.severity()) {
                self.problems.push(problem);
            }
        }
        self.more.0 += other.more.0;
        self.more.1 += other.more.1;
    }

    /// Ends the list: one `MoreProblems` for what was counted past the limit.
    fn close(&mut self) {
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

    fn error(&mut self, field: &str, kind: ProblemKind) {
        debug_assert_eq!(kind.severity(), Severity::Error);
        self.push(field, kind);
    }

    fn warn(&mut self, field: &str, kind: ProblemKind) {
        self.push(field, kind);
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Whether `s` is a usable id: 1–40 of a-z, 0-9, "-".
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The allowed name closest to a misspelt `key` (edit distance at most 3), if any.
fn suggest(key: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    allowed
        .iter()
        .map(|a| (edit_distance(&lower, a), *a))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// `questions` has the questions the reader handed over; the list left in `value` is empty then.
fn read_bank(ctx: &mut Ctx, value: &Value, questions: Questions, today: Date) -> Option<Bank> {
    let map = ctx.object("", value, BANK_FIELDS)?;
    // An unknown format version means the rest cannot be judged by these rules.
    match map.get("format") {
        None | Some(Value::Null) => {
            ctx.error("format", ProblemKind::MissingFormat);
            return None;
        }
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => {
            ctx.error(
                "format",
                ProblemKind::UnsupportedFormat {
                    found: v.to_string(),
                },
            );
            return None;
        }
    }
    let expected_id = ctx
        .file
        .strip_suffix(".json")
        .unwrap_or(&ctx.file)
        .to_owned();
    let id = ctx.required(map, "", "id").and_then(|v| ctx.id("id", v));
    if let Some(id) = &id {
        if *id != expected_id {
            ctx.error(
                "id",
                ProblemKind::IdNotFileName {
                    id: id.clone(),
                    expected: expected_id,
                },
            );
        }
    }
    let topic = ctx
        .required(map, "", "topic")
        .and_then(|v| ctx.string("topic", v))
        .and_then(|s| {
            let t = Topic::parse(s);
            if t.is_none() {
                ctx.error(
                    "topic",
                    ProblemKind::UnknownTopic {
                        value: s.to_owned(),
                    },
                );
            }
            t
        });
    let version = ctx
        .required(map, "", "version")
        .and_then(|v| ctx.whole("version", v, 1, u64::from(u32::MAX)));
    let reviewed = ctx
        .required(map, "", "reviewed")
        .and_then(|v| ctx.date("reviewed", v));
    let title = ctx
        .required(map, "", "title")
        .and_then(|v| ctx.text("title", v, TextLimits::TITLE));
    let description = ctx
        .required(map, "", "description")
        .and_then(|v| ctx.text("description", v, TextLimits::DESCRIPTION));
    let questions = ctx
        .required(map, "", "questions")
        .and_then(|v| ctx.list("questions", v))
        .map(|list| {
            let mut questions = questions;
            for (index, value) in list.iter().enumerate() {
                questions.add(index, value, false);
            }
            questions.finish(ctx)
        });

    let questions = questions?;
    check_true_false_balance(ctx, &questions, today);
    Some(Bank {
        format: FORMAT_VERSION,
        id: BankId(id?),
        topic: topic?,
        version: version?,
        reviewed: reviewed?,
        title: title?,
        description: description?,
        questions,
    })
}
