//! The problems tab: every problem, placed by sheet, row and column (letter and header) or by
//! question and field, with its severity in words and what to do; errors first on request, and a
//! way to the preview of the question it concerns.

use super::summary::severity_msg;
use super::use_words;
use crate::domain::bank::Severity;
use crate::domain::desk::{DeskEvent, DeskModel, DeskMsg};
use leptos::prelude::*;

/// How many problems are listed at most (a broken sheet can have thousands; the summary counts
/// them all by kind).
const SHOWN: usize = 500;

/// The problems tab.
#[component]
pub fn ProblemsTab(
    /// The desk.
    model: RwSignal<DeskModel>,
    /// Called with the question to preview.
    dispatch: Callback<DeskEvent>,
) -> impl IntoView {
    let words = use_words();
    let errors_only = RwSignal::new(false);
    let list = move || {
        let lang = words.lang();
        let only = errors_only.get();
        model.with(|m| {
            let intake = m.intake()?;
            // A question can be previewed when it is in the preview (it has no error itself).
            let previewed: std::collections::HashSet<&str> = m
                .preview_bank()
                .map(|(b, _)| b.questions.iter().map(|q| q.id.as_str()).collect())
                .unwrap_or_default();
            if intake.problems.is_empty() {
                return Some(view! { <p class="desk-status is-ready">{DeskMsg::NoProblems.text(lang)}</p> }.into_any());
            }
            let items = intake
                .problems
                .iter()
                .filter(|p| !only || p.is_error())
                .take(SHOWN)
                .map(|p| {
                    let class = match p.severity() {
                        Severity::Error => "desk-problem is-error",
                        Severity::Warning => "desk-problem is-warning",
                    };
                    let sign = match p.severity() {
                        Severity::Error => "✗",
                        Severity::Warning => "!",
                    };
                    let question = p.place.question.clone().filter(|id| previewed.contains(id.as_str()));
                    view! {
                        <li class=class>
                            <p class="desk-problem-head">
                                <span class="desk-sign" aria-hidden="true">{sign}</span>
                                <strong>{severity_msg(p.severity()).text(lang)}</strong>
                                " · "
                                <span class="desk-where">{p.where_(lang)}</span>
                            </p>
                            <p class="desk-problem-text">{p.message(lang)}</p>
                            {question.map(|id| view! {
                                <button
                                    type="button"
                                    class="button button-small button-quiet"
                                    on:click=move |_| dispatch.run(DeskEvent::PreviewQuestion(id.clone()))
                                >
                                    {DeskMsg::PreviewThis.text(lang)}
                                </button>
                            })}
                        </li>
                    }
                })
                .collect_view();
            Some(view! { <ol class="desk-problems">{items}</ol> }.into_any())
        })
    };
    view! {
        <label class="desk-check">
            <input type="checkbox" prop:checked=move || errors_only.get() on:change=move |ev| errors_only.set(event_target_checked(&ev)) />
            {move || words.t(DeskMsg::ErrorsOnly)}
        </label>
        {list}
    }
}
