//! A countdown as data: the time left when it last stopped and since when it has been running.
//! It reads no clock: every question is asked with `now_ms` from outside, so a match saved and
//! loaded again (a reload, a crash) goes on with exactly the time it had.

use serde::{Deserialize, Serialize};

/// Whether a countdown runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Run {
    /// Set, waiting for the host to start it.
    NotStarted,
    /// Running since this time (Unix ms).
    Running {
        /// When it was started or resumed.
        since_ms: u64,
    },
    /// Paused by the host.
    Paused,
}

/// A countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// Its full length.
    pub limit_ms: u64,
    /// The time left when it was last started, resumed or paused.
    left_ms: u64,
    /// Whether it runs.
    run: Run,
}

impl Timer {
    /// A countdown of `seconds`, not started.
    pub fn new(seconds: u32) -> Timer {
        let limit_ms = u64::from(seconds) * 1000;
        Timer {
            limit_ms,
            left_ms: limit_ms,
            run: Run::NotStarted,
        }
    }

    /// A countdown of `seconds` running from `now_ms`.
    pub fn running(seconds: u32, now_ms: u64) -> Timer {
        Timer {
            run: Run::Running { since_ms: now_ms },
            ..Timer::new(seconds)
        }
    }

    /// Whether it runs, is paused or waits to start.
    pub fn run(&self) -> Run {
        self.run
    }

    /// The time left at `now_ms`.
    pub fn left_ms(&self, now_ms: u64) -> u64 {
        match self.run {
            Run::Running { since_ms } => {
                self.left_ms.saturating_sub(now_ms.saturating_sub(since_ms))
            }
            Run::NotStarted | Run::Paused => self.left_ms,
        }
    }

    /// Whether the time is up at `now_ms`.
    pub fn is_up(&self, now_ms: u64) -> bool {
        self.left_ms(now_ms) == 0
    }

    /// Starts it; `false` if it was started before.
    pub(super) fn start(&mut self, now_ms: u64) -> bool {
        if self.run != Run::NotStarted {
            return false;
        }
        self.run = Run::Running { since_ms: now_ms };
        true
    }

    /// Pauses it; `false` if it was not running.
    pub(super) fn pause(&mut self, now_ms: u64) -> bool {
        if !matches!(self.run, Run::Running { .. }) {
            return false;
        }
        self.left_ms = self.left_ms(now_ms);
        self.run = Run::Paused;
        true
    }

    /// Resumes it; `false` if it was not paused.
    pub(super) fn resume(&mut self, now_ms: u64) -> bool {
        if self.run != Run::Paused {
            return false;
        }
        self.run = Run::Running { since_ms: now_ms };
        true
    }
}

/// A countdown of `seconds`, or none when `seconds` is 0 (no limit).
pub(super) fn limit(seconds: u32, running_from: Option<u64>) -> Option<Timer> {
    match (seconds, running_from) {
        (0, _) => None,
        (s, Some(now_ms)) => Some(Timer::running(s, now_ms)),
        (s, None) => Some(Timer::new(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_timer_keeps_its_time_and_resumes_from_it() {
        let mut timer = Timer::new(30);
        assert_eq!(timer.left_ms(5_000), 30_000, "not started: nothing runs");
        assert!(timer.start(10_000));
        assert!(!timer.start(11_000));
        assert_eq!(timer.left_ms(12_500), 27_500);
        assert!(timer.pause(12_500));
        assert_eq!(timer.left_ms(99_000), 27_500);
        assert!(timer.resume(100_000));
        assert_eq!(timer.left_ms(127_000), 500);
        assert!(timer.is_up(127_500));
        assert_eq!(timer.left_ms(200_000), 0);
    }
}
