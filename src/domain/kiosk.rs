//! The branch kiosk (`kiosk.html`, issue 12), as data: walk-up sessions on a touchscreen, the idle
//! reset that forgets the customer, and the anonymous statistics staff report. Plain Rust like the
//! rest of the domain; the kiosk page will be a thin shell over it, as the learner's page is over
//! `domain::app`.
//!
//! What one customer's session leaves behind is an [`Outcome`]: anonymous, no identity, nothing
//! that could single a person out. Only outcomes reach the statistics; nothing else of a customer
//! survives a reset.

mod outcome;
mod settings;

pub use outcome::{Answered, Outcome, TopicChoice};
pub use settings::{KioskOverrides, KioskSettings, SettingProblem};
