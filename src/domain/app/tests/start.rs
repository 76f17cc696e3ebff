//! Opening the app: deep links, resuming a round a reload left, banks that fail or change, the
//! setup screen, notices.

use super::*;

#[test]
fn a_deep_link_opens_its_round_once_every_bank_has_settled() {
    let mut world = World::new();
    let mut model = AppModel::new(Start {
        link: link(&[("topic", "privacy"), ("mode", "quiz")]),
        ..Start::default()
    });
    world.send(&mut model, Event::IndexLoaded(Some(index())));
    let entries = index().banks;
    let (last, first) = entries.split_last().unwrap();
    for entry in first {
        let bank = bank(entry);
        world.send(
            &mut model,
            Event::BankLoaded(entry.clone(), BankLoad::Ready(bank)),
        );
        assert_eq!(model.screen(), &Screen::Home, "waits for every bank");
    }
    // The last one failing to download still settles the banks.
    world.send(
        &mut model,
        Event::BankLoaded(last.clone(), BankLoad::Failed),
    );
    let round = round(&model);
    let RoundKind::Plan(plan) = &round.kind else {
        panic!("a planned round")
    };
    assert_eq!(
        (plan.mode, plan.topics.clone()),
        (Mode::Quiz, vec![Topic::Privacy])
    );
    assert!(model.notices().contains(&Notice::BankFailed {
        entry: last.clone()
    }));
}

#[test]
fn a_link_without_an_audience_uses_the_learners_own_choice() {
    let mut world = World::new();
    world.settings.set_audience(Audience::Elderly);
    let mut model = AppModel::new(Start {
        link: link(&[("topic", "fraud")]),
        ..Start::default()
    });
    load_all(&mut world, &mut model);
    let RoundKind::Plan(plan) = &round(&model).kind else {
        panic!("a planned round")
    };
    assert_eq!(plan.audience, Audience::Elderly);

    let mut model = AppModel::new(Start {
        link: link(&[("topic", "fraud"), ("audience", "youth")]),
        ..Start::default()
    });
    load_all(&mut world, &mut model);
    let RoundKind::Plan(plan) = &round(&model).kind else {
        panic!("a planned round")
    };
    assert_eq!(plan.audience, Audience::Youth);
}

#[test]
fn an_unfinished_round_wins_over_a_deep_link_and_resumes_where_it_stopped() {
    let mut world = World::new();
    let saved = saved_round(&mut world, practice(Topic::Fraud), 2);
    let mut model = AppModel::new(Start {
        resumable: Some(saved.clone()),
        link: link(&[("topic", "privacy"), ("mode", "quiz")]),
        ..Start::default()
    });
    load_all(&mut world, &mut model);
    let round = round(&model);
    assert_eq!(round.kind, saved.kind);
    assert_eq!(round.session, saved.session);
    assert_eq!(round.session.shown().map(|(i, _)| i), Some(2));
}

#[test]
fn a_link_to_the_wrong_answer_book_opens_it_at_once_unless_a_round_resumes() {
    let mut world = World::new();
    let book = link(&[("mode", "book")]);
    let model = AppModel::new(Start {
        link: book.clone(),
        ..Start::default()
    });
    assert_eq!(model.screen(), &Screen::Shelf(Shelf::WrongBook));
    let saved = saved_round(&mut world, practice(Topic::Fraud), 1);
    let model = AppModel::new(Start {
        link: book,
        resumable: Some(saved),
        ..Start::default()
    });
    assert_eq!(model.screen(), &Screen::Home);
}

#[test]
fn an_unfinished_round_reopens_from_the_home_screen_only() {
    let mut world = World::new();
    let saved = saved_round(&mut world, practice(Topic::Fraud), 1);
    let mut model = AppModel::new(Start {
        resumable: Some(saved.clone()),
        ..Start::default()
    });
    world.send(&mut model, Event::OpenSettings);
    load_all(&mut world, &mut model);
    assert_eq!(
        model.screen(),
        &Screen::Settings,
        "never pulled off settings"
    );
    world.send(&mut model, Event::Back);
    assert_eq!(round(&model).session, saved.session);
}

