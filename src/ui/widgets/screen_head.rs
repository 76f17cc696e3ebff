//! The top of a screen: its title (which takes the focus when the screen opens, so screen readers
//! announce it and the keyboard starts there) and the way back.

use crate::domain::i18n::Msg;
use crate::platform::focus::open_on_mount;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// A screen's `<h1>` and its way back home ("返回首页 / Back to home" on every screen, so the same
/// action always has the same words).
#[component]
pub fn ScreenHead(
    /// The heading's id (the screen's `aria-labelledby`).
    id: &'static str,
    /// The title.
    title: Msg,
    /// Called when the back button is pressed (it goes home).
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H1>::new();
    open_on_mount(heading);
    view! {
        <div class="quiz-head">
            <h1 id=id class="quiz-title" tabindex="-1" node_ref=heading>
                {move || locale.t(title)}
            </h1>
            <button type="button" class="button button-quiet" on:click=move |_| on_back.run(())>
                {locale.tr(Msg::BackHome)}
            </button>
        </div>
    }
}
