//! The operator PIN: its rules, its salted slow hash, and the lockout after wrong tries, as plain
//! serialisable state the kiosk stores and reads back on every reload.
//!
//! The PIN itself is never stored: only PBKDF2-HMAC-SHA256 of it, with a salt the platform draws
//! (`crypto.getRandomValues`) and passes in, and [`ITERATIONS`] rounds. Comparison is constant
//! time. A kiosk with no PIN yet is [`PinState::Unset`], which opens nothing: the panel must have
//! one set first, so no default PIN ever works.
//!
//! Lockout: [`FREE_TRIES`] wrong PINs in a row are allowed; each one after that locks the panel
//! for a delay that doubles from 30 s up to 15 min. Time only moves forward here: the latest
//! clock reading is kept, so setting the clock back does not end a lockout early.

use pbkdf2::pbkdf2_hmac;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// PBKDF2 rounds (OWASP's floor for PBKDF2-HMAC-SHA256 is 600,000 on servers; a kiosk's PIN is
/// also rate-limited, and the hash must stay quick in a kiosk's wasm). One check takes about
/// 0.1 s natively with the release profile (`opt-level = "z"`), 30 ms at `opt-level = 3`: a person
/// typing a PIN does not notice, and a guesser pays it for every try.
pub const ITERATIONS: u32 = 150_000;
/// Wrong PINs in a row allowed before the first lockout.
pub const FREE_TRIES: u32 = 3;
/// The first lockout, in milliseconds (then doubling).
pub const FIRST_DELAY_MS: f64 = 30_000.0;
/// The longest lockout, in milliseconds.
pub const MAX_DELAY_MS: f64 = 15.0 * 60_000.0;
/// The shortest salt accepted, in bytes.
pub const MIN_SALT: usize = 16;

/// Why a new PIN is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinRuleError {
    /// Not 4–8 characters long.
    #[error("a PIN has 4 to 8 digits")]
    Length,
    /// Something other than the digits 0–9.
    #[error("a PIN has digits only")]
    NotDigits,
    /// One digit repeated (`0000`).
    #[error("a PIN is not one digit repeated")]
    AllSame,
    /// Counting up or down (`1234`, `4321`).
    #[error("a PIN is not a run of digits up or down")]
    Sequence,
    /// The salt given is too short to be random bytes.
    #[error("the salt has fewer than 16 bytes")]
    ShortSalt,
    /// The stored PIN record could not be read: no PIN is set over it.
    #[error("the stored PIN record could not be read")]
    RecordUnreadable,
}

/// Why the panel stays closed.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum PinError {
    /// No PIN has been set: the panel must have one set first.
    #[error("no PIN set")]
    Unset,
    /// The stored PIN record could not be read: nothing opens.
    #[error("the PIN record could not be read")]
    Unreadable,
    /// Wrong; `left` more wrong tries before a lockout.
    #[error("wrong PIN ({left} tries before a lockout)")]
    Wrong {
        /// Tries left before a lockout.
        left: u32,
    },
    /// Too many wrong tries: no PIN is checked until then.
    #[error("locked until {until_ms}")]
    Locked {
        /// When tries are allowed again (Unix milliseconds).
        until_ms: f64,
    },
}

/// The salted hash of a PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    /// The salt, hex.
    pub salt: String,
    /// PBKDF2 rounds used.
    pub iterations: u32,
    /// PBKDF2-HMAC-SHA256(pin, salt), hex.
    pub hash: String,
}

/// The lockout: wrong tries in a row and the lock they caused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lockout {
    /// Wrong PINs since the last right one.
    pub failures: u32,
    /// Until when no PIN is checked (Unix milliseconds; 0 for none).
    pub until_ms: f64,
    /// The latest clock reading seen, so a clock set back changes nothing.
    pub latest_ms: f64,
}

/// The operator PIN as stored on the kiosk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum PinState {
    /// First run: no PIN, and nothing opens until one is set.
    #[default]
    Unset,
    /// The stored PIN record could not be read (damaged, or written by a newer version): the
    /// panel stays locked and no new PIN can be set over it, since "no PIN" would let whoever
    /// stands at the kiosk choose one. Never stored (the record is left as it was).
    #[serde(skip)]
    Unreadable,
    /// A PIN is set.
    Set {
        /// Its hash.
        pin: PinHash,
        /// Wrong tries and the lock.
        lockout: Lockout,
    },
}

