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
            ctx.error("", syntax_error(&e));
            None
        }
    });
    report(ctx, bank)
}

/// The problem of a file that is not JSON.
fn syntax_error(e: &serde_json::Error) -> ProblemKind {
    ProblemKind::Syntax {
        line: e.line(),
        column: e.column(),
        detail: syntax_detail(e),
    }
}

/// A device's check (every error, and of the warnings only those the reading itself finds: see
/// [`Warnings`]) in steps, so that a page may give the browser a turn between them (on a cheap
/// phone the largest bank was one task of 50–60 ms): [`CheckInSteps::start`] reads the file's
/// JSON, each [`CheckInSteps::step`] judges a few of its questions, and [`CheckInSteps::finish`]
/// gives the same report as the check in one go. Unlike that check it holds the JSON trees of the
/// questions not yet judged (about four times the file, until they are judged): so only for a file
/// of at most [`CheckInSteps::HELD_MAX`] bytes. A larger one is judged as it is read, one question's
/// tree at a time (memory in proportion to the file, as `tests/fuzz` holds a device's check to), and
/// its steps find nothing left.
pub struct CheckInSteps {
    ctx: Ctx,
    today: Date,
    /// `None` once the file could not be read (its error is in `ctx`).
    read: Option<Read>,
}

/// A file read, its questions and fields waiting to be judged.
struct Read {
    doc: json::Document,
    questions: Questions,
    heard: std::vec::IntoIter<Heard>,
}

/// What the JSON reader handed over, in file order.
enum Heard {
    Field(String, Value),
    Item(json::Item),
}

/// Keeps what the JSON reader hands over, to be judged later in steps.
#[derive(Default)]
struct Hearing(Vec<Heard>);

impl json::Listener for Hearing {
    fn field(&mut self, key: &str, value: &Value) {
        self.0.push(Heard::Field(key.to_owned(), value.clone()));
    }

    fn item(&mut self, item: json::Item) {
        self.0.push(Heard::Item(item));
    }
}

impl CheckInSteps {
    /// The largest file whose questions wait to be judged in steps (every bank shipped is under
    /// 150 KB; their trees then hold about 1 MB at most).
    pub const HELD_MAX: usize = 256 << 10;

    /// Reads the bytes of the bank file named `file` as a device does (see
    /// [`super::parse_bank_on_device`]): its encoding and its JSON; nothing judged yet, unless the
    /// file is over [`Self::HELD_MAX`] bytes (then all of it).
    pub fn start(file: &str, bytes: &[u8]) -> Self {
        let mut ctx = Ctx::new(file, Languages::Bilingual, None);
        let today = Date::EARLIEST;
        let read = decode(&mut ctx, bytes).and_then(|text| {
            let mut questions = Questions::new(file, today, None);
            let mut hearing = Hearing::default();
            let listener: &mut dyn json::Listener = if text.len() <= Self::HELD_MAX {
                &mut hearing
            } else {
                &mut questions
            };
            match json::read_listening(text, "questions", MAX_PROBLEMS, listener) {
                Ok(doc) => Some(Read {
                    doc,
                    questions,
                    heard: hearing.0.into_iter(),
                }),
                Err(e) => {
                    ctx.error("", syntax_error(&e));
                    None
                }
            }
        });
        CheckInSteps { ctx, today, read }
    }

    /// Judges up to `questions` more of the bank's questions (and the bank's fields between
    /// them); whether any is left.
    pub fn step(&mut self, questions: usize) -> bool {
        use json::Listener;
        let Some(read) = &mut self.read else {
            return false;
        };
        let mut judged = 0;
        while judged < questions {
            match read.heard.next() {
                Some(Heard::Field(key, value)) => read.questions.field(&key, &value),
                Some(Heard::Item(item)) => {
                    read.questions.item(item);
                    judged += 1;
                }
                None => return false,
            }
        }
        read.heard.len() > 0
    }

    /// Judges what is left and gives the report.
    pub fn finish(mut self) -> BankReport {
        while self.step(usize::MAX) {}
        let bank = self.read.and_then(|read| {
            report_repeated_keys(&mut self.ctx, &read.questions.labels, &read.doc.repeats);
            self.ctx.more.0 += read.doc.more_repeats;
            read_bank(&mut self.ctx, &read.doc.value, read.questions, self.today)
        });
        report(self.ctx, bank)
    }
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

    /// A device's check in steps of `n` questions, and how many steps it took.
    fn in_steps(file: &str, bytes: &[u8], n: usize) -> (BankReport, usize) {
        let mut check = CheckInSteps::start(file, bytes);
        let mut steps = 1;
        while check.step(n) {
            steps += 1;
        }
        (check.finish(), steps)
    }

    #[test]
    fn a_check_in_steps_reports_what_the_check_in_one_go_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["quizzes", "tests/broken-banks"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 40, "{files:?}");
        let mut broken = 0;
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap();
            let whole = check(&name, &bytes, Date::EARLIEST, None);
            broken += usize::from(whole.bank.is_none());
            for n in [1, 2, 7, usize::MAX] {
                assert_eq!(
                    in_steps(&name, &bytes, n).0,
                    whole,
                    "{name} in steps of {n}"
                );
            }
        }
        assert!(broken > 20, "{broken}");
    }

    #[test]
    fn a_check_in_steps_takes_a_step_per_so_many_questions() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/fraud.json");
        let bytes = std::fs::read(path).unwrap();
        let (report, steps) = in_steps("fraud.json", &bytes, 10);
        let count = report.bank.unwrap().questions.len();
        assert!(count > 50, "{count}");
        assert_eq!(steps, count.div_ceil(10));
        // A file over the limit is judged as it is read: nothing is left for the steps, and the
        // report is the same.
        let mut text = String::from_utf8(bytes).unwrap();
        let list = text.find("\"questions\"").unwrap();
        let open = list + text[list..].find('[').unwrap() + 1;
        let close = text.rfind(']').unwrap();
        let items = text[open..close].to_owned();
        while text.len() <= CheckInSteps::HELD_MAX {
            text.insert_str(open, &format!("{items},"));
        }
        let big = text.into_bytes();
        let (report, steps) = in_steps("fraud.json", &big, 10);
        assert_eq!(steps, 1);
        assert!(report.bank.is_none(), "the ids repeat");
        assert_eq!(report, check("fraud.json", &big, Date::EARLIEST, None));
        // Nothing to judge in a file that is not JSON: one step, and the syntax error.
        let (report, steps) = in_steps("broken.json", b"{\"questions\": [", 10);
        assert_eq!(steps, 1);
        assert!(matches!(
            report.problems[0].kind,
            ProblemKind::Syntax { .. }
        ));
    }

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
