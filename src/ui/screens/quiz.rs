//! The round screen: one question at a time, instant feedback with the explanation, then the result.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::Msg;
use crate::domain::library::Library;
use crate::domain::progress::question_key;
use crate::domain::session::{Item, Phase, Session};
use crate::domain::text::LocalText;
use crate::ui::app::{use_locale, use_saved_state};
use crate::ui::widgets::{AnswerFeedback, QuestionCard, ResultSummary};
use leptos::prelude::*;
use std::sync::Arc;

/// Runs a round and reports every step; the shell decides what a round draws from.
#[component]
pub fn QuizScreen(
    /// The round's title.
    title: LocalText,
    /// The banks the round's questions come from.
    library: Arc<Library>,
    /// The session to start from (new, or resumed after a reload).
    session: Session,
    /// Draws a fresh session of the same kind ("another round").
    #[prop(into)]
    draw_again: Callback<(), Option<Session>>,
    /// Called when the player leaves (quit or "back to home").
    #[prop(into)]
    on_exit: Callback<()>,
    /// Called with the session after every change (for saving, and the history at the end).
    #[prop(into)]
    on_change: Callback<Session>,
    /// Called once per answer with the question's progress key and whether it was right.
    #[prop(into)]
    on_answer: Callback<(String, bool)>,
    /// Called with a question's progress key to bookmark or un-bookmark it.
    #[prop(into)]
    on_bookmark: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    let session = RwSignal::new(session);
    let library = StoredValue::new(library);
    let report = move || on_change.run(session.get_untracked());
    report();

    let index = Memo::new(move |_| session.with(|s| s.current().map(|(i, _)| i)));
    let revealed = Memo::new(move |_| session.with(|s| matches!(s.phase, Phase::Revealed { .. })));
    let selected = Signal::derive(move || session.with(|s| s.selected().to_vec()));
    // The item on screen and its question (untracked: callers re-run on `index`).
    let shown = move || -> Option<(usize, Item, Question)> {
        let i = index.get_untracked()?;
        let item = session.with_untracked(|s| s.items.get(i).cloned())?;
        let question = library.with_value(|l| l.question(&item.bank, &item.question).cloned())?;
        Some((i, item, question))
    };
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
        let Some((_, _, question)) = shown() else {
            return;
        };
        // Errors here come from stale taps (after reveal); ignoring them is the defined outcome.
        let mut changed = false;
        session.update(|s| changed = s.toggle(question.kind, &option).is_ok());
        if changed {
            report();
        }
    });
    let submit = move |_| {
        let Some((_, item, question)) = shown() else {
            return;
        };
        let mut outcome = None;
        session.update(|s| outcome = s.submit(&question).ok());
        if let Some(outcome) = outcome {
            on_answer.run((question_key(&item.bank, &item.question), outcome.correct));
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
        if let Some(s) = draw_again.run(()) {
            session.set(s);
            report();
        }
    });

    let body = move || {
        if index.get().is_none() {
            let (correct, total) = session.with_untracked(|s| (s.correct(), s.total()));
            return view! { <ResultSummary correct=correct total=total on_again=again on_home=on_exit /> }
                .into_any();
        }
        let Some((i, item, question)) = shown() else {
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
            {
                let key = question_key(&item.bank, &item.question);
                let marked_key = key.clone();
                let marked = Signal::derive(move || {
                    saved.progress.with(|p| p.reviews.get(&marked_key).is_some_and(|r| r.bookmarked))
                });
                view! {
                    <button
                        type="button"
                        class="button button-small button-quiet bookmark"
                        aria-pressed=move || marked.get().to_string()
                        on:click=move |_| on_bookmark.run(key.clone())
                    >
                        <span aria-hidden="true">{move || if marked.get() { "★ " } else { "☆ " }}</span>
                        {move || locale.t(Msg::Bookmark)}
                    </button>
                }
            }
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
                    let chosen = session
                        .with_untracked(|s| s.answers.get(i).map(|a| a.chosen.clone()).unwrap_or_default());
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
