//! The kiosk model driven through events, natively: walk-up sessions, the idle warning and reset,
//! read-aloud, what a session leaves behind and what it must not.

use super::*;
use crate::domain::bank::{parse_bank_on_device, BankId, BankIndex, OptionId};

/// 2026-12-05 10:30 in Beijing (02:30 UTC), in Unix milliseconds.
fn morning() -> f64 {
    let days = Date::parse("2026-12-05").unwrap().days_since_epoch() as f64;
    days * 86_400_000.0 + 2.5 * 3_600_000.0
}

/// The outside world of one test: the clock, the seed, the prize code ready, what was written.
struct World {
    now_ms: f64,
    seed: u64,
    prize_code: Option<String>,
    written: Vec<KioskPersist>,
}

impl World {
    fn new() -> World {
        World {
            now_ms: morning(),
            seed: 7,
            prize_code: Some("K7-4821".into()),
            written: Vec::new(),
        }
    }

    fn send(&mut self, model: &mut KioskModel, event: Event) -> Vec<KioskPersist> {
        let env = KioskEnv {
            now_ms: self.now_ms,
            seed: self.seed,
            prize_code: self.prize_code.as_deref(),
        };
        let out = model.apply(event, &env);
        self.written.extend(out.clone());
        out
    }

    /// Lets `seconds` pass, then the clock ticks.
    fn wait(&mut self, model: &mut KioskModel, seconds: f64) -> Vec<KioskPersist> {
        self.now_ms += seconds * 1000.0;
        self.send(model, Event::Tick)
    }

    fn outcomes(&self) -> Vec<&Outcome> {
        self.written
            .iter()
            .filter_map(|p| match p {
                KioskPersist::Outcome(o) => Some(o),
                KioskPersist::Settings(_) => None,
            })
            .collect()
    }
}

fn banks() -> Vec<Arc<Bank>> {
    let text = std::fs::read_to_string("quizzes/index.json").unwrap();
    BankIndex::parse(&text)
        .unwrap()
        .banks
        .iter()
        .map(|entry| {
            let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
            Arc::new(parse_bank_on_device(&entry.file, &bytes).bank.unwrap())
        })
        .collect()
}

/// A kiosk with `deployment` settings and every bank loaded, on the attract screen.
fn kiosk_with(world: &mut World, deployment: KioskOverrides) -> KioskModel {
    let mut model = KioskModel::new(deployment, KioskOverrides::default());
    for bank in banks() {
        world.send(&mut model, Event::BankLoaded(bank));
    }
    model
}

fn kiosk(world: &mut World) -> KioskModel {
    kiosk_with(world, KioskOverrides::default())
}

/// A customer walks up and chooses `choice`.
fn begin(world: &mut World, model: &mut KioskModel, choice: TopicChoice) {
    world.send(model, Event::Touch);
    world.send(model, Event::Start);
    world.send(model, Event::ChooseTopic(choice));
    assert!(model.round().is_some(), "a session on screen");
}

fn session(model: &KioskModel) -> &Session {
    &model.round().expect("a session on screen").session
}

/// Ticks an answer to the question shown (right or wrong) and checks it.
fn check(world: &mut World, model: &mut KioskModel, right: bool) {
    let (_, item) = session(model).shown().unwrap();
    let question = model
        .library()
        .question(&item.bank, &item.question)
        .unwrap();
    let pick = if right {
        question.answer.clone()
    } else {
        let wrong = item.options.iter().find(|o| !question.answer.contains(o));
        vec![wrong.unwrap().clone()]
    };
    for option in pick {
        world.send(model, Event::Toggle(option));
    }
    world.send(model, Event::Submit);
}

/// Answers the question shown and moves on.
fn answer(world: &mut World, model: &mut KioskModel, right: bool) {
    check(world, model, right);
    world.send(model, Event::Next);
}

fn end_card(model: &KioskModel) -> &EndCard {
    match model.screen() {
        Screen::EndCard(card) => card,
        other => panic!("expected the end card, found {other:?}"),
    }
}

mod card;
mod idle;

#[test]
fn a_reload_starts_at_attract_with_the_kiosks_defaults() {
    let deployment = KioskOverrides {
        lang: Some(Lang::En),
        elder: Some(true),
        ..KioskOverrides::default()
    };
    let model = KioskModel::new(deployment, KioskOverrides::default());
    assert_eq!(model.screen(), &Screen::Attract);
    assert_eq!((model.lang(), model.elder()), (Lang::En, true));
    assert_eq!(model.still_there(), None);
    assert!(model.round().is_none());
}

