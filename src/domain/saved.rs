//! What the app keeps on the device, one key per kind of value, each stored as
//! `{"v": <schema version>, "data": …}` with migrations from older shapes.
//!
//! Reading never fails as a whole: a value that cannot be read is reported, so that the caller drops
//! that value alone (and says so) and keeps everything else. A value written by a newer version is
//! not corrupt: it is reported as `Newer`, so the caller leaves it on the device for that version
//! (rolling a deployment back must not wipe anyone's progress).
//!
//! Prefer changes the build before can still read (a new field with a serde default; a new form
//! only for new cases, as the daily round's group). Bump `SCHEMA` when a change makes a stored
//! value unreadable to older builds: from this build on, they leave it untouched.

use crate::domain::bank::Audience;
use crate::domain::history::RoundRecord;
use crate::domain::library::RoundKind;
use crate::domain::plan::Plan;
use crate::domain::session::Session;
use crate::domain::text::Lang;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Storage key of the settings.
pub const SETTINGS_KEY: &str = "settings";
/// Storage key of the question progress (review boxes, wrong-answer book, bookmarks).
pub const PROGRESS_KEY: &str = "progress";
/// Storage key of the history of finished rounds.
pub const HISTORY_KEY: &str = "history";
/// Storage key of a practice left part-way, to continue later.
pub const PRACTICE_KEY: &str = "practice";
/// Storage key of the round in progress (named "attempt" since the first release; renaming it
/// would lose every round in progress on an update).
pub const IN_PROGRESS_KEY: &str = "attempt";
/// Storage key of the screen a reload opens again when no round is in progress: the setup being
/// made, or the result of the round just finished (until the learner leaves it).
pub const SCREEN_KEY: &str = "screen";
/// Before schema 1 the language choice was stored alone under this key, as `"en"` or `"zh"`.
pub const LEGACY_LANG_KEY: &str = "lang";

/// Current schema version of every key.
pub const SCHEMA: u32 = 1;

/// Why a saved value was dropped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedError {
    /// Not JSON of the expected shape (corrupted, or edited by hand).
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// Written by a newer version of the app.
    #[error("written by a newer version (schema {0})")]
    Newer(u32),
}

/// Why a stored value was left untouched on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptReason {
    /// A newer version of the app wrote it.
    Newer,
    /// Storage refused to read it (it threw).
    ReadFailed,
    /// It is corrupt, and kept only because losing it would open something
    /// (`Store::load_keeping`).
    Unreadable,
}

/// The learner's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The chosen language, if the learner chose one.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Who the learner practises for (None: everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// 长辈模式: larger text and targets, one question per screen, no time limits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elder: bool,
    /// The last practice or quiz set up, as the setup screen's starting point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
}

impl Settings {
    /// Who the learner practises for (everyone unless chosen).
    pub fn audience(&self) -> Audience {
        self.audience.unwrap_or(Audience::Everyone)
    }

    /// Chooses who the learner practises for (everyone is kept as no choice).
    pub fn set_audience(&mut self, audience: Audience) {
        self.audience = (audience != Audience::Everyone).then_some(audience);
    }
}

/// A round in progress, saved after every step so a reload resumes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedRound {
    /// What it draws from.
    pub kind: RoundKind,
    /// The session, with its seed, order, answers and phase.
    pub session: Session,
    /// Time spent on it so far (milliseconds), for the time taken. Only time on screen counts:
    /// the days a practice sits parked, or a reload, do not. (Values saved before this field kept
    /// a start instant instead, which is ignored: their time starts again from zero.)
    #[serde(default)]
    pub elapsed_ms: f64,
    /// The question the round is asking before it goes on, so that a reload asks it again.
    /// (Added after schema 1: older builds ignore it and resume without the question.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asking: Option<Ask>,
}

/// A question a round asks before it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ask {
    /// "Leave and lose your answers?" (a quiz with answers).
    Leave,
    /// "Hand in with questions unanswered?" (a quiz with questions left open).
    HandIn,
}

