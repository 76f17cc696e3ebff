//! The kiosk's counting periods: the period being counted and the periods closed before it.
//!
//! A period's counts are made with one version of each bank (so a question's "% right" never
//! mixes two editions of its text). When a deployment changes a bank's version, the next outcome
//! that uses the new version closes the current period and starts a new one on that outcome's
//! date: nothing is lost, nothing is mixed. A closed period stays viewable and exportable as it
//! was (its own JSON, CSV and report; `anxin-bank stats merge` refuses to merge it with a later
//! period of another version, as it refuses any mixed versions).
//!
//! [`MAX_EARLIER`] closed periods are kept on the device; closing one more drops the oldest, and
//! [`Counted::NewPeriod`] says so, for the shell to report. Staff export a period and reset the
//! statistics (every period) in the operator panel.

use super::{BankVersions, KioskStats, RecordError};
use crate::domain::date::Date;
use crate::domain::kiosk::Outcome;
use serde::{Deserialize, Serialize};

/// The most closed periods kept on the device (a bank update a month keeps a year).
pub const MAX_EARLIER: usize = 12;

/// How an outcome was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    /// In the current period (the first outcome starts it).
    InPeriod,
    /// A bank's version changed: the current period was closed and a new one started with this
    /// outcome.
    NewPeriod {
        /// The closed period's start.
        closed_since: Option<Date>,
        /// The oldest closed period dropped to stay within [`MAX_EARLIER`], if one was.
        dropped_since: Option<Option<Date>>,
    },
}

/// Which period: the current one, or a closed one (1 = the last closed, 2 = the one before …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PeriodIndex(pub usize);

/// The current period and the closed ones (newest last).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsPeriods {
    /// The period being counted (`None` until the first outcome, and after a reset).
    pub current: Option<KioskStats>,
    /// The closed periods, oldest first.
    pub earlier: Vec<KioskStats>,
}

impl StatsPeriods {
    /// The periods as stored under two keys (the current period, the closed ones). If a write
    /// was cut between the two keys (the closed period saved among the earlier ones, the current
    /// key not yet replaced), the current period read is that same closed one: it is dropped
    /// rather than counted twice.
    pub fn from_stored(current: Option<KioskStats>, earlier: Vec<KioskStats>) -> StatsPeriods {
        let current = current.filter(|c| earlier.last() != Some(c));
        StatsPeriods { current, earlier }
    }

    /// Counts `outcome` in the current period, starting one (on the outcome's date, at `branch`)
    /// if there is none, or a new one if a bank's version changed. `versions` are the loaded
    /// banks' versions. On an error nothing is counted.
    pub fn record(
        &mut self,
        outcome: &Outcome,
        versions: &BankVersions,
        branch: &str,
    ) -> Result<Counted, RecordError> {
        let current = self
            .current
            .get_or_insert_with(|| KioskStats::new(outcome.date, branch));
        match current.record(outcome, versions) {
            Ok(()) => Ok(Counted::InPeriod),
            Err(RecordError::BankChanged { .. }) => {
                let mut fresh = KioskStats::new(outcome.date, branch);
                fresh.record(outcome, versions)?;
                let closed = self.current.replace(fresh);
                let closed_since = closed.as_ref().and_then(|c| c.since);
                self.earlier.extend(closed);
                let dropped_since =
                    (self.earlier.len() > MAX_EARLIER).then(|| self.earlier.remove(0).since);
                Ok(Counted::NewPeriod {
                    closed_since,
                    dropped_since,
                })
            }
            Err(e) => {
                if current.started == 0 {
                    self.current = None;
                }
                Err(e)
            }
        }
    }

    /// Counts a prize code redeemed, in the current period (started `today` at `branch` if
    /// there is none).
    pub fn record_redeemed(&mut self, today: Date, branch: &str) {
        self.current
            .get_or_insert_with(|| KioskStats::new(today, branch))
            .record_redeemed();
    }

    /// The period at `index`, if there is one.
    pub fn get(&self, index: PeriodIndex) -> Option<&KioskStats> {
        match index.0 {
            0 => self.current.as_ref(),
            n => self
                .earlier
                .len()
                .checked_sub(n)
                .and_then(|i| self.earlier.get(i)),
        }
    }

    /// The periods there are, current first, then the closed ones newest first.
    pub fn indices(&self) -> Vec<PeriodIndex> {
        let current = self.current.is_some().then_some(PeriodIndex(0));
        current
            .into_iter()
            .chain((1..=self.earlier.len()).map(PeriodIndex))
            .collect()
    }

