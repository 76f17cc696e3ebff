//! Nothing lost: undo and redo any number of steps (a property test over random actions), the
//! log as a ledger, the whole match through JSON after every step, and the timer across a reload.

use super::*;
use crate::domain::rng::Rng;

/// A match of every round type for three teams.
fn every_round() -> Hall {
    let library = library();
    let rules = vec![
        RoundRules::Compulsory(CompulsoryRules::default()),
        RoundRules::BuzzIn(BuzzRules::default()),
        RoundRules::Risk(RiskRules::default()),
        RoundRules::Tiebreak(TiebreakRules::default()),
    ];
    let s = setup(3, rounds_of(&library, rules, 3));
    Hall::new(library, s)
}

/// Saves and loads the match as the shell does after every action.
fn reload(game: &Match) -> Match {
    serde_json::from_str(&serde_json::to_string(game).unwrap()).unwrap()
}

/// Starting score plus every change the log holds is each team's score.
fn assert_log_adds_up(game: &Match) {
    let mut scores = vec![game.setup().starting_score; game.setup().teams.len()];
    for change in game.log().iter().flat_map(|e| &e.changes) {
        scores[change.team.index()] += change.delta;
    }
    assert_eq!(scores, game.scores(), "the log must add up to the scores");
}

/// Any event, often one that does not apply now, with teams and values that may not exist.
fn random_event(rng: &mut Rng, hall: &Hall) -> Event {
    let team = TeamId(rng.below(4) as u8);
    match rng.below(19) {
        0 => Event::ShowQuestion,
        1 => Event::OpenBuzzing,
        2 | 3 => Event::Buzz {
            team,
            at_ms: hall.now_ms - rng.below(2) as u64,
        },
        4 => Event::PickTeam(team),
        5 => Event::ChooseValue([10, 20, 30, 25][rng.below(4)]),
        6 => Event::Decline,
        7 => Event::StartTimer,
        8 => Event::PauseTimer,
        9 => Event::ResumeTimer,
        10 => Event::TimeUp,
        11 => Event::Judge(match rng.below(3) {
            0 => Verdict::Right,
            1 => Verdict::Wrong,
            _ if hall.game.question().is_some() => Verdict::Said(hall.answer()),
            _ => Verdict::Said(Vec::new()),
        }),
        12 => Event::Pass,
        13 => Event::Reveal,
        14 | 15 => Event::Next,
        16 => Event::Undo,
        17 => Event::Redo,
        _ => Event::Adjust {
            team,
            delta: rng.below(21) as i32 - 10,
            reason: "评委裁定".into(),
        },
    }
}

/// An event that usually applies in the phase shown, so that matches get far.
fn likely_event(rng: &mut Rng, hall: &Hall) -> Event {
    let team = TeamId(rng.below(3) as u8);
    let pick = |rng: &mut Rng, events: &[Event]| events[rng.below(events.len())].clone();
    match hall.phase() {
        Phase::RoundStart | Phase::Revealed(_) | Phase::Finished => Event::Next,
        Phase::Settled(_) => pick(rng, &[Event::Reveal, Event::Next]),
        Phase::Choosing(_) => pick(rng, &[Event::ChooseValue(20), Event::Decline]),
        Phase::Ready(_) => Event::ShowQuestion,
        Phase::Reading => pick(
            rng,
            &[
                Event::OpenBuzzing,
                Event::OpenBuzzing,
                Event::Buzz {
                    team,
                    at_ms: hall.now_ms,
                },
            ],
        ),
        Phase::Open => pick(
            rng,
            &[
                Event::TimeUp,
                Event::PickTeam(team),
                Event::Buzz {
                    team,
                    at_ms: hall.now_ms,
                },
            ],
        ),
        Phase::Answering(_) => pick(
            rng,
            &[
                Event::StartTimer,
                Event::TimeUp,
                Event::Judge(Verdict::Right),
                Event::Judge(Verdict::Wrong),
            ],
        ),
    }
}