/// The screen a reload opens again when no round is in progress. A variant added later must bump
/// the schema: an older build cannot read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SavedScreen {
    /// The setup screen, with the choices made so far.
    Setup(Plan),
    /// The result of the round just finished (or its answers).
    Result(SavedResult),
}

/// A finished round as its result screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedResult {
    /// What it drew from ("again" draws the same kind).
    pub kind: RoundKind,
    /// The finished session (the answers list reads it).
    pub session: Session,
    /// The result, as filed in the history.
    pub record: RoundRecord,
    /// Whether every answer was being shown rather than the result.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub answers: bool,
}

/// Wraps `data` with the current schema version, ready to store.
pub fn seal<T: Serialize>(data: &T) -> Value {
    serde_json::json!({ "v": SCHEMA, "data": data })
}

/// `data` with the current schema version, written straight out: the value of [`seal`] without
/// first building a JSON tree of `data`, which for a match of 200 questions is megabytes taken
/// and given back at every step.
#[derive(Debug, Serialize)]
pub struct Sealed<'a, T: Serialize> {
    data: &'a T,
    v: u32,
}

impl<'a, T: Serialize> Sealed<'a, T> {
    /// `data`, sealed with the current schema version.
    pub fn new(data: &'a T) -> Self {
        Sealed { data, v: SCHEMA }
    }
}

/// Reads a stored value of the current schema, migrating older ones with `migrate(version, data)`,
/// from its tree (as [`open_text`] does from its text, which is how the device's values are read).
pub fn open<T: DeserializeOwned>(
    raw: Value,
    migrate: impl Fn(u32, Value) -> Result<Value, String>,
) -> Result<T, SavedError> {
    open_text(&raw.to_string(), migrate)
}

/// Reads a stored value from its text, migrating older ones with `migrate(version, data)`. A value
/// of the current schema is read straight into `T`, with no JSON tree of it in between: for a match
/// of 200 questions (some 420 KB of text) the tree took megabytes at every page load, and the wasm
/// memory it grew to is never given back. Only an older value's `data` becomes a tree, for its
/// migration, and is read from the migration's text: every type is read one way (from text), which
/// keeps one reader of each in the wasm.
pub fn open_text<T: DeserializeOwned>(
    text: &str,
    migrate: impl Fn(u32, Value) -> Result<Value, String>,
) -> Result<T, SavedError> {
    /// The schema version alone (everything else skipped, nothing built).
    #[derive(Deserialize)]
    struct Version {
        v: Option<u64>,
    }
    /// The current schema's shape.
    #[derive(Deserialize)]
    #[serde(bound = "T: DeserializeOwned")]
    struct Current<T> {
        data: T,
    }
    /// An older schema's shape, its data as a tree for the migration.
    #[derive(Deserialize)]
    struct Older {
        #[serde(default)]
        data: Value,
    }
    let unreadable = |e: serde_json::Error| SavedError::Unreadable(e.to_string());
    let version = serde_json::from_str::<Version>(text)
        .map_err(unreadable)?
        .v
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| SavedError::Unreadable("no schema version".into()))?;
    match version.cmp(&SCHEMA) {
        std::cmp::Ordering::Greater => Err(SavedError::Newer(version)),
        std::cmp::Ordering::Equal => serde_json::from_str::<Current<T>>(text)
            .map(|c| c.data)
            .map_err(unreadable),
        std::cmp::Ordering::Less => {
            let data = serde_json::from_str::<Older>(text)
                .map_err(unreadable)?
                .data;
            let data = migrate(version, data).map_err(SavedError::Unreadable)?;
            serde_json::from_str(&data.to_string()).map_err(unreadable)
        }
    }
}

/// No older schema exists for this key yet.
pub fn no_migration(version: u32, _: Value) -> Result<Value, String> {
    Err(format!("no migration from schema {version}"))
}

