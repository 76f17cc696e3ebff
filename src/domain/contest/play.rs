//! The host's actions on the question in play, and the buzzers: showing it, opening buzzing,
//! buzzes and fouls, picking a team, risk values, the countdown, judging (with rebounds),
//! passing, revealing, going on, and adjusting a score by hand. Each either changes the state
//! (a [`Step`] to log and to undo), is logged only (a buzz not taken), or is refused.

use super::events::{Env, Event, Refused, Verdict};
use super::log::{Ignored, Outcome};
use super::rules::{AfterWrong, BuzzRules, RoundRules, TiebreakRules};
use super::setup::{MatchSetup, TeamId};
use super::state::{Buzz, Ending, MatchState, Phase};
use super::timer::limit;

/// What an accepted event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Step {
    /// What came of it.
    pub outcome: Outcome,
    /// The team it concerns.
    pub team: Option<TeamId>,
    /// Whether the state changed (else only the log does).
    pub changed: bool,
}

fn changed(outcome: Outcome, team: Option<TeamId>) -> Result<Step, Refused> {
    Ok(Step {
        outcome,
        team,
        changed: true,
    })
}

fn ignored(why: Ignored, team: TeamId) -> Result<Step, Refused> {
    Ok(Step {
        outcome: Outcome::Ignored(why),
        team: Some(team),
        changed: false,
    })
}

impl MatchState {
    /// Applies one event (not undo or redo) to the state.
    pub(super) fn step(
        &mut self,
        setup: &MatchSetup,
        event: &Event,
        env: &Env,
    ) -> Result<Step, Refused> {
        let now = env.now_ms;
        let rules = self.round_setup(setup).map(|r| &r.rules);
        let team_of = |team: &TeamId| {
            setup
                .team(*team)
                .map(|_| *team)
                .ok_or(Refused::NoSuchTeam(*team))
        };
        match event {
            Event::ShowQuestion => self.show(rules),
            Event::OpenBuzzing => {
                let buzz = rules.and_then(RoundRules::buzz).ok_or(Refused::NotNow)?;
                if self.phase != Phase::Reading {
                    return Err(Refused::NotNow);
                }
                self.phase = Phase::Open;
                self.timer = limit(buzz.buzz_seconds, Some(now));
                changed(Outcome::Done, None)
            }
            Event::Buzz { team, at_ms } => {
                let team = team_of(team)?;
                let rules = rules.ok_or(Refused::NotNow)?;
                self.buzz(rules, team, *at_ms, now)
            }
            Event::PickTeam(team) => {
                let team = team_of(team)?;
                self.pick(rules.ok_or(Refused::NotNow)?, team, now)
            }
            Event::ChooseValue(value) => {
                let (Phase::Choosing(team), Some(RoundRules::Risk(risk))) = (self.phase, rules)
                else {
                    return Err(Refused::NotNow);
                };
                if !risk.values.contains(value) {
                    return Err(Refused::NotAValue(*value));
                }
                self.play.stake = Some(*value);
                self.phase = Phase::Ready(Some(team));
                changed(Outcome::Done, Some(team))
            }
            Event::Decline => {
                let (
                    Phase::Choosing(team) | Phase::Ready(Some(team)),
                    Some(RoundRules::Risk(risk)),
                ) = (self.phase, rules)
                else {
                    return Err(Refused::NotNow);
                };
                if !risk.may_decline {
                    return Err(Refused::MayNotDecline);
                }
                self.settle(Ending::Declined(team));
                changed(Outcome::Done, Some(team))
            }
            Event::StartTimer | Event::PauseTimer | Event::ResumeTimer => {
                let timer = self.timer.as_mut().ok_or(Refused::Timer)?;
                let done = match event {
                    Event::StartTimer => timer.start(now),
                    Event::PauseTimer => timer.pause(now),
                    _ => timer.resume(now),
                };
                if !done {
                    return Err(Refused::Timer);
                }
                changed(Outcome::Done, self.answering())
            }
            Event::TimeUp => self.time_up(setup, rules, now),
            Event::Judge(verdict) => self.judge(setup, rules, verdict, env),
            Event::Pass => match self.phase {
                Phase::Choosing(_)
                | Phase::Ready(_)
                | Phase::Reading
                | Phase::Open
                | Phase::Answering(_) => {
                    let team = self.answering();
                    self.settle(Ending::Passed);
                    changed(Outcome::Done, team)
                }
                _ => Err(Refused::NotNow),
            },
            Event::Reveal => match self.phase {
                Phase::Settled(ending) => {
                    self.phase = Phase::Revealed(ending);
                    changed(Outcome::Done, None)
                }
                _ => Err(Refused::NotNow),
            },
            Event::Next => {
                let outcome = self.next(setup).ok_or(Refused::NotNow)?;
                changed(outcome, None)
            }
            Event::Adjust {
                team,
                delta,
                reason,
            } => {
                let team = team_of(team)?;
                if reason.trim().is_empty() || *delta == 0 {
                    return Err(Refused::NoReason);
                }
                if let Some(adjusted) = self.adjusted.get_mut(team.index()) {
                    *adjusted += delta;
                }
                changed(Outcome::Done, Some(team))
            }
            Event::Undo | Event::Redo => Err(Refused::NotNow),
        }
    }

