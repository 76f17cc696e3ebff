//! `quizzes/index.json`: the list of banks the app offers, written by `anxin-bank index`.
//!
//! The home screen renders from the index alone; a bank's file is fetched only when needed, with
//! its content hash in the URL so a cache can tell when it changed.

use super::{Bank, BankId, Topic, FORMAT_VERSION};
use crate::domain::text::LocalText;
use serde::{Deserialize, Serialize};

/// One bank as listed in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    /// The bank's id.
    pub id: BankId,
    /// Its file name in `quizzes/`.
    pub file: String,
    /// What it teaches.
    pub topic: Topic,
    /// The bank's own version number.
    pub version: u64,
    /// FNV-1a 64 of the file's bytes, in hex: changes whenever the file does.
    pub hash: String,
    /// How many questions the file holds.
    pub questions: usize,
    /// Title for the home screen.
    pub title: LocalText,
    /// Description for the home screen.
    pub description: LocalText,
}

/// The whole index file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankIndex {
    /// The bank format version.
    pub format: u64,
    /// The banks offered, in the order shown.
    pub banks: Vec<IndexEntry>,
}

/// Why the index could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    /// The JSON is broken or has the wrong shape.
    #[error("index.json is not valid: {0}")]
    Invalid(String),
    /// Written for another format version.
    #[error("index.json is format {0}; this app reads format {FORMAT_VERSION}")]
    UnsupportedFormat(u64),
}

impl BankIndex {
    /// Parses `index.json`.
    pub fn parse(text: &str) -> Result<BankIndex, IndexError> {
        let index: BankIndex =
            serde_json::from_str(text).map_err(|e| IndexError::Invalid(e.to_string()))?;
        if index.format != FORMAT_VERSION {
            return Err(IndexError::UnsupportedFormat(index.format));
        }
        Ok(index)
    }

    /// Builds the index from checked banks and the bytes of their files, ordered by topic then id.
    pub fn build(banks: &[(&Bank, &[u8])]) -> BankIndex {
        let mut entries: Vec<IndexEntry> = banks
            .iter()
            .map(|(bank, bytes)| IndexEntry {
                id: bank.id.clone(),
                file: format!("{}.json", bank.id),
                topic: bank.topic,
                version: bank.version,
                hash: content_hash(bytes),
                questions: bank.questions.len(),
                title: bank.title.clone(),
                description: bank.description.clone(),
            })
            .collect();
        entries.sort_by(|a, b| (a.topic, &a.id).cmp(&(b.topic, &b.id)));
        BankIndex {
            format: FORMAT_VERSION,
            banks: entries,
        }
    }

    /// The index with `bank` (whose file is `bytes`) added, or its entry replaced; the order is
    /// topic then id, as `build` gives.
    pub fn with_bank(&self, bank: &Bank, bytes: &[u8]) -> BankIndex {
        let mut banks = self.banks.clone();
        banks.retain(|e| e.id != bank.id);
        let fresh = BankIndex::build(&[(bank, bytes)]);
        banks.extend(fresh.banks);
        banks.sort_by(|a, b| (a.topic, &a.id).cmp(&(b.topic, &b.id)));
        BankIndex {
            format: FORMAT_VERSION,
            banks,
        }
    }

    /// The index as pretty JSON, as written to `quizzes/index.json`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}")) + "\n"
    }

    /// The entry for a bank id.
    pub fn entry(&self, id: &BankId) -> Option<&IndexEntry> {
        self.banks.iter().find(|e| &e.id == id)
    }
}

/// FNV-1a 64-bit hash of `bytes`, as 16 hex digits. Not cryptographic: only tells versions apart.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_fnv1a() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn rejects_unknown_format_and_fields() {
        assert_eq!(
            BankIndex::parse(r#"{"format":2,"banks":[]}"#),
            Err(IndexError::UnsupportedFormat(2))
        );
        assert!(BankIndex::parse(r#"{"format":1,"banks":[],"extra":1}"#).is_err());
        assert!(BankIndex::parse(r#"{"format":1,"banks":[]}"#).is_ok());
    }
}
