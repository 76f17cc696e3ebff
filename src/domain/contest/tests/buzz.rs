//! Buzz-in and tiebreak rounds: fouls, lockout, same-millisecond buzzes, rebounds, passes, void
//! questions, and sudden death among the tied teams.

use super::*;

fn buzz_in(rules: BuzzRules, teams: usize, questions: usize) -> Hall {
    Hall::one_round(teams, RoundRules::BuzzIn(rules), questions)
}

/// A buzz-in round at its first question, read and open.
fn open(rules: BuzzRules, teams: usize) -> Hall {
    let mut hall = buzz_in(rules, teams, 2);
    hall.play([Event::Next, Event::ShowQuestion, Event::OpenBuzzing]);
    hall
}

#[test]
fn an_early_buzz_is_a_foul_that_costs_points_and_shuts_the_team_out() {
    let mut hall = buzz_in(BuzzRules::default(), 3, 2);
    hall.play([Event::Next]);
    // Before the question is shown, a buzzer is only a test press.
    assert_eq!(hall.buzz(A), Err(Refused::NotNow));
    hall.play([Event::ShowQuestion]);
    assert_eq!(hall.buzz(A), Ok(Effect::Changed));
    assert_eq!(hall.last_log().outcome, Outcome::Foul);
    assert_eq!(hall.scores(), [90, 100, 100]);
    // One penalty per question, however often the key is pressed.
    assert_eq!(hall.buzz(A), Ok(Effect::Logged));
    assert_eq!(
        hall.last_log().outcome,
        Outcome::Ignored(Ignored::AlreadyFouled)
    );
    assert_eq!(hall.scores(), [90, 100, 100]);
    hall.play([Event::OpenBuzzing]);
    assert_eq!(hall.buzz(A), Ok(Effect::Logged));
    assert_eq!(hall.last_log().outcome, Outcome::Ignored(Ignored::ShutOut));
    assert_eq!(hall.phase(), Phase::Open);
    assert_eq!(hall.send(Event::PickTeam(A)), Err(Refused::TeamShutOut(A)));
    hall.play([Event::Buzz { team: B, at_ms: 1 }]);
    assert_eq!(hall.phase(), Phase::Answering(B));
}

#[test]
fn a_team_that_fouled_may_still_answer_when_the_rules_allow() {
    let rules = BuzzRules {
        foul: -5,
        foul_excludes: false,
        ..BuzzRules::default()
    };
    let mut hall = buzz_in(rules, 2, 1);
    hall.play([Event::Next, Event::ShowQuestion]);
    hall.buzz(A).unwrap();
    hall.play([Event::OpenBuzzing]);
    hall.buzz(A).unwrap();
    assert_eq!(hall.phase(), Phase::Answering(A));
    hall.play([Event::Judge(Verdict::Right)]);
    assert_eq!(hall.scores(), [105, 100]);
}

#[test]
fn the_first_buzz_locks_the_others_out_and_starts_the_answer_time() {
    let mut hall = open(BuzzRules::default(), 3);
    hall.wait(1_200);
    hall.buzz(C).unwrap();
    assert_eq!(hall.phase(), Phase::Answering(C));
    let timer = hall.game.state().timer().unwrap();
    assert_eq!(timer.limit_ms, 15_000);
    assert_eq!(timer.left_ms(hall.now_ms + 1_000), 14_000);
    hall.wait(3);
    assert_eq!(hall.buzz(A), Ok(Effect::Logged));
    assert_eq!(
        hall.last_log().outcome,
        Outcome::Ignored(Ignored::LockedOut {
            first: C,
            same_ms: false
        })
    );
    hall.play([Event::Judge(Verdict::Right)]);
    assert_eq!(hall.scores(), [100, 100, 110]);
}

#[test]
fn two_buzzes_in_the_same_millisecond_go_to_the_first_event_and_both_are_logged() {
    let mut hall = open(BuzzRules::default(), 3);
    let at_ms = hall.now_ms + 500;
    hall.play([Event::Buzz { team: B, at_ms }]);
    assert_eq!(
        hall.send(Event::Buzz { team: A, at_ms }),
        Ok(Effect::Logged)
    );
    assert_eq!(hall.phase(), Phase::Answering(B));
    let log = hall.game.log();
    let [.., taken, ignored] = log else {
        panic!("two log lines")
    };
    assert_eq!((taken.team, taken.outcome), (Some(B), Outcome::Done));
    assert_eq!(
        (ignored.team, ignored.outcome),
        (
            Some(A),
            Outcome::Ignored(Ignored::LockedOut {
                first: B,
                same_ms: true
            })
        )
    );
    // The same two presses in the other order give the other team the question.
    let mut other = open(BuzzRules::default(), 3);
    other.play([
        Event::Buzz { team: A, at_ms },
        Event::Buzz { team: B, at_ms },
    ]);
    assert_eq!(other.phase(), Phase::Answering(A));
}

