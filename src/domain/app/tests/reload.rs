//! What a reload opens again besides a round in progress: the setup screen with its choices, the
//! result of the round just finished (or its answers), and the question a quiz was asking.

use super::*;
use crate::domain::saved::{Ask, SavedResult, SavedScreen};

/// The screen last written for a reload, if any was.
fn last_screen(world: &World) -> Option<Option<SavedScreen>> {
    world.written.iter().rev().find_map(|p| match p {
        Persist::Screen(s) => Some(s.clone()),
        _ => None,
    })
}

/// The app opened again over what `world` wrote, as a reload would (every bank loaded).
fn reloaded(world: &mut World, resumable: Option<SavedRound>) -> AppModel {
    let screen = last_screen(world).flatten();
    let (mut model, out) = AppModel::opened(Start {
        resumable,
        screen,
        ..Start::default()
    });
    assert!(out.is_empty(), "nothing to forget: {out:?}");
    load_all(world, &mut model);
    model
}

/// A quiz of `n` questions, untimed.
fn quiz(n: usize) -> Plan {
    let mut plan = Plan::quiz(vec![Topic::Rights]);
    plan.count = Some(n);
    plan
}

#[test]
fn a_reload_on_the_setup_screen_opens_it_again_with_the_choices_made() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(
        &mut model,
        Event::OpenSetup(SetupChoice {
            topic: Some(Topic::Rights),
            mode: Some(Mode::Quiz),
        }),
    );
    let Screen::Setup(mut plan) = model.screen().clone() else {
        panic!("the setup screen")
    };
    assert_eq!(
        last_screen(&world),
        Some(Some(SavedScreen::Setup(plan.clone())))
    );
    plan.count = Some(5);
    let out = world.send(&mut model, Event::SetupChanged(plan.clone()));
    assert_eq!(
        out,
        vec![Persist::Screen(Some(SavedScreen::Setup(plan.clone())))]
    );

    let mut again = reloaded(&mut world, None);
    assert_eq!(again.screen(), &Screen::Setup(plan.clone()));
    // Starting the round forgets the setup screen (the plan goes to the settings).
    let out = world.send(&mut again, Event::StartPlan(plan.clone()));
    assert!(out.contains(&Persist::Plan(plan)));
    assert_eq!(out.last(), Some(&Persist::Screen(None)));

    // Going home from the setup forgets it too.
    world.send(&mut again, Event::Home);
    world.send(&mut again, Event::OpenSetup(SetupChoice::default()));
    let out = world.send(&mut again, Event::Back);
    assert_eq!(out, vec![Persist::Screen(None)]);
    assert_eq!(reloaded(&mut world, None).screen(), &Screen::Home);
}

#[test]
fn a_reload_on_the_result_opens_it_again_until_the_learner_leaves_it() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartDaily);
    while round(&model).session.shown().is_some() {
        answer_practice(&mut world, &mut model, true);
        world.send(&mut model, Event::Round(RoundAction::Next));
    }
    let finished = round(&model).clone();
    let Stage::Result(record) = &finished.stage else {
        panic!("the result")
    };
    // Filed in the history first, then kept for a reload.
    let files = world
        .written
        .iter()
        .rposition(|p| matches!(p, Persist::Finished(_)));
    let keeps = world
        .written
        .iter()
        .rposition(|p| matches!(p, Persist::Screen(Some(_))));
    assert!(files < keeps, "{:?}", world.written);

    // A reload shows the same result once the banks are in (home until then).
    let (mut again, _) = AppModel::opened(Start {
        screen: last_screen(&world).flatten(),
        ..Start::default()
    });
    assert_eq!(again.screen(), &Screen::Home);
    load_all(&mut world, &mut again);
    assert_eq!(round(&again).stage, Stage::Result(record.clone()));
    assert_eq!(round(&again).session, finished.session);
    assert_eq!(round(&again).kind, finished.kind);

    // The answers are kept as the screen shown too.
    world.send(&mut again, Event::Round(RoundAction::ShowAnswers));
    let mut again = reloaded(&mut world, None);
    assert_eq!(round(&again).stage, Stage::Answers(record.clone()));
    world.send(&mut again, Event::Round(RoundAction::HideAnswers));

    // Leaving the result forgets it.
    let out = world.send(&mut again, Event::Round(RoundAction::LeaveAnyway));
    assert_eq!(out.last(), Some(&Persist::Screen(None)));
    assert_eq!(reloaded(&mut world, None).screen(), &Screen::Home);

    // "Again" forgets it as well: the new round is the one a reload resumes.
    let result = finished.result().unwrap();
    let (mut fresh, _) = AppModel::opened(Start {
        screen: Some(SavedScreen::Result(result)),
        ..Start::default()
    });
    load_all(&mut world, &mut fresh);
    let out = world.send(&mut fresh, Event::Round(RoundAction::Again));
    assert!(matches!(out.first(), Some(Persist::InProgress(Some(_)))));
    assert_eq!(out.last(), Some(&Persist::Screen(None)));
}

