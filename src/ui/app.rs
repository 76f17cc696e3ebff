//! The learner's app (`index.html`), as wiring around the app model (`domain::app`): one signal
//! holds the model; taps, the bank loader, the back button and the clock become `Event`s; what
//! the model says to persist is written through the saved-state hook right after each event (no
//! effect in between: an event handler is already the place where the world changed). Effects
//! only keep the outside world in step: the page's language and title, elder mode's class, the
//! history entry for the back button, the update policy and the one-second clock of a timed quiz.

use crate::domain::app::{
    round_title, ActiveRound, AppModel, Env, Event, Notice, Persist, Screen, Start,
};
use crate::domain::bank::Audience;
use crate::domain::catalog::Catalog;
use crate::domain::i18n::Msg;
use crate::domain::link::{Link, LINK_PARAMS};
use crate::domain::plan::Plan;
use crate::domain::progress::Shelf;
use crate::domain::saved::{KeptReason, Settings};
use crate::domain::text::Lang;
use crate::platform::storage::Store;
use crate::platform::{page, update};
use crate::ui::hooks::{use_banks, use_saved, StartReport, UseSaved};
use crate::ui::screens::{
    HomeScreen, ParkedCard, ProgressScreen, RoundScreen, SettingsScreen, SetupScreen, ShelfScreen,
};
use crate::ui::services::{Elder, Locale};
use crate::ui::widgets::{ElderToggle, LangToggle, NoticeBanner};
use leptos::prelude::*;
use std::time::Duration;

/// The language to start in: `?lang=` first, then the remembered choice, then Chinese.
fn initial_lang(saved: &UseSaved) -> Lang {
    page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| saved.settings.with_untracked(|s| s.lang))
        .unwrap_or_default()
}

/// The notices the start report asks for, and the rounds it found.
fn start(report: StartReport, link: Link) -> Start {
    let mut notices = Vec::new();
    if !report.dropped.is_empty() {
        notices.push(Notice::SavedDropped {
            what: report.dropped,
        });
    }
    for (what, reason) in [
        (report.kept, KeptReason::Newer),
        (report.unread, KeptReason::ReadFailed),
    ] {
        if !what.is_empty() {
            notices.push(Notice::SavedKept { what, reason });
        }
    }
    Start {
        resumable: report.resumable,
        parked: report.parked,
        link,
        notices,
    }
}

/// Writes what the model asked for.
fn persist(saved: UseSaved, what: Persist) {
    match what {
        Persist::Attempt(round) => saved.save_attempt(round.as_ref()),
        Persist::Parked(round) => saved.park(round.as_ref()),
        Persist::Answers(answers) => saved.record_answers(&answers, page::today()),
        Persist::Finished(record) => saved.finish_round(record),
        Persist::Plan(plan) => saved.update_settings(|s| {
            s.set_audience(plan.audience);
            s.plan = Some(plan);
        }),
    }
}

/// Which screen is shown, without the round's inner state.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Home,
    Setup(Plan),
    Round,
    Shelf(Shelf),
    Progress,
    Settings,
}

impl Shown {
    fn of(screen: &Screen) -> Shown {
        match screen {
            Screen::Home => Shown::Home,
            Screen::Setup(plan) => Shown::Setup(plan.clone()),
            Screen::Round(_) => Shown::Round,
            Screen::Shelf(shelf) => Shown::Shelf(*shelf),
            Screen::Progress => Shown::Progress,
            Screen::Settings => Shown::Settings,
        }
    }
}

