//! What the player learns after answering: right or wrong (with a sign and words), the right
//! answer, the feedback on the options they chose, the explanation and its source.

use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::Msg;
use crate::domain::session::Item;
use crate::domain::text::Lang;
use crate::ui::services::use_locale;
use leptos::prelude::*;
use std::sync::Arc;

/// The verdict and the explanation for one answered question, as plain text for the language
/// shown (drawn again when it changes), not a reactive closure per line.
///
/// A practice prepares it while its question is on screen (`hidden`, `chosen` the options ticked so
/// far): it is built then and laid out collapsed and invisible (the app's stylesheet), so its text is
/// shaped and the fonts of its sizes (and of the verdict's sign) are loaded before the check, whose
/// verdict is drawn already: the check only shows it (`PracticeActions`). (On the phone profile the first
/// check of a visit took 28–31 ms, 11–18 ms of it a layout that mostly loaded fonts.)
#[component]
pub fn AnswerFeedback(
    /// The question as shown (for option letters).
    item: Item,
    /// The question.
    question: Question,
    /// What the player chose.
    #[prop(into)]
    chosen: Signal<Vec<OptionId>>,
    /// Whether it waits hidden (the answer not checked yet).
    #[prop(optional, into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let (item, question) = (Arc::new(item), Arc::new(question));
    let correct = {
        let question = question.clone();
        move || chosen.with(|c| question.is_correct(c))
    };
    let verdict = {
        let question = question.clone();
        move || {
            let lang = locale.lang();
            chosen.with(|chosen| verdict_lines(&item, &question, chosen, lang))
        }
    };
    let explained = move || {
        let lang = locale.lang();
        view! {
            <h3 class="feedback-heading">{Msg::Explanation.text(lang)}</h3>
            <p class="explanation">{question.explanation.get(lang).to_owned()}</p>
            <p class="source">
                <span class="source-label">{Msg::Source.text(lang)}</span>
                {Msg::Colon.text(lang)}
                {question.source.get(lang).to_owned()}
            </p>
        }
    };
    view! {
        <div
            class=move || if correct() { "feedback is-right" } else { "feedback is-wrong" }
            hidden=move || hidden.get()
        >
            {verdict}
            {explained}
        </div>
    }
}

/// Right or wrong, the right answer (and the player's, when wrong), and the feedback on the
/// options they chose.
fn verdict_lines(
    item: &Item,
    question: &Question,
    chosen: &[OptionId],
    lang: Lang,
) -> impl IntoView {
    let correct = question.is_correct(chosen);
    let right = Msg::RightAnswer.fill(
        lang,
        &[&item.letters(&question.answer, lang.list_separator())],
    );
    let answer_line = if correct {
        right
    } else {
        let yours = if chosen.is_empty() {
            Msg::NoAnswer.text(lang).to_owned()
        } else {
            item.letters(chosen, lang.list_separator())
        };
        let mut line = right;
        line.push_str(" · ");
        line.push_str(&Msg::YourAnswer.fill(lang, &[&yours]));
        line
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
        <p class="verdict">
            <span class="verdict-sign" aria-hidden="true">{if correct { "✓" } else { "✗" }}</span>
            {if correct { Msg::Correct.text(lang) } else { Msg::Wrong.text(lang) }}
        </p>
        <p class="answer-line">{answer_line}</p>
        {notes}
    }
}
