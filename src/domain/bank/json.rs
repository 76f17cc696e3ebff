//! The validator's JSON reader: a bank's text into a `serde_json::Value`, noting every object key
//! written more than once, and handing over the items of one list as they are read.
//!
//! serde_json alone keeps the last of two equal keys without a word, so `"answer": ["b"]` followed
//! by `"answer": ["c"]` would silently change a question's answer. This reader keeps the first value
//! and lists each repeat with where it is, so the validator can refuse the bank. It judges nothing
//! else (that is `validate.rs`) and does no IO.
//!
//! A bank is nearly all questions, and a question as a `Value` takes about four times its text
//! (a map node per `{"zh", "en"}` pair). So the items of the top-level `questions` list are handed
//! to the caller one by one as each is read, and not kept: checking a bank holds one question's
//! tree at a time, not the whole file's.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
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

/// A document read by [`read_streaming`].
#[derive(Debug)]
pub(crate) struct Document {
    /// The value, with the first of any repeated keys; a list handed over item by item is here
    /// an empty list.
    pub value: Value,
    /// The repeated keys, in file order, at most the `kept` asked for.
    pub repeats: Vec<RepeatedKey>,
    /// How many more repeated keys there were.
    pub more_repeats: usize,
}

/// One item of the streamed list, as handed to the caller.
pub(crate) struct Item {
    /// Its 0-based position in the list.
    pub index: usize,
    /// The item, with the first of any repeated keys.
    pub value: Value,
    /// Whether a key inside it was written twice (so a repeat's message will name it).
    pub has_repeats: bool,
}

/// What a streaming read tells its caller as it goes.
pub(crate) trait Listener {
    /// The value of a top-level key (its first occurrence) other than the streamed list, as soon
    /// as it is read: a field written before the list is known while the list's items arrive.
    fn field(&mut self, key: &str, value: &Value);
    /// One item of the streamed list.
    fn item(&mut self, item: Item);
}

/// Reads `text` as one JSON value, keeping at most `kept` repeated keys (counting the rest). The
/// items of the list under the top-level key `list` (its first occurrence) go to `listener` as
/// they are read instead of into the document, and so do the other top-level values (these are
/// kept in the document too). Syntax errors come back as serde_json reports them; what was handed
/// over before one is then best forgotten.
pub(crate) fn read_listening(
    text: &str,
    list: &str,
    kept: usize,
    listener: &mut dyn Listener,
) -> Result<Document, serde_json::Error> {
    let reader = Reader {
        text,
        path: RefCell::new(Vec::new()),
        repeats: RefCell::new(Vec::new()),
        more_repeats: Cell::new(0),
        kept,
        list,
        listener: RefCell::new(listener),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let value = ValueSeed(&reader, false).deserialize(&mut de)?;
    de.end()?;
    let mut repeats = reader.repeats.into_inner();
    offsets_to_lines(text, &mut repeats);
    Ok(Document {
        value,
        repeats,
        more_repeats: reader.more_repeats.get(),
    })
}

/// [`read_listening`] with only the list's items wanted, by `each`.
#[cfg(test)]
pub(crate) fn read_streaming(
    text: &str,
    list: &str,
    kept: usize,
    each: &mut dyn FnMut(Item),
) -> Result<Document, serde_json::Error> {
    struct Items<'f>(&'f mut dyn FnMut(Item));
    impl Listener for Items<'_> {
        fn field(&mut self, _: &str, _: &Value) {}
        fn item(&mut self, item: Item) {
            (self.0)(item);
        }
    }
    read_listening(text, list, kept, &mut Items(each))
}

/// Reads `text` whole, every repeated key kept.
#[cfg(test)]
pub(crate) fn read(text: &str) -> Result<Document, serde_json::Error> {
    read_streaming(text, "", usize::MAX, &mut |_| {})
}

