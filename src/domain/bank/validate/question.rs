//! Reading one question of a bank file: its fields, options, answer, audience, tags and
//! read-aloud text, with the checks that tie them together (an answer that is an option, the
//! number of answers a type allows).

use super::lints::check_option_text;
use super::problems::ProblemKind;
use super::values::TextLimits;
use super::values::TEXT_FIELDS;
use super::{join, Ctx};
use crate::domain::bank::{
    AnswerOption, Audience, OptionId, Question, QuestionId, QuestionType, ReadAloud,
};
use crate::domain::date::Date;
use crate::domain::text::Lang;
use serde_json::Value;
use std::collections::HashSet;

const QUESTION_FIELDS: &[&str] = &[
    "id",
    "type",
    "prompt",
    "options",
    "answer",
    "explanation",
    "source",
    "difficulty",
    "audience",
    "tags",
    "valid_until",
    "read_aloud",
];
const OPTION_FIELDS: &[&str] = &["id", "text", "feedback"];
const MAX_OPTIONS: usize = 6;

pub(super) fn read_question(ctx: &mut Ctx, value: &Value, today: Date) -> Option<Question> {
    let map = ctx.object("", value, QUESTION_FIELDS)?;
    let id = ctx.required(map, "", "id").and_then(|v| ctx.id("id", v));
    let kind = ctx
        .required(map, "", "type")
        .and_then(|v| ctx.string("type", v))
        .and_then(|s| {
            let k = QuestionType::parse(s);
            if k.is_none() {
                ctx.error(
                    "type",
                    ProblemKind::UnknownType {
                        value: s.to_owned(),
                    },
                );
            }
            k
        });
    let prompt = ctx
        .required(map, "", "prompt")
        .and_then(|v| ctx.text("prompt", v, TextLimits::PROMPT));
    if let Some(prompt) = &prompt {
        if let Some(w) = ctx.warnings {
            (w.prompt)(ctx, prompt);
        }
    }
    let options = ctx
        .required(map, "", "options")
        .and_then(|v| read_options(ctx, v, kind));
    let answer = ctx
        .required(map, "", "answer")
        .and_then(|v| read_answer(ctx, v, kind, options.as_deref()));
    let explanation = ctx
        .required(map, "", "explanation")
        .and_then(|v| ctx.text("explanation", v, TextLimits::EXPLANATION));
    let source = ctx
        .required(map, "", "source")
        .and_then(|v| ctx.text("source", v, TextLimits::SOURCE));
    let difficulty = ctx
        .required(map, "", "difficulty")
        .and_then(|v| ctx.whole("difficulty", v, 1, 3));
    let audience = ctx
        .required(map, "", "audience")
        .and_then(|v| read_audience(ctx, v));
    let tags = match map.get("tags") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => read_tags(ctx, v),
    };
    let valid_until = match map.get("valid_until") {
        None | Some(Value::Null) => Some(None),
        Some(v) => ctx.date("valid_until", v).map(|d| {
            if d < today {
                ctx.warn("valid_until", ProblemKind::Expired { date: d });
            }
            Some(d)
        }),
    };
    let read_aloud = match map.get("read_aloud") {
        None | Some(Value::Null) => Some(None),
        Some(v) => read_read_aloud(ctx, v).map(Some),
    };
    Some(Question {
        id: QuestionId(id?),
        kind: kind?,
        prompt: prompt?,
        options: options?,
        answer: answer?,
        explanation: explanation?,
        source: source?,
        difficulty: u8::try_from(difficulty?).ok()?,
        audience: audience?,
        tags: tags?,
        valid_until: valid_until?,
        read_aloud: read_aloud?,
    })
}

fn read_options(
    ctx: &mut Ctx,
    value: &Value,
    kind: Option<QuestionType>,
) -> Option<Vec<AnswerOption>> {
    let list = ctx.list("options", value)?;
    let min = match kind {
        Some(QuestionType::Multiple) => 3,
        _ => 2,
    };
    let mut ok = true;
    if list.len() < min {
        ctx.error(
            "options",
            ProblemKind::TooFewOptions {
                count: list.len(),
                min,
            },
        );
        ok = false;
    } else if list.len() > MAX_OPTIONS {
        ctx.error(
            "options",
            ProblemKind::TooManyOptions {
                count: list.len(),
                max: MAX_OPTIONS,
            },
        );
        ok = false;
    }
    let mut out = Vec::with_capacity(list.len());
    let mut seen = HashSet::new();
    for (i, item) in list.iter().enumerate() {
        let field = format!("options[{}]", i + 1);
        let Some(map) = ctx.object(&field, item, OPTION_FIELDS) else {
            ok = false;
            continue;
        };
        let id = ctx
            .required(map, &field, "id")
            .and_then(|v| ctx.id(&join(&field, "id"), v));
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                ctx.error(
                    &join(&field, "id"),
                    ProblemKind::DuplicateOption { id: id.clone() },
                );
                ok = false;
            }
        }
        let text = ctx
            .required(map, &field, "text")
            .and_then(|v| ctx.text(&join(&field, "text"), v, TextLimits::OPTION));
        let feedback = match map.get("feedback") {
            None | Some(Value::Null) => Some(None),
            Some(v) => ctx
                .text(&join(&field, "feedback"), v, TextLimits::FEEDBACK)
                .map(Some),
        };
        if let Some(text) = &text {
            ok &= check_option_text(ctx, &field, text);
            if let Some(w) = ctx.warnings {
                (w.glued)(ctx, &join(&field, "text"), text);
            }
        }
        match (id, text, feedback) {
            (Some(id), Some(text), Some(feedback)) => out.push(AnswerOption {
                id: OptionId(id),
                text,
                feedback,
            }),
            _ => ok = false,
        }
    }
    if kind == Some(QuestionType::TrueFalse) && ok {
        let ids: Vec<&str> = out.iter().map(|o| o.id.as_str()).collect();
        if ids != ["true", "false"] {
            ctx.error("options", ProblemKind::TrueFalseOptions);
            ok = false;
        }
    }
    ok.then_some(out)
}

