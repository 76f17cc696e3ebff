//! The operator panel as data: how staff open it — a hidden press held on a corner of the attract
//! screen for [`HOLD_MS`], then the PIN on an on-screen keypad, or on a kiosk with no PIN yet
//! (first run) choosing one and typing it again, so no default PIN ever works — and that it closes
//! by itself when staff walk away ([`PANEL_IDLE_MS`]).
//!
//! [`Panel::apply`] takes a [`PanelEvent`] and the stored [`PinState`], and says whether the PIN
//! state changed (a PIN set, a wrong try counted, a lockout): the shell then writes it at once,
//! so a reload neither forgets a PIN nor ends a lockout. The digits typed live only here, in
//! memory, and are cleared after every try; the screen shows one dot per digit.

use super::pin::{check_rules, PinError, PinRuleError, PinState};

/// How long the hidden corner must be held to ask for the PIN, in milliseconds.
pub const HOLD_MS: f64 = 3_000.0;
/// The panel closes after this long without a touch, in milliseconds.
pub const PANEL_IDLE_MS: f64 = 120_000.0;
/// The most digits a PIN has (`pin::check_rules`).
pub const MAX_DIGITS: usize = 8;

/// Where the panel is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelStep {
    /// First run: choosing a PIN; `first` holds it once typed, to be typed again.
    Choose {
        /// The PIN typed the first time.
        first: Option<String>,
    },
    /// Asking for the PIN.
    Unlock,
    /// Open: the statistics, the settings, the prize codes.
    Open,
    /// Changing the PIN, from the open panel: the current PIN first (a wrong one counts
    /// towards the lockout, as at the door).
    ChangeOld,
    /// Changing the PIN: the new one, typed twice; `first` holds it once typed.
    ChangeNew {
        /// The new PIN typed the first time.
        first: Option<String>,
    },
}

/// What the panel tells staff after a try.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PanelNotice {
    /// The new PIN breaks a rule.
    Rule(PinRuleError),
    /// The second typing differs from the first: start again.
    Mismatch,
    /// Wrong PIN; `left` tries before a lockout.
    Wrong {
        /// Tries left.
        left: u32,
    },
    /// Locked until then (Unix milliseconds).
    Locked {
        /// When tries are allowed again.
        until_ms: f64,
    },
    /// The new PIN was saved.
    PinSet,
    /// The PIN was changed.
    PinChanged,
    /// The stored PIN record could not be read: the panel stays locked.
    PinUnreadable,
}

/// Something staff did, or the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelEvent {
    /// The hidden corner was held long enough.
    Open,
    /// A digit key (0–9).
    Digit(u8),
    /// The erase key.
    Erase,
    /// The OK key: the digits typed are tried.
    Enter,
    /// Close the panel.
    Close,
    /// "Change the PIN" in the open panel.
    ChangePin,
    /// Back to the open panel from changing the PIN (nothing changed).
    Cancel,
    /// The clock moved.
    Tick,
}

/// What the panel reads from the outside world for one event.
#[derive(Debug, Clone, Copy)]
pub struct PanelEnv<'a> {
    /// Now, in Unix milliseconds.
    pub now_ms: f64,
    /// Fresh random bytes, used if a PIN is set now.
    pub salt: &'a [u8],
}

#[derive(Debug, Clone, PartialEq)]
struct Shown {
    step: PanelStep,
    digits: String,
    notice: Option<PanelNotice>,
    touched_ms: f64,
}

/// The operator panel: closed, or its step, the digits typed and the last notice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Panel {
    shown: Option<Shown>,
}

impl Panel {
    /// Whether the panel is shown.
    pub fn is_shown(&self) -> bool {
        self.shown.is_some()
    }

    /// The step shown, if the panel is.
    pub fn step(&self) -> Option<&PanelStep> {
        self.shown.as_ref().map(|s| &s.step)
    }

    /// How many digits are typed (shown as dots, never as digits).
    pub fn typed(&self) -> usize {
        self.shown.as_ref().map_or(0, |s| s.digits.len())
    }

    /// The last notice.
    pub fn notice(&self) -> Option<PanelNotice> {
        self.shown.as_ref().and_then(|s| s.notice)
    }

