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

mod form;
mod read;
pub use form::{NumberField, SettingsForm, TextField};
pub use read::SettingProblem;

/// Seconds without a touch before "Still there?", by default.
pub const IDLE_SECONDS: u32 = 45;
/// Seconds the "Still there?" countdown runs, by default. WCAG 2.2.1 (Timing Adjustable) asks that a
/// user warned before a time limit has at least 20 seconds to extend it with a simple action, so 20
/// is both the default and the least allowed (the 15 s would fall short).
pub const COUNTDOWN_SECONDS: u32 = 20;
/// Questions in one walk-up session, by default.
pub const QUESTIONS_PER_SESSION: u32 = 5;
/// The idle time allowed, in seconds.
pub const IDLE_RANGE: (u32, u32) = (20, 600);
/// The countdown allowed, in seconds.
pub const COUNTDOWN_RANGE: (u32, u32) = (20, 120);
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
        settings.check_prize(&mut problems);
        (settings, problems)
    }

    /// The problems of `device`'s values alone, over the `deployment` (whose own problems are
    /// not repeated): what the operator panel refuses to save.
    pub fn device_problems(
        deployment: &KioskOverrides,
        device: &KioskOverrides,
    ) -> Vec<SettingProblem> {
        let mut settings = KioskSettings::default();
        settings.apply(deployment, &mut Vec::new());
        let mut problems = Vec::new();
        settings.apply(device, &mut problems);
        settings.check_prize(&mut problems);
        problems
    }

    /// A prize threshold above the session's length would never be reached: it is turned off.
    fn check_prize(&mut self, problems: &mut Vec<SettingProblem>) {
        if let Some(n) = self.prize_threshold {
            if n > self.questions_per_session {
                problems.push(SettingProblem::Invalid {
                    field: "prize_threshold",
                    reason: "more right answers than a session has questions",
                });
                self.prize_threshold = None;
            }
        }
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
