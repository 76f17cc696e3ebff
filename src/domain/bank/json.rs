//! The validator's JSON reader: a bank's text into a `serde_json::Value`, noting every object key
//! written more than once.
//!
//! serde_json alone keeps the last of two equal keys without a word, so `"answer": ["b"]` followed
//! by `"answer": ["c"]` would silently change a question's answer. This reader keeps the first value
//! and lists each repeat with where it is, so the validator can refuse the bank. It judges nothing
//! else (that is `validate.rs`) and does no IO.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// One step on the way from the top of the document to a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A key of an object.
    Key(String),
    /// A 0-based position in a list.
    Index(usize),
}

/// An object key written more than once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RepeatedKey {
    /// Where the object holding the key sits (empty for the top-level object).
    pub path: Vec<Step>,
    /// The key as decoded.
    pub key: String,
    /// 1-based line of the first occurrence, when known (not for keys written with escapes).
    pub first_line: Option<usize>,
    /// 1-based line of this repeat, when known.
    pub line: Option<usize>,
}

/// A document read by [`read`].
#[derive(Debug)]
pub(crate) struct Document {
    /// The value, with the first of any repeated keys.
    pub value: Value,
    /// Every repeated key, in file order.
    pub repeats: Vec<RepeatedKey>,
}

/// Reads `text` as one JSON value; syntax errors come back as serde_json reports them.
pub(crate) fn read(text: &str) -> Result<Document, serde_json::Error> {
    let reader = Reader {
        text,
        path: RefCell::new(Vec::new()),
        repeats: RefCell::new(Vec::new()),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let value = ValueSeed(&reader).deserialize(&mut de)?;
    de.end()?;
    Ok(Document {
        value,
        repeats: reader.repeats.into_inner(),
    })
}

/// Shared state of one read: the path to the value being read and the repeats found so far.
struct Reader<'a> {
    text: &'a str,
    path: RefCell<Vec<PathStep<'a>>>,
    repeats: RefCell<Vec<RepeatedKey>>,
}

/// A path step that borrows the key from the text when it can (most keys have no escapes).
#[derive(Clone)]
enum PathStep<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

impl<'a> Reader<'a> {
    /// The byte offset of a key borrowed from the text; `None` for a key decoded into its own
    /// memory (one written with escapes), which lies outside the text.
    fn offset_of(&self, key: &str) -> Option<usize> {
        (key.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .filter(|at| *at < self.text.len())
    }

    /// The 1-based line of a byte offset (counted only for a repeat, which is rare).
    fn line_at(&self, offset: Option<usize>) -> Option<usize> {
        let before = self.text.get(..offset?)?;
        Some(before.bytes().filter(|&b| b == b'\n').count() + 1)
    }

    fn with_step<T>(&self, step: PathStep<'a>, read: impl FnOnce() -> T) -> T {
        self.path.borrow_mut().push(step);
        let out = read();
        self.path.borrow_mut().pop();
        out
    }

    fn note_repeat(&self, key: &str, first_offset: Option<usize>) {
        let path = self
            .path
            .borrow()
            .iter()
            .map(|s| match s {
                PathStep::Key(k) => Step::Key(k.clone().into_owned()),
                PathStep::Index(i) => Step::Index(*i),
            })
            .collect();
        self.repeats.borrow_mut().push(RepeatedKey {
            path,
            key: key.to_owned(),
            first_line: self.line_at(first_offset),
            line: self.line_at(self.offset_of(key)),
        });
    }
}

struct ValueSeed<'r, 'a>(&'r Reader<'a>);

impl<'r, 'a> DeserializeSeed<'a> for ValueSeed<'r, 'a> {
    type Value = Value;

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor(self.0))
    }
}

struct ValueVisitor<'r, 'a>(&'r Reader<'a>);

impl<'r, 'a> Visitor<'a> for ValueVisitor<'r, 'a> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'a>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let index = out.len();
            let next = self.0.with_step(PathStep::Index(index), || {
                seq.next_element_seed(ValueSeed(self.0))
            })?;
            match next {
                Some(value) => out.push(value),
                None => return Ok(Value::Array(out)),
            }
        }
    }

    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        // Where each key was first seen, for the message about a repeat.
        let mut seen = Seen::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = self.0.with_step(PathStep::Key(key.clone()), || {
                map.next_value_seed(ValueSeed(self.0))
            })?;
            match seen.get(&key) {
                Some(first_offset) => self.0.note_repeat(&key, first_offset),
                None => {
                    seen.insert(key.clone(), self.0.offset_of(&key));
                    out.insert(key.into_owned(), value);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// The keys of one object so far, with where each was first written. Bank objects have a dozen
/// keys at most, so a list is fastest; a huge object switches to a map so it cannot take
/// quadratic time.
#[derive(Default)]
struct Seen<'a> {
    few: Vec<(Cow<'a, str>, Option<usize>)>,
    many: HashMap<Cow<'a, str>, Option<usize>>,
}

impl<'a> Seen<'a> {
    const FEW: usize = 32;

    fn get(&self, key: &str) -> Option<Option<usize>> {
        if self.many.is_empty() {
            self.few.iter().find(|(k, _)| k == key).map(|(_, at)| *at)
        } else {
            self.many.get(key).copied()
        }
    }

    fn insert(&mut self, key: Cow<'a, str>, at: Option<usize>) {
        if self.many.is_empty() && self.few.len() < Self::FEW {
            self.few.push((key, at));
        } else {
            self.many.extend(self.few.drain(..));
            self.many.insert(key, at);
        }
    }
}

/// Reads an object key, borrowing it from the text when it has no escapes.
struct KeySeed;

impl<'a> DeserializeSeed<'a> for KeySeed {
    type Value = Cow<'a, str>;

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'a> Visitor<'a> for KeyVisitor {
    type Value = Cow<'a, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'a str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
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
    fn syntax_errors_and_trailing_text_are_errors() {
        let e = read("{\n\"a\": 1\n\"b\": 2}").unwrap_err();
        assert_eq!((e.line(), e.column()), (3, 1));
        assert!(read("{} x").is_err());
    }
}
