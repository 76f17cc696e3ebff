//! The bank validator: turns the bytes of a bank file into a `Bank` and a list of every problem.
//!
//! One checker for both places a bank is read: the app (when it loads a bank) and the `anxin-bank`
//! command-line tool. It never stops at the first problem. Each problem names the file, the question
//! (by id, or by position when the id itself is broken) and the field, in words a content editor reads.
//!
//! This file owns the entry points (`parse_bank`, and `check_listed` for a bank given question by
//! question): decoding the bytes and the JSON reader's findings. Its submodules own the rest:
//! `bank_fields` (the bank's own fields, and the bank made of them), `ctx` (the state of a check and its
//! capped list of problems), `problems` (the catalogue of problems), `messages` (their wording),
//! `codes` (their stable names), `values` (reading one field's value), `question` (reading one
//! question), `questions` (the list, read one question at a time, judged by the bank's languages
//! wherever the file declares them), `lints` (hazards in text that is otherwise valid) and
//! `hazards` (the full check's warnings for banks written elsewhere).

mod bank_fields;
mod codes;
mod ctx;
pub(super) mod hazards;
pub(super) mod lints;
pub(super) mod messages;
pub(super) mod problems;
mod question;
mod questions;
pub(super) mod values;

use super::json::{self, RepeatedKey, Step};
use super::{Bank, Languages, Question};
use crate::domain::date::Date;
use crate::domain::text::LocalText;
use bank_fields::{declared_languages, read_bank};
use ctx::Ctx;
use hazards::RepeatedPrompts;
use lints::check_true_false_balance;
use problems::{BankReport, ProblemKind, Severity};
use questions::Questions;
use serde_json::Value;
use std::collections::HashMap;

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
    "languages",
    "questions",
];

/// The warning-only checks for hazards of banks written elsewhere (numbered prompts, glued
/// options, duplicate prompts, the true/false balance). The full check passes them in; a device's
/// check leaves them out, so the phone's wasm carries none of their code (learners never see a
/// warning, and a bank with warnings loads all the same).
#[derive(Clone, Copy)]
struct Warnings {
    prompt: fn(&mut Ctx, &LocalText),
    glued: fn(&mut Ctx, &str, &LocalText),
    note_prompt: fn(&mut RepeatedPrompts, usize, &str, &str),
    duplicates: fn(&mut Ctx, RepeatedPrompts),
    balance: fn(&mut Ctx, &[Question], Date),
}

const WARNINGS: Warnings = Warnings {
    prompt: Ctx::check_prompt,
    glued: Ctx::check_glued,
    note_prompt: hazards::note_prompt,
    duplicates: hazards::check_duplicate_prompts,
    balance: check_true_false_balance,
};

/// Checks the bytes of a bank file named `file` (e.g. `fraud.json`) as of `today`: every error
/// and every warning.
///
/// Each question is checked as soon as the reader has it and its JSON tree dropped, so checking
/// holds the typed bank and one question's tree, not a tree of the whole file (about four times
/// the file).
pub fn parse_bank(file: &str, bytes: &[u8], today: Date) -> BankReport {
    check(file, bytes, today, Some(WARNINGS))
}

/// Checks a bank as a device needs it: every error, and of the warnings only those the reading
/// itself finds (see [`Warnings`]).
pub(super) fn parse_bank_errors(file: &str, bytes: &[u8], today: Date) -> BankReport {
    check(file, bytes, today, None)
}

fn check(file: &str, bytes: &[u8], today: Date, warnings: Option<Warnings>) -> BankReport {
    let mut ctx = Ctx::new(file, Languages::Bilingual, warnings);
    let bank = decode(&mut ctx, bytes).map(|text| {
        let mut questions = Questions::new(file, today, warnings);
        let read = json::read_listening(text, "questions", MAX_PROBLEMS, &mut questions);
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
    report(ctx, bank)
}

/// Checks a bank given as its own fields (`fields`, its `questions` an empty list) and its
/// questions one by one, as the sheet importer makes them: every error and warning, as
/// [`parse_bank`] finds them in the bank's JSON (its keys in order, as `serde_json` writes a map)
/// but without that text, which took a sheet of short rows some 120 bytes a row. Each question is
/// dropped once judged.
pub(crate) fn check_listed(
    file: &str,
    fields: &Value,
    questions: impl Iterator<Item = Value>,
    today: Date,
) -> BankReport {
    use json::Listener;
    let mut ctx = Ctx::new(file, Languages::Bilingual, Some(WARNINGS));
    let mut listed = Questions::new(file, today, Some(WARNINGS));
    let empty = serde_json::Map::new();
    let map = fields.as_object().unwrap_or(&empty);
    let before = map.iter().filter(|(key, _)| key.as_str() < "questions");
    before.for_each(|(key, value)| listed.field(key, value));
    for (index, value) in questions.enumerate() {
        listed.add(index, &value, false);
    }
    let after = map.iter().filter(|(key, _)| key.as_str() > "questions");
    after.for_each(|(key, value)| listed.field(key, value));
    let bank = read_bank(&mut ctx, fields, listed, today);
    report(ctx, bank)
}

/// The report of a check: the bank when there is no error; with errors, for the full check, the
/// bank of the questions without one (the desk's preview).
fn report(mut ctx: Ctx, bank: Option<Bank>) -> BankReport {
    ctx.close();
    let has_errors = ctx.problems.iter().any(|p| p.severity() == Severity::Error);
    let (bank, partial) = if has_errors {
        (None, bank.filter(|_| ctx.warnings.is_some()))
    } else {
        (bank, None)
    };
    BankReport {
        bank,
        partial,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of `check_listed` given `text`'s bank as its fields and its questions.
    fn listed(file: &str, text: &str, today: Date) -> BankReport {
        let mut bank: Value = serde_json::from_str(text).unwrap();
        let questions = bank["questions"].as_array_mut().map(std::mem::take);
        bank["questions"] = Value::Array(Vec::new());
        let questions = questions.unwrap_or_default().into_iter();
        check_listed(file, &bank, questions, today)
    }

    #[test]
    fn a_bank_given_question_by_question_is_judged_as_its_text() {
        let today = Date::new(2026, 12, 6).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes");
        for name in [
            "fraud.json",
            "investing.json",
            "privacy.json",
            "rights.json",
        ] {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let mut bank: Value = serde_json::from_str(&text).unwrap();
            let shipped = parse_bank(name, text.as_bytes(), today);
            assert!(shipped.bank.is_some(), "{name}");
            assert_eq!(listed(name, &text, today), shipped, "{name}");
            // With errors and warnings: a repeated prompt and id, a wrong answer, a question
            // without English in a bank that then is Chinese-only, a missing field.
            let list = bank["questions"].as_array_mut().unwrap();
            let first = list[0].clone();
            list.push(first.clone());
            let mut other = first;
            other["id"] = Value::from("again");
            other["answer"] = serde_json::json!(["z"]);
            other["prompt"]["en"] = Value::from("");
            list.push(other);
            list[1].as_object_mut().unwrap().remove("explanation");
            for languages in [None, Some(serde_json::json!(["zh"]))] {
                if let Some(languages) = languages {
                    bank["languages"] = languages;
                }
                let text = serde_json::to_string(&bank).unwrap();
                let broken = parse_bank(name, text.as_bytes(), today);
                assert!(broken.problems.len() >= 4, "{name}: {:?}", broken.problems);
                assert!(broken.partial.is_some(), "{name}");
                assert_eq!(listed(name, &text, today), broken, "{name}");
            }
        }
    }
}
