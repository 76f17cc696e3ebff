//! A dismissible notice: a bank that could not be used, saved records that were dropped, storage
//! that is full.

use crate::domain::i18n::{and_list, Msg};
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
            Notice::SavedDropped { what } => {
                let names: Vec<String> = what.iter().map(|m| m.text(lang).to_owned()).collect();
                Msg::SavedDropped.fill(lang, &[&and_list(lang, &names)])
            }
            Notice::ResumeLost => Msg::ResumeLost.text(lang).to_owned(),
            Notice::StorageFull => Msg::StorageFull.text(lang).to_owned(),
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
