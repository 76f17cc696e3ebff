//! What the player learns after answering: right or wrong (with a sign and words), the right
//! answer, the feedback on the options they chose, the explanation and its source.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::Msg;
use crate::domain::session::Item;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The verdict and the explanation for one answered question. Drawn whole for the language shown
/// (again when it changes): plain text in it, not a reactive closure per line, so checking an
/// answer builds little more than its elements.
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
    move || {
        let lang = locale.lang();
        let answer_line = {
            let right = Msg::RightAnswer.fill(
                lang,
                &[&item.letters(&question.answer, lang.list_separator())],
            );
            if correct {
                right
            } else {
                let yours = if chosen.is_empty() {
                    Msg::NoAnswer.text(lang).to_owned()
                } else {
                    item.letters(&chosen, lang.list_separator())
                };
                let mut line = right;
                line.push_str(" · ");
                line.push_str(&Msg::YourAnswer.fill(lang, &[&yours]));
                line
            }
        };
        let notes = item
            .options
            .iter()
            .filter(|id| chosen.contains(id))
            .filter_map(|id| question.option(id))
            .filter_map(|o| o.feedback.as_ref())
            .map(|note| view! { <p class="option-feedback">{note.get(lang).to_owned()}</p> })
            .collect_view();
        view! {
            <div class=if correct { "feedback is-right" } else { "feedback is-wrong" }>
                <p class="verdict">
                    <span class="verdict-sign" aria-hidden="true">{if correct { "✓" } else { "✗" }}</span>
                    {if correct { Msg::Correct.text(lang) } else { Msg::Wrong.text(lang) }}
                </p>
                <p class="answer-line">{answer_line}</p>
                {notes}
                <h3 class="feedback-heading">{Msg::Explanation.text(lang)}</h3>
                <p class="explanation">{question.explanation.get(lang).to_owned()}</p>
                <p class="source">
                    <span class="source-label">{Msg::Source.text(lang)}</span>
                    {Msg::Colon.text(lang)}
                    {question.source.get(lang).to_owned()}
                </p>
            </div>
        }
    }
}
