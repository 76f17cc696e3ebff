//! The pure core of Anxin: banks, questions, quiz sessions, scoring, dates and the words of the
//! interface. Plain Rust only: no `leptos`, `web_sys`, `wasm_bindgen` or `gloo` (a host test
//! enforces this), so all of it is tested natively with `cargo test`.
//!
//! The modules form layers, and a module imports only from layers below its own (checked by
//! `tests/layering.rs`), lowest first: `text`, `date`, `rng`, `order`, `stopwatch`; `bank`; `i18n`;
//! `plan`; `session`; `score`; `history`; `progress`; `library`; then `saved`, `link`, `speech`
//! and `report`; then the pages' models, `app`, `kiosk` and `contest`.

pub mod app;
pub mod bank;
pub mod catalog;
pub mod contest;
pub mod date;
pub mod desk;
pub mod history;
pub mod i18n;
pub mod kiosk;
pub mod library;
pub mod link;
pub mod order;
pub mod plan;
pub mod progress;
pub mod report;
pub mod rng;
pub mod saved;
pub mod score;
pub mod session;
pub mod speech;
pub mod stopwatch;
pub mod text;
