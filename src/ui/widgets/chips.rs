//! A labelled row of large toggle buttons ("chips"): one pressed for a single choice, any number
//! for a multiple choice. Pressed chips carry a ✓ as well as their colour.

use crate::domain::bank::Audience;
use crate::domain::i18n::{audience_name, Msg};
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// One chip: the number it stands for and its words (tracked, so they follow the language).
///
/// The number is the caller's to map: usually the position of a value in the caller's list
/// ([`numbered`], [`positions`], [`picked`]). One `Chips` for every kind of value, instead of one
/// copy of the widget per value type: seven copies cost the phone ~2 KB of brotli-compressed wasm.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    /// What picking it means (to the caller).
    pub value: u8,
    /// What it says.
    pub label: Signal<String>,
}

impl Choice {
    /// A chip for `value` saying `label`.
    pub fn new(value: u8, label: Signal<String>) -> Self {
        Choice { value, label }
    }
}

/// One chip per value of `values`, numbered by position, each saying `label(value)`.
pub fn numbered<T: Copy>(values: &[T], label: impl Fn(T) -> Signal<String>) -> Vec<Choice> {
    (0..=u8::MAX)
        .zip(values)
        .map(|(i, v)| Choice::new(i, label(*v)))
        .collect()
}

/// The chip numbers (positions in `values`) of the values `pressed`.
pub fn positions<T: PartialEq>(values: &[T], pressed: &[T]) -> Vec<u8> {
    (0..=u8::MAX)
        .zip(values)
        .filter(|(_, v)| pressed.contains(v))
        .map(|(i, _)| i)
        .collect()
}

/// The value a chip number stands for (its position in `values`).
pub fn picked<T: Copy>(values: &[T], chip: u8) -> Option<T> {
    values.get(usize::from(chip)).copied()
}

/// A group of choices; reports the one tapped (the caller decides what pressing means).
#[component]
pub fn Chips(
    /// The group's heading (also its accessible name).
    heading: Msg,
    /// The choices with their words.
    choices: Vec<Choice>,
    /// The choices pressed now.
    #[prop(into)]
    selected: Signal<Vec<u8>>,
    /// Called with the choice tapped.
    #[prop(into)]
    on_pick: Callback<u8>,
) -> impl IntoView {
    let locale = use_locale();
    // Unique among the groups of a screen (each has its own heading).
    let id = format!("chips-{}", heading as u16);
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
    const AUDIENCES: [Audience; 4] = [
        Audience::Everyone,
        Audience::Elderly,
        Audience::Youth,
        Audience::Newcomers,
    ];
    view! {
        <Chips
            heading=Msg::AudienceHeading
            choices=numbered(&AUDIENCES, |a| words(audience_name(a)))
            selected=Signal::derive(move || positions(&AUDIENCES, &[audience.get()]))
            on_pick=move |chip| {
                if let Some(a) = picked(&AUDIENCES, chip) {
                    on_pick.run(a);
                }
            }
        />
    }
}
