//! Inside a round: parking and continuing with the time on screen only, leaving a quiz, the timer,
//! elder mode, double taps, another round, titles.

use super::*;
use crate::domain::saved::Ask;

#[test]
fn a_practice_left_part_way_is_parked_and_its_time_counts_only_on_screen() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(practice(Topic::Fraud)));
    world.wait(20_000.0);
    answer_practice(&mut world, &mut model, true);
    world.send(&mut model, Event::Round(RoundAction::Next));
    let out = world.send(&mut model, Event::Round(RoundAction::Leave));
    let Some(Persist::Parked(Some(parked))) = out.first() else {
        panic!("parked first: {out:?}")
    };
    assert_eq!(parked.elapsed_ms, 20_000.0);
    assert_eq!(out.last(), Some(&Persist::InProgress(None)));
    assert_eq!(model.screen(), &Screen::Home);

    // Two days later it goes on from the second question, with 20 s already spent.
    world.wait(2.0 * 86_400_000.0);
    world.send(&mut model, Event::Continue);
    assert_eq!(round(&model).session.shown().map(|(i, _)| i), Some(1));
    let total = round(&model).session.total();
    for _ in 1..total {
        world.wait(1_000.0);
        answer_practice(&mut world, &mut model, false);
        world.send(&mut model, Event::Round(RoundAction::Next));
    }
    let Stage::Result(record) = &round(&model).stage else {
        panic!("the result")
    };
    assert_eq!(record.seconds, 20 + u32::try_from(total - 1).unwrap());
    assert_eq!((record.correct, record.label), (1, RoundLabel::Practice));
    assert_eq!(model.parked(), None, "nothing left to continue");
    assert!(world.written.contains(&Persist::Parked(None)));
    assert!(world.written.contains(&Persist::Finished(record.clone())));
}

#[test]
fn peeking_at_another_practice_keeps_the_parked_one() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(practice(Topic::Fraud)));
    answer_practice(&mut world, &mut model, true);
    world.send(&mut model, Event::Round(RoundAction::Leave));
    let parked = model.parked().cloned();
    world.send(&mut model, Event::StartPlan(practice(Topic::Privacy)));
    let out = world.send(&mut model, Event::Round(RoundAction::Leave));
    assert_eq!(
        out,
        vec![Persist::InProgress(None)],
        "a fresh practice is not parked"
    );
    assert_eq!(model.parked().cloned(), parked);
}

#[test]
fn a_quiz_with_answers_asks_before_leaving_and_the_back_button_asks_the_same() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(
        &mut model,
        Event::StartPlan(Plan::quiz(vec![Topic::Rights])),
    );
    // No answer yet: leaving asks nothing.
    world.send(&mut model, Event::Back);
    assert_eq!(model.screen(), &Screen::Home);
    world.send(
        &mut model,
        Event::StartPlan(Plan::quiz(vec![Topic::Rights])),
    );
    let option = right_answer(&model)[0].clone();
    world.send(&mut model, Event::Round(RoundAction::Toggle(option)));
    world.send(&mut model, Event::Back);
    assert_eq!(
        round(&model).stage,
        Stage::Answering {
            asking: Some(Ask::Leave)
        }
    );
    world.send(&mut model, Event::Round(RoundAction::Stay));
    assert_eq!(round(&model).stage, Stage::Answering { asking: None });
    world.send(&mut model, Event::Round(RoundAction::Leave));
    let out = world.send(&mut model, Event::Round(RoundAction::LeaveAnyway));
    assert_eq!(
        out,
        vec![Persist::InProgress(None)],
        "a quiz is never parked"
    );
    assert_eq!(model.screen(), &Screen::Home);
}

#[test]
fn a_timed_quiz_moves_on_when_time_is_up_and_hands_in_after_the_last() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(timed_quiz(30)));
    let option = right_answer(&model)[0].clone();
    world.send(&mut model, Event::Round(RoundAction::Toggle(option)));
    world.wait(20_000.0);
    assert_eq!(round(&model).seconds_left(world.now_ms), Some(10));
    assert_eq!(
        round(&model).announcement(world.now_ms),
        Some((Msg::TimeLeft, Some(TIME_WARNING)))
    );
    world.wait(9_999.0);
    assert!(world.send(&mut model, Event::Tick).is_empty());
    world.wait(1.0);
    world.send(&mut model, Event::Tick);
    assert_eq!(round(&model).session.shown().map(|(i, _)| i), Some(1));
    assert_eq!(
        round(&model).seconds_left(world.now_ms),
        Some(30),
        "a new question's time"
    );
    world.wait(30_000.0);
    world.send(&mut model, Event::Tick);
    world.wait(30_000.0);
    let out = world.send(&mut model, Event::Tick);
    assert!(matches!(out.first(), Some(Persist::Answers(a)) if a.len() == 3));
    let Stage::Result(record) = &round(&model).stage else {
        panic!("handed in")
    };
    assert_eq!(
        (record.correct, record.total, record.passed),
        (1, 3, Some(false))
    );
}