#[test]
fn a_session_asks_five_questions_of_the_topic_chosen() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Privacy));
    let items = session(&model).items().to_vec();
    assert_eq!(items.len(), 5);
    for item in &items {
        assert_eq!(
            model.library().bank(&item.bank).unwrap().topic,
            Topic::Privacy
        );
    }
}

#[test]
fn a_bit_of_everything_spreads_over_every_topic() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Mixed);
    let mut topics: Vec<Topic> = session(&model)
        .items()
        .iter()
        .map(|i| model.library().bank(&i.bank).unwrap().topic)
        .collect();
    topics.sort();
    topics.dedup();
    assert_eq!(topics, Topic::ALL, "five questions over four topics");
}

#[test]
fn the_session_length_is_a_setting() {
    let mut world = World::new();
    let settings = KioskOverrides {
        questions_per_session: Some(3),
        ..KioskOverrides::default()
    };
    let mut model = kiosk_with(&mut world, settings);
    begin(&mut world, &mut model, TopicChoice::Mixed);
    assert_eq!(session(&model).total(), 3);
}

#[test]
fn a_completed_session_emits_exactly_one_outcome_with_the_right_answers_and_hour() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Investing));
    let keys: Vec<String> = session(&model)
        .items()
        .iter()
        .map(|i| question_key(&i.bank, &i.question))
        .collect();
    let pattern = [true, false, true, true, false];
    for (n, right) in pattern.into_iter().enumerate() {
        world.now_ms += 20_000.0;
        let out = world.send(&mut model, Event::Touch);
        assert_eq!(out, []);
        answer(&mut world, &mut model, right);
        assert_eq!(
            world.outcomes().len(),
            usize::from(n == 4),
            "after answer {n}"
        );
    }
    end_card(&model);
    world.send(&mut model, Event::Done);
    world.wait(&mut model, 3600.0);

    let outcomes = world.outcomes();
    assert_eq!(outcomes.len(), 1, "{:?}", world.written);
    let outcome = outcomes[0];
    assert!(outcome.completed);
    assert_eq!(outcome.choice, TopicChoice::Topic(Topic::Investing));
    assert_eq!(outcome.total, 5);
    assert_eq!(outcome.date, Date::parse("2026-12-05").unwrap());
    assert_eq!(outcome.hour, 10, "Beijing time, when it started");
    let got: Vec<(&str, bool)> = outcome
        .answers
        .iter()
        .map(|a| (a.key.as_str(), a.correct))
        .collect();
    let expected: Vec<(&str, bool)> = keys.iter().map(String::as_str).zip(pattern).collect();
    assert_eq!(got, expected);
    assert!(outcome.answers.iter().all(|a| !a.chosen.is_empty()));
    assert!(!outcome.prize_issued);
}

#[test]
fn a_double_tap_on_check_judges_once() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    check(&mut world, &mut model, false);
    world.send(&mut model, Event::Submit);
    assert_eq!(session(&model).answered(), 1);
    world.send(&mut model, Event::Next);
    world.send(&mut model, Event::Next);
    assert_eq!(
        session(&model).shown().unwrap().0,
        1,
        "one question on, not two"
    );
    world.send(&mut model, Event::Submit);
    assert_eq!(
        session(&model).answered(),
        1,
        "nothing ticked: nothing judged"
    );
}

#[test]
fn done_emits_the_outcome_and_returns_to_attract() {
    // Part-way: the answers given leave an abandoned outcome.
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    world.send(&mut model, Event::SetElder(true));
    world.send(&mut model, Event::ChooseTopic(TopicChoice::Mixed));
    answer(&mut world, &mut model, true);
    let out = world.send(&mut model, Event::Done);
    assert!(matches!(out.as_slice(), [KioskPersist::Outcome(o)] if !o.completed && o.elder));
    assert_eq!(model.screen(), &Screen::Attract);
    assert!(!model.elder());

    // From the end card: the outcome was written when the card appeared, once.
    begin(&mut world, &mut model, TopicChoice::Mixed);
    for _ in 0..5 {
        answer(&mut world, &mut model, true);
    }
    assert_eq!(world.outcomes().len(), 2);
    assert_eq!(world.send(&mut model, Event::Done), []);
    assert_eq!(model.screen(), &Screen::Attract);
    assert_eq!(world.send(&mut model, Event::Done), [], "a second tap");
}

