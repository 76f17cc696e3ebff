//! The match driven through events, natively: compulsory and risk rounds, adjustments and ranking
//! here; in the submodules setups and draws, buzz-in and tiebreaks, undo and redo, and saving after
//! every step.

use super::*;
use crate::domain::bank::{parse_bank_on_device, BankIndex, OptionId, QuestionType, Topic};
use crate::domain::date::Date;
use std::sync::Arc;

mod audience;
mod buzz;
mod page;
mod saved;
mod setup;

const DAY: &str = "2026-12-05";

pub(super) fn today() -> Date {
    Date::parse(DAY).unwrap()
}

/// Every bank in `quizzes/` (read once for all the tests).
pub(super) fn library() -> Library {
    static LIBRARY: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(read_library).clone()
}

fn read_library() -> Library {
    let index = BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap();
    let mut library = Library::default();
    for entry in index.banks {
        let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
        library.insert(Arc::new(
            parse_bank_on_device(&entry.file, &bytes).bank.unwrap(),
        ));
    }
    library
}

/// The first `n` questions of the library, skipping `skip`.
pub(super) fn keys(library: &Library, skip: usize, n: usize) -> Vec<QuestionKey> {
    library
        .current_questions(today())
        .into_iter()
        .skip(skip)
        .take(n)
        .map(|(bank, q)| QuestionKey::new(bank.clone(), q.id.clone()))
        .collect()
}

pub(super) fn teams(n: usize) -> Vec<Team> {
    (0..n)
        .map(|i| Team {
            name: format!("第{}队", i + 1),
            colour: TeamColour::ALL[i],
            label: (i + 1).to_string(),
        })
        .collect()
}

pub(super) fn round(rules: RoundRules, questions: Vec<QuestionKey>) -> RoundSetup {
    RoundSetup {
        rules,
        questions,
        draw: None,
    }
}

/// Rounds with these rules in order, each with the next `per` questions of the library.
pub(super) fn rounds_of(library: &Library, rules: Vec<RoundRules>, per: usize) -> Vec<RoundSetup> {
    rules
        .into_iter()
        .enumerate()
        .map(|(i, rules)| round(rules, keys(library, i * per, per)))
        .collect()
}

pub(super) fn setup(teams: usize, rounds: Vec<RoundSetup>) -> MatchSetup {
    MatchSetup {
        title: "决赛".into(),
        teams: self::teams(teams),
        starting_score: 100,
        rounds,
    }
}

pub(super) const A: TeamId = TeamId(0);
pub(super) const B: TeamId = TeamId(1);
pub(super) const C: TeamId = TeamId(2);

/// The hall: the banks, the clock, and the match.
pub(super) struct Hall {
    pub library: Library,
    pub now_ms: u64,
    pub game: Match,
}

impl Hall {
    pub fn new(library: Library, setup: MatchSetup) -> Hall {
        let game = Match::new(setup, &library).unwrap();
        Hall {
            library,
            now_ms: 1_800_000_000_000,
            game,
        }
    }

    /// One round of `rules` with `questions` questions, for `teams` teams.
    pub fn one_round(teams: usize, rules: RoundRules, questions: usize) -> Hall {
        let library = library();
        let setup = setup(teams, vec![round(rules, keys(&library, 0, questions))]);
        Hall::new(library, setup)
    }

    pub fn send(&mut self, event: Event) -> Result<Effect, Refused> {
        let env = Env {
            now_ms: self.now_ms,
            library: &self.library,
        };
        self.game.apply(event, &env)
    }

    /// Sends events that must all be accepted.
    pub fn play(&mut self, events: impl IntoIterator<Item = Event>) {
        for event in events {
            let what = format!("{event:?}");
            self.send(event)
                .unwrap_or_else(|e| panic!("{what} refused: {e}"));
        }
    }

    pub fn wait(&mut self, ms: u64) {
        self.now_ms += ms;
    }

    pub fn phase(&self) -> Phase {
        self.game.state().phase()
    }

    pub fn scores(&self) -> Vec<i32> {
        self.game.scores()
    }

    pub fn buzz(&mut self, team: TeamId) -> Result<Effect, Refused> {
        let at_ms = self.now_ms;
        self.send(Event::Buzz { team, at_ms })
    }

    pub fn last_log(&self) -> &LogEntry {
        self.game.log().last().unwrap()
    }

    /// The right options of the question in play.
    pub fn answer(&self) -> Vec<OptionId> {
        let key = self.game.question().unwrap();
        let q = self.library.question(&key.bank, &key.question).unwrap();
        q.answer.clone()
    }
}