/// Checks the rules for a new PIN.
pub fn check_rules(pin: &str) -> Result<(), PinRuleError> {
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinRuleError::NotDigits);
    }
    if !(4..=8).contains(&pin.len()) {
        return Err(PinRuleError::Length);
    }
    let digits: Vec<i16> = pin.bytes().map(|b| i16::from(b - b'0')).collect();
    let steps: Vec<i16> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.iter().all(|&s| s == 0) {
        return Err(PinRuleError::AllSame);
    }
    if steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == -1) {
        return Err(PinRuleError::Sequence);
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn derive(pin: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, iterations, &mut out);
    out
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|i| text.get(2 * i..2 * i + 2))
        .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
        .collect()
}

impl PinHash {
    /// Hashes `pin` with `salt` (random bytes from the platform).
    pub fn new(pin: &str, salt: &[u8]) -> PinHash {
        PinHash::with_iterations(pin, salt, ITERATIONS)
    }

    /// Hashes `pin` with `salt` and `iterations` rounds (fewer only in tests of other rules).
    fn with_iterations(pin: &str, salt: &[u8], iterations: u32) -> PinHash {
        PinHash {
            salt: hex(salt),
            iterations,
            hash: hex(&derive(pin, salt, iterations)),
        }
    }

    /// Whether `pin` is the one hashed, compared in constant time.
    pub fn matches(&self, pin: &str) -> bool {
        let stored = unhex(&self.hash);
        let derived = derive(pin, &unhex(&self.salt), self.iterations);
        stored.len() == derived.len() && bool::from(derived.ct_eq(&stored))
    }
}

impl Lockout {
    /// The delay after `failures` wrong tries in a row: none for the free tries, then 30 s,
    /// 60 s, 2 min, … up to 15 min.
    pub fn delay_ms(failures: u32) -> f64 {
        match failures.checked_sub(FREE_TRIES) {
            None => 0.0,
            Some(extra) => (FIRST_DELAY_MS * 2f64.powi(extra.min(16) as i32)).min(MAX_DELAY_MS),
        }
    }
}

impl PinState {
    /// Sets a new PIN (first run, or a change once the panel is open), hashed with `salt`;
    /// clears the lockout.
    pub fn set(&mut self, pin: &str, salt: &[u8]) -> Result<(), PinRuleError> {
        check_rules(pin)?;
        if salt.len() < MIN_SALT {
            return Err(PinRuleError::ShortSalt);
        }
        let latest_ms = match self {
            PinState::Set { lockout, .. } => lockout.latest_ms,
            PinState::Unset => 0.0,
            PinState::Unreadable => return Err(PinRuleError::RecordUnreadable),
        };
        *self = PinState::Set {
            pin: PinHash::new(pin, salt),
            lockout: Lockout {
                latest_ms,
                ..Lockout::default()
            },
        };
        Ok(())
    }

    /// Checks a PIN typed at `now_ms` (Unix milliseconds). While locked no PIN is hashed.
    /// A right PIN clears the failures; a wrong one counts, and may lock.
    pub fn check(&mut self, pin: &str, now_ms: f64) -> Result<(), PinError> {
        let (hash, lockout) = match self {
            PinState::Set { pin, lockout } => (pin, lockout),
            PinState::Unset => return Err(PinError::Unset),
            PinState::Unreadable => return Err(PinError::Unreadable),
        };
        let now = now_ms.max(lockout.latest_ms);
        lockout.latest_ms = now;
        if now < lockout.until_ms {
            return Err(PinError::Locked {
                until_ms: lockout.until_ms,
            });
        }
        if hash.matches(pin) {
            lockout.failures = 0;
            lockout.until_ms = 0.0;
            return Ok(());
        }
        lockout.failures = lockout.failures.saturating_add(1);
        let delay = Lockout::delay_ms(lockout.failures);
        if delay > 0.0 {
            lockout.until_ms = now + delay;
            return Err(PinError::Locked {
                until_ms: lockout.until_ms,
            });
        }
        Err(PinError::Wrong {
            left: FREE_TRIES - lockout.failures,
        })
    }

