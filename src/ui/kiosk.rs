//! The branch kiosk's page (`kiosk.html`, issue 12), as wiring around the kiosk model
//! (`domain::kiosk`, through [`use_kiosk`]): taps, the bank loader, the deployment's `kiosk.json`
//! and a one-second clock become `Event`s; the screen shown is the model's. Effects only keep the
//! outside world in step: the page's language and title, elder mode's class, and switching to a
//! new version on the attract screen only.
//!
//! Reached only from `src/bin/kiosk.rs`: the learner's wasm (`index.html`) never contains it.
//!
//! A public screen: any touch, key or scroll keeps the session; the long-press menu and dragging
//! are turned off here, text selection, pinch zoom and overscroll in `style/kiosk.css`.
//!
//! Staff open the operator panel (`domain::kiosk::panel`, through [`use_panel`]) by holding the
//! attract screen's top-left corner for three seconds; it replaces the customer's screens until
//! closed, or until staff walk away.

pub(crate) mod answering;
mod attract;
mod choosing;
mod end_card;
mod panel;
mod rehearsal;
mod still_there;
mod use_kiosk;
mod use_panel;

pub use use_kiosk::{use_kiosk, UseKiosk};
pub use use_panel::{use_panel, UsePanel};

use crate::domain::app::{BankLoad, Event as LoaderEvent};
use crate::domain::kiosk::panel::{PanelEvent, HOLD_MS};
use crate::domain::kiosk::{Event, KioskModel, KioskMsg, KioskOverrides, Screen};
use crate::platform::fetch::{fetch_bytes, CacheMode};
use crate::platform::storage::Store;
use crate::platform::{log, page, speech, update, PlatformError};
use crate::ui::hooks::use_memo;
use crate::ui::hooks::{use_banks, use_scoped, use_ticker, Clock};
use crate::ui::services::{provide_screen_services, Elder, Locale, ScreenScope};
use crate::ui::widgets::{BootGone, InNextTask};
use answering::AnsweringScreen;
use attract::AttractScreen;
use choosing::ChoosingScreen;
use end_card::EndCardScreen;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use panel::OperatorPanel;
use std::time::Duration;
use still_there::StillThereOverlay;

/// The deployment's settings file, beside the page.
pub const SETTINGS_FILE: &str = "kiosk.json";

/// A fresh salt for the operator PIN (empty where the browser has no `crypto`: the panel then
/// refuses to set a PIN rather than use a weak one).
fn salt() -> Vec<u8> {
    page::random_bytes(16).unwrap_or_default()
}

/// The prize codes' device secret (empty where the browser has no `crypto`: no prize codes then).
fn prize_secret() -> Vec<u8> {
    page::random_bytes(32).unwrap_or_default()
}

/// How far the banks have got: the screens say "getting ready" or "ask the staff".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Banks {
    /// Still loading.
    Loading,
    /// At least one bank is in use.
    Ready,
    /// The index could not be read, or no bank could.
    Failed,
}

/// Reads `kiosk.json` (missing: the built-in defaults) and hands it to the model; each value that
/// could not be read or used is reported in the console, by field, and the layer below applies.
async fn load_deployment(model: ReadSignal<KioskModel>, dispatch: Callback<Event>) {
    let bytes = match fetch_bytes(SETTINGS_FILE, CacheMode::Revalidate).await {
        Ok(bytes) => bytes,
        Err(PlatformError::Status { status: 404, .. }) => return,
        Err(e) => {
            log::warn(&format!(
                "kiosk: {SETTINGS_FILE} not read ({e}); default settings apply"
            ));
            return;
        }
    };
    let (deployment, problems) = KioskOverrides::parse(&String::from_utf8_lossy(&bytes));
    for problem in &problems {
        log::warn(&format!("kiosk: {SETTINGS_FILE}: {problem}"));
    }
    dispatch.run(Event::DeploymentLoaded(deployment));
    model.with_untracked(|m| {
        for problem in m.setting_problems() {
            log::warn(&format!("kiosk: {SETTINGS_FILE}: {problem}"));
        }
    });
}

