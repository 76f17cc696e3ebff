//! The learner's app (`index.html`), as wiring around the app model (`domain::app`, through
//! `use_app`): taps, the bank loader, the back button and the clock become `Event`s, and what the
//! model says to persist is written right after each event. Effects only keep the outside world in
//! step: the page's language and title, elder mode's class, the history entry for the back
//! button, the update policy and the one-second clock of a timed quiz.

use crate::domain::app::{Event, Screen};
use crate::domain::bank::Audience;
use crate::domain::i18n::Msg;
use crate::domain::link::{Link, LINK_PARAMS};
use crate::domain::text::Lang;
use crate::platform::storage::{watch_other_tabs, Store};
use crate::platform::{page, update};
use crate::ui::hooks::use_memo;
use crate::ui::hooks::{
    use_app, use_back_button, use_banks, use_ticker, Clock, UseApp, UseBanks, UseSaved,
};
use crate::ui::services::{use_locale, Elder, Locale, ScreenScope};
use crate::ui::widgets::{BootGone, ElderToggle, InNextTask, LangToggle, NoticeBanner};
use leptos::prelude::*;

mod current;
mod rehearsal;
mod shell;
use current::CurrentScreen;
pub use shell::{Footer, TopBar};

/// The language to start in: `?lang=` first, then the remembered choice, then Chinese.
fn initial_lang(saved: &UseSaved) -> Lang {
    page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| saved.settings.with_untracked(|s| s.lang))
        .unwrap_or_default()
}

/// The learner's whole app.
#[component]
pub fn App() -> impl IntoView {
    // A double tap's second tap would act on the screen its first one opened ("check" is where
    // "next" appears).
    crate::platform::taps::ignore_double_taps();
    let store = Store::open();
    let persistent = store.is_persistent();
    // A deep link (`?topic=fraud&mode=quiz&n=10&audience=elderly`, `?mode=daily`, `?mode=book`) is
    // read once and taken out of the address (understood or not), so a reload does not replay it.
    let link = Link::parse(page::query_param);
    if LINK_PARAMS.iter().any(|p| page::query_param(p).is_some()) {
        let _ = page::remove_query_params(&LINK_PARAMS);
    }
    let app = use_app(store, link, Clock::browser());
    let (saved, dispatch) = (app.saved, app.dispatch);
    // What a tap's writes wait for (the paint) may not come: a reload, a link followed or another
    // app in front first.
    page::on_hide(move || app.flush.run(()));
    // The app open in another tab writes the same records: take them in as they come, so that no
    // write here goes over theirs, and tell the model what happened to the rounds.
    watch_other_tabs(move |key, removed| {
        if let Some(event) = saved.follow(key, removed) {
            dispatch.run(Event::OtherTab(event));
        }
    });
    let locale = Locale::new(initial_lang(&saved));
    provide_context(locale);
    provide_context(saved);
    let elder = Signal::derive(move || saved.settings.with(|s| s.elder));
    provide_context(Elder(elder));
    // The banks are asked for now: the network is the slow part.
    let banks = use_banks(dispatch);
    // Start-up in six tasks rather than one or two long ones (issue 11: at 4× CPU the start was a
    // task of 110–160 ms; most of each task now is the first run of its code, which the browser
    // compiles as it is first called): the wasm is instantiated in one (`ui::mount_behind_boot`);
    // this task builds the model only, while the markup of `index.html` stays on screen; the next
    // wires it to the page (`Wired`); the next builds the shell (in its place) and the top bar; the
    // next the frame under it; the screen comes one task after that.
    view! {
        <InNextTask>
            <Wired app=app banks=banks locale=locale elder=elder persistent=persistent />
        </InNextTask>
    }
}