#[test]
fn elder_mode_takes_the_time_limit_off() {
    let mut world = World::new();
    world.settings.elder = true;
    let mut model = loaded(&mut world);
    let out = world.send(&mut model, Event::StartPlan(timed_quiz(30)));
    let Some(Persist::Plan(plan)) = out.first() else {
        panic!("the plan is kept first")
    };
    assert_eq!(plan.limit_seconds, None);
    world.wait(120_000.0);
    world.send(&mut model, Event::Tick);
    assert_eq!(round(&model).session.shown().map(|(i, _)| i), Some(0));
    assert!(!round(&model).is_timed());
}

#[test]
fn a_double_tap_on_check_judges_the_answer_once() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(practice(Topic::Investing)));
    answer_practice(&mut world, &mut model, true);
    assert!(world
        .send(&mut model, Event::Round(RoundAction::Submit))
        .is_empty());
    let judged: Vec<_> = world
        .written
        .iter()
        .filter(|p| matches!(p, Persist::Answers(_)))
        .collect();
    assert_eq!(judged.len(), 1);
    assert_eq!(
        round(&model).announcement(world.now_ms),
        Some((Msg::Correct, None))
    );
}

#[test]
fn another_round_draws_afresh_and_starts_its_clock_again() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartDaily);
    let first = round(&model).session.clone();
    while round(&model).session.shown().is_some() {
        answer_practice(&mut world, &mut model, true);
        world.send(&mut model, Event::Round(RoundAction::Next));
    }
    world.send(&mut model, Event::Round(RoundAction::ShowAnswers));
    assert!(matches!(round(&model).stage, Stage::Answers(_)));
    world.send(&mut model, Event::Round(RoundAction::HideAnswers));
    assert!(matches!(round(&model).stage, Stage::Result(_)));
    world.wait(60_000.0);
    world.seed = 7;
    let out = world.send(&mut model, Event::Round(RoundAction::Again));
    let Some(Persist::InProgress(Some(saved))) = out.first() else {
        panic!("the new round is saved")
    };
    assert_eq!(saved.elapsed_ms, 0.0);
    assert!(round(&model).session.is_fresh());
    assert_eq!(
        round(&model).kind,
        RoundKind::Daily(DailySet::new(Date::parse(DAY).unwrap(), Audience::Everyone))
    );
    assert_eq!(
        round(&model).session.items(),
        first.items(),
        "the same day's set"
    );
}

#[test]
fn stale_round_steps_change_nothing() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    for event in [
        Event::Round(RoundAction::Submit),
        Event::Round(RoundAction::Next),
        Event::Round(RoundAction::HandIn),
        Event::Tick,
        Event::Continue,
        Event::Back,
    ] {
        let before = model.clone();
        assert!(
            world.send(&mut model, event.clone()).is_empty(),
            "{event:?}"
        );
        assert_eq!(model, before, "{event:?}");
    }
    world.send(&mut model, Event::StartPlan(practice(Topic::Fraud)));
    let before = model.clone();
    assert!(world
        .send(&mut model, Event::Round(RoundAction::Next))
        .is_empty());
    assert!(
        world
            .send(&mut model, Event::Round(RoundAction::Submit))
            .is_empty(),
        "nothing ticked"
    );
    assert_eq!(model, before);
}

#[test]
fn a_round_is_titled_by_its_topics_and_mode_in_both_languages() {
    let library = Library::default();
    let title = round_title(
        &RoundKind::Plan(Plan::quiz(vec![Topic::Fraud, Topic::Privacy])),
        &library,
    );
    assert_eq!(title.get(Lang::Zh), "防范诈骗、个人信息保护 · 测验");
    assert_eq!(
        title.get(Lang::En),
        "Fraud prevention, Personal information · Quiz"
    );
    let all = round_title(&RoundKind::Plan(Plan::practice(Vec::new())), &library);
    assert_eq!(all.get(Lang::Zh), "全部主题 · 练习");
}

#[test]
fn a_practice_parked_in_another_tab_is_the_one_to_continue_here() {
    let mut world = World::new();
    let elsewhere = saved_round(&mut world, practice(Topic::Privacy), 2);
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::StartPlan(practice(Topic::Fraud)));
    answer_practice(&mut world, &mut model, true);
    world.send(&mut model, Event::Round(RoundAction::Leave));
    let out = world.send(
        &mut model,
        Event::OtherTab(OtherTab::Parked(Some(elsewhere.clone()))),
    );
    assert_eq!(out, vec![], "the other tab wrote it already");
    assert_eq!(model.parked(), Some(&elsewhere));
    world.send(&mut model, Event::OtherTab(OtherTab::Parked(None)));
    assert_eq!(model.parked(), None, "continued or dropped there");
}