#[test]
fn a_round_whose_bank_now_has_errors_is_dropped_with_a_notice() {
    let mut world = World::new();
    let saved = saved_round(&mut world, practice(Topic::Fraud), 1);
    let fraud = index()
        .banks
        .into_iter()
        .find(|e| e.topic == Topic::Fraud)
        .unwrap();
    let mut model = AppModel::new(Start {
        resumable: Some(saved),
        ..Start::default()
    });
    world.send(&mut model, Event::IndexLoaded(Some(index())));
    let out = world.send(
        &mut model,
        Event::BankLoaded(fraud.clone(), BankLoad::Invalid { errors: 3 }),
    );
    assert_eq!(out, vec![Persist::InProgress(None)]);
    assert!(model.notices().contains(&Notice::ResumeLost));
    assert!(model.notices().contains(&Notice::BankInvalid {
        entry: fraud,
        errors: 3
    }));
    load_all(&mut world, &mut model);
    assert_eq!(model.screen(), &Screen::Home, "nothing left to resume");
}

#[test]
fn a_plan_that_matches_nothing_goes_to_the_setup_screen() {
    let mut world = World::new();
    let mut model = AppModel::new(Start::default());
    world.send(&mut model, Event::IndexLoaded(Some(index())));
    for entry in index().banks {
        let load = if entry.topic == Topic::Fraud {
            BankLoad::Failed
        } else {
            BankLoad::Ready(bank(&entry))
        };
        world.send(&mut model, Event::BankLoaded(entry, load));
    }
    let plan = practice(Topic::Fraud);
    world.send(&mut model, Event::StartPlan(plan.clone()));
    assert_eq!(model.screen(), &Screen::Setup(plan));
}

#[test]
fn setup_starts_from_the_last_plan_narrowed_to_what_was_tapped() {
    let mut world = World::new();
    let mut last = Plan::quiz(vec![Topic::Fraud, Topic::Rights]);
    last.count = Some(20);
    world.settings.plan = Some(last);
    world.settings.set_audience(Audience::Youth);
    let mut model = loaded(&mut world);
    world.send(
        &mut model,
        Event::OpenSetup(SetupChoice {
            topic: Some(Topic::Privacy),
            mode: None,
        }),
    );
    let Screen::Setup(plan) = model.screen() else {
        panic!("setup")
    };
    assert_eq!(
        (plan.mode, plan.topics.clone(), plan.count, plan.audience),
        (Mode::Quiz, vec![Topic::Privacy], Some(20), Audience::Youth)
    );
}

#[test]
fn notices_are_shown_once_until_dismissed_and_clearing_records_forgets_the_parked_practice() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    model.notify(Notice::StorageFull);
    model.notify(Notice::StorageFull);
    assert_eq!(model.notices(), &[Notice::StorageFull]);
    world.send(&mut model, Event::Dismiss(Notice::StorageFull));
    assert!(model.notices().is_empty());

    world.send(&mut model, Event::StartPlan(practice(Topic::Fraud)));
    answer_practice(&mut world, &mut model, true);
    world.send(&mut model, Event::Round(RoundAction::Leave));
    assert!(model.parked().is_some());
    world.send(&mut model, Event::RecordsCleared);
    assert_eq!(model.parked(), None);
}

#[test]
fn a_parked_practice_whose_questions_changed_cannot_continue_and_says_so() {
    let mut world = World::new();
    let mut saved = saved_round(&mut world, practice(Topic::Fraud), 1);
    let mut stored = serde_json::to_value(&saved.session).unwrap();
    stored["items"][0]["question"] = serde_json::json!("gone");
    saved.session = serde_json::from_value(stored).unwrap();
    let mut model = AppModel::new(Start {
        parked: Some(saved),
        ..Start::default()
    });
    load_all(&mut world, &mut model);
    let out = world.send(&mut model, Event::Continue);
    assert_eq!(out, vec![Persist::Parked(None)]);
    assert_eq!(model.parked(), None);
    assert!(model.notices().contains(&Notice::ResumeLost));
    assert_eq!(model.screen(), &Screen::Home);
}
