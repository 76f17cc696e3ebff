//! The learner page's frame around every screen: the top bar (the brand, then the page's controls)
//! and the footer's privacy note. The content desk's phone preview draws the same pieces, so what
//! it shows is the phone's own markup.

use crate::domain::i18n::Msg;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The top bar: the brand, and `children` (the language switch, and more at home) at its end.
#[component]
pub fn TopBar(
    /// The bar's controls.
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <header class="topbar">
            <p class="brand">
                <span class="brand-mark" aria-hidden="true">"安"</span>
                <span class="brand-name">{locale.tr(Msg::AppName)}</span>
            </p>
            <div class="topbar-actions">{children()}</div>
        </header>
    }
}

/// The footer: what the page keeps, and where (nothing leaves the device).
#[component]
pub fn Footer() -> impl IntoView {
    let locale = use_locale();
    view! {
        <footer class="footer">
            <p>{locale.tr(Msg::PrivacyNote)}</p>
        </footer>
    }
}
