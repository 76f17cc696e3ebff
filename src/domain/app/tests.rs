//! The app model driven through events, natively: the round lifecycle, resume-versus-link
//! precedence, the time taken, the back button and the timer.

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
    assert_eq!(round(&model).stage, Stage::Answering { leaving: true });
    world.send(&mut model, Event::Round(RoundAction::Stay));
    assert_eq!(round(&model).stage, Stage::Answering { leaving: false });
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
