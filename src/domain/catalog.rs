//! What the bank index lists and how far each listed bank has got: loading, ready, failed to
//! download, or refused for content errors. The banks themselves (the ready ones) live in the
//! `Library`; this is the status board the home and setup screens read to decide what to offer.

use crate::domain::bank::{BankId, BankIndex, IndexEntry, Topic};
use crate::domain::date::Date;
use crate::domain::library::Library;
use crate::domain::text::LocalText;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What is known of the bank index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum IndexState {
    /// Still fetching.
    #[default]
    Loading,
    /// Loaded. Shared: the screens keep a copy of the catalogue as it changes, and two copies
    /// compare it by address first.
    Ready(Arc<BankIndex>),
    /// Could not be fetched or read.
    Failed,
}

/// How far one listed bank has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankStatus {
    /// Being fetched or waiting its turn.
    Loading,
    /// Fetched and valid: it is in the library.
    Ready,
    /// Could not be fetched (network, missing file); may be retried.
    Failed,
    /// Fetched but has content errors: never offered.
    Invalid {
        /// How many errors the validator found.
        errors: usize,
    },
}

/// The index and every listed bank's status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    index: IndexState,
    banks: BTreeMap<BankId, BankStatus>,
}

impl Catalog {
    /// The index as loaded so far.
    pub fn index(&self) -> &IndexState {
        &self.index
    }

    /// The banks the index lists, in its order (none until it has loaded).
    pub fn entries(&self) -> &[IndexEntry] {
        match &self.index {
            IndexState::Ready(index) => &index.banks,
            IndexState::Loading | IndexState::Failed => &[],
        }
    }

    /// The index is being fetched (again): nothing is listed until it arrives.
    pub fn index_loading(&mut self) {
        self.index = IndexState::Loading;
        self.banks.clear();
    }

    /// The index arrived (every bank it lists starts loading), or could not be had (`None`).
    pub fn index_loaded(&mut self, index: Option<BankIndex>) {
        self.banks = index
            .iter()
            .flat_map(|i| &i.banks)
            .map(|e| (e.id.clone(), BankStatus::Loading))
            .collect();
        self.index = index.map_or(IndexState::Failed, |index| {
            IndexState::Ready(Arc::new(index))
        });
    }

    /// Sets one bank's status.
    pub fn set(&mut self, bank: &BankId, status: BankStatus) {
        self.banks.insert(bank.clone(), status);
    }

    /// A bank's status (none if the index does not list it).
    pub fn status(&self, bank: &BankId) -> Option<BankStatus> {
        self.banks.get(bank).copied()
    }

    /// Whether any listed bank is still loading.
    pub fn any_loading(&self) -> bool {
        self.banks.values().any(|s| *s == BankStatus::Loading)
    }

    /// Whether every listed bank has settled (ready, failed or refused) and at least one is ready:
    /// what the daily set and "continue" wait for.
    pub fn all_settled(&self) -> bool {
        !self.any_loading() && self.banks.values().any(|s| *s == BankStatus::Ready)
    }

    /// Whether `bank` is offered as a topic on `today`: not while it has content errors, nor once
    /// loaded with no question current today (all expired, or the device's clock is far off),
    /// which is not a customer's problem to hear about. A bank still loading or that failed to
    /// download is offered (its card waits or retries).
    pub fn is_offered(&self, bank: &BankId, library: &Library, today: Date) -> bool {
        match self.status(bank) {
            Some(BankStatus::Invalid { .. }) => false,
            Some(BankStatus::Ready) => library
                .bank(bank)
                .is_some_and(|b| b.current_questions(today).next().is_some()),
            Some(BankStatus::Loading | BankStatus::Failed) | None => true,
        }
    }

    /// The listed banks not offered on `today`, sorted.
    pub fn hidden(&self, library: &Library, today: Date) -> Vec<BankId> {
        self.banks
            .keys()
            .filter(|id| !self.is_offered(id, library, today))
            .cloned()
            .collect()
    }

    /// The topics offered on `today`, each once, in index order.
    pub fn topics_offered(&self, library: &Library, today: Date) -> Vec<Topic> {
        let mut topics: Vec<Topic> = Vec::new();
        for entry in self.entries() {
            if self.is_offered(&entry.id, library, today) && !topics.contains(&entry.topic) {
                topics.push(entry.topic);
            }
        }
        topics
    }
}

