//! The end of a round: score, accuracy, a word of advice, and the ways on.

use crate::domain::i18n::Msg;
use crate::ui::app::use_locale;
use leptos::prelude::*;

/// Accuracy at or above which the round counts as passed.
pub const PASS_PERCENT: usize = 80;

/// Shows the result of a finished round.
#[component]
pub fn ResultSummary(
    /// Right answers.
    correct: usize,
    /// Questions in the round.
    total: usize,
    /// Called to play another round of the same topic.
    #[prop(into)]
    on_again: Callback<()>,
    /// Called to go back to the home screen.
    #[prop(into)]
    on_home: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let accuracy = (correct * 100).checked_div(total).unwrap_or(0);
    let passed = accuracy >= PASS_PERCENT;
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(el) = heading.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="result">
            <h2 class="result-title" tabindex="-1" node_ref=heading>{move || locale.t(Msg::ResultTitle)}</h2>
            <p class="score">{move || Msg::ScoreLine.fill(locale.lang(), &[&correct, &total])}</p>
            <p class="accuracy">{move || Msg::AccuracyLine.fill(locale.lang(), &[&accuracy])}</p>
            <p class="advice">
                {move || if passed { locale.t(Msg::ResultGood) } else { locale.t(Msg::ResultStudy) }}
            </p>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=move |_| on_again.run(())>
                    {move || locale.t(Msg::PlayAgain)}
                </button>
                <button type="button" class="button" on:click=move |_| on_home.run(())>
                    {move || locale.t(Msg::BackHome)}
                </button>
            </div>
        </div>
    }
}
