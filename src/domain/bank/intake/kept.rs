//! A question read from a sheet row, kept until the bank is assembled as the compact JSON the
//! validator will read (a few hundred bytes), not as a JSON tree: each object of a tree is a map
//! node of some 600 bytes, six or more a question, so a row of eight bytes took about 4 KB, and
//! the bank's copy of it as much again. Beside the text only what the later steps read is kept:
//! the id (ids are given once every row is read), the option columns, the type, the topic cell
//! and how many texts lack English, and where its empty English texts are (a Chinese-only bank
//! leaves them out). The bank's JSON is then written question by question, each text freed as it
//! is copied in, and is byte for byte what serialising the whole tree made.

use super::english::missing_english;
use super::row::Draft;
use crate::domain::bank::QuestionType;
use serde::Serialize;
use serde_json::{Map, Value};
use std::ops::Range;

/// A question read from a row, as kept until the bank is assembled.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Its id: the id cell as written, until ids are given.
    pub id: String,
    /// For each option, the sheet's option number (1–6) it came from; `None` for the default
    /// true/false options.
    pub option_columns: Box<[Option<u8>]>,
    /// The type, when known or inferred.
    pub kind: Option<QuestionType>,
    /// The 知识点/tags cell as written (for the summary).
    pub topic_text: Box<str>,
    /// Whether the question has tags.
    pub tags: bool,
    /// How many of its `{zh, en}` texts lack English.
    pub missing_english: usize,
    /// The question's compact JSON without its id's value, which goes at `id_at` (right after
    /// `"id":`); empty once written into the bank.
    json: Box<[u8]>,
    id_at: usize,
    /// The spans of `json` a Chinese-only bank leaves out: each empty English text beside a
    /// Chinese one, with one comma (as `english::drop_empty_english` would remove them).
    blanks: Box<[Range<usize>]>,
}

impl Kept {
    /// Keeps a row's question; its JSON tree is dropped here.
    pub fn new(draft: Draft) -> Kept {
        let mut question = draft.question;
        // Every question has an id (the id cell, maybe empty); its value is written later.
        question.entry("id").or_insert(Value::Null);
        let mut json = Vec::new();
        let mut blanks = Vec::new();
        let id_at = write_object(&mut json, &question, &mut blanks, true);
        let question = Value::Object(question);
        Kept {
            id: draft.raw_id,
            option_columns: draft.option_columns.into(),
            kind: draft.kind,
            topic_text: draft.topic_text.into(),
            tags: question.get("tags").is_some(),
            missing_english: missing_english(&question),
            json: json.into_boxed_slice(),
            id_at: id_at.unwrap_or(0),
            blanks: blanks.into_boxed_slice(),
        }
    }

    /// The length of its JSON with its id.
    fn len(&self) -> usize {
        let mut count = Count(0);
        let _ = serde_json::to_writer(&mut count, &self.id);
        self.json.len() + count.0
    }

    /// Moves its JSON, with its id, to the end of `out`, without its empty English texts when
    /// `chinese_only` (as a Chinese-only bank writes them).
    fn write_into(&mut self, chinese_only: bool, out: &mut Vec<u8>) {
        let json = std::mem::take(&mut self.json);
        let blanks = std::mem::take(&mut self.blanks);
        let cuts = if chinese_only { &blanks[..] } else { &[] };
        // The spans kept, between the cuts; the id goes into the one holding its place.
        let mut from = 0;
        let mut id = Some(&self.id);
        for span in cuts
            .iter()
            .cloned()
            .chain(std::iter::once(json.len()..json.len()))
        {
            let kept = json.get(from..span.start).unwrap_or_default();
            match id {
                Some(text) if (from..=span.start).contains(&self.id_at) => {
                    let (head, tail) = kept.split_at(self.id_at - from);
                    out.extend_from_slice(head);
                    write(out, text);
                    out.extend_from_slice(tail);
                    id = None;
                }
                _ => out.extend_from_slice(kept),
            }
            from = span.end;
        }
    }
}

impl AsMut<Kept> for Kept {
    fn as_mut(&mut self) -> &mut Kept {
        self
    }
}