fn read_answer(
    ctx: &mut Ctx,
    value: &Value,
    kind: Option<QuestionType>,
    options: Option<&[AnswerOption]>,
) -> Option<Vec<OptionId>> {
    let Some(list) = value.as_array() else {
        ctx.error(
            "answer",
            ProblemKind::WrongType {
                expected: "a list of option ids",
            },
        );
        return None;
    };
    let mut out: Vec<OptionId> = Vec::with_capacity(list.len());
    let mut ok = true;
    for item in list {
        let Some(s) = item.as_str() else {
            ctx.error(
                "answer",
                ProblemKind::WrongType {
                    expected: "a list of option ids",
                },
            );
            return None;
        };
        let id = OptionId::from(s);
        if out.contains(&id) {
            ctx.error(
                "answer",
                ProblemKind::DuplicateAnswer {
                    answer: s.to_owned(),
                },
            );
            ok = false;
            continue;
        }
        if let Some(options) = options {
            if !options.iter().any(|o| o.id == id) {
                ctx.error(
                    "answer",
                    ProblemKind::AnswerNotAnOption {
                        answer: s.to_owned(),
                    },
                );
                ok = false;
            }
        }
        out.push(id);
    }
    match (kind, out.len()) {
        (_, 0) => {
            ctx.error("answer", ProblemKind::NoAnswer);
            ok = false;
        }
        (Some(QuestionType::Single | QuestionType::TrueFalse), n) if n > 1 => {
            ctx.error("answer", ProblemKind::OneAnswerOnly { count: n });
            ok = false;
        }
        (Some(QuestionType::Multiple), 1) => {
            ctx.error("answer", ProblemKind::MultipleNeedsTwo { count: 1 });
            ok = false;
        }
        _ => {}
    }
    ok.then_some(out)
}

fn read_audience(ctx: &mut Ctx, value: &Value) -> Option<Vec<Audience>> {
    let list = ctx.list("audience", value)?;
    if list.is_empty() {
        ctx.error("audience", ProblemKind::Missing);
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for item in list {
        match item.as_str().map(|s| (s, Audience::parse(s))) {
            Some((_, Some(a))) => {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
            Some((s, None)) => {
                ctx.error(
                    "audience",
                    ProblemKind::UnknownAudience {
                        value: s.to_owned(),
                    },
                );
                ok = false;
            }
            None => {
                ctx.error("audience", ProblemKind::WrongType { expected: "text" });
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

fn read_tags(ctx: &mut Ctx, value: &Value) -> Option<Vec<String>> {
    let list = ctx.list("tags", value)?;
    let mut ok = true;
    let mut out = Vec::new();
    for item in list {
        match ctx.id("tags", item) {
            Some(tag) => out.push(tag),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_read_aloud(ctx: &mut Ctx, value: &Value) -> Option<ReadAloud> {
    let map = ctx.object("read_aloud", value, TEXT_FIELDS)?;
    let mut out = ReadAloud::default();
    let mut ok = true;
    for lang in Lang::ALL {
        let Some(v) = map.get(lang.code()) else {
            continue;
        };
        let field = join("read_aloud", lang.code());
        match ctx.string(&field, v).map(str::trim) {
            Some("") => {
                ctx.error(&field, ProblemKind::EmptyText { lang });
                ok = false;
            }
            Some(s) if !ctx.plain_text(&field, lang, s) => ok = false,
            Some(s) => match lang {
                Lang::Zh => out.zh = Some(s.to_owned()),
                Lang::En => out.en = Some(s.to_owned()),
            },
            None => ok = false,
        }
    }
    if ok && out.zh.is_none() && out.en.is_none() {
        ctx.error("read_aloud", ProblemKind::EmptyReadAloud);
        ok = false;
    }
    ok.then_some(out)
}
