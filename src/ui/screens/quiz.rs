//! The round screen. Practice: one question at a time, the answer and explanation at once. Quiz:
//! answers stay open (with an answer sheet to move around) until handed in, optionally with a time
//! limit per question. Then the result, and the review of every answer.

use crate::domain::bank::{OptionId, Question};
use crate::domain::history::RoundRecord;
use crate::domain::i18n::{and_list, Msg};
use crate::domain::library::Library;
use crate::domain::plan::Mode;
use crate::domain::progress::question_key;
use crate::domain::report::{advice, Advice};
use crate::domain::score::best_streak;
use crate::domain::session::{Item, Phase, Session};
use crate::domain::text::LocalText;
use crate::platform::{focus::focus_on_mount, page};
use crate::ui::app::{use_elder, use_locale, use_saved_state};
use crate::ui::widgets::{
    AnswerFeedback, Confirm, QuestionCard, ReadAloud, ResultSummary, ReviewList,
};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Seconds left at which a timed question is announced.
const TIME_WARNING: u32 = 10;

/// Runs a round and reports every step; the shell decides what a round draws from.
#[component]
pub fn QuizScreen(
    /// The round's title.
    title: LocalText,
    /// The banks the round's questions come from.
    library: Arc<Library>,
    /// The session to start from (new, or resumed after a reload).
    session: Session,
    /// The pass mark, for a quiz.
    pass_percent: Option<u32>,
    /// The history entry once the round is finished (filed by the shell).
    #[prop(into)]
    record: Signal<Option<RoundRecord>>,
    /// Counts presses of the back button while the round is on screen (each one asks to leave).
    #[prop(into)]
    back_presses: Signal<u32>,
    /// Draws a fresh session of the same kind ("another round").
    #[prop(into)]
    draw_again: Callback<(), Option<Session>>,
    /// Called with the session when the player leaves (quit or "back to home").
    #[prop(into)]
    on_leave: Callback<Session>,
    /// Called with the session after every change (for saving, and the history at the end).
    #[prop(into)]
    on_change: Callback<Session>,
    /// Called with judged answers (each question's progress key and whether it was right): one
    /// in practice, the whole quiz when it is handed in.
    #[prop(into)]
    on_answers: Callback<Vec<(String, bool)>>,
    /// Called with a question's progress key to bookmark or un-bookmark it.
    #[prop(into)]
    on_bookmark: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    // Elder mode: one question and its choices, nothing else competing, no clock.
    let elder = use_elder();
    let session = RwSignal::new(session);
    let library = StoredValue::new(library);
    let reviewing = RwSignal::new(false);
    // What the live region says: the verdict, or the time left.
    let announce = RwSignal::new(String::new());
    let report = move || on_change.run(session.get_untracked());
    report();

    let index = Memo::new(move |_| session.with(|s| s.current().map(|(i, _)| i)));
    let mode = Memo::new(move |_| session.with(|s| s.mode));
    let revealed = Memo::new(move |_| session.with(|s| matches!(s.phase, Phase::Revealed { .. })));
    let selected = Signal::derive(move || session.with(|s| s.selected().to_vec()));
    // The item on screen and its question (untracked: callers re-run on `index`).
    let shown = move || -> Option<(usize, Item, Question)> {
        let i = index.get_untracked()?;
        let item = session.with_untracked(|s| s.items.get(i).cloned())?;
        let question = library.with_value(|l| l.question(&item.bank, &item.question).cloned())?;
        Some((i, item, question))
    };
    // Applies a transition; reports the session when it changed.
    let step = move |change: &dyn Fn(&mut Session) -> bool| {
        let mut changed = false;
        session.update(|s| changed = change(s));
        if changed {
            report();
        }
        changed
    };

    let toggle = Callback::new(move |option: OptionId| {
        let Some((_, _, question)) = shown() else {
            return;
        };
        // Errors here come from stale taps (after reveal); ignoring them is the defined outcome.
        step(&|s| s.toggle(question.kind, &option).is_ok());
    });
    let submit = Callback::new(move |()| {
        let Some((_, item, question)) = shown() else {
            return;
        };
        let mut outcome = None;
        session.update(|s| outcome = s.submit(&question).ok());
        if let Some(outcome) = outcome {
            announce.set(
                locale
                    .t(if outcome.correct {
                        Msg::Correct
                    } else {
                        Msg::Wrong
                    })
                    .to_owned(),
            );
            on_answers.run(vec![(
                question_key(&item.bank, &item.question),
                outcome.correct,
            )]);
            report();
        }
    });
    let next = Callback::new(move |()| {
        step(&|s| s.advance().is_ok());
    });
    let go_to = Callback::new(move |to: usize| {
        step(&|s| s.go_to(to).is_ok());
    });
    let hand_in = Callback::new(move |()| {
        let mut verdicts = None;
        session.update(|s| {
            verdicts = library.with_value(|l| {
                s.hand_in(|item| l.question(&item.bank, &item.question))
                    .ok()
            })
        });
        let Some(verdicts) = verdicts else {
            return;
        };
        let answers = session.with_untracked(|s| {
            s.items
                .iter()
                .map(|i| question_key(&i.bank, &i.question))
                .zip(verdicts)
                .collect()
        });
        on_answers.run(answers);
        report();
    });
    let again = Callback::new(move |()| {
        if let Some(s) = draw_again.run(()) {
            reviewing.set(false);
            session.set(s);
            report();
        }
    });
    let leave = move || on_leave.run(session.get_untracked());
    // Leaving a quiz with answers would lose them: ask first. A practice is kept for "continue".
    let confirm_leave = RwSignal::new(false);
    let request_leave = move || {
        let risky = session.with_untracked(|s| {
            s.mode == Mode::Quiz && !s.is_finished() && s.picks.iter().any(|p| !p.is_empty())
        });
        if risky {
            confirm_leave.set(true);
        } else {
            leave();
        }
    };
    Effect::new(move |first: Option<()>| {
        back_presses.track();
        if first.is_some() {
            request_leave();
        }
    });

    // A timed quiz: one clock for the screen, reset for every question; at zero the quiz moves on
    // (or is handed in after the last question). A reload restarts the question's time.
    let limit = session
        .with_untracked(|s| s.limit_seconds)
        .filter(|_| !elder.get_untracked());
    let left = RwSignal::new(limit.unwrap_or(0));
    if let Some(limit) = limit {
        Effect::new(move |_| {
            index.track();
            left.set(limit);
        });
        let tick = move || {
            if !session.with_untracked(|s| matches!(s.phase, Phase::Open { .. })) {
                return;
            }
            let now = left.get_untracked().saturating_sub(1);
            left.set(now);
            if now == TIME_WARNING {
                announce.set(Msg::TimeLeft.fill(locale.lang(), &[&now]));
            }
            if now == 0 {
                let (i, total) = session.with_untracked(|s| (index.get_untracked(), s.total()));
                match i {
                    Some(i) if i + 1 < total => go_to.run(i + 1),
                    _ => hand_in.run(()),
                }
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    }

    let result = move || {
        let record = record.get()?;
        let (streak, s) = session.with_untracked(|s| (best_streak(&s.answers), s.clone()));
        let today = page::today();
        let (in_book, due) = saved.progress.with_untracked(|p| {
            let due = library.with_value(|l| p.due_count(l.current(today), today));
            (p.wrong_book().count(), due)
        });
        let tips: Vec<Advice> = advice(
            &record.parts,
            pass_percent.unwrap_or(crate::domain::plan::PASS_PERCENT),
            in_book,
            due,
        );
        Some(if reviewing.get() {
            view! {
                <ReviewList library=library.get_value() session=s on_back=move |_| reviewing.set(false) />
            }
            .into_any()
        } else {
            view! {
                <ResultSummary
                    record=record
                    pass_percent=pass_percent
                    streak=streak
                    advice=tips
                    plain=elder.get_untracked()
                    on_review=move |_| reviewing.set(true)
                    on_again=again
                    on_home=move |_| leave()
                />
            }
            .into_any()
        })
    };

    let body = move || {
        let Some(i) = index.get() else {
            return result().into_any();
        };
        let Some((_, item, question)) = shown() else {
            return view! { <p role="alert">{locale.t(Msg::IndexFailed)}</p> }.into_any();
        };
        let total = session.with_untracked(Session::total);
        let key = question_key(&item.bank, &item.question);
        let head = view! {
            <div class="progress" aria-hidden="true">
                <div class="progress-bar" style:width=format!("{}%", (i + 1) * 100 / total.max(1))></div>
            </div>
            <p class="progress-text">
                {move || Msg::Progress.fill(locale.lang(), &[&(i + 1), &total])}
                <Show when=move || mode.get() == Mode::Quiz>
                    " · "
                    {move || {
                        let done = session.with(|s| s.total() - s.unanswered().len());
                        Msg::AnsweredCount.fill(locale.lang(), &[&done])
                    }}
                </Show>
            </p>
            <Show when=move || limit.is_some() && mode.get() == Mode::Quiz>
                <p class="timer" role="timer" class:timer-low=move || left.get() <= TIME_WARNING>
                    {move || Msg::TimeLeft.fill(locale.lang(), &[&left.get()])}
                </p>
            </Show>
            <QuestionCard
                question=question.clone()
                order=item.options.clone()
                selected=selected
                revealed=revealed
                on_toggle=toggle
            />
            <div class="question-tools">
                <ReadAloud question=question.clone() order=item.options.clone() revealed=revealed />
                <Show when=move || !elder.get()>
                    <BookmarkButton key=key.clone() on_bookmark=on_bookmark />
                </Show>
            </div>
        };
        let actions = match mode.get_untracked() {
            Mode::Practice => view! {
                <PracticeActions
                    item=item
                    question=question
                    is_last=i + 1 == total
                    revealed=revealed
                    selected=selected
                    chosen=Signal::derive(move || {
                        session.with(|s| s.answers.get(i).map(|a| a.chosen.clone()).unwrap_or_default())
                    })
                    on_submit=submit
                    on_next=next
                />
            }
            .into_any(),
            Mode::Quiz => view! {
                <QuizActions
                    index=i
                    total=total
                    timed=limit.is_some()
                    sheet=!elder.get_untracked()
                    unanswered=Signal::derive(move || session.with(Session::unanswered))
                    on_go=go_to
                    on_hand_in=hand_in
                />
            }
            .into_any(),
        };
        view! { {head} {actions} }.into_any()
    };

    view! {
        <section class="quiz" aria-labelledby="quiz-title">
            <div class="quiz-head">
                <h1 id="quiz-title" class="quiz-title">{move || title.get(locale.lang()).to_owned()}</h1>
                <button type="button" class="button button-quiet" on:click=move |_| request_leave()>
                    {move || locale.t(quit_label(mode.get()))}
                </button>
            </div>
            <Show when=move || confirm_leave.get()>
                <Confirm
                    id="leave-text"
                    message=Signal::derive(move || locale.t(Msg::LeaveQuizWarn).to_owned())
                    stay=Msg::KeepAnswering
                    go=Msg::LeaveAnyway
                    on_stay=move |_| confirm_leave.set(false)
                    on_go=move |_| leave()
                />
            </Show>
            <p class="sr-only" aria-live="polite">{move || announce.get()}</p>
            {body}
        </section>
    }
}

/// The leave button's words: a practice (daily set and shelves too) is left, a quiz is left with
/// its answers.
fn quit_label(mode: Mode) -> Msg {
    match mode {
        Mode::Practice => Msg::QuitPractice,
        Mode::Quiz => Msg::QuitQuiz,
    }
}

/// Bookmarks or un-bookmarks the question on screen.
#[component]
fn BookmarkButton(
    /// The question's progress key.
    key: String,
    /// Called with the key when pressed.
    #[prop(into)]
    on_bookmark: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    let marked_key = key.clone();
    let marked = Signal::derive(move || {
        saved
            .progress
            .with(|p| p.reviews.get(&marked_key).is_some_and(|r| r.bookmarked))
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

/// Practice: "check my answer", then the feedback and "next".
#[component]
fn PracticeActions(
    item: Item,
    question: Question,
    is_last: bool,
    #[prop(into)] revealed: Signal<bool>,
    #[prop(into)] selected: Signal<Vec<OptionId>>,
    #[prop(into)] chosen: Signal<Vec<OptionId>>,
    #[prop(into)] on_submit: Callback<()>,
    #[prop(into)] on_next: Callback<()>,
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
                            {move || locale.t(Msg::Submit)}
                        </button>
                        <p id="select-hint" class="hint" hidden=move || !selected.with(Vec::is_empty)>
                            {move || locale.t(Msg::SelectFirst)}
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
fn QuizActions(
    index: usize,
    total: usize,
    timed: bool,
    sheet: bool,
    #[prop(into)] unanswered: Signal<Vec<usize>>,
    #[prop(into)] on_go: Callback<usize>,
    #[prop(into)] on_hand_in: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let confirming = RwSignal::new(false);
    let is_last = index + 1 == total;
    let has_prev = !timed && index > 0;
    let ask_hand_in = move |_| {
        if unanswered.with(Vec::is_empty) {
            on_hand_in.run(());
        } else {
            confirming.set(true);
        }
    };
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
                <h2 id="sheet-title" class="sheet-title">{move || locale.t(Msg::AnswerSheet)}</h2>
                <ol class="sheet-cells" role="list">{cells}</ol>
            </nav>
        }
    });
    let warning = move || {
        let list = unanswered.get();
        let numbers: Vec<String> = list.iter().map(|n| (n + 1).to_string()).collect();
        let first = list.first().copied();
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
                on_stay=move |_| {
                    confirming.set(false);
                    if let Some(n) = first {
                        on_go.run(n);
                    }
                }
                on_go=on_hand_in
            />
        }
    };
    view! {
        <div class="actions quiz-actions">
            <Show when=move || has_prev>
                <button type="button" class="button" on:click=move |_| on_go.run(index - 1)>
                    {move || locale.t(Msg::Prev)}
                </button>
            </Show>
            <Show when=move || !is_last>
                <button type="button" class="button button-primary" on:click=move |_| on_go.run(index + 1)>
                    {move || locale.t(Msg::Next)}
                </button>
            </Show>
            <button
                type="button"
                class=if is_last { "button button-primary" } else { "button" }
                on:click=ask_hand_in
            >
                {move || locale.t(Msg::HandIn)}
            </button>
        </div>
        <Show when=move || confirming.get()>{warning}</Show>
        {sheet}
    }
}
