//! The summary tab: whether the bank can be published, the questions by type and by topic, the
//! problems by kind with counts, and how the file was read (its kind, and which columns).

use super::use_words;
use crate::domain::bank::intake::{FileKind, Intake};
use crate::domain::bank::{QuestionType, Severity};
use crate::domain::desk::{DeskModel, DeskMsg};
use crate::domain::text::Lang;
use leptos::prelude::*;

/// The words for a question type.
pub fn type_msg(kind: QuestionType) -> DeskMsg {
    match kind {
        QuestionType::Single => DeskMsg::TypeSingle,
        QuestionType::Multiple => DeskMsg::TypeMultiple,
        QuestionType::TrueFalse => DeskMsg::TypeTrueFalse,
    }
}

/// The words for a severity.
pub fn severity_msg(severity: Severity) -> DeskMsg {
    match severity {
        Severity::Error => DeskMsg::Error,
        Severity::Warning => DeskMsg::Warning,
    }
}

/// How the file was read, in words: kind, encoding, delimiter.
fn read_as(intake: &Intake, lang: Lang) -> String {
    let h = &intake.header;
    let mut parts: Vec<String> = Vec::new();
    if let Some(kind) = h.kind {
        let msg = match kind {
            FileKind::Workbook => DeskMsg::KindWorkbook,
            FileKind::Text => DeskMsg::KindText,
            FileKind::Json => DeskMsg::KindJson,
        };
        parts.push(msg.text(lang).to_owned());
    }
    if let Some(encoding) = h.encoding {
        parts.push(encoding.name().to_owned());
    }
    match h.delimiter {
        Some('\t') => parts.push(DeskMsg::TabSeparated.text(lang).to_owned()),
        Some(c) => parts.push(DeskMsg::SeparatedBy.fill(lang, &[&c])),
        None => {}
    }
    parts.join(" · ")
}

/// The summary tab.
#[component]
pub fn SummaryTab(
    /// The desk.
    model: RwSignal<DeskModel>,
) -> impl IntoView {
    let words = use_words();
    move || {
        let lang = words.lang();
        model.with(|m| {
            let intake = m.intake()?;
            let s = &intake.summary;
            let status = if s.errors == 0 && m.bank().is_some() {
                view! {
                    <p class="desk-status is-ready" role="status">
                        <span aria-hidden="true">"✓ "</span>
                        {DeskMsg::Ready.fill(lang, &[&s.questions, &s.warnings])}
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="desk-status is-blocked" role="status">
                        <span aria-hidden="true">"✗ "</span>
                        {DeskMsg::NotReady.fill(lang, &[&s.errors, &s.warnings])}
                    </p>
                }
                .into_any()
            };
            let types = s
                .by_type
                .iter()
                .map(|(kind, n)| view! { <tr><th scope="row">{type_msg(*kind).text(lang)}</th><td>{*n}</td></tr> })
                .collect_view();
            let topics = (!s.by_topic.is_empty()).then(|| {
                let rows = s
                    .by_topic
                    .iter()
                    .take(20)
                    .map(|(t, n)| view! { <tr><th scope="row">{t.clone()}</th><td>{*n}</td></tr> })
                    .collect_view();
                view! {
                    <table class="desk-table">
                        <caption>{DeskMsg::ByTopic.text(lang)}</caption>
                        <thead><tr><th scope="col">{DeskMsg::ByTopic.text(lang)}</th><th scope="col">{DeskMsg::Count.text(lang)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            });
            let kinds = (!s.by_kind.is_empty()).then(|| {
                let rows = s
                    .by_kind
                    .iter()
                    .map(|k| {
                        let message = intake
                            .problems
                            .get(k.first)
                            .map(|p| p.message(lang))
                            .unwrap_or_default();
                        let class = match k.severity {
                            Severity::Error => "is-error",
                            Severity::Warning => "is-warning",
                        };
                        view! {
                            <tr class=class>
                                <td>{severity_msg(k.severity).text(lang)}</td>
                                <th scope="row">{message}</th>
                                <td>{k.count}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <table class="desk-table desk-kinds">
                        <caption>{DeskMsg::ByKind.text(lang)}</caption>
                        <thead><tr>
                            <th scope="col">{DeskMsg::Kind.text(lang)}</th>
                            <th scope="col">{DeskMsg::Problem.text(lang)}</th>
                            <th scope="col">{DeskMsg::Count.text(lang)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            });
            let sheets = intake
                .header
                .sheets
                .iter()
                .map(|sheet| {
                    let read: Vec<String> = sheet
                        .columns
                        .iter()
                        .map(|c| format!("{} {}", c.column.letter, c.column.header))
                        .collect();
                    let name = sheet.sheet.clone().unwrap_or_default();
                    view! {
                        <li>
                            <strong>{name}</strong>
                            " "
                            {DeskMsg::QuestionsRead.fill(lang, &[&sheet.questions])}
                            <br />
                            {DeskMsg::ColumnsRead.text(lang)}": "{read.join("，")}
                            {(!sheet.ignored.is_empty()).then(|| view! {
                                <br />
                                {DeskMsg::ColumnsIgnored.text(lang)}": "{sheet.ignored.join("，")}
                            })}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                {status}
                <p class="hint">{DeskMsg::ReadAs.fill(lang, &[&read_as(intake, lang)])}</p>
                <div class="desk-columns">
                    <table class="desk-table">
                        <caption>{DeskMsg::ByType.text(lang)}</caption>
                        <thead><tr><th scope="col">{DeskMsg::ByType.text(lang)}</th><th scope="col">{DeskMsg::Count.text(lang)}</th></tr></thead>
                        <tbody>{types}</tbody>
                    </table>
                    {topics}
                </div>
                {kinds}
                <ul class="desk-sheets">{sheets}</ul>
            })
        })
    }
}