/// One topic on the home screen: what its usable banks hold together.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicSummary {
    /// The topic.
    pub topic: Topic,
    /// Questions in its banks.
    pub questions: usize,
    /// Its banks' descriptions, in index order.
    pub descriptions: Vec<LocalText>,
}

/// The topics of `entries` in the index's order (a topic where its first bank is listed), leaving
/// out the banks in `hidden` (not offered: content errors, nothing current); a topic with several banks is one entry.
pub fn topic_summaries(entries: &[IndexEntry], hidden: &[BankId]) -> Vec<TopicSummary> {
    let mut topics: Vec<TopicSummary> = Vec::new();
    for entry in entries.iter().filter(|e| !hidden.contains(&e.id)) {
        match topics.iter_mut().find(|t| t.topic == entry.topic) {
            Some(t) => {
                t.questions += entry.questions;
                t.descriptions.push(entry.description.clone());
            }
            None => topics.push(TopicSummary {
                topic: entry.topic,
                questions: entry.questions,
                descriptions: vec![entry.description.clone()],
            }),
        }
    }
    topics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::parse_bank_on_device;
    use crate::domain::text::LocalText;
    use std::sync::Arc;

    fn rights_expiring(until: &str) -> Arc<crate::domain::bank::Bank> {
        let text = std::fs::read_to_string("quizzes/rights.json").unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for q in value["questions"].as_array_mut().unwrap() {
            q["valid_until"] = until.into();
        }
        let bytes = serde_json::to_vec(&value).unwrap();
        Arc::new(parse_bank_on_device("rights.json", &bytes).bank.unwrap())
    }

    #[test]
    fn a_loaded_bank_with_no_current_question_is_not_offered() {
        let bank = rights_expiring("2026-01-31");
        let id = bank.id.clone();
        let mut library = Library::default();
        library.insert(bank);
        let mut catalog = Catalog::default();
        catalog.set(&id, BankStatus::Ready);
        assert!(catalog.is_offered(&id, &library, Date::new(2026, 1, 31).unwrap()));
        assert!(!catalog.is_offered(&id, &library, Date::new(2026, 2, 1).unwrap()));
        assert_eq!(
            catalog.hidden(&library, Date::new(2026, 2, 1).unwrap()),
            vec![id.clone()]
        );
        catalog.set(&id, BankStatus::Invalid { errors: 1 });
        assert!(!catalog.is_offered(&id, &library, Date::new(2026, 1, 1).unwrap()));
        catalog.set(&id, BankStatus::Loading);
        assert!(catalog.is_offered(&id, &Library::default(), Date::new(2026, 2, 1).unwrap()));
    }

    #[test]
    fn the_banks_settle_once_none_is_loading_and_one_is_ready() {
        let index =
            BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap();
        let ids: Vec<BankId> = index.banks.iter().map(|e| e.id.clone()).collect();
        let mut catalog = Catalog::default();
        catalog.index_loaded(Some(index));
        assert!(catalog.any_loading() && !catalog.all_settled());
        for id in &ids {
            catalog.set(id, BankStatus::Failed);
        }
        assert!(
            !catalog.any_loading() && !catalog.all_settled(),
            "nothing ready"
        );
        catalog.set(&ids[0], BankStatus::Ready);
        assert!(catalog.all_settled());
        catalog.index_loading();
        assert_eq!(catalog.entries().len(), 0);
        assert_eq!(catalog.index(), &IndexState::Loading);
    }

    fn entry(id: &str, topic: Topic, questions: usize) -> IndexEntry {
        IndexEntry {
            id: BankId::from(id),
            file: format!("{id}.json"),
            topic,
            version: 1,
            hash: String::new(),
            questions,
            title: LocalText::new(format!("{id} 题库"), format!("The {id} bank")),
            description: LocalText::new(id, id),
        }
    }

    #[test]
    fn home_lists_each_topic_once_in_index_order_without_hidden_banks() {
        let entries = [
            entry("rights", Topic::Rights, 5),
            entry("fraud", Topic::Fraud, 64),
            entry("fraud-local", Topic::Fraud, 6),
            entry("broken", Topic::Privacy, 9),
        ];
        let summaries = topic_summaries(&entries, &[BankId::from("broken")]);
        let topics: Vec<(Topic, usize)> =
            summaries.iter().map(|s| (s.topic, s.questions)).collect();
        assert_eq!(topics, [(Topic::Rights, 5), (Topic::Fraud, 70)]);
        assert_eq!(summaries[1].descriptions.len(), 2);
    }
}