/// The bank's JSON: `bank`'s fields (its `questions` an empty list, where `questions` go) with the
/// questions written in, each one's text freed as it is copied. The text grows by an eighth at a
/// time (to at most its final size), so the texts not yet copied and the room ahead of the copy
/// never hold much more than the bank's JSON itself: reserved at once, both were held in full.
pub fn bank_json<Q: AsMut<Kept>>(
    bank: &Map<String, Value>,
    questions: &mut [Q],
    chinese_only: bool,
) -> Vec<u8> {
    let fields = serde_json::to_vec(bank).unwrap_or_default();
    let texts: usize = questions.iter_mut().map(|q| q.as_mut().len() + 1).sum();
    let total = fields.len() + texts;
    drop(fields);
    let mut out = Vec::with_capacity(total.min(1 << 16));
    out.push(b'{');
    for (i, (key, value)) in bank.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(&mut out, key);
        out.push(b':');
        if key == "questions" {
            out.push(b'[');
            for (n, question) in questions.iter_mut().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                let question = question.as_mut();
                let need = question.len();
                if out.capacity() - out.len() < need {
                    let ahead = total.saturating_sub(out.len()).min(out.len() / 8);
                    out.reserve_exact(ahead.max(need));
                }
                question.write_into(chinese_only, &mut out);
            }
            out.push(b']');
        } else {
            write(&mut out, value);
        }
    }
    out.push(b'}');
    out.shrink_to_fit();
    out
}

/// Writes `map` as compact JSON (as `serde_json::to_vec` does), noting in `blanks` the spans a
/// Chinese-only bank leaves out. For the question itself (`top`) the value of its `id` is left
/// out: where it goes is returned.
fn write_object(
    out: &mut Vec<u8>,
    map: &Map<String, Value>,
    blanks: &mut Vec<Range<usize>>,
    top: bool,
) -> Option<usize> {
    // As `english::drop_empty_english` judges it.
    let blank_english = map.contains_key("zh")
        && map
            .get("en")
            .and_then(Value::as_str)
            .is_some_and(|s| s.trim().is_empty());
    let mut id_at = None;
    out.push(b'{');
    for (i, (key, value)) in map.iter().enumerate() {
        let start = out.len();
        if i > 0 {
            out.push(b',');
        }
        write(out, key);
        out.push(b':');
        if top && key == "id" {
            id_at = Some(out.len());
        } else {
            write_value(out, value, blanks);
        }
        if blank_english && key == "en" {
            // With the comma before it, or when it comes first, the one after (`zh` follows).
            blanks.push(if i > 0 {
                start..out.len()
            } else {
                start..out.len() + 1
            });
        }
    }
    out.push(b'}');
    id_at
}

/// Writes `value` as compact JSON, noting the spans a Chinese-only bank leaves out.
fn write_value(out: &mut Vec<u8>, value: &Value, blanks: &mut Vec<Range<usize>>) {
    match value {
        Value::Object(map) => {
            write_object(out, map, blanks, false);
        }
        Value::Array(list) => {
            out.push(b'[');
            for (i, item) in list.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, item, blanks);
            }
            out.push(b']');
        }
        leaf => write(out, leaf),
    }
}

/// Appends `value` as compact JSON (writing to memory cannot fail for these values).
fn write(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) {
    let _ = serde_json::to_writer(out, value);
}

/// A writer that only counts bytes.
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::english::drop_empty_english;
    use super::*;
    use serde_json::json;

    fn draft(question: Value) -> Draft {
        Draft {
            raw_id: question["id"].as_str().unwrap_or("").to_owned(),
            question: question.as_object().cloned().unwrap_or_default(),
            option_columns: vec![Some(1), Some(2)],
            kind: Some(QuestionType::Single),
            topic_text: String::new(),
            issues: Vec::new(),
        }
    }

    #[test]
    fn the_bank_is_written_as_its_tree_would_be() {
        let questions = [
            json!({"id": "q1", "prompt": {"zh": "问\"题\"", "en": ""}, "answer": ["a"],
                   "options": [{"id": "a", "text": {"zh": "是", "en": " "}}], "difficulty": 2}),
            json!({"id": "", "prompt": {"zh": "二", "en": "Two"}, "tags": ["x"],
                   "read_aloud": {"zh": "读"}}),
        ];
        let mut bank = json!({"format": 1, "id": "b", "title": {"zh": "题", "en": ""},
                              "questions": [], "version": 1});
        for chinese_only in [false, true] {
            let mut kept: Vec<Kept> = questions
                .iter()
                .cloned()
                .map(draft)
                .map(Kept::new)
                .collect();
            kept[1].id = "q\\2".to_owned();
            assert_eq!(kept[0].missing_english, 2);
            assert!(kept[1].tags && !kept[0].tags);
            let fields = bank.as_object().cloned().unwrap_or_default();
            let written = bank_json(&fields, &mut kept, chinese_only);
            let mut tree = bank.clone();
            let mut list = questions.to_vec();
            list[1]["id"] = json!("q\\2");
            tree["questions"] = Value::Array(list);
            if chinese_only {
                drop_empty_english(&mut tree["questions"]);
            }
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(&tree).unwrap()
            );
            assert!(kept.iter().all(|k| k.json.is_empty()));
        }
        bank["questions"] = json!([]);
        let fields = bank.as_object().cloned().unwrap_or_default();
        assert_eq!(
            bank_json::<Kept>(&fields, &mut [], false),
            serde_json::to_vec(&bank).unwrap()
        );
    }
}
