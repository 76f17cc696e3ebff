//! The catalogue of what can be wrong with a bank file: each kind of problem with its severity, a
//! problem as found (file, question, field) and the report of one file. Their wording is in
//! `messages`; where they are found, in the checks (`validate` and its other submodules).

use crate::domain::bank::Bank;
use crate::domain::date::Date;
use crate::domain::text::Lang;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The bank still loads; an editor should look.
    Warning,
    /// The bank is not offered until this is fixed.
    Error,
}

/// What is wrong, in terms an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not UTF-8 text (e.g. saved as GBK/ANSI).
    NotUtf8,
    /// The file is UTF-16 (saved as "Unicode" in Notepad or Excel).
    Utf16,
    /// The file starts with a byte-order mark; tolerated.
    ByteOrderMark,
    /// The JSON itself is broken.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        detail: String,
    },
    /// `format` is missing.
    MissingFormat,
    /// `format` names a version this app does not read.
    UnsupportedFormat {
        /// What the file says.
        found: String,
    },
    /// A field the format does not have (often a typo).
    UnknownField {
        /// The field as written.
        name: String,
        /// The known field it most resembles.
        suggestion: Option<&'static str>,
    },
    /// A required field is absent.
    Missing,
    /// The value has the wrong kind (text where a number belongs …).
    WrongType {
        /// What the field should hold, in plain words.
        expected: &'static str,
    },
    /// Text is empty in one language.
    EmptyText {
        /// The empty language.
        lang: Lang,
    },
    /// An id uses characters other than a-z, 0-9 and "-".
    BadId {
        /// The id as written.
        value: String,
    },
    /// The bank id is not the file name.
    IdNotFileName {
        /// The id written.
        id: String,
        /// The id the file name implies.
        expected: String,
    },
    /// Two questions share an id.
    DuplicateQuestion {
        /// The repeated id.
        id: String,
    },
    /// Two options of one question share an id.
    DuplicateOption {
        /// The repeated id.
        id: String,
    },
    /// An unknown topic.
    UnknownTopic {
        /// The topic as written.
        value: String,
    },
    /// An unknown question type.
    UnknownType {
        /// The type as written.
        value: String,
    },
    /// An unknown audience.
    UnknownAudience {
        /// The audience as written.
        value: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    BadDate {
        /// The date as written.
        value: String,
    },
    /// A whole number outside its range.
    OutOfRange {
        /// The number as written.
        value: String,
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
    },
    /// An answer that is not one of the option ids.
    AnswerNotAnOption {
        /// The answer as written.
        answer: String,
    },
    /// An answer listed twice.
    DuplicateAnswer {
        /// The repeated id.
        answer: String,
    },
    /// No answer at all.
    NoAnswer,
    /// A single-choice or true/false question with more than one answer.
    OneAnswerOnly {
        /// How many answers were given.
        count: usize,
    },
    /// A multiple-choice question with fewer than two answers.
    MultipleNeedsTwo {
        /// How many answers were given.
        count: usize,
    },
    /// Too few options for the question type.
    TooFewOptions {
        /// Options given.
        count: usize,
        /// Options needed.
        min: usize,
    },
    /// Too many options to show on one screen.
    TooManyOptions {
        /// Options given.
        count: usize,
        /// Most allowed.
        max: usize,
    },
    /// A true/false question whose options are not exactly `true` then `false`.
    TrueFalseOptions,
    /// The bank has no questions.
    NoQuestions,
    /// The question's `valid_until` has passed: the app hides it.
    Expired {
        /// The date it expired.
        date: Date,
    },
    /// Every question has expired.
    AllExpired,
    /// Text longer than fits on a kiosk screen.
    TooLong {
        /// The language that is too long.
        lang: Lang,
        /// Characters written.
        length: usize,
        /// The limit.
        limit: usize,
    },
    /// Too many of the true/false questions share one answer, so always ticking it scores well
    /// (true/false is the one type whose options are not shuffled).
    TrueFalseImbalance {
        /// The answer most of them have: `"true"` or `"false"`.
        answer: &'static str,
        /// How many true/false questions have it.
        count: usize,
        /// How many true/false questions the bank has.
        total: usize,
    },
    /// `read_aloud` has neither language.
    EmptyReadAloud,
    /// An object has the same key twice; JSON readers keep only one of the two values.
    DuplicateKey {
        /// The key as written.
        key: String,
        /// 1-based line of the first one, when known.
        first_line: Option<usize>,
        /// 1-based line of the repeat, when known.
        line: Option<usize>,
    },
    /// Text holds a control character (NUL, escape, bidirectional override …) that is invisible,
    /// shows as garbage, or reorders the line on screen.
    ControlCharacter {
        /// The language of the text.
        lang: Lang,
        /// The character.
        character: char,
        /// Its 1-based position in the text.
        position: usize,
    },
    /// Text holds an invisible character (zero-width space, soft hyphen …), usually pasted by accident.
    InvisibleCharacter {
        /// The language of the text.
        lang: Lang,
        /// The character.
        character: char,
        /// Its 1-based position in the text.
        position: usize,
    },
    /// Text looks like HTML (`<b>`, `&nbsp;`); the app shows it as written, not as markup.
    HtmlMarkup {
        /// The language of the text.
        lang: Lang,
        /// The first piece of markup found.
        markup: String,
    },
    /// An option that points at other options ("以上都对", "all of the above", "A and B"), which
    /// shuffling makes wrong.
    PositionalOption {
        /// The option's text.
        text: String,
    },
    /// An option that starts with its own letter or number ("A.", "1、", "(A)"); the app adds letters
    /// itself, after shuffling.
    NumberedOption {
        /// The option's text.
        text: String,
    },
    /// `languages` is not a list of `zh` and optionally `en`.
    BadLanguages {
        /// The value as written.
        value: String,
    },
    /// A Chinese-only bank (`"languages": ["zh"]`) lacks English in some texts: one warning for
    /// the whole bank, with the count (the app shows the Chinese there, labelled).
    EnglishMissing {
        /// How many texts have no English.
        count: usize,
    },
    /// A prompt that starts with its own question number ("1、", "12.", "（3）", "①"): left over
    /// from a numbered paper; the app numbers questions itself.
    NumberedPrompt {
        /// The prompt.
        text: String,
    },
    /// One cell holding several options ("A.是 B.否", or options on several lines).
    GluedOptions {
        /// The cell's text.
        text: String,
    },
    /// A prompt equal or nearly equal to another question's.
    DuplicatePrompt {
        /// The other question (its id, or its sheet row).
        other: String,
        /// How alike the two are, 0–100 (100: equal once spaces and punctuation are ignored).
        percent: u8,
    },
    /// More problems than a report lists (`MAX_PROBLEMS`): these were counted, not listed. An
    /// error when any of them is.
    MoreProblems {
        /// How many of them are errors.
        errors: usize,
        /// How many are warnings.
        warnings: usize,
    },
}

