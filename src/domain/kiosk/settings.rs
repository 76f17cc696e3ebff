//! The kiosk's settings: the built-in defaults, a deployment's defaults (`kiosk.json` beside the
//! page, edited by a bank's deployer) and one device's overrides (set in the operator panel),
//! merged field by field (the device wins, then the deployment, then the built-in default).
//!
//! Both files are sparse ([`KioskOverrides`]: every field optional) and read leniently: unknown
//! fields are ignored, so an older or newer `kiosk.json` still loads, and a value of the wrong
//! type or out of range is dropped and reported as a [`SettingProblem`] naming the field, the
//! layer below it applying instead. Nothing here reads a file: the shell passes the text in.

use crate::domain::bank::{Audience, Topic};
use crate::domain::text::Lang;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Seconds without a touch before "Still there?", by default.
pub const IDLE_SECONDS: u32 = 45;
/// Seconds the "Still there?" countdown runs, by default.
pub const COUNTDOWN_SECONDS: u32 = 15;
/// Questions in one walk-up session, by default.
pub const QUESTIONS_PER_SESSION: u32 = 5;
/// The idle time allowed, in seconds.
pub const IDLE_RANGE: (u32, u32) = (20, 600);
/// The countdown allowed, in seconds.
pub const COUNTDOWN_RANGE: (u32, u32) = (10, 120);
/// The session lengths allowed.
pub const QUESTIONS_RANGE: (u32, u32) = (1, 20);
/// The longest branch name, in characters.
pub const MAX_BRANCH_CHARS: usize = 40;
/// The longest bank hotline, in characters.
pub const MAX_HOTLINE_CHARS: usize = 20;
/// The longest phone base URL, in characters.
pub const MAX_URL_CHARS: usize = 200;

/// The settings one kiosk runs with (every field has its default, so a partial file still reads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskSettings {
    /// Seconds without a touch before "Still there?" (read-aloud pauses the count).
    pub idle_seconds: u32,
    /// Seconds the "Still there?" countdown runs before the full reset.
    pub countdown_seconds: u32,
    /// Questions in one session.
    pub questions_per_session: u32,
    /// The topics offered, in the order shown (never empty).
    pub topics: Vec<Topic>,
    /// Who the questions are for (`Everyone`: every question).
    pub audience: Audience,
    /// The language each customer starts in.
    pub lang: Lang,
    /// Whether each customer starts in elder mode.
    pub elder: bool,
    /// The branch's name, on the attract screen and the report (may be empty).
    pub branch: String,
    /// The bank's own hotline, shown on the end card beside the public ones.
    pub bank_hotline: Option<String>,
    /// Right answers needed for a prize code; `None` (the default) gives no prizes.
    pub prize_threshold: Option<u32>,
    /// Where "continue on your phone" points (`…/index.html?topic=…`); `None` hides it.
    pub phone_base_url: Option<String>,
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            idle_seconds: IDLE_SECONDS,
            countdown_seconds: COUNTDOWN_SECONDS,
            questions_per_session: QUESTIONS_PER_SESSION,
            topics: Topic::ALL.to_vec(),
            audience: Audience::Everyone,
            lang: Lang::Zh,
            elder: false,
            branch: String::new(),
            bank_hotline: None,
            prize_threshold: None,
            phone_base_url: None,
        }
    }
}

/// A sparse set of settings: a deployment's `kiosk.json` or one device's overrides. `None` leaves
/// a field to the layer below; for the optional settings `Some(None)` (JSON `null`) turns the
/// setting off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KioskOverrides {
    /// See [`KioskSettings::idle_seconds`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idle_seconds: Option<u32>,
    /// See [`KioskSettings::countdown_seconds`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countdown_seconds: Option<u32>,
    /// See [`KioskSettings::questions_per_session`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions_per_session: Option<u32>,
    /// See [`KioskSettings::topics`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<Topic>>,
    /// See [`KioskSettings::audience`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// See [`KioskSettings::lang`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// See [`KioskSettings::elder`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elder: Option<bool>,
    /// See [`KioskSettings::branch`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// See [`KioskSettings::bank_hotline`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_hotline: Option<Option<String>>,
    /// See [`KioskSettings::prize_threshold`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prize_threshold: Option<Option<u32>>,
    /// See [`KioskSettings::phone_base_url`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_base_url: Option<Option<String>>,
}

/// Reads leniently, as [`KioskOverrides::parse_value`] (the problems are dropped).
impl<'de> Deserialize<'de> for KioskOverrides {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(KioskOverrides::parse_value(&Value::deserialize(d)?).0)
    }
}

/// A setting that was not used, with the field it names. The layer below applies instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingProblem {
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
            SettingProblem::NotAnObject(_) => None,
            SettingProblem::Unreadable { field, .. }
            | SettingProblem::OutOfRange { field, .. }
            | SettingProblem::Invalid { field, .. } => Some(field),
        }
    }
}

