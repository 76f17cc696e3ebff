//! The screen the app model says is shown, with what each screen reads from the model and the
//! events each reports. A new screen renders anew; a step inside a round does not (the round
//! screen is a view of the model's round).

use crate::domain::app::{round_title, ActiveRound, Event, Screen};
use crate::domain::bank::BankId;
use crate::domain::catalog::{Catalog, IndexState};
use crate::domain::library::Library;
use crate::domain::plan::Plan;
use crate::domain::progress::Shelf;
use crate::domain::saved::Settings;
use crate::domain::text::Lang;
use crate::ui::hooks::{use_memo, use_scoped, UseApp, UseSaved};
use crate::ui::screens::{
    HomeScreen, ParkedCard, ProgressScreen, RoundScreen, SettingsScreen, SetupScreen, ShelfScreen,
};
use crate::ui::services::{provide_screen_services, use_elder, use_locale, Elder};
use leptos::prelude::*;

/// Which screen is shown, without the round's inner state.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Home,
    Setup,
    Round,
    Shelf(Shelf),
    Progress,
    Settings,
}

impl Shown {
    fn of(screen: &Screen) -> Shown {
        match screen {
            Screen::Home => Shown::Home,
            Screen::Setup(_) => Shown::Setup,
            Screen::Round(_) => Shown::Round,
            Screen::Shelf(shelf) => Shown::Shelf(*shelf),
            Screen::Progress => Shown::Progress,
            Screen::Settings => Shown::Settings,
        }
    }
}

/// The screen shown, fed from the app model.
#[component]
pub fn CurrentScreen(
    /// The app model and its dispatch.
    app: UseApp,
    /// The time, as the ticker last read it (a timed quiz's countdown).
    #[prop(into)]
    now: Signal<f64>,
    /// Called to fetch the bank index again.
    #[prop(into)]
    on_reload: Callback<()>,
    /// Called with the language picked in the settings.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called to turn elder mode on or off in the settings.
    #[prop(into)]
    on_elder: Callback<bool>,
) -> impl IntoView {
    let UseApp {
        model,
        saved,
        dispatch,
        clock,
        ..
    } = app;
    let locale = use_locale();
    let send = move |event: Event| Callback::new(move |()| dispatch.run(event.clone()));
    let library = use_memo(move |_| model.with(|m| m.library().clone()));
    let catalog = use_memo(move |_| model.with(|m| m.catalog().clone()));
    let hidden =
        use_memo(move |_| catalog.with(|c| library.with(|l| c.hidden(l, (clock.today)()))));
    let shown = use_memo(move |_| model.with(|m| Shown::of(m.screen())));

    let round_screen = move |reads: Reads| {
        let Reads { library, now, .. } = reads;
        // The screen's own copy of the language (provided just before), not the page's.
        let locale = use_locale();
        let first = model.with_untracked(|m| m.round().cloned())?;
        // Keeps the last round while the screen goes (the round leaves the model first).
        let round = use_memo(move |prev: Option<&ActiveRound>| {
            model
                .with(|m| m.round().cloned())
                .or_else(|| prev.cloned())
                .unwrap_or_else(|| first.clone())
        });
        // Memos: the live region and the timer are drawn again when what they say changes, not
        // at every step of the round.
        let announcement = use_memo(move |_| {
            let (now, lang) = (now.get(), locale.lang());
            round
                .with(|r| r.announcement(now))
                .map(|(msg, n)| match n {
                    Some(n) => msg.fill(lang, &[&n]),
                    None => msg.text(lang).to_owned(),
                })
                .unwrap_or_default()
        });
        Some(view! {
            <RoundScreen
                round=round
                library=library
                seconds_left=use_memo(move |_| round.with(|r| r.seconds_left(now.get())))
                announcement=announcement
                on_action=move |a| dispatch.run(Event::Round(a))
                on_bookmark=move |key: String| saved.toggle_bookmark(&key)
            />
        })
    };
    let home_screen = move |reads: Reads| {
        let Reads {
            library,
            catalog,
            hidden,
            saved: screen_saved,
            ..
        } = reads;
        let parked = use_memo(move |_| {
            model.with(|m| {
                m.parked().map(|p| ParkedCard {
                    title: round_title(&p.kind, m.library()),
                    position: p.session.shown().map_or(0, |(i, _)| i) + 1,
                    total: p.session.total(),
                })
            })
        });
        // What the shelf screens can list and practise (loaded banks, current questions), so the
        // counts never promise a question the shelf cannot show.
        let shelf_count = move |shelf: Shelf| {
            Signal::derive(move || {
                screen_saved
                    .progress
                    .with(|p| library.with(|l| l.shelf_questions(shelf, p, (clock.today)()).len()))
            })
        };
        view! {
            <HomeScreen
                index=reads.index()
                hidden=hidden
                audience=Signal::derive(move || screen_saved.settings.with(Settings::audience))
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
                on_retry=on_reload
            />
        }
    };

    let screen_view = move |shown: Shown, reads: Reads| match shown {
        Shown::Round => round_screen(reads).into_any(),
        Shown::Home => home_screen(reads).into_any(),
        Shown::Setup => view! {
            <SetupScreen
                // The model's plan as the screen opens: each choice then goes to the model
                // without rendering the screen anew.
                plan=model.with_untracked(|m| match m.screen() {
                    Screen::Setup(plan) => plan.clone(),
                    _ => Plan::practice(Vec::new()),
                })
                index=reads.index()
                hidden=reads.hidden
                library=reads.library
                loading=Signal::derive(move || reads.catalog.with(Catalog::any_loading))
                on_change=move |plan| dispatch.run(Event::SetupChanged(plan))
                on_start=move |plan| dispatch.run(Event::StartPlan(plan))
                on_back=send(Event::Home)
            />
        }
        .into_any(),
        Shown::Settings => view! {
            <SettingsScreen
                on_lang=on_lang
                on_elder=on_elder
                on_cleared=send(Event::RecordsCleared)
                on_back=send(Event::Home)
            />
        }
        .into_any(),
        Shown::Progress => {
            view! { <ProgressScreen library=reads.library on_back=send(Event::Home) /> }.into_any()
        }
        Shown::Shelf(shelf) => view! {
            <ShelfScreen
                shelf=shelf
                library=reads.library
                on_practise=send(Event::PractiseShelf(shelf))
                on_back=send(Event::Home)
            />
        }
        .into_any(),
    };
    // Each screen reads the page's long-lived values (the language, elder mode, the saved
    // records, the library, the catalogue, the time) through copies of its own, dropped with it
    // (issue 14: otherwise every screen shown left its subscriptions behind).
    let elder = Elder(use_elder());
    move || {
        let shown = shown.get();
        provide_screen_services(locale, elder);
        let screen_saved = saved.scoped();
        provide_context(screen_saved);
        let reads = Reads {
            library: use_scoped(library.into()),
            catalog: use_scoped(catalog.into()),
            hidden: use_scoped(hidden.into()),
            now: use_scoped(now),
            saved: screen_saved,
        };
        screen_view(shown, reads)
    }
}

/// What a screen reads of the page's long-lived values: its own copies, made as it is shown
/// ([`use_scoped`]).
#[derive(Clone, Copy)]
struct Reads {
    library: Signal<Library>,
    catalog: Signal<Catalog>,
    hidden: Signal<Vec<BankId>>,
    now: Signal<f64>,
    saved: UseSaved,
}

impl Reads {
    /// The bank index as loaded so far.
    fn index(self) -> Signal<IndexState> {
        let catalog = self.catalog;
        Signal::derive(move || catalog.with(|c| c.index().clone()))
    }
}
