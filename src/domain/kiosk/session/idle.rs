//! The idle clock: how long the kiosk has gone without a touch, not counting the time read-aloud
//! was speaking, and the "Still there?" warning that always comes before an idle reset.

use serde::{Deserialize, Serialize};

/// The longest speech that pauses the idle clock, in milliseconds. Browsers do not always report
/// the end of an utterance (Chromium's `speechSynthesis` can stall without an `end` event); past
/// this the clock runs again, so a kiosk can never stay on one customer for good.
pub const MAX_SPEECH_MS: f64 = 120_000.0;

/// Time without a touch. Plain data; read with [`IdleClock::idle_ms`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(super) struct IdleClock {
    /// Idle time counted before `since_ms`.
    before_ms: f64,
    /// When the current stretch began (the last touch, or speech starting or ending).
    since_ms: f64,
    /// Whether read-aloud is speaking (the stretch does not count, up to `MAX_SPEECH_MS`).
    speaking: bool,
}

impl IdleClock {
    /// A clock touched at `now_ms`, not speaking.
    pub(super) fn new(now_ms: f64) -> IdleClock {
        IdleClock {
            before_ms: 0.0,
            since_ms: now_ms,
            speaking: false,
        }
    }

    /// Idle milliseconds as of `now_ms` (a clock set back counts nothing).
    pub(super) fn idle_ms(&self, now_ms: f64) -> f64 {
        let stretch = (now_ms - self.since_ms).max(0.0);
        let counted = if self.speaking {
            (stretch - MAX_SPEECH_MS).max(0.0)
        } else {
            stretch
        };
        self.before_ms + counted
    }

    /// A touch: idle time starts again from nothing (speech, if any, goes on).
    pub(super) fn touch(&mut self, now_ms: f64) {
        *self = IdleClock {
            speaking: self.speaking,
            ..IdleClock::new(now_ms)
        };
    }

    /// Read-aloud started or ended.
    pub(super) fn set_speaking(&mut self, speaking: bool, now_ms: f64) {
        if self.speaking != speaking {
            *self = IdleClock {
                before_ms: self.idle_ms(now_ms),
                since_ms: now_ms,
                speaking,
            };
        }
    }
}

/// The "还在吗？/ Still there?" overlay, over any screen but the attract screen: a touch keeps the
/// session; at `until_ms` the kiosk resets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StillThere {
    /// When the countdown reaches zero (Unix milliseconds).
    pub until_ms: f64,
}

impl StillThere {
    /// Whole seconds left on the countdown as of `now_ms` (rounded up, so it shows 15 … 1).
    pub fn seconds_left(&self, now_ms: f64) -> u32 {
        let left = ((self.until_ms - now_ms) / 1000.0).ceil();
        if left.is_finite() && left > 0.0 {
            left as u32
        } else {
            0
        }
    }
}
