//! Reusable reactive logic, each hook returning a named struct.

mod use_banks;
mod use_saved;

pub use use_banks::{use_banks, UseBanks};
pub use use_saved::{use_saved, StartReport, UseSaved};
