//! A dismissible notice about a bank that could not be used.

use crate::domain::i18n::Msg;
use crate::ui::app::{use_locale, Notice};
use leptos::prelude::*;

/// Shows `notice` as an alert with an "OK" button.
#[component]
pub fn NoticeBanner(
    /// What to say.
    notice: Notice,
    /// Called when the player dismisses it.
    #[prop(into)]
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let text = move || {
        let lang = locale.lang();
        match &notice {
            Notice::BankFailed { title } => Msg::BankFailed.fill(lang, &[&title.get(lang)]),
            Notice::BankInvalid { title, errors } => {
                Msg::BankInvalid.fill(lang, &[&title.get(lang), errors])
            }
        }
    };
    view! {
        <div class="notice notice-warn" role="alert">
            <p>
                <span aria-hidden="true">"⚠ "</span>
                {text}
            </p>
            <button type="button" class="button button-small" on:click=move |_| on_dismiss.run(())>
                {move || locale.t(Msg::Dismiss)}
            </button>
        </div>
    }
}
