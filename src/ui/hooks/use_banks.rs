//! The bank loader: fetches `quizzes/index.json`, then every bank it lists, all at once in the
//! background, checking each with the validator as it arrives, and reports each step to the app
//! model (which keeps the index, the banks and their status, whatever order the banks come in). A
//! bank with errors is never offered.
//!
//! `index.html` preloads `quizzes/index.json` (`<link rel="preload" as="fetch" crossorigin>`), so the
//! index's request here is answered by the download the page started beside the wasm's.

use crate::domain::app::{BankLoad, Event};
use crate::domain::bank::{parse_bank_on_device, BankIndex, IndexEntry};
use crate::platform::fetch::{fetch_bytes, CacheMode};
use crate::platform::{log, page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Where the banks live, relative to the page.
pub const QUIZ_DIR: &str = "quizzes/";

/// The bank loader's actions.
#[derive(Debug, Clone, Copy)]
pub struct UseBanks {
    /// Fetches the index (and then the banks) again.
    pub reload: Callback<()>,
    /// Fetches one bank again.
    pub retry: Callback<IndexEntry>,
}

async fn fetch_index() -> Option<BankIndex> {
    let url = format!("{QUIZ_DIR}index.json");
    let bytes = match fetch_bytes(&url, CacheMode::Revalidate).await {
        Ok(bytes) => bytes,
        Err(e) => {
            log::warn(&e.to_string());
            return None;
        }
    };
    BankIndex::parse(&String::from_utf8_lossy(&bytes))
        .map_err(|e| log::warn(&e.to_string()))
        .ok()
}

async fn fetch_bank(entry: &IndexEntry) -> BankLoad {
    let url = format!("{QUIZ_DIR}{}?v={}", entry.file, entry.hash);
    let fetched = fetch_bytes(&url, CacheMode::Default).await;
    // Checking a bank, or telling of one that failed, is not part of the start-up wasm: it waits
    // until the rest of the app is in. Then each bank in a task of its own: banks that arrived
    // before the rest would all be checked in the task it came in (one of 55–80 ms at 4× CPU).
    page::rest_loaded().await;
    page::next_task().await;
    let bytes = match fetched {
        Ok(bytes) => bytes,
        Err(e) => {
            log::warn(&e.to_string());
            return BankLoad::Failed;
        }
    };
    // Content only: expiry depends on the device's clock, which may be wrong, so it is never a
    // content error here; expired questions are simply not drawn.
    let report = parse_bank_on_device(&entry.file, &bytes);
    let errors = report.error_count();
    if !report.problems.is_empty() {
        // For the front-end team's console; customers see a short notice only. Counts, not the
        // problems' wording: the wording (both languages, every kind) would cost the phone ~4 KB
        // of brotli-compressed wasm (`make bench`), and `anxin-bank check` names each problem.
        log::warn(&format!(
            "{}: {errors} errors, {} warnings; `anxin-bank check` names each",
            entry.file,
            report.problems.len() - errors
        ));
    }
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
            BankLoad::Ready(Arc::new(bank))
        }
        None => BankLoad::Invalid { errors },
    }
}

/// Starts loading the banks: the index, then every bank it lists, all at once in the background.
/// `on_event` hears each step (as app-model events, each bank's as it settles); the state lives in
/// the model.
pub fn use_banks(on_event: Callback<Event>) -> UseBanks {
    let load_one = move |entry: IndexEntry| async move {
        let load = fetch_bank(&entry).await;
        // Checking a bank and showing it are two tasks, each under 50 ms at 4× CPU (`make bench`,
        // phone profile: the largest bank took one 54 ms task), so a tap is never held up by both.
        page::next_task().await;
        on_event.run(Event::BankLoaded(entry, load));
    };
    let reload = Callback::new(move |()| {
        on_event.run(Event::IndexLoading);
        spawn_local(async move {
            let index = fetch_index().await;
            let entries = index.as_ref().map(|i| i.banks.clone()).unwrap_or_default();
            on_event.run(Event::IndexLoaded(index));
            // All at once: on a slow line each request costs a round trip, which in parallel is paid
            // once (`make bench`, phone profile: every bank loaded 6.1 s → 4.2 s). Each bank is
            // checked and reported when its bytes arrive, in whatever order they do.
            for entry in entries {
                spawn_local(load_one(entry));
            }
        });
    });
    let retry = Callback::new(move |entry: IndexEntry| {
        on_event.run(Event::BankLoading(entry.id.clone()));
        spawn_local(load_one(entry));
    });
    // In a task of its own: the first event applied runs much of the model's code for the first
    // time, which the browser compiles as it is first called, and the page's first task has
    // enough of its own (issue 11: a task of 50–61 ms at 4× CPU). The index's bytes are on their
    // way already (`index.html` preloads it), so the request is not later for it.
    page::in_next_task(move || reload.run(()));
    UseBanks { reload, retry }
}
