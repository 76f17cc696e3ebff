//! The bank's own fields (`format`, `id`, `topic`, `version`, `reviewed`, `title`,
//! `description`, `languages`), read once its questions have been handed over, and the bank
//! made of them and its questions.

use super::ctx::Ctx;
use super::problems::ProblemKind;
use super::questions::Questions;
use super::values::TextLimits;
use super::BANK_FIELDS;
use crate::domain::bank::{Bank, BankId, Languages, Topic, FORMAT_VERSION};
use crate::domain::date::Date;
use serde_json::Value;

/// `questions` has the questions the reader handed over; the list left in `value` is empty then.
pub(super) fn read_bank(
    ctx: &mut Ctx,
    value: &Value,
    questions: Questions,
    today: Date,
) -> Option<Bank> {
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
    let languages = match map.get("languages") {
        None | Some(Value::Null) => Some(Languages::Bilingual),
        Some(v) => read_languages(ctx, v),
    };
    ctx.languages = declared_languages(map.get("languages"));
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
            // The questions streamed in before `languages` was read are judged by it now.
            questions.finish(ctx)
        });

    let questions = questions?;
    if let Some(w) = ctx.warnings {
        (w.balance)(ctx, &questions, today);
    }
    if ctx.missing_english > 0 {
        let count = ctx.missing_english;
        ctx.warn("languages", ProblemKind::EnglishMissing { count });
    }
    Some(Bank {
        format: FORMAT_VERSION,
        id: BankId(id?),
        topic: topic?,
        version: version?,
        reviewed: reviewed?,
        title: title?,
        description: description?,
        languages: languages?,
        questions,
    })
}

/// The `languages` field: `["zh", "en"]` or `["zh"]`.
fn read_languages(ctx: &mut Ctx, value: &Value) -> Option<Languages> {
    let languages = parse_languages(value);
    if languages.is_none() {
        ctx.error(
            "languages",
            ProblemKind::BadLanguages {
                value: value.to_string(),
            },
        );
    }
    languages
}

/// The languages a `languages` value declares, if it is a valid one.
fn parse_languages(value: &Value) -> Option<Languages> {
    let codes = value.as_array().and_then(|list| {
        list.iter()
            .map(Value::as_str)
            .collect::<Option<Vec<&str>>>()
    });
    codes.and_then(Languages::from_codes)
}

/// The languages the questions are judged by, given the bank's `languages` value: bilingual
/// unless it validly says otherwise (a broken value is its own error).
pub(super) fn declared_languages(value: Option<&Value>) -> Languages {
    value
        .filter(|v| !v.is_null())
        .map_or(Some(Languages::Bilingual), parse_languages)
        .unwrap_or(Languages::Bilingual)
}
