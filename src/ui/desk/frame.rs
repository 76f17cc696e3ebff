//! The preview's frame: `desk.html?frame=…`, which the preview tab loads in an iframe of a
//! device's size (`preview`). It shows the question it is sent ([`FrameView`]) with the very
//! screens the devices show: the phone's round screen in the learner page's shell, the kiosk's
//! answering screen in the kiosk's shell. It sets the page classes those pages set (`kiosk`,
//! `elder`) and switches the kiosk's style sheet on for a kiosk, so their own CSS (the phone's
//! narrow-screen rules, the kiosk's root size, elder mode) applies as on the devices.
//!
//! The screens are live: options tick and "check" judges as on the devices; "next" starts the
//! question again. Nothing is written anywhere: the learner's records are an in-memory store, the
//! kiosk's events are applied to a model of its own.

use crate::domain::app::{ActiveRound, RoundAction};
use crate::domain::desk::{FrameNote, FrameView};
use crate::domain::kiosk::{Event, KioskEnv, KioskModel};
use crate::domain::library::{Library, RoundKind};
use crate::domain::plan::Plan;
use crate::domain::text::Lang;
use crate::platform::storage::Store;
use crate::platform::{frame, page};
use crate::ui::app::{Footer, TopBar};
use crate::ui::hooks::use_memo;
use crate::ui::hooks::use_saved;
use crate::ui::kiosk::answering::AnsweringScreen;
use crate::ui::screens::RoundScreen;
use crate::ui::services::{use_locale, Elder, Locale};
use crate::ui::widgets::LangToggle;
use leptos::prelude::*;
use std::sync::Arc;

/// Tells the desk's window `note` (nothing when not framed).
fn tell(note: FrameNote) {
    if let Some(parent) = frame::parent_window() {
        let _ = frame::post(&parent, &note.to_json());
    }
}

/// The frame's whole page.
#[component]
pub fn FrameApp() -> impl IntoView {
    // As on the phone and the kiosk.
    crate::platform::taps::ignore_double_taps();
    let locale = Locale::new(Lang::default());
    provide_context(locale);
    let shown = RwSignal::new(None::<FrameView>);
    let elder = use_memo(move |_| shown.with(|v| v.as_ref().is_some_and(|v| v.elder)));
    provide_context(Elder(elder.into()));
    // The phone's round screen reads the learner's records (bookmarks): none, and none written.
    provide_context(use_saved(Store::memory(), Callback::new(|()| {})));

    let listener = window_event_listener(leptos::ev::message, move |event| {
        let view = frame::parent_window()
            .and_then(|parent| frame::message_from(&event, &parent))
            .and_then(|text| FrameView::parse(&text));
        if let Some(view) = view {
            locale.set(view.lang);
            shown.set(Some(view));
        }
    });
    on_cleanup(move || listener.remove());
    tell(FrameNote::Ready);

    Effect::new(move |_| {
        let Some((number, device, elder, lang)) =
            shown.with(|v| v.as_ref().map(|v| (v.shown, v.frame, v.elder, v.lang)))
        else {
            return;
        };
        page::set_root_class("kiosk", device.is_kiosk());
        page::set_root_class("elder", elder);
        let _ = frame::use_frame_style("kiosk", device.is_kiosk());
        page::set_document_lang(lang.html_lang());
        // Once painted, and after what the page does once painted (the question takes the focus,
        // which the desk then gives back): the desk shows the frame only then.
        page::after_paint(move || page::after_paint(move || tell(FrameNote::Shown(number))));
    });

    move || {
        shown.get().map(|view| {
            if view.frame.is_kiosk() {
                view! { <KioskFrame view=view /> }.into_any()
            } else {
                view! { <PhoneFrame view=view /> }.into_any()
            }
        })
    }
}

/// The question in the phone's round screen, inside the learner page's shell as `ui::app::App`
/// draws it during a round (its top bar then holds the language switch alone).
#[component]
fn PhoneFrame(
    /// What to show.
    view: FrameView,
) -> impl IntoView {
    let locale = use_locale();
    let bank = Arc::new(view.bank.clone());
    let mut library = Library::default();
    library.insert(bank.clone());
    let kind = RoundKind::Plan(Plan::practice(vec![bank.topic]));
    let question = view.question().cloned();
    let place = view.place;
    let fresh = move || {
        view.session()
            .map(|s| ActiveRound::preview(kind.clone(), s))
    };
    let Some(start) = fresh() else {
        return ().into_any();
    };
    let round = RwSignal::new(start);
    let on_action = Callback::new(move |action: RoundAction| {
        let Some(question) = &question else {
            return;
        };
        match action {
            RoundAction::Toggle(option) => round.update(|r| {
                let _ = r.session.toggle(question.kind, &option);
            }),
            RoundAction::Submit => round.update(|r| {
                if let Some(practice) = r.session.practice_mut() {
                    let _ = practice.submit(question);
                }
            }),
            RoundAction::Next => {
                if let Some(again) = fresh() {
                    round.set(again);
                }
            }
            _ => {}
        }
    });
    view! {
        <div class="shell">
            <TopBar>
                <LangToggle on_change=Callback::new(move |lang| locale.set(lang)) />
            </TopBar>
            <main id="main" class="main">
                <RoundScreen
                    round=round
                    library=Signal::stored(library)
                    seconds_left=Signal::stored(None)
                    announcement=Signal::stored(String::new())
                    on_action=on_action
                    on_bookmark=Callback::new(|_| {})
                    numbered=place
                />
            </main>
            <Footer />
        </div>
    }
    .into_any()
}

/// The question in the kiosk's answering screen, inside the kiosk page's shell as
/// `ui::kiosk::KioskApp` draws it.
#[component]
fn KioskFrame(
    /// What to show.
    view: FrameView,
) -> impl IntoView {
    let locale = use_locale();
    let bank = Arc::new(view.bank.clone());
    let (lang, elder, place) = (view.lang, view.elder, view.place);
    let fresh = move || {
        view.session()
            .map(|s| KioskModel::preview(bank.clone(), s, lang, elder))
    };
    let Some(start) = fresh() else {
        return ().into_any();
    };
    let model = RwSignal::new(start);
    let dispatch = Callback::new(move |event: Event| match event {
        Event::Toggle(_) | Event::Submit => model.update(|m| {
            let env = KioskEnv {
                now_ms: 0.0,
                seed: 0,
                prize_code: None,
            };
            let _ = m.apply(event, &env);
        }),
        Event::Next => {
            if let Some(again) = fresh() {
                model.set(again);
            }
        }
        _ => {}
    });
    view! {
        <div class="kiosk-shell">
            <main id="main" class="kiosk-main">
                <AnsweringScreen
                    model=model
                    dispatch=dispatch
                    on_lang=Callback::new(move |lang| locale.set(lang))
                    on_elder=Callback::new(|_| {})
                    numbered=place
                />
            </main>
        </div>
    }
    .into_any()
}
