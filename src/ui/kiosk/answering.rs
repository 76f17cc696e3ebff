//! A walk-up session's questions, one per screen, with the learner's own question card, its
//! read-aloud button (the idle count pauses while it speaks) and practice actions: tick, "check my answer", the verdict and explanation at once, then "next"
//! (after the last, the end card). Every tap is a model event.

use super::choosing::KioskBar;
use crate::domain::bank::OptionId;
use crate::domain::i18n::topic_name;
use crate::domain::kiosk::{Event, KioskModel, KioskMsg, TopicChoice};
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::ui::hooks::{set_changed, use_memo};
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
    let parts = model.with_untracked(Parts::new);
    Effect::new(move |_| model.with(|m| parts.update(m)));
    let Parts {
        choice,
        index,
        total,
        revealed,
        selected,
        chosen,
    } = parts;
    let total = move || total.get();
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
        model.with_untracked(|m| {
            let item = m.round()?.session.items().get(i).cloned()?;
            let question = m.library().question(&item.bank, &item.question).cloned()?;
            Some((item, question))
        })
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
                        chosen=chosen
                        on_submit=move |()| dispatch.run(Event::Submit)
                        on_next=move |()| dispatch.run(Event::Next)
                    />
                </div>
            </Show>
        </section>
    }
}

/// The parts of the session the screen shows, each a signal of its own, set from the model after
/// each event only when it changed (as the learner's round screen follows its round): a tick or a
/// check wakes only what shows what it changed. (Memos over a copy of the whole session ran again
/// at every event, with everything read from them.)
#[derive(Clone, Copy)]
struct Parts {
    choice: RwSignal<Option<TopicChoice>>,
    /// The question shown (0-based), none once the last is done.
    index: RwSignal<Option<usize>>,
    total: RwSignal<usize>,
    revealed: RwSignal<bool>,
    /// The options ticked on the question shown.
    selected: RwSignal<Vec<OptionId>>,
    /// The options the question shown was checked with.
    chosen: RwSignal<Vec<OptionId>>,
}

impl Parts {
    fn new(model: &KioskModel) -> Parts {
        let round = model.round();
        let session = round.map(|r| &r.session);
        Parts {
            choice: RwSignal::new(round.map(|r| r.choice)),
            index: RwSignal::new(session.and_then(shown_index)),
            total: RwSignal::new(session.map_or(0, Session::total)),
            revealed: RwSignal::new(session.is_some_and(Session::revealed)),
            selected: RwSignal::new(session.map_or(&[][..], Session::selected).to_vec()),
            chosen: RwSignal::new(session.map_or(&[][..], Session::chosen).to_vec()),
        }
    }

    /// Sets each part that differs from the model's.
    fn update(self, model: &KioskModel) {
        let round = model.round();
        let session = round.map(|r| &r.session);
        set_changed(self.choice, &round.map(|r| r.choice));
        set_changed(self.index, &session.and_then(shown_index));
        set_changed(self.total, &session.map_or(0, Session::total));
        set_changed(self.revealed, &session.is_some_and(Session::revealed));
        set_changed(self.selected, session.map_or(&[][..], Session::selected));
        set_changed(self.chosen, session.map_or(&[][..], Session::chosen));
    }
}

/// The place of the question shown.
fn shown_index(session: &Session) -> Option<usize> {
    session.shown().map(|(i, _)| i)
}