    /// The team answering, if one is.
    fn answering(&self) -> Option<TeamId> {
        match self.phase {
            Phase::Answering(team) | Phase::Choosing(team) | Phase::Ready(Some(team)) => Some(team),
            _ => None,
        }
    }

    fn settle(&mut self, ending: Ending) {
        self.phase = Phase::Settled(ending);
        self.timer = None;
    }

    fn show(&mut self, rules: Option<&RoundRules>) -> Result<Step, Refused> {
        match (self.phase, rules) {
            (Phase::Ready(Some(team)), Some(RoundRules::Compulsory(r))) => {
                self.timer = limit(r.seconds, None);
                self.phase = Phase::Answering(team);
                changed(Outcome::Done, Some(team))
            }
            (Phase::Ready(Some(team)), Some(RoundRules::Risk(r))) => {
                self.timer = limit(r.seconds, None);
                self.phase = Phase::Answering(team);
                changed(Outcome::Done, Some(team))
            }
            (Phase::Ready(None), Some(r)) if r.buzz().is_some() => {
                self.phase = Phase::Reading;
                changed(Outcome::Done, None)
            }
            _ => Err(Refused::NotNow),
        }
    }

    /// Whether `team` may answer the buzz-in question in play.
    fn may_answer(&self, rules: &BuzzRules, team: TeamId) -> Result<(), Ignored> {
        if !self.contenders.is_empty() && !self.contenders.contains(&team) {
            return Err(Ignored::NotInTiebreak);
        }
        if self.play.tried.contains(&team)
            || (rules.foul_excludes && self.play.fouled.contains(&team))
        {
            return Err(Ignored::ShutOut);
        }
        Ok(())
    }

    fn buzz(
        &mut self,
        rules: &RoundRules,
        team: TeamId,
        at_ms: u64,
        now: u64,
    ) -> Result<Step, Refused> {
        let buzz = rules.buzz().ok_or(Refused::NotNow)?;
        match self.phase {
            Phase::Reading => {
                if !self.contenders.is_empty() && !self.contenders.contains(&team) {
                    return ignored(Ignored::NotInTiebreak, team);
                }
                if self.play.fouled.contains(&team) {
                    return ignored(Ignored::AlreadyFouled, team);
                }
                if self.play.tried.contains(&team) {
                    return ignored(Ignored::ShutOut, team);
                }
                self.score(team, buzz.foul);
                self.play.fouled.push(team);
                changed(Outcome::Foul, Some(team))
            }
            Phase::Open => {
                if let Err(why) = self.may_answer(buzz, team) {
                    return ignored(why, team);
                }
                if self.timer.is_some_and(|t| t.is_up(at_ms)) {
                    return ignored(Ignored::TooLate, team);
                }
                self.phase = Phase::Answering(team);
                self.play.buzz = Some(Buzz { team, at_ms });
                self.timer = limit(buzz.answer_seconds, Some(now));
                changed(Outcome::Done, Some(team))
            }
            Phase::Answering(first) => {
                let same_ms = self.play.buzz.is_some_and(|b| b.at_ms == at_ms);
                ignored(Ignored::LockedOut { first, same_ms }, team)
            }
            _ => Err(Refused::NotNow),
        }
    }

    fn pick(&mut self, rules: &RoundRules, team: TeamId, now: u64) -> Result<Step, Refused> {
        match (self.phase, rules.buzz()) {
            (Phase::Choosing(_), None) => self.phase = Phase::Choosing(team),
            (Phase::Ready(Some(_)), None) => self.phase = Phase::Ready(Some(team)),
            (Phase::Reading | Phase::Open, Some(buzz)) => {
                self.may_answer(buzz, team)
                    .map_err(|_| Refused::TeamShutOut(team))?;
                self.phase = Phase::Answering(team);
                self.play.buzz = None;
                self.timer = limit(buzz.answer_seconds, Some(now));
            }
            _ => return Err(Refused::NotNow),
        }
        changed(Outcome::Done, Some(team))
    }

