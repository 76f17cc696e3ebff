//! Structure-aware mutations of a bank's JSON: keys deleted, repeated, renamed or swapped, values of
//! the wrong kind, huge strings and lists, deep nesting, numbers out of range, tokens JSON does not
//! have (NaN, Infinity), escapes that decode to nothing valid. This module changes the value's
//! structure; `odd` makes the odd values, keys and texts put in; `text` damages the written JSON.

mod odd;
mod text;

pub use odd::huge_text;

use anxin::domain::rng::Rng;
use odd::{misspell, odd_value, short, KEYS, TEXT_BITS};
use serde_json::{Map, Value};
use text::mutate_text;

/// One step from a value to a child.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// The most bytes one change may add to a document.
const MAX_GROWTH: usize = 24 << 20;

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
