//! Export files: writing the counts, and reading them back only if every count adds up as
//! recording makes it; the merge of several kiosks' files.

use super::{KioskStats, STATS_SCHEMA};
use crate::domain::bank::BankId;
use serde_json::Value;
use std::collections::BTreeMap;

/// Why an export file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatsFileError {
    /// Not a statistics export.
    #[error("{file}: not a statistics export ({reason})")]
    Unreadable {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// Written by a newer version of Anxin.
    #[error("{file}: written by a newer version of Anxin (schema {version})")]
    Newer {
        /// The file.
        file: String,
        /// Its schema.
        version: u32,
    },
    /// Counts that no kiosk could have made.
    #[error("{file}: impossible counts: {field} ({detail})")]
    Impossible {
        /// The file.
        file: String,
        /// The field, as a path (`questions["fraud/q1"].right`).
        field: String,
        /// What does not add up.
        detail: String,
    },
    /// Counted with another version of a bank than an earlier file.
    #[error("{file}: bank {bank} is version {version} there, but version {other_version} in {other_file}")]
    BankVersion {
        /// The file refused.
        file: String,
        /// The bank.
        bank: BankId,
        /// Its version in that file.
        version: u64,
        /// The file that first had the bank.
        other_file: String,
        /// Its version there.
        other_version: u64,
    },
}

/// A count that does not add up: the field and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impossible {
    /// The field, as a path.
    pub field: String,
    /// What does not add up.
    pub detail: String,
}

fn sum<'a>(counts: impl IntoIterator<Item = &'a u32>) -> u64 {
    counts.into_iter().map(|&n| u64::from(n)).sum()
}

fn at_most(field: String, n: u32, what: &str, limit: u32) -> Result<(), Impossible> {
    if n > limit {
        return Err(Impossible {
            field,
            detail: format!("{n} is more than the {limit} {what}"),
        });
    }
    Ok(())
}

fn adds_up(field: &str, total: u64, what: &str, expected: u32) -> Result<(), Impossible> {
    if total != u64::from(expected) {
        return Err(Impossible {
            field: field.to_owned(),
            detail: format!("they add up to {total}, not the {expected} {what}"),
        });
    }
    Ok(())
}

impl KioskStats {
    /// Checks that the counts add up as recording makes them; names the first field that does not.
    pub fn check(&self) -> Result<(), Impossible> {
        at_most(
            "completed".into(),
            self.completed,
            "sessions started",
            self.started,
        )?;
        at_most("right".into(), self.right, "answers", self.answered)?;
        at_most("elder".into(), self.elder, "sessions started", self.started)?;
        at_most(
            "prizes_issued".into(),
            self.prizes_issued,
            "sessions completed",
            self.completed,
        )?;
        adds_up("hours", sum(&self.hours), "sessions started", self.started)?;
        adds_up(
            "days",
            sum(self.days.values()),
            "sessions started",
            self.started,
        )?;
        adds_up(
            "langs",
            sum([&self.langs.zh, &self.langs.en]),
            "sessions started",
            self.started,
        )?;
        if let (Some(since), Some((&first, _))) = (self.since, self.days.first_key_value()) {
            if first < since {
                let detail = format!("{first} is before the period's start, {since}");
                return Err(Impossible {
                    field: "days".into(),
                    detail,
                });
            }
        }
        let scored = self.scores.values().flatten();
        adds_up("scores", sum(scored), "sessions completed", self.completed)?;
        for (total, counts) in &self.scores {
            if counts.len() > *total as usize + 1 {
                let detail = format!("{} scores for sessions of {total} questions", counts.len());
                return Err(Impossible {
                    field: format!("scores[\"{total}\"]"),
                    detail,
                });
            }
        }
        let topics = self.topics.values();
        adds_up(
            "topics",
            sum(topics.map(|t| &t.sessions)),
            "sessions started",
            self.started,
        )?;
        for (key, t) in &self.topics {
            let field = |f: &str| format!("topics[\"{}\"].{f}", key.as_str());
            at_most(field("completed"), t.completed, "sessions", t.sessions)?;
            at_most(field("right"), t.right, "answers", t.answered)?;
        }
        let asked = sum(self.questions.values().map(|q| &q.asked));
        adds_up("questions", asked, "answers", self.answered)?;
        for (key, q) in &self.questions {
            let field = |f: &str| format!("questions[\"{key}\"].{f}");
            at_most(field("right"), q.right, "times asked", q.asked)?;
            adds_up(
                &field("wrong"),
                sum(q.wrong.values()),
                "wrong answers",
                q.asked - q.right,
            )?;
            let bank = key.split_once('/').map_or(key.as_str(), |(b, _)| b);
            if !self.banks.contains_key(&BankId::from(bank)) {
                let detail = format!("no version for its bank \"{bank}\"");
                return Err(Impossible {
                    field: field("asked"),
                    detail,
                });
            }
        }
        Ok(())
    }

