//! Reading the values of a bank file's fields: each reader takes a JSON value, reports what is
//! wrong with it (wrong kind, missing, out of range, unknown keys, text too long for a kiosk
//! screen) and returns the typed value when it is usable.

use super::problems::ProblemKind;
use super::{is_valid_id, join, suggest, Ctx};
use crate::domain::date::Date;
use crate::domain::text::{Lang, LocalText};
use serde_json::{Map, Value};

/// Character limits that keep a question readable on a kiosk screen (warnings beyond them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimits {
    /// Most characters in Chinese.
    pub zh: usize,
    /// Most characters in English.
    pub en: usize,
}

impl TextLimits {
    /// Limit for a prompt.
    pub const PROMPT: TextLimits = TextLimits { zh: 120, en: 320 };
    /// Limit for one option.
    pub const OPTION: TextLimits = TextLimits { zh: 40, en: 110 };
    /// Limit for an explanation.
    pub const EXPLANATION: TextLimits = TextLimits { zh: 220, en: 600 };
    /// Limit for an option's feedback.
    pub const FEEDBACK: TextLimits = TextLimits { zh: 100, en: 260 };
    /// Limit for a source.
    pub const SOURCE: TextLimits = TextLimits { zh: 120, en: 300 };
    /// Limit for a bank title.
    pub const TITLE: TextLimits = TextLimits { zh: 20, en: 60 };
    /// Limit for a bank description.
    pub const DESCRIPTION: TextLimits = TextLimits { zh: 80, en: 220 };

    pub(super) fn get(self, lang: Lang) -> usize {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

pub(super) const TEXT_FIELDS: &[&str] = &["zh", "en"];

/// Whether a text object has no English: the key absent, `null`, or blank text.
fn english_absent(map: &Map<String, Value>) -> bool {
    match map.get("en") {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    }
}

impl Ctx {
    /// `value` as an object whose keys are all in `allowed`; reports unknown keys.
    pub(super) fn object<'v>(
        &mut self,
        field: &str,
        value: &'v Value,
        allowed: &[&'static str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.error(
                field,
                ProblemKind::WrongType {
                    expected: "an object",
                },
            );
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let name = join(field, key);
                self.error(
                    &name,
                    ProblemKind::UnknownField {
                        name: key.clone(),
                        suggestion: suggest(key, allowed),
                    },
                );
            }
        }
        Some(map)
    }

    pub(super) fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        parent: &str,
        key: &str,
    ) -> Option<&'v Value> {
        match map.get(key) {
            Some(Value::Null) | None => {
                self.error(&join(parent, key), ProblemKind::Missing);
                None
            }
            Some(v) => Some(v),
        }
    }

    pub(super) fn string<'v>(&mut self, field: &str, value: &'v Value) -> Option<&'v str> {
        let s = value.as_str();
        if s.is_none() {
            self.error(field, ProblemKind::WrongType { expected: "text" });
        }
        s
    }

    pub(super) fn id(&mut self, field: &str, value: &Value) -> Option<String> {
        let s = self.string(field, value)?;
        if is_valid_id(s) {
            Some(s.to_owned())
        } else {
            self.error(
                field,
                ProblemKind::BadId {
                    value: s.to_owned(),
                },
            );
            None
        }
    }

    pub(super) fn whole(&mut self, field: &str, value: &Value, min: u64, max: u64) -> Option<u64> {
        let Some(n) = value.as_u64().or_else(|| {
            value
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                .map(|f| f as u64)
        }) else {
            if value.is_number() {
                self.error(
                    field,
                    ProblemKind::OutOfRange {
                        value: value.to_string(),
                        min,
                        max,
                    },
                );
            } else {
                self.error(
                    field,
                    ProblemKind::WrongType {
                        expected: "a whole number",
                    },
                );
            }
            return None;
        };
        if (min..=max).contains(&n) {
            Some(n)
        } else {
            self.error(
                field,
                ProblemKind::OutOfRange {
                    value: n.to_string(),
                    min,
                    max,
                },
            );
            None
        }
    }

    pub(super) fn date(&mut self, field: &str, value: &Value) -> Option<Date> {
        let s = self.string(field, value)?;
        let d = Date::parse(s);
        if d.is_none() {
            self.error(
                field,
                ProblemKind::BadDate {
                    value: s.to_owned(),
                },
            );
        }
        d
    }

    /// A `{ "zh": …, "en": … }` text, both non-empty; warns beyond `limits`.
    pub(super) fn text(
        &mut self,
        field: &str,
        value: &Value,
        limits: TextLimits,
    ) -> Option<LocalText> {
        if !value.is_object() {
            self.error(
                field,
                ProblemKind::WrongType {
                    expected: "zh and en text",
                },
            );
            return None;
        }
        let map = self.object(field, value, TEXT_FIELDS)?;
        let mut out = LocalText::default();
        let mut ok = true;
        for lang in Lang::ALL {
            let sub = join(field, lang.code());
            if lang == Lang::En && !self.languages.is_bilingual() && english_absent(map) {
                self.missing_english += 1;
                continue;
            }
            let Some(v) = self.required(map, field, lang.code()) else {
                ok = false;
                continue;
            };
            let Some(s) = self.string(&sub, v) else {
                ok = false;
                continue;
            };
            let trimmed = s.trim();
            if trimmed.is_empty() {
                self.error(&sub, ProblemKind::EmptyText { lang });
                ok = false;
                continue;
            }
            if !self.plain_text(&sub, lang, trimmed) {
                ok = false;
            }
            let length = trimmed.chars().count();
            if length > limits.get(lang) {
                self.warn(
                    &sub,
                    ProblemKind::TooLong {
                        lang,
                        length,
                        limit: limits.get(lang),
                    },
                );
            }
            match lang {
                Lang::Zh => out.zh = trimmed.to_owned(),
                Lang::En => out.en = trimmed.to_owned(),
            }
        }
        ok.then_some(out)
    }

    pub(super) fn list<'v>(&mut self, field: &str, value: &'v Value) -> Option<&'v Vec<Value>> {
        let l = value.as_array();
        if l.is_none() {
            self.error(field, ProblemKind::WrongType { expected: "a list" });
        }
        l
    }
}
