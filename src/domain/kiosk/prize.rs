//! One-time prize codes: the short code an end card shows at or above the prize threshold, and
//! the staff's offline check that a code is genuine and not yet redeemed on this kiosk.
//!
//! A code is HMAC-SHA256(device secret, serial), its first 30 bits written as 6 characters of an
//! alphabet without look-alikes (no 0/O, 1/I). The secret is random bytes the platform draws once
//! per device; the book keeps only the secret, the next serial and the serials redeemed — no
//! identity, no time. Checking recomputes the codes of the serials issued, so a made-up or
//! mistyped code (or one from another kiosk) is not found.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::collections::BTreeSet;

/// The characters of a code: digits 2–9 and letters without I and O (32, 5 bits each).
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Characters in a code.
pub const CODE_LEN: usize = 6;
/// The shortest secret accepted, in bytes.
pub const MIN_SECRET: usize = 16;

/// Why a code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PrizeError {
    /// Not a code this kiosk issued (mistyped, made up, or another kiosk's).
    #[error("not a code this kiosk issued")]
    NotGenuine,
    /// Genuine, but already redeemed.
    #[error("already redeemed")]
    Used,
    /// The device secret given is too short to be random bytes.
    #[error("the secret has fewer than 16 bytes")]
    ShortSecret,
}

/// The kiosk's prize codes: what it needs to issue the next one and check any it issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrizeBook {
    /// The device secret, hex.
    secret: String,
    /// The serial of the next code (so also the number issued).
    next: u32,
    /// The serials redeemed.
    redeemed: BTreeSet<u32>,
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|i| text.get(2 * i..2 * i + 2))
        .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
        .collect()
}

/// The code of `serial` under `secret`.
fn code(secret: &[u8], serial: u32) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new(); // HMAC takes a key of any length; unreachable
    };
    mac.update(&serial.to_be_bytes());
    let tag = mac.finalize().into_bytes();
    let bits = tag
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
    (0..CODE_LEN)
        .map(|i| char::from(ALPHABET[((bits >> (27 - 5 * i)) & 31) as usize]))
        .collect()
}

/// A code as typed, made comparable: spaces and dashes dropped, upper case.
fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

impl PrizeBook {
    /// A new book over the device `secret` (random bytes from the platform), no code issued.
    pub fn new(secret: &[u8]) -> Result<PrizeBook, PrizeError> {
        if secret.len() < MIN_SECRET {
            return Err(PrizeError::ShortSecret);
        }
        Ok(PrizeBook {
            secret: secret.iter().map(|b| format!("{b:02x}")).collect(),
            next: 0,
            redeemed: BTreeSet::new(),
        })
    }

    /// The code the next end card at or above the threshold will show, not yet issued (so not
    /// yet genuine): the shell offers it to the model, and issues it once an end card shows it.
    pub fn next_code(&self) -> String {
        code(&unhex(&self.secret), self.next)
    }

    /// Issues the next code, for an end card at or above the threshold.
    pub fn issue(&mut self) -> String {
        let issued = code(&unhex(&self.secret), self.next);
        self.next = self.next.saturating_add(1);
        issued
    }

    /// Checks a typed code: the serial it was issued with, if genuine and not yet redeemed.
    /// (Two serials may share a code; each may then be redeemed once.)
    pub fn verify(&self, typed: &str) -> Result<u32, PrizeError> {
        let typed = normalise(typed);
        if typed.len() != CODE_LEN {
            return Err(PrizeError::NotGenuine);
        }
        let secret = unhex(&self.secret);
        let mut found = (0..self.next)
            .filter(|&s| code(&secret, s) == typed)
            .peekable();
        if found.peek().is_none() {
            return Err(PrizeError::NotGenuine);
        }
        found
            .find(|s| !self.redeemed.contains(s))
            .ok_or(PrizeError::Used)
    }

    /// Marks a genuine, unused code redeemed (the caller counts it in the statistics).
    pub fn redeem(&mut self, typed: &str) -> Result<(), PrizeError> {
        let serial = self.verify(typed)?;
        self.redeemed.insert(serial);
        Ok(())
    }

    /// Codes issued.
    pub fn issued(&self) -> u32 {
        self.next
    }

    /// Codes redeemed.
    pub fn redeemed(&self) -> u32 {
        u32::try_from(self.redeemed.len()).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(byte: u8) -> PrizeBook {
        PrizeBook::new(&[byte; 32]).unwrap()
    }

    #[test]
    fn codes_are_six_unambiguous_characters() {
        let mut prizes = book(1);
        for _ in 0..200 {
            let code = prizes.issue();
            assert_eq!(code.len(), CODE_LEN);
            assert!(!code.contains(['0', 'O', '1', 'I']), "{code}");
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
        }
        assert_eq!(prizes.issued(), 200);
        assert_eq!(PrizeBook::new(&[1; 8]), Err(PrizeError::ShortSecret));
    }

    #[test]
    fn a_genuine_code_verifies_once_then_is_refused_as_used() {
        let mut prizes = book(1);
        let first = prizes.issue();
        let second = prizes.issue();
        assert_eq!(prizes.verify(&second), Ok(1));
        assert_eq!(prizes.redeem(&first.to_lowercase()), Ok(()));
        assert_eq!(prizes.redeem(&first), Err(PrizeError::Used));
        assert_eq!(
            prizes.verify(&format!("{} {}", &second[..3], &second[3..])),
            Ok(1)
        );
        assert_eq!((prizes.issued(), prizes.redeemed()), (2, 1));
        // The book survives a reload.
        let reloaded: PrizeBook =
            serde_json::from_str(&serde_json::to_string(&prizes).unwrap()).unwrap();
        assert_eq!(reloaded.verify(&first), Err(PrizeError::Used));
    }

    #[test]
    fn a_mistyped_or_made_up_code_is_not_genuine() {
        let mut prizes = book(1);
        let code = prizes.issue();
        let last = code.chars().last().unwrap();
        let other = ALPHABET
            .iter()
            .map(|&b| char::from(b))
            .find(|&c| c != last)
            .unwrap();
        let typo = format!("{}{other}", &code[..CODE_LEN - 1]);
        assert_eq!(prizes.verify(&typo), Err(PrizeError::NotGenuine));
        assert_eq!(prizes.verify("ABCDEF"), Err(PrizeError::NotGenuine));
        assert_eq!(prizes.verify(&code[..4]), Err(PrizeError::NotGenuine));
        // Not yet issued: the next serial's code is not genuine until shown.
        let mut ahead = prizes.clone();
        let next = prizes.next_code();
        assert_eq!(prizes.verify(&next), Err(PrizeError::NotGenuine));
        assert_eq!(ahead.issue(), next, "the code offered is the one issued");
        assert_eq!(ahead.verify(&next), Ok(1));
    }

    #[test]
    fn another_kiosks_codes_are_refused() {
        let mut here = book(1);
        let mut there = book(2);
        here.issue();
        let theirs = there.issue();
        assert_eq!(here.verify(&theirs), Err(PrizeError::NotGenuine));
    }
}
