//! The read-aloud button (朗读): reads the question and its options, and after the answer the right
//! answer and the explanation, in the interface language. Not shown where the engine cannot speak.

use crate::domain::bank::Question;
use crate::domain::i18n::Msg;
use crate::domain::session::Item;
use crate::domain::speech::spoken_text;
use crate::domain::text::Lang;
use crate::platform::speech;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// Reads the question on screen aloud. It stays from question to question (only the question it
/// reads changes), and another question, or leaving, stops the voice.
#[component]
pub fn ReadAloud(
    /// The question on screen and its item (its options in display order).
    #[prop(into)]
    shown: Signal<Option<(Item, Question)>>,
    /// Whether the answer is revealed (then the explanation is read too).
    #[prop(into)]
    revealed: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    // Another question, or leaving, stops the voice.
    on_cleanup(speech::stop);
    Effect::new(move |first: Option<()>| {
        shown.track();
        if first.is_some() {
            speech::stop();
        }
    });
    speech::available().then(|| {
        view! {
            <button
                type="button"
                class="button button-small button-quiet read-aloud"
                on:click=move |_| {
                    let lang = locale.lang();
                    shown.with_untracked(|shown| {
                        let Some((item, question)) = shown else {
                            return;
                        };
                        let text = spoken_text(question, &item.options, lang, revealed.get_untracked());
                        // A Chinese-only question in the English interface is read by a Chinese voice.
                        let voice = if question.falls_back(lang) { Lang::Zh } else { lang };
                        speech::speak(&text, voice.html_lang());
                    });
                }
            >
                // A speaker drawn inline: emoji fonts are missing on many kiosks.
                <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                    <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor"></path>
                    <path
                        d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="2"
                        stroke-linecap="round"
                    ></path>
                </svg>
                {locale.tr(Msg::ReadAloud)}
            </button>
        }
    })
}
