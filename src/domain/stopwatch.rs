//! The time spent on a round: only the time it is on screen counts. A practice parked for days,
//! or the moments of a reload, add nothing; the time already spent is carried in the saved round.

/// Time spent before the current stint, and when the current stint began (Unix milliseconds).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stopwatch {
    before_ms: f64,
    since_ms: f64,
}

/// The longest time a round is credited with (a device clock that jumped is not believed).
const MAX_MS: f64 = 86_400_000.0;

impl Stopwatch {
    /// A round starting now.
    pub fn start(now_ms: f64) -> Stopwatch {
        Stopwatch::resume(0.0, now_ms)
    }

    /// A round shown again now, after `elapsed_ms` spent on it before.
    pub fn resume(elapsed_ms: f64, now_ms: f64) -> Stopwatch {
        Stopwatch {
            before_ms: clamp(elapsed_ms),
            since_ms: now_ms,
        }
    }

    /// Milliseconds spent so far, as of `now_ms` (a clock set back counts nothing for this stint).
    pub fn elapsed_ms(&self, now_ms: f64) -> f64 {
        clamp(self.before_ms + clamp(now_ms - self.since_ms))
    }

    /// Whole seconds spent so far, for the result and the history.
    pub fn seconds(&self, now_ms: f64) -> u32 {
        (self.elapsed_ms(now_ms) / 1000.0) as u32
    }
}

fn clamp(ms: f64) -> f64 {
    if ms.is_finite() {
        ms.clamp(0.0, MAX_MS)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: f64 = 86_400_000.0;

    #[test]
    fn a_continued_practice_counts_the_time_on_screen_not_the_days_it_sat_parked() {
        let first = Stopwatch::start(1_000.0);
        // 90 s of practice, then parked.
        let parked_with = first.elapsed_ms(91_000.0);
        assert_eq!(parked_with, 90_000.0);
        // Continued a day later, finished 30 s after that.
        let later = 91_000.0 + DAY_MS;
        let again = Stopwatch::resume(parked_with, later);
        assert_eq!(again.seconds(later + 30_000.0), 120);
    }

    #[test]
    fn a_clock_set_back_or_a_broken_saved_value_counts_nothing_extra() {
        let w = Stopwatch::resume(5_000.0, 100_000.0);
        assert_eq!(w.elapsed_ms(50_000.0), 5_000.0);
        assert_eq!(
            Stopwatch::resume(f64::NAN, 0.0).elapsed_ms(1_000.0),
            1_000.0
        );
        assert_eq!(Stopwatch::resume(-3.0, 0.0).elapsed_ms(0.0), 0.0);
        assert_eq!(Stopwatch::start(0.0).seconds(10.0 * DAY_MS), 86_400);
    }
}