#[test]
fn again_keeps_the_customer_and_starts_another_session() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    world.send(&mut model, Event::SetLang(Lang::En));
    world.send(&mut model, Event::ChooseTopic(TopicChoice::Mixed));
    for _ in 0..5 {
        answer(&mut world, &mut model, false);
    }
    assert_eq!(end_card(&model).praise, Praise::NoneRight);
    world.send(&mut model, Event::Again);
    assert_eq!(model.screen(), &Screen::Choosing);
    assert_eq!(model.lang(), Lang::En);
    world.send(&mut model, Event::ChooseTopic(TopicChoice::Mixed));
    assert!(session(&model).is_fresh());
}

#[test]
fn a_bank_arriving_mid_session_waits_for_the_session_to_end() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Rights));
    let mut newer = (**model.library().bank(&BankId::from("rights")).unwrap()).clone();
    newer.version += 1;
    newer.questions.truncate(1);
    world.send(&mut model, Event::BankLoaded(Arc::new(newer)));
    answer(&mut world, &mut model, true);
    answer(&mut world, &mut model, true);
    assert_eq!(
        session(&model).answered(),
        2,
        "the session's questions are still there"
    );
    world.send(&mut model, Event::Done);
    let rights = model.library().bank(&BankId::from("rights")).unwrap();
    assert_eq!(rights.questions.len(), 1, "taken in once the customer left");
}

#[test]
fn staff_settings_are_written_and_greet_the_next_customer() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    let device = KioskOverrides {
        lang: Some(Lang::En),
        topics: Some(vec![Topic::Fraud, Topic::Rights]),
        ..KioskOverrides::default()
    };
    let out = world.send(&mut model, Event::SetOverrides(device.clone()));
    assert_eq!(out, [KioskPersist::Settings(device.clone())]);
    assert_eq!(
        model.lang(),
        Lang::En,
        "the attract screen shows the new default"
    );
    assert_eq!(model.overrides(), &device);
    assert_eq!(
        model.topics_offered(world.now_ms),
        [Topic::Fraud, Topic::Rights]
    );
    world.send(&mut model, Event::Start);
    world.send(
        &mut model,
        Event::ChooseTopic(TopicChoice::Topic(Topic::Privacy)),
    );
    assert_eq!(model.screen(), &Screen::Choosing, "a topic not offered");
    // A reload with the stored overrides comes back the same.
    let reloaded = KioskModel::new(KioskOverrides::default(), device);
    assert_eq!(reloaded.settings(), model.settings());
}

#[test]
fn the_beijing_hour_wraps_at_midnight() {
    let day = morning() - 2.5 * 3_600_000.0; // 00:00 UTC = 08:00 Beijing
    assert_eq!(beijing_hour(day), 8);
    assert_eq!(beijing_hour(day + 16.0 * 3_600_000.0), 0);
    assert_eq!(beijing_hour(day - 9.0 * 3_600_000.0), 23);
}

#[test]
fn the_rehearsal_taps_through_a_first_question_and_stops() {
    let mut world = World::new();
    let empty = KioskModel::new(KioskOverrides::default(), KioskOverrides::default());
    let mut choosing = empty.clone();
    world.send(&mut choosing, Event::Start);
    assert_eq!(
        choosing.rehearsal_step(world.now_ms),
        None,
        "no topic is offered before a bank is in"
    );
    let mut model = kiosk(&mut world);
    let mut taps = Vec::new();
    while let Some(event) = model.rehearsal_step(world.now_ms) {
        taps.push(event.clone());
        world.send(&mut model, event);
        assert!(taps.len() <= 5, "{taps:?}");
    }
    let first = model.topics_offered(world.now_ms)[0];
    assert!(matches!(
        taps.as_slice(),
        [
            Event::Start,
            Event::ChooseTopic(TopicChoice::Topic(t)),
            Event::Toggle(_),
            Event::Submit,
            Event::Next,
        ] if *t == first
    ));
    assert_eq!(
        session(&model).shown().map(|(i, _)| i),
        Some(1),
        "on the second question"
    );
    assert!(world.outcomes().is_empty(), "nothing written");
}
