//! The English of a bank being built, as JSON: how many texts lack it (to decide, in `Auto`,
//! whether the bank is Chinese-only) and leaving the empty ones out (as a Chinese-only bank writes
//! them). Read-aloud texts are left alone: either of their languages may be absent anyway.

use serde_json::Value;

/// How many `{zh, en}` texts lack English (read-aloud texts aside: either language may be absent).
pub fn missing_english(value: &Value) -> usize {
    match value {
        Value::Object(map) => {
            let here = usize::from(
                map.contains_key("zh")
                    && map
                        .get("en")
                        .and_then(Value::as_str)
                        .is_none_or(|s| s.trim().is_empty()),
            );
            here + map
                .iter()
                .filter(|(k, _)| k.as_str() != "read_aloud")
                .map(|(_, v)| missing_english(v))
                .sum::<usize>()
        }
        Value::Array(list) => list.iter().map(missing_english).sum(),
        _ => 0,
    }
}

/// Removes empty `en` texts, which a Chinese-only bank leaves out.
pub fn drop_empty_english(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("zh")
                && map
                    .get("en")
                    .and_then(Value::as_str)
                    .is_some_and(|s| s.trim().is_empty())
            {
                map.remove("en");
            }
            for v in map.values_mut() {
                drop_empty_english(v);
            }
        }
        Value::Array(list) => list.iter_mut().for_each(drop_empty_english),
        _ => {}
    }
}