#[test]
fn a_wrong_answer_loses_points_and_rebounds_to_the_teams_left() {
    let mut hall = open(BuzzRules::default(), 3);
    hall.buzz(A).unwrap();
    hall.play([Event::Judge(Verdict::Wrong)]);
    assert_eq!(hall.last_log().outcome, Outcome::Wrong { rebound: true });
    assert_eq!(hall.phase(), Phase::Reading);
    assert_eq!(hall.scores(), [90, 100, 100]);
    // The host opens buzzing again; the team that missed is shut out, and pressing early is no
    // new foul for it.
    assert_eq!(hall.buzz(A), Ok(Effect::Logged));
    hall.play([Event::OpenBuzzing]);
    assert_eq!(hall.buzz(A), Ok(Effect::Logged));
    hall.buzz(B).unwrap();
    hall.play([Event::Judge(Verdict::Right)]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::Right(B)));
    assert_eq!(hall.scores(), [90, 110, 100]);
    assert_eq!(hall.game.state().play().tried, [A]);
}

#[test]
fn a_question_missed_by_as_many_teams_as_the_rules_allow_ends_wrong() {
    let mut hall = open(BuzzRules::default(), 3);
    hall.buzz(A).unwrap();
    hall.play([Event::Judge(Verdict::Wrong), Event::OpenBuzzing]);
    hall.buzz(C).unwrap();
    hall.play([Event::Judge(Verdict::Wrong)]);
    assert_eq!(hall.last_log().outcome, Outcome::Wrong { rebound: false });
    assert_eq!(hall.phase(), Phase::Settled(Ending::Wrong(C)));
    assert_eq!(hall.scores(), [90, 100, 90]);
    hall.play([Event::Reveal]);
    assert_eq!(hall.phase(), Phase::Revealed(Ending::Wrong(C)));
}

#[test]
fn a_wrong_answer_passes_the_question_when_the_rules_say_pass() {
    let rules = BuzzRules {
        after_wrong: AfterWrong::Pass,
        ..BuzzRules::default()
    };
    let mut hall = open(rules, 3);
    hall.buzz(B).unwrap();
    hall.play([Event::Judge(Verdict::Wrong)]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::Wrong(B)));
}

#[test]
fn the_host_passes_a_question_and_nobody_scores() {
    let mut hall = open(BuzzRules::default(), 2);
    hall.buzz(A).unwrap();
    hall.play([Event::Pass]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::Passed));
    assert_eq!(hall.scores(), [100, 100]);
    assert_eq!(hall.send(Event::Pass), Err(Refused::NotNow));
}

#[test]
fn a_question_nobody_buzzes_in_time_is_void_and_a_late_press_is_too_late() {
    let mut hall = open(BuzzRules::default(), 2);
    let opened = hall.now_ms;
    hall.wait(19_999);
    assert_eq!(hall.send(Event::TimeUp), Err(Refused::TimeNotUp));
    hall.wait(10);
    // The key event says it was pressed after the window closed, before the shell said so.
    assert_eq!(
        hall.send(Event::Buzz {
            team: A,
            at_ms: opened + 20_000
        }),
        Ok(Effect::Logged)
    );
    assert_eq!(hall.last_log().outcome, Outcome::Ignored(Ignored::TooLate));
    hall.play([Event::TimeUp]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::Void));
    assert_eq!(hall.last_log().outcome, Outcome::Void);
    assert_eq!(hall.scores(), [100, 100]);
}

#[test]
fn a_buzzing_team_out_of_time_counts_as_wrong_and_the_question_rebounds() {
    let mut hall = open(BuzzRules::default(), 2);
    hall.buzz(A).unwrap();
    hall.wait(15_000);
    hall.play([Event::TimeUp]);
    assert_eq!(hall.last_log().outcome, Outcome::TimedOut { rebound: true });
    assert_eq!(hall.scores(), [90, 100]);
    assert_eq!(hall.phase(), Phase::Reading);
}

