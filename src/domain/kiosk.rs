//! The branch kiosk (`kiosk.html`, issue 12), as data: walk-up sessions on a touchscreen, the idle
//! reset that forgets the customer, and the anonymous statistics staff report. Plain Rust like the
//! rest of the domain; the kiosk page will be a thin shell over it, as the learner's page is over
//! `domain::app`.
//!
//! What one customer's session leaves behind is an [`Outcome`]: anonymous, no identity, nothing
//! that could single a person out. Only outcomes reach the statistics; nothing else of a customer
//! survives a reset.
//!
//! `session`: the kiosk model ([`KioskModel`]: attract, choosing, answering, the end card, and the
//! "Still there?" warning before every idle reset). `settings`: the kiosk's settings, a
//! deployment's `kiosk.json` and a device's overrides merged field by field. `stats`: the
//! anonymous counts, their suppressed view, export, merge and the activity report. `pin`: the
//! operator PIN (salted slow hash, lockout). `panel`: the operator panel's entry (the hidden
//! corner, the PIN or the first run's new PIN). `prize`: one-time prize codes. `qr`: the
//! "continue on your phone" QR code as SVG path data. `words`: the kiosk
//! page's own words (`KioskMsg`), kept out of the learner's catalogue so phones never download them.
//!
//! The kiosk keeps its values on the device under its own keys (never the learner app's, see
//! [`KEYS`]): [`SETTINGS_KEY`] (this device's overrides), [`STATS_KEY`] (the anonymous counts of
//! the current period), [`EARLIER_STATS_KEY`] (the periods closed by bank updates) and
//! [`PIN_KEY`] (the operator PIN's salted hash and lockout) and [`PRIZES_KEY`] (the prize codes'
//! secret and counts). Nothing else, and nothing of one customer.

mod outcome;
pub mod panel;
pub mod pin;
pub mod prize;
pub mod qr;
mod session;
mod settings;
pub mod stats;
mod words;

pub use outcome::{Answered, Outcome, TopicChoice};
pub use session::{
    lesson, phone_url, tip_at, tips, EndCard, Event, Hotline, KioskEnv, KioskModel, KioskPersist,
    KioskRound, Praise, Screen, StillThere, Takeaway, MAX_SPEECH_MS, TAKEAWAYS, TIP_MS,
};
pub use settings::{
    KioskOverrides, KioskSettings, NumberField, SettingProblem, SettingsForm, TextField,
};
pub use stats::KioskStats;
pub use words::{hotline_msg, praise_msg, KioskMsg};

/// The storage key of this device's settings overrides ([`KioskOverrides`]).
pub const SETTINGS_KEY: &str = "kiosk.settings";
/// The storage key of the anonymous statistics ([`KioskStats`]).
pub const STATS_KEY: &str = "kiosk.stats";
/// The storage key of the operator PIN's hash and lockout ([`pin::PinState`]).
pub const PIN_KEY: &str = "kiosk.pin";
/// The storage key of the closed counting periods (`stats::StatsPeriods::earlier`): kept apart
/// from [`STATS_KEY`], which holds the current period in the shape earlier builds wrote.
pub const EARLIER_STATS_KEY: &str = "kiosk.stats.earlier";
/// The storage key of the prize codes' book ([`prize::PrizeBook`]: the device secret, the
/// number issued, the serials redeemed; no identity). Written only once prizes are turned on.
pub const PRIZES_KEY: &str = "kiosk.prizes";
/// Every key the kiosk writes: a reset leaves nothing else of its own on the device.
pub const KEYS: [&str; 5] = [
    SETTINGS_KEY,
    STATS_KEY,
    PIN_KEY,
    EARLIER_STATS_KEY,
    PRIZES_KEY,
];