impl ProblemKind {
    /// How serious this kind of problem is.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::ByteOrderMark
            | ProblemKind::Expired { .. }
            | ProblemKind::TooLong { .. }
            | ProblemKind::TrueFalseImbalance { .. }
            | ProblemKind::InvisibleCharacter { .. }
            | ProblemKind::HtmlMarkup { .. }
            | ProblemKind::NumberedOption { .. }
            | ProblemKind::EnglishMissing { .. }
            | ProblemKind::NumberedPrompt { .. }
            | ProblemKind::GluedOptions { .. }
            | ProblemKind::DuplicatePrompt { .. } => Severity::Warning,
            ProblemKind::MoreProblems { errors: 0, .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem found in a bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file name, e.g. `fraud.json`.
    pub file: String,
    /// The question's id, or `#N` (1-based position) when it has no usable id; `None` for the bank itself.
    pub question: Option<String>,
    /// Where in the question or bank, e.g. `options[2].text.en` (positions are 1-based).
    pub field: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

/// The result of checking one bank file.
#[derive(Debug, Clone, PartialEq)]
pub struct BankReport {
    /// The bank, when it has no errors (warnings allowed).
    pub bank: Option<Bank>,
    /// For the full check of a bank with errors whose own fields (id, topic, title …) read: the
    /// bank with only the questions that have no error of their own, for the content desk's
    /// preview. Never given to a device; `None` from a device's check.
    pub partial: Option<Bank>,
    /// Every problem found, errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl BankReport {
    /// How many problems are errors.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .count()
    }

    /// How many problems are warnings.
    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }
}
