//! The language switch: one button naming the other language, in that language.

use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// A button that switches the interface to the other language.
#[component]
pub fn LangToggle(
    /// Called with the language to switch to.
    #[prop(into)]
    on_change: Callback<Lang>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <button
            type="button"
            class="lang-toggle lang-switch"
            lang=move || locale.lang().other().html_lang()
            on:click=move |_| on_change.run(locale.lang().other())
        >
            {locale.tr(Msg::OtherLanguage)}
        </button>
    }
}