    /// Applies one event; returns whether `pin` changed (and must be written at once).
    pub fn apply(&mut self, event: PanelEvent, pin: &mut PinState, env: &PanelEnv) -> bool {
        let now = env.now_ms;
        if event == PanelEvent::Open {
            if self.shown.is_none() {
                // Only a first run (no record at all) offers to set a PIN.
                let step = if *pin == PinState::Unset {
                    PanelStep::Choose { first: None }
                } else {
                    PanelStep::Unlock
                };
                self.shown = Some(Shown {
                    step,
                    digits: String::new(),
                    notice: (*pin == PinState::Unreadable).then_some(PanelNotice::PinUnreadable),
                    touched_ms: now,
                });
            }
            return false;
        }
        let Some(shown) = &mut self.shown else {
            return false;
        };
        if event == PanelEvent::Tick {
            if now - shown.touched_ms >= PANEL_IDLE_MS {
                self.shown = None;
            }
            return false;
        }
        shown.touched_ms = now;
        match event {
            PanelEvent::Digit(d) if d <= 9 && shown.digits.len() < MAX_DIGITS => {
                shown.digits.push(char::from(b'0' + d));
                false
            }
            PanelEvent::Erase => {
                shown.digits.pop();
                false
            }
            PanelEvent::Close => {
                self.shown = None;
                false
            }
            PanelEvent::ChangePin if shown.step == PanelStep::Open => {
                shown.step = PanelStep::ChangeOld;
                shown.digits.clear();
                shown.notice = None;
                false
            }
            PanelEvent::Cancel
                if matches!(
                    shown.step,
                    PanelStep::ChangeOld | PanelStep::ChangeNew { .. }
                ) =>
            {
                shown.step = PanelStep::Open;
                shown.digits.clear();
                shown.notice = None;
                false
            }
            PanelEvent::Enter => {
                let digits = std::mem::take(&mut shown.digits);
                let (step, notice, changed) = try_digits(&shown.step, digits, pin, env);
                shown.step = step;
                shown.notice = notice;
                changed
            }
            _ => false,
        }
    }
}