/// Turns the byte offsets a read leaves in `first_line` and `line` into 1-based line numbers, in
/// one pass over the text (counting from the start for each repeat would take time proportional
/// to the file times the repeats).
fn offsets_to_lines(text: &str, repeats: &mut [RepeatedKey]) {
    let mut slots: Vec<&mut usize> = repeats
        .iter_mut()
        .flat_map(|r| [r.first_line.as_mut(), r.line.as_mut()])
        .flatten()
        .collect();
    slots.sort_unstable_by_key(|offset| **offset);
    let (mut line, mut counted) = (1, 0);
    for slot in slots {
        let offset = *slot;
        let between = text.as_bytes().get(counted..offset).unwrap_or_default();
        line += between.iter().filter(|&&b| b == b'\n').count();
        counted = counted.max(offset);
        *slot = line;
    }
}

/// Shared state of one read: the path to the value being read and the repeats found so far.
struct Reader<'a, 'c> {
    text: &'a str,
    path: RefCell<Vec<PathStep<'a>>>,
    repeats: RefCell<Vec<RepeatedKey>>,
    more_repeats: Cell<usize>,
    kept: usize,
    list: &'c str,
    listener: RefCell<&'c mut dyn Listener>,
}

/// A path step that borrows the key from the text when it can (most keys have no escapes).
#[derive(Clone)]
enum PathStep<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

impl<'a> Reader<'a, '_> {
    /// The byte offset of a key borrowed from the text; `None` for a key decoded into its own
    /// memory (one written with escapes), which lies outside the text.
    fn offset_of(&self, key: &str) -> Option<usize> {
        (key.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .filter(|at| *at < self.text.len())
    }

    fn with_step<T>(&self, step: PathStep<'a>, read: impl FnOnce() -> T) -> T {
        self.path.borrow_mut().push(step);
        let out = read();
        self.path.borrow_mut().pop();
        out
    }

    /// How many repeats were found so far, kept or not.
    fn repeat_count(&self) -> usize {
        self.repeats.borrow().len() + self.more_repeats.get()
    }

    /// Notes a repeat; its lines are byte offsets until the read ends (`offsets_to_lines`).
    fn note_repeat(&self, key: &str, first_offset: Option<usize>) {
        if self.repeats.borrow().len() >= self.kept {
            self.more_repeats.set(self.more_repeats.get() + 1);
            return;
        }
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
            first_line: first_offset,
            line: self.offset_of(key),
        });
    }
}

/// Reads one value; `true` for the list whose items go to the caller.
struct ValueSeed<'r, 'a, 'c>(&'r Reader<'a, 'c>, bool);

impl<'a> DeserializeSeed<'a> for ValueSeed<'_, 'a, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor(self.0, self.1))
    }
}

struct ValueVisitor<'r, 'a, 'c>(&'r Reader<'a, 'c>, bool);

impl<'a> Visitor<'a> for ValueVisitor<'_, 'a, '_> {
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
        for index in 0.. {
            let repeats_before = self.0.repeat_count();
            let next = self.0.with_step(PathStep::Index(index), || {
                seq.next_element_seed(ValueSeed(self.0, false))
            })?;
            match next {
                Some(value) if self.1 => {
                    let has_repeats = self.0.repeat_count() > repeats_before;
                    self.0.listener.borrow_mut().item(Item {
                        index,
                        value,
                        has_repeats,
                    });
                }
                Some(value) => out.push(value),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        // Where each key was first seen, for the message about a repeat.
        let mut seen = Seen::default();
        let top = self.0.path.borrow().is_empty();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let first = seen.get(&key);
            let stream = top && first.is_none() && key == self.0.list;
            let value = self.0.with_step(PathStep::Key(key.clone()), || {
                map.next_value_seed(ValueSeed(self.0, stream))
            })?;
            match first {
                Some(first_offset) => self.0.note_repeat(&key, first_offset),
                None => {
                    if top && !stream {
                        self.0.listener.borrow_mut().field(&key, &value);
                    }
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
mod tests;
