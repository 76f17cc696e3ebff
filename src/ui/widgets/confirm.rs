//! A question before something that cannot be undone (hand in with gaps, leave a quiz, clear the
//! records): the message, the safe choice first (it takes the focus, so Enter is safe), then the other.

use crate::domain::i18n::Msg;
use crate::platform::focus::focus_on_mount;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// An inline confirmation (`role="alertdialog"`).
#[component]
pub fn Confirm(
    /// The id of the message (the dialog's accessible name).
    id: &'static str,
    /// What is about to happen.
    #[prop(into)]
    message: Signal<String>,
    /// The safe choice's words.
    stay: Msg,
    /// The other choice's words.
    go: Msg,
    /// Called for the safe choice.
    #[prop(into)]
    on_stay: Callback<()>,
    /// Called for the other choice.
    #[prop(into)]
    on_go: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let safe = NodeRef::<leptos::html::Button>::new();
    focus_on_mount(safe);
    view! {
        <div class="notice notice-warn confirm" role="alertdialog" aria-labelledby=id>
            <p id=id>{message}</p>
            <div class="actions">
                <button type="button" class="button button-primary" node_ref=safe on:click=move |_| on_stay.run(())>
                    {move || locale.t(stay)}
                </button>
                <button type="button" class="button" on:click=move |_| on_go.run(())>
                    {move || locale.t(go)}
                </button>
            </div>
        </div>
    }
}
