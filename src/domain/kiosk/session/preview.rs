//! The kiosk model on one question, outside the kiosk: the content desk's preview of a question as
//! the kiosk's answering screen shows it. Never reached from the kiosk's own page.

use super::{KioskModel, KioskRound, Screen};
use crate::domain::bank::Bank;
use crate::domain::kiosk::{KioskOverrides, TopicChoice};
use crate::domain::session::Session;
use crate::domain::text::Lang;
use std::sync::Arc;

impl KioskModel {
    /// A kiosk with the built-in settings and `bank` alone, answering `session` (drawn from it)
    /// in `lang`, elder mode `elder`, as if the customer had chosen the bank's topic.
    pub fn preview(bank: Arc<Bank>, session: Session, lang: Lang, elder: bool) -> KioskModel {
        let mut model = KioskModel::new(KioskOverrides::default(), KioskOverrides::default());
        let choice = TopicChoice::Topic(bank.topic);
        model.library.insert(bank);
        model.lang = lang;
        model.elder = elder;
        model.screen = Screen::Answering(Box::new(KioskRound {
            choice,
            session,
            started_ms: 0.0,
        }));
        model
    }
}
