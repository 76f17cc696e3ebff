//! One component per screen.

pub(crate) mod home;
mod progress;
mod round;
mod settings;
mod setup;
mod shelf;

pub use home::{HomeScreen, ParkedCard};
pub use progress::ProgressScreen;
pub use round::{question_parts, RoundScreen};
pub use settings::SettingsScreen;
pub use setup::SetupScreen;
pub use shelf::ShelfScreen;
