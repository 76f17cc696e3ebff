//! One question with its options as large toggle buttons. After the answer is revealed the options
//! lock and carry marks (✓ / ✗ with words), so colour is never the only signal.
//!
//! The marks are drawn ahead, hidden, as soon as something is ticked (each for what is ticked
//! then), and the style sheet shows them with the revealed option's class: the check only changes
//! classes. (Drawing them was the only building the check's tap did.)

use crate::domain::bank::option_letter;
use crate::domain::bank::{OptionId, Question, QuestionType};
use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::platform::focus::open_on_mount;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The state of one option, for its style and its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OptionState {
    Idle,
    Selected,
    RightMissed,
    RightChosen,
    WrongChosen,
    Other,
}

impl OptionState {
    fn of(revealed: bool, chosen: bool, is_answer: bool) -> Self {
        match (revealed, chosen, is_answer) {
            (false, true, _) => OptionState::Selected,
            (false, false, _) => OptionState::Idle,
            (true, true, true) => OptionState::RightChosen,
            (true, false, true) => OptionState::RightMissed,
            (true, true, false) => OptionState::WrongChosen,
            (true, false, false) => OptionState::Other,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            OptionState::Idle => "option",
            OptionState::Selected => "option is-selected",
            OptionState::RightMissed => "option is-right",
            OptionState::RightChosen => "option is-right is-chosen",
            OptionState::WrongChosen => "option is-wrong is-chosen",
            OptionState::Other => "option is-other",
        }
    }
}

/// The mark an option carries once revealed: its sign and words.
fn mark(chosen: bool, is_answer: bool) -> Option<(&'static str, Msg)> {
    match (chosen, is_answer) {
        (false, true) => Some(("✓", Msg::MarkRight)),
        (true, true) => Some(("✓", Msg::MarkChosenRight)),
        (true, false) => Some(("✗", Msg::MarkChosenWrong)),
        (false, false) => None,
    }
}

/// Shows a question and its options; reports taps on options.
#[component]
pub fn QuestionCard(
    /// The question shown.
    question: Question,
    /// Option ids in display order (A, B, C …).
    order: Vec<OptionId>,
    /// The options ticked so far.
    #[prop(into)]
    selected: Signal<Vec<OptionId>>,
    /// Whether the answer is revealed (options locked and marked).
    #[prop(into)]
    revealed: Signal<bool>,
    /// Called with the option the player taps.
    #[prop(into)]
    on_toggle: Callback<OptionId>,
    /// One of a list (the answers after a round): a smaller heading that does not take the focus.
    #[prop(optional)]
    listed: bool,
) -> impl IntoView {
    let locale = use_locale();
    let hint = match question.kind {
        QuestionType::Single => Msg::TypeSingle,
        QuestionType::Multiple => Msg::TypeMultiple,
        QuestionType::TrueFalse => Msg::TypeTrueFalse,
    };
    let prompt = question.prompt.clone();
    let heading = NodeRef::<leptos::html::H2>::new();
    if !listed {
        open_on_mount(heading);
    }
    let options = order
        .iter()
        .enumerate()
        .filter_map(|(pos, id)| question.option(id).map(|o| (pos, o.clone())))
        .map(|(pos, option)| {
            let is_answer = question.answer.contains(&option.id);
            let id = option.id.clone();
            let chosen = Signal::derive(move || selected.with(|s| s.contains(&id)));
            let state = move || OptionState::of(revealed.get(), chosen.get(), is_answer);
            // Drawn once anything is ticked (or the answer shows): unchanged by the check, which
            // does not even wake it (with something ticked, `revealed` is not read).
            let drawn = use_memo(move |_| {
                let ahead = selected.with(|s| !s.is_empty()) || revealed.get();
                ahead.then(|| mark(chosen.get(), is_answer)).flatten()
            });
            let id = option.id.clone();
            let text = option.text.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class=move || state().as_str()
                        aria-pressed=move || chosen.get().to_string()
                        aria-disabled=move || revealed.get().to_string()
                        on:click=move |_| {
                            if !revealed.get_untracked() {
                                on_toggle.run(id.clone());
                            }
                        }
                    >
                        <span class="option-letter">{option_letter(pos).to_string()}</span>
                        <span class="option-text">{move || text.get(locale.lang()).to_owned()}</span>
                        {move || {
                            drawn
                                .get()
                                .map(|(sign, msg)| {
                                    view! {
                                        <span class="option-mark until-revealed">
                                            <span aria-hidden="true">{sign}</span>
                                            " "
                                            {locale.t(msg)}
                                        </span>
                                    }
                                })
                        }}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="question-card">
            <p class="question-kind">{move || locale.t(hint)}</p>
            // A Chinese-only bank in the English interface: the Chinese, labelled as such.
            {
                let falls_back = question.falls_back(Lang::En);
                move || (falls_back && locale.lang() == Lang::En).then(|| view! { <p class="lang-note">{locale.t(Msg::ChineseOnly)}</p> })
            }
            {
                let shown_lang = {
                    let prompt = prompt.clone();
                    move || prompt.shown_lang(locale.lang()).html_lang()
                };
                let prompt = move || prompt.get(locale.lang()).to_owned();
                if listed {
                    view! { <h3 class="question-prompt" lang=shown_lang>{prompt}</h3> }.into_any()
                } else {
                    view! { <h2 class="question-prompt" lang=shown_lang tabindex="-1" node_ref=heading>{prompt}</h2> }.into_any()
                }
            }
            <ul class="options" role="list" aria-label=locale.tr(Msg::OptionsLabel)>
                {options}
            </ul>
        </div>
    }
}
