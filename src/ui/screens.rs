//! One component per screen.

mod home;
mod quiz;

pub use home::HomeScreen;
pub use quiz::QuizScreen;
