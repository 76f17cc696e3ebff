//! What the host's window sends the audience's: the audience's copy of the match shows what the
//! match shows and does not grow with it; a message and the stored match both read back.

use super::*;
use crate::domain::text::Lang;

/// What the audience's screen shows of a match (its stage and scoreboard).
fn on_stage(game: &Match) -> String {
    // The scoreboard pops up the last step's changes only if that step changed scores.
    let popped = game
        .last_changes()
        .filter(|(at, _)| Some(*at) == game.log().len().checked_sub(1))
        .map(|(_, c)| c.to_vec());
    format!(
        "{:?} {:?} {:?} {:?} {} {} {:?} {:?} {:?} {:?} {:?} {:?}",
        game.setup(),
        game.state().phase(),
        game.question(),
        game.scores(),
        game.is_shown(),
        game.is_revealed(),
        game.ending(),
        game.team_up(),
        game.buzzed(),
        game.rules(),
        game.state().timer(),
        popped,
    )
}

#[test]
fn the_audience_copy_shows_what_the_match_shows_and_does_not_grow_with_it() {
    let mut hall = Hall::one_round(3, RoundRules::BuzzIn(BuzzRules::default()), 6);
    let copy_size = |hall: &Hall| {
        serde_json::to_string(&hall.game.for_audience())
            .unwrap()
            .len()
    };
    let mut sizes = Vec::new();
    hall.play([Event::Next]);
    for n in 0..6 {
        hall.play([Event::ShowQuestion]);
        assert_eq!(on_stage(&hall.game.for_audience()), on_stage(&hall.game));
        hall.buzz(A).unwrap();
        assert_eq!(on_stage(&hall.game.for_audience()), on_stage(&hall.game));
        if n % 2 == 0 {
            hall.play([Event::Undo]);
            assert_eq!(on_stage(&hall.game.for_audience()), on_stage(&hall.game));
            hall.play([Event::Redo]);
        }
        hall.play([Event::OpenBuzzing]);
        hall.buzz(B).unwrap();
        hall.play([Event::Judge(Verdict::Right), Event::Reveal]);
        assert_eq!(on_stage(&hall.game.for_audience()), on_stage(&hall.game));
        sizes.push((
            copy_size(&hall),
            serde_json::to_string(&hall.game).unwrap().len(),
        ));
        hall.play([Event::Next]);
        assert_eq!(on_stage(&hall.game.for_audience()), on_stage(&hall.game));
    }
    let (first, last) = (sizes[0], sizes[5]);
    // The whole match grows with every question; the copy only by a question's place and digits.
    assert!(last.1 > first.1 * 3, "{sizes:?}");
    assert!(last.0 <= first.0 + 16, "{sizes:?}");
    let copy = hall.game.for_audience();
    assert!(!copy.can_undo() && !copy.can_redo() && copy.log().len() == 1);
}

#[test]
fn the_audience_reads_the_match_from_a_message_or_from_the_stored_value() {
    let mut hall = Hall::one_round(2, RoundRules::BuzzIn(BuzzRules::default()), 1);
    hall.play([Event::Next, Event::ShowQuestion]);
    let wire = Wire {
        hello: false,
        lang: Some(Lang::En),
        game: Some(hall.game.clone()),
    };
    assert_eq!(Wire::read(&wire.to_text()), Some(wire));
    let stored = crate::domain::saved::seal(&hall.game).to_string();
    let read = Wire::read(&stored).unwrap();
    assert_eq!(read.game, Some(hall.game.for_audience()));
    let hello = Wire {
        hello: true,
        lang: None,
        game: None,
    };
    assert_eq!(hello.to_text(), r#"{"hello":true}"#);
    assert_eq!(Wire::read(&hello.to_text()), Some(hello));
    assert_eq!(Wire::read("not json"), None);
    assert_eq!(Wire::read(r#"{"v":1,"data":{"not":"a match"}}"#), None);
}
