//! The operator panel's screens: the keypad (first run's new PIN, typed twice, or the PIN; later
//! the old PIN and the new one twice to change it), then three tabs: the statistics as staff may
//! see them — every count under 5 shown as "<5" (`stats::view`), no row per session or person —
//! by period; this device's settings (`settings`); the prize codes. The keypad's keys are
//! buttons; only the settings' texts are typed, by staff.

mod export;
mod prizes;
mod settings;

use crate::domain::i18n::topic_name;
use crate::domain::kiosk::panel::{Panel, PanelEvent, PanelNotice, PanelStep};
use crate::domain::kiosk::pin::PinRuleError;
use crate::domain::kiosk::prize::{PrizeBook, PrizeError};
use crate::domain::kiosk::stats::view::{choice_text, StatsView};
use crate::domain::kiosk::stats::{PeriodIndex, StatsPeriods};
use crate::domain::kiosk::{KioskModel, KioskMsg, KioskOverrides, KioskStats};
use crate::domain::text::Lang;
use crate::platform::focus::focus_on_mount;
use crate::platform::page;
use crate::ui::services::use_locale;
use export::{ExportBar, ReportSheet};
use leptos::prelude::*;
use leptos::task::spawn_local;
use prizes::PrizesPanel;
use settings::SettingsPanel;

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
    let open = Memo::new(move |_| panel.with(|p| p.step() == Some(&PanelStep::Open)));
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

