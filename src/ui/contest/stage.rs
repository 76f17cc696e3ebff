//! What the hall sees: the round, the question and its options once shown, the countdown, who
//! buzzed, the verdict, the answer and explanation once revealed, the scoreboard, and the podium
//! at the end. The audience window shows only this; single-screen mode shows it with the host's
//! strip under it. It never shows the answer before the host reveals it.

use super::team::{Scoreboard, TeamChip};
use super::use_words;
use crate::domain::bank::{option_letter, Question};
use crate::domain::contest::words::{
    headline, kind_about, kind_name, question_line, round_line, team_name,
};
use crate::domain::contest::{podium, ContestMsg, Match, Phase, Run, Timer};
use crate::domain::i18n::{and_list, Msg};
use crate::domain::library::Library;
use leptos::prelude::*;

/// The question in play, from the banks.
pub fn question_of(game: &Match, library: &Library) -> Option<Question> {
    let key = game.question()?;
    library.question(&key.bank, &key.question).cloned()
}

/// The letters of `question`'s right options, in the order shown (the bank's).
pub fn answer_letters(question: &Question, separator: &str) -> String {
    letters(question, &question.answer, separator)
}

/// The letters of `ids` among `question`'s options.
pub fn letters(
    question: &Question,
    ids: &[crate::domain::bank::OptionId],
    separator: &str,
) -> String {
    question
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| ids.contains(&o.id))
        .map(|(i, _)| option_letter(i).to_string())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The countdown in whole seconds, with whether it runs.
#[component]
pub fn Countdown(
    /// The countdown, if the question has one.
    timer: Option<Timer>,
    /// The clock.
    #[prop(into)]
    now: Signal<u64>,
) -> impl IntoView {
    let words = use_words();
    timer.map(|timer| {
        let seconds = move || timer.left_ms(now.get()).div_ceil(1000);
        let note = match timer.run() {
            Run::Running { .. } => None,
            Run::Paused => Some(ContestMsg::TimerPaused),
            Run::NotStarted => Some(ContestMsg::TimerWaiting),
        };
        view! {
            <div
                class={move || if seconds() <= 5 { "countdown is-low" } else { "countdown" }}
                role="timer"
                aria-label=move || words.t(ContestMsg::Countdown)
            >
                <span class="countdown-number" aria-hidden="true">{seconds}</span>
                <span class="sr-only">{move || words.fill(ContestMsg::SecondsLeft, &[&seconds()])}</span>
                {note.map(|n| view! { <span class="countdown-note">{move || words.t(n)}</span> })}
            </div>
        }
    })
}

/// The question as the hall sees it: prompt and lettered options; once revealed, the answer
/// marked and the explanation.
#[component]
fn StageQuestion(
    /// The question.
    question: Question,
    /// Whether the answer is revealed.
    revealed: bool,
) -> impl IntoView {
    let words = use_words();
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let right = revealed && question.answer.contains(&o.id);
            let text = o.text.clone();
            view! {
                <li class={if right { "stage-option is-right" } else { "stage-option" }}>
                    <span class="option-letter">{option_letter(i).to_string()}</span>
                    <span class="option-text">{move || text.get(words.lang()).to_owned()}</span>
                    {right.then(|| view! { <span class="option-mark"><span aria-hidden="true">"✓ "</span>{move || Msg::MarkRight.text(words.lang())}</span> })}
                </li>
            }
        })
        .collect_view();
    let prompt = question.prompt.clone();
    let explanation = question.explanation.clone();
    let answer = question.clone();
    view! {
        <div class="stage-question">
            <h2 class="stage-prompt">{move || prompt.get(words.lang()).to_owned()}</h2>
            <ol class="stage-options" role="list" aria-label=move || words.t(ContestMsg::OptionsName)>{options}</ol>
            {revealed.then(|| view! {
                <div class="stage-answer">
                    <p class="stage-answer-line">{move || {
                        let lang = words.lang();
                        ContestMsg::RightAnswer.fill(lang, &[&answer_letters(&answer, lang.list_separator())])
                    }}</p>
                    <h3>{move || words.t(ContestMsg::Explanation)}</h3>
                    <p class="stage-explanation">{move || explanation.get(words.lang()).to_owned()}</p>
                </div>
            })}
        </div>
    }
}