    /// The export file: the raw counts, schema-versioned, for merging.
    pub fn to_json(&self) -> String {
        let value = serde_json::json!({ "v": STATS_SCHEMA, "data": self });
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    /// Reads an export file named `file`, refusing newer schemas and impossible counts.
    pub fn from_json(file: &str, text: &str) -> Result<KioskStats, StatsFileError> {
        let unreadable = |reason: String| StatsFileError::Unreadable {
            file: file.to_owned(),
            reason,
        };
        let raw: Value = serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))?;
        let version = raw
            .get("v")
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| unreadable("no schema version".into()))?;
        if version > STATS_SCHEMA {
            return Err(StatsFileError::Newer {
                file: file.to_owned(),
                version,
            });
        }
        let data = raw.get("data").cloned().unwrap_or(Value::Null);
        let stats: KioskStats =
            serde_json::from_value(data).map_err(|e| unreadable(e.to_string()))?;
        stats
            .check()
            .map_err(|Impossible { field, detail }| StatsFileError::Impossible {
                file: file.to_owned(),
                field,
                detail,
            })?;
        Ok(stats)
    }
}

/// Reads and merges export files, given as `(file name, text)`, in order. Refuses the first file
/// that is unreadable, impossible, or counted with another version of a bank than an earlier one.
pub fn merge_exports<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<KioskStats, StatsFileError> {
    let mut merged = KioskStats::default();
    let mut first_with: BTreeMap<BankId, &str> = BTreeMap::new();
    for (file, text) in files {
        let stats = KioskStats::from_json(file, text)?;
        if let Err(conflict) = merged.merge(&stats) {
            let other_file = first_with.get(&conflict.bank).copied().unwrap_or_default();
            return Err(StatsFileError::BankVersion {
                file: file.to_owned(),
                bank: conflict.bank,
                version: conflict.theirs,
                other_file: other_file.to_owned(),
                other_version: conflict.ours,
            });
        }
        for bank in stats.banks.keys() {
            first_with.entry(bank.clone()).or_insert(file);
        }
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kiosk::stats::tests::thirty;

    fn impossible_field(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&thirty().to_json()).unwrap();
        edit(&mut value["data"]);
        match KioskStats::from_json("b.json", &value.to_string()) {
            Err(StatsFileError::Impossible { file, field, .. }) if file == "b.json" => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_export_reads_back_the_same_counts() {
        let stats = thirty();
        assert_eq!(KioskStats::from_json("a.json", &stats.to_json()), Ok(stats));
    }

    #[test]
    fn impossible_counts_are_refused_naming_the_file_and_field() {
        assert_eq!(
            impossible_field(|d| d["completed"] = 31.into()),
            "completed"
        );
        assert_eq!(impossible_field(|d| d["hours"][0] = 1.into()), "hours");
        assert_eq!(
            impossible_field(|d| d["days"]["2025-03-01"] = 11.into()),
            "days"
        );
        assert_eq!(
            impossible_field(|d| d["questions"]["fraud/q1"]["right"] = 30.into()),
            "questions[\"fraud/q1\"].right"
        );
        assert_eq!(
            impossible_field(|d| d["questions"]["fraud/q1"]["wrong"]["b"] = 22.into()),
            "questions[\"fraud/q1\"].wrong"
        );
        assert_eq!(
            impossible_field(|d| d["topics"]["mixed"]["completed"] = 11.into()),
            "topics[\"mixed\"].completed"
        );
        assert_eq!(
            impossible_field(|d| d["prizes_issued"] = 26.into()),
            "prizes_issued"
        );
    }

    #[test]
    fn newer_and_unreadable_files_are_refused() {
        let newer = thirty().to_json().replacen("\"v\": 1", "\"v\": 2", 1);
        assert_eq!(
            KioskStats::from_json("n.json", &newer),
            Err(StatsFileError::Newer {
                file: "n.json".into(),
                version: 2
            })
        );
        let err = KioskStats::from_json("x.json", "{\"v\":1,\"data\":[]}").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.json: not a statistics export"),
            "{err}"
        );
    }

    #[test]
    fn merging_files_of_different_bank_versions_names_the_bank_both_versions_and_files() {
        let a = thirty().to_json();
        let mut other = thirty();
        other.banks.insert("fraud".into(), 5);
        let b = other.to_json();
        let err = merge_exports([("a.json", a.as_str()), ("b.json", b.as_str())]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.json: bank fraud is version 5 there, but version 2 in a.json"
        );
        let both = merge_exports([("a.json", a.as_str()), ("c.json", a.as_str())]).unwrap();
        assert_eq!(both.started, 60);
    }
}
