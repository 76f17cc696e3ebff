//! The round screen, a view of the app model's round. Practice: one question at a time, the
//! answer and explanation at once. Quiz: answers stay open (with an answer sheet to move around)
//! until handed in, optionally with a time limit per question. Then the result, and the list of
//! every answer. Every tap is reported as a `RoundAction`; the model decides what it does.

use crate::domain::app::{round_title, ActiveRound, RoundAction, Showing, Stage};
use crate::domain::bank::OptionId;
use crate::domain::i18n::Msg;
use crate::domain::library::Library;
use crate::domain::plan::Mode;
use crate::domain::progress::question_key;
use crate::domain::report::{advice, Advice};
use crate::domain::saved::Ask;
use crate::domain::score::best_streak;
use crate::platform::page;
use crate::ui::hooks::use_memo;
use crate::ui::services::{use_elder, use_locale, use_saved_state};
use crate::ui::widgets::{
    AnswerList, Confirm, PracticeActions, ProgressBar, QuestionCard, QuizActions, ReadAloud,
    ResultSummary,
};
use leptos::prelude::*;

mod bookmark;
mod follow;

use bookmark::BookmarkButton;
use follow::Follow;

/// Shows the round on screen and reports every tap.
#[component]
pub fn RoundScreen(
    /// The round (the app model's).
    #[prop(into)]
    round: Signal<ActiveRound>,
    /// The banks the round's questions come from.
    #[prop(into)]
    library: Signal<Library>,
    /// Seconds left for the question shown, in a timed quiz.
    #[prop(into)]
    seconds_left: Signal<Option<u32>>,
    /// What the screen reader should hear now (the verdict, or the time running out).
    #[prop(into)]
    announcement: Signal<String>,
    /// Called with each step the learner takes.
    #[prop(into)]
    on_action: Callback<RoundAction>,
    /// Called with a question's progress key to bookmark or un-bookmark it.
    #[prop(into)]
    on_bookmark: Callback<String>,
    /// The number and count to show instead of the round's own (the content desk's preview
    /// numbers its one question by its place in the bank).
    #[prop(optional)]
    numbered: Option<(usize, usize)>,
) -> impl IntoView {
    let locale = use_locale();
    // Elder mode: one question and its choices, nothing else competing, no clock.
    let elder = use_elder();
    let follow = round.with_untracked(Follow::new);
    Effect::new(move |_| round.with(|r| follow.update(r)));
    let Follow {
        kind,
        showing,
        mode,
        revealed,
        selected,
        chosen,
        asking,
        unanswered,
    } = follow;
    // The title is drawn again only for another round (a step in this one leaves it).
    let title = use_memo(move |_| kind.with(|k| library.with(|l| round_title(k, l))));
    let total = move || round.with_untracked(|r| r.session.total());
    let leaving = Signal::derive(move || asking.get() == Some(Ask::Leave));
    let act = move |action: RoundAction| on_action.run(action);
    let toggle = Callback::new(move |option: OptionId| act(RoundAction::Toggle(option)));
    let go_to = Callback::new(move |to: usize| act(RoundAction::GoTo(to)));

    // The question shown and its item.
    let current = use_memo(move |_| {
        let Showing::Question(i) = showing.get() else {
            return None;
        };
        let item = round.with_untracked(|r| r.session.items().get(i).cloned())?;
        let question =
            library.with_untracked(|l| l.question(&item.bank, &item.question).cloned())?;
        Some((item, question))
    });
    let answering = use_memo(move |_| matches!(showing.get(), Showing::Question(_)));
    // The question's number and the count (the desk's preview numbers its one question by its
    // place in the bank).
    let place = use_memo(move |_| match showing.get() {
        Showing::Question(i) => numbered.unwrap_or((i + 1, total())),
        Showing::Result | Showing::Answers => (0, 0),
    });

    // Around the question, from question to question: the progress bar and line (and a quiz's
    // timer) above it, the read-aloud and bookmark buttons below. Only what they say changes: the
    // next question does not build them again.
    let progress = move || {
        answering.get().then(|| {
            view! {
                <ProgressBar place=place />
                <p class="progress-text">
                    {move || place.with(|(number, total)| Msg::Position.fill(locale.lang(), &[number, total]))}
                    <Show when=move || mode.get() == Mode::Quiz>
                        " · "
                        {move || {
                            let done = total() - unanswered.with(Vec::len);
                            Msg::AnsweredCount.fill(locale.lang(), &[&done])
                        }}
                    </Show>
                </p>
                {move || seconds_left.get().map(|left| view! {
                    <p class="timer" role="timer" class:timer-low=left <= crate::domain::app::TIME_WARNING>
                        {Msg::TimeLeft.fill(locale.lang(), &[&left])}
                    </p>
                })}
            }
        })
    };
    let bookmark_key = use_memo(move |_| {
        current.with(|c| {
            c.as_ref()
                .map(|(item, _)| question_key(&item.bank, &item.question))
        })
    });
    let tools = move || {
        answering.get().then(|| {
            view! {
                <div class="question-tools">
                    <ReadAloud shown=current revealed=revealed />
                    <Show when=move || !elder.get()>
                        <BookmarkButton key=bookmark_key on_bookmark=on_bookmark />
                    </Show>
                </div>
            }
        })
    };
    // The question itself: drawn anew for each question.
    let card = move || {
        let Showing::Question(_) = showing.get() else {
            return None;
        };
        let Some((item, question)) = current.get_untracked() else {
            return Some(view! { <p role="alert">{locale.t(Msg::IndexFailed)}</p> }.into_any());
        };
        Some(
            view! {
                <QuestionCard
                    question=question
                    order=item.options
                    selected=selected
                    revealed=revealed
                    on_toggle=toggle
                />
            }
            .into_any(),
        )
    };
    // A quiz's moves: drawn anew for each question (a practice's button stays, below).
    let quiz_actions = move || {
        let Showing::Question(i) = showing.get() else {
            return None;
        };
        (mode.get_untracked() == Mode::Quiz).then(|| {
            let (_, total) = place.get_untracked();
            view! {
                <QuizActions
                    index=i
                    total=total
                    timed=round.with_untracked(ActiveRound::is_timed)
                    sheet=!elder.get_untracked()
                    unanswered=unanswered
                    asking=Signal::derive(move || asking.get() == Some(Ask::HandIn))
                    on_go=go_to
                    on_hand_in=move |_| act(RoundAction::HandIn)
                    on_hand_in_anyway=move |_| act(RoundAction::HandInAnyway)
                    on_stay=move |_| act(RoundAction::Stay)
                />
            }
        })
    };

    // A practice's feedback and its one button (check, then next), kept while its questions are
    // shown so the button and its focus stay put.
    let practising = use_memo(move |_| {
        mode.get() == Mode::Practice && matches!(showing.get(), Showing::Question(_))
    });
    let practice_actions = move || {
        practising.get().then(|| {
            view! {
                <PracticeActions
                    shown=current
                    is_last=Signal::derive(move || match (numbered, showing.get()) {
                        (Some((number, total)), _) => number == total,
                        (None, Showing::Question(i)) => i + 1 == total(),
                        (None, _) => false,
                    })
                    revealed=revealed
                    selected=selected
                    chosen=chosen
                    on_submit=move |_| act(RoundAction::Submit)
                    on_next=move |_| act(RoundAction::Next)
                />
            }
        })
    };
    // The end of the round: the result, or the answers (drawn anew when the screen moves between
    // them).
    let end = move || match showing.get() {
        Showing::Question(_) => ().into_any(),
        shown @ (Showing::Result | Showing::Answers) => {
            let Some((record, s)) = round.with_untracked(|r| match &r.stage {
                Stage::Result(record) | Stage::Answers(record) => {
                    Some((record.clone(), r.session.clone()))
                }
                Stage::Answering { .. } => None,
            }) else {
                return ().into_any();
            };
            if shown == Showing::Answers {
                return view! {
                    <AnswerList
                        library=library.get_untracked()
                        session=s
                        on_back=move |_| act(RoundAction::HideAnswers)
                    />
                }
                .into_any();
            }
            let pass_percent = round.with_untracked(ActiveRound::pass_percent);
            let tips = study_advice(&record.parts, pass_percent, library);
            view! {
                <ResultSummary
                    record=record
                    pass_percent=pass_percent
                    streak=best_streak(s.answers())
                    advice=tips
                    plain=elder.get_untracked()
                    on_answers=move |_| act(RoundAction::ShowAnswers)
                    on_again=move |_| act(RoundAction::Again)
                    on_home=move |_| act(RoundAction::LeaveAnyway)
                />
            }
            .into_any()
        }
    };

    view! {
        <section class="quiz" aria-labelledby="quiz-title">
            <div class="quiz-head">
                <h1 id="quiz-title" class="quiz-title">{move || title.with(|t| t.get(locale.lang()).to_owned())}</h1>
                <button type="button" class="button button-quiet" on:click=move |_| act(RoundAction::Leave)>
                    {move || locale.t(quit_label(mode.get()))}
                </button>
            </div>
            <Show when=move || leaving.get()>
                <Confirm
                    id="leave-text"
                    message=Signal::derive(move || locale.t(Msg::LeaveQuizWarn).to_owned())
                    stay=Msg::KeepAnswering
                    go=Msg::LeaveAnyway
                    on_stay=move |_| act(RoundAction::Stay)
                    on_go=move |_| act(RoundAction::LeaveAnyway)
                />
            </Show>
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
            {progress}
            {card}
            {tools}
            {quiz_actions}
            {end}
            {practice_actions}
        </section>
    }
}

