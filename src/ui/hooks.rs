//! Reusable reactive logic, each hook returning a named struct (or nothing, when it only keeps
//! the outside world in step).

mod set_changed;
mod use_app;
mod use_back_button;
mod use_banks;
pub mod use_rehearsal;
mod use_saved;
mod use_scoped;
mod use_ticker;

pub use set_changed::set_changed;
pub use use_app::{use_app, Clock, UseApp};
pub use use_back_button::use_back_button;
pub use use_banks::{use_banks, UseBanks};
pub use use_saved::{use_saved, StartReport, UseSaved};
pub use use_scoped::{use_memo, use_scoped};
pub use use_ticker::use_ticker;
