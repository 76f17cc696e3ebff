//! The app model driven through events, natively: the helpers here; `start` (deep links, resuming,
//! banks, setup, notices) and `rounds` (parking, the time taken, leaving, the timer, double taps,
//! another round, titles).

use super::*;
use crate::domain::bank::parse_bank_on_device;
use crate::domain::bank::{Bank, BankIndex, OptionId, Topic};
use crate::domain::history::RoundLabel;
use crate::domain::i18n::Msg;
use crate::domain::link::Link;
use crate::domain::text::Lang;
use std::sync::Arc;

/// The outside world of one test: the clock, the seed, the learner's records.
struct World {
    now_ms: f64,
    seed: u64,
    progress: Progress,
    settings: Settings,
    written: Vec<Persist>,
}

const DAY: &str = "2026-12-05";

impl World {
    fn new() -> World {
        World {
            now_ms: 1_000_000.0,
            seed: 42,
            progress: Progress::default(),
            settings: Settings::default(),
            written: Vec::new(),
        }
    }

    fn env(&self) -> Env<'_> {
        Env {
            today: Date::parse(DAY).unwrap(),
            now_ms: self.now_ms,
            seed: self.seed,
            progress: &self.progress,
            settings: &self.settings,
        }
    }

    /// Applies `event`, keeps what it wrote, and returns that.
    fn send(&mut self, model: &mut AppModel, event: Event) -> Vec<Persist> {
        let out = model.apply(event, &self.env());
        self.written.extend(out.clone());
        out
    }

    fn wait(&mut self, ms: f64) {
        self.now_ms += ms;
    }
}

fn index() -> BankIndex {
    BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap()
}

fn bank(entry: &IndexEntry) -> Arc<Bank> {
    let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
    Arc::new(parse_bank_on_device(&entry.file, &bytes).bank.unwrap())
}

/// Every bank arrives, in index order.
fn load_all(world: &mut World, model: &mut AppModel) {
    world.send(model, Event::IndexLoaded(Some(index())));
    for entry in index().banks {
        let bank = bank(&entry);
        world.send(model, Event::BankLoaded(entry, BankLoad::Ready(bank)));
    }
}

fn loaded(world: &mut World) -> AppModel {
    let mut model = AppModel::new(Start::default());
    load_all(world, &mut model);
    model
}

fn round(model: &AppModel) -> &ActiveRound {
    model.round().expect("a round on screen")
}

/// The right options of the question shown.
fn right_answer(model: &AppModel) -> Vec<OptionId> {
    let (_, item) = round(model).session.shown().unwrap();
    model
        .library()
        .question(&item.bank, &item.question)
        .unwrap()
        .answer
        .clone()
}

/// Answers the practice question shown (rightly or not) and checks it.
fn answer_practice(world: &mut World, model: &mut AppModel, right: bool) {
    let answer = right_answer(model);
    let (_, item) = round(model).session.shown().unwrap();
    let pick = if right {
        answer
    } else {
        let wrong = item.options.iter().find(|o| !answer.contains(o)).unwrap();
        vec![wrong.clone()]
    };
    for option in pick {
        world.send(model, Event::Round(RoundAction::Toggle(option)));
    }
    world.send(model, Event::Round(RoundAction::Submit));
}

fn practice(topic: Topic) -> Plan {
    Plan::practice(vec![topic])
}

fn timed_quiz(seconds: u32) -> Plan {
    let mut plan = Plan::quiz(vec![Topic::Privacy]);
    plan.count = Some(3);
    plan.limit_seconds = Some(seconds);
    plan
}

fn saved_round(world: &mut World, plan: Plan, answered: usize) -> SavedRound {
    let mut model = loaded(world);
    world.send(&mut model, Event::StartPlan(plan));
    for _ in 0..answered {
        answer_practice(world, &mut model, true);
        world.send(&mut model, Event::Round(RoundAction::Next));
    }
    round(&model).saved(world.now_ms)
}

fn link(query: &[(&str, &str)]) -> Link {
    Link::parse(|name| {
        query
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    })
}

mod reload;
mod rounds;
mod start;
