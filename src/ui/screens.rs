//! One component per screen.

mod home;
mod quiz;
mod settings;
mod shelf;

pub use home::HomeScreen;
pub use quiz::QuizScreen;
pub use settings::SettingsScreen;
pub use shelf::ShelfScreen;
