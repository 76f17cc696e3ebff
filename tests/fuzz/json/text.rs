//! Damage done to a bank's JSON as text, where a value cannot go: a key written twice, a number
//! token out of range or not JSON, nesting deeper than the reader allows, an escape that decodes to
//! no character.

use super::odd::{odd_value, KEYS, NUMBERS};
use anxin::domain::rng::Rng;

/// A change made to the JSON text: a key written twice, a number token out of range or not JSON,
/// deep nesting, or an escape that decodes to no character.
pub(super) fn mutate_text(rng: &mut Rng, text: &mut String, big: bool) -> String {
    match rng.below(4) {
        0 => {
            let opens: Vec<usize> = text.match_indices('{').map(|(i, _)| i).collect();
            let Some(&at) = opens.get(rng.below(opens.len().max(1))) else {
                return "text: no object for a repeated key".into();
            };
            let key = KEYS[rng.below(KEYS.len())];
            let times = if big {
                1 + rng.below(2000)
            } else {
                1 + rng.below(3)
            };
            let pair = format!("\"{key}\": {},", odd_value(rng, false));
            text.insert_str(at + 1, &pair.repeat(times));
            format!("text: \"{key}\" written {times} more times at {at}")
        }
        1 => {
            let digits: Vec<usize> = text
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            let Some(&at) = digits.get(rng.below(digits.len().max(1))) else {
                return "text: no number to change".into();
            };
            let end = text[at..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(text.len(), |n| at + n);
            let token = NUMBERS[rng.below(NUMBERS.len())];
            text.replace_range(at..end, token);
            format!("text: number at {at} → {token}")
        }
        2 => {
            let colons: Vec<usize> = text.match_indices(": ").map(|(i, _)| i).collect();
            let colons = if colons.is_empty() {
                text.match_indices(':').map(|(i, _)| i).collect()
            } else {
                colons
            };
            let Some(&at) = colons.get(rng.below(colons.len().max(1))) else {
                return "text: nowhere to nest".into();
            };
            let depth = [126, 127, 128, 129, 500, 100_000][rng.below(if big { 6 } else { 5 })];
            let (open, close) = if rng.below(2) == 0 {
                ("[".repeat(depth), "]".repeat(depth))
            } else {
                ("{\"a\":".repeat(depth), "}".repeat(depth))
            };
            text.insert_str(at + 1, &format!("{open}1{close},"));
            format!("text: nesting {depth} deep at {at}")
        }
        _ => {
            let quotes: Vec<usize> = text.match_indices(": \"").map(|(i, _)| i + 3).collect();
            let Some(&at) = quotes.get(rng.below(quotes.len().max(1))) else {
                return "text: no string for an escape".into();
            };
            let escape = [
                r"\u0000",
                r"\ud800",
                r"\udc00\ud800",
                r"\uFFFF",
                r"\uDBFF\uDFFF",
                r"\x41",
                r"\",
            ][rng.below(7)];
            text.insert_str(at, escape);
            format!("text: escape {escape} at {at}")
        }
    }
}
