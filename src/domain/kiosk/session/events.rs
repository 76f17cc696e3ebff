//! What goes into the kiosk model and what comes out: the outside world of one event, the events
//! and what must be written.

use crate::domain::bank::{Bank, OptionId};
use crate::domain::kiosk::{KioskOverrides, Outcome, TopicChoice};
use crate::domain::text::Lang;
use std::sync::Arc;

/// What the model reads from the outside world for one event.
#[derive(Debug, Clone, Copy)]
pub struct KioskEnv<'a> {
    /// Now, in Unix milliseconds.
    pub now_ms: f64,
    /// A fresh random seed, used if the event draws a session.
    pub seed: u64,
    /// The prize code the shell has ready (from the prize module): shown, and counted as issued,
    /// if the session ending now reaches the threshold. The shell keeps offering the same code
    /// until an [`Outcome`] with `prize_issued` is written, then readies another.
    pub prize_code: Option<&'a str>,
}

/// Something that happened at the kiosk.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A valid bank arrived (while a session runs, it waits for the session to end).
    BankLoaded(Arc<Bank>),
    /// The deployment's defaults (`kiosk.json`) arrived.
    DeploymentLoaded(KioskOverrides),
    /// Staff saved this device's overrides in the operator panel.
    SetOverrides(KioskOverrides),
    /// Any tap anywhere: keeps the session (and dismisses "Still there?").
    Touch,
    /// "Touch to start" on the attract screen.
    Start,
    /// The attract screen's rotating tips paused (`true`) or resumed.
    PauseTips(bool),
    /// A topic, or "a bit of everything", chosen.
    ChooseTopic(TopicChoice),
    /// An option of the question shown ticked or unticked.
    Toggle(OptionId),
    /// "Check": the ticked options judged.
    Submit,
    /// On from an answer's feedback (after the last, the end card).
    Next,
    /// "Again" on the end card: another session for the same customer.
    Again,
    /// "Done": back to the attract screen, forgetting the customer.
    Done,
    /// The clock moved (the shell sends it about once a second, with `now_ms` in the env).
    Tick,
    /// Read-aloud began speaking.
    SpeakingStarted,
    /// Read-aloud stopped.
    SpeakingEnded,
    /// The customer switched language (on the attract screen this starts the session).
    SetLang(Lang),
    /// The customer switched elder mode (on the attract screen this starts the session).
    SetElder(bool),
}

/// What the shell must write for the model.
#[derive(Debug, Clone, PartialEq)]
pub enum KioskPersist {
    /// One session's anonymous outcome, for the statistics.
    Outcome(Outcome),
    /// This device's settings overrides.
    Settings(KioskOverrides),
}
