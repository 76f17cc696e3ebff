//! What the player learns after answering: right or wrong (with a sign and words), the right
//! answer, the feedback on the options they chose, the explanation and its source.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::Msg;
use crate::domain::session::Item;
use crate::domain::text::Lang;
use crate::ui::services::use_locale;
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
    let answer = question.answer.clone();
    let right_item = item.clone();
    let right_letters = move |lang: Lang| right_item.letters(&answer, lang.list_separator());
    let chosen_item = item.clone();
    let chosen_ids = chosen.clone();
    let chosen_letters = move |lang: Lang| {
        if chosen_ids.is_empty() {
            Msg::NoAnswer.text(lang).to_owned()
        } else {
            chosen_item.letters(&chosen_ids, lang.list_separator())
        }
    };
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
                {move || {
                    let lang = locale.lang();
                    Msg::RightAnswer.fill(lang, &[&right_letters(lang)])
                }}
                <Show when=move || !correct>
                    " · "
                    {
                        let chosen_letters = chosen_letters.clone();
                        move || {
                            let lang = locale.lang();
                            Msg::YourAnswer.fill(lang, &[&chosen_letters(lang)])
                        }
                    }
                </Show>
            </p>
            {notes
                .into_iter()
                .map(|note| view! { <p class="option-feedback">{move || note.get(locale.lang()).to_owned()}</p> })
                .collect_view()}
            <h3 class="feedback-heading">{locale.tr(Msg::Explanation)}</h3>
            <p class="explanation">{move || explanation.get(locale.lang()).to_owned()}</p>
            <p class="source">
                <span class="source-label">{locale.tr(Msg::Source)}</span>
                {locale.tr(Msg::Colon)}
                {move || source.get(locale.lang()).to_owned()}
            </p>
        </div>
    }
}