#[test]
fn any_actions_then_as_many_undos_give_back_each_state_and_redo_replays_them() {
    let (mut steps, mut finished) = (0, 0);
    for seed in 0..50 {
        let mut rng = Rng::new(seed);
        let mut hall = every_round();
        // The model of undo: the states one can go back to, and forward to again.
        let mut states = vec![hall.game.state().clone()];
        let mut undone: Vec<MatchState> = Vec::new();
        for i in 0..120 {
            hall.wait(rng.below(12_000) as u64);
            let event = if rng.below(3) == 0 {
                random_event(&mut rng, &hall)
            } else {
                likely_event(&mut rng, &hall)
            };
            let before = hall.game.clone();
            match (&event, hall.send(event.clone())) {
                (Event::Undo, Ok(_)) => undone.extend(states.pop()),
                (Event::Redo, Ok(_)) => states.extend(undone.pop()),
                (_, Ok(Effect::Changed)) => {
                    states.push(hall.game.state().clone());
                    undone.clear();
                }
                (_, Ok(Effect::Logged)) => assert_eq!(hall.game.state(), before.state()),
                (_, Err(_)) => {
                    assert_eq!(hall.game, before, "a refused {event:?} changed the match")
                }
            }
            assert_eq!(
                hall.game.state(),
                states.last().unwrap(),
                "seed {seed}: {event:?}"
            );
            if i % 8 == 0 {
                // Every step is saved in the scripted match below; here, often enough to vary.
                assert_eq!(reload(&hall.game), hall.game);
            }
            assert_log_adds_up(&hall.game);
        }
        assert_eq!(reload(&hall.game), hall.game);
        steps += states.len() - 1;
        finished += usize::from(hall.phase() == Phase::Finished);
        // As many undos as steps give back every state in turn, down to the start...
        let last = hall.game.state().clone();
        let mut back = states.clone();
        while let Some(expected) = back.pop() {
            assert_eq!(hall.game.state(), &expected, "seed {seed}");
            if !back.is_empty() {
                hall.play([Event::Undo]);
            }
        }
        assert_eq!(hall.send(Event::Undo), Err(Refused::NothingToUndo));
        assert_eq!(
            hall.game.state(),
            &states[0],
            "seed {seed}: back to the start"
        );
        // ... and as many redos give them back again.
        for expected in states.iter().skip(1) {
            hall.play([Event::Redo]);
            assert_eq!(hall.game.state(), expected, "seed {seed}");
        }
        assert_eq!(hall.game.state(), &last);
        assert_log_adds_up(&hall.game);
    }
    // The generator must reach deep into matches for the test to mean anything.
    eprintln!("steps {steps}, finished {finished}");
    assert!(steps > 50 * 30, "only {steps} steps kept");
    assert!(finished > 0, "no match reached its end");
}

#[test]
fn undo_takes_a_judgement_back_and_says_so_in_the_log() {
    let mut hall = every_round();
    hall.play([
        Event::Next,
        Event::ShowQuestion,
        Event::Judge(Verdict::Right),
    ]);
    assert_eq!(hall.scores(), [110, 100, 100]);
    let judged = hall.game.log().len() - 1;
    hall.play([Event::Undo]);
    assert_eq!(hall.phase(), Phase::Answering(A));
    assert_eq!(hall.scores(), [100, 100, 100]);
    let undo = hall.last_log();
    assert_eq!(undo.outcome, Outcome::Undid(judged));
    assert_eq!(undo.team, Some(A));
    assert_eq!(
        undo.changes,
        [ScoreChange {
            team: A,
            delta: -10
        }]
    );
    // The host judges again, differently: what was undone can no longer be redone.
    hall.play([Event::Judge(Verdict::Wrong)]);
    assert!(!hall.game.can_redo());
    assert_eq!(hall.send(Event::Redo), Err(Refused::NothingToRedo));
    assert_log_adds_up(&hall.game);
}

#[test]
fn a_buzz_only_logged_is_not_a_step_to_undo() {
    let mut hall = every_round();
    hall.play([Event::Next]);
    for _ in 0..3 {
        hall.play([
            Event::ShowQuestion,
            Event::Judge(Verdict::Right),
            Event::Next,
        ]);
    }
    hall.play([Event::Next, Event::ShowQuestion, Event::OpenBuzzing]);
    hall.buzz(B).unwrap();
    assert_eq!(hall.buzz(C), Ok(Effect::Logged));
    hall.play([Event::Undo]);
    assert_eq!(hall.phase(), Phase::Open, "the undo takes back B's buzz");
}

#[test]
fn a_reload_resumes_the_timer_with_the_time_it_had() {
    let mut hall = every_round();
    hall.play([Event::Next, Event::ShowQuestion, Event::StartTimer]);
    hall.wait(12_345);
    let left = hall.game.state().timer().unwrap().left_ms(hall.now_ms);
    assert_eq!(left, 30_000 - 12_345);
    // The browser crashes and the page opens again on the saved match.
    hall.game = reload(&hall.game);
    assert_eq!(
        hall.game.state().timer().unwrap().left_ms(hall.now_ms),
        left
    );
    assert_eq!(
        hall.game.state().timer().unwrap().run(),
        Run::Running {
            since_ms: hall.now_ms - 12_345
        }
    );
    // Paused, it keeps its time however long the reload takes.
    hall.play([Event::PauseTimer]);
    hall.game = reload(&hall.game);
    hall.wait(3_600_000);
    assert_eq!(
        hall.game.state().timer().unwrap().left_ms(hall.now_ms),
        left
    );
    assert_eq!(hall.send(Event::PauseTimer), Err(Refused::Timer));
    hall.play([Event::ResumeTimer]);
    hall.wait(left - 1);
    assert_eq!(hall.send(Event::TimeUp), Err(Refused::TimeNotUp));
    hall.wait(1);
    hall.play([Event::TimeUp]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::TimedOut(A)));
}

