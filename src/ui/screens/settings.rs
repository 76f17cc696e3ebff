//! Settings: the language, and what the device keeps about the learner with a way to clear it.

use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::ui::services::{use_locale, use_saved_state};
use crate::ui::widgets::{Confirm, ElderToggle, ScreenHead};
use leptos::prelude::*;

/// The settings screen.
#[component]
pub fn SettingsScreen(
    /// Called with the language picked.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called to turn elder mode on or off.
    #[prop(into)]
    on_elder: Callback<bool>,
    /// Called once every record on the device has been cleared.
    #[prop(into)]
    on_cleared: Callback<()>,
    /// Called to go back home.
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    let confirming = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let summary = move || {
        let (answered, book) = saved.progress.with(|p| {
            (
                p.reviews.values().filter(|r| r.seen > 0).count(),
                p.wrong_book().count(),
            )
        });
        let rounds = saved.history.with(Vec::len);
        Msg::RecordsSummary.fill(locale.lang(), &[&answered, &book, &rounds])
    };
    let lang_button = move |lang: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="button"
                lang=lang.html_lang()
                aria-pressed=move || (locale.lang() == lang).to_string()
                on:click=move |_| on_lang.run(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="settings" aria-labelledby="settings-title">
            <ScreenHead id="settings-title" title=Msg::Settings on_back=on_back />
            <h2 class="section-title">{locale.tr(Msg::LanguageHeading)}</h2>
            <div class="actions">{lang_button(Lang::Zh, "中文")} {lang_button(Lang::En, "English")}</div>
            <h2 class="section-title">{locale.tr(Msg::ElderMode)}</h2>
            <p>{locale.tr(Msg::ElderModeHint)}</p>
            <div class="actions">
                <ElderToggle on_change=on_elder />
            </div>
            <h2 class="section-title">{locale.tr(Msg::RecordsHeading)}</h2>
            <p>{summary}</p>
            <p class="sr-only" role="status">
                {move || if cleared.get() { locale.t(Msg::Cleared) } else { "" }}
            </p>
            <Show when=move || cleared.get()>
                <p class="notice notice-info" aria-hidden="true">{locale.tr(Msg::Cleared)}</p>
            </Show>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    cleared.set(false);
                                    confirming.set(true);
                                }
                            >
                                {locale.tr(Msg::ClearData)}
                            </button>
                        </div>
                    }
                }
            >
                <Confirm
                    id="clear-question"
                    message=Signal::derive(move || locale.t(Msg::ClearConfirm).to_owned())
                    stay=Msg::Cancel
                    go=Msg::ClearYes
                    on_stay=move |_| confirming.set(false)
                    on_go=move |_| {
                        saved.clear_all();
                        on_cleared.run(());
                        confirming.set(false);
                        cleared.set(true);
                    }
                />
            </Show>
        </section>
    }
}
