//! How a round's answers are scored: points with a streak bonus, and the longest run of right
//! answers. Accuracy is always its own number (`Session::accuracy_percent`); the per-topic
//! breakdown, the history record and what to study next are in `report`.

use crate::domain::session::Answer;

/// Points for each right answer.
pub const POINTS_PER_RIGHT: u32 = 10;
/// Extra points for each right answer just before this one in an unbroken run.
pub const STREAK_STEP: u32 = 2;
/// Most extra points one answer can earn from a run.
pub const STREAK_CAP: u32 = 10;

/// Points for `answers` in the order given: each right answer earns `POINTS_PER_RIGHT`, plus
/// `STREAK_STEP` for every right answer in a row before it (at most `STREAK_CAP`). Wrong or empty
/// answers earn nothing and end the run. Reports and pass marks use accuracy, never points.
pub fn points(answers: &[Answer]) -> u32 {
    let mut run = 0u32;
    answers
        .iter()
        .map(|a| {
            if a.correct {
                let bonus = (run * STREAK_STEP).min(STREAK_CAP);
                run += 1;
                POINTS_PER_RIGHT + bonus
            } else {
                run = 0;
                0
            }
        })
        .sum()
}

/// The longest run of right answers.
pub fn best_streak(answers: &[Answer]) -> u32 {
    let mut run = 0u32;
    let mut best = 0u32;
    for a in answers {
        run = if a.correct { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pattern: &str) -> Vec<Answer> {
        pattern
            .chars()
            .map(|c| Answer {
                chosen: vec![],
                correct: c == 'y',
            })
            .collect()
    }

    #[test]
    fn points_add_a_capped_streak_bonus_and_a_miss_resets_it() {
        assert_eq!(points(&answers("")), 0);
        assert_eq!(points(&answers("n")), 0);
        assert_eq!(points(&answers("y")), 10);
        // 10 + 12 + 14
        assert_eq!(points(&answers("yyy")), 36);
        // 10 + 12 | miss | 10
        assert_eq!(points(&answers("yyny")), 32);
        // bonus 0,2,4,6,8,10,10,10
        assert_eq!(
            points(&answers("yyyyyyyy")),
            80 + 2 + 4 + 6 + 8 + 10 + 10 + 10
        );
        assert_eq!(best_streak(&answers("yynyyyn")), 3);
    }
}