fn problems(setup: &MatchSetup) -> Vec<SetupError> {
    setup.check(&library())
}

#[test]
fn compulsory_teams_answer_in_turn_right_scores_and_wrong_does_not() {
    let mut hall = Hall::one_round(3, RoundRules::Compulsory(CompulsoryRules::default()), 6);
    hall.play([Event::Next]);
    for (i, right) in [true, false, true, true, false, false]
        .into_iter()
        .enumerate()
    {
        let team = TeamId((i % 3) as u8);
        assert_eq!(hall.phase(), Phase::Ready(Some(team)), "question {i}");
        assert_eq!(
            hall.send(Event::Judge(Verdict::Right)),
            Err(Refused::NotNow)
        );
        hall.play([Event::ShowQuestion]);
        assert_eq!(hall.phase(), Phase::Answering(team));
        // Only the team answering is judged: buzzers do nothing in a compulsory round.
        assert_eq!(hall.buzz(B), Err(Refused::NotNow));
        let verdict = if right {
            Verdict::Right
        } else {
            Verdict::Wrong
        };
        hall.play([Event::Judge(verdict), Event::Reveal, Event::Next]);
    }
    assert_eq!(hall.scores(), [120, 100, 110]);
    assert_eq!(hall.phase(), Phase::Finished);
    assert_eq!(hall.send(Event::Next), Err(Refused::NotNow));
}

#[test]
fn compulsory_time_up_scores_the_timeout_points_only_once_the_time_is_up() {
    let rules = CompulsoryRules {
        seconds: 30,
        timeout: -5,
        ..CompulsoryRules::default()
    };
    let mut hall = Hall::one_round(2, RoundRules::Compulsory(rules), 2);
    hall.play([Event::Next, Event::ShowQuestion]);
    hall.wait(60_000);
    // The countdown waits for the host: reading the question takes no answering time.
    assert_eq!(hall.send(Event::TimeUp), Err(Refused::TimeNotUp));
    hall.play([Event::StartTimer]);
    hall.wait(29_999);
    assert_eq!(hall.send(Event::TimeUp), Err(Refused::TimeNotUp));
    hall.wait(1);
    hall.play([Event::TimeUp]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::TimedOut(A)));
    assert_eq!(hall.scores(), [95, 100]);
}

#[test]
fn judging_the_options_said_checks_them_against_the_answer() {
    let mut hall = Hall::one_round(2, RoundRules::Compulsory(CompulsoryRules::default()), 2);
    hall.play([Event::Next, Event::ShowQuestion]);
    let answer = hall.answer();
    hall.play([Event::Judge(Verdict::Said(answer.clone())), Event::Next]);
    assert_eq!(hall.scores(), [110, 100]);
    hall.play([Event::ShowQuestion]);
    let right = hall.answer();
    let key = hall.game.question().unwrap().clone();
    let q = hall.library.question(&key.bank, &key.question).unwrap();
    let wrong = q
        .options
        .iter()
        .find(|o| !right.contains(&o.id))
        .unwrap()
        .id
        .clone();
    hall.play([Event::Judge(Verdict::Said(vec![wrong.clone()]))]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::Wrong(B)));
    assert_eq!(hall.game.state().play().said, Some(vec![wrong]));
    assert_eq!(hall.scores(), [110, 100]);
}

fn risk(rules: RiskRules, teams: usize, questions: usize) -> Hall {
    Hall::one_round(teams, RoundRules::Risk(rules), questions)
}

#[test]
fn risk_right_wins_the_value_picked_and_wrong_loses_it() {
    let mut hall = risk(RiskRules::default(), 2, 2);
    hall.play([Event::Next]);
    assert_eq!(hall.phase(), Phase::Choosing(A));
    // The question stays hidden until a value is picked.
    assert_eq!(hall.send(Event::ShowQuestion), Err(Refused::NotNow));
    assert_eq!(
        hall.send(Event::ChooseValue(25)),
        Err(Refused::NotAValue(25))
    );
    hall.play([
        Event::ChooseValue(30),
        Event::ShowQuestion,
        Event::Judge(Verdict::Right),
        Event::Next,
        Event::ChooseValue(20),
        Event::ShowQuestion,
        Event::Judge(Verdict::Wrong),
    ]);
    assert_eq!(hall.scores(), [130, 80]);
}

