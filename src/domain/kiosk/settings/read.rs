//! Reading a settings file leniently: unknown fields ignored, values of the wrong kind left out
//! and reported by field.

use super::KioskOverrides;
use crate::domain::bank::{Audience, Topic};
use crate::domain::text::Lang;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Reads leniently, as [`KioskOverrides::parse_value`] (the problems are dropped).
impl<'de> Deserialize<'de> for KioskOverrides {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(KioskOverrides::parse_value(&Value::deserialize(d)?).0)
    }
}

/// The largest settings file read, in bytes: a real one is a few hundred (a dozen fields). Past
/// this the file is refused whole, unread: read as a JSON tree, a file of nested lists takes some
/// hundred bytes per byte (250 MB for one of 2.3 MB, found by the fuzz run).
pub const MAX_SETTINGS_BYTES: usize = 64 * 1024;

/// A setting that was not used, with the field it names. The layer below applies instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingProblem {
    /// The settings file is larger than any settings file can be.
    #[error("the kiosk settings are {bytes} bytes, more than a settings file can be ({MAX_SETTINGS_BYTES}); every setting has its default")]
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// The settings file is not a JSON object.
    #[error("the kiosk settings are not a JSON object ({0}); every setting has its default")]
    NotAnObject(String),
    /// A value of the wrong kind (a string for a number, an unknown topic …).
    #[error("{field}: {value} is not a valid value; it is ignored")]
    Unreadable {
        /// The field, as written in `kiosk.json`.
        field: &'static str,
        /// The value found, as JSON.
        value: String,
    },
    /// A number outside what the kiosk allows.
    #[error("{field}: {value} is outside {min}–{max}; it is ignored")]
    OutOfRange {
        /// The field.
        field: &'static str,
        /// The value found.
        value: u32,
        /// The least allowed.
        min: u32,
        /// The most allowed.
        max: u32,
    },
    /// A value the kiosk cannot use, and why.
    #[error("{field}: {reason}; it is ignored")]
    Invalid {
        /// The field.
        field: &'static str,
        /// Why.
        reason: &'static str,
    },
}

impl SettingProblem {
    /// The field the problem is about (`None`: the whole file).
    pub fn field(&self) -> Option<&'static str> {
        match self {
            SettingProblem::NotAnObject(_) | SettingProblem::TooLarge { .. } => None,
            SettingProblem::Unreadable { field, .. }
            | SettingProblem::OutOfRange { field, .. }
            | SettingProblem::Invalid { field, .. } => Some(field),
        }
    }
}

impl KioskOverrides {
    /// Reads a settings file's text; what cannot be read is left out and reported.
    pub fn parse(text: &str) -> (KioskOverrides, Vec<SettingProblem>) {
        if text.len() > MAX_SETTINGS_BYTES {
            let bytes = text.len();
            return (
                KioskOverrides::default(),
                vec![SettingProblem::TooLarge { bytes }],
            );
        }
        match serde_json::from_str::<Value>(text) {
            Ok(value) => KioskOverrides::parse_value(&value),
            Err(e) => (
                KioskOverrides::default(),
                vec![SettingProblem::NotAnObject(e.to_string())],
            ),
        }
    }

    /// Reads settings from JSON already parsed; unknown fields are ignored, values of the wrong
    /// kind left out and reported (an unknown topic drops that topic only).
    pub fn parse_value(value: &Value) -> (KioskOverrides, Vec<SettingProblem>) {
        let mut problems = Vec::new();
        let Some(map) = value.as_object() else {
            let kind = format!("found {}", shorten(value));
            return (
                KioskOverrides::default(),
                vec![SettingProblem::NotAnObject(kind)],
            );
        };
        let mut read = Reader {
            map,
            problems: &mut problems,
        };
        let number = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
        let text = |v: &Value| v.as_str().map(|s| s.trim().to_owned());
        let overrides = KioskOverrides {
            idle_seconds: read.field("idle_seconds", number),
            countdown_seconds: read.field("countdown_seconds", number),
            questions_per_session: read.field("questions_per_session", number),
            topics: read.topics(),
            audience: read.field("audience", |v| v.as_str().and_then(Audience::parse)),
            lang: read.field("lang", |v| v.as_str().and_then(Lang::parse)),
            elder: read.field("elder", Value::as_bool),
            branch: read.field("branch", text),
            bank_hotline: read.optional("bank_hotline", text),
            prize_threshold: read.optional("prize_threshold", number),
            phone_base_url: read.optional("phone_base_url", text),
        };
        (overrides, problems)
    }

    /// The overrides as JSON, for the device's storage (fields left to the layer below are left
    /// out).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// Reads the fields of one settings object, noting what it cannot read.
struct Reader<'a> {
    map: &'a Map<String, Value>,
    problems: &'a mut Vec<SettingProblem>,
}

impl Reader<'_> {
    fn field<T>(&mut self, field: &'static str, read: impl Fn(&Value) -> Option<T>) -> Option<T> {
        let value = self.map.get(field)?;
        let read = read(value);
        if read.is_none() {
            self.problems.push(SettingProblem::Unreadable {
                field,
                value: shorten(value),
            });
        }
        read
    }

    /// A setting that can be turned off: absent → `None`, `null` → `Some(None)`.
    fn optional<T>(
        &mut self,
        field: &'static str,
        read: impl Fn(&Value) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.map.get(field)? {
            Value::Null => Some(None),
            _ => self.field(field, read).map(Some),
        }
    }

    fn topics(&mut self) -> Option<Vec<Topic>> {
        let list = self.field("topics", |v| v.as_array().cloned())?;
        let mut topics = Vec::new();
        for value in &list {
            match value.as_str().and_then(Topic::parse) {
                Some(topic) => topics.push(topic),
                None => self.problems.push(SettingProblem::Unreadable {
                    field: "topics",
                    value: shorten(value),
                }),
            }
        }
        Some(topics)
    }
}

/// A JSON value as quoted in a problem, cut short.
fn shorten(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}
