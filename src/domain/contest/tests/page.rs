//! What the contest page asks of the match beyond playing it: the setup edited on screen (teams,
//! rounds, rules as fields, draws and picks, the setup file), whether a step applies now, what the
//! screens derive, and the results and log on paper.

use super::*;
use crate::domain::text::Lang;

fn name(n: usize) -> String {
    format!("第{n}队")
}

#[test]
fn a_starter_setup_has_three_distinct_teams_and_one_round_of_each_type() {
    let mut s = MatchSetup::starter("决赛", name);
    assert_eq!(s.teams.len(), 3);
    assert_eq!(s.starting_score, 100);
    let kinds: Vec<RoundKind> = s.rounds.iter().map(|r| r.rules.kind()).collect();
    assert_eq!(kinds, RoundKind::ALL);
    assert_eq!(s.rounds[1].rules, RoundRules::BuzzIn(BuzzRules::default()));
    while s.add_team(name) {}
    assert_eq!(s.teams.len(), MAX_TEAMS);
    let labels: Vec<&str> = s.teams.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5", "6", "7", "8"]);
    // Every team has its own colour and label: the checks find nothing but the missing questions.
    assert!(s
        .check(&library())
        .iter()
        .all(|p| matches!(p, SetupError::RoundWithoutQuestions { .. })));
    assert!(s.remove_team(1));
    assert!(
        s.add_team(name),
        "the free number and colour are taken again"
    );
    assert_eq!(s.teams[7].label, "2");
    assert_eq!(s.teams[7].colour, TeamColour::Blue);
    while s.remove_team(0) {}
    assert_eq!(s.teams.len(), MIN_TEAMS);
}

#[test]
fn every_rule_field_reads_back_what_was_set_within_its_range() {
    for kind in RoundKind::ALL {
        let mut rules = kind.default_rules();
        for field in rules.fields() {
            match field.kind() {
                FieldKind::Number { min, max } => {
                    rules.set(field, i64::from(min) + 1);
                    assert_eq!(rules.get(field), Some(min + 1), "{kind:?} {field:?}");
                    rules.set(field, i64::from(max) + 50);
                    assert_eq!(rules.get(field), Some(max), "{kind:?} {field:?} clamped");
                }
                FieldKind::Flag => {
                    rules.set(field, 0);
                    assert_eq!(rules.get(field), Some(0));
                    rules.set(field, 1);
                    assert_eq!(rules.get(field), Some(1));
                }
                FieldKind::Choice(n) => {
                    for v in 0..n {
                        rules.set(field, i64::from(v));
                        assert_eq!(rules.get(field), Some(i32::from(v)), "{field:?}");
                    }
                }
                FieldKind::List => assert_eq!(rules.get(field), None),
            }
        }
        assert_eq!(rules.kind(), kind);
    }
    let mut risk = RoundKind::Risk.default_rules();
    assert_eq!(risk.values_text(), "10, 20, 30");
    assert!(risk.set_values("20，40、60"));
    assert_eq!(risk.values_text(), "20, 40, 60");
    assert!(!risk.set_values("20, 0"));
    assert!(!risk.set_values("ten"));
    assert!(!risk.set_values(""));
    assert_eq!(
        risk.values_text(),
        "20, 40, 60",
        "a bad list changes nothing"
    );
    let mut buzz = RoundKind::BuzzIn.default_rules();
    buzz.set(RuleField::AfterWrong, 1);
    assert!(matches!(
        buzz,
        RoundRules::BuzzIn(BuzzRules {
            after_wrong: AfterWrong::Pass,
            ..
        })
    ));
}

#[test]
fn a_round_drawn_again_with_its_seed_gives_the_same_questions_and_none_of_another_round() {
    let library = library();
    let mut s = MatchSetup::starter("决赛", name);
    let filters = DrawFilters {
        topics: vec![Topic::Fraud],
        count: 6,
        ..DrawFilters::default()
    };
    s.draw_round(0, &library, filters.clone(), 7, today())
        .unwrap();
    s.draw_round(1, &library, filters.clone(), 7, today())
        .unwrap();
    let (first, second) = (&s.rounds[0].questions, &s.rounds[1].questions);
    assert!(
        first.iter().all(|k| !second.contains(k)),
        "no question twice"
    );
    let draw = s.rounds[0].draw.clone().unwrap();
    assert_eq!(draw.seed, 7);
    assert_eq!(&draw.questions(&library, &[]).unwrap(), first);
    let too_many = DrawFilters {
        count: 10_000,
        ..filters
    };
    assert!(matches!(
        s.draw_round(2, &library, too_many, 1, today()),
        Err(DrawError::NotEnough { wanted: 10_000, .. })
    ));
    // Picking by hand: never a question already in the match, and the round is no longer a draw.
    let taken = s.rounds[0].questions[0].clone();
    assert!(!s.pick_question(2, taken.clone()));
    let free = keys(&library, 150, 1).remove(0);
    assert!(s.pick_question(0, free.clone()));
    assert_eq!(s.rounds[0].draw, None);
    s.unpick_question(0, &free);
    assert!(!s.rounds[0].questions.contains(&free));
    s.move_round(0, false);
    assert_eq!(s.rounds[0].rules.kind(), RoundKind::BuzzIn);
    s.set_round_kind(3, RoundKind::Risk);
    assert_eq!(s.rounds[3].rules, RoundRules::Risk(RiskRules::default()));
}