/// The step after trying `digits` at `step`, the notice, and whether `pin` changed.
fn try_digits(
    step: &PanelStep,
    digits: String,
    pin: &mut PinState,
    env: &PanelEnv,
) -> (PanelStep, Option<PanelNotice>, bool) {
    match step {
        PanelStep::Choose { first: None } => match check_rules(&digits) {
            Ok(()) => (
                PanelStep::Choose {
                    first: Some(digits),
                },
                None,
                false,
            ),
            Err(e) => (step.clone(), Some(PanelNotice::Rule(e)), false),
        },
        PanelStep::Choose { first: Some(first) } if *first != digits => (
            PanelStep::Choose { first: None },
            Some(PanelNotice::Mismatch),
            false,
        ),
        PanelStep::Choose { first: Some(first) } => match pin.set(first, env.salt) {
            Ok(()) => (PanelStep::Open, Some(PanelNotice::PinSet), true),
            Err(e) => (
                PanelStep::Choose { first: None },
                Some(PanelNotice::Rule(e)),
                false,
            ),
        },
        PanelStep::Unlock => match pin.check(&digits, env.now_ms) {
            Ok(()) => (PanelStep::Open, None, true),
            Err(PinError::Unset) => (PanelStep::Choose { first: None }, None, false),
            Err(PinError::Unreadable) => {
                (PanelStep::Unlock, Some(PanelNotice::PinUnreadable), false)
            }
            Err(PinError::Wrong { left }) => {
                (PanelStep::Unlock, Some(PanelNotice::Wrong { left }), true)
            }
            Err(PinError::Locked { until_ms }) => (
                PanelStep::Unlock,
                Some(PanelNotice::Locked { until_ms }),
                true,
            ),
        },
        PanelStep::Open => (PanelStep::Open, None, false),
        PanelStep::ChangeOld => match pin.check(&digits, env.now_ms) {
            Ok(()) => (PanelStep::ChangeNew { first: None }, None, true),
            Err(PinError::Unset) => (PanelStep::Open, None, false),
            Err(PinError::Unreadable) => (
                PanelStep::ChangeOld,
                Some(PanelNotice::PinUnreadable),
                false,
            ),
            Err(PinError::Wrong { left }) => (
                PanelStep::ChangeOld,
                Some(PanelNotice::Wrong { left }),
                true,
            ),
            Err(PinError::Locked { until_ms }) => (
                PanelStep::ChangeOld,
                Some(PanelNotice::Locked { until_ms }),
                true,
            ),
        },
        PanelStep::ChangeNew { first: None } => match check_rules(&digits) {
            Ok(()) => (
                PanelStep::ChangeNew {
                    first: Some(digits),
                },
                None,
                false,
            ),
            Err(e) => (step.clone(), Some(PanelNotice::Rule(e)), false),
        },
        PanelStep::ChangeNew { first: Some(first) } if *first != digits => (
            PanelStep::ChangeNew { first: None },
            Some(PanelNotice::Mismatch),
            false,
        ),
        PanelStep::ChangeNew { first: Some(first) } => match pin.set(first, env.salt) {
            Ok(()) => (PanelStep::Open, Some(PanelNotice::PinChanged), true),
            Err(e) => (
                PanelStep::ChangeNew { first: None },
                Some(PanelNotice::Rule(e)),
                false,
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kiosk::pin::FIRST_DELAY_MS;

    const SALT: [u8; 16] = [7; 16];

    fn env(now_ms: f64) -> PanelEnv<'static> {
        PanelEnv {
            now_ms,
            salt: &SALT,
        }
    }

    fn type_pin(panel: &mut Panel, pin: &mut PinState, digits: &str, now: f64) -> bool {
        for d in digits.bytes() {
            panel.apply(PanelEvent::Digit(d - b'0'), pin, &env(now));
        }
        panel.apply(PanelEvent::Enter, pin, &env(now))
    }

    #[test]
    fn a_first_run_opens_only_after_a_pin_is_chosen_and_typed_again() {
        let mut pin = PinState::Unset;
        let mut panel = Panel::default();
        panel.apply(PanelEvent::Open, &mut pin, &env(0.0));
        assert_eq!(panel.step(), Some(&PanelStep::Choose { first: None }));
        assert!(!type_pin(&mut panel, &mut pin, "1234", 0.0));
        assert_eq!(
            panel.notice(),
            Some(PanelNotice::Rule(PinRuleError::Sequence))
        );
        assert!(!type_pin(&mut panel, &mut pin, "2580", 0.0));
        assert_eq!(panel.typed(), 0, "the digits are cleared after each try");
        assert!(!type_pin(&mut panel, &mut pin, "2581", 0.0));
        assert_eq!(panel.notice(), Some(PanelNotice::Mismatch));
        assert_eq!(pin, PinState::Unset, "nothing saved");
        type_pin(&mut panel, &mut pin, "2580", 0.0);
        assert!(type_pin(&mut panel, &mut pin, "2580", 0.0), "saved at once");
        assert_eq!(panel.step(), Some(&PanelStep::Open));
        assert!(pin.is_set());
    }

    #[test]
    fn a_wrong_pin_is_refused_counted_and_locks_after_the_free_tries() {
        let mut pin = PinState::Unset;
        pin.set("2580", &SALT).unwrap();
        let mut panel = Panel::default();
        panel.apply(PanelEvent::Open, &mut pin, &env(0.0));
        assert_eq!(panel.step(), Some(&PanelStep::Unlock));
        assert!(type_pin(&mut panel, &mut pin, "1111", 0.0));
        assert_eq!(panel.notice(), Some(PanelNotice::Wrong { left: 2 }));
        type_pin(&mut panel, &mut pin, "1112", 1.0);
        type_pin(&mut panel, &mut pin, "1113", 2.0);
        assert_eq!(
            panel.notice(),
            Some(PanelNotice::Locked {
                until_ms: 2.0 + FIRST_DELAY_MS
            })
        );
        // Even the right PIN is not checked while locked.
        type_pin(&mut panel, &mut pin, "2580", 3.0);
        assert_eq!(panel.step(), Some(&PanelStep::Unlock));
        type_pin(&mut panel, &mut pin, "2580", 3.0 + FIRST_DELAY_MS);
        assert_eq!(panel.step(), Some(&PanelStep::Open));
    }

    #[test]
    fn changing_the_pin_asks_the_old_one_then_the_new_one_twice() {
        let mut pin = PinState::Unset;
        pin.set("2580", &SALT).unwrap();
        let mut panel = Panel::default();
        panel.apply(PanelEvent::Open, &mut pin, &env(0.0));
        type_pin(&mut panel, &mut pin, "2580", 0.0);
        panel.apply(PanelEvent::ChangePin, &mut pin, &env(0.0));
        assert_eq!(panel.step(), Some(&PanelStep::ChangeOld));
        // A wrong old PIN counts like one at the door.
        assert!(type_pin(&mut panel, &mut pin, "1111", 0.0));
        assert_eq!(panel.notice(), Some(PanelNotice::Wrong { left: 2 }));
        type_pin(&mut panel, &mut pin, "2580", 0.0);
        assert_eq!(panel.step(), Some(&PanelStep::ChangeNew { first: None }));
        type_pin(&mut panel, &mut pin, "9999", 0.0);
        assert_eq!(
            panel.notice(),
            Some(PanelNotice::Rule(PinRuleError::AllSame))
        );
        type_pin(&mut panel, &mut pin, "7392", 0.0);
        type_pin(&mut panel, &mut pin, "7393", 0.0);
        assert_eq!(panel.notice(), Some(PanelNotice::Mismatch));
        type_pin(&mut panel, &mut pin, "7392", 0.0);
        assert!(type_pin(&mut panel, &mut pin, "7392", 0.0), "saved at once");
        assert_eq!(
            (panel.step(), panel.notice()),
            (Some(&PanelStep::Open), Some(PanelNotice::PinChanged))
        );
        assert!(pin.check("7392", 1.0).is_ok());
        assert!(pin.check("2580", 2.0).is_err());
        // Cancel leaves the PIN as it is.
        panel.apply(PanelEvent::ChangePin, &mut pin, &env(3.0));
        panel.apply(PanelEvent::Cancel, &mut pin, &env(3.0));
        assert_eq!(panel.step(), Some(&PanelStep::Open));
    }

    #[test]
    fn the_keypad_takes_at_most_eight_digits_and_erases_one() {
        let mut pin = PinState::Unset;
        let mut panel = Panel::default();
        assert!(!panel.apply(PanelEvent::Digit(1), &mut pin, &env(0.0)));
        assert_eq!(panel.typed(), 0, "closed: keys do nothing");
        panel.apply(PanelEvent::Open, &mut pin, &env(0.0));
        for _ in 0..10 {
            panel.apply(PanelEvent::Digit(3), &mut pin, &env(0.0));
        }
        panel.apply(PanelEvent::Digit(10), &mut pin, &env(0.0));
        assert_eq!(panel.typed(), MAX_DIGITS);
        panel.apply(PanelEvent::Erase, &mut pin, &env(0.0));
        assert_eq!(panel.typed(), MAX_DIGITS - 1);
    }

    #[test]
    fn the_panel_closes_when_staff_walk_away_and_forgets_the_digits() {
        let mut pin = PinState::Unset;
        let mut panel = Panel::default();
        panel.apply(PanelEvent::Open, &mut pin, &env(0.0));
        panel.apply(PanelEvent::Digit(5), &mut pin, &env(1_000.0));
        panel.apply(PanelEvent::Tick, &mut pin, &env(PANEL_IDLE_MS));
        assert!(panel.is_shown(), "a touch restarted the count");
        panel.apply(PanelEvent::Tick, &mut pin, &env(1_000.0 + PANEL_IDLE_MS));
        assert!(!panel.is_shown());
        panel.apply(PanelEvent::Open, &mut pin, &env(PANEL_IDLE_MS * 2.0));
        assert_eq!(panel.typed(), 0);
        panel.apply(PanelEvent::Close, &mut pin, &env(PANEL_IDLE_MS * 2.0));
        assert_eq!(panel, Panel::default());
    }
}
