//! A walk-up session's questions, one per screen, with the learner's own question card, its
//! read-aloud button (the idle count pauses while it speaks) and practice actions: tick, "check my answer", the verdict and explanation at once, then "next"
//! (after the last, the end card). Every tap is a model event.

use super::choosing::KioskBar;
use crate::domain::bank::OptionId;
use crate::domain::i18n::topic_name;
use crate::domain::kiosk::{Event, KioskModel, KioskMsg, TopicChoice};
use crate::domain::session::{PracticeStep, Session};
use crate::domain::text::Lang;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use crate::ui::widgets::{PracticeActions, ProgressBar, QuestionCard, ReadAloud};
use leptos::prelude::*;

/// The session's question on screen.
#[component]
pub fn AnsweringScreen(
    /// The kiosk model (its session and banks).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Called with each step the customer takes.
    #[prop(into)]
    dispatch: Callback<Event>,
    /// Called with the language the customer switches to.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called with whether elder mode should be on.
    #[prop(into)]
    on_elder: Callback<bool>,
    /// The number and count to show instead of the session's own (the content desk's preview
    /// numbers its one question by its place in the bank).
    #[prop(optional)]
    numbered: Option<(usize, usize)>,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_memo(move |_| model.with(|m| m.round().map(|r| r.session.clone())));
    let choice = use_memo(move |_| model.with(|m| m.round().map(|r| r.choice)));
    let index =
        use_memo(move |_| session.with(|s| s.as_ref().and_then(|s| s.shown().map(|(i, _)| i))));
    let revealed = use_memo(move |_| {
        session.with(
            |s| matches!(s, Some(Session::Practice(p)) if *p.step() == PracticeStep::Revealed),
        )
    });
    // A memo: a check leaves the ticks as they were, and what shows them is not redrawn.
    let selected = use_memo(move |_| {
        session.with(|s| {
            s.as_ref()
                .map(|s| s.selected().to_vec())
                .unwrap_or_default()
        })
    });
    let total = move || session.with(|s| s.as_ref().map_or(0, Session::total));
    let title = move || {
        let lang = locale.lang();
        match choice.get() {
            Some(TopicChoice::Topic(topic)) => topic_name(topic).text(lang),
            _ => KioskMsg::Mixed.text(lang),
        }
    };

    // The question shown and its item.
    let current = use_memo(move |_| {
        let i = index.get()?;
        let item =
            session.with_untracked(|s| s.as_ref().and_then(|s| s.items().get(i).cloned()))?;
        let question =
            model.with_untracked(|m| m.library().question(&item.bank, &item.question).cloned())?;
        Some((item, question))
    });
    // The question's number and the count (untracked: a tick or a check leaves them).
    let place = use_memo(move |_| {
        let i = index.get().unwrap_or(0);
        numbered.unwrap_or_else(|| (i + 1, untrack(total)))
    });
    // The question card is drawn anew for each question; the progress above it and the
    // read-aloud button beside it stay (only what they say changes).
    let card = move || {
        index.track();
        let (item, question) = current.get_untracked()?;
        Some(view! {
            <QuestionCard
                question=question
                order=item.options
                selected=selected
                revealed=revealed
                on_toggle=Callback::new(move |option: OptionId| dispatch.run(Event::Toggle(option)))
            />
        })
    };
    let on_question = use_memo(move |_| index.get().is_some());

    view! {
        <section class="kiosk-round" aria-labelledby="round-title">
            <KioskBar on_lang=on_lang on_elder=on_elder on_done=move |()| dispatch.run(Event::Done) />
            <h1 id="round-title" class="kiosk-round-title">{title}</h1>
            <Show when=move || on_question.get()>
                <div class="kiosk-question">
                    <ProgressBar place=place />
                    <p class="progress-text">
                        {move || place.with(|(number, total)| KioskMsg::Position.fill(locale.lang(), &[number, total]))}
                    </p>
                    {card}
                    <div class="question-tools">
                        <ReadAloud shown=current revealed=revealed />
                    </div>
                    <PracticeActions
                        shown=current
                        is_last=Signal::derive(move || match numbered {
                            Some((number, total)) => number == total,
                            None => index.get().map(|i| i + 1) == Some(total()),
                        })
                        revealed=revealed
                        selected=selected
                        chosen=Signal::derive(move || {
                            let i = index.get();
                            session.with(|s| {
                                s.as_ref()
                                    .and_then(|s| i.and_then(|i| s.answers().get(i)))
                                    .map(|a| a.chosen.clone())
                                    .unwrap_or_default()
                            })
                        })
                        on_submit=move |()| dispatch.run(Event::Submit)
                        on_next=move |()| dispatch.run(Event::Next)
                    />
                </div>
            </Show>
        </section>
    }
}