#[test]
fn a_setup_file_reads_back_and_refuses_other_files_and_newer_formats() {
    let library = library();
    let mut s = MatchSetup::starter("决赛", name);
    s.draw_round(
        0,
        &library,
        DrawFilters {
            count: 3,
            ..DrawFilters::default()
        },
        9,
        today(),
    )
    .unwrap();
    let text = SetupFile::write(&s);
    assert_eq!(SetupFile::read(&text), Ok(s.clone()));
    assert_eq!(SetupFile::read(&format!("\u{feff}{text}")), Ok(s));
    assert!(matches!(
        SetupFile::read("{}"),
        Err(SetupFileError::NotASetup(_))
    ));
    assert!(matches!(
        SetupFile::read("not json"),
        Err(SetupFileError::NotASetup(_))
    ));
    let newer = text.replace("\"anxin_contest_setup\": 1", "\"anxin_contest_setup\": 2");
    assert_eq!(SetupFile::read(&newer), Err(SetupFileError::Newer(2)));
}

#[test]
fn a_step_is_allowed_exactly_when_the_match_would_take_it() {
    let mut hall = Hall::one_round(3, RoundRules::BuzzIn(BuzzRules::default()), 3);
    let candidates = [
        Event::ShowQuestion,
        Event::OpenBuzzing,
        Event::StartTimer,
        Event::PauseTimer,
        Event::ResumeTimer,
        Event::Judge(Verdict::Right),
        Event::Judge(Verdict::Wrong),
        Event::Pass,
        Event::Reveal,
        Event::Next,
        Event::Undo,
        Event::Redo,
        Event::PickTeam(B),
    ];
    let steps = [
        Event::Next,
        Event::ShowQuestion,
        Event::OpenBuzzing,
        Event::Buzz { team: C, at_ms: 1 },
        Event::Judge(Verdict::Wrong),
        Event::Undo,
    ];
    for step in steps {
        for event in &candidates {
            let env = Env {
                now_ms: hall.now_ms,
                library: &hall.library,
            };
            let allowed = hall.game.allows(event, &env);
            let mut copy = hall.game.clone();
            let took = copy.apply(event.clone(), &env) == Ok(Effect::Changed);
            assert_eq!(allowed, took, "{event:?} at {:?}", hall.phase());
        }
        hall.play([step]);
    }
}

#[test]
fn the_screens_see_the_question_the_buzz_the_ending_and_the_last_changes() {
    let mut hall = Hall::one_round(3, RoundRules::BuzzIn(BuzzRules::default()), 3);
    hall.play([Event::Next]);
    assert!(
        !hall.game.is_shown(),
        "ready: the question is not on screen yet"
    );
    hall.play([Event::ShowQuestion]);
    assert!(hall.game.is_shown());
    hall.buzz(A).unwrap();
    assert_eq!(
        hall.game.last_changes().map(|(_, c)| c.to_vec()),
        Some(vec![ScoreChange {
            team: A,
            delta: -10
        }])
    );
    hall.play([Event::OpenBuzzing]);
    hall.buzz(B).unwrap();
    assert_eq!(hall.game.buzzed(), Some(B));
    assert_eq!(hall.game.team_up(), Some(B));
    hall.play([Event::Judge(Verdict::Right)]);
    assert_eq!(hall.game.ending(), Some(Ending::Right(B)));
    assert!(!hall.game.is_revealed());
    let (at, changes) = hall.game.last_changes().unwrap();
    assert_eq!(
        (at, changes.to_vec()),
        (
            hall.game.log().len() - 1,
            vec![ScoreChange { team: B, delta: 10 }]
        )
    );
    hall.play([Event::Reveal]);
    assert!(hall.game.is_revealed());
}