/// The kiosk's whole page.
#[component]
pub fn KioskApp() -> impl IntoView {
    // A double tap's second tap would act on the screen its first one opened (the operator's
    // keypad and steppers are marked `data-repeat`: quick repeats mean something there).
    crate::platform::taps::ignore_double_taps();
    let store = Store::open();
    let kiosk = use_kiosk(store.clone(), Clock::browser(), prize_secret);
    let (model, dispatch, locale) = (kiosk.model, kiosk.dispatch, kiosk.locale);
    let operator = use_panel(store, kiosk.clock.now_ms, salt);
    provide_context(locale);
    let elder = use_memo(move |_| model.with(|m| m.elder()));
    provide_context(Elder(elder.into()));

    let banks = RwSignal::new(Banks::Loading);
    // How many banks the index lists, and how many have settled (in use or not).
    let (listed, came) = (RwSignal::new(None::<usize>), RwSignal::new(0_usize));
    use_banks(Callback::new(move |event: LoaderEvent| match event {
        LoaderEvent::BankLoaded(_, load) => {
            came.update(|n| *n += 1);
            if let BankLoad::Ready(bank) = load {
                banks.set(Banks::Ready);
                dispatch.run(Event::BankLoaded(bank));
            }
        }
        LoaderEvent::IndexLoaded(index) => {
            listed.set(index.as_ref().map(|i| i.banks.len()));
            if index.is_none_or(|i| i.banks.is_empty()) {
                banks.set(Banks::Failed);
            }
        }
        _ => {}
    }));
    let settled = use_memo(move |_| listed.get().is_some_and(|n| came.get() >= n));
    spawn_local(load_deployment(model, dispatch));

    // The model above is built in one task (while kiosk.html's own "loading" line stays), wired to
    // the page one task later (`KioskWired`), and the screen one task after that: at 4× CPU the
    // start was one task of 130 ms, then two of 50–65 ms on a slower machine, most of each the
    // first run of its code, which the browser compiles as it is first called.
    view! {
        <InNextTask>
            <KioskWired kiosk=kiosk operator=operator banks=banks settled=settled elder=elder />
        </InNextTask>
    }
}

