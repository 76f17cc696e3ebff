//! A large valid bank, built from the shipped ones: thousands of questions (each a shipped question
//! under a new id), to measure what checking a bank costs per byte.

use serde_json::Value;

/// A valid bank named `big` of at least `bytes` bytes, pretty-printed like the shipped ones.
pub fn bank(shipped: &[(String, Vec<u8>)], bytes: usize) -> Vec<u8> {
    let values: Vec<Value> = shipped
        .iter()
        .map(|(_, b)| serde_json::from_slice(b).unwrap())
        .collect();
    let questions: Vec<&Value> = values
        .iter()
        .flat_map(|v| v["questions"].as_array().unwrap())
        .collect();
    let per_question = shipped.iter().map(|(_, b)| b.len()).sum::<usize>() / questions.len();
    let count = bytes / per_question + 1;
    let mut bank = values[0].clone();
    bank["id"] = "big".into();
    bank["questions"] = Value::Array(
        (0..count)
            .map(|i| {
                let mut q = questions[i % questions.len()].clone();
                q["id"] = format!("q-{i:06}").into();
                // Expired questions would make warnings; a balance of true and false too.
                q.as_object_mut().unwrap().remove("valid_until");
                q
            })
            .collect(),
    );
    serde_json::to_vec_pretty(&bank).unwrap()
}
