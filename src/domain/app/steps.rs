//! The app model's steps inside a round: ticking, checking, moving on, handing in, the result and
//! the answers, another round, leaving (a practice part-way is parked), and the clock of a timed
//! quiz.

use super::{ActiveRound, AppModel, Env, Persist, RoundAction, Screen, Stage};
use crate::domain::report;
use crate::domain::saved::Ask;
use crate::domain::stopwatch::Stopwatch;

impl AppModel {
    /// Leaves the round: a practice part-way is parked to continue later (replacing the one
    /// parked before); anything else is dropped.
    pub(super) fn leave(&mut self, env: &Env, out: &mut Vec<Persist>) {
        if let Screen::Round(round) = &self.screen {
            if round.can_park() {
                let saved = round.saved(env.now_ms);
                self.parked = Some(saved.clone());
                out.push(Persist::Parked(Some(saved)));
            }
        }
        self.go_home(env, out);
    }

    pub(super) fn round_action(&mut self, action: RoundAction, env: &Env, out: &mut Vec<Persist>) {
        let Screen::Round(round) = &mut self.screen else {
            return;
        };
        match action {
            RoundAction::Leave => {
                if round.leave_needs_confirming() {
                    self.asks(Some(Ask::Leave), env, out);
                } else {
                    self.leave(env, out);
                }
            }
            RoundAction::LeaveAnyway => self.leave(env, out),
            RoundAction::Stay => {
                let asked = round.asking();
                let first_open = round
                    .session
                    .quiz()
                    .and_then(|q| q.unanswered().first().copied());
                self.asks(None, env, out);
                if let (Some(Ask::HandIn), Some(first)) = (asked, first_open) {
                    // Keep answering from the first question left open.
                    self.round_action(RoundAction::GoTo(first), env, out);
                }
            }
            RoundAction::HandIn if round.hand_in_needs_confirming() => {
                self.asks(Some(Ask::HandIn), env, out);
            }
            RoundAction::ShowAnswers => round.show_answers(true),
            RoundAction::HideAnswers => round.show_answers(false),
            RoundAction::Again => {
                let kind = round.kind.clone();
                if let Some(session) = self.draw(&kind, env) {
                    let round = ActiveRound::new(kind, session, Stopwatch::start(env.now_ms), env);
                    self.show_round(round, env, out);
                }
            }
            RoundAction::Toggle(_)
            | RoundAction::Submit
            | RoundAction::Next
            | RoundAction::GoTo(_)
            | RoundAction::HandIn
            | RoundAction::HandInAnyway => {
                let Some(step) = round.step(&action, &self.library, env) else {
                    return;
                };
                if !step.judged.is_empty() {
                    out.push(Persist::Answers(step.judged));
                }
                self.after_step(env, out);
            }
        }
    }

    /// Asks `ask` (or stops asking) in the round shown, and saves it so a reload asks the same.
    fn asks(&mut self, ask: Option<Ask>, env: &Env, out: &mut Vec<Persist>) {
        let Screen::Round(round) = &mut self.screen else {
            return;
        };
        if round.asking() == ask {
            return;
        }
        round.ask(ask);
        out.push(Persist::InProgress(Some(round.saved(env.now_ms))));
    }

    /// After a step that changed the round: saves it, or files it once finished.
    fn after_step(&mut self, env: &Env, out: &mut Vec<Persist>) {
        let Screen::Round(round) = &mut self.screen else {
            return;
        };
        if !round.session.is_finished() {
            out.push(Persist::InProgress(Some(round.saved(env.now_ms))));
            return;
        }
        out.push(Persist::InProgress(None));
        let continued = self
            .parked
            .as_ref()
            .is_some_and(|p| p.kind == round.kind && p.session.seed() == round.session.seed());
        let record = report::record(
            &round.kind,
            &round.session,
            &self.library,
            env.today,
            round.clock.seconds(env.now_ms),
        );
        round.stage = Stage::Result(record.clone());
        if continued {
            // The continued practice is done: nothing is left to continue.
            self.parked = None;
            out.push(Persist::Parked(None));
        }
        out.push(Persist::Finished(record));
    }

    pub(super) fn tick(&mut self, env: &Env, out: &mut Vec<Persist>) {
        let Screen::Round(round) = &mut self.screen else {
            return;
        };
        if round.seconds_left(env.now_ms) != Some(0) {
            return;
        }
        let Some((index, _)) = round.session.shown() else {
            return;
        };
        let action = if index + 1 < round.session.total() {
            RoundAction::GoTo(index + 1)
        } else {
            RoundAction::HandInAnyway
        };
        self.round_action(action, env, out);
    }
}
