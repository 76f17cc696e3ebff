//! A short, stable name for each kind of problem (`empty_text`, `duplicate_prompt` …): what a
//! summary groups by and what a page can key its own wording or help link on. Wording is
//! `messages`'s; this file only names.

use super::problems::ProblemKind;

impl ProblemKind {
    /// The kind's stable name, in snake case; the same for every value of the kind.
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::NotUtf8 => "not_utf8",
            ProblemKind::Utf16 => "utf16",
            ProblemKind::ByteOrderMark => "byte_order_mark",
            ProblemKind::Syntax { .. } => "syntax",
            ProblemKind::MissingFormat => "missing_format",
            ProblemKind::UnsupportedFormat { .. } => "unsupported_format",
            ProblemKind::UnknownField { .. } => "unknown_field",
            ProblemKind::Missing => "missing",
            ProblemKind::WrongType { .. } => "wrong_type",
            ProblemKind::EmptyText { .. } => "empty_text",
            ProblemKind::BadId { .. } => "bad_id",
            ProblemKind::IdNotFileName { .. } => "id_not_file_name",
            ProblemKind::DuplicateQuestion { .. } => "duplicate_question",
            ProblemKind::DuplicateOption { .. } => "duplicate_option",
            ProblemKind::UnknownTopic { .. } => "unknown_topic",
            ProblemKind::UnknownType { .. } => "unknown_type",
            ProblemKind::UnknownAudience { .. } => "unknown_audience",
            ProblemKind::BadDate { .. } => "bad_date",
            ProblemKind::OutOfRange { .. } => "out_of_range",
            ProblemKind::AnswerNotAnOption { .. } => "answer_not_an_option",
            ProblemKind::DuplicateAnswer { .. } => "duplicate_answer",
            ProblemKind::NoAnswer => "no_answer",
            ProblemKind::OneAnswerOnly { .. } => "one_answer_only",
            ProblemKind::MultipleNeedsTwo { .. } => "multiple_needs_two",
            ProblemKind::TooFewOptions { .. } => "too_few_options",
            ProblemKind::TooManyOptions { .. } => "too_many_options",
            ProblemKind::TrueFalseOptions => "true_false_options",
            ProblemKind::NoQuestions => "no_questions",
            ProblemKind::Expired { .. } => "expired",
            ProblemKind::AllExpired => "all_expired",
            ProblemKind::TooLong { .. } => "too_long",
            ProblemKind::TrueFalseImbalance { .. } => "true_false_imbalance",
            ProblemKind::EmptyReadAloud => "empty_read_aloud",
            ProblemKind::DuplicateKey { .. } => "duplicate_key",
            ProblemKind::ControlCharacter { .. } => "control_character",
            ProblemKind::InvisibleCharacter { .. } => "invisible_character",
            ProblemKind::HtmlMarkup { .. } => "html_markup",
            ProblemKind::PositionalOption { .. } => "positional_option",
            ProblemKind::NumberedOption { .. } => "numbered_option",
            ProblemKind::BadLanguages { .. } => "bad_languages",
            ProblemKind::EnglishMissing { .. } => "english_missing",
            ProblemKind::NumberedPrompt { .. } => "numbered_prompt",
            ProblemKind::GluedOptions { .. } => "glued_options",
            ProblemKind::DuplicatePrompt { .. } => "duplicate_prompt",
            ProblemKind::MoreProblems { .. } => "more_problems",
        }
    }
}