impl KioskOverrides {
    /// Reads a settings file's text; what cannot be read is left out and reported.
    pub fn parse(text: &str) -> (KioskOverrides, Vec<SettingProblem>) {
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

impl KioskSettings {
    /// The settings a kiosk runs with: the built-in defaults, then the deployment's, then the
    /// device's, field by field; with every value that was not used and why.
    pub fn resolve(
        deployment: &KioskOverrides,
        device: &KioskOverrides,
    ) -> (KioskSettings, Vec<SettingProblem>) {
        let mut settings = KioskSettings::default();
        let mut problems = Vec::new();
        settings.apply(deployment, &mut problems);
        settings.apply(device, &mut problems);
        if let Some(n) = settings.prize_threshold {
            if n > settings.questions_per_session {
                problems.push(SettingProblem::Invalid {
                    field: "prize_threshold",
                    reason: "more right answers than a session has questions",
                });
                settings.prize_threshold = None;
            }
        }
        (settings, problems)
    }

    /// Takes every valid value of `layer` over the current one.
    fn apply(&mut self, layer: &KioskOverrides, problems: &mut Vec<SettingProblem>) {
        let mut take = |field: &'static str, value: Option<u32>, (min, max): (u32, u32)| {
            let value = value?;
            if (min..=max).contains(&value) {
                Some(value)
            } else {
                problems.push(SettingProblem::OutOfRange {
                    field,
                    value,
                    min,
                    max,
                });
                None
            }
        };
        if let Some(n) = take("idle_seconds", layer.idle_seconds, IDLE_RANGE) {
            self.idle_seconds = n;
        }
        if let Some(n) = take(
            "countdown_seconds",
            layer.countdown_seconds,
            COUNTDOWN_RANGE,
        ) {
            self.countdown_seconds = n;
        }
        let questions = layer.questions_per_session;
        if let Some(n) = take("questions_per_session", questions, QUESTIONS_RANGE) {
            self.questions_per_session = n;
        }
        match layer.prize_threshold {
            Some(Some(n)) => {
                if let Some(n) = take("prize_threshold", Some(n), QUESTIONS_RANGE) {
                    self.prize_threshold = Some(n);
                }
            }
            Some(None) => self.prize_threshold = None,
            None => {}
        }
        let mut check = |field: &'static str, result: Result<(), &'static str>| match result {
            Ok(()) => true,
            Err(reason) => {
                problems.push(SettingProblem::Invalid { field, reason });
                false
            }
        };
        if let Some(topics) = &layer.topics {
            let mut unique = Vec::new();
            for topic in topics {
                if !unique.contains(topic) {
                    unique.push(*topic);
                }
            }
            let offered = if unique.is_empty() {
                Err("no topic to offer")
            } else {
                Ok(())
            };
            if check("topics", offered) {
                self.topics = unique;
            }
        }
        if let Some(audience) = layer.audience {
            self.audience = audience;
        }
        if let Some(lang) = layer.lang {
            self.lang = lang;
        }
        if let Some(elder) = layer.elder {
            self.elder = elder;
        }
        if let Some(branch) = &layer.branch {
            if check("branch", check_text(branch, MAX_BRANCH_CHARS)) {
                self.branch = branch.trim().to_owned();
            }
        }
        match &layer.bank_hotline {
            Some(Some(hotline)) if check("bank_hotline", check_hotline(hotline)) => {
                self.bank_hotline = Some(hotline.trim().to_owned());
            }
            Some(None) => self.bank_hotline = None,
            _ => {}
        }
        match &layer.phone_base_url {
            Some(Some(url)) if check("phone_base_url", check_url(url)) => {
                self.phone_base_url = Some(url.trim().to_owned());
            }
            Some(None) => self.phone_base_url = None,
            _ => {}
        }
    }
}

fn check_text(text: &str, max: usize) -> Result<(), &'static str> {
    if text.trim().chars().count() > max {
        Err("too long")
    } else if text.chars().any(char::is_control) {
        Err("has control characters")
    } else {
        Ok(())
    }
}

fn check_hotline(text: &str) -> Result<(), &'static str> {
    let text = text.trim();
    check_text(text, MAX_HOTLINE_CHARS)?;
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return Err("has no digits");
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'))
    {
        return Err("may hold only digits, spaces and + - ( )");
    }
    Ok(())
}

fn check_url(text: &str) -> Result<(), &'static str> {
    let text = text.trim();
    check_text(text, MAX_URL_CHARS)?;
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    if rest.is_empty() || text.chars().any(char::is_whitespace) {
        return Err("is not a web address");
    }
    if text.contains(['?', '#']) {
        return Err("must not hold a query or fragment (the kiosk adds ?topic=…)");
    }
    Ok(())
}

#[cfg(test)]
mod tests;