/// The keypad: what to type, a dot per digit typed, the last notice, ten digits, erase and OK.
#[component]
fn PinPad(
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
    focus_on_mount(heading);
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
    let changing = Memo::new(move |_| {
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
            <button type="button" class="button pin-key" on:click=move |_| on_event.run(PanelEvent::Digit(d))>
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
                <button type="button" class="button pin-key" on:click=move |_| on_event.run(PanelEvent::Erase)>
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

/// The statistics, suppressed, of one period (the current one, or one closed by a bank update):
/// the overview, the scores, the topics, the questions most often missed (with the wrong answer
/// chosen most), and sessions by hour and by day.
#[component]
fn StatsPanel(
    /// The statistics as stored, by period.
    #[prop(into)]
    stats: Signal<StatsPeriods>,
    /// The kiosk model (the banks, for the questions' texts).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Called to reset every period's counts (after staff confirm).
    #[prop(into)]
    on_reset: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let chosen = RwSignal::new(PeriodIndex(0));
    let report = RwSignal::new(false);
    let period = Memo::new(move |_| {
        stats.with(|p| {
            p.get(chosen.get())
                .or_else(|| p.indices().first().and_then(|&i| p.get(i)))
                .cloned()
        })
    });
    let view_of = Memo::new(move |_| period.with(|s| s.as_ref().map(KioskStats::view)));
    let body = move || {
        let lang = locale.lang();
        let Some(view) = view_of.get() else {
            return view! { <p class="kiosk-wait">{KioskMsg::StatsNone.text(lang)}</p> }.into_any();
        };
        stats_body(&view, lang, model).into_any()
    };
    let periods = move || {
        let indices = stats.with(StatsPeriods::indices);
        (indices.len() > 1).then(|| {
            let lang = locale.lang();
            let buttons = indices
                .into_iter()
                .map(|index| {
                    let since = stats.with(|p| p.get(index).and_then(|s| s.since));
                    let label = match (index, since) {
                        (PeriodIndex(0), _) => KioskMsg::PeriodCurrent.text(lang).to_owned(),
                        (_, Some(since)) => KioskMsg::PeriodEarlier.fill(lang, &[&since]),
                        (_, None) => KioskMsg::PeriodEarlier.fill(lang, &[&"—"]),
                    };
                    view! {
                        <button
                            type="button"
                            class="button chip"
                            aria-pressed=move || (chosen.get() == index).to_string()
                            on:click=move |_| chosen.set(index)
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="period-chooser" role="group" aria-label=KioskMsg::PeriodsLabel.text(lang)>
                    {buttons}
                </div>
                <p class="hint">{KioskMsg::PeriodsHint.text(lang)}</p>
            }
        })
    };
    move || {
        if report.get() {
            return view! {
                <ReportSheet stats=period model=model on_back=move |()| report.set(false) />
            }
            .into_any();
        }
        view! {
            <div class="stats">
                <h2 class="kiosk-subtitle">{move || KioskMsg::StatsTitle.text(locale.lang())}</h2>
                {periods}
                <ExportBar
                    stats=period
                    on_report=move |()| report.set(true)
                    on_reset=move |()| {
                        chosen.set(PeriodIndex(0));
                        on_reset.run(());
                    }
                />
                {body}
            </div>
        }
        .into_any()
    }
}

/// The statistics' tables for `view`.
fn stats_body(view: &StatsView, lang: Lang, model: Signal<KioskModel>) -> impl IntoView {
    let t = |msg: KioskMsg| msg.text(lang);
    let period = view
        .period
        .map(|(from, to)| KioskMsg::StatsPeriod.fill(lang, &[&from, &to]));
    let english = view
        .langs
        .iter()
        .find(|(l, _, _)| *l == Lang::En)
        .map(|(_, n, share)| format!("{n} ({share})"))
        .unwrap_or_default();
    let overview = [
        (t(KioskMsg::StatsStarted), view.started.to_string()),
        (t(KioskMsg::StatsCompleted), view.completed.to_string()),
        (t(KioskMsg::StatsCompletion), view.completion.to_string()),
        (t(KioskMsg::StatsAccuracy), view.accuracy.to_string()),
        (
            t(KioskMsg::StatsElder),
            format!("{} ({})", view.elder.0, view.elder.1),
        ),
        (t(KioskMsg::StatsEnglish), english),
        (
            t(KioskMsg::StatsPrizes),
            format!("{} / {}", view.prizes_issued, view.prizes_redeemed),
        ),
    ]
    .into_iter()
    .map(|(label, value)| view! { <tr><th scope="row">{label}</th><td>{value}</td></tr> })
    .collect_view();
    let topics = view
        .topics
        .iter()
        .map(|row| {
            let name = match row.choice.0 {
                Some(topic) => topic_name(topic).text(lang),
                None => KioskMsg::Mixed.text(lang),
            };
            view! {
                <tr><th scope="row">{name}</th><td>{row.sessions.to_string()}</td><td>{row.accuracy.to_string()}</td></tr>
            }
        })
        .collect_view();
    let scores = view
        .scores
        .iter()
        .flat_map(|(total, cells)| {
            cells.iter().enumerate().rev().map(move |(right, cell)| {
                view! {
                    <tr>
                        <th scope="row">{KioskMsg::StatsScoreRow.fill(lang, &[&right, total])}</th>
                        <td>{cell.to_string()}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    let missed = view
        .most_missed(5)
        .into_iter()
        .map(|m| {
            let key = m.question.key.clone();
            let (prompt, choice) = model.with_untracked(|k| {
                let question = k.library().by_key(&key).map(|(_, q)| q);
                let prompt = question.map_or_else(|| key.clone(), |q| q.prompt.get(lang).to_owned());
                let choice = m.chosen.map(|(c, _)| match question {
                    Some(q) => choice_text(q, c, lang),
                    None => c.clone(),
                });
                (prompt, choice.unwrap_or_default())
            });
            let count = m.chosen.map(|(_, n)| n.to_string()).unwrap_or_default();
            let line = KioskMsg::StatsMissedLine.fill(lang, &[&m.question.wrong, &choice, &count]);
            view! { <li><span class="missed-prompt">{prompt}</span><span class="missed-line">{line}</span></li> }
        })
        .collect_view();
    let hours = view
        .hours
        .iter()
        .enumerate()
        .map(|(hour, cell)| view! { <tr><th scope="row">{format!("{hour:02}:00")}</th><td>{cell.to_string()}</td></tr> })
        .collect_view();
    let days = view
        .days
        .iter()
        .map(|(day, cell)| view! { <tr><th scope="row">{day.to_string()}</th><td>{cell.to_string()}</td></tr> })
        .collect_view();
    let branches = view
        .branches
        .iter()
        .filter(|b| !b.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(lang.list_separator());
    view! {
        <p class="stats-period">{branches}" "{period}</p>
        <p class="hint">{t(KioskMsg::StatsSuppressed)}</p>
        <table class="stats-table"><tbody>{overview}</tbody></table>
        <h3>{t(KioskMsg::StatsTopics)}</h3>
        <table class="stats-table">
            <thead><tr><th scope="col">{t(KioskMsg::StatsTopics)}</th><th scope="col">{t(KioskMsg::StatsSessions)}</th><th scope="col">{t(KioskMsg::StatsTopicAccuracy)}</th></tr></thead>
            <tbody>{topics}</tbody>
        </table>
        <h3>{t(KioskMsg::StatsMissed)}</h3>
        <ol class="missed">{missed}</ol>
        <h3>{t(KioskMsg::StatsScores)}</h3>
        <table class="stats-table"><tbody>{scores}</tbody></table>
        <h3>{t(KioskMsg::StatsHours)}</h3>
        <table class="stats-table stats-hours"><tbody>{hours}</tbody></table>
        <h3>{t(KioskMsg::StatsDays)}</h3>
        <table class="stats-table"><tbody>{days}</tbody></table>
    }
}