#[test]
fn the_result_sheet_has_a_row_per_team_and_the_summary_leaves_out_what_was_undone() {
    let library = library();
    let rules = vec![
        RoundRules::Compulsory(CompulsoryRules::default()),
        RoundRules::BuzzIn(BuzzRules::default()),
    ];
    let s = setup(2, rounds_of(&library, rules, 2));
    let mut hall = Hall::new(library, s);
    hall.play([Event::Next]);
    for verdict in [Verdict::Right, Verdict::Wrong] {
        hall.play([Event::ShowQuestion, Event::Judge(verdict), Event::Next]);
    }
    hall.play([Event::Next, Event::ShowQuestion]);
    hall.buzz(B).unwrap();
    let adjust = |delta, reason: &str| Event::Adjust {
        team: A,
        delta,
        reason: reason.into(),
    };
    hall.play([
        adjust(5, "评委裁定"),
        Event::Undo,
        adjust(-3, "扰乱, \"秩序\""),
    ]);
    hall.play([
        Event::Pass,
        Event::Next,
        Event::ShowQuestion,
        Event::OpenBuzzing,
    ]);
    hall.buzz(A).unwrap();
    hall.play([Event::Judge(Verdict::Right), Event::Reveal, Event::Next]);
    assert!(hall.game.is_finished());
    assert_eq!(hall.scores(), [117, 90]);

    let csv = hall.game.results_csv(Lang::Zh);
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .collect();
    assert_eq!(
        lines[0],
        "名次,队伍,起始分,第 1 环节,第 2 环节,手动调整,总分"
    );
    assert_eq!(lines[1], "1,1 第1队,100,10,10,-3,117");
    assert_eq!(lines[2], "2,2 第2队,100,0,-10,0,90");
    let summary = hall.game.log_summary();
    assert_eq!(summary.questions, 4);
    assert_eq!(summary.fouls, 1);
    assert_eq!(summary.undone, 1);
    assert_eq!(summary.adjustments, [(A, -3, "扰乱, \"秩序\"".to_owned())]);
    let log = hall.game.log_text(Lang::En);
    assert!(log.contains("foul (2 第2队 −10)"), "{log}");
    assert!(log.contains("undid line"), "{log}");
    assert_eq!(log.lines().count(), hall.game.log().len() + 1);
}

#[test]
fn the_headline_says_whose_turn_who_buzzed_and_how_it_ended() {
    use crate::domain::contest::words::{headline, question_line, round_line};
    let mut hall = Hall::one_round(3, RoundRules::BuzzIn(BuzzRules::default()), 3);
    let line = |hall: &Hall| headline(&hall.game, Lang::Zh);
    assert_eq!(line(&hall), "本环节即将开始");
    assert_eq!(round_line(&hall.game, Lang::En), "Round 1 of 1 · Buzz-in");
    assert_eq!(question_line(&hall.game, Lang::En), None);
    hall.play([Event::Next, Event::ShowQuestion, Event::OpenBuzzing]);
    assert_eq!(
        question_line(&hall.game, Lang::Zh).as_deref(),
        Some("第 1/3 题")
    );
    hall.buzz(C).unwrap();
    assert_eq!(line(&hall), "3 第3队 抢到");
    hall.play([Event::Judge(Verdict::Wrong), Event::PickTeam(A)]);
    assert_eq!(headline(&hall.game, Lang::En), "1 第1队 answers");
    hall.play([Event::Judge(Verdict::Right)]);
    assert_eq!(line(&hall), "1 第1队 回答正确");
}

#[test]
fn shift_and_a_number_picks_a_risk_value_while_one_is_chosen_and_a_team_otherwise() {
    let mut hall = Hall::one_round(3, RoundRules::Risk(RiskRules::default()), 3);
    assert_eq!(
        hall.game.events_for(Press::Number(2), 0),
        [Event::PickTeam(B)]
    );
    assert_eq!(
        hall.game.events_for(Press::Number(4), 0),
        [],
        "no fourth team"
    );
    hall.play([Event::Next]);
    assert_eq!(
        hall.game.events_for(Press::Number(2), 0),
        [Event::ChooseValue(20)]
    );
    assert_eq!(
        hall.game.events_for(Press::Number(4), 0),
        [],
        "no fourth value"
    );
    assert_eq!(
        hall.game.events_for(Press::Buzzer(C), 77),
        [Event::Buzz { team: C, at_ms: 77 }]
    );
    assert_eq!(
        hall.game
            .events_for(Press::Command(Command::PauseResume), 0),
        [Event::PauseTimer, Event::ResumeTimer]
    );
    assert_eq!(hall.game.events_for(Press::Adjust, 0), []);
}
