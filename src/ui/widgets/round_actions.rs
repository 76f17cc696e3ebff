//! The round screen's actions: a practice's "check" and "next", a quiz's previous / next, hand in
//! and answer sheet.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::{and_list, Msg};
use crate::domain::session::Item;
use crate::platform::focus::focus_on_mount;
use crate::ui::services::use_locale;
use crate::ui::widgets::{AnswerFeedback, Confirm};
use leptos::prelude::*;

/// Practice: "check my answer", then the feedback and "next".
#[component]
pub fn PracticeActions(
    /// The question's item (its option order).
    item: Item,
    /// The question shown.
    question: Question,
    /// Whether it is the round's last question ("see my results" instead of "next").
    is_last: bool,
    /// Whether the answer has been checked (the feedback shows).
    #[prop(into)]
    revealed: Signal<bool>,
    /// The options ticked (nothing ticked: "check" explains why it waits).
    #[prop(into)]
    selected: Signal<Vec<OptionId>>,
    /// The options the answer was checked with.
    #[prop(into)]
    chosen: Signal<Vec<OptionId>>,
    /// Called to check the ticked options.
    #[prop(into)]
    on_submit: Callback<()>,
    /// Called to go on from the feedback.
    #[prop(into)]
    on_next: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Show
            when=move || revealed.get()
            fallback=move || {
                view! {
                    <div class="actions">
                        <button
                            type="button"
                            class="button button-primary"
                            aria-disabled=move || selected.with(Vec::is_empty).to_string()
                            aria-describedby="select-hint"
                            on:click=move |_| on_submit.run(())
                        >
                            {locale.tr(Msg::Submit)}
                        </button>
                        <p id="select-hint" class="hint" hidden=move || !selected.with(Vec::is_empty)>
                            {locale.tr(Msg::SelectFirst)}
                        </p>
                    </div>
                }
            }
        >
            <AnswerFeedback item=item.clone() question=question.clone() chosen=chosen.get_untracked() />
            <div class="actions">
                <NextButton is_last=is_last on_next=on_next />
            </div>
        </Show>
    }
}

/// "Next question" or "See my results"; takes the focus when it appears so Enter goes on.
#[component]
fn NextButton(
    /// Whether this is the last question.
    is_last: bool,
    /// Called when pressed.
    #[prop(into)]
    on_next: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let button = NodeRef::<leptos::html::Button>::new();
    focus_on_mount(button);
    view! {
        <button type="button" class="button button-primary" node_ref=button on:click=move |_| on_next.run(())>
            {move || if is_last { locale.t(Msg::SeeResults) } else { locale.t(Msg::Next) }}
        </button>
    }
}

/// Quiz: previous / next, hand in (with a warning about unanswered questions), and the answer
/// sheet to jump to any question (not in a timed quiz, which only moves forward).
#[component]
pub fn QuizActions(
    /// The question shown (0-based).
    index: usize,
    /// How many questions the quiz has.
    total: usize,
    /// Whether a time limit runs (only forward, no answer sheet).
    timed: bool,
    /// Whether to show the answer sheet (not in elder mode).
    sheet: bool,
    /// The questions (0-based) with nothing ticked.
    #[prop(into)]
    unanswered: Signal<Vec<usize>>,
    /// Whether "hand in with questions unanswered?" is asked (the app model's question).
    #[prop(into)]
    asking: Signal<bool>,
    /// Called with the question to show.
    #[prop(into)]
    on_go: Callback<usize>,
    /// Called by the hand-in button (the model asks first if questions are unanswered).
    #[prop(into)]
    on_hand_in: Callback<()>,
    /// Called by "hand in anyway".
    #[prop(into)]
    on_hand_in_anyway: Callback<()>,
    /// Called by "keep answering" (the model shows the first question left open).
    #[prop(into)]
    on_stay: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let is_last = index + 1 == total;
    let has_prev = !timed && index > 0;
    let sheet = (sheet && !timed).then(|| {
        let cells = (0..total)
            .map(|n| {
                let open = move || unanswered.with(|u| u.contains(&n));
                view! {
                    <li>
                        <button
                            type="button"
                            class="sheet-cell"
                            class:is-answered=move || !open()
                            aria-current=(n == index).then_some("step")
                            aria-label=move || {
                                let lang = locale.lang();
                                let state = if open() { Msg::NotAnswered } else { Msg::Answered };
                                Msg::SheetItem.fill(lang, &[&(n + 1), &state.text(lang)])
                            }
                            on:click=move |_| on_go.run(n)
                        >
                            {n + 1}
                            <span class="sheet-mark" aria-hidden="true">{move || if open() { "" } else { "✓" }}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="sheet" aria-labelledby="sheet-title">
                <h2 id="sheet-title" class="sheet-title">{locale.tr(Msg::AnswerSheet)}</h2>
                <ol class="sheet-cells" role="list">{cells}</ol>
            </nav>
        }
    });
    let warning = move || {
        let list = unanswered.get();
        let numbers: Vec<String> = list.iter().map(|n| (n + 1).to_string()).collect();
        let message = Signal::derive(move || {
            let lang = locale.lang();
            Msg::UnansweredWarn.fill(lang, &[&numbers.len(), &and_list(lang, &numbers)])
        });
        view! {
            <Confirm
                id="unanswered-text"
                message=message
                stay=Msg::KeepAnswering
                go=Msg::HandInAnyway
                on_stay=on_stay
                on_go=on_hand_in_anyway
            />
        }
    };
    view! {
        <div class="actions quiz-actions">
            <Show when=move || has_prev>
                <button type="button" class="button" on:click=move |_| on_go.run(index - 1)>
                    {locale.tr(Msg::Prev)}
                </button>
            </Show>
            <Show when=move || !is_last>
                <button type="button" class="button button-primary" on:click=move |_| on_go.run(index + 1)>
                    {locale.tr(Msg::Next)}
                </button>
            </Show>
            <button
                type="button"
                class=if is_last { "button button-primary" } else { "button" }
                on:click=move |_| on_hand_in.run(())
            >
                {locale.tr(Msg::HandIn)}
            </button>
        </div>
        <Show when=move || asking.get()>{warning}</Show>
        {sheet}
    }
}
