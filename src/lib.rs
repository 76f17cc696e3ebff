//! Anxin (安心答): a financial-safety quiz and learning app, as a library so that tests reach
//! every part of it.
//!
//! Three layers: `domain` (pure Rust, tested natively), `platform` (the only code that touches the
//! browser) and `ui` (Leptos components).

pub mod domain;
pub mod platform;
pub mod ui;
