//! The bank library: fetches `quizzes/index.json`, then every bank it lists, one after another in
//! the background, checking each with the validator. A bank with errors is never offered.

use crate::domain::bank::{parse_bank_on_device, Bank, BankId, BankIndex, IndexEntry};
use crate::domain::date::Date;
use crate::domain::text::Lang;
use crate::platform::fetch::{fetch_bytes, CacheMode};
use crate::platform::{log, page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the banks live, relative to the page.
pub const QUIZ_DIR: &str = "quizzes/";

/// What is known of the bank index.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexState {
    /// Still fetching.
    Loading,
    /// Loaded.
    Ready(BankIndex),
    /// Could not be fetched or read.
    Failed,
}

/// What is known of one bank.
#[derive(Debug, Clone, PartialEq)]
pub enum BankState {
    /// Being fetched or waiting its turn.
    Loading,
    /// Fetched and valid.
    Ready(Arc<Bank>),
    /// Could not be fetched (network, missing file); may be retried.
    Failed,
    /// Fetched but has content errors: not offered.
    Invalid {
        /// How many errors the validator found.
        errors: usize,
    },
}

impl BankState {
    /// Whether a bank in this state is offered as a topic (home and setup screens) on `today`: not
    /// while it has content errors, nor once loaded with no question current today (all expired,
    /// or the device's clock is far off), which is not a customer's problem to hear about. A bank
    /// still loading or that failed to download is offered (the card waits or retries).
    pub fn is_offered(&self, today: Date) -> bool {
        match self {
            BankState::Invalid { .. } => false,
            BankState::Ready(bank) => bank.current_questions(today).next().is_some(),
            BankState::Loading | BankState::Failed => true,
        }
    }
}

/// The bank library's signals and actions.
#[derive(Debug, Clone, Copy)]
pub struct UseBanks {
    /// The index.
    pub index: Signal<IndexState>,
    /// Every listed bank's state.
    pub banks: Signal<HashMap<BankId, BankState>>,
    /// Fetches the index (and then the banks) again.
    pub reload: Callback<()>,
    /// Fetches one bank again.
    pub retry: Callback<IndexEntry>,
}

async fn fetch_index() -> IndexState {
    let url = format!("{QUIZ_DIR}index.json");
    let bytes = match fetch_bytes(&url, CacheMode::Revalidate).await {
        Ok(bytes) => bytes,
        Err(e) => {
            log::warn(&e.to_string());
            return IndexState::Failed;
        }
    };
    match BankIndex::parse(&String::from_utf8_lossy(&bytes)) {
        Ok(index) => IndexState::Ready(index),
        Err(e) => {
            log::warn(&e.to_string());
            IndexState::Failed
        }
    }
}

async fn fetch_bank(entry: &IndexEntry) -> BankState {
    let url = format!("{QUIZ_DIR}{}?v={}", entry.file, entry.hash);
    let bytes = match fetch_bytes(&url, CacheMode::Default).await {
        Ok(bytes) => bytes,
        Err(e) => {
            log::warn(&e.to_string());
            return BankState::Failed;
        }
    };
    // Content only: expiry depends on the device's clock, which may be wrong, so it is never a
    // content error here; expired questions are simply not drawn.
    let report = parse_bank_on_device(&entry.file, &bytes);
    for problem in &report.problems {
        // For the front-end team's console; customers see a short notice only.
        log::warn(&problem.line(Lang::En));
    }
    let errors = report.error_count();
    match report.bank {
        Some(bank) => {
            let today = page::today();
            let hidden = bank.questions.len() - bank.current_questions(today).count();
            if hidden > 0 {
                // For the console only: customers just see fewer (or no) questions of this topic.
                log::warn(&format!(
                    "{}: {hidden} of {} questions have expired as of {today} (Beijing date) and are not offered; if that is all of them, check the device clock or the bank's valid_until",
                    entry.file,
                    bank.questions.len()
                ));
            }
            BankState::Ready(Arc::new(bank))
        }
        None => BankState::Invalid { errors },
    }
}

/// Starts loading the library; `on_settled` hears about every bank once its fetch ends, with
/// whether that was the last bank still loading.
pub fn use_banks(on_settled: Callback<(IndexEntry, BankState, bool)>) -> UseBanks {
    let index = RwSignal::new(IndexState::Loading);
    let banks = RwSignal::new(HashMap::<BankId, BankState>::new());

    let load_one = move |entry: IndexEntry| async move {
        banks.update(|b| {
            b.insert(entry.id.clone(), BankState::Loading);
        });
        let state = fetch_bank(&entry).await;
        let mut all_done = false;
        banks.update(|b| {
            b.insert(entry.id.clone(), state.clone());
            all_done = b.values().all(|s| !matches!(s, BankState::Loading));
        });
        on_settled.run((entry, state, all_done));
    };

    let reload = Callback::new(move |()| {
        index.set(IndexState::Loading);
        spawn_local(async move {
            let loaded = fetch_index().await;
            let entries = match &loaded {
                IndexState::Ready(i) => i.banks.clone(),
                _ => Vec::new(),
            };
            banks.set(
                entries
                    .iter()
                    .map(|e| (e.id.clone(), BankState::Loading))
                    .collect(),
            );
            index.set(loaded);
            // One at a time: the first bank is ready soonest, and a slow line is not flooded.
            for entry in entries {
                load_one(entry).await;
            }
        });
    });
    let retry = Callback::new(move |entry: IndexEntry| spawn_local(load_one(entry)));
    reload.run(());

    UseBanks {
        index: index.into(),
        banks: banks.into(),
        reload,
        retry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::parse_bank_on_device;

    #[test]
    fn a_loaded_bank_with_no_current_question_is_not_offered() {
        let text = std::fs::read_to_string("quizzes/rights.json").unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for q in value["questions"].as_array_mut().unwrap() {
            q["valid_until"] = "2026-01-31".into();
        }
        let bytes = serde_json::to_vec(&value).unwrap();
        let bank = Arc::new(parse_bank_on_device("rights.json", &bytes).bank.unwrap());
        let ready = BankState::Ready(bank);
        assert!(ready.is_offered(Date::new(2026, 1, 31).unwrap()));
        assert!(!ready.is_offered(Date::new(2026, 2, 1).unwrap()));
        assert!(!BankState::Invalid { errors: 1 }.is_offered(Date::new(2026, 1, 1).unwrap()));
        assert!(BankState::Loading.is_offered(Date::new(2026, 2, 1).unwrap()));
    }
}
