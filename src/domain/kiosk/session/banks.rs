//! The kiosk model and its banks: the questions a session draws, banks that arrive during a
//! session (kept until it ends, so its questions stay as they were), and the attract screen's tips.

use super::{tips, KioskEnv, KioskModel};
use crate::domain::bank::{BankId, Question, Topic};
use crate::domain::date::Date;
use crate::domain::kiosk::stats::BankVersions;
use crate::domain::kiosk::TopicChoice;
use crate::domain::plan::{Order, Plan};
use crate::domain::rng::Rng;
use crate::domain::session::{Practice, Session};
use std::collections::BTreeMap;

impl KioskModel {
    /// The version of every bank in use, for counting outcomes (`KioskStats::record`).
    pub fn bank_versions(&self) -> BankVersions {
        self.library
            .banks()
            .map(|bank| (bank.id.clone(), bank.version))
            .collect()
    }

    /// The current questions of `topics` for the kiosk's audience (bank id, then file order).
    pub(super) fn pool(&self, topics: &[Topic], now_ms: f64) -> Vec<(&BankId, &Question)> {
        let mut plan = Plan::practice(topics.to_vec());
        plan.audience = self.settings.audience;
        plan.order = Order::Random;
        self.library.pool(&plan, Date::beijing_from_unix_ms(now_ms))
    }

    /// A session for `choice`: `questions_per_session` questions drawn at random, spread over
    /// the topics for "a bit of everything" (each topic's first before any topic's second).
    pub(super) fn draw(&self, choice: TopicChoice, env: &KioskEnv) -> Option<Session> {
        let topics = match choice {
            TopicChoice::Topic(topic) if self.settings.topics.contains(&topic) => vec![topic],
            TopicChoice::Topic(_) => return None,
            TopicChoice::Mixed => self.settings.topics.clone(),
        };
        let mut pool = self.pool(&topics, env.now_ms);
        Rng::new(env.seed).shuffle(&mut pool);
        let mut drawn: BTreeMap<Option<Topic>, usize> = BTreeMap::new();
        let mut ranked: Vec<_> = pool
            .into_iter()
            .map(|(bank, question)| {
                let topic = self.library.bank(bank).map(|b| b.topic);
                let seen = drawn.entry(topic).or_default();
                *seen += 1;
                (*seen, (bank, question))
            })
            .collect();
        ranked.sort_by_key(|(seen, _)| *seen);
        let count = usize::try_from(self.settings.questions_per_session).unwrap_or(usize::MAX);
        let pool = ranked.into_iter().take(count).map(|(_, q)| q).collect();
        Practice::from_pool(pool, env.seed)
            .ok()
            .map(Session::Practice)
    }

    /// Adds the banks that arrived during a session, and derives the tips again.
    pub(super) fn add_waiting(&mut self, now_ms: f64) {
        for bank in std::mem::take(&mut self.waiting) {
            self.library.insert(bank);
        }
        self.derive_tips(now_ms);
    }

    pub(super) fn derive_tips(&mut self, now_ms: f64) {
        let today = Date::beijing_from_unix_ms(now_ms);
        let questions = self.library.current_questions(today);
        let questions = questions.into_iter().filter_map(|(bank, question)| {
            let topic = self.library.bank(bank)?.topic;
            Some((topic, bank.as_str(), question))
        });
        self.tips = tips(questions, &self.settings);
    }
}
