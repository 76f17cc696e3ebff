//! A labelled row of large toggle buttons ("chips"): one pressed for a single choice, any number
//! for a multiple choice. Pressed chips carry a ✓ as well as their colour.

use crate::domain::bank::Audience;
use crate::domain::i18n::{audience_name, Msg};
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// One chip: the value it stands for and its words (tracked, so they follow the language).
#[derive(Debug, Clone, Copy)]
pub struct Choice<T: Send + Sync + 'static> {
    /// What picking it means.
    pub value: T,
    /// What it says.
    pub label: Signal<String>,
}

impl<T: Send + Sync + 'static> Choice<T> {
    /// A chip for `value` saying `label`.
    pub fn new(value: T, label: Signal<String>) -> Self {
        Choice { value, label }
    }
}

/// A group of choices; reports the one tapped (the caller decides what pressing means).
#[component]
pub fn Chips<T>(
    /// The group's heading (also its accessible name).
    heading: Msg,
    /// The choices with their words.
    choices: Vec<Choice<T>>,
    /// The choices pressed now.
    #[prop(into)]
    selected: Signal<Vec<T>>,
    /// Called with the choice tapped.
    #[prop(into)]
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let locale = use_locale();
    let id = format!("chips-{heading:?}").to_ascii_lowercase();
    let labelled_by = id.clone();
    view! {
        <div class="choice" role="group" aria-labelledby=labelled_by>
            <p id=id class="choice-label">{move || locale.t(heading)}</p>
            <div class="chips">
                {choices
                    .into_iter()
                    .map(|Choice { value, label }| {
                        let on = move || selected.with(|s| s.contains(&value));
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || on().to_string()
                                on:click=move |_| on_pick.run(value)
                            >
                                <span class="chip-mark" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// A choice's words from a message (tracked, so they follow the language).
pub fn words(msg: Msg) -> Signal<String> {
    let locale = use_locale();
    Signal::derive(move || locale.t(msg).to_owned())
}

/// Who the questions are for: everyone, seniors, young people, new to the city.
#[component]
pub fn AudienceChips(
    /// The current choice.
    #[prop(into)]
    audience: Signal<Audience>,
    /// Called with the choice tapped.
    #[prop(into)]
    on_pick: Callback<Audience>,
) -> impl IntoView {
    let choices = [
        Audience::Everyone,
        Audience::Elderly,
        Audience::Youth,
        Audience::Newcomers,
    ]
    .into_iter()
    .map(|a| Choice::new(a, words(audience_name(a))))
    .collect();
    view! {
        <Chips
            heading=Msg::AudienceHeading
            choices=choices
            selected=Signal::derive(move || vec![audience.get()])
            on_pick=on_pick
        />
    }
}