#[test]
fn the_host_picks_the_team_when_there_are_no_buzzers() {
    let mut hall = buzz_in(BuzzRules::default(), 3, 1);
    hall.play([Event::Next, Event::ShowQuestion, Event::PickTeam(C)]);
    assert_eq!(hall.phase(), Phase::Answering(C));
    assert_eq!(hall.game.state().play().buzz, None);
    hall.play([Event::Judge(Verdict::Right)]);
    assert_eq!(hall.scores(), [100, 100, 110]);
}

/// A compulsory round of `n` questions (one per team) with these verdicts, then a tiebreak of
/// `tiebreak` questions.
fn to_tiebreak(verdicts: &[bool], tiebreak: usize, places: u8) -> Hall {
    let library = library();
    let n = verdicts.len();
    let s = setup(
        n,
        vec![
            round(
                RoundRules::Compulsory(CompulsoryRules::default()),
                keys(&library, 0, n),
            ),
            round(
                RoundRules::Tiebreak(TiebreakRules {
                    places,
                    ..TiebreakRules::default()
                }),
                keys(&library, n, tiebreak),
            ),
        ],
    );
    let mut hall = Hall::new(library, s);
    hall.play([Event::Next]);
    for right in verdicts {
        let verdict = if *right {
            Verdict::Right
        } else {
            Verdict::Wrong
        };
        hall.play([Event::ShowQuestion, Event::Judge(verdict), Event::Next]);
    }
    hall
}

#[test]
fn a_tiebreak_is_skipped_when_no_place_that_counts_is_tied() {
    let hall = to_tiebreak(&[true, false], 3, 3);
    assert_eq!(hall.phase(), Phase::Finished);
    assert_eq!(hall.last_log().outcome, Outcome::TiebreakSkipped);
    assert_eq!(hall.game.ranking()[0].team, A);
}

#[test]
fn a_tiebreak_is_sudden_death_between_the_tied_teams_only() {
    // A and C tie for first; B is third.
    let mut hall = to_tiebreak(&[true, false, true], 3, 1);
    assert_eq!(hall.phase(), Phase::RoundStart);
    assert_eq!(hall.game.state().contenders(), [A, C]);
    hall.play([Event::Next, Event::ShowQuestion]);
    // B is not in the tiebreak: its early press is no foul.
    assert_eq!(hall.buzz(B), Ok(Effect::Logged));
    assert_eq!(
        hall.last_log().outcome,
        Outcome::Ignored(Ignored::NotInTiebreak)
    );
    hall.play([Event::OpenBuzzing]);
    assert_eq!(hall.buzz(B), Ok(Effect::Logged));
    // Nobody buzzes: the question is void and the tie stands, so another comes.
    hall.wait(20_000);
    hall.play([Event::TimeUp, Event::Next]);
    assert_eq!(hall.phase(), Phase::Ready(None));
    assert_eq!(hall.game.state().question(), 1);
    hall.play([Event::ShowQuestion, Event::OpenBuzzing]);
    hall.buzz(C).unwrap();
    hall.play([Event::Judge(Verdict::Right), Event::Reveal, Event::Next]);
    assert_eq!(hall.phase(), Phase::Finished, "the tie is broken");
    let podium: Vec<(TeamId, usize)> = hall
        .game
        .ranking()
        .iter()
        .map(|s| (s.team, s.place))
        .collect();
    assert_eq!(podium, [(C, 1), (A, 2), (B, 3)]);
}

#[test]
fn a_tiebreak_out_of_questions_leaves_the_tie_shared() {
    let mut hall = to_tiebreak(&[true, true], 1, 1);
    hall.play([Event::Next, Event::ShowQuestion, Event::OpenBuzzing]);
    hall.wait(20_000);
    hall.play([Event::TimeUp, Event::Next]);
    assert_eq!(hall.phase(), Phase::Finished);
    let places: Vec<usize> = hall.game.results().iter().map(|r| r.place).collect();
    assert_eq!(places, [1, 1]);
}

#[test]
fn a_wrong_tiebreak_answer_breaks_a_tie_of_two() {
    let mut hall = to_tiebreak(&[true, true, false], 2, 1);
    hall.play([Event::Next, Event::ShowQuestion, Event::OpenBuzzing]);
    hall.buzz(B).unwrap();
    hall.play([Event::Judge(Verdict::Wrong)]);
    // Sudden death: no rebound by default.
    assert_eq!(hall.phase(), Phase::Settled(Ending::Wrong(B)));
    hall.play([Event::Next]);
    assert_eq!(hall.phase(), Phase::Finished);
    assert_eq!(hall.game.ranking()[0].team, A);
    let results = hall.game.results();
    assert_eq!(results[1].rounds, [10, -10]);
}