    /// Whether nothing is counted at all.
    pub fn is_empty(&self) -> bool {
        self.current.is_none() && self.earlier.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kiosk::stats::merge_exports;
    use crate::domain::kiosk::stats::tests::{day, scripted, thirty, versions};

    fn newer() -> BankVersions {
        let mut newer = versions();
        newer.insert("fraud".into(), 3);
        newer
    }

    #[test]
    fn a_bank_update_closes_the_period_and_counts_on_in_a_new_one() {
        let mut periods = StatsPeriods {
            current: Some(thirty()),
            earlier: Vec::new(),
        };
        let later = Outcome {
            date: day(9),
            ..scripted(0)
        };
        let counted = periods.record(&later, &newer(), "Main St").unwrap();
        assert_eq!(
            counted,
            Counted::NewPeriod {
                closed_since: Some(day(1)),
                dropped_since: None
            }
        );
        // The old period is kept whole, apart; the new one holds only the new outcome.
        assert_eq!(periods.earlier, vec![thirty()]);
        let current = periods.current.clone().unwrap();
        assert_eq!((current.since, current.started), (Some(day(9)), 1));
        assert_eq!(current.banks[&"fraud".into()], 3);
        assert_eq!(periods.get(PeriodIndex(1)), Some(&thirty()));
        assert_eq!(periods.indices(), vec![PeriodIndex(0), PeriodIndex(1)]);
        // Then counting goes on in the new period.
        let again = Outcome {
            date: day(10),
            ..scripted(1)
        };
        assert_eq!(
            periods.record(&again, &newer(), "Main St"),
            Ok(Counted::InPeriod)
        );
        assert_eq!(periods.current.as_ref().unwrap().started, 2);
        periods.current.as_ref().unwrap().check().unwrap();
    }

    #[test]
    fn the_two_periods_exports_still_refuse_to_merge() {
        let mut periods = StatsPeriods {
            current: Some(thirty()),
            earlier: Vec::new(),
        };
        let later = Outcome {
            date: day(9),
            ..scripted(0)
        };
        periods.record(&later, &newer(), "Main St").unwrap();
        let old = periods.get(PeriodIndex(1)).unwrap().to_json();
        let new = periods.get(PeriodIndex(0)).unwrap().to_json();
        let err = merge_exports([("old.json", old.as_str()), ("new.json", new.as_str())]);
        assert!(err.is_err(), "{err:?}");
    }

    #[test]
    fn the_first_outcome_starts_a_period_and_an_error_leaves_nothing() {
        let mut periods = StatsPeriods::default();
        let late = Outcome {
            hour: 24,
            ..scripted(0)
        };
        assert!(periods.record(&late, &versions(), "A").is_err());
        assert!(periods.is_empty());
        assert_eq!(
            periods.record(&scripted(0), &versions(), "A"),
            Ok(Counted::InPeriod)
        );
        let current = periods.current.as_ref().unwrap();
        assert_eq!((current.since, current.started), (Some(day(1)), 1));
        assert!(current.branches.contains("A"));
    }

    #[test]
    fn at_most_max_earlier_closed_periods_are_kept_and_dropping_one_is_said() {
        let mut periods = StatsPeriods::default();
        let mut dropped = Vec::new();
        for edition in 0..=(MAX_EARLIER as u64 + 1) {
            let mut v = versions();
            v.insert("fraud".into(), 10 + edition);
            let outcome = Outcome {
                date: day(1 + edition as u8),
                ..scripted(0)
            };
            if let Counted::NewPeriod { dropped_since, .. } =
                periods.record(&outcome, &v, "A").unwrap()
            {
                dropped.extend(dropped_since);
            }
        }
        assert_eq!(periods.earlier.len(), MAX_EARLIER);
        assert_eq!(dropped, vec![Some(day(1))]);
        assert_eq!(periods.earlier[0].since, Some(day(2)));
    }

    #[test]
    fn a_write_cut_between_the_two_keys_does_not_count_a_period_twice() {
        let periods = StatsPeriods::from_stored(Some(thirty()), vec![thirty()]);
        assert_eq!((periods.current, periods.earlier.len()), (None, 1));
        let periods = StatsPeriods::from_stored(Some(thirty()), Vec::new());
        assert_eq!(periods.current, Some(thirty()));
    }

    #[test]
    fn a_redeemed_code_counts_in_the_current_period() {
        let mut periods = StatsPeriods::default();
        periods.record_redeemed(day(4), "A");
        let current = periods.current.as_ref().unwrap();
        assert_eq!((current.prizes_redeemed, current.since), (1, Some(day(4))));
    }
}