#[test]
fn a_result_waiting_for_its_banks_is_dropped_when_the_learner_goes_on_or_a_bank_changed() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartDaily);
    while round(&model).session.shown().is_some() {
        answer_practice(&mut world, &mut model, true);
        world.send(&mut model, Event::Round(RoundAction::Next));
    }
    let result: SavedResult = round(&model).result().unwrap();
    let start = || Start {
        screen: Some(SavedScreen::Result(result.clone())),
        ..Start::default()
    };

    // The learner taps on before the banks are in: the result is not shown any more.
    let (mut again, _) = AppModel::opened(start());
    let out = world.send(&mut again, Event::OpenProgress);
    assert_eq!(out, vec![Persist::Screen(None)]);
    load_all(&mut world, &mut again);
    world.send(&mut again, Event::Home);
    assert_eq!(again.screen(), &Screen::Home);

    // One of its banks has errors now: home, the result forgotten (it is in the history).
    let (mut again, _) = AppModel::opened(start());
    world.send(&mut again, Event::IndexLoaded(Some(index())));
    let bank = &result.session.items()[0].bank;
    let entry = index().banks.into_iter().find(|e| &e.id == bank).unwrap();
    let out = world.send(
        &mut again,
        Event::BankLoaded(entry, BankLoad::Invalid { errors: 1 }),
    );
    assert!(out.contains(&Persist::Screen(None)), "{out:?}");
    assert!(!again.notices().contains(&Notice::ResumeLost));
}

#[test]
fn a_round_to_resume_or_a_deep_link_wins_over_the_saved_screen_which_is_forgotten() {
    let mut world = World::new();
    let setup = Some(SavedScreen::Setup(Plan::quiz(vec![Topic::Fraud])));
    let saved = saved_round(&mut world, practice(Topic::Fraud), 1);
    let (model, out) = AppModel::opened(Start {
        resumable: Some(saved),
        screen: setup.clone(),
        ..Start::default()
    });
    assert_eq!(
        model.screen(),
        &Screen::Home,
        "resumes once the banks are in"
    );
    assert_eq!(out, vec![Persist::Screen(None)]);
    let (model, out) = AppModel::opened(Start {
        link: link(&[("mode", "book")]),
        screen: setup,
        ..Start::default()
    });
    assert_eq!(model.screen(), &Screen::Shelf(Shelf::WrongBook));
    assert_eq!(out, vec![Persist::Screen(None)]);
}

#[test]
fn the_hand_in_question_is_saved_with_the_quiz_and_a_reload_asks_it_again() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(quiz(3)));
    let option = right_answer(&model)[0].clone();
    world.send(&mut model, Event::Round(RoundAction::Toggle(option)));
    world.send(&mut model, Event::Round(RoundAction::GoTo(2)));

    // Questions 2 and 3 are open: handing in asks first, and the question is saved.
    let out = world.send(&mut model, Event::Round(RoundAction::HandIn));
    let [Persist::InProgress(Some(saved))] = out.as_slice() else {
        panic!("saved with the question: {out:?}")
    };
    assert_eq!(saved.asking, Some(Ask::HandIn));
    assert_eq!(round(&model).asking(), Some(Ask::HandIn));
    assert!(
        world
            .send(&mut model, Event::Round(RoundAction::HandIn))
            .is_empty(),
        "a second tap asks nothing more"
    );

    // A reload asks it again, on the same question.
    let mut again = reloaded(&mut world, Some(saved.clone()));
    assert_eq!(round(&again).asking(), Some(Ask::HandIn));
    assert_eq!(round(&again).session, round(&model).session);

    // "Keep answering" goes to the first question left open.
    world.send(&mut again, Event::Round(RoundAction::Stay));
    assert_eq!(round(&again).asking(), None);
    assert_eq!(round(&again).session.shown().map(|(i, _)| i), Some(1));
    assert_eq!(round(&again).saved(world.now_ms).asking, None);

    // Asked again, "hand in anyway" hands in.
    world.send(&mut again, Event::Round(RoundAction::HandIn));
    world.send(&mut again, Event::Round(RoundAction::HandInAnyway));
    assert!(matches!(round(&again).stage, Stage::Result(_)));
}

#[test]
fn a_quiz_with_every_question_answered_hands_in_without_asking_and_a_stale_question_is_not_asked() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(quiz(2)));
    for i in 0..2 {
        world.send(&mut model, Event::Round(RoundAction::GoTo(i)));
        let option = right_answer(&model)[0].clone();
        world.send(&mut model, Event::Round(RoundAction::Toggle(option)));
    }
    // A saved question that no longer applies (every question answered) is not asked again.
    let mut saved = round(&model).saved(world.now_ms);
    saved.asking = Some(Ask::HandIn);
    let again = reloaded(&mut world, Some(saved));
    assert_eq!(round(&again).asking(), None);

    world.send(&mut model, Event::Round(RoundAction::HandIn));
    assert!(matches!(round(&model).stage, Stage::Result(_)));
}

#[test]
fn the_leave_question_is_saved_too() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(quiz(3)));
    let option = right_answer(&model)[0].clone();
    world.send(&mut model, Event::Round(RoundAction::Toggle(option)));
    let out = world.send(&mut model, Event::Round(RoundAction::Leave));
    let [Persist::InProgress(Some(saved))] = out.as_slice() else {
        panic!("saved with the question: {out:?}")
    };
    let again = reloaded(&mut world, Some(saved.clone()));
    assert_eq!(round(&again).asking(), Some(Ask::Leave));
}
