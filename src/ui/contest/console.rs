//! The host's console: where the match is and what is happening, the steps that apply now (each
//! with its shortcut, the others disabled), the question with its answer for the host's eyes
//! only, the teams (give one the question, a risk value), the options a team said, a score
//! adjusted by hand with its reason, the shortcut list and the log. In single-screen mode the hall
//! sees the stage and the host works from a strip under it that never shows the answer.

use super::hooks::BanksState;
use super::host::now_ms;
use super::stage::{answer_letters, question_of, Countdown, Stage};
use super::team::TeamChip;
use super::use_words;
use crate::domain::bank::{option_letter, OptionId};
use crate::domain::contest::words::{command_name, headline, question_line, refused, round_line};
use crate::domain::contest::{
    Command, ContestMsg, Env, Event, Match, Phase, Refused, RoundRules, Verdict,
};
use crate::domain::library::Library;
use crate::ui::hooks::use_memo;
use leptos::prelude::*;

mod panels;
use panels::{Adjust, Log, Shortcuts};

/// Whether `event` applies to `game` now.
fn allows(game: &Match, library: &Library, event: &Event) -> bool {
    let env = Env {
        now_ms: now_ms(),
        library,
    };
    game.allows(event, &env)
}

/// The steps, each a button with its shortcut; disabled when it does not apply.
#[component]
fn Steps(
    /// The match.
    game: Signal<Option<Match>>,
    /// The banks.
    library: Signal<Library>,
    /// Sends an event.
    dispatch: Callback<Event>,
) -> impl IntoView {
    let words = use_words();
    let allowed = use_memo(move |_| {
        game.with(|g| {
            let Some(g) = g else { return Vec::new() };
            library.with(|l| {
                Command::ALL
                    .into_iter()
                    .filter(|c| c.events().iter().any(|e| allows(g, l, e)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let buttons = Command::ALL
        .into_iter()
        .map(|command| {
            let on_click = move |_| {
                let event = game.with_untracked(|g| {
                    let g = g.as_ref()?;
                    library
                        .with_untracked(|l| command.events().into_iter().find(|e| allows(g, l, e)))
                });
                if let Some(event) = event {
                    dispatch.run(event);
                }
            };
            view! {
                <button
                    type="button"
                    class=format!("button step step-{}", command.key().to_ascii_lowercase())
                    disabled=move || !allowed.with(|a| a.contains(&command))
                    aria-keyshortcuts=command.key().to_string()
                    on:click=on_click
                >
                    <span class="step-name">{move || words.t(command_name(command))}</span>
                    <kbd class="step-key" aria-hidden="true">{command.key().to_string()}</kbd>
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="console-steps" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{move || words.t(ContestMsg::StepsHeading)}</h2>
            <div class="step-grid">{buttons}</div>
        </section>
    }
}

/// The teams: each one's score and the button that gives it the question; in a risk round's
/// choice, the values.
#[component]
fn Teams(
    /// The match.
    game: Signal<Option<Match>>,
    /// The banks.
    library: Signal<Library>,
    /// Sends an event.
    dispatch: Callback<Event>,
) -> impl IntoView {
    let words = use_words();
    move || {
        let g = game.get()?;
        let scores = g.scores();
        let rows = g
            .setup()
            .team_ids()
            .zip(g.setup().teams.clone())
            .map(|(id, team)| {
                let can = library.with(|l| allows(&g, l, &Event::PickTeam(id)));
                let name = format!("{} {}", team.label, team.name);
                let score = scores.get(id.index()).copied().unwrap_or(0);
                let n = id.index() + 1;
                view! {
                    <li class="console-team">
                        <TeamChip team=team />
                        <span class="score-value">{move || words.fill(ContestMsg::Points, &[&score])}</span>
                        <button
                            type="button"
                            class="button button-small"
                            disabled=!can
                            aria-keyshortcuts=format!("Shift+{n}")
                            on:click=move |_| dispatch.run(Event::PickTeam(id))
                        >
                            {move || words.fill(ContestMsg::PickTeam, &[&name])}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let values = match (g.state().phase(), g.rules()) {
            (Phase::Choosing(_), Some(RoundRules::Risk(risk))) => Some(
                risk.values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let v = *v;
                        view! {
                            <button
                                type="button"
                                class="button button-primary"
                                aria-keyshortcuts=format!("Shift+{}", i + 1)
                                on:click=move |_| dispatch.run(Event::ChooseValue(v))
                            >
                                {move || words.fill(ContestMsg::PickValue, &[&v])}
                            </button>
                        }
                    })
                    .collect_view(),
            ),
            _ => None,
        };
        Some(view! {
            <section class="console-teams" aria-labelledby="teams-heading">
                <h2 id="teams-heading">{move || words.t(ContestMsg::Scoreboard)}</h2>
                {values.map(|v| view! { <div class="risk-values">{v}</div> })}
                <ul class="console-team-list" role="list">{rows}</ul>
            </section>
        })
    }
}

/// The question for the host: prompt, options (toggles while a team answers, to mark what it
/// said), and the answer and explanation.
#[component]
fn HostQuestion(
    /// The match.
    game: Signal<Option<Match>>,
    /// The banks.
    library: Signal<Library>,
    /// Sends an event.
    dispatch: Callback<Event>,
) -> impl IntoView {
    let words = use_words();
    move || {
        let g = game.get()?;
        let q = library.with(|l| question_of(&g, l))?;
        let answering = matches!(g.state().phase(), Phase::Answering(_));
        let said = RwSignal::new(Vec::<OptionId>::new());
        let options = q
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let id = o.id.clone();
                let id_press = o.id.clone();
                let right = q.answer.contains(&o.id);
                let text = o.text.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class=if right { "option host-option is-answer" } else { "option host-option" }
                            disabled=!answering
                            aria-pressed=move || said.with(|s| s.contains(&id_press)).to_string()
                            on:click=move |_| said.update(|s| {
                                if let Some(at) = s.iter().position(|x| *x == id) {
                                    s.remove(at);
                                } else {
                                    s.push(id.clone());
                                }
                            })
                        >
                            <span class="option-letter">{option_letter(i).to_string()}</span>
                            <span class="option-text">{move || text.get(words.lang()).to_owned()}</span>
                            {right.then(|| view! { <span class="option-mark"><span aria-hidden="true">"✓ "</span>{move || words.t(ContestMsg::HostAnswer)}</span> })}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let prompt = q.prompt.clone();
        let explanation = q.explanation.clone();
        let answer = q.clone();
        let shown = g.is_shown();
        Some(view! {
            <section class="console-question" aria-labelledby="host-question">
                <h2 id="host-question" class="host-prompt">{move || prompt.get(words.lang()).to_owned()}</h2>
                {(!shown).then(|| view! { <p class="host-note">{move || words.t(ContestMsg::NotShownYet)}</p> })}
                <ul class="options" role="list" aria-label=move || words.t(ContestMsg::SaidHeading)>{options}</ul>
                <Show when=move || answering>
                    <button
                        type="button"
                        class="button"
                        disabled=move || said.with(Vec::is_empty)
                        on:click=move |_| dispatch.run(Event::Judge(Verdict::Said(said.get_untracked())))
                    >
                        {move || words.t(ContestMsg::JudgeSaid)}
                    </button>
                </Show>
                <div class="host-answer">
                    <p class="host-answer-line">
                        <strong>{move || words.t(ContestMsg::HostAnswer)}</strong>
                        " "
                        {
                            let answer = answer.clone();
                            move || answer_letters(&answer, words.lang().list_separator())
                        }
                    </p>
                    <p class="host-explanation">{move || explanation.get(words.lang()).to_owned()}</p>
                </div>
            </section>
        })
    }
}

/// The host's console.
#[component]
pub fn Console(
    /// The match.
    #[prop(into)]
    game: Signal<Option<Match>>,
    /// The banks.
    #[prop(into)]
    library: Signal<Library>,
    /// How the banks are loading.
    #[prop(into)]
    banks: Signal<BanksState>,
    /// The clock.
    #[prop(into)]
    now: Signal<u64>,
    /// Sends an event to the match.
    dispatch: Callback<Event>,
    /// Why the last step was refused.
    #[prop(into)]
    refusal: Signal<Option<Refused>>,
    /// Single-screen mode.
    #[prop(into)]
    single: Signal<bool>,
    /// Changes when the host presses the adjustment shortcut.
    adjust_focus: RwSignal<u32>,
) -> impl IntoView {
    let words = use_words();
    // Where the match is and what is happening, in a region that stays in the page so each change is
    // announced; the countdown sits outside it (it would be read every second).
    let where_line = move || {
        game.with(|g| {
            g.as_ref().map(|g| {
                let lang = words.lang();
                let question = question_line(g, lang).map(|q| format!(" · {q}"));
                (round_line(g, lang), question, headline(g, lang))
            })
        })
    };
    let status = move || {
        let g = game.get()?;
        let up = g.team_up().and_then(|t| g.setup().team(t).cloned());
        Some(view! {
            {up.map(|t| view! { <TeamChip team=t /> })}
            <Countdown timer=g.state().timer().copied() now=now />
        })
    };
    let refusal_line = move || refusal.get().map(|r| words.t(refused(&r)));
    let missing_banks = move || {
        banks.get() != BanksState::Ready
            && game.with(|g| g.as_ref().is_some_and(|g| g.question().is_some()))
            && library.with(|l| game.with(|g| g.as_ref().and_then(|g| question_of(g, l)).is_none()))
    };
    view! {
        <Show
            when=move || single.get()
            fallback=move || view! {
                <div class="console">
                    <h1 class="sr-only">{move || words.t(ContestMsg::ConsoleHeading)}</h1>
                    <div class="console-status">
                        <div class="console-live" aria-live="polite">
                            {move || where_line().map(|(round, question, line)| view! {
                                <p class="console-where">{round}{question}</p>
                                <p class="console-headline">{line}</p>
                            })}
                        </div>
                        {status}
                    </div>
                    <p class="console-refusal" role="status">{refusal_line}</p>
                    <Show when=missing_banks>
                        <p class="notice notice-info">{move || words.t(ContestMsg::Loading)}</p>
                    </Show>
                    <Steps game=game library=library dispatch=dispatch />
                    <HostQuestion game=game library=library dispatch=dispatch />
                    <Teams game=game library=library dispatch=dispatch />
                    <Adjust game=game dispatch=dispatch focus=adjust_focus />
                    <Shortcuts />
                    <Log game=game />
                </div>
            }
        >
            <div class="single">
                <Stage game=game library=library now=now />
                <div class="host-strip">
                    <h1 class="sr-only">{move || words.t(ContestMsg::ConsoleHeading)}</h1>
                    <p class="console-refusal" role="status">{refusal_line}</p>
                    <Steps game=game library=library dispatch=dispatch />
                    <Teams game=game library=library dispatch=dispatch />
                </div>
            </div>
        </Show>
    }
}
