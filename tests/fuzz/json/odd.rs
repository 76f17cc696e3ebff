//! The odd things the mutations put into a bank: keys a bank may have (to repeat or misspell),
//! number tokens JSON does not have or no integer holds, awkward pieces of text, values of the
//! wrong kind, misspelt keys and long mixed texts.

use anxin::domain::rng::Rng;
use serde_json::{Map, Value};

/// Keys a bank may have, to repeat or misspell.
pub(super) const KEYS: &[&str] = &[
    "format",
    "id",
    "topic",
    "version",
    "reviewed",
    "title",
    "description",
    "questions",
    "type",
    "prompt",
    "options",
    "answer",
    "explanation",
    "source",
    "difficulty",
    "audience",
    "tags",
    "valid_until",
    "read_aloud",
    "text",
    "feedback",
    "zh",
    "en",
];

/// Number tokens, some not JSON at all, some beyond every integer type.
pub(super) const NUMBERS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "nan",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551616",
    "-9223372036854775809",
    "18446744073709551615",
    "4294967296",
    "256",
    "-0",
    "0.0",
    "1.0",
    "3.0000000000000001",
    "01",
    "+1",
    "0x10",
    "1_000",
    "1e2",
    "2.5",
    "99999999999999999999999999999999999999999999999",
];

/// Pieces of text that trip up text checks: controls, bidi overrides, HTML, option references,
/// numbering, JSON escapes, wide characters.
pub(super) const TEXT_BITS: &[&str] = &[
    "安心答",
    "以上都对",
    "A和B",
    "all of the above",
    "A. ",
    "①",
    "<b>",
    "&nbsp;",
    "<!--",
    "\u{0}",
    "\u{7}",
    "\u{202E}",
    "\u{2066}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{E0041}",
    "\n",
    "\t",
    "\r",
    " ",
    "\u{3000}",
    "𝔸",
    "ｅ\u{301}",
    "\"",
    "\\",
    "x",
];

/// A value of an unexpected kind.
pub(super) fn odd_value(rng: &mut Rng, big: bool) -> Value {
    match rng.below(15) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(-1),
        3 => Value::from(u64::MAX),
        4 => Value::from(i64::MIN),
        5 => Value::from(1.5),
        6 => Value::from(1e300),
        7 => Value::String(String::new()),
        8 => {
            let len = 1 + rng.below(40);
            Value::String(huge_text(rng, len))
        }
        9 => Value::Array(Vec::new()),
        10 => Value::Object(Map::new()),
        11 => Value::Array(vec![Value::from(0); if big { 10_000 } else { 10 }]),
        12 => serde_json::json!({ "zh": "", "en": "\u{0}" }),
        13 => Value::Array(vec![
            Value::Object(Map::new());
            if big { 100_000 } else { 100 }
        ]),
        _ => Value::String("2026-02-30".into()),
    }
}

/// `k` misspelt: a letter changed, the case changed, a space added, or a full-width letter.
pub(super) fn misspell(rng: &mut Rng, k: &str) -> String {
    match rng.below(4) {
        0 => k.to_uppercase(),
        1 => format!("{k} "),
        2 => format!("{k}ｓ"),
        _ => {
            let mut chars: Vec<char> = k.chars().collect();
            if !chars.is_empty() {
                let i = rng.below(chars.len());
                chars[i] = char::from(b'a' + rng.below(26) as u8);
            }
            chars.into_iter().collect()
        }
    }
}

/// `len` characters mixing text, controls, markup and wide characters.
pub fn huge_text(rng: &mut Rng, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut count = 0;
    while count < len {
        let bit = if rng.below(8) == 0 {
            TEXT_BITS[rng.below(TEXT_BITS.len())]
        } else {
            "防范电信诈骗 protect "
        };
        out.push_str(bit);
        count += bit.chars().count();
    }
    out
}

pub(super) fn short(value: &Value) -> String {
    let text = value.to_string();
    text.chars().take(40).collect()
}
