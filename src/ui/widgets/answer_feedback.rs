//! What the player learns after answering: right or wrong (with a sign and words), the right
//! answer, the feedback on the options they chose, the explanation and its source.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::Msg;
use crate::domain::session::Item;
use crate::ui::app::use_locale;
use leptos::prelude::*;

/// The verdict and the explanation for one answered question.
#[component]
pub fn AnswerFeedback(
    /// The question as shown (for option letters).
    item: Item,
    /// The question.
    question: Question,
    /// What the player chose.
    chosen: Vec<OptionId>,
) -> impl IntoView {
    let locale = use_locale();
    let correct = question.is_correct(&chosen);
    let right_letters = item.letters(&question.answer, "、");
    let chosen_letters = (!chosen.is_empty()).then(|| item.letters(&chosen, "、"));
    let notes: Vec<_> = item
        .options
        .iter()
        .filter(|id| chosen.contains(id))
        .filter_map(|id| question.option(id))
        .filter_map(|o| o.feedback.clone())
        .collect();
    let explanation = question.explanation.clone();
    let source = question.source.clone();
    view! {
        <div class=if correct { "feedback is-right" } else { "feedback is-wrong" }>
            <p class="verdict">
                <span class="verdict-sign" aria-hidden="true">{if correct { "✓" } else { "✗" }}</span>
                {move || if correct { locale.t(Msg::Correct) } else { locale.t(Msg::Wrong) }}
            </p>
            <p class="answer-line">
                {move || Msg::RightAnswer.fill(locale.lang(), &[&right_letters])}
                <Show when=move || !correct>
                    " · "
                    {
                        let chosen_letters = chosen_letters.clone();
                        move || {
                            let lang = locale.lang();
                            let letters = chosen_letters.as_deref().unwrap_or(Msg::NoAnswer.text(lang));
                            Msg::YourAnswer.fill(lang, &[&letters])
                        }
                    }
                </Show>
            </p>
            {notes
                .into_iter()
                .map(|note| view! { <p class="option-feedback">{move || note.get(locale.lang()).to_owned()}</p> })
                .collect_view()}
            <h3 class="feedback-heading">{move || locale.t(Msg::Explanation)}</h3>
            <p class="explanation">{move || explanation.get(locale.lang()).to_owned()}</p>
            <p class="source">
                <span class="source-label">{move || locale.t(Msg::Source)}</span>
                "："
                {move || source.get(locale.lang()).to_owned()}
            </p>
        </div>
    }
}
