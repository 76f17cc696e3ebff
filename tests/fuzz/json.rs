//! Structure-aware mutations of a bank's JSON: keys deleted, repeated, renamed or swapped, values of
//! the wrong kind, huge strings and lists, deep nesting, numbers out of range, tokens JSON does not
//! have (NaN, Infinity), escapes that decode to nothing valid.

use anxin::domain::rng::Rng;
use serde_json::{Map, Value};

/// One step from a value to a child.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Keys a bank may have, to repeat or misspell.
const KEYS: &[&str] = &[
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

/// The most bytes one change may add to a document.
const MAX_GROWTH: usize = 24 << 20;

/// Number tokens, some not JSON at all, some beyond every integer type.
const NUMBERS: &[&str] = &[
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
const TEXT_BITS: &[&str] = &[
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

/// A bank value with one to three structural changes, written as JSON and then possibly damaged as
/// text; with a description of what was done.
pub fn mutate(rng: &mut Rng, bank: &Value, big: bool) -> (Vec<u8>, String) {
    let mut value = bank.clone();
    let mut said = Vec::new();
    for _ in 0..1 + rng.below(3) {
        said.push(mutate_value(rng, &mut value, big));
    }
    let mut text = if rng.below(2) == 0 {
        serde_json::to_string_pretty(&value).unwrap()
    } else {
        serde_json::to_string(&value).unwrap()
    };
    if rng.below(3) == 0 {
        said.push(mutate_text(rng, &mut text, big));
    }
    (text.into_bytes(), said.join("; "))
}

/// Every path in `value`, the root first.
fn paths(value: &Value) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let mut stack = vec![(Vec::new(), value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let mut p = path.clone();
                    p.push(Step::Key(k.clone()));
                    stack.push((p, child));
                }
            }
            Value::Array(list) => {
                for (i, child) in list.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(Step::Index(i));
                    stack.push((p, child));
                }
            }
            _ => {}
        }
        out.push(path);
    }
    out
}

fn at<'v>(value: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

fn mutate_value(rng: &mut Rng, root: &mut Value, big: bool) -> String {
    let all = paths(root);
    let path = all[rng.below(all.len())].clone();
    let Some((last, parent_path)) = path.split_last() else {
        *root = odd_value(rng, big);
        return "the whole document replaced".into();
    };
    let where_ = format!("{path:?}");
    let parent = at(root, parent_path);
    match rng.below(10) {
        0 => {
            match (parent, last) {
                (Value::Object(map), Step::Key(k)) => {
                    map.remove(k);
                }
                (Value::Array(list), Step::Index(i)) => {
                    list.remove(*i);
                }
                _ => {}
            }
            format!("deleted {where_}")
        }
        1 => {
            let times = if big && rng.below(2) == 0 {
                1000 + rng.below(5000)
            } else {
                1 + rng.below(8)
            };
            // Inputs stay below some tens of megabytes: a repeat of a value already made huge
            // by an earlier change is cut short.
            let size = serde_json::to_string(at_child(parent, last)).map_or(1, |s| s.len());
            let times = times.min(MAX_GROWTH / size.max(1));
            match (parent, last) {
                (Value::Array(list), Step::Index(i)) => {
                    let copy = list[*i].clone();
                    list.splice(*i..*i, std::iter::repeat_n(copy, times));
                }
                (Value::Object(map), Step::Key(k)) if times > 0 => {
                    // A list made of the value repeated: thousands of options, answers, tags.
                    let copy = map[k.as_str()].clone();
                    map.insert(k.clone(), Value::Array(vec![copy; times]));
                }
                _ => {}
            }
            format!("{where_} repeated {times} times")
        }
        2 => {
            match parent {
                Value::Object(map) if map.len() > 1 => {
                    let keys: Vec<String> = map.keys().cloned().collect();
                    let other = &keys[rng.below(keys.len())];
                    if let Step::Key(k) = last {
                        let a = map[k.as_str()].take();
                        let b = std::mem::replace(&mut map[other.as_str()], a);
                        map[k.as_str()] = b;
                    }
                }
                Value::Array(list) if list.len() > 1 => {
                    let j = rng.below(list.len());
                    if let Step::Index(i) = last {
                        list.swap(*i, j);
                    }
                }
                _ => {}
            }
            format!("{where_} swapped with a sibling")
        }
        3 | 4 => {
            let new = odd_value(rng, big);
            let said = format!("{where_} = {}", short(&new));
            *at_child(parent, last) = new;
            said
        }
        5 => {
            if let (Value::Object(map), Step::Key(k)) = (parent, last) {
                let v = map.remove(k).unwrap_or(Value::Null);
                let renamed = misspell(rng, k);
                map.insert(renamed, v);
            }
            format!("{where_} renamed")
        }
        6 => {
            if let Value::Object(map) = parent {
                let key = if rng.below(2) == 0 {
                    KEYS[rng.below(KEYS.len())].to_owned()
                } else {
                    let len = 1 + rng.below(64);
                    huge_text(rng, len)
                };
                map.insert(key, odd_value(rng, false));
            }
            format!("a key added beside {where_}")
        }
        7 => {
            let child = at_child(parent, last);
            if let Value::String(s) = child {
                let n = rng.below(s.len() + 1);
                let cut = s.char_indices().map(|(i, _)| i).find(|&i| i >= n);
                let bit = TEXT_BITS[rng.below(TEXT_BITS.len())];
                s.insert_str(cut.unwrap_or(s.len()), bit);
            }
            format!("{where_} given an awkward character")
        }
        8 => {
            let len = if big {
                100_000 + rng.below(1_000_000)
            } else {
                100 + rng.below(5_000)
            };
            *at_child(parent, last) = Value::String(huge_text(rng, len));
            format!("{where_} = a string of {len} characters")
        }
        _ => {
            let mut wrapped = at_child(parent, last).take();
            let depth = 1 + rng.below(if big { 200 } else { 20 });
            for _ in 0..depth {
                wrapped = if rng.below(2) == 0 {
                    Value::Array(vec![wrapped])
                } else {
                    let mut m = Map::new();
                    m.insert(KEYS[rng.below(KEYS.len())].into(), wrapped);
                    Value::Object(m)
                };
            }
            *at_child(parent, last) = wrapped;
            format!("{where_} nested {depth} deep")
        }
    }
}

fn at_child<'v>(parent: &'v mut Value, step: &Step) -> &'v mut Value {
    match step {
        Step::Key(k) => &mut parent[k.as_str()],
        Step::Index(i) => &mut parent[*i],
    }
}

/// A value of an unexpected kind.
fn odd_value(rng: &mut Rng, big: bool) -> Value {
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
fn misspell(rng: &mut Rng, k: &str) -> String {
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

fn short(value: &Value) -> String {
    let text = value.to_string();
    text.chars().take(40).collect()
}

/// A change made to the JSON text: a key written twice, a number token out of range or not JSON,
/// deep nesting, or an escape that decodes to no character.
fn mutate_text(rng: &mut Rng, text: &mut String, big: bool) -> String {
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
