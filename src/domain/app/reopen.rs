//! What a reload opens again: the round left unfinished (with the question it was asking), the
//! setup screen, the result of the round just finished; and what the storage must hold for that.

use super::{ActiveRound, AppModel, Env, Notice, Persist, Screen, Stage, Start};
use crate::domain::saved::{SavedResult, SavedRound, SavedScreen};
use crate::domain::session::Session;
use crate::domain::stopwatch::Stopwatch;

impl AppModel {
    /// The app as it opens (as [`AppModel::new`]), with what must be written at once: the saved
    /// screen forgotten when a round to resume or a deep link won over it.
    pub fn opened(start: Start) -> (AppModel, Vec<Persist>) {
        let stored = start.screen.clone();
        let model = AppModel::new(start);
        let now = model.saved_screen();
        let out = if now == stored {
            Vec::new()
        } else {
            vec![Persist::Screen(now)]
        };
        (model, out)
    }

    /// The screen a reload opens again, as it must be stored: the setup shown, the result shown,
    /// or the result a reload left, still waiting for its banks.
    pub(super) fn saved_screen(&self) -> Option<SavedScreen> {
        match &self.screen {
            Screen::Setup(plan) => Some(SavedScreen::Setup(plan.clone())),
            Screen::Round(round) => round.result().map(SavedScreen::Result),
            Screen::Home => self.result.clone().map(SavedScreen::Result),
            _ => None,
        }
    }

    /// Shows a saved round again (its banks loaded) if its questions are still there; else says
    /// so. Its time goes on from what it had.
    pub(super) fn reopen(&mut self, saved: SavedRound, env: &Env, out: &mut Vec<Persist>) -> bool {
        if self.library.check(&saved.session).is_err() {
            self.notify(Notice::ResumeLost);
            return false;
        }
        let clock = Stopwatch::resume(saved.elapsed_ms, env.now_ms);
        let mut round = ActiveRound::new(saved.kind, saved.session, clock, env);
        round.ask(saved.asking);
        self.show_round(round, env, out);
        true
    }

    /// Whether every bank `session` draws from is loaded.
    fn banks_in(&self, session: &Session) -> bool {
        session
            .items()
            .iter()
            .all(|i| self.library.bank(&i.bank).is_some())
    }

    /// The unfinished round reopens from the home screen only (never pulling the learner off
    /// settings, a setup or a confirmation): when its last bank arrives while home is shown, or
    /// when the learner comes back home.
    pub(super) fn try_resume(&mut self, env: &Env, out: &mut Vec<Persist>) {
        if self.screen != Screen::Home {
            return;
        }
        if let Some(saved) = &self.resumable {
            if !self.banks_in(&saved.session) {
                return;
            }
            if let Some(saved) = self.resumable.take() {
                if !self.reopen(saved, env, out) {
                    out.push(Persist::InProgress(None));
                }
            }
            return;
        }
        if self
            .result
            .as_ref()
            .is_some_and(|r| self.banks_in(&r.session))
        {
            if let Some(result) = self.result.take() {
                self.show_result(result, env);
            }
        }
    }

    /// Shows a finished round's result (or its answers) again, if its questions are still there
    /// (if not, it is only in the history).
    fn show_result(&mut self, result: SavedResult, env: &Env) {
        if self.library.check(&result.session).is_err() {
            return;
        }
        let clock = Stopwatch::resume(f64::from(result.record.seconds) * 1000.0, env.now_ms);
        let mut round = ActiveRound::new(result.kind, result.session, clock, env);
        round.stage = if result.answers {
            Stage::Answers(result.record)
        } else {
            Stage::Result(result.record)
        };
        self.screen = Screen::Round(Box::new(round));
    }
}
