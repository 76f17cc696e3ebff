//! The round screen's view of the round: one signal per part it shows.

use crate::domain::app::{ActiveRound, Showing};
use crate::domain::bank::OptionId;
use crate::domain::library::RoundKind;
use crate::domain::plan::Mode;
use crate::domain::saved::Ask;
use crate::domain::session::Quiz;
use crate::ui::hooks::set_changed;
use leptos::prelude::*;

/// The parts of the round the screen shows, each a signal of its own, set from the round after
/// each step only when it changed: a step wakes only what shows what it changed. (Memos over the
/// whole round ran again at every step, with everything read from them: half the check's work in
/// the tap on the phone.)
#[derive(Clone, Copy)]
pub(super) struct Follow {
    pub(super) kind: RwSignal<RoundKind>,
    pub(super) showing: RwSignal<Showing>,
    pub(super) mode: RwSignal<Mode>,
    pub(super) revealed: RwSignal<bool>,
    pub(super) selected: RwSignal<Vec<OptionId>>,
    pub(super) chosen: RwSignal<Vec<OptionId>>,
    pub(super) asking: RwSignal<Option<Ask>>,
    /// A quiz's questions with nothing ticked (none in a practice).
    pub(super) unanswered: RwSignal<Vec<usize>>,
}

impl Follow {
    pub(super) fn new(round: &ActiveRound) -> Follow {
        Follow {
            kind: RwSignal::new(round.kind.clone()),
            showing: RwSignal::new(round.showing()),
            mode: RwSignal::new(round.session.mode()),
            revealed: RwSignal::new(round.revealed()),
            selected: RwSignal::new(round.session.selected().to_vec()),
            chosen: RwSignal::new(round.chosen().to_vec()),
            asking: RwSignal::new(round.asking()),
            unanswered: RwSignal::new(unanswered(round)),
        }
    }

    /// Sets each part that differs from `round`'s.
    pub(super) fn update(self, round: &ActiveRound) {
        set_changed(self.kind, &round.kind);
        set_changed(self.showing, &round.showing());
        set_changed(self.mode, &round.session.mode());
        set_changed(self.revealed, &round.revealed());
        set_changed(self.selected, round.session.selected());
        set_changed(self.chosen, round.chosen());
        set_changed(self.asking, &round.asking());
        set_changed(self.unanswered, unanswered(round).as_slice());
    }
}

/// A quiz's questions with nothing ticked.
fn unanswered(round: &ActiveRound) -> Vec<usize> {
    round
        .session
        .quiz()
        .map(Quiz::unanswered)
        .unwrap_or_default()
}