    /// Whether a PIN is set (the panel shows the first-run screen until it is).
    pub fn is_set(&self) -> bool {
        matches!(self, PinState::Set { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: [u8; 16] = [7; 16];

    /// A PIN hashed with few rounds: these tests are about the lockout, and unoptimised test
    /// builds take most of a second per full-strength hash.
    fn with_pin(pin: &str) -> PinState {
        let pin = PinHash::with_iterations(pin, &SALT, 1_000);
        PinState::Set {
            pin,
            lockout: Lockout::default(),
        }
    }

    #[test]
    fn pins_must_be_4_to_8_digits_not_repeated_nor_a_run() {
        assert_eq!(check_rules("123"), Err(PinRuleError::Length));
        assert_eq!(check_rules("123456789"), Err(PinRuleError::Length));
        assert_eq!(check_rules("12a4"), Err(PinRuleError::NotDigits));
        assert_eq!(check_rules("１２３４"), Err(PinRuleError::NotDigits));
        assert_eq!(check_rules("7777"), Err(PinRuleError::AllSame));
        assert_eq!(check_rules("1234"), Err(PinRuleError::Sequence));
        assert_eq!(check_rules("4321"), Err(PinRuleError::Sequence));
        assert_eq!(check_rules("345678"), Err(PinRuleError::Sequence));
        assert_eq!(check_rules("2580"), Ok(()));
        assert_eq!(check_rules("90123"), Ok(())); // wraps, not a plain run
        assert_eq!(
            PinState::default().set("2580", &[1; 8]),
            Err(PinRuleError::ShortSalt)
        );
    }

    #[test]
    fn first_run_grants_nothing_until_a_pin_is_set() {
        let mut state = PinState::default();
        assert!(!state.is_set());
        assert_eq!(state.check("", 0.0), Err(PinError::Unset));
        assert_eq!(state.check("0000", 0.0), Err(PinError::Unset));
    }

    #[test]
    fn only_a_salted_hash_is_stored_and_the_right_pin_opens() {
        let mut state = PinState::default();
        state.set("2580", &SALT).unwrap();
        let stored = serde_json::to_string(&state).unwrap();
        assert!(!stored.contains("2580"), "{stored}");
        assert!(stored.contains(&format!("\"iterations\":{ITERATIONS}")));
        let other_salt = PinHash::new("2580", &[8; 16]);
        let PinState::Set { pin, .. } = &state else {
            panic!()
        };
        assert_ne!(pin.hash, other_salt.hash);
        assert_eq!(state.check("2580", 1_000.0), Ok(()));
    }

    #[test]
    fn three_wrong_pins_lock_with_a_growing_delay_capped_at_15_minutes() {
        let mut state = with_pin("2580");
        assert_eq!(state.check("1111", 0.0), Err(PinError::Wrong { left: 2 }));
        assert_eq!(state.check("1112", 0.0), Err(PinError::Wrong { left: 1 }));
        assert_eq!(
            state.check("1113", 0.0),
            Err(PinError::Locked { until_ms: 30_000.0 })
        );
        // While locked, even the right PIN is not checked.
        assert_eq!(
            state.check("2580", 29_999.0),
            Err(PinError::Locked { until_ms: 30_000.0 })
        );
        assert_eq!(
            state.check("1114", 30_000.0),
            Err(PinError::Locked { until_ms: 90_000.0 })
        );
        let delays: Vec<f64> = (3..10).map(Lockout::delay_ms).collect();
        assert_eq!(delays, [30e3, 60e3, 120e3, 240e3, 480e3, 900e3, 900e3]);
        assert_eq!(state.check("2580", 90_000.0), Ok(()));
        assert_eq!(
            state.check("1111", 90_000.0),
            Err(PinError::Wrong { left: 2 })
        );
    }

    #[test]
    fn a_lockout_survives_a_reload_and_a_clock_set_back() {
        let mut state = with_pin("2580");
        for _ in 0..3 {
            let _ = state.check("0001", 1_000_000.0);
        }
        let mut reloaded: PinState =
            serde_json::from_str(&serde_json::to_string(&state).unwrap()).unwrap();
        let locked = Err(PinError::Locked {
            until_ms: 1_030_000.0,
        });
        assert_eq!(reloaded.check("2580", 1_000.0), locked);
        assert_eq!(reloaded.check("2580", 1_029_000.0), locked);
        assert_eq!(reloaded.check("2580", 1_030_000.0), Ok(()));
    }
}
