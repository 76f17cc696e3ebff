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
fn the_idle_overlay_comes_before_any_reset() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    world.wait(&mut model, 44.0);
    assert_eq!(model.still_there(), None, "not yet idle");
    world.wait(&mut model, 1.0);
    let warning = *model.still_there().expect("the warning at 45 s");
    assert_eq!(warning.seconds_left(world.now_ms), 20);
    assert!(
        model.round().is_some(),
        "the session is still there under it"
    );
    world.wait(&mut model, 19.5);
    assert!(model.round().is_some());
    assert_eq!(model.still_there().unwrap().seconds_left(world.now_ms), 1);
    world.wait(&mut model, 0.5);
    assert_eq!(model.screen(), &Screen::Attract, "reset at zero");
    assert_eq!(model.still_there(), None);

    // A kiosk asleep for hours still warns first: the first tick only shows the overlay.
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    world.wait(&mut model, 10.0 * 3600.0);
    assert!(model.round().is_some());
    assert!(model.still_there().is_some());
}

#[test]
fn a_touch_during_the_countdown_keeps_the_session_and_its_answers() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    answer(&mut world, &mut model, true);
    answer(&mut world, &mut model, false);
    world.wait(&mut model, 50.0);
    assert!(model.still_there().is_some());
    world.send(&mut model, Event::Touch);
    assert_eq!(model.still_there(), None);
    world.wait(&mut model, 40.0);
    assert_eq!(model.still_there(), None, "the idle count started again");
    let answers: Vec<bool> = session(&model)
        .answers()
        .iter()
        .map(|a| a.correct)
        .collect();
    assert_eq!(answers, [true, false]);
    assert_eq!(world.outcomes(), Vec::<&Outcome>::new());
}

#[test]
fn a_tap_on_the_overlay_only_dismisses_it() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    let (_, item) = session(&model).shown().unwrap();
    let option = item.options[0].clone();
    world.wait(&mut model, 45.0);
    world.send(&mut model, Event::Toggle(option.clone()));
    assert_eq!(model.still_there(), None);
    assert_eq!(session(&model).selected(), [] as [OptionId; 0]);
    world.send(&mut model, Event::Toggle(option.clone()));
    assert_eq!(session(&model).selected(), [option]);
}

#[test]
fn reading_aloud_pauses_the_idle_clock() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Rights));
    world.wait(&mut model, 10.0);
    world.send(&mut model, Event::SpeakingStarted);
    world.wait(&mut model, 60.0);
    assert_eq!(
        model.still_there(),
        None,
        "a minute of speech is not idle time"
    );
    world.send(&mut model, Event::SpeakingEnded);
    world.wait(&mut model, 34.0);
    assert_eq!(model.still_there(), None, "10 s + 34 s idle");
    world.wait(&mut model, 1.0);
    assert!(
        model.still_there().is_some(),
        "45 s idle, the speech not counted"
    );
}

#[test]
fn speech_that_never_reports_its_end_stops_pausing_the_clock() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Rights));
    world.send(&mut model, Event::SpeakingStarted);
    world.wait(&mut model, MAX_SPEECH_MS / 1000.0 + 44.0);
    assert_eq!(model.still_there(), None);
    world.wait(&mut model, 1.0);
    assert!(model.still_there().is_some());
}

#[test]
fn after_a_reset_nothing_of_the_customer_remains() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    world.send(&mut model, Event::SetLang(Lang::En));
    assert_eq!(
        model.screen(),
        &Screen::Choosing,
        "the toggle starts the session"
    );
    world.send(&mut model, Event::SetElder(true));
    world.send(
        &mut model,
        Event::ChooseTopic(TopicChoice::Topic(Topic::Fraud)),
    );
    answer(&mut world, &mut model, true);
    answer(&mut world, &mut model, false);
    check(&mut world, &mut model, true);
    world.wait(&mut model, 45.0);
    world.wait(&mut model, 20.0);

    assert_eq!(model.screen(), &Screen::Attract);
    assert_eq!(model.round(), None);
    assert_eq!(model.still_there(), None);
    assert_eq!((model.lang(), model.elder()), (Lang::Zh, false));
    // The customer's session left one anonymous outcome, abandoned, and nothing else.
    let outcomes = world.outcomes();
    assert_eq!(outcomes.len(), 1);
    let outcome = outcomes[0];
    assert!(!outcome.completed);
    assert_eq!(outcome.answers.len(), 3);
    assert_eq!(outcome.correct(), 2);
    assert_eq!((outcome.lang, outcome.elder), (Lang::En, true));
    assert_eq!(world.written.len(), 1);
    // The next customer starts afresh.
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    assert!(session(&model).is_fresh());
    assert_eq!((model.lang(), model.elder()), (Lang::Zh, false));
}

