//! Quiz banks: the public bank format (version 1) as plain Rust data.
//!
//! Owns the typed bank (`Bank`, `Question`, `AnswerOption`) and the small enums parsed from bank
//! files. Checking lives in `bank/validate.rs` and its submodules (the problems, their wording,
//! the hazard checks; its JSON reader, which finds keys written twice, in `bank/json.rs`); the
//! index of banks in `bank/index.rs`; the spreadsheet form of a bank in `bank/sheet.rs`.
//! Nothing here touches the browser or the file system.

mod index;
pub mod intake;
mod json;
mod languages;
pub mod sheet;
mod validate;

pub use index::{content_hash, BankIndex, IndexEntry, IndexError};
pub use languages::Languages;
pub use validate::hazards::{
    duplicate_prompts, holds_several_options, is_numbered_prompt, split_options,
    NEAR_DUPLICATE_PERCENT,
};
pub use validate::lints::{
    is_numbered, points_at_other_options, true_false_answers, MAX_TRUE_FALSE_SHARE_PERCENT,
    MIN_TRUE_FALSE_FOR_BALANCE,
};
pub use validate::messages::{field_names, shown, SHOWN_CHARS};
pub use validate::problems::{BankReport, Problem, ProblemKind, Severity};
pub use validate::values::TextLimits;
pub use validate::{is_valid_id, parse_bank, MAX_PROBLEMS};

use crate::domain::date::Date;
use crate::domain::text::{Lang, LocalText};
use serde::Serialize;

/// Checks a bank as the app does when it loads one on a device: its content only, whatever the day.
///
/// Expiry is not a content error on a device. Whether a question is current depends on the day
/// (`Question::is_current`), and a device whose clock is wrong would otherwise turn a whole bank
/// "all expired" and show customers a content error; so here no question counts as expired
/// (no `Expired` or `AllExpired` problem), and expired questions are hidden when the library
/// draws (`Bank::current_questions`). `anxin-bank check` calls `parse_bank` with today's Beijing
/// date, so content staff still hear about expired questions.
///
/// Errors only, with the warnings the reading itself finds: the warning-only checks for hazards
/// (numbered prompts, glued options, duplicates, the true/false balance) serve content staff and
/// are left out here, keeping their code out of the phone's wasm.
pub fn parse_bank_on_device(file: &str, bytes: &[u8]) -> BankReport {
    validate::parse_bank_errors(file, bytes, Date::EARLIEST)
}

/// The bank format this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the bank.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_newtype!(
    /// A bank's id; equals its file name without `.json`.
    BankId
);
string_newtype!(
    /// A question's id, unique within its bank.
    QuestionId
);
string_newtype!(
    /// An option's id, unique within its question and stable across edits.
    OptionId
);

/// What a bank teaches. Several banks may share a topic.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    /// Fraud prevention (反诈).
    Fraud,
    /// Personal-information protection (个人信息保护).
    Privacy,
    /// Rational investing, illegal fund-raising and deposit insurance (理性投资).
    Investing,
    /// Financial consumers' rights and complaint channels (消费者权益).
    Rights,
}

impl Topic {
    /// Every topic, in the order the home screen shows them.
    pub const ALL: [Topic; 4] = [
        Topic::Fraud,
        Topic::Privacy,
        Topic::Investing,
        Topic::Rights,
    ];

    /// The word used in bank files and query strings.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Fraud => "fraud",
            Topic::Privacy => "privacy",
            Topic::Investing => "investing",
            Topic::Rights => "rights",
        }
    }

    /// Parses the word used in bank files and query strings.
    pub fn parse(value: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum QuestionType {
    /// One right option among several.
    #[serde(rename = "single")]
    Single,
    /// Two or more right options, scored all-or-nothing.
    #[serde(rename = "multiple")]
    Multiple,
    /// Two fixed options, `true` and `false`.
    #[serde(rename = "true_false")]
    TrueFalse,
}

impl QuestionType {
    /// Every type.
    pub const ALL: [QuestionType; 3] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::TrueFalse,
    ];

    /// The word used in bank files.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true_false",
        }
    }

    /// Parses the word used in bank files.
    pub fn parse(value: &str) -> Option<QuestionType> {
        QuestionType::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// Who a question is written for; campaigns draw sets per audience.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Older customers.
    Elderly,
    /// Students and young workers.
    Youth,
    /// People new to a city.
    Newcomers,
    /// Everyone.
    Everyone,
}

impl Audience {
    /// Every audience.
    pub const ALL: [Audience; 4] = [
        Audience::Elderly,
        Audience::Youth,
        Audience::Newcomers,
        Audience::Everyone,
    ];

    /// The word used in bank files and query strings.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Elderly => "elderly",
            Audience::Youth => "youth",
            Audience::Newcomers => "newcomers",
            Audience::Everyone => "everyone",
        }
    }

    /// Parses the word used in bank files and query strings.
    pub fn parse(value: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == value)
    }

    /// Whether a learner of this group is given `question`: `Everyone` is given every question,
    /// another group the questions tagged for it (the rule of plans and of the daily set).
    pub fn includes(self, question: &Question) -> bool {
        self == Audience::Everyone || question.audience.contains(&self)
    }
}

/// Text read aloud instead of the prompt, per language (either may be absent).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ReadAloud {
    /// Chinese reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    /// English reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// The letter shown before the option at `position` (0 → "A"), in the app, read aloud and in
/// the spreadsheet form of a bank.
pub fn option_letter(position: usize) -> char {
    char::from(b'A' + u8::try_from(position.min(25)).unwrap_or(25))
}

/// One option of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    /// Stable id, referenced by `answer`.
    pub id: OptionId,
    /// What the option says.
    pub text: LocalText,
    /// Optional "why this is right or wrong", shown when the option is chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<LocalText>,
}

