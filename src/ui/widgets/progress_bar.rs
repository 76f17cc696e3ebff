//! The bar over a round's questions, for the eye only: the line beside it says the same in words.

use leptos::prelude::*;

/// Shows how far into its questions a round is.
#[component]
pub fn ProgressBar(
    /// The question's number and the count.
    #[prop(into)]
    place: Signal<(usize, usize)>,
) -> impl IntoView {
    view! {
        <div class="progress" aria-hidden="true">
            <div
                class="progress-bar"
                style:width=move || place.with(|(number, total)| format!("{}%", number * 100 / (*total).max(1)))
            ></div>
        </div>
    }
}
