//! The taps of a learner's first round, played on a copy of the model: a topic, "start" a
//! practice, tick an option, check, next. The learner's page plays them out of sight while it
//! waits on the home screen (`ui::app::rehearsal`), so that the code those taps run is compiled
//! and warm before the learner's own first taps (issue 11: each wasm function's first call is
//! compiled on the main thread, and the first topic and "start" taps were tasks of 57–82 ms at
//! 4× CPU against 24–40 ms the second time).

use super::{AppModel, Event, RoundAction, Screen, SetupChoice};
use crate::domain::date::Date;
use crate::domain::plan::Mode;
use crate::domain::session::PracticeStep;

impl AppModel {
    /// The next tap of the rehearsal from this state, or `None` once it has gone through a first
    /// question and on to the second (or where there is nothing to rehearse: no topic offered
    /// yet, any screen but these).
    pub fn rehearsal_step(&self, today: Date) -> Option<Event> {
        match &self.screen {
            Screen::Home => {
                let topic = *self.catalog.topics_offered(&self.library, today).first()?;
                // As the home screen's topic button opens it: the mode still to choose.
                Some(Event::OpenSetup(SetupChoice {
                    topic: Some(topic),
                    mode: None,
                }))
            }
            Screen::Setup(plan) => {
                let mut plan = plan.clone();
                plan.set_mode(Mode::Practice);
                Some(Event::StartPlan(plan))
            }
            Screen::Round(round) => {
                let practice = round.session.practice()?;
                let (index, item) = round.session.shown()?;
                if index > 0 {
                    return None;
                }
                match practice.step() {
                    PracticeStep::Asking { selected } if selected.is_empty() => item
                        .options
                        .first()
                        .map(|option| Event::Round(RoundAction::Toggle(option.clone()))),
                    PracticeStep::Asking { .. } => Some(Event::Round(RoundAction::Submit)),
                    PracticeStep::Revealed => Some(Event::Round(RoundAction::Next)),
                    PracticeStep::Finished => None,
                }
            }
            Screen::Shelf(_) | Screen::Progress | Screen::Settings => None,
        }
    }
}