/// Settings from before schema 1: only the language, stored alone as `"en"` / `"zh"`.
pub fn settings_from_legacy_lang(value: &Value) -> Settings {
    Settings {
        lang: value.as_str().and_then(Lang::parse),
        ..Settings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::parse_bank;
    use crate::domain::date::Date;
    use crate::domain::library::{DailySet, Library};

    #[test]
    fn a_sealed_value_opens_again() {
        let s = Settings {
            lang: Some(Lang::En),
            audience: Some(Audience::Elderly),
            elder: true,
            plan: Some(Plan::quiz(vec![])),
        };
        let back: Settings = open(seal(&s), no_migration).unwrap();
        assert_eq!(back, s);
        // Written straight out: the same value as the tree (its fields in the struct's order).
        let text = serde_json::to_string(&Sealed::new(&s)).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), seal(&s));
        let back: Settings = open(serde_json::from_str(&text).unwrap(), no_migration).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn corrupted_and_newer_values_are_refused_not_guessed() {
        let r: Result<Settings, _> = open(serde_json::json!("garbage"), no_migration);
        assert!(matches!(r, Err(SavedError::Unreadable(_))));
        let r: Result<Settings, _> = open(
            serde_json::json!({"v": 1, "data": {"lang": 7}}),
            no_migration,
        );
        assert!(matches!(r, Err(SavedError::Unreadable(_))));
        let r: Result<Settings, _> = open(serde_json::json!({"v": 9, "data": {}}), no_migration);
        assert_eq!(r, Err(SavedError::Newer(9)));
    }

    #[test]
    fn a_value_is_read_from_its_text_in_any_field_order_and_refused_as_its_tree_was() {
        let s = Settings {
            lang: Some(Lang::En),
            elder: true,
            ..Settings::default()
        };
        let legacy = |v: u32, data: Value| {
            assert_eq!(v, 0);
            serde_json::to_value(settings_from_legacy_lang(&data)).map_err(|e| e.to_string())
        };
        let english = Settings {
            lang: Some(Lang::En),
            ..Settings::default()
        };
        let current = serde_json::to_string(&Sealed::new(&s)).unwrap();
        let data_first = format!(
            r#"{{"data":{},"v":{SCHEMA}}}"#,
            serde_json::to_string(&s).unwrap()
        );
        for (text, want) in [
            (current.as_str(), Some(Ok(s.clone()))),
            (data_first.as_str(), Some(Ok(s.clone()))),
            (r#"{"v":0,"data":"en"}"#, Some(Ok(english))),
            (r#"{"v":9,"data":{}}"#, Some(Err(SavedError::Newer(9)))),
            (r#"{"v":1,"data":{"lang":7}}"#, None),
            (r#"{"v":1}"#, None),
            (r#"{"v":"1","data":{}}"#, None),
            (r#"{"v":-1,"data":{}}"#, None),
            (r#"{"v":4294967296,"data":{}}"#, None),
            (r#"{"v":1,"data":{}} trailing"#, None),
            (r#""garbage""#, None),
            ("{not json", None),
            ("", None),
        ] {
            let got = open_text::<Settings>(text, legacy);
            match want {
                Some(want) => assert_eq!(got, want, "{text}"),
                None => assert!(
                    matches!(got, Err(SavedError::Unreadable(_))),
                    "{text}: {got:?}"
                ),
            }
        }
    }

    #[test]
    fn an_older_schema_is_migrated() {
        let old = serde_json::json!({"v": 0, "data": "en"});
        let s: Settings = open(old, |v, data| {
            assert_eq!(v, 0);
            serde_json::to_value(settings_from_legacy_lang(&data)).map_err(|e| e.to_string())
        })
        .unwrap();
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(
            settings_from_legacy_lang(&serde_json::json!("zh-CN")).lang,
            Some(Lang::Zh)
        );
        assert_eq!(settings_from_legacy_lang(&serde_json::json!(3)).lang, None);
    }

    #[test]
    fn a_daily_round_in_progress_saved_by_the_previous_version_still_reads() {
        let date = Date::new(2026, 12, 4).unwrap();
        let everyone = DailySet::new(date, Audience::Everyone);
        let text = std::fs::read("quizzes/rights.json").unwrap();
        let bank = parse_bank("rights.json", &text, date).bank.unwrap();
        let mut library = Library::default();
        library.insert(std::sync::Arc::new(bank));
        let session = library.daily(everyone).unwrap();
        let round = SavedRound {
            kind: RoundKind::Daily(everyone),
            session,
            elapsed_ms: 0.0,
            asking: None,
        };
        let mut stored = seal(&round);
        stored["data"]["kind"] = serde_json::json!({"Daily": "2026-12-04"});
        // The previous version kept a start instant instead of the time spent.
        stored["data"]["started_ms"] = serde_json::json!(1.0);
        if let Some(data) = stored["data"].as_object_mut() {
            data.remove("elapsed_ms");
        }
        let back: SavedRound = open(stored, no_migration).unwrap();
        assert_eq!(back, round);
    }

    /// The daily set of a day, from the shipped rights bank, as a saved round.
    fn daily_round(elapsed_ms: f64, asking: Option<Ask>) -> SavedRound {
        let date = Date::new(2026, 12, 4).unwrap();
        let text = std::fs::read("quizzes/rights.json").unwrap();
        let bank = parse_bank("rights.json", &text, date).bank.unwrap();
        let mut library = Library::default();
        library.insert(std::sync::Arc::new(bank));
        let set = DailySet::new(date, Audience::Everyone);
        SavedRound {
            kind: RoundKind::Daily(set),
            session: library.daily(set).unwrap(),
            elapsed_ms,
            asking,
        }
    }

    #[test]
    fn a_saved_round_no_flow_can_reach_is_unreadable_not_guessed() {
        let round = daily_round(0.0, None);
        let stored = seal(&round);
        let back: SavedRound = open(stored.clone(), no_migration).unwrap();
        assert_eq!(back, round);
        // A practice can never be open like a quiz.
        let mut open_practice = stored;
        open_practice["data"]["session"]["phase"] = serde_json::json!({"Open": {"index": 0}});
        let r: Result<SavedRound, _> = open(open_practice, no_migration);
        assert!(matches!(r, Err(SavedError::Unreadable(_))), "{r:?}");
    }

    #[test]
    fn the_question_a_round_asks_is_saved_and_builds_that_do_not_know_it_still_read_the_round() {
        let round = daily_round(5.0, Some(Ask::HandIn));
        let stored = seal(&round);
        assert_eq!(stored["data"]["asking"], serde_json::json!("HandIn"));
        let back: SavedRound = open(stored.clone(), no_migration).unwrap();
        assert_eq!(back, round);
        // The round as the build before this field read it: the question is left out, the rest
        // reads as it was.
        #[derive(Deserialize)]
        struct Before {
            kind: RoundKind,
            session: Session,
            elapsed_ms: f64,
        }
        let before: Before = open(stored, no_migration).unwrap();
        assert_eq!(
            (before.kind, before.session, before.elapsed_ms),
            (round.kind, round.session, round.elapsed_ms)
        );
        // Without a question, nothing is written for it.
        let quiet = SavedRound {
            asking: None,
            ..back
        };
        assert!(seal(&quiet)["data"].get("asking").is_none());
    }

    #[test]
    fn the_saved_screen_opens_again() {
        let setup = SavedScreen::Setup(Plan::quiz(vec![]));
        let back: SavedScreen = open(seal(&setup), no_migration).unwrap();
        assert_eq!(back, setup);
        let r: Result<SavedScreen, _> = open(
            serde_json::json!({"v": 1, "data": {"Elsewhere": {}}}),
            no_migration,
        );
        assert!(matches!(r, Err(SavedError::Unreadable(_))), "{r:?}");
    }
}
