//! The operator panel's keypad: what to type, a dot per digit, the last notice, the digits.

use super::notice_text;
use crate::domain::kiosk::panel::{Panel, PanelEvent, PanelStep};
use crate::domain::kiosk::KioskMsg;
use crate::platform::focus::open_on_mount;
use crate::platform::page;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The keypad: what to type, a dot per digit typed, the last notice, ten digits, erase and OK.
#[component]
pub(super) fn PinPad(
    /// The panel model.
    #[prop(into)]
    panel: Signal<Panel>,
    /// Now, in Unix milliseconds.
    #[prop(into)]
    now: Signal<f64>,
    /// Called with each key.
    #[prop(into)]
    on_event: Callback<PanelEvent>,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H2>::new();
    open_on_mount(heading);
    let checking = RwSignal::new(false);
    let prompt = move || {
        let msg = match panel.with(|p| p.step().cloned()) {
            Some(PanelStep::Choose { first: None }) => KioskMsg::ChoosePin,
            Some(
                PanelStep::Choose { first: Some(_) } | PanelStep::ChangeNew { first: Some(_) },
            ) => KioskMsg::ChoosePinAgain,
            Some(PanelStep::ChangeOld) => KioskMsg::EnterOldPin,
            Some(PanelStep::ChangeNew { first: None }) => KioskMsg::EnterNewPin,
            _ => KioskMsg::EnterPin,
        };
        msg.text(locale.lang())
    };
    let changing = use_memo(move |_| {
        panel.with(|p| {
            matches!(
                p.step(),
                Some(PanelStep::ChangeOld | PanelStep::ChangeNew { .. })
            )
        })
    });
    // Hashing a PIN takes a moment: "checking" is painted first, in its own task.
    let enter = move |_| {
        if checking.get_untracked() {
            return;
        }
        checking.set(true);
        spawn_local(async move {
            page::next_task().await;
            on_event.run(PanelEvent::Enter);
            checking.set(false);
        });
    };
    let key = move |d: u8| {
        view! {
            <button type="button" class="button pin-key" data-repeat="" on:click=move |_| on_event.run(PanelEvent::Digit(d))>
                {d.to_string()}
            </button>
        }
    };
    view! {
        <div class="pin-pad">
            <h2 class="kiosk-subtitle" tabindex="-1" node_ref=heading>{prompt}</h2>
            <p class="pin-dots" aria-hidden="true">
                {move || "●".repeat(panel.with(Panel::typed))}
            </p>
            <p class="sr-only" aria-live="polite">
                {move || KioskMsg::Typed.fill(locale.lang(), &[&panel.with(Panel::typed)])}
            </p>
            <p class="pin-notice" role="alert">
                {move || {
                    if checking.get() {
                        return KioskMsg::Checking.text(locale.lang()).to_owned();
                    }
                    panel
                        .with(|p| p.notice())
                        .map(|n| notice_text(n, locale.lang(), now.get()))
                        .unwrap_or_default()
                }}
            </p>
            <div class="pin-keys">
                {(1..=9).map(key).collect_view()}
                <button type="button" class="button pin-key" data-repeat="" on:click=move |_| on_event.run(PanelEvent::Erase)>
                    {move || KioskMsg::Erase.text(locale.lang())}
                </button>
                {key(0)}
                <button type="button" class="button button-primary pin-key" on:click=enter>
                    {move || KioskMsg::Ok.text(locale.lang())}
                </button>
            </div>
            <Show when=move || changing.get()>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| on_event.run(PanelEvent::Cancel)>
                        {move || KioskMsg::Cancel.text(locale.lang())}
                    </button>
                </div>
            </Show>
        </div>
    }
}