/// The learner's whole app.
#[component]
pub fn App() -> impl IntoView {
    let model = RwSignal::new(AppModel::new(Start::default()));
    let store = Store::open();
    let persistent = store.is_persistent();
    let on_full = Callback::new(move |()| model.update(|m| m.notify(Notice::StorageFull)));
    let saved = use_saved(store, on_full);
    let locale = Locale::new(initial_lang(&saved));
    provide_context(locale);
    provide_context(saved);
    let elder = Signal::derive(move || saved.settings.with(|s| s.elder));
    provide_context(Elder(elder));

    // A deep link (`?topic=fraud&mode=quiz&n=10&audience=elderly`, `?mode=daily`, `?mode=book`)
    // is read once, then taken out of the address (understood or not) so a reload does not replay
    // it. Its audience becomes the learner's choice; the model decides when (and whether) to go.
    let link = Link::parse(page::query_param);
    if let Some(audience) = link.audience {
        saved.update_settings(|s| s.set_audience(audience));
    }
    if LINK_PARAMS.iter().any(|p| page::query_param(p).is_some()) {
        let _ = page::remove_query_params(&LINK_PARAMS);
    }
    model.set(AppModel::new(start(saved.report.get_value(), link)));

    let dispatch = Callback::new(move |event: Event| {
        let out = saved.settings.with_untracked(|settings: &Settings| {
            saved.progress.with_untracked(|progress| {
                let env = Env {
                    today: page::today(),
                    now_ms: page::now_ms(),
                    seed: page::random_seed(),
                    progress,
                    settings,
                };
                let mut out = Vec::new();
                model.update(|m| out = m.apply(event, &env));
                out
            })
        });
        for what in out {
            persist(saved, what);
        }
    });
    let banks = use_banks(dispatch);
    let send = move |event: Event| Callback::new(move |()| dispatch.run(event.clone()));

    Effect::new(move |_| page::set_root_class("elder", elder.get()));
    // Turning elder mode on also turns to the seniors' questions (the learner may change that).
    let on_elder = Callback::new(move |on: bool| {
        saved.update_settings(|s| {
            s.elder = on;
            if on {
                s.set_audience(Audience::Elderly);
            }
        });
    });
    Effect::new(move |_| {
        let lang = locale.lang();
        page::set_document_lang(lang.html_lang());
        page::set_title(&format!(
            "{} · {}",
            Msg::AppName.text(lang),
            Msg::ChooseTopic.text(lang)
        ));
    });
    let change_lang = Callback::new(move |lang: Lang| {
        locale.set(lang);
        saved.update_settings(|s| s.lang = Some(lang));
        // Keep the address in step so a reload or a shared link keeps the language.
        let _ = page::set_query_param("lang", lang.code());
    });

    let at_home = Memo::new(move |_| model.with(|m| *m.screen() == Screen::Home));
    history_sync(at_home, dispatch);
    // A new version waiting (installed by the service worker) is switched to on the home screen only.
    Effect::new(move |_| {
        if at_home.get() {
            update::apply_waiting_update();
        }
    });
    let _ = window_event_listener_untyped(update::UPDATE_READY_EVENT, move |_| {
        if at_home.get_untracked() {
            update::apply_waiting_update();
        }
    });
    let clock = quiz_clock(model, dispatch);

    let notices = Memo::new(move |_| model.with(|m| m.notices().to_vec()));
    let notice_list = move || {
        notices
            .get()
            .into_iter()
            .map(|n| {
                view! {
                    <NoticeBanner notice=n.clone() on_dismiss=send(Event::Dismiss(n)) on_retry=banks.retry />
                }
            })
            .collect_view()
    };
    let library = Memo::new(move |_| model.with(|m| m.library().clone()));
    let catalog = Memo::new(move |_| model.with(|m| m.catalog().clone()));
    let hidden = Memo::new(move |_| catalog.with(|c| library.with(|l| c.hidden(l, page::today()))));
    let index = Signal::derive(move || catalog.with(|c| c.index().clone()));
    // Which screen, without what changes on it: a new screen renders anew, a step inside the
    // round does not.
    let shown = Memo::new(move |_| model.with(|m| Shown::of(m.screen())));
    let audience = Signal::derive(move || saved.settings.with(Settings::audience));
    let screen = move || match shown.get() {
        Shown::Round => {
            let Some(first) = model.with_untracked(|m| m.round().cloned()) else {
                return ().into_any();
            };
            // Keeps the last round while the screen goes (the round leaves the model first).
            let round = Memo::new(move |prev: Option<&ActiveRound>| {
                model
                    .with(|m| m.round().cloned())
                    .or_else(|| prev.cloned())
                    .unwrap_or_else(|| first.clone())
            });
            view! {
                <RoundScreen
                    round=round
                    library=library
                    seconds_left=Signal::derive(move || {
                        let now = clock.get();
                        round.with(|r| r.seconds_left(now))
                    })
                    announcement=Signal::derive(move || {
                        let now = clock.get();
                        let lang = locale.lang();
                        round
                            .with(|r| r.announcement(now))
                            .map(|(msg, n)| match n {
                                Some(n) => msg.fill(lang, &[&n]),
                                None => msg.text(lang).to_owned(),
                            })
                            .unwrap_or_default()
                    })
                    on_action=move |a| dispatch.run(Event::Round(a))
                    on_bookmark=move |key: String| saved.toggle_bookmark(&key)
                />
            }
            .into_any()
        }
        Shown::Home => {
            let parked = Memo::new(move |_| {
                model.with(|m| {
                    m.parked().map(|p| ParkedCard {
                        title: round_title(&p.kind, m.library()),
                        position: p.session.current().map_or(0, |(i, _)| i) + 1,
                        total: p.session.total(),
                    })
                })
            });
            // What the shelf screens can list and practise (loaded banks, current questions), so
            // the counts never promise a question the shelf cannot show.
            let shelf_count = move |shelf: Shelf| {
                Signal::derive(move || {
                    saved.progress.with(|p| {
                        library.with(|l| l.shelf_questions(shelf, p, page::today()).len())
                    })
                })
            };
            view! {
                <HomeScreen
                    index=index
                    hidden=hidden
                    audience=audience
                    parked=parked
                    book_count=shelf_count(Shelf::WrongBook)
                    bookmark_count=shelf_count(Shelf::Bookmarks)
                    can_draw=Signal::derive(move || catalog.with(Catalog::all_settled))
                    on_audience=move |a| saved.update_settings(|s| s.set_audience(a))
                    on_setup=move |choice| dispatch.run(Event::OpenSetup(choice))
                    on_continue=send(Event::Continue)
                    on_daily=send(Event::StartDaily)
                    on_shelf=move |shelf| dispatch.run(Event::OpenShelf(shelf))
                    on_progress=send(Event::OpenProgress)
                    on_retry=banks.reload
                />
            }
            .into_any()
        }
        Shown::Setup(plan) => view! {
            <SetupScreen
                plan=plan
                index=index
                hidden=hidden
                library=library
                loading=Signal::derive(move || catalog.with(Catalog::any_loading))
                on_start=move |plan| dispatch.run(Event::StartPlan(plan))
                on_back=send(Event::Home)
            />
        }
        .into_any(),
        Shown::Settings => view! {
            <SettingsScreen
                on_lang=change_lang
                on_elder=on_elder
                on_cleared=send(Event::RecordsCleared)
                on_back=send(Event::Home)
            />
        }
        .into_any(),
        Shown::Progress => {
            view! { <ProgressScreen library=library on_back=send(Event::Home) /> }.into_any()
        }
        Shown::Shelf(shelf) => view! {
            <ShelfScreen
                shelf=shelf
                library=library
                on_practise=send(Event::PractiseShelf(shelf))
                on_back=send(Event::Home)
            />
        }
        .into_any(),
    };

    view! {
        <div class="shell">
            <header class="topbar">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true">"安"</span>
                    <span class="brand-name">{move || locale.t(Msg::AppName)}</span>
                </p>
                <div class="topbar-actions">
                    <LangToggle on_change=change_lang />
                    <Show when=move || at_home.get()>
                        <ElderToggle on_change=on_elder />
                        <button type="button" class="lang-toggle" on:click=move |_| dispatch.run(Event::OpenSettings)>
                            <span aria-hidden="true">"⚙ "</span>
                            {move || locale.t(Msg::Settings)}
                        </button>
                    </Show>
                </div>
            </header>
            <Show when=move || !persistent>
                <p class="notice notice-info" role="status">
                    {move || locale.t(Msg::StorageUnavailable)}
                </p>
            </Show>
            {notice_list}
            <main id="main" class="main">{screen}</main>
            <footer class="footer">
                <p>{move || locale.t(Msg::PrivacyNote)}</p>
            </footer>
        </div>
    }
}

