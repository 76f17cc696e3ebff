//! The panel's prize codes: staff type the code a customer shows (with a USB or the system's
//! on-screen keyboard), check that this kiosk issued it and it is unused, and mark it redeemed
//! (counted in the current period). Nothing about the customer is asked or kept.

use crate::domain::kiosk::prize::{PrizeBook, PrizeError};
use crate::domain::kiosk::{KioskModel, KioskMsg};
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// What the last check or redemption found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Nothing,
    Genuine,
    Refused(PrizeError),
    Redeemed,
}

/// The prize codes' check.
#[component]
pub fn PrizesPanel(
    /// The kiosk model (whether prizes are on).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// The prize codes' book.
    #[prop(into)]
    prizes: Signal<Option<PrizeBook>>,
    /// Marks a code redeemed and counts it.
    redeem: Callback<String, Result<(), PrizeError>>,
) -> impl IntoView {
    let locale = use_locale();
    let typed = RwSignal::new(String::new());
    let found = RwSignal::new(Found::Nothing);
    let check = move |_| {
        let code = typed.get_untracked();
        let result = prizes.with_untracked(|b| {
            b.as_ref()
                .map_or(Err(PrizeError::NotGenuine), |b| b.verify(&code))
        });
        found.set(match result {
            Ok(_) => Found::Genuine,
            Err(e) => Found::Refused(e),
        });
    };
    let mark = move |_| {
        found.set(match redeem.run(typed.get_untracked()) {
            Ok(()) => Found::Redeemed,
            Err(e) => Found::Refused(e),
        });
    };
    let result = move || {
        let msg = match found.get() {
            Found::Nothing => return String::new(),
            Found::Genuine => KioskMsg::PrizeGenuine,
            Found::Redeemed => KioskMsg::PrizeRedeemed,
            Found::Refused(PrizeError::Used) => KioskMsg::PrizeUsed,
            Found::Refused(_) => KioskMsg::PrizeNotGenuine,
        };
        msg.text(locale.lang()).to_owned()
    };
    let counts = move || {
        let (issued, redeemed) =
            prizes.with(|b| b.as_ref().map_or((0, 0), |b| (b.issued(), b.redeemed())));
        KioskMsg::PrizeCounts.fill(locale.lang(), &[&issued, &redeemed])
    };
    let off = move || model.with(|m| m.settings().prize_threshold.is_none());
    view! {
        <div class="prizes">
            <h2 class="kiosk-subtitle">{move || KioskMsg::PrizesTitle.text(locale.lang())}</h2>
            <Show when=off>
                <p class="hint">{move || KioskMsg::PrizesOff.text(locale.lang())}</p>
            </Show>
            <p class="hint">{move || KioskMsg::PrizesHint.text(locale.lang())}</p>
            <div class="setting">
                <label class="setting-label" for="prize-code">{move || KioskMsg::PrizeCode.text(locale.lang())}</label>
                <input
                    id="prize-code"
                    class="setting-input prize-input"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="12"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        found.set(Found::Nothing);
                    }
                />
            </div>
            <div class="panel-actions">
                <button type="button" class="button" on:click=check>
                    {move || KioskMsg::PrizeCheck.text(locale.lang())}
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || found.get() != Found::Genuine
                    on:click=mark
                >
                    {move || KioskMsg::PrizeRedeem.text(locale.lang())}
                </button>
            </div>
            <p class="prize-result" role="status">{result}</p>
            <p>{counts}</p>
        </div>
    }
}
