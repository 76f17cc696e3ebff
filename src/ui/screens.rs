//! One component per screen.

pub(crate) mod home;
mod progress;
mod quiz;
mod settings;
mod setup;
mod shelf;

pub use home::HomeScreen;
pub use progress::ProgressScreen;
pub use quiz::QuizScreen;
pub use settings::SettingsScreen;
pub use setup::SetupScreen;
pub use shelf::ShelfScreen;
