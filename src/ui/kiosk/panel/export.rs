//! The panel's exports of one period: the JSON counts (for `anxin-bank stats merge`), the CSV of
//! the suppressed view, and the one-page activity report shown in place and printed with the
//! page's print stylesheet (`style/kiosk.css`); and resetting the statistics after a
//! confirmation. Files are made in the browser (`platform::download`): nothing goes over the
//! network.

use crate::domain::bank::Topic;
use crate::domain::i18n::topic_name;
use crate::domain::kiosk::stats::report::{report_body, QuestionTexts};
use crate::domain::kiosk::{KioskModel, KioskMsg, KioskStats};
use crate::domain::text::Lang;
use crate::platform::{download, log};
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The file name of an export of `stats`: the period's first and last day.
fn file_name(stats: &KioskStats, ext: &str) -> String {
    let period = stats
        .view()
        .period
        .map_or_else(String::new, |(from, to)| format!("-{from}-{to}"));
    format!("anxin-kiosk-stats{period}.{ext}")
}

/// A topic word of the report (`fraud`, `mixed`) in `lang`.
fn topic_word(word: &str, lang: Lang) -> String {
    match Topic::parse(word) {
        Some(topic) => topic_name(topic).text(lang).to_owned(),
        None => KioskMsg::Mixed.text(lang).to_owned(),
    }
}

/// The export buttons and the reset with its confirmation.
#[component]
pub fn ExportBar(
    /// The period shown.
    #[prop(into)]
    stats: Signal<Option<KioskStats>>,
    /// Called to show the report.
    #[prop(into)]
    on_report: Callback<()>,
    /// Called once staff confirmed the reset.
    #[prop(into)]
    on_reset: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let message = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let save = move |ext: &'static str| {
        let Some((name, mime, text)) = stats.with_untracked(|s| {
            s.as_ref().map(|s| match ext {
                "json" => (file_name(s, ext), "application/json", s.to_json()),
                _ => (
                    file_name(s, ext),
                    "text/csv;charset=utf-8",
                    s.view().to_csv(),
                ),
            })
        }) else {
            return;
        };
        let lang = locale.lang_untracked();
        match download::save_text(&name, mime, &text) {
            Ok(()) => message.set(KioskMsg::Exported.fill(lang, &[&name])),
            Err(e) => {
                log::warn(&format!("kiosk: {name} not saved: {e}"));
                message.set(KioskMsg::ExportFailed.text(lang).to_owned());
            }
        }
    };
    let has = move || stats.with(Option::is_some);
    let t = move |msg: KioskMsg| move || msg.text(locale.lang());
    view! {
        <Show when=has>
            <div class="panel-actions">
                <button type="button" class="button" on:click=move |_| save("json")>{t(KioskMsg::ExportJson)}</button>
                <button type="button" class="button" on:click=move |_| save("csv")>{t(KioskMsg::ExportCsv)}</button>
                <button type="button" class="button" on:click=move |_| on_report.run(())>{t(KioskMsg::ShowReport)}</button>
                <button type="button" class="button" on:click=move |_| confirming.set(true)>{t(KioskMsg::ResetStats)}</button>
            </div>
        </Show>
        <p class="notice notice-info" role="status">{move || message.get()}</p>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alertdialog" aria-labelledby="reset-confirm">
                <p id="reset-confirm">{t(KioskMsg::ResetConfirm)}</p>
                <div class="panel-actions">
                    <button
                        type="button"
                        class="button button-danger"
                        on:click=move |_| {
                            confirming.set(false);
                            on_reset.run(());
                            message.set(KioskMsg::ResetDone.text(locale.lang_untracked()).to_owned());
                        }
                    >
                        {t(KioskMsg::ResetYes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>
                        {t(KioskMsg::Cancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The activity report of one period, in place, with "print" and "back" (neither printed).
#[component]
pub fn ReportSheet(
    /// The period reported.
    #[prop(into)]
    stats: Signal<Option<KioskStats>>,
    /// The kiosk model (the banks, for the questions' and answers' texts).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Called to go back to the statistics.
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let body = move || {
        let lang = locale.lang();
        let view = stats.with(|s| s.as_ref().map(KioskStats::view))?;
        let texts =
            model.with(|m| QuestionTexts::from_banks(m.library().banks().map(|b| &**b), lang));
        Some(report_body(&view, &texts, lang, &|word| {
            topic_word(word, lang)
        }))
    };
    let print = move |_| {
        if let Err(e) = download::print() {
            log::warn(&format!("kiosk: printing failed: {e}"));
        }
    };
    view! {
        <div class="report-view">
            <div class="panel-actions no-print">
                <button type="button" class="button button-primary" on:click=print>
                    {move || KioskMsg::Print.text(locale.lang())}
                </button>
                <button type="button" class="button" on:click=move |_| on_back.run(())>
                    {move || KioskMsg::BackToStats.text(locale.lang())}
                </button>
            </div>
            <article class="report-sheet" inner_html=body></article>
        </div>
    }
}