#[test]
fn a_risk_team_may_decline_when_the_rules_allow_and_nothing_changes() {
    let mut hall = risk(RiskRules::default(), 2, 2);
    hall.play([Event::Next, Event::Decline]);
    assert_eq!(hall.phase(), Phase::Settled(Ending::Declined(A)));
    assert_eq!(hall.scores(), [100, 100]);
    let strict = RiskRules {
        may_decline: false,
        ..RiskRules::default()
    };
    let mut hall = risk(strict, 2, 2);
    hall.play([Event::Next]);
    assert_eq!(hall.send(Event::Decline), Err(Refused::MayNotDecline));
}

#[test]
fn a_risk_team_out_of_time_loses_its_value_when_the_rules_say_so() {
    let lenient = RiskRules {
        timeout_loses: false,
        ..RiskRules::default()
    };
    for (rules, scores) in [(RiskRules::default(), [80, 100]), (lenient, [100, 100])] {
        let mut hall = risk(rules, 2, 2);
        hall.play([
            Event::Next,
            Event::ChooseValue(20),
            Event::ShowQuestion,
            Event::StartTimer,
        ]);
        hall.wait(60_000);
        hall.play([Event::TimeUp]);
        assert_eq!(hall.scores(), scores);
    }
}

#[test]
fn risk_turns_go_lowest_score_first_when_the_rules_say_so() {
    let library = library();
    let rules = vec![
        RoundRules::Compulsory(CompulsoryRules::default()),
        RoundRules::Risk(RiskRules {
            order: TurnOrder::LowestFirst,
            ..RiskRules::default()
        }),
    ];
    let s = setup(3, rounds_of(&library, rules, 3));
    let mut hall = Hall::new(library, s);
    hall.play([Event::Next]);
    for verdict in [Verdict::Right, Verdict::Wrong, Verdict::Right] {
        hall.play([Event::ShowQuestion, Event::Judge(verdict), Event::Next]);
    }
    assert_eq!(hall.scores(), [110, 100, 110]);
    hall.play([Event::Next]);
    assert_eq!(hall.game.state().order(), [B, A, C]);
    assert_eq!(hall.phase(), Phase::Choosing(B));
}

#[test]
fn the_host_may_give_a_turn_to_another_team() {
    let mut hall = Hall::one_round(3, RoundRules::Compulsory(CompulsoryRules::default()), 3);
    hall.play([Event::Next, Event::PickTeam(C)]);
    assert_eq!(hall.phase(), Phase::Ready(Some(C)));
    assert_eq!(
        hall.send(Event::PickTeam(TeamId(7))),
        Err(Refused::NoSuchTeam(TeamId(7)))
    );
    hall.play([Event::ShowQuestion, Event::Judge(Verdict::Right)]);
    assert_eq!(hall.scores(), [100, 100, 110]);
}

#[test]
fn a_manual_adjustment_needs_a_reason_and_is_logged_with_it() {
    let mut hall = Hall::one_round(2, RoundRules::BuzzIn(BuzzRules::default()), 1);
    let adjust = |delta, reason: &str| Event::Adjust {
        team: B,
        delta,
        reason: reason.into(),
    };
    assert_eq!(hall.send(adjust(5, "  ")), Err(Refused::NoReason));
    assert_eq!(hall.send(adjust(0, "评委裁定")), Err(Refused::NoReason));
    hall.play([adjust(5, "评委裁定：第3题答案有歧义")]);
    assert_eq!(hall.scores(), [100, 105]);
    assert_eq!(hall.game.state().adjusted(B), 5);
    let entry = hall.last_log();
    assert_eq!(entry.team, Some(B));
    assert_eq!(entry.changes, [ScoreChange { team: B, delta: 5 }]);
    assert!(matches!(&entry.event, Event::Adjust { reason, .. } if reason.contains("歧义")));
    assert_eq!(hall.game.results()[0].adjusted, 5);
}

#[test]
fn equal_scores_share_a_place_and_the_podium() {
    let standings = ranking(&[90, 120, 90, 120, 80]);
    let places: Vec<(u8, usize)> = standings.iter().map(|s| (s.team.0, s.place)).collect();
    assert_eq!(places, [(1, 1), (3, 1), (0, 3), (2, 3), (4, 5)]);
    assert_eq!(podium(&[90, 120, 90, 120, 80]).len(), 4);
    assert_eq!(tied_teams(&[90, 120, 90, 120, 80], 3), [B, TeamId(3)]);
    assert_eq!(tied_teams(&[130, 120, 90, 90], 1), []);
    assert_eq!(tied_teams(&[130, 120, 90, 90], 3), [C, TeamId(3)]);
    assert_eq!(tied_teams(&[130, 120, 90, 90], 2), []);
}