/// The round screen's largest parts for the question `round` shows, built alone (a question's
/// card with its options, the practice's feedback and button, the read-aloud button), nothing
/// ticked: the rehearsal (`ui::app::rehearsal`) builds them a task before it builds the screen
/// for the first time, so that no one task runs all of the screen's code for the first time (the
/// browser compiles each wasm function at its first call; issue 11: that first build was a task of
/// 60–66 ms at 4× CPU). `None` where it shows no question.
pub fn question_parts(round: &ActiveRound, library: &Library) -> Option<AnyView> {
    let (_, item) = round.session.shown()?;
    let question = library.question(&item.bank, &item.question)?.clone();
    let shown = Signal::stored(Some((item.clone(), question.clone())));
    let (none, hidden) = (Signal::stored(Vec::new()), Signal::stored(false));
    Some(
        view! {
            <QuestionCard
                question=question
                order=item.options.clone()
                selected=none
                revealed=hidden
                on_toggle=Callback::new(|_: OptionId| {})
            />
            <ReadAloud shown=shown revealed=hidden />
            <PracticeActions
                shown=shown
                is_last=Signal::stored(false)
                revealed=hidden
                selected=none
                chosen=none
                on_submit=|_| {}
                on_next=|_| {}
            />
        }
        .into_any(),
    )
}

/// What to study next, from the round's topics and the learner's shelves.
fn study_advice(
    parts: &[crate::domain::history::TopicScore],
    pass_percent: Option<u32>,
    library: Signal<Library>,
) -> Vec<Advice> {
    let saved = use_saved_state();
    let today = page::today();
    let (in_book, due) = saved.progress.with_untracked(|p| {
        let due = library.with_untracked(|l| p.due_count(l.current_questions(today), today));
        (p.wrong_book().count(), due)
    });
    advice(
        parts,
        pass_percent.unwrap_or(crate::domain::plan::PASS_PERCENT),
        in_book,
        due,
    )
}

/// The leave button's words: a practice (daily set and shelves too) is left, a quiz is left with
/// its answers.
fn quit_label(mode: Mode) -> Msg {
    match mode {
        Mode::Practice => Msg::QuitPractice,
        Mode::Quiz => Msg::QuitQuiz,
    }
}
