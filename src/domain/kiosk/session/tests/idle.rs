//! The idle rule: "Still there?" before every reset, a touch keeps the session, read-aloud pauses
//! the clock, and a reset forgets the customer.

use super::*;

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
fn the_countdown_cannot_be_stretched_by_a_clock_set_back() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    begin(&mut world, &mut model, TopicChoice::Mixed);
    world.wait(&mut model, 45.0);
    world.wait(&mut model, -3600.0);
    let left = model.still_there().unwrap().seconds_left(world.now_ms);
    assert_eq!(left, 20);
}
