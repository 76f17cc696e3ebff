//! One component per screen.

mod home;
mod quiz;
mod settings;
mod wrong_book;

pub use home::HomeScreen;
pub use quiz::QuizScreen;
pub use settings::SettingsScreen;
pub use wrong_book::WrongBookScreen;