/// One question of a bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Unique in the bank.
    pub id: QuestionId,
    /// How it is answered.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// The question itself.
    pub prompt: LocalText,
    /// The options, in the order the author wrote them.
    pub options: Vec<AnswerOption>,
    /// The ids of the right options.
    pub answer: Vec<OptionId>,
    /// The explanation (解析) shown after answering.
    pub explanation: LocalText,
    /// The law, article or official guidance the answer rests on.
    pub source: LocalText,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// Who the question is written for (never empty).
    pub audience: Vec<Audience>,
    /// Free tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// After this date the app hides the question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// Optional read-aloud override.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_aloud: Option<ReadAloud>,
}

impl Question {
    /// Whether `choice` (a set of option ids) is exactly the right answer.
    pub fn is_correct(&self, choice: &[OptionId]) -> bool {
        choice.len() == self.answer.len() && self.answer.iter().all(|a| choice.contains(a))
    }

    /// The option with this id.
    pub fn option(&self, id: &OptionId) -> Option<&AnswerOption> {
        self.options.iter().find(|o| &o.id == id)
    }

    /// Whether the question is still shown on `today`.
    pub fn is_current(&self, today: Date) -> bool {
        self.valid_until.is_none_or(|until| today <= until)
    }

    /// Whether showing the question in `lang` falls back to Chinese anywhere (prompt, options,
    /// explanation, source): a Chinese-only bank's question in the English interface, which the
    /// interface labels as such.
    pub fn falls_back(&self, lang: Lang) -> bool {
        self.prompt.falls_back(lang)
            || self.options.iter().any(|o| o.text.falls_back(lang))
            || self.explanation.falls_back(lang)
            || self.source.falls_back(lang)
    }

    /// The text to read aloud for the prompt in `lang`.
    pub fn spoken_prompt(&self, lang: Lang) -> &str {
        let over = self.read_aloud.as_ref().and_then(|r| match lang {
            Lang::Zh => r.zh.as_deref(),
            Lang::En => r.en.as_deref(),
        });
        over.unwrap_or_else(|| self.prompt.get(lang))
    }
}

/// A whole bank, as checked by the validator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bank {
    /// Always `FORMAT_VERSION` when written.
    pub format: u64,
    /// Equals the file name without `.json`.
    pub id: BankId,
    /// What it teaches.
    pub topic: Topic,
    /// Bumped by the editors on every change.
    pub version: u64,
    /// When the content was last reviewed.
    pub reviewed: Date,
    /// Title shown on the home screen.
    pub title: LocalText,
    /// One or two sentences under the title.
    pub description: LocalText,
    /// Whether English is promised everywhere; absent from the file for a bilingual bank.
    #[serde(skip_serializing_if = "Languages::is_bilingual")]
    pub languages: Languages,
    /// The questions, in the order written.
    pub questions: Vec<Question>,
}

impl Bank {
    /// The questions still current on `today` (expired ones are hidden).
    pub fn current_questions(&self, today: Date) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| q.is_current(today))
    }

    /// The question with this id.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// The bank as pretty JSON in the public format (what `anxin-bank import` writes).
    pub fn to_json(&self) -> String {
        // Serialising plain strings and numbers cannot fail; fall back to an empty object regardless.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}")) + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 12, 4).unwrap()
    }

    /// A valid bank whose every question expired on 2026-01-31.
    fn all_expired_bytes() -> Vec<u8> {
        let text = std::fs::read_to_string("quizzes/rights.json").unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for q in value["questions"].as_array_mut().unwrap() {
            q["valid_until"] = "2026-01-31".into();
        }
        serde_json::to_vec(&value).unwrap()
    }

    #[test]
    fn an_all_expired_bank_loads_on_a_device_and_offers_no_questions() {
        let report = parse_bank_on_device("rights.json", &all_expired_bytes());
        assert_eq!(report.problems, [], "no content problem to show customers");
        let bank = report.bank.unwrap();
        assert_eq!(bank.current_questions(today()).count(), 0);
        // On a day before the expiry (a clock set back, or the bank seen in time) it is all there.
        let before = Date::new(2026, 1, 31).unwrap();
        assert_eq!(bank.current_questions(before).count(), 32);
    }

    #[test]
    fn the_tool_still_reports_an_all_expired_bank() {
        let report = parse_bank("rights.json", &all_expired_bytes(), today());
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.kind == ProblemKind::AllExpired),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn a_device_finds_the_same_content_errors_as_the_tool_except_expiry() {
        let dir = std::path::Path::new("tests/broken-banks");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap();
            let tool = parse_bank(&name, &bytes, today());
            let device = parse_bank_on_device(&name, &bytes);
            // The hazard warnings are the tool's alone (kept out of the phone's wasm).
            let content: Vec<&Problem> = tool
                .problems
                .iter()
                .filter(|p| {
                    !matches!(
                        p.kind,
                        ProblemKind::Expired { .. }
                            | ProblemKind::AllExpired
                            | ProblemKind::NumberedPrompt { .. }
                            | ProblemKind::GluedOptions { .. }
                            | ProblemKind::DuplicatePrompt { .. }
                            | ProblemKind::TrueFalseImbalance { .. }
                    )
                })
                .collect();
            assert_eq!(
                device.problems.iter().collect::<Vec<_>>(),
                content,
                "{name}"
            );
            // The device refuses a bank exactly when it has content errors (expiry is none).
            let content_errors = content.iter().any(|p| p.severity() == Severity::Error);
            assert_eq!(device.bank.is_some(), !content_errors, "{name}");
            checked += 1;
        }
        assert!(
            checked > 20,
            "expected the broken-bank corpus, found {checked}"
        );
    }
}
