//! The operator panel's statistics tab: one period's counts as staff may see them.

use super::export::{ExportBar, ReportSheet};
use crate::domain::i18n::topic_name;
use crate::domain::kiosk::stats::view::{choice_text, StatsView};
use crate::domain::kiosk::stats::{PeriodIndex, StatsPeriods};
use crate::domain::kiosk::{KioskModel, KioskMsg, KioskStats};
use crate::domain::text::Lang;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The statistics, suppressed, of one period (the current one, or one closed by a bank update):
/// the overview, the scores, the topics, the questions most often missed (with the wrong answer
/// chosen most), and sessions by hour and by day.
#[component]
pub(super) fn StatsPanel(
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
    let period = use_memo(move |_| {
        stats.with(|p| {
            p.get(chosen.get())
                .or_else(|| p.indices().first().and_then(|&i| p.get(i)))
                .cloned()
        })
    });
    let view_of = use_memo(move |_| period.with(|s| s.as_ref().map(KioskStats::view)));
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
