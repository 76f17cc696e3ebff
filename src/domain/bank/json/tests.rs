//! The JSON reader's tests: repeated keys and their lines, the streamed list, syntax errors.

use super::*;

#[test]
fn a_repeated_key_keeps_the_first_value_and_is_listed_with_its_lines() {
    let text = "{\n \"a\": [\n  {\"answer\": [\"b\"],\n   \"answer\": [\"c\"]}\n ]\n}";
    let doc = read(text).unwrap();
    assert_eq!(doc.value["a"][0]["answer"][0], "b");
    assert_eq!(
        doc.repeats,
        vec![RepeatedKey {
            path: vec![Step::Key("a".into()), Step::Index(0)],
            key: "answer".into(),
            first_line: Some(3),
            line: Some(4),
        }]
    );
}

#[test]
fn a_key_spelt_with_an_escape_is_still_the_same_key() {
    let doc = read(r#"{"id": 1, "i\u0064": 2}"#).unwrap();
    assert_eq!(doc.value["id"], 1);
    assert_eq!(doc.repeats.len(), 1);
    assert_eq!(doc.repeats[0].key, "id");
    assert_eq!(doc.repeats[0].first_line, Some(1));
    assert_eq!(doc.repeats[0].line, None);
}

#[test]
fn the_value_read_equals_serde_json_s_own() {
    let text = r#"{"n": -3, "u": 18446744073709551615, "f": 1.5, "s": "x\"y", "t": true,
                   "z": null, "l": [[], {}, [1, {"k": "v"}]]}"#;
    let doc = read(text).unwrap();
    assert!(doc.repeats.is_empty());
    assert_eq!(doc.value, serde_json::from_str::<Value>(text).unwrap());
}

#[test]
fn a_repeat_is_found_in_an_object_with_many_keys() {
    let mut text = String::from("{");
    for i in 0..100 {
        text.push_str(&format!("\"k{i}\": {i}, "));
    }
    text.push_str("\"k7\": 0, \"k99\": 0}");
    let doc = read(&text).unwrap();
    let keys: Vec<&str> = doc.repeats.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["k7", "k99"]);
    assert_eq!(doc.value["k7"], 7);
    assert_eq!(doc.value.as_object().unwrap().len(), 100);
}

#[test]
fn thousands_of_repeats_in_a_long_file_are_placed_in_one_pass() {
    // Found by the fuzz test: each repeat's line was counted from the start of the text, so
    // 2,000 repeats in a 1 MB bank took minutes. Here 20,000 repeats over 2 MB.
    let mut text = String::from("{\"pad\": \"");
    text.push_str(&"\\n".repeat(1 << 20));
    text.push_str("\",\n\"k\": 0");
    for _ in 0..20_000 {
        text.push_str(",\n\"k\": 1");
    }
    text.push('}');
    let started = std::time::Instant::now();
    let doc = read(&text).unwrap();
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(doc.repeats.len(), 20_000);
    assert_eq!(doc.repeats[0].first_line, Some(2));
    assert_eq!(doc.repeats[0].line, Some(3));
    assert_eq!(doc.repeats[19_999].line, Some(20_002));
}

#[test]
fn the_items_of_the_top_level_list_are_handed_over_and_not_kept() {
    let text = r#"{"questions": [{"id": "a"}, {"id": "b", "id": "c"}], "x": {"questions": [1]},
                   "questions": [{"id": "d"}]}"#;
    let mut items = Vec::new();
    let doc = read_streaming(text, "questions", usize::MAX, &mut |item| {
        items.push((item.index, item.value, item.has_repeats));
    })
    .unwrap();
    assert_eq!(
        items,
        vec![
            (0, serde_json::json!({"id": "a"}), false),
            (1, serde_json::json!({"id": "b"}), true),
        ],
        "the first top-level list only, not a nested one nor a repeat"
    );
    assert_eq!(doc.value["questions"], serde_json::json!([]));
    assert_eq!(doc.value["x"]["questions"][0], 1);
    let keys: Vec<&str> = doc.repeats.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["id", "questions"]);
}

#[test]
fn a_top_level_key_of_another_kind_is_kept_in_the_document() {
    let doc = read_streaming(r#"{"questions": {"a": 1}}"#, "questions", 9, &mut |_| {
        panic!("not a list")
    })
    .unwrap();
    assert_eq!(doc.value["questions"]["a"], 1);
}

#[test]
fn syntax_errors_and_trailing_text_are_errors() {
    let e = read("{\n\"a\": 1\n\"b\": 2}").unwrap_err();
    assert_eq!((e.line(), e.column()), (3, 1));
    assert!(read("{} x").is_err());
}
