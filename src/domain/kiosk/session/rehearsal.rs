//! The taps of a customer's first session, played on a copy of the model: "touch to start", the
//! first topic offered, tick an option, check, next. The kiosk page plays them out of sight while
//! it waits on the attract screen (`ui::kiosk::rehearsal`), so that the code those taps run is
//! compiled before the first customer's own taps (issue 11: V8 compiles each wasm function on its
//! first call, on the main thread; the learner's page does the same, `domain::app::rehearsal`).

use super::{Event, KioskModel, Screen, TopicChoice};
use crate::domain::session::PracticeStep;

impl KioskModel {
    /// The next tap of the rehearsal from this state (`now_ms`: which topics are offered), or
    /// `None` once it has gone through a first question and on (or where there is nothing to
    /// rehearse: no topic offered yet, the end card).
    pub fn rehearsal_step(&self, now_ms: f64) -> Option<Event> {
        match self.screen() {
            Screen::Attract => Some(Event::Start),
            Screen::Choosing => {
                let topic = *self.topics_offered(now_ms).first()?;
                Some(Event::ChooseTopic(TopicChoice::Topic(topic)))
            }
            Screen::Answering(round) => {
                let practice = round.session.practice()?;
                let (index, item) = round.session.shown()?;
                if index > 0 {
                    return None;
                }
                match practice.step() {
                    PracticeStep::Asking { selected } if selected.is_empty() => {
                        item.options.first().cloned().map(Event::Toggle)
                    }
                    PracticeStep::Asking { .. } => Some(Event::Submit),
                    PracticeStep::Revealed => Some(Event::Next),
                    PracticeStep::Finished => None,
                }
            }
            Screen::EndCard(_) => None,
        }
    }
}
