//! The round screen's actions: a practice's "check" and "next", a quiz's previous / next, hand in
//! and answer sheet.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::{and_list, Msg};
use crate::domain::session::Item;
use crate::platform::focus::scroll_into_view_after_paint;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use crate::ui::widgets::{AfterPaint, AnswerFeedback, Confirm};
use leptos::prelude::*;

/// Practice: "check my answer", then the feedback and "next". One button does both: it stays in
/// place from question to question (its words and what it does follow the step), so the focus a
/// tap or a key gave it stays with it, and Enter goes on. Taking the focused element out of the
/// page costs the browser a style pass inside the tap; the vanilla floor never pays it.
#[component]
pub fn PracticeActions(
    /// The question shown and its item (its option order); the feedback is about it.
    #[prop(into)]
    shown: Signal<Option<(Item, Question)>>,
    /// Whether it is the round's last question ("see my results" instead of "next").
    #[prop(into)]
    is_last: Signal<bool>,
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
    let button = NodeRef::<leptos::html::Button>::new();
    // Nothing ticked and not checked. With something ticked, `revealed` is not read: the check
    // (which needs something ticked) does not wake it.
    let waiting = use_memo(move |_| selected.with(Vec::is_empty) && !revealed.get());
    // The answer the feedback is drawn for: the options ticked while it waits hidden, the answer
    // checked once it shows. The check takes the options ticked, so its verdict is drawn already
    // and the check only shows it (drawing it again was 8 attribute sets and a text in the tap).
    let answer = use_memo(move |_| {
        if revealed.get() {
            chosen.get()
        } else {
            selected.get()
        }
    });
    // The feedback appears above the button and pushes it down: bring it back into sight once
    // painted, as focusing it used to.
    Effect::new(move |was: Option<bool>| {
        let now = revealed.get();
        if now && was == Some(false) {
            if let Some(el) = button.get_untracked() {
                scroll_into_view_after_paint(el.into());
            }
        }
        now
    });
    view! {
        // Prepared hidden once the question is painted; the check shows it.
        {move || {
            let (item, question) = shown.get()?;
            Some(view! {
                <AfterPaint now=revealed>
                    <AnswerFeedback
                        item=item.clone()
                        question=question.clone()
                        chosen=answer
                        hidden=Signal::derive(move || !revealed.get())
                    />
                </AfterPaint>
            })
        }}
        <div class="actions">
            <button
                type="button"
                class="button button-primary"
                node_ref=button
                aria-disabled=move || waiting.get().to_string()
                // Described by the hint while it shows (nothing ticked), not by a hidden one.
                aria-describedby=move || waiting.get().then_some("select-hint")
                on:click=move |_| if revealed.get_untracked() { on_next.run(()) } else { on_submit.run(()) }
            >
                // Both words laid out in one place, the one not meant hidden (so out of the
                // button's name too): the check only swaps which shows, a paint, where a new
                // text was shaped inside the tap.
                <span class="swap">
                    <span class:is-off=revealed>{locale.tr(Msg::Submit)}</span>
                    <span class:is-off=move || !revealed.get()>
                        {move || locale.t(if is_last.get() { Msg::SeeResults } else { Msg::Next })}
                    </span>
                </span>
            </button>
            <p id="select-hint" class="hint" hidden=move || !waiting.get()>
                {locale.tr(Msg::SelectFirst)}
            </p>
        </div>
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