/// The back button (Android's, or the browser's) steps back inside the app: every screen but the
/// home screen has a history entry of its own, and going back from it is `Event::Back` (from a
/// round the model asks the round). At home, back leaves the app as usual.
fn history_sync(at_home: Memo<bool>, dispatch: Callback<Event>) {
    let entry = StoredValue::new(false);
    let skip_pop = StoredValue::new(false);
    Effect::new(move |_| {
        if !at_home.get() && !entry.get_value() {
            entry.set_value(page::push_history_entry().is_ok());
        } else if at_home.get() && entry.get_value() {
            // Home by a button: remove the entry, and ignore the event that removing it fires.
            entry.set_value(false);
            skip_pop.set_value(page::history_back().is_ok());
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        if skip_pop.get_value() {
            skip_pop.set_value(false);
            return;
        }
        entry.set_value(false);
        if at_home.get_untracked() {
            return;
        }
        dispatch.run(Event::Back);
        if !at_home.get_untracked() {
            // Still in the app (a quiz asks before leaving): the entry is back in place.
            entry.set_value(page::push_history_entry().is_ok());
        }
    });
}

/// The clock of a timed quiz: while one is on screen, every second it is read and the model
/// hears a `Tick` (the question's time may be up). Nothing runs otherwise.
fn quiz_clock(model: RwSignal<AppModel>, dispatch: Callback<Event>) -> Signal<f64> {
    let now = RwSignal::new(page::now_ms());
    let timed = Memo::new(move |_| model.with(|m| m.round().is_some_and(|r| r.is_timed())));
    Effect::new(move |_| {
        if !timed.get() {
            return;
        }
        now.set(page::now_ms());
        if let Ok(handle) = set_interval_with_handle(
            move || {
                now.set(page::now_ms());
                dispatch.run(Event::Tick);
            },
            Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    now.into()
}
