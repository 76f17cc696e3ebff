//! The attract screen, shown while nobody is at the kiosk: the app's and the branch's names, a
//! safety tip from the banks that changes every few seconds, one huge "点击开始 / Touch to start"
//! (in both languages, whatever the default), and the language and elder switches.

use super::Banks;
use crate::domain::i18n::Msg;
use crate::domain::kiosk::{KioskModel, KioskMsg};
use crate::domain::text::Lang;
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
    /// Called with the language the customer switches to.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called with whether elder mode should be on.
    #[prop(into)]
    on_elder: Callback<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let branch = Memo::new(move |_| model.with(|m| m.settings().branch.clone()));
    let questions = Memo::new(move |_| model.with(|m| m.settings().questions_per_session));
    let tip = Memo::new(move |_| model.with(|m| m.tip(now.get()).cloned()));
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
                {move || {
                    let lang = locale.lang();
                    match (tip.get(), banks.get()) {
                        (Some(tip), _) => view! {
                            <p class="tip-label">{KioskMsg::TipLabel.text(lang)}</p>
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