#[test]
fn a_round_saved_in_another_tab_is_named_here_only_while_a_round_is_in_progress() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    world.send(&mut model, Event::OtherTab(OtherTab::RoundSaved));
    assert_eq!(model.notices(), &[], "nothing in progress here");
    world.send(&mut model, Event::StartPlan(practice(Topic::Fraud)));
    let out = world.send(&mut model, Event::OtherTab(OtherTab::RoundSaved));
    assert_eq!(out, vec![], "this round is not written over the other");
    assert_eq!(model.notices(), &[Notice::RoundElsewhere]);
    world.send(&mut model, Event::OtherTab(OtherTab::RoundSaved));
    assert_eq!(model.notices(), &[Notice::RoundElsewhere], "said once");
    // The round here goes on, and its next step takes the slot back.
    answer_practice(&mut world, &mut model, true);
    assert!(matches!(
        world.written.last(),
        Some(Persist::InProgress(Some(_)))
    ));
}

#[test]
fn a_round_saved_in_another_tab_replaces_the_one_waiting_here_to_resume() {
    let mut world = World::new();
    let waiting = saved_round(&mut world, practice(Topic::Fraud), 1);
    let mut model = AppModel::new(Start {
        resumable: Some(waiting),
        ..Start::default()
    });
    model.apply(Event::OtherTab(OtherTab::RoundSaved), &world.env());
    load_all(&mut world, &mut model);
    assert_eq!(
        model.round(),
        None,
        "the other tab's round is the one to resume"
    );
}

#[test]
fn the_rehearsal_taps_a_topic_starts_a_practice_answers_its_first_question_and_goes_on() {
    let mut world = World::new();
    let mut model = AppModel::new(Start::default());
    let today = world.env().today;
    assert_eq!(
        model.rehearsal_step(today),
        None,
        "nothing to rehearse before the banks"
    );
    load_all(&mut world, &mut model);
    let mut steps = Vec::new();
    while let Some(event) = model.rehearsal_step(today) {
        steps.push(event.clone());
        world.send(&mut model, event);
        assert!(steps.len() <= 5, "it ends: {steps:?}");
    }
    let first = Topic::ALL[0];
    assert_eq!(
        steps[0],
        Event::OpenSetup(SetupChoice {
            topic: Some(first),
            mode: None
        })
    );
    assert!(
        matches!(&steps[1], Event::StartPlan(plan) if plan.mode == Mode::Practice && plan.topics == vec![first])
    );
    assert!(matches!(steps[2], Event::Round(RoundAction::Toggle(_))));
    assert_eq!(steps[3], Event::Round(RoundAction::Submit));
    assert_eq!(steps[4], Event::Round(RoundAction::Next));
    let session = &round(&model).session;
    assert_eq!(
        (session.answered(), session.shown().map(|(i, _)| i)),
        (1, Some(1))
    );
}

#[test]
fn the_screen_follows_the_part_shown_the_check_and_the_options_answered() {
    let mut world = World::new();
    let mut model = loaded(&mut world);
    let mut plan = practice(Topic::Fraud);
    plan.count = Some(2);
    world.send(&mut model, Event::StartPlan(plan));
    let shown = |model: &AppModel| {
        let r = round(model);
        (r.showing(), r.revealed(), r.chosen().to_vec())
    };
    assert_eq!(shown(&model), (Showing::Question(0), false, vec![]));
    let (_, item) = round(&model).session.shown().unwrap();
    let wrong = item
        .options
        .iter()
        .find(|o| !right_answer(&model).contains(o))
        .unwrap()
        .clone();
    world.send(&mut model, Event::Round(RoundAction::Toggle(wrong.clone())));
    assert_eq!(
        round(&model).session.selected(),
        std::slice::from_ref(&wrong)
    );
    assert_eq!(shown(&model), (Showing::Question(0), false, vec![]));
    world.send(&mut model, Event::Round(RoundAction::Submit));
    assert_eq!(shown(&model), (Showing::Question(0), true, vec![wrong]));
    world.send(&mut model, Event::Round(RoundAction::Next));
    assert_eq!(shown(&model), (Showing::Question(1), false, vec![]));
    answer_practice(&mut world, &mut model, true);
    assert_eq!(
        shown(&model),
        (Showing::Question(1), true, right_answer(&model))
    );
    world.send(&mut model, Event::Round(RoundAction::Next));
    assert_eq!(shown(&model), (Showing::Result, false, vec![]));
    world.send(&mut model, Event::Round(RoundAction::ShowAnswers));
    assert_eq!(round(&model).showing(), Showing::Answers);
    world.send(&mut model, Event::Round(RoundAction::HideAnswers));
    assert_eq!(round(&model).showing(), Showing::Result);

    // A quiz reveals nothing while it is open.
    world.send(&mut model, Event::Home);
    let mut quiz = Plan::quiz(vec![Topic::Privacy]);
    quiz.count = Some(2);
    world.send(&mut model, Event::StartPlan(quiz));
    let first = right_answer(&model);
    for option in first {
        world.send(&mut model, Event::Round(RoundAction::Toggle(option)));
    }
    assert_eq!(shown(&model), (Showing::Question(0), false, vec![]));
    world.send(&mut model, Event::Round(RoundAction::GoTo(1)));
    assert_eq!(round(&model).showing(), Showing::Question(1));
}