    fn time_up(
        &mut self,
        setup: &MatchSetup,
        rules: Option<&RoundRules>,
        now: u64,
    ) -> Result<Step, Refused> {
        if !self.timer.is_some_and(|t| t.is_up(now)) {
            return Err(Refused::TimeNotUp);
        }
        match (self.phase, rules) {
            (Phase::Open, _) => {
                self.settle(Ending::Void);
                changed(Outcome::Void, None)
            }
            (Phase::Answering(team), Some(RoundRules::Compulsory(r))) => {
                self.score(team, r.timeout);
                self.settle(Ending::TimedOut(team));
                changed(Outcome::TimedOut { rebound: false }, Some(team))
            }
            (Phase::Answering(team), Some(RoundRules::Risk(r))) => {
                if r.timeout_loses {
                    self.score(team, -self.stake());
                }
                self.settle(Ending::TimedOut(team));
                changed(Outcome::TimedOut { rebound: false }, Some(team))
            }
            (Phase::Answering(team), Some(rules)) => {
                let buzz = rules.buzz().ok_or(Refused::NotNow)?;
                let rebound = self.missed(setup, buzz, team, Ending::TimedOut(team));
                changed(Outcome::TimedOut { rebound }, Some(team))
            }
            _ => Err(Refused::NotNow),
        }
    }

    fn stake(&self) -> i32 {
        self.play
            .stake
            .and_then(|s| i32::try_from(s).ok())
            .unwrap_or(0)
    }

    fn judge(
        &mut self,
        setup: &MatchSetup,
        rules: Option<&RoundRules>,
        verdict: &Verdict,
        env: &Env,
    ) -> Result<Step, Refused> {
        let (Phase::Answering(team), Some(rules)) = (self.phase, rules) else {
            return Err(Refused::NotNow);
        };
        let right = match verdict {
            Verdict::Right => true,
            Verdict::Wrong => false,
            Verdict::Said(options) => {
                let key = self
                    .round_setup(setup)
                    .and_then(|r| r.questions.get(self.question))
                    .ok_or(Refused::UnknownQuestion)?;
                let question = env
                    .library
                    .question(&key.bank, &key.question)
                    .ok_or(Refused::UnknownQuestion)?;
                self.play.said = Some(options.clone());
                question.is_correct(options)
            }
        };
        let ending = if right {
            Ending::Right(team)
        } else {
            Ending::Wrong(team)
        };
        let outcome = match rules {
            RoundRules::Compulsory(r) => {
                self.score(team, if right { r.right } else { r.wrong });
                self.settle(ending);
                if right {
                    Outcome::Right
                } else {
                    Outcome::Wrong { rebound: false }
                }
            }
            RoundRules::Risk(_) => {
                let stake = self.stake();
                self.score(team, if right { stake } else { -stake });
                self.settle(ending);
                if right {
                    Outcome::Right
                } else {
                    Outcome::Wrong { rebound: false }
                }
            }
            RoundRules::BuzzIn(buzz) | RoundRules::Tiebreak(TiebreakRules { buzz, .. }) => {
                if right {
                    self.score(team, buzz.right);
                    self.settle(ending);
                    Outcome::Right
                } else {
                    let rebound = self.missed(setup, buzz, team, ending);
                    Outcome::Wrong { rebound }
                }
            }
        };
        changed(outcome, Some(team))
    }

    /// A buzz-in answer missed (wrong, or out of time): the team loses the points and is shut out;
    /// the question rebounds to the teams left (the host opens buzzing again), or ends. Whether it
    /// rebounds.
    fn missed(
        &mut self,
        setup: &MatchSetup,
        rules: &BuzzRules,
        team: TeamId,
        ending: Ending,
    ) -> bool {
        self.score(team, rules.wrong);
        self.play.tried.push(team);
        let someone_left = setup.team_ids().any(|t| self.may_answer(rules, t).is_ok());
        let rebound = rules.after_wrong == AfterWrong::Rebound
            && self.play.tried.len() < usize::from(rules.max_answers)
            && someone_left;
        if rebound {
            self.phase = Phase::Reading;
            self.timer = None;
            self.play.buzz = None;
        } else {
            self.settle(ending);
        }
        rebound
    }
}