/// The podium and the ranking at the end.
#[component]
fn Podium(
    /// The finished match.
    game: Match,
) -> impl IntoView {
    let words = use_words();
    let setup = game.setup().clone();
    let steps = podium(&game.scores())
        .into_iter()
        .filter_map(|s| setup.team(s.team).cloned().map(|t| (s, t)))
        .map(|(s, team)| {
            view! {
                <li class=format!("podium-step place-{}", s.place.min(3))>
                    <span class="podium-place">{move || words.fill(ContestMsg::Place, &[&s.place])}</span>
                    <TeamChip team=team />
                    <span class="podium-score">{move || words.fill(ContestMsg::Points, &[&s.score])}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="podium" aria-labelledby="podium-heading">
            <h2 id="podium-heading">{move || words.t(ContestMsg::Podium)}</h2>
            <ol class="podium-steps" role="list">{steps}</ol>
        </section>
    }
}

/// What the hall sees of `game`.
#[component]
pub fn Stage(
    /// The match (none before one starts).
    #[prop(into)]
    game: Signal<Option<Match>>,
    /// The banks.
    #[prop(into)]
    library: Signal<Library>,
    /// The clock.
    #[prop(into)]
    now: Signal<u64>,
) -> impl IntoView {
    let words = use_words();
    // Rendered anew with every step of the match: each rendering reads the language through a
    // copy of its own, dropped with it (issue 14: otherwise every step stayed behind).
    let body = move || {
        let words = words.scoped();
        let Some(g) = game.get() else {
            return view! {
                <div class="stage-waiting">
                    <h1>{move || words.t(ContestMsg::AudienceWaiting)}</h1>
                    <p class="stage-hint">{move || words.t(ContestMsg::AudienceHint)}</p>
                </div>
            }
            .into_any();
        };
        let lang = words.lang();
        let title = g.setup().title.clone();
        let round = round_line(&g, lang);
        let number = question_line(&g, lang);
        let line = headline(&g, lang);
        let phase = g.state().phase();
        let middle = match phase {
            Phase::Finished => view! { <Podium game=g.clone() /> }.into_any(),
            Phase::RoundStart => {
                let kind = g.rules().map(|r| r.kind());
                view! {
                    <div class="stage-card">
                        {kind.map(|k| view! {
                            <p class="stage-round-name">{move || words.t(kind_name(k))}</p>
                            <p class="stage-round-about">{move || words.t(kind_about(k))}</p>
                        })}
                    </div>
                }
                .into_any()
            }
            _ if g.is_shown() => match library.with(|l| question_of(&g, l)) {
                Some(q) => {
                    view! { <StageQuestion question=q revealed=g.is_revealed() /> }.into_any()
                }
                None => ().into_any(),
            },
            _ => ().into_any(),
        };
        let ending = g.ending();
        let verdict_class = match ending {
            Some(crate::domain::contest::Ending::Right(_)) => "stage-headline is-right",
            Some(
                crate::domain::contest::Ending::Wrong(_)
                | crate::domain::contest::Ending::TimedOut(_),
            ) => "stage-headline is-wrong",
            _ if phase == Phase::Open => "stage-headline is-open",
            _ if g.buzzed().is_some() => "stage-headline is-buzzed",
            _ => "stage-headline",
        };
        let sign = match ending {
            Some(crate::domain::contest::Ending::Right(_)) => "✓ ",
            Some(
                crate::domain::contest::Ending::Wrong(_)
                | crate::domain::contest::Ending::TimedOut(_),
            ) => "✗ ",
            _ => "",
        };
        let up = g.team_up().and_then(|t| g.setup().team(t).cloned());
        let timer = g.state().timer().copied();
        let contenders = g.state().contenders();
        let tiebreak = (!contenders.is_empty()).then(|| {
            let names: Vec<String> = contenders
                .iter()
                .map(|t| team_name(g.setup(), *t))
                .collect();
            ContestMsg::TiebreakBetween.fill(lang, &[&and_list(lang, &names)])
        });
        // The options the team said, once judged by them (the hall hears the letters).
        let said = match (g.ending(), g.state().play().said.as_ref()) {
            (Some(_), Some(ids)) => library.with(|l| question_of(&g, l)).map(|q| {
                ContestMsg::SaidAnswer.fill(lang, &[&letters(&q, ids, lang.list_separator())])
            }),
            _ => None,
        };
        view! {
            <div class="stage">
                <header class="stage-top">
                    <p class="stage-title">{title}</p>
                    <p class="stage-round">{round}{number.map(|n| format!(" · {n}"))}</p>
                </header>
                <div class="stage-status">
                    <p class=verdict_class role="status">
                        <span aria-hidden="true">{sign}</span>
                        {line}
                    </p>
                    {up.map(|t| view! { <TeamChip team=t /> })}
                    {said.map(|s| view! { <p class="stage-said">{s}</p> })}
                    <Countdown timer=timer now=now />
                </div>
                {tiebreak.map(|t| view! { <p class="stage-tiebreak">{t}</p> })}
                <div class="stage-middle">{middle}</div>
                <Scoreboard game=g />
            </div>
        }
        .into_any()
    };
    view! { <div class="stage-frame">{body}</div> }
}
