//! The answers after a round (解析回顾): every question with the options marked, the player's
//! answer, the right answer and the explanation.

use crate::domain::i18n::Msg;
use crate::domain::library::Library;
use crate::domain::session::Session;
use crate::platform::focus::open_on_mount;
use crate::ui::services::use_locale;
use crate::ui::widgets::{AnswerFeedback, QuestionCard};
use leptos::prelude::*;

/// Every answered question of `session`, in order.
#[component]
pub fn AnswerList(
    /// The banks the questions come from.
    library: Library,
    /// The finished session.
    session: Session,
    /// Called to go back to the result.
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H2>::new();
    open_on_mount(heading);
    let entries = session
        .items()
        .iter()
        .zip(session.answers())
        .enumerate()
        .filter_map(|(i, (item, answer))| {
            let question = library.question(&item.bank, &item.question)?.clone();
            let chosen = answer.chosen.clone();
            let shown = chosen.clone();
            Some(view! {
                <li class="review-item">
                    <p class="review-number">
                        <span aria-hidden="true">{if answer.correct { "✓ " } else { "✗ " }}</span>
                        {move || Msg::QuestionNumber.fill(locale.lang(), &[&(i + 1)])}
                    </p>
                    <QuestionCard
                        question=question.clone()
                        order=item.options.clone()
                        selected=Signal::derive(move || shown.clone())
                        revealed=true
                        on_toggle=|_| {}
                        listed=true
                    />
                    <AnswerFeedback item=item.clone() question=question chosen=chosen />
                </li>
            })
        })
        .collect_view();
    view! {
        <div class="review">
            <h2 class="result-title" tabindex="-1" node_ref=heading>{locale.tr(Msg::AnswersTitle)}</h2>
            <ol class="review-list" role="list">{entries}</ol>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=move |_| on_back.run(())>
                    {locale.tr(Msg::BackToResult)}
                </button>
            </div>
        </div>
    }
}
