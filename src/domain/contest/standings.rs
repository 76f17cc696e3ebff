//! The ranking from the scores: equal scores share a place (1, 1, 3), the podium is every team
//! placed third or better, and a tie that decides a place is what a tiebreak is played for.

use super::setup::TeamId;
use serde::{Deserialize, Serialize};

/// A team's place in the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// The team.
    pub team: TeamId,
    /// Its score.
    pub score: i32,
    /// Its place: 1 + the number of teams with a higher score (equal scores share a place).
    pub place: usize,
}

/// Places on the podium.
pub const PODIUM: usize = 3;

/// The ranking of `scores` (one per team, in the setup's order): highest first, equal scores in
/// the setup's order and sharing a place.
pub fn ranking(scores: &[i32]) -> Vec<Standing> {
    let mut standings: Vec<Standing> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, score)| {
            let team = TeamId(u8::try_from(i).ok()?);
            let place = 1 + scores.iter().filter(|s| *s > score).count();
            Some(Standing {
                team,
                score: *score,
                place,
            })
        })
        .collect();
    standings.sort_by_key(|s| (s.place, s.team));
    standings
}

/// The teams on the podium (placed [`PODIUM`] or better; more than three when tied).
pub fn podium(scores: &[i32]) -> Vec<Standing> {
    ranking(scores)
        .into_iter()
        .filter(|s| s.place <= PODIUM)
        .collect()
}

/// The best-placed group of teams sharing a place no worse than `places` (the teams a tiebreak is
/// played between), or none when every such place is held by one team.
pub fn tied_teams(scores: &[i32], places: u8) -> Vec<TeamId> {
    let standings = ranking(scores);
    let tied = standings.iter().find(|s| {
        s.place <= usize::from(places)
            && standings.iter().filter(|o| o.place == s.place).count() > 1
    });
    match tied {
        Some(first) => standings
            .iter()
            .filter(|s| s.place == first.place)
            .map(|s| s.team)
            .collect(),
        None => Vec::new(),
    }
}
