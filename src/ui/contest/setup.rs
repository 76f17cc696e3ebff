//! The setup screen: the match's title and starting score, the teams (number, name, colour), the
//! rounds in order with their rules and questions (`setup/round.rs`), every problem the match
//! would refuse, and the setup saved on this PC (after every edit), exported as a file or loaded
//! from one. Team names are typed by the host.

use super::use_words;
use crate::domain::contest::words::{colour_name, setup_error};
use crate::domain::contest::{
    ContestMsg, Match, MatchSetup, SetupFile, SetupFileError, TeamColour, MAX_NAME_CHARS,
    MAX_TEAMS, MIN_TEAMS, SETUP_KEY,
};
use crate::domain::library::Library;
use crate::domain::saved::no_migration;
use crate::platform::storage::{Loaded, Store};
use crate::platform::{download, files, page};
use crate::ui::hooks::use_memo;
use crate::ui::widgets::{InNextTask, WhenWhole};
use leptos::prelude::*;
use leptos::task::spawn_local;

mod round;
use round::RoundEditor;

/// What the last file action said.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FileNote {
    Saved,
    Loaded(String),
    Bad,
    Newer,
}

/// The setup screen.
#[component]
pub fn SetupScreen(
    /// The banks.
    #[prop(into)]
    library: Signal<Library>,
    /// Where the setup is kept.
    store: Store,
    /// Whether a match is saved (it can be continued).
    #[prop(into)]
    saved_game: Signal<bool>,
    /// Called with a new match to start.
    on_start: Callback<Match>,
    /// Called to go back to the saved match.
    on_resume: Callback<()>,
) -> impl IntoView {
    let words = use_words();
    let starter = move || {
        let lang = words.lang();
        MatchSetup::starter(ContestMsg::DefaultTitle.text(lang), |n| {
            ContestMsg::DefaultTeamName.fill(lang, &[&n])
        })
    };
    let first = match store.load::<MatchSetup>(SETUP_KEY, no_migration) {
        Loaded::Value(setup) => setup,
        _ => starter(),
    };
    let draft = RwSignal::new(first);
    let note = RwSignal::new(None::<FileNote>);
    let store = StoredValue::new(store);
    let save = move || draft.with_untracked(|s| store.with_value(|st| st.save(SETUP_KEY, s)));
    let edit = Callback::new(move |f: Box<dyn FnOnce(&mut MatchSetup) + Send + Sync>| {
        draft.update(|s| f(s));
        note.set(None);
        if let Err(e) = save() {
            crate::platform::log::warn(&format!("setup not saved: {e}"));
        }
    });
    let team_count = use_memo(move |_| draft.with(|s| s.teams.len()));
    let round_count = use_memo(move |_| draft.with(|s| s.rounds.len()));
    let problems = use_memo(move |_| draft.with(|s| library.with(|l| s.check(l))));

    let team_rows = move || {
        (0..team_count.get())
            .map(|i| {
                let field = move |f: fn(&crate::domain::contest::Team) -> String| {
                    move || draft.with(|s| s.teams.get(i).map(f).unwrap_or_default())
                };
                let colours = TeamColour::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || draft.with(|s| s.teams.get(i).is_some_and(|t| t.colour == c))>
                                {move || words.t(colour_name(c))}
                            </option>
                        }
                    })
                    .collect_view();
                let colour_class = move || {
                    draft.with(|s| {
                        s.teams
                            .get(i)
                            .map(|t| format!("team-row team-{}", t.colour.as_str()))
                            .unwrap_or_default()
                    })
                };
                view! {
                    <fieldset class=colour_class>
                        <legend>{move || words.fill(ContestMsg::TeamLegend, &[&(i + 1)])}</legend>
                        <label class="field-label">
                            <span>{move || words.t(ContestMsg::TeamLabel)}</span>
                            <input type="text" maxlength="4" class="input-short"
                                prop:value=field(|t| t.label.clone())
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit.run(Box::new(move |s| if let Some(t) = s.teams.get_mut(i) { t.label = v.trim().to_owned() }));
                                } />
                        </label>
                        <label class="field-name">
                            <span>{move || words.t(ContestMsg::TeamName)}</span>
                            <input type="text" maxlength=MAX_NAME_CHARS.to_string()
                                prop:value=field(|t| t.name.clone())
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit.run(Box::new(move |s| if let Some(t) = s.teams.get_mut(i) { t.name = v.trim().to_owned() }));
                                } />
                        </label>
                        <label class="field-colour">
                            <span>{move || words.t(ContestMsg::TeamColour)}</span>
                            <select on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(c) = TeamColour::ALL.into_iter().find(|c| c.as_str() == v) {
                                    edit.run(Box::new(move |s| if let Some(t) = s.teams.get_mut(i) { t.colour = c }));
                                }
                            }>{colours}</select>
                        </label>
                        <button type="button" class="button button-small button-quiet"
                            disabled={move || team_count.get() <= MIN_TEAMS}
                            on:click=move |_| edit.run(Box::new(move |s| { s.remove_team(i); }))>
                            {move || words.fill(ContestMsg::RemoveTeam, &[&draft.with(|s| s.teams.get(i).map(|t| t.name.clone()).unwrap_or_default())])}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };

    // Each round's editor (some eighty elements and sixty reactive parts) is built in a task of
    // its own the first time: four in one task took 70–120 ms at 4× CPU. When a round is added
    // or removed they are all built again, at once (`RoundEditor` moves the focus off a removed
    // round's button).
    let staggered = StoredValue::new(true);
    let rounds = move || {
        let at_once = !staggered.get_value();
        staggered.set_value(false);
        (0..round_count.get())
            .map(|i| view! { <InNextTask at_once=at_once><RoundEditor index=i draft=draft library=library edit=edit /></InNextTask> })
            .collect_view()
    };

    let export = move |_| {
        let text = draft.with_untracked(SetupFile::write);
        let name = format!("contest-setup-{}.json", page::today());
        if let Err(e) = download::save_text(&name, "application/json", &text) {
            crate::platform::log::warn(&e.to_string());
        }
    };
    let load = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            let text = match files::chosen_file_text(&ev).await {
                Ok(Some(text)) => text,
                Ok(None) => return,
                Err(e) => {
                    crate::platform::log::warn(&e.to_string());
                    note.set(Some(FileNote::Bad));
                    return;
                }
            };
            match SetupFile::read(&text) {
                Ok(setup) => {
                    let title = setup.title.clone();
                    edit.run(Box::new(move |s| *s = setup));
                    note.set(Some(FileNote::Loaded(title)));
                }
                Err(SetupFileError::Newer(_)) => note.set(Some(FileNote::Newer)),
                Err(SetupFileError::NotASetup(why)) => {
                    crate::platform::log::warn(&why);
                    note.set(Some(FileNote::Bad));
                }
            }
        });
    };
    // Starting over a saved match asks first: the saved match would be replaced.
    let confirming = RwSignal::new(false);
    let begin = move || {
        confirming.set(false);
        let result = draft.with_untracked(|s| library.with_untracked(|l| Match::new(s.clone(), l)));
        if let Ok(game) = result {
            on_start.run(game);
        }
    };
    let start = move |_| {
        if saved_game.get_untracked() {
            confirming.set(true);
        } else {
            begin();
        }
    };
    let note_text = move || {
        note.get().map(|n| match n {
            FileNote::Saved => words.t(ContestMsg::SetupSaved).to_owned(),
            FileNote::Loaded(title) => words.fill(ContestMsg::SetupLoaded, &[&title]),
            FileNote::Bad => words.t(ContestMsg::SetupFileBad).to_owned(),
            FileNote::Newer => words.t(ContestMsg::SetupFileNewer).to_owned(),
        })
    };

    view! {
        <div class="setup-screen">
            <h1>{move || words.t(ContestMsg::SetupHeading)}</h1>
            <Show when=move || saved_game.get()>
                <p class="notice notice-info">
                    <button type="button" class="button button-primary" on:click=move |_| on_resume.run(())>
                        {move || words.t(ContestMsg::ResumeMatch)}
                    </button>
                </p>
            </Show>
            <div class="setup-files">
                <button type="button" class="button button-small" on:click=move |_| {
                    if save().is_ok() { note.set(Some(FileNote::Saved)); }
                }>{move || words.t(ContestMsg::SaveSetup)}</button>
                <button type="button" class="button button-small" on:click=export>{move || words.t(ContestMsg::ExportSetup)}</button>
                <label class="button button-small file-button">
                    <span>{move || words.t(ContestMsg::LoadSetup)}</span>
                    <input type="file" accept=".json,application/json" class="file-input" on:change=load />
                </label>
                <p class="setup-note" role="status">{note_text}</p>
            </div>
            <section class="setup-general">
                <label class="field-title">
                    <span>{move || words.t(ContestMsg::MatchTitle)}</span>
                    <input type="text" maxlength="60" prop:value=move || draft.with(|s| s.title.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); edit.run(Box::new(move |s| s.title = v.trim().to_owned())); } />
                </label>
                <label class="field-score">
                    <span>{move || words.t(ContestMsg::StartingScore)}</span>
                    <input type="number" step="10" min="0" max="10000" class="input-short"
                        prop:value=move || draft.with(|s| s.starting_score.to_string())
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<i32>() {
                                edit.run(Box::new(move |s| s.starting_score = v.clamp(0, 10_000)));
                            }
                        } />
                </label>
            </section>
            <section class="setup-teams" aria-labelledby="teams-setup-heading">
                <h2 id="teams-setup-heading">{move || words.t(ContestMsg::TeamsHeading)}</h2>
                {team_rows}
                <button type="button" class="button button-small"
                    disabled={move || team_count.get() >= MAX_TEAMS}
                    on:click=move |_| {
                        let lang = words.lang();
                        edit.run(Box::new(move |s| { s.add_team(|n| ContestMsg::DefaultTeamName.fill(lang, &[&n])); }));
                    }>
                    {move || words.t(ContestMsg::AddTeam)}
                </button>
            </section>
            // The rounds and the start button are below the first screen (at 1280×720 the rounds
            // begin at about 810 px): they are built one task later, so the first screen is up
            // (and the page ready) sooner (before, the whole screen took one task of over 200 ms
            // on a slow PC), and on a first visit once the rest of the wasm is in, so that their
            // code is not part of what the first screen waits for.
            <WhenWhole>
                <section class="setup-rounds" aria-labelledby="rounds-heading">
                    <h2 id="rounds-heading" tabindex="-1">{move || words.t(ContestMsg::RoundsHeading)}</h2>
                    {rounds}
                    <button type="button" class="button button-small"
                        on:click=move |_| edit.run(Box::new(|s| s.add_round(crate::domain::contest::RoundKind::BuzzIn)))>
                        {move || words.t(ContestMsg::AddRound)}
                    </button>
                </section>
                <section class="setup-start">
                    <Show when=move || !problems.with(Vec::is_empty)>
                        <div class="notice notice-warn">
                            <p>{move || words.t(ContestMsg::FixFirst)}</p>
                            <ul>
                                {move || problems.get().iter().map(|p| view! { <li>{setup_error(p, words.lang())}</li> }).collect_view()}
                            </ul>
                        </div>
                    </Show>
                    <button type="button" class="button button-primary"
                        disabled=move || !problems.with(Vec::is_empty)
                        on:click=start>
                        {move || words.t(ContestMsg::StartMatch)}
                    </button>
                    <Show when=move || confirming.get()>
                        <div class="notice notice-warn confirm" role="alertdialog" aria-labelledby="replace-warn">
                            <p id="replace-warn">{move || words.t(ContestMsg::ReplaceMatchWarn)}</p>
                            <button type="button" class="button button-primary" on:click=move |_| confirming.set(false)>
                                {move || words.t(ContestMsg::KeepMatch)}
                            </button>
                            <button type="button" class="button" on:click=move |_| begin()>
                                {move || words.t(ContestMsg::ReplaceMatch)}
                            </button>
                        </div>
                    </Show>
                </section>
            </WhenWhole>
        </div>
    }
}