#[test]
fn a_session_abandoned_before_any_answer_leaves_nothing() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Mixed);
    let (_, item) = session(&model).shown().unwrap();
    let option = item.options[0].clone();
    world.send(&mut model, Event::Toggle(option));
    world.wait(&mut model, 45.0);
    world.wait(&mut model, 20.0);
    assert_eq!(model.screen(), &Screen::Attract);
    assert_eq!(world.written, []);
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
fn the_end_card_puts_the_missed_lessons_first_and_shows_the_hotlines() {
    let mut world = World::new();
    let settings = KioskOverrides {
        bank_hotline: Some(Some("95588".into())),
        ..KioskOverrides::default()
    };
    let mut model = kiosk_with(&mut world, settings);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    let keys: Vec<String> = session(&model)
        .items()
        .iter()
        .map(|i| question_key(&i.bank, &i.question))
        .collect();
    for right in [true, true, false, true, true] {
        answer(&mut world, &mut model, right);
    }
    let card = end_card(&model);
    assert_eq!((card.correct, card.total), (4, 5));
    assert_eq!(card.praise, Praise::MostRight);
    assert_eq!(card.takeaways.len(), TAKEAWAYS);
    assert_eq!(card.takeaways[0].key, keys[2], "the missed question first");
    assert!(card.takeaways[0].missed);
    assert_eq!(card.takeaways[1].key, keys[0]);
    assert!(card.takeaways.iter().all(|t| !t.text.zh.is_empty()));
    let numbers: Vec<&str> = card.hotlines.iter().map(Hotline::number).collect();
    assert_eq!(numbers, ["110", "96110", "12378", "95588"]);
    assert_eq!(card.prize_code, None, "prizes are off by default");
    assert_eq!(card.phone_url, None);
}

#[test]
fn a_prize_code_is_shown_only_at_the_threshold() {
    let settings = KioskOverrides {
        prize_threshold: Some(Some(4)),
        phone_base_url: Some(Some("https://bank.example/anxin".into())),
        ..KioskOverrides::default()
    };
    for (pattern, code) in [
        ([true, true, true, true, false], Some("K7-4821")),
        ([true, false, true, true, false], None),
    ] {
        let mut world = World::new();
        let mut model = kiosk_with(&mut world, settings.clone());
        begin(&mut world, &mut model, TopicChoice::Topic(Topic::Privacy));
        for right in pattern {
            answer(&mut world, &mut model, right);
        }
        let card = end_card(&model);
        assert_eq!(card.prize_code.as_deref(), code);
        assert_eq!(
            card.phone_url.as_deref(),
            Some("https://bank.example/anxin/index.html?topic=privacy")
        );
        assert_eq!(world.outcomes()[0].prize_issued, code.is_some());
    }
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
fn the_attract_tips_rotate_through_short_lessons_from_the_banks() {
    let mut world = World::new();
    let model = kiosk(&mut world);
    let first = model.tip(0.0).unwrap().clone();
    let mut seen = vec![first.clone()];
    let mut n = 1.0;
    while let Some(tip) = model.tip(n * TIP_MS).filter(|t| **t != first) {
        assert!(tip.zh.chars().count() <= 40, "{tip:?}");
        assert!(tip.zh.ends_with('。') || tip.zh.ends_with('！'), "{tip:?}");
        assert!(!tip.zh.starts_with('这'), "{tip:?}");
        assert!(!seen.contains(tip), "each tip once per turn");
        seen.push(tip.clone());
        n += 1.0;
    }
    assert!(seen.len() > 20, "{} tips", seen.len());
    assert_eq!(model.tip(n * TIP_MS), Some(&first), "round and round");
    assert_eq!(model.tip(TIP_MS - 1.0), Some(&first), "each stays its time");
    assert_eq!(
        KioskModel::new(Default::default(), Default::default()).tip(0.0),
        None
    );
}

#[test]
fn a_lesson_skips_a_bare_verdict() {
    let text = LocalText::new(
        "错误。银行不会通过短信链接要求你更新信息。请拨打官方电话核实。",
        "False. Banks never ask you to update details through a text link. Call them yourself.",
    );
    let lesson = lesson(&text);
    assert_eq!(lesson.zh, "银行不会通过短信链接要求你更新信息。");
    assert_eq!(
        lesson.en,
        "Banks never ask you to update details through a text link."
    );
}

#[test]
fn the_countdown_cannot_be_stretched_by_a_clock_set_back() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Mixed);
    world.wait(&mut model, 45.0);
    world.wait(&mut model, -3600.0);
    let left = model.still_there().unwrap().seconds_left(world.now_ms);
    assert_eq!(left, 20);
}

#[test]
fn the_beijing_hour_wraps_at_midnight() {
    let day = morning() - 2.5 * 3_600_000.0; // 00:00 UTC = 08:00 Beijing
    assert_eq!(beijing_hour(day), 8);
    assert_eq!(beijing_hour(day + 16.0 * 3_600_000.0), 0);
    assert_eq!(beijing_hour(day - 9.0 * 3_600_000.0), 23);
}