/// The kiosk wired to the page: the effects that keep the page in step with the model, the
/// clock, the customer's touches, the operator's hidden corner, the rehearsal; and the screen,
/// one task later.
#[component]
fn KioskWired(
    /// The kiosk model.
    kiosk: UseKiosk,
    /// The operator panel's model.
    operator: UsePanel,
    /// Where the banks are: loading, one in at least, or none to be had.
    banks: RwSignal<Banks>,
    /// Whether every bank listed has settled.
    settled: Memo<bool>,
    /// Whether elder mode is on (provided already).
    elder: Memo<bool>,
) -> impl IntoView {
    let (model, dispatch, locale) = (kiosk.model, kiosk.dispatch, kiosk.locale);
    let (panel, on_panel) = (operator.panel, operator.dispatch);
    Effect::new(move |_| {
        if settled.get() {
            // For `make bench`: a kiosk's first customer comes once it has settled.
            page::mark_once("anxin-settled");
        }
    });

    // One clock for the tips, the idle warning and its countdown, and read-aloud: while it
    // speaks the idle count pauses (polled, since engines do not always report an utterance's end).
    let speaking = StoredValue::new(false);
    let now = use_ticker(
        Signal::derive(|| true),
        kiosk.clock.now_ms,
        Callback::new(move |()| {
            let now_speaking = speech::speaking();
            if speaking.get_value() != now_speaking {
                speaking.set_value(now_speaking);
                dispatch.run(if now_speaking {
                    Event::SpeakingStarted
                } else {
                    Event::SpeakingEnded
                });
            }
            dispatch.run(Event::Tick);
            on_panel.run(PanelEvent::Tick);
        }),
    );

    Effect::new(move |_| page::set_root_class("elder", elder.get()));
    Effect::new(move |_| {
        let lang = locale.lang();
        page::set_document_lang(lang.html_lang());
        page::set_title(KioskMsg::PageTitle.text(lang));
    });
    let at_attract = use_memo(move |_| model.with(|m| *m.screen() == Screen::Attract));
    // A new version (installed by the kiosk's service worker) is switched to between customers.
    Effect::new(move |_| {
        if at_attract.get() {
            update::apply_waiting_update();
        }
    });
    let _ = window_event_listener_untyped(update::UPDATE_READY_EVENT, move |_| {
        if at_attract.get_untracked() {
            update::apply_waiting_update();
        }
    });

    let warned = use_memo(move |_| model.with(|m| m.still_there().is_some()));
    // Any sign of a customer keeps the session; while "Still there?" shows, only its own button
    // (or a tap on it) answers, so a tap meant for it never lands on what is under it.
    let touched = move || {
        if !warned.get_untracked() {
            dispatch.run(Event::Touch);
        }
    };
    let _ = window_event_listener(ev::pointerdown, move |_| touched());
    let _ = window_event_listener(ev::keydown, move |_| touched());
    let _ = window_event_listener(ev::scroll, move |_| touched());
    let _ = window_event_listener(ev::contextmenu, |e| e.prevent_default());
    let _ = window_event_listener(ev::dragstart, |e| e.prevent_default());

    // The operator panel's hidden entry: a corner of the attract screen held for HOLD_MS.
    let hold = StoredValue::new(None::<TimeoutHandle>);
    let release = move || {
        if let Some(handle) = hold.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let press = move || {
        release();
        let opened = move || on_panel.run(PanelEvent::Open);
        if let Ok(handle) = set_timeout_with_handle(opened, Duration::from_millis(HOLD_MS as u64)) {
            hold.set_value(Some(handle));
        }
    };
    let shown = use_memo(move |_| panel.with(|p| p.is_shown()));

    // The customer's screen, built again for each (rehearsed first, out of sight).
    let body = move || {
        view! { <KioskScreen model=model dispatch=dispatch now=now banks=banks locale=locale elder=elder /> }
    };
    let waiting = Signal::derive(move || at_attract.get() && !shown.get());
    rehearsal::use_rehearsal(kiosk, settled.into(), waiting);
    let countdown =
        Signal::derive(move || model.with(|m| m.still_there().map(|w| w.seconds_left(now.get()))));

    view! {
        <InNextTask>
            <BootGone />
            <div class="kiosk-shell">
                <main id="main" class="kiosk-main" inert=move || warned.get()>
                    <Show when=move || shown.get() fallback=body>
                        <OperatorPanel
                            panel=panel
                            stats=kiosk.stats
                            model=model
                            now=now
                            on_event=on_panel
                            on_settings=move |device| dispatch.run(Event::SetOverrides(device))
                            on_reset_stats=kiosk.reset_stats
                            prizes=kiosk.prizes
                            redeem=kiosk.redeem
                        />
                    </Show>
                </main>
                <Show when=move || at_attract.get() && !shown.get()>
                    // Staff only, by touch: no role, not in the tab order, invisible.
                    <div
                        class="operator-corner"
                        aria-hidden="true"
                        on:pointerdown=move |_| press()
                        on:pointerup=move |_| release()
                        on:pointerleave=move |_| release()
                        on:pointercancel=move |_| release()
                    ></div>
                </Show>
                <Show when=move || warned.get()>
                    // Shown and dropped once or twice a walk-up session, for months: like a screen,
                    // it reads the page's language, elder mode and countdown through its own copies.
                    <ScreenScope locale=locale elder=Elder(elder.into())>
                        <StillThereOverlay
                            seconds_left=use_scoped(Signal::derive(move || countdown.get().unwrap_or(0)))
                            on_continue=move |()| dispatch.run(Event::Touch)
                        />
                    </ScreenScope>
                </Show>
            </div>
        </InNextTask>
    }
}

/// The customer's screen the model shows: the attract screen, the topics, a question, the end
/// card. Each reads the page's language, elder mode and banks through copies of its own, dropped
/// with it (issue 14: otherwise every screen shown left its subscriptions behind); the inner
/// closure has an owner of its own, which holds the copies as its contexts, so the operator
/// panel, shown in its place, never finds a copy of a screen that has gone.
#[component]
fn KioskScreen(
    /// The kiosk model.
    model: ReadSignal<KioskModel>,
    /// Applies a customer's tap.
    dispatch: Callback<Event>,
    /// Now, in Unix milliseconds.
    now: Signal<f64>,
    /// How far the banks have got.
    #[prop(into)]
    banks: Signal<Banks>,
    /// The language shown.
    locale: Locale,
    /// Whether elder mode is on.
    #[prop(into)]
    elder: Signal<bool>,
) -> impl IntoView {
    let on_lang = Callback::new(move |lang| dispatch.run(Event::SetLang(lang)));
    let on_elder = Callback::new(move |on| dispatch.run(Event::SetElder(on)));
    let on_done = Callback::new(move |()| dispatch.run(Event::Done));

    #[derive(Clone, Copy, PartialEq)]
    enum Shown {
        Attract,
        Choosing,
        Answering,
        EndCard,
    }
    let screen = use_memo(move |_| {
        model.with(|m| match m.screen() {
            Screen::Attract => Shown::Attract,
            Screen::Choosing => Shown::Choosing,
            Screen::Answering(_) => Shown::Answering,
            Screen::EndCard(_) => Shown::EndCard,
        })
    });
    let screen_view = move |shown: Shown, banks: Signal<Banks>| match shown {
        Shown::Attract => view! {
            <AttractScreen
                model=model
                now=now
                banks=banks
                on_start=move |()| dispatch.run(Event::Start)
                on_pause_tips=move |paused| dispatch.run(Event::PauseTips(paused))
                on_lang=on_lang
                on_elder=on_elder
            />
        }
        .into_any(),
        Shown::Choosing => view! {
            <ChoosingScreen
                model=model
                now=now
                banks=banks
                on_choose=move |choice| dispatch.run(Event::ChooseTopic(choice))
                on_lang=on_lang
                on_elder=on_elder
                on_done=on_done
            />
        }
        .into_any(),
        Shown::Answering => view! {
            <AnsweringScreen model=model dispatch=dispatch on_lang=on_lang on_elder=on_elder />
        }
        .into_any(),
        Shown::EndCard => view! {
            <EndCardScreen
                model=model
                on_again=move |()| dispatch.run(Event::Again)
                on_done=on_done
            />
        }
        .into_any(),
    };
    move || {
        provide_screen_services(locale, Elder(elder));
        let banks = use_scoped(banks);
        screen_view(screen.get(), banks)
    }
}
