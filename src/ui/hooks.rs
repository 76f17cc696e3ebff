//! Reusable reactive logic, each hook returning a named struct.

mod use_banks;

pub use use_banks::{use_banks, BankState, IndexState, UseBanks};