/// The learner's app wired to the page: the effects that keep the page in step
/// with the model, the back button, the clock of a timed quiz, the rehearsal; and its shell, one
/// task later.
#[component]
fn Wired(
    /// The app model and its records.
    app: UseApp,
    /// The bank loader (started already).
    banks: UseBanks,
    /// The interface language (provided already).
    locale: Locale,
    /// Whether elder mode is on (provided already).
    elder: Signal<bool>,
    /// Whether the records survive a reload (the storage works).
    persistent: bool,
) -> impl IntoView {
    let (model, saved, dispatch) = (app.model, app.saved, app.dispatch);

    Effect::new(move |_| page::set_root_class("elder", elder.get()));
    Effect::new(move |_| {
        let lang = locale.lang();
        page::set_document_lang(lang.html_lang());
        page::set_title(&format!(
            "{} · {}",
            Msg::AppName.text(lang),
            Msg::ChooseTopic.text(lang)
        ));
    });
    // Turning elder mode on also turns to the seniors' questions (the learner may change that).
    let on_elder = Callback::new(move |on: bool| {
        saved.update_settings(|s| {
            s.elder = on;
            if on {
                s.set_audience(Audience::Elderly);
            }
        });
    });
    let change_lang = Callback::new(move |lang: Lang| {
        locale.set(lang);
        saved.update_settings(|s| s.lang = Some(lang));
        // Keep the address in step so a reload or a shared link keeps the language.
        let _ = page::set_query_param("lang", lang.code());
    });

    let at_home = use_memo(move |_| model.with(|m| *m.screen() == Screen::Home));
    use_back_button(
        at_home.into(),
        Callback::new(move |()| dispatch.run(Event::Back)),
    );
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
    // Once every bank is in, the first round's taps are rehearsed out of sight (`rehearsal`).
    let settled = use_memo(move |_| model.with(|m| m.catalog().all_settled()));
    rehearsal::use_rehearsal(app, settled.into(), at_home.into());
    let timed = use_memo(move |_| model.with(|m| m.round().is_some_and(|r| r.is_timed())));
    let now = use_ticker(
        timed.into(),
        app.clock.now_ms,
        Callback::new(move |()| dispatch.run(Event::Tick)),
    );

    let notices = use_memo(move |_| model.with(|m| m.notices().to_vec()));
    // The notices are built anew when one comes or goes, with services of their own (`ScreenScope`).
    let notice_list = move || {
        let list = notices.get();
        let banners = move || {
            list.into_iter()
                .map(|n| {
                    let gone = n.clone();
                    view! {
                        <NoticeBanner
                            notice=n
                            on_dismiss=move |_| dispatch.run(Event::Dismiss(gone.clone()))
                            on_retry=banks.retry
                        />
                    }
                })
                .collect_view()
        };
        view! { <ScreenScope locale=locale elder=Elder(elder)>{banners()}</ScreenScope> }
    };

    view! {
        <InNextTask>
            <BootGone />
            <div class="shell">
                <TopBar>
                    <LangToggle on_change=change_lang />
                    <Show when=move || at_home.get()>
                        <ScreenScope locale=locale elder=Elder(elder)>
                            <ElderToggle on_change=on_elder />
                            <SettingsButton on_open=move |()| dispatch.run(Event::OpenSettings) />
                        </ScreenScope>
                    </Show>
                </TopBar>
                <InNextTask>
                    <Show when=move || !persistent>
                        <p class="notice notice-info" role="status">
                            {locale.tr(Msg::StorageUnavailable)}
                        </p>
                    </Show>
                    {notice_list}
                    <main id="main" class="main">
                        <InNextTask>
                            <CurrentScreen app=app now=now on_reload=banks.reload on_lang=change_lang on_elder=on_elder />
                        </InNextTask>
                    </main>
                    <Footer />
                </InNextTask>
            </div>
        </InNextTask>
    }
}

/// The home screen's way to the settings, in the top bar.
#[component]
fn SettingsButton(
    /// Called when pressed.
    #[prop(into)]
    on_open: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <button type="button" class="lang-toggle" on:click=move |_| on_open.run(())>
            <span aria-hidden="true">"⚙ "</span>
            {locale.tr(Msg::Settings)}
        </button>
    }
}
