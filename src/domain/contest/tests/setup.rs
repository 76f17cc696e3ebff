//! Setting a match up: the checks on teams, rounds and questions, the setup as a file, and the
//! seeded draw the judges can repeat.

use super::*;

#[test]
fn a_good_setup_has_no_problems_and_starts_at_the_first_round() {
    let library = library();
    let s = setup(
        3,
        vec![round(
            RoundRules::Compulsory(CompulsoryRules::default()),
            keys(&library, 0, 3),
        )],
    );
    assert_eq!(s.check(&library), []);
    let game = Match::new(s, &library).unwrap();
    assert_eq!(game.state().phase(), Phase::RoundStart);
    assert_eq!(game.scores(), [100, 100, 100]);
    assert!(!game.can_undo());
}

#[test]
fn a_setup_lists_every_problem_with_its_teams_rounds_and_questions() {
    let library = library();
    let mut s = setup(
        3,
        vec![
            round(
                RoundRules::Compulsory(CompulsoryRules::default()),
                keys(&library, 0, 2),
            ),
            round(RoundRules::BuzzIn(BuzzRules::default()), Vec::new()),
            round(
                RoundRules::Risk(RiskRules {
                    values: vec![],
                    ..RiskRules::default()
                }),
                keys(&library, 0, 3),
            ),
        ],
    );
    s.teams[1].name = s.teams[0].name.clone();
    s.teams[2].label = " 1 ".into();
    s.rounds[2].questions[2] = QuestionKey::parse("fraud/no-such-question").unwrap();
    let found = s.check(&library);
    let expected = [
        SetupError::DuplicateName {
            name: "第1队".into(),
        },
        SetupError::DuplicateLabel { label: "1".into() },
        SetupError::UnevenTurns {
            round: 0,
            questions: 2,
            teams: 3,
        },
        SetupError::RoundWithoutQuestions { round: 1 },
        SetupError::BadRule {
            round: 2,
            rule: "values",
        },
    ];
    for e in &expected {
        assert!(found.contains(e), "{e:?} missing from {found:?}");
    }
    let key = |i: usize| s.rounds[0].questions[i].clone();
    assert!(found.contains(&SetupError::RepeatedQuestion { key: key(0) }));
    assert!(found.contains(&SetupError::UnknownQuestion {
        round: 2,
        key: QuestionKey::parse("fraud/no-such-question").unwrap(),
    }));
    assert!(Match::new(s, &library).is_err());
}

#[test]
fn a_match_takes_two_to_eight_teams() {
    let library = library();
    let rounds = |n| {
        vec![round(
            RoundRules::BuzzIn(BuzzRules::default()),
            keys(&library, 0, n),
        )]
    };
    assert_eq!(
        problems(&setup(1, rounds(1))),
        [SetupError::TooFewTeams { count: 1 }]
    );
    let mut nine = setup(8, rounds(1));
    nine.teams.push(Team {
        name: "第九队".into(),
        colour: TeamColour::Red,
        label: "9".into(),
    });
    let found = problems(&nine);
    assert!(found.contains(&SetupError::TooManyTeams { count: 9 }));
    assert!(found.contains(&SetupError::DuplicateColour {
        colour: TeamColour::Red
    }));
    assert_eq!(problems(&setup(8, rounds(1))), []);
    assert_eq!(problems(&setup(2, Vec::new())), [SetupError::NoRounds]);
}

#[test]
fn a_team_name_from_a_file_longer_than_the_form_takes_is_refused_by_team() {
    let library = library();
    let mut s = setup(
        2,
        vec![round(
            RoundRules::BuzzIn(BuzzRules::default()),
            keys(&library, 0, 1),
        )],
    );
    s.teams[1].name = "队".repeat(MAX_NAME_CHARS);
    assert_eq!(problems(&s), []);
    s.teams[1].name = "W".repeat(200);
    assert_eq!(
        problems(&s),
        [SetupError::LongName {
            team: 1,
            length: 200
        }]
    );
}

#[test]
fn a_setup_is_a_file_that_loads_back_the_same() {
    let library = library();
    let filters = DrawFilters {
        topics: vec![Topic::Fraud],
        count: 4,
        ..DrawFilters::default()
    };
    let mut s = setup(
        2,
        vec![round(
            RoundRules::Compulsory(CompulsoryRules::default()),
            draw_questions(&library, &filters, 7, today(), &[]).unwrap(),
        )],
    );
    s.rounds[0].draw = Some(Draw {
        filters,
        seed: 7,
        date: today(),
    });
    let file = serde_json::to_string_pretty(&s).unwrap();
    assert!(
        file.contains("\"fraud/fraud-"),
        "keys are written bank/question: {file}"
    );
    let back: MatchSetup = serde_json::from_str(&file).unwrap();
    assert_eq!(back, s);
    assert!(serde_json::from_str::<QuestionKey>("\"no-slash\"").is_err());
}

#[test]
fn the_same_seed_draws_the_same_questions_from_the_filters() {
    let library = library();
    let filters = DrawFilters {
        topics: vec![Topic::Privacy, Topic::Rights],
        types: vec![QuestionType::Single],
        difficulties: vec![1, 2],
        count: 6,
    };
    let first = draw_questions(&library, &filters, 2026, today(), &[]).unwrap();
    assert_eq!(first.len(), 6);
    let again = Draw {
        filters: filters.clone(),
        seed: 2026,
        date: today(),
    };
    assert_eq!(again.questions(&library, &[]).unwrap(), first);
    assert_ne!(
        draw_questions(&library, &filters, 2027, today(), &[]).unwrap(),
        first
    );
    for key in &first {
        let bank = library.bank(&key.bank).unwrap();
        let q = library.question(&key.bank, &key.question).unwrap();
        assert!([Topic::Privacy, Topic::Rights].contains(&bank.topic));
        assert_eq!(q.kind, QuestionType::Single);
        assert!(q.difficulty <= 2);
    }
    // A later round's draw leaves out the questions already taken.
    let next = draw_questions(&library, &filters, 2026, today(), &first).unwrap();
    assert!(next.iter().all(|k| !first.contains(k)));
}

#[test]
fn a_draw_that_cannot_be_filled_says_how_many_match() {
    let library = library();
    let filters = DrawFilters {
        topics: vec![Topic::Rights],
        count: 10_000,
        ..DrawFilters::default()
    };
    let Err(DrawError::NotEnough { wanted, found }) =
        draw_questions(&library, &filters, 1, today(), &[])
    else {
        panic!("the draw cannot be filled");
    };
    assert_eq!(wanted, 10_000);
    assert!(found > 0 && found < 10_000);
}
