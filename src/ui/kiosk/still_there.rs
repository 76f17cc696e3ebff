//! The "还在吗？/ Still there?" warning over the screen: the seconds left before the kiosk starts
//! over, and one big "continue" button. A tap anywhere on it counts as "continue" too; the page
//! behind is inert while it shows, so nothing under it is pressed by mistake.

use crate::domain::kiosk::KioskMsg;
use crate::platform::focus::focus_on_mount;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The idle warning.
#[component]
pub fn StillThereOverlay(
    /// Whole seconds before the reset.
    #[prop(into)]
    seconds_left: Signal<u32>,
    /// Called when the customer shows they are still there.
    #[prop(into)]
    on_continue: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let button = NodeRef::<leptos::html::Button>::new();
    focus_on_mount(button);
    view! {
        <div class="still-there-backdrop" on:click=move |_| on_continue.run(())>
            <div
                class="still-there"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="still-there-title"
                aria-describedby="still-there-text"
            >
                <h2 id="still-there-title" class="still-there-title">
                    {move || KioskMsg::StillThere.text(locale.lang())}
                </h2>
                <p class="still-there-count" aria-hidden="true">{move || seconds_left.get()}</p>
                <p id="still-there-text" class="still-there-text">
                    {move || KioskMsg::StillThereText.fill(locale.lang(), &[&seconds_left.get()])}
                </p>
                <button type="button" class="button button-primary still-there-continue" node_ref=button>
                    {move || KioskMsg::Continue.text(locale.lang())}
                </button>
            </div>
        </div>
    }
}
