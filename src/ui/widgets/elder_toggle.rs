//! The 长辈模式 switch: a toggle button, pressed when elder mode is on.

use crate::domain::i18n::Msg;
use crate::ui::services::{use_elder, use_locale};
use leptos::prelude::*;

/// Switches elder mode; reports the new state.
#[component]
pub fn ElderToggle(
    /// Called with whether elder mode should be on.
    #[prop(into)]
    on_change: Callback<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let elder = use_elder();
    view! {
        <button
            type="button"
            class="lang-toggle elder-toggle"
            aria-pressed=move || elder.get().to_string()
            on:click=move |_| on_change.run(!elder.get_untracked())
        >
            // The ✓ (besides the colour) says it is on; nothing takes its room when off.
            {move || elder.get().then(|| view! { <span aria-hidden="true">"✓"</span> })}
            {locale.tr(Msg::ElderMode)}
        </button>
    }
}
