//! The operator panel's screens: the keypad (first run's new PIN, typed twice, or the PIN; later
//! the old PIN and the new one twice to change it), then three tabs: the statistics as staff may
//! see them — every count under 5 shown as "<5" (`stats::view`), no row per session or person —
//! by period; this device's settings (`settings`); the prize codes. The keypad's keys are
//! buttons; only the settings' texts are typed, by staff.

mod export;
mod pin_pad;
mod prizes;
mod settings;
mod stats;

use crate::domain::kiosk::panel::{Panel, PanelEvent, PanelNotice, PanelStep};
use crate::domain::kiosk::pin::PinRuleError;
use crate::domain::kiosk::prize::{PrizeBook, PrizeError};
use crate::domain::kiosk::stats::StatsPeriods;
use crate::domain::kiosk::{KioskModel, KioskMsg, KioskOverrides};
use crate::domain::text::Lang;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use leptos::prelude::*;
use pin_pad::PinPad;
use prizes::PrizesPanel;
use settings::SettingsPanel;
use stats::StatsPanel;

/// The open panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Stats,
    Settings,
    Prizes,
}

/// The words for a notice, as of `now_ms` (a lockout counts down).
fn notice_text(notice: PanelNotice, lang: Lang, now_ms: f64) -> String {
    match notice {
        PanelNotice::Rule(PinRuleError::Length | PinRuleError::NotDigits) => {
            KioskMsg::PinRuleLength.text(lang).to_owned()
        }
        PanelNotice::Rule(PinRuleError::AllSame) => KioskMsg::PinRuleSame.text(lang).to_owned(),
        PanelNotice::Rule(PinRuleError::Sequence) => {
            KioskMsg::PinRuleSequence.text(lang).to_owned()
        }
        PanelNotice::Rule(PinRuleError::ShortSalt) => KioskMsg::PinRuleOther.text(lang).to_owned(),
        PanelNotice::Rule(PinRuleError::RecordUnreadable) | PanelNotice::PinUnreadable => {
            KioskMsg::PinUnreadable.text(lang).to_owned()
        }
        PanelNotice::Mismatch => KioskMsg::PinMismatch.text(lang).to_owned(),
        PanelNotice::Wrong { left } => KioskMsg::PinWrong.fill(lang, &[&left]),
        PanelNotice::Locked { until_ms } => {
            let left = ((until_ms - now_ms) / 1000.0).ceil().max(1.0) as u64;
            KioskMsg::PinLocked.fill(lang, &[&left])
        }
        PanelNotice::PinSet => KioskMsg::PinSet.text(lang).to_owned(),
        PanelNotice::PinChanged => KioskMsg::PinChanged.text(lang).to_owned(),
    }
}

/// The operator panel: the keypad until the PIN is set or right, then the statistics.
#[component]
pub fn OperatorPanel(
    /// The panel model.
    #[prop(into)]
    panel: Signal<Panel>,
    /// The statistics as stored, by period.
    #[prop(into)]
    stats: Signal<StatsPeriods>,
    /// The kiosk model (the banks, for the questions' texts).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Now, in Unix milliseconds (a lockout counts down).
    #[prop(into)]
    now: Signal<f64>,
    /// Called with each key staff press.
    #[prop(into)]
    on_event: Callback<PanelEvent>,
    /// Called with this device's new settings overrides.
    #[prop(into)]
    on_settings: Callback<KioskOverrides>,
    /// Called to reset the statistics (every period), once staff confirmed.
    #[prop(into)]
    on_reset_stats: Callback<()>,
    /// The prize codes' book.
    #[prop(into)]
    prizes: Signal<Option<PrizeBook>>,
    /// Marks a prize code redeemed.
    redeem: Callback<String, Result<(), PrizeError>>,
) -> impl IntoView {
    let locale = use_locale();
    let open = use_memo(move |_| panel.with(|p| p.step() == Some(&PanelStep::Open)));
    let tab = RwSignal::new(Tab::Stats);
    let tab_button = move |which: Tab, label: KioskMsg| {
        view! {
            <button
                type="button"
                class="button chip"
                aria-pressed=move || (tab.get() == which).to_string()
                on:click=move |_| tab.set(which)
            >
                {move || label.text(locale.lang())}
            </button>
        }
    };
    let tab_body = move || match tab.get() {
        Tab::Stats => {
            view! { <StatsPanel stats=stats model=model on_reset=on_reset_stats /> }.into_any()
        }
        Tab::Settings => view! {
            <SettingsPanel
                model=model
                on_save=on_settings
                on_change_pin=move |()| on_event.run(PanelEvent::ChangePin)
            />
        }
        .into_any(),
        Tab::Prizes => view! { <PrizesPanel model=model prizes=prizes redeem=redeem /> }.into_any(),
    };
    view! {
        <section class="operator" aria-labelledby="operator-title">
            <div class="kiosk-bar">
                <h1 id="operator-title" class="kiosk-title">{move || KioskMsg::PanelTitle.text(locale.lang())}</h1>
                <button type="button" class="button" on:click=move |_| on_event.run(PanelEvent::Close)>
                    {move || KioskMsg::Close.text(locale.lang())}
                </button>
            </div>
            <Show
                when=move || open.get()
                fallback=move || view! { <PinPad panel=panel now=now on_event=on_event /> }
            >
                {move || panel.with(|p| p.notice()).map(|n| view! {
                    <p class="notice notice-info" role="status">{notice_text(n, locale.lang(), now.get())}</p>
                })}
                <div class="panel-tabs" role="group" aria-label=move || KioskMsg::TabsLabel.text(locale.lang())>
                    {tab_button(Tab::Stats, KioskMsg::TabStats)}
                    {tab_button(Tab::Settings, KioskMsg::TabSettings)}
                    {tab_button(Tab::Prizes, KioskMsg::TabPrizes)}
                </div>
                {tab_body}
            </Show>
        </section>
    }
}
