//! The rehearsal: once every bank is in, if the learner is still on the home screen they started
//! on, the taps of a first round (`AppModel::rehearsal_step`: a topic, "start" a practice, tick,
//! check, next) are played on stand-ins (`UseApp::stand_in`: copies of the model that write to
//! records of their own, in memory), and the screens they open are built out of sight, in an
//! element outside the page, then dropped. V8 compiles each wasm function the first time it runs,
//! on the main thread: the learner's own first taps then run code already compiled (issue 11: at
//! 4× CPU the first topic and "start" taps were tasks of 57–82 ms, against 24–40 ms for the same
//! taps a second time).
//!
//! One tap per task, the model's part (on a stand-in kept ahead) a task before the screen's, so
//! that no task is long; it stops, and drops what it built, as soon as the learner leaves the home
//! screen. Nothing of it is seen, focused, read out or kept: the element is never in the document,
//! and the learner's records are not touched.

use super::current::CurrentScreen;
use crate::domain::session::PracticeStep;
use crate::domain::text::Lang;
use crate::ui::hooks::{use_rehearsal as rehearsal, UseApp};
use crate::ui::screens::question_parts;
use crate::ui::services::{Elder, Locale};
use leptos::prelude::*;

/// Plays the rehearsal once, when every bank has settled, if the learner is still on the home
/// screen they started on; `at_home` stops it. A learner who has left the home screen before has
/// run that code already: then it never plays.
pub fn use_rehearsal(app: UseApp, settled: Signal<bool>, at_home: Signal<bool>) {
    // The page provides both; without them there is nothing to rehearse with.
    let (Some(locale), Some(elder)) = (use_context::<Locale>(), use_context::<Elder>()) else {
        return;
    };
    rehearsal::use_rehearsal(settled, at_home, move || {
        rehearse(app, locale, elder, at_home)
    });
}

async fn rehearse(app: UseApp, locale: Locale, elder: Elder, at_home: Signal<bool>) {
    let stand_ins = move || {
        let (ahead, shown) = (app.stand_in(), app.stand_in());
        provide_context(locale);
        provide_context(shown.saved);
        provide_context(elder);
        (ahead, shown)
    };
    let screen = |shown: UseApp| {
        view! {
            <CurrentScreen
                app=shown
                now=Signal::stored(0.0)
                on_reload=Callback::new(|()| {})
                on_lang=Callback::new(|_: Lang| {})
                on_elder=Callback::new(|_: bool| {})
            />
        }
    };
    // The round's first question: its largest parts alone first (the screen's first build was a
    // long task).
    let parts = |ahead: UseApp| {
        ahead.model.with_untracked(|m| {
            let round = m.round()?;
            let fresh = matches!(round.session.shown(), Some((0, _)))
                && matches!(
                    round.session.practice()?.step(),
                    PracticeStep::Asking { selected } if selected.is_empty()
                );
            fresh.then(|| question_parts(round, m.library())).flatten()
        })
    };
    let today = (app.clock.today)();
    let step = move |of: UseApp| of.model.with_untracked(|m| m.rehearsal_step(today));
    let run = |of: UseApp, event| of.dispatch.run(event);
    rehearsal::rehearse(at_home, stand_ins, screen, parts, step, run).await;
}
