//! A dismissible notice: a bank that could not be used (with "try again" when it failed to
//! download), saved records that were dropped or kept, storage that is full.

use crate::domain::app::Notice;
use crate::domain::bank::IndexEntry;
use crate::domain::i18n::{and_list, topic_name, Msg};
use crate::domain::saved::KeptReason;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// Shows `notice` as an alert with an "OK" button, and "try again" for a bank that failed.
#[component]
pub fn NoticeBanner(
    /// What to say.
    notice: Notice,
    /// Called when the player dismisses it.
    #[prop(into)]
    on_dismiss: Callback<()>,
    /// Called to fetch a bank that failed again (the notice is dismissed first).
    #[prop(into)]
    on_retry: Callback<IndexEntry>,
) -> impl IntoView {
    let locale = use_locale();
    let retry = match &notice {
        Notice::BankFailed { entry } => Some(entry.clone()),
        _ => None,
    };
    let text = move || {
        let lang = locale.lang();
        let names = |what: &[Msg]| {
            let names: Vec<String> = what.iter().map(|m| m.text(lang).to_owned()).collect();
            and_list(lang, &names)
        };
        match &notice {
            // The learner knows topics, not files; the staff get the file for an invalid bank.
            Notice::BankFailed { entry } => {
                Msg::BankFailed.fill(lang, &[&topic_name(entry.topic).text(lang)])
            }
            Notice::BankInvalid { entry, errors } => Msg::BankInvalid.fill(
                lang,
                &[&topic_name(entry.topic).text(lang), errors, &entry.file],
            ),
            Notice::SavedDropped { what } => Msg::SavedDropped.fill(lang, &[&names(what)]),
            Notice::SavedKept { what, reason } => match reason {
                KeptReason::Newer => Msg::SavedKept.fill(lang, &[&names(what)]),
                KeptReason::ReadFailed | KeptReason::Unreadable => {
                    Msg::SavedUnread.fill(lang, &[&names(what)])
                }
            },
            Notice::ResumeLost => Msg::ResumeLost.text(lang).to_owned(),
            Notice::StorageFull => Msg::StorageFull.text(lang).to_owned(),
            Notice::RoundElsewhere => Msg::RoundElsewhere.text(lang).to_owned(),
        }
    };
    let retry_button = retry.map(|entry| {
        view! {
            <button
                type="button"
                class="button button-small"
                on:click=move |_| {
                    on_dismiss.run(());
                    on_retry.run(entry.clone());
                }
            >
                {locale.tr(Msg::Retry)}
            </button>
        }
    });
    view! {
        <div class="notice notice-warn" role="alert">
            <p>
                <span aria-hidden="true">"⚠ "</span>
                {text}
            </p>
            {retry_button}
            <button type="button" class="button button-small" on:click=move |_| on_dismiss.run(())>
                {locale.tr(Msg::Dismiss)}
            </button>
        </div>
    }
}