/// Applies `event`, which must be accepted, and checks the match saved and loaded is the same.
fn step(hall: &mut Hall, event: Event) {
    let what = format!("{event:?}");
    hall.send(event)
        .unwrap_or_else(|e| panic!("{what} refused: {e}"));
    assert_eq!(reload(&hall.game), hall.game, "after {what}");
}

/// A buzz pressed now.
fn press(hall: &Hall, team: TeamId) -> Event {
    Event::Buzz {
        team,
        at_ms: hall.now_ms,
    }
}

#[test]
fn a_match_through_every_round_type_is_saved_and_loaded_the_same_after_every_step() {
    let mut hall = every_round();
    // 必答: A right, B wrong, C right.
    step(&mut hall, Event::Next);
    for verdict in [Verdict::Right, Verdict::Wrong, Verdict::Right] {
        step(&mut hall, Event::ShowQuestion);
        step(&mut hall, Event::StartTimer);
        hall.wait(5_000);
        step(&mut hall, Event::Judge(verdict));
        step(&mut hall, Event::Reveal);
        step(&mut hall, Event::Next);
    }
    assert_eq!(hall.scores(), [110, 100, 110]);
    // 抢答: a foul by B, A wrong and a rebound to C, right; then an adjustment, undone and redone.
    step(&mut hall, Event::Next);
    step(&mut hall, Event::ShowQuestion);
    let event = press(&hall, B);
    step(&mut hall, event);
    step(&mut hall, Event::OpenBuzzing);
    hall.wait(800);
    let event = press(&hall, A);
    step(&mut hall, event);
    step(&mut hall, Event::Judge(Verdict::Wrong));
    step(&mut hall, Event::OpenBuzzing);
    let event = press(&hall, C);
    step(&mut hall, event);
    step(&mut hall, Event::Judge(Verdict::Right));
    step(&mut hall, Event::Reveal);
    assert_eq!(hall.scores(), [100, 90, 120]);
    step(
        &mut hall,
        Event::Adjust {
            team: B,
            delta: 10,
            reason: "评委复核：犯规不成立".into(),
        },
    );
    step(&mut hall, Event::Undo);
    step(&mut hall, Event::Redo);
    assert_eq!(hall.scores(), [100, 100, 120]);
    step(&mut hall, Event::Next);
    for _ in 0..2 {
        step(&mut hall, Event::ShowQuestion);
        step(&mut hall, Event::OpenBuzzing);
        hall.wait(20_000);
        step(&mut hall, Event::TimeUp);
        step(&mut hall, Event::Next);
    }
    // 风险: A 30 right, B 20 wrong, C declines.
    step(&mut hall, Event::Next);
    step(&mut hall, Event::ChooseValue(30));
    step(&mut hall, Event::ShowQuestion);
    step(&mut hall, Event::Judge(Verdict::Right));
    step(&mut hall, Event::Next);
    step(&mut hall, Event::ChooseValue(20));
    step(&mut hall, Event::ShowQuestion);
    step(&mut hall, Event::Judge(Verdict::Wrong));
    step(&mut hall, Event::Next);
    step(&mut hall, Event::Decline);
    step(&mut hall, Event::Next);
    assert_eq!(hall.scores(), [130, 80, 120]);
    // No tie on the podium: the tiebreak is skipped and the match is over.
    assert_eq!(hall.phase(), Phase::Finished);
    assert_eq!(hall.last_log().outcome, Outcome::TiebreakSkipped);
    let results = hall.game.results();
    let sheet: Vec<(TeamId, Vec<i32>, i32, i32, usize)> = results
        .into_iter()
        .map(|r| (r.team, r.rounds, r.adjusted, r.score, r.place))
        .collect();
    assert_eq!(
        sheet,
        [
            (A, vec![10, -10, 30, 0], 0, 130, 1),
            (C, vec![10, 10, 0, 0], 0, 120, 2),
            (B, vec![0, -10, -20, 0], 10, 80, 3),
        ]
    );
    assert_log_adds_up(&hall.game);
}
