//! The attract screen, shown while nobody is at the kiosk: the app's and the branch's names, a
//! safety tip from the banks that changes every few seconds, one huge "点击开始 / Touch to start"
//! (in both languages, whatever the default), and the language and elder switches.

use super::Banks;
use crate::domain::i18n::Msg;
use crate::domain::kiosk::{KioskModel, KioskMsg};
use crate::domain::text::Lang;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use crate::ui::widgets::{ElderToggle, LangToggle};
use leptos::prelude::*;

/// The attract screen.
#[component]
pub fn AttractScreen(
    /// The kiosk model (settings, tips).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Now, in Unix milliseconds (the tip shown depends on it).
    #[prop(into)]
    now: Signal<f64>,
    /// How far the banks have got.
    #[prop(into)]
    banks: Signal<Banks>,
    /// Called when the customer touches "start".
    #[prop(into)]
    on_start: Callback<()>,
    /// Called with whether the tips should stop changing.
    #[prop(into)]
    on_pause_tips: Callback<bool>,
    /// Called with the language the customer switches to.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called with whether elder mode should be on.
    #[prop(into)]
    on_elder: Callback<bool>,
) -> impl IntoView {
    let locale = use_locale();
    // The kiosk's first screen is up once this has rendered (`make bench` reads the mark).
    Effect::new(|_| crate::platform::page::mark_once("anxin-ready"));
    let branch = use_memo(move |_| model.with(|m| m.settings().branch.clone()));
    let questions = use_memo(move |_| model.with(|m| m.settings().questions_per_session));
    let tip = use_memo(move |_| model.with(|m| m.tip(now.get()).cloned()));
    let paused = use_memo(move |_| model.with(KioskModel::tips_paused));
    // Pause or resume the changing tips (WCAG 2.2.2): one button whose pictogram and words
    // change (never colour alone); it stays in place, so focus stays on it.
    let pause_button = move || {
        view! {
            <button
                type="button"
                class="button button-small button-quiet tip-pause"
                on:click=move |_| on_pause_tips.run(!paused.get_untracked())
            >
                <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                    <path
                        d=move || if paused.get() { "M8 5v14l11-7z" } else { "M6 5h4v14H6zM14 5h4v14h-4z" }
                        fill="currentColor"
                    ></path>
                </svg>
                {move || {
                    let words = if paused.get() { KioskMsg::ResumeTips } else { KioskMsg::PauseTips };
                    words.text(locale.lang())
                }}
            </button>
        }
    };
    // Both languages on the big target: a passer-by reads the one they know.
    let start_words = move |lang: Lang| {
        view! { <span class="start-words" lang=lang.html_lang()>{KioskMsg::TouchToStart.text(lang)}</span> }
    };
    view! {
        <section class="attract" aria-labelledby="attract-title">
            <header class="kiosk-head">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true">"安"</span>
                    <span class="brand-name">{move || locale.t(Msg::AppName)}</span>
                </p>
                <Show when=move || !branch.with(String::is_empty)>
                    <p class="branch">{move || branch.get()}</p>
                </Show>
            </header>
            <h1 id="attract-title" class="attract-title">{move || KioskMsg::AttractTitle.text(locale.lang())}</h1>
            <div class="tip">
                <Show when=move || tip.with(Option::is_some)>
                    <div class="tip-head">
                        <p class="tip-label">{move || KioskMsg::TipLabel.text(locale.lang())}</p>
                        {pause_button()}
                    </div>
                </Show>
                {move || {
                    let lang = locale.lang();
                    match (tip.get(), banks.get()) {
                        (Some(tip), _) => view! {
                            <p class="tip-text">{tip.get(lang).to_owned()}</p>
                        }
                        .into_any(),
                        (None, Banks::Failed) => view! {
                            <p class="tip-text" role="alert">{KioskMsg::NoQuestions.text(lang)}</p>
                        }
                        .into_any(),
                        (None, _) => view! {
                            <p class="tip-text">{KioskMsg::Loading.text(lang)}</p>
                        }
                        .into_any(),
                    }
                }}
            </div>
            <button type="button" class="start" on:click=move |_| on_start.run(())>
                {move || {
                    let lang = locale.lang();
                    view! { {start_words(lang)} {start_words(lang.other())} }
                }}
                <span class="start-hint">
                    {move || KioskMsg::AttractHint.fill(locale.lang(), &[&questions.get()])}
                </span>
            </button>
            <div class="kiosk-switches">
                <LangToggle on_change=on_lang />
                <ElderToggle on_change=on_elder />
            </div>
        </section>
    }
}
