//! The quiz screen: one question at a time, instant feedback with the explanation, then the result.

use crate::domain::bank::{Bank, BankId, OptionId, QuestionId};
use crate::domain::i18n::Msg;
use crate::domain::session::{Phase, Session, DEFAULT_QUESTION_COUNT};
use crate::platform::page;
use crate::ui::app::use_locale;
use crate::ui::widgets::{AnswerFeedback, QuestionCard, ResultSummary};
use leptos::prelude::*;
use std::sync::Arc;

fn new_session(bank: &Bank) -> Option<Session> {
    Session::new(
        bank,
        page::today(),
        page::random_seed(),
        DEFAULT_QUESTION_COUNT,
    )
    .ok()
}

/// Runs one round of `bank` (or resumes a saved one) and reports every step.
#[component]
pub fn QuizScreen(
    /// The bank to draw questions from.
    bank: Arc<Bank>,
    /// A saved round of this bank to carry on with (already checked against the bank).
    resume: Option<Session>,
    /// Called when the player leaves (quit or "back to home").
    #[prop(into)]
    on_exit: Callback<()>,
    /// Called with the session after every change (for saving, and the history at the end).
    #[prop(into)]
    on_change: Callback<(BankId, Session)>,
    /// Called once per answer with whether it was right (for the review schedule).
    #[prop(into)]
    on_answer: Callback<(BankId, QuestionId, bool)>,
) -> impl IntoView {
    let locale = use_locale();
    let title = bank.title.clone();
    let bank_id = bank.id.clone();
    let Some(first) = resume.or_else(|| new_session(&bank)) else {
        // The validator rejects banks without current questions; this is a last guard.
        return view! {
            <section class="quiz">
                <p role="alert">{move || locale.t(Msg::IndexFailed)}</p>
                <button type="button" class="button" on:click=move |_| on_exit.run(())>
                    {move || locale.t(Msg::BackHome)}
                </button>
            </section>
        }
        .into_any();
    };
    let session = RwSignal::new(first);
    let bank = StoredValue::new(bank);
    let bank_id = StoredValue::new(bank_id);
    // Reports the session after a transition that changed it.
    let report = move || on_change.run((bank_id.get_value(), session.get_untracked()));
    report();
    let index = Memo::new(move |_| session.with(|s| s.current().map(|(i, _)| i)));
    let revealed = Memo::new(move |_| session.with(|s| matches!(s.phase, Phase::Revealed { .. })));
    let selected = Signal::derive(move || session.with(|s| s.selected().to_vec()));
    // The live region speaks the verdict once per answer.
    let verdict = move || {
        session.with(|s| match s.phase {
            Phase::Revealed { index } => s.answers.get(index).map(|a| {
                if a.correct {
                    locale.t(Msg::Correct)
                } else {
                    locale.t(Msg::Wrong)
                }
            }),
            _ => None,
        })
    };

    let toggle = Callback::new(move |option: OptionId| {
        let Some(kind) = index.get_untracked().and_then(|i| {
            let qid =
                session.with_untracked(|s| s.items.get(i).map(|item| item.question.clone()))?;
            bank.with_value(|b| b.question(&qid).map(|q| q.kind))
        }) else {
            return;
        };
        // Errors here come from stale taps (after reveal); ignoring them is the defined outcome.
        let mut changed = false;
        session.update(|s| changed = s.toggle(kind, &option).is_ok());
        if changed {
            report();
        }
    });
    let submit = move |_| {
        let Some(i) = index.get_untracked() else {
            return;
        };
        let Some(question) = session
            .with_untracked(|s| s.items.get(i).map(|item| item.question.clone()))
            .and_then(|qid| bank.with_value(|b| b.question(&qid).cloned()))
        else {
            return;
        };
        let mut outcome = None;
        session.update(|s| outcome = s.submit(&question).ok());
        if let Some(outcome) = outcome {
            on_answer.run((bank_id.get_value(), question.id.clone(), outcome.correct));
            report();
        }
    };
    let next = move |_| {
        let mut moved = false;
        session.update(|s| moved = s.advance().is_ok());
        if moved {
            report();
        }
    };
    let again = Callback::new(move |_: ()| {
        if let Some(s) = bank.with_value(|b| new_session(b)) {
            session.set(s);
            report();
        }
    });

    let body = move || {
        let Some(i) = index.get() else {
            let (correct, total) = session.with_untracked(|s| (s.correct(), s.total()));
            return view! { <ResultSummary correct=correct total=total on_again=again on_home=on_exit /> }
                .into_any();
        };
        let Some((item, question)) = session
            .with_untracked(|s| s.items.get(i).cloned())
            .and_then(|item| {
                bank.with_value(|b| b.question(&item.question).cloned())
                    .map(|q| (item, q))
            })
        else {
            return view! { <p role="alert">{locale.t(Msg::IndexFailed)}</p> }.into_any();
        };
        let total = session.with_untracked(Session::total);
        let is_last = i + 1 == total;
        let feedback_item = item.clone();
        let feedback_question = question.clone();
        view! {
            <div class="progress" aria-hidden="true">
                <div class="progress-bar" style=format!("width: {}%", (i + 1) * 100 / total.max(1))></div>
            </div>
            <p class="progress-text">{move || Msg::Progress.fill(locale.lang(), &[&(i + 1), &total])}</p>
            <QuestionCard
                question=question
                order=item.options.clone()
                selected=selected
                revealed=revealed
                on_toggle=toggle
            />
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
                                on:click=submit
                            >
                                {move || locale.t(Msg::Submit)}
                            </button>
                            <p id="select-hint" class="hint" hidden=move || !selected.with(Vec::is_empty)>
                                {move || locale.t(Msg::SelectFirst)}
                            </p>
                        </div>
                    }
                }
            >
                {
                    let chosen = session.with_untracked(|s| s.answers.get(i).map(|a| a.chosen.clone()).unwrap_or_default());
                    view! {
                        <AnswerFeedback item=feedback_item.clone() question=feedback_question.clone() chosen=chosen />
                        <div class="actions">
                            <NextButton is_last=is_last on_next=next />
                        </div>
                    }
                }
            </Show>
        }
        .into_any()
    };

    view! {
        <section class="quiz" aria-labelledby="quiz-title">
            <div class="quiz-head">
                <h1 id="quiz-title" class="quiz-title">{move || title.get(locale.lang()).to_owned()}</h1>
                <button type="button" class="button button-quiet" on:click=move |_| on_exit.run(())>
                    {move || locale.t(Msg::Quit)}
                </button>
            </div>
            <p class="sr-only" aria-live="polite">{verdict}</p>
            {body}
        </section>
    }
    .into_any()
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
    Effect::new(move |_| {
        if let Some(el) = button.get() {
            let _ = el.focus();
        }
    });
    view! {
        <button type="button" class="button button-primary" node_ref=button on:click=move |_| on_next.run(())>
            {move || if is_last { locale.t(Msg::SeeResults) } else { locale.t(Msg::Next) }}
        </button>
    }
}
